/**
 * Warns on every page when the register holds synthetic demo projects (SPEC §7: "a clearly
 * labelled synthetic demo dataset"), so nobody mistakes them for real plans.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { cached } from '../api/hooks.ts';
import { useAuth } from '../auth/AuthContext.tsx';

export function DemoDataBanner() {
  const [syntheticCount, setSyntheticCount] = useState(0);
  const { state } = useAuth();
  // Ask again after signing in: the public may not see the project list.
  const who = state.status === 'ready' ? `${state.me.principal.role}:${state.me.principal.name}` : state.status;

  useEffect(() => {
    let active = true;
    if (who === 'loading') return;
    cached(`synthetic-count:${who}`, () => api.listProjects(new URLSearchParams({ synthetic: 'true', limit: '1' }), undefined, { quiet401: true }))
      .then((list) => active && setSyntheticCount(list.total))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [who]);

  if (syntheticCount === 0) return null;
  return (
    <aside className="wbm-demo-banner" aria-label="Demogegevens">
      <div className="wbm-container">
        <p className="utrecht-paragraph">
          <strong>Let op: dit zijn verzonnen demogegevens.</strong> De projecten met het label “Demo” bestaan niet echt. Gebruik ze alleen om
          de Woningbouwmonitor uit te proberen.
        </p>
      </div>
    </aside>
  );
}
