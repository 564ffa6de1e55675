/**
 * Tafels inrichten (issue 11 item 1): the list of versnellingstafels and woondeal regions (name, kind, gemeenten,
 * members, running or stopped) and, for administrators and province analysts, the form for a new table. A table's
 * secretary opens its own table from here to manage its members. The server decides (src/domain/access.ts).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useReference } from '../../api/hooks.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayOpenTablesAdmin, may } from '../../auth/permissions.ts';
import { canSetUpRegions } from '../../../../src/domain/access.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { PageNotice } from '../../components/PageNotice.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { NewRegionForm } from './NewRegionForm.tsx';
import type { RegionRow } from './regionInput.ts';

const KIND_LABELS: Record<RegionRow['kind'], string> = { versnellingstafel: 'Versnellingstafel', woondealregio: 'Woondealregio' };
export const kindLabel = (kind: RegionRow['kind']) => KIND_LABELS[kind];
export const statusLabel = (r: { endedOn: string | null }) => (r.endedOn ? `Gestopt op ${r.endedOn}` : 'Loopt');

export function TablesAdminPage() {
  usePageTitle('Tafels inrichten');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (!isSignedIn(state) || !mayOpenTablesAdmin(state)) {
    return (
      <PageNotice
        testId="tables-admin-not-allowed"
        heading="Tafels inrichten"
        title="Alleen voor beheerders, analisten van een provincie en secretarissen"
      >
        <Paragraph>
          Op deze pagina richten beheerders en analisten van een provincie versnellingstafels in. De secretaris van een tafel beheert hier de
          deelnemers.
        </Paragraph>
        {!isSignedIn(state) && (
          <ButtonLink appearance="secondary-action" to="/inloggen?terug=%2Fbeheer%2Ftafels">
            Inloggen
          </ButtonLink>
        )}
      </PageNotice>
    );
  }
  return <TablesAdmin maySetUp={may(state, canSetUpRegions)} />;
}

function TablesAdmin({ maySetUp }: { maySetUp: boolean }) {
  const regions = useReference('regions');
  const [status, setStatus] = useState<string | null>(null);
  return (
    <article data-testid="tables-admin">
      <Heading level={1}>Tafels inrichten</Heading>
      <Paragraph lead>
        Hier staan de versnellingstafels en woondealregio’s, met hun gemeenten en deelnemers. Open een tafel om de naam, de gemeenten of de deelnemers
        te wijzigen.
      </Paragraph>
      <Paragraph className="wbm-save-status" role="status" data-testid="tables-admin-status">
        {status}
      </Paragraph>
      {maySetUp && <NewRegionForm onCreated={setStatus} />}
      <Section id="lijst" title="Alle tafels en regio’s">
        {regions.state === 'error' && regions.error && <ErrorMessage error={regions.error} retry={regions.reload} />}
        {regions.state === 'loading' && <Loading>De tafels worden geladen…</Loading>}
        {regions.data && (
          <Table<RegionRow>
            caption={`Tafels en regio’s (${regions.data.length})`}
            testId="tables-admin-table"
            rows={regions.data}
            rowKey={(r) => r.id}
            rowData={(r) => ({ 'data-region': r.id })}
            scrollLabel="Tafels en regio’s"
            columns={[
              {
                key: 'name',
                header: 'Naam',
                cell: (r) => <Link to={`/beheer/tafels/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
              },
              { key: 'kind', header: 'Soort', cell: (r) => kindLabel(r.kind) },
              { key: 'gemeenten', header: 'Gemeenten', cell: (r) => r.gemeenteCodes.length, className: 'wbm-nowrap' },
              { key: 'members', header: 'Deelnemers', cell: (r) => r.memberCount, className: 'wbm-nowrap' },
              { key: 'status', header: 'Status', cell: (r) => (r.endedOn ? <strong>{statusLabel(r)}</strong> : statusLabel(r)) },
            ]}
          />
        )}
      </Section>
    </article>
  );
}
