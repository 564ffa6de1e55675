/**
 * Kwartaalronde of a versnellingstafel: open a quarter with a deadline, see per project and per
 * organisation who has delivered, confirm unchanged projects (one project, or all of an
 * organisation's at once: one action), a reminder list to mail, and close the quarter, which freezes
 * the projects as they are. Closed quarters stay viewable "as of" that quarter.
 * SPEC §2 "Quarterly round"; issue 5: keep the burden of the round low.
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useApi, useReference } from '../../api/hooks.ts';
import { roundChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { RoundDetail } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { may, mayRunRound } from '../../auth/permissions.ts';
import { canReadTableAgenda } from '../../../../src/domain/access.ts';
import { regionArea } from '../dashboard/regionAccess.ts';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatProjectCount } from '../../labels.ts';
import { regionPath } from '../dashboard/drilldown.ts';
import { quarterLabel } from './quarters.ts';
import { OpenQuarterForm } from './OpenQuarterForm.tsx';
import { OpenRoundPanel } from './OpenRoundPanel.tsx';
import { ClosedRounds } from './ClosedRounds.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';

export function RoundPage() {
  const { regionId = '' } = useParams();
  const { state: auth } = useAuth();
  const regions = useReference('regions');
  const queryClient = useQueryClient();
  const rounds = useApi(queryKeys.round.list(regionId), (signal) => api.listRounds(regionId, signal));
  const region = regions.data?.find((r) => r.id === regionId);
  const [closed, setClosed] = useState<RoundDetail | null>(null);
  usePageTitle(region ? `Kwartaalronde ${region.name}` : 'Kwartaalronde');

  const openRound = rounds.data?.items.find((r) => r.status === 'open');
  const closedRounds = rounds.data?.items.filter((r) => r.status === 'gesloten') ?? [];
  const canRun = mayRunRound(auth, regionId);
  const gemeenten = useReference('gemeenten');
  // The agenda is for who sees the whole table (src/domain/access.ts canReadTableAgenda).
  const mayReadAgenda = region && gemeenten.data ? may(auth, (p) => canReadTableAgenda(p, regionArea(region, gemeenten.data!))) : false;
  // A quarter opened or closed: the round pages, the Tafeloverzicht's delivery summary and the frozen projects are out of date.
  const reload = () => void roundChanged(queryClient);

  return (
    <>
      <Paragraph>
        <TextLink to={regionPath(regionId)}>
          <span aria-hidden="true">← </span>Tafeloverzicht {region?.name ?? ''}
        </TextLink>
      </Paragraph>
      {mayReadAgenda && (
        <Paragraph>
          <TextLink to={regionPath(regionId, 'agenda')}>Agenda tafeloverleg</TextLink>
        </Paragraph>
      )}
      <Heading level={1}>
        <span className="wbm-eyebrow">Kwartaalronde</span> {region?.name ?? regionId}
      </Heading>
      <Paragraph lead>
        Elk kwartaal werken gemeenten, marktpartijen en corporaties hun projecten bij. Wie niets te melden heeft, bevestigt dat het project
        ongewijzigd is. Hier ziet u wie al heeft geleverd.
      </Paragraph>
      {regions.state === 'ready' && !region && (
        <Alert type="warning" title="Onbekende tafel">
          <Paragraph>Deze tafel bestaat niet. Kies een tafel in het tafeloverzicht.</Paragraph>
        </Alert>
      )}
      {region && region.kind !== 'versnellingstafel' && (
        <Alert type="info" title="Geen versnellingstafel">
          <Paragraph>Een kwartaalronde hoort bij een versnellingstafel; {region.name} is een woondealregio.</Paragraph>
        </Alert>
      )}
      {closed && (
        <Alert type="ok" title={`${quarterLabel(closed.quarter)} is gesloten`} urgent>
          <Paragraph>
            De stand van {formatProjectCount(closed.projectCount ?? closed.delivery.total)} is bewaard.{' '}
            <TextLink to={regionPath(regionId, 'kwartaalronde') + `/${closed.id}`}>Bekijk de stand van {quarterLabel(closed.quarter)}</TextLink>.
          </Paragraph>
        </Alert>
      )}
      {rounds.state === 'loading' && <Loading />}
      {rounds.state === 'error' && <ErrorMessage error={rounds.error} retry={rounds.reload} />}
      {rounds.state === 'ready' && (
        <>
          {openRound ? (
            <OpenRoundPanel
              key={openRound.id}
              summary={openRound}
              region={region}
              auth={auth}
              canRun={canRun}
              onClosed={(detail) => {
                setClosed(detail);
                reload();
              }}
            />
          ) : (
            canRun &&
            (!region || region.kind === 'versnellingstafel') && (
              <OpenQuarterForm
                regionId={regionId}
                rounds={rounds.data.items}
                onOpened={() => {
                  setClosed(null);
                  reload();
                }}
              />
            )
          )}
          {!openRound && !canRun && <Paragraph>Er is op dit moment geen kwartaalronde open.</Paragraph>}
          <ClosedRounds regionId={regionId} rounds={closedRounds} />
        </>
      )}
    </>
  );
}
