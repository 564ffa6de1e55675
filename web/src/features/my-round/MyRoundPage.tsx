/**
 * Mijn kwartaalronde: where a gemeente's project leader or a market party lands after signing in. For each
 * open round of each table it takes part in: the deadline and its own work — every project with its side's
 * state and what needs attention, one action to confirm an unchanged project, and each project one click
 * away for its edits. SPEC §2 "Quarterly round" (keep the round light); issue 12 item 1.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { roundChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { MyRounds } from '../../api/types.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayUseMyRound, roleLabel } from '../../auth/permissions.ts';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { PageNotice } from '../../components/PageNotice.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import type { ConfirmStatus } from './ConfirmAction.tsx';
import { MyRoundSection } from './MyRoundSection.tsx';
import { withConfirmed } from './myRound.ts';
import { MY_ROUND_PATH } from './paths.ts';

const TITLE = 'Mijn kwartaalronde';

export function MyRoundPage() {
  usePageTitle(TITLE);
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (!isSignedIn(state)) {
    return (
      <PageNotice heading={TITLE} title="U bent niet ingelogd" testId="my-round-signed-out">
        <Paragraph>
          Hier werken projectleiders van gemeenten en marktpartijen elk kwartaal hun projecten bij.{' '}
          <TextLink to={`/inloggen?terug=${encodeURIComponent(MY_ROUND_PATH)}`}>Log in</TextLink> om uw kwartaalronde te zien.
        </Paragraph>
      </PageNotice>
    );
  }
  if (!mayUseMyRound(state)) {
    const { role, regionId } = state.me.principal;
    return (
      <PageNotice heading={TITLE} title="Deze pagina is voor gemeenten en marktpartijen" testId="my-round-not-a-party">
        <Paragraph>
          Op deze pagina werken projectleiders van gemeenten en marktpartijen elk kwartaal hun eigen projecten bij. U bent ingelogd als{' '}
          {roleLabel(role).toLowerCase()}.
        </Paragraph>
        <Paragraph>
          {role === 'tafel_secretaris' && regionId ? (
            <TextLink to={`/tafels/${encodeURIComponent(regionId)}/kwartaalronde`}>Naar de kwartaalronde van uw tafel</TextLink>
          ) : (
            <TextLink to="/tafels">Naar het tafeloverzicht</TextLink>
          )}
        </Paragraph>
      </PageNotice>
    );
  }
  return <MyRoundView />;
}

function MyRoundView() {
  const queryClient = useQueryClient();
  const mine = useApi(queryKeys.round.mine, (signal) => api.myRounds(signal));
  const [statuses, setStatuses] = useState<ReadonlyMap<string, ConfirmStatus>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const setStatus = (projectId: string, status: ConfirmStatus) => setStatuses((s) => new Map(s).set(projectId, status));

  const confirm = async (roundId: string, projectId: string, projectName: string) => {
    setStatus(projectId, { kind: 'busy' });
    setAnnouncement('');
    try {
      await api.confirm(roundId, { projectIds: [projectId] });
      // Shown at once; then the round pages, Tafeloverzicht and this list are fetched again.
      queryClient.setQueryData<MyRounds>(queryKeys.round.mine, (data) => data && withConfirmed(data, roundId, projectId, new Date().toISOString()));
      setStatus(projectId, { kind: 'done' });
      setAnnouncement(`${projectName} is bevestigd als ongewijzigd.`);
      void roundChanged(queryClient);
    } catch (err) {
      setStatus(projectId, { kind: 'error', message: refusal(err) });
    }
  };

  return (
    <article data-testid="my-round" data-ready={mine.state === 'ready' && !mine.isRefreshing ? 'true' : 'false'}>
      <Heading level={1}>{TITLE}</Heading>
      <Paragraph lead>
        Elk kwartaal werkt u uw projecten bij voor de versnellingstafel. Is er niets veranderd? Dan bevestigt u dat met één klik.
      </Paragraph>
      <Paragraph className="rhc-visually-hidden" role="status" aria-live="polite" data-testid="my-round-message">
        {announcement}
      </Paragraph>
      {mine.state === 'loading' && <Loading>Uw kwartaalronde wordt geladen…</Loading>}
      {mine.state === 'error' && <ErrorMessage error={mine.error} retry={mine.reload} />}
      {mine.state === 'ready' && (
        <>
          <Paragraph>U werkt voor {mine.data.organisation.name}.</Paragraph>
          {mine.data.rounds.length === 0 ? (
            <Alert type="info" title="Er is nu geen kwartaalronde open">
              <Paragraph>
                U hoeft nu niets te doen. Als de secretaris van uw versnellingstafel een nieuw kwartaal opent, ziet u hier welke projecten u moet
                bijwerken en vóór welke datum.
              </Paragraph>
              <Paragraph>
                <TextLink to="/projecten">Naar uw projecten</TextLink>
              </Paragraph>
            </Alert>
          ) : (
            mine.data.rounds.map((round) => (
              <MyRoundSection
                key={round.id}
                round={round}
                showGemeente={mine.data.organisation.side === 'privaat'}
                statuses={statuses}
                onConfirm={(projectId, projectName) => void confirm(round.id, projectId, projectName)}
              />
            ))
          )}
        </>
      )}
    </article>
  );
}

/** Why a confirmation was refused, in the words of the API (the field messages, else its detail), once. */
function refusal(err: unknown): string {
  if (err instanceof ApiError) {
    const messages = (err.problem?.errors ?? []).map((e) => e.message);
    return messages.length > 0 ? messages.join(' ') : err.message;
  }
  return err instanceof Error ? err.message : 'Bevestigen is niet gelukt. Probeer het opnieuw.';
}
