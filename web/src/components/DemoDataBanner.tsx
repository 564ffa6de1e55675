/**
 * Warns on every page when the register holds synthetic demo projects (SPEC §7: "a clearly
 * labelled synthetic demo dataset"), so nobody mistakes them for real plans.
 */
import { api } from '../api/client.ts';
import { useApi } from '../api/hooks.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { Paragraph } from './Paragraph.tsx';

/** Number of synthetic demo projects the signed-in person (or the public) may see; null until known or when the list is closed to them. */
export function useSyntheticCount(): number | null {
  const { state } = useAuth();
  // Ask again after signing in: the public may not see the project list.
  const who = state.status === 'ready' ? `${state.me.principal.role}:${state.me.principal.name}` : state.status;
  // The exact number (the list counts up to 1,000 unless asked for the exact total): pages say how many demo projects the figures hold.
  const count = useApi(
    queryKeys.projects.syntheticCount(who),
    (signal) =>
      api.listProjects(new URLSearchParams({ synthetic: 'true', limit: '1', total: 'exact' }), signal, { quiet401: true }).then((list) => list.total),
    { enabled: who !== 'loading', keepPrevious: false },
  );
  return count.state === 'ready' ? count.data : null;
}

export function DemoDataBanner() {
  const syntheticCount = useSyntheticCount() ?? 0;
  if (syntheticCount === 0) return null;
  return (
    <aside className="wbm-demo-banner" aria-label="Demogegevens">
      <div className="wbm-container">
        <Paragraph>
          <strong>Let op: dit zijn verzonnen demogegevens.</strong> De projecten met het label “Demo” bestaan niet echt. Gebruik ze alleen om de
          Woningbouwmonitor uit te proberen.
        </Paragraph>
      </div>
    </aside>
  );
}
