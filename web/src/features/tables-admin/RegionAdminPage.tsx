/**
 * One table (Tafels inrichten, issue 11 item 1): rename and stop it, change its gemeenten from a quarter with the
 * coverage history, and its member organisations and secretaries. Each section shows only what the person may do
 * (the detail's permissions, from src/domain/access.ts); the server decides.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { regionsChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayOpenTablesAdmin } from '../../auth/permissions.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { PageNotice } from '../../components/PageNotice.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CoverageSection } from './CoverageSection.tsx';
import { MembersSection } from './MembersSection.tsx';
import { NameSection } from './NameSection.tsx';
import { kindLabel, statusLabel } from './TablesAdminPage.tsx';
import { quarterText } from './regionInput.ts';

export function RegionAdminPage() {
  const { regionId = '' } = useParams();
  const { state } = useAuth();
  usePageTitle('Tafel inrichten');
  if (state.status === 'loading') return <Loading />;
  if (!isSignedIn(state) || !mayOpenTablesAdmin(state)) {
    return (
      <PageNotice
        testId="tables-admin-not-allowed"
        heading="Tafel inrichten"
        title="Alleen voor beheerders, analisten van een provincie en secretarissen"
      >
        <Paragraph>
          Deze pagina is er om een versnellingstafel in te richten. <Link to="/tafels">Bekijk het tafeloverzicht</Link>.
        </Paragraph>
      </PageNotice>
    );
  }
  return <RegionAdmin regionId={regionId} />;
}

function RegionAdmin({ regionId }: { regionId: string }) {
  const client = useQueryClient();
  const detail = useApi(queryKeys.reference.region(regionId), (signal) => api.regionDetail(regionId, signal));
  const regions = useReference('regions');
  const changed = () => regionsChanged(client);
  if (detail.state === 'error' && detail.error) return <ErrorMessage error={detail.error} retry={detail.reload} />;
  if (!detail.data || !regions.data) return <Loading>De tafel wordt geladen…</Loading>;
  const region = detail.data;
  return (
    <article data-testid="region-admin" data-version={region.version}>
      <Paragraph>
        <Link to="/beheer/tafels">Alle tafels en regio’s</Link>
      </Paragraph>
      <Heading level={1}>{region.name}</Heading>
      <Paragraph lead data-testid="region-summary">
        {kindLabel(region.kind)} · {region.gemeenten.length} gemeenten · {statusLabel(region)}
        {region.closedQuarters.length > 0 && ` · afgesloten kwartalen: ${region.closedQuarters.map((q) => quarterText(q)).join(', ')}`}
      </Paragraph>
      {region.permissions.maySetUp && <NameSection key={`name-${region.version}`} region={region} onChanged={changed} />}
      <CoverageSection key={`coverage-${region.version}`} region={region} regions={regions.data} onChanged={changed} />
      <MembersSection region={region} onChanged={changed} />
    </article>
  );
}
