/**
 * Doelen: the dated targets of the analyst's area (a province analyst: the province's; the ministry and
 * administrators: all), with their source; add or change a target, and import targets from a spreadsheet.
 * For the roles that maintain targets (src/domain/access.ts canManageTargets, the gate of the write routes);
 * which target a person may change is the server's rule (canEditTargets), applied here to offer only that.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { fetchReference } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { Principal, Target } from '../../api/types.ts';
import { isSignedIn, useAuth, type AuthState } from '../../auth/AuthContext.tsx';
import { mayEditTarget, mayManageTargets, principalOf } from '../../auth/permissions.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { PageNotice } from '../../components/PageNotice.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import type { TargetReferences } from '../../../../src/domain/national.ts';
import { TargetForm, type AreaOptions } from './TargetForm.tsx';
import { TargetImport } from './TargetImport.tsx';
import { TargetsTable, type TargetRow } from './TargetsTable.tsx';
import { formatPeriod, geoIndex, inArea, provincieOfTarget } from './targetList.ts';

export function TargetsPage() {
  usePageTitle('Doelen');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (!mayManageTargets(state)) {
    return (
      <PageNotice heading="Doelen" title="Deze pagina is voor analisten van provincie en ministerie" testId="targets-no-access">
        <Paragraph>
          Hier houden analisten van de provincie en het ministerie de woningbouwdoelen bij. Met uw account kunt u de doelen niet wijzigen.
        </Paragraph>
      </PageNotice>
    );
  }
  return <TargetsView state={state} principal={isSignedIn(state) ? principalOf(state.me) : null} />;
}

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

function TargetsView({ state, principal }: { state: AuthState; principal: Principal | null }) {
  const targets = useApi(queryKeys.targets.list, (signal) => api.listTargets(signal));
  const reference = useApi(queryKeys.reference.bundle('doelen'), async (_signal, client) => {
    const [gemeenten, provincies, regions] = await Promise.all([
      fetchReference(client, 'gemeenten'),
      fetchReference(client, 'provincies'),
      fetchReference(client, 'regions'),
    ]);
    return { gemeenten, provincies, regions };
  });
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const error = targets.state === 'error' ? targets : reference.state === 'error' ? reference : null;
  const ready = targets.state === 'ready' && reference.state === 'ready';
  const area =
    principal?.role === 'provincie_analist' ? (reference.data?.provincies.find((p) => p.code === principal.provincieCode)?.name ?? null) : null;
  const synthetic = principal?.demo ?? false;

  let rows: TargetRow[] = [];
  let areas: AreaOptions = { nation: false, provincie: [], region: [], gemeente: [] };
  let refs: TargetReferences = { provincies: new Set(), gemeenten: new Set(), regions: new Set() };
  if (targets.state === 'ready' && reference.state === 'ready') {
    const { gemeenten, provincies, regions } = reference.data;
    const index = geoIndex(gemeenten, regions);
    const mayWrite = (level: string, provincieCode: string | null, isSynthetic: boolean) =>
      mayEditTarget(state, { level, provincieCode, synthetic: isSynthetic });
    rows = targets.data.items.flatMap((t) => {
      const provincie = provincieOfTarget(t, index);
      return inArea(principal, provincie) ? [{ ...t, editable: mayWrite(t.geoLevel, provincie, t.synthetic ?? false) }] : [];
    });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
    areas = {
      nation: mayWrite('nation', null, synthetic),
      provincie: provincies.filter((p) => mayWrite('provincie', p.code, synthetic)).map((p) => ({ code: p.code, name: p.name })),
      region: regions
        .filter((r) => mayWrite('region', index.provincieOfRegion.get(r.id) ?? null, synthetic))
        .map((r) => ({ code: r.id, name: r.name }))
        .sort(byName),
      gemeente: gemeenten
        .filter((g) => mayWrite('gemeente', g.provincieCode, synthetic))
        .map((g) => ({ code: g.code, name: g.name }))
        .sort(byName),
    };
    refs = {
      provincies: new Set(provincies.map((p) => p.code)),
      gemeenten: new Set(gemeenten.map((g) => g.code)),
      regions: new Set(regions.map((r) => r.id)),
    };
  }
  const editTarget = editing?.mode === 'edit' ? (rows.find((t) => t.id === editing.id) ?? null) : null;

  const onSaved = (target: Target, created: boolean) => {
    setEditing(null);
    setSaved(`Het doel voor ${target.geoName} (${formatPeriod(target)}) is ${created ? 'toegevoegd' : 'gewijzigd'}.`);
  };

  return (
    <article data-testid="targets" data-ready={ready ? 'true' : 'false'}>
      <Heading level={1}>Doelen</Heading>
      <Paragraph lead>
        De woningbouwdoelen {area ? `van de provincie ${area}` : 'van Nederland, de provincies, regio’s en gemeenten'}, elk voor een periode en met
        het document waarin het doel is afgesproken. De monitor zet de projecten af tegen deze doelen.
      </Paragraph>
      {synthetic && (
        <Paragraph>
          U bent ingelogd met een demo-account: wat u toevoegt of importeert is demodata en telt niet mee in de echte cijfers. Echte doelen kunt u
          hier bekijken, niet wijzigen.
        </Paragraph>
      )}
      {error?.error && <ErrorMessage error={error.error} retry={error.reload} />}
      {!ready && !error && <Loading>De doelen worden geladen…</Loading>}
      {ready && (
        <>
          <Section id="doelen-lijst" title={area ? `Doelen in ${area}` : 'Alle doelen'}>
            <Paragraph className="wbm-save-status" role="status" data-testid="target-saved">
              {saved}
            </Paragraph>
            {editing === null && (
              <Button
                appearance="primary-action"
                onClick={() => {
                  setSaved(null);
                  setEditing({ mode: 'new' });
                }}
              >
                Doel toevoegen
              </Button>
            )}
            {editing && (editing.mode === 'new' || editTarget) && (
              <TargetForm
                key={editing.mode === 'new' ? 'new' : editing.id}
                target={editTarget}
                areas={areas}
                refs={refs}
                onSaved={onSaved}
                onCancel={() => setEditing(null)}
                onReload={() => client.refetchQueries({ queryKey: queryKeys.targets.all })}
              />
            )}
            <TargetsTable
              rows={rows}
              busy={targets.isRefreshing}
              onEdit={(t) => {
                setSaved(null);
                setEditing({ mode: 'edit', id: t.id });
              }}
            />
          </Section>
          <Section id="doelen-import" title="Doelen importeren uit een spreadsheet">
            <TargetImport />
          </Section>
        </>
      )}
    </article>
  );
}
