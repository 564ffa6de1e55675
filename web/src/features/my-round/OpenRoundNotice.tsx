/**
 * The open quarterly round and its deadline, for a gemeente or market party, on the project list and the
 * project page: "Kwartaalronde 4e kwartaal 2026 van Amsterdam e.o. is open tot 15 januari 2027." with a
 * link to Mijn kwartaalronde; with `projectId`, also the caller's state for that project. Shows nothing
 * for other roles, when no round is open, or when the rounds cannot be loaded (it is a reminder, not content).
 */
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { mayUseMyRound } from '../../auth/permissions.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { MY_ROUND_PATH } from './paths.ts';
import { openRoundSentence, STATE_TAGS } from './myRound.ts';

export function OpenRoundNotice({ projectId }: { projectId?: string }) {
  const { state } = useAuth();
  const party = mayUseMyRound(state);
  const mine = useApi(queryKeys.round.mine, (signal) => api.myRounds(signal, { quiet401: true }), { enabled: party });
  if (!party || mine.state !== 'ready' || mine.data.rounds.length === 0) return null;
  return (
    <div className="wbm-open-round" data-testid="open-round-notice">
      {mine.data.rounds.map((round) => {
        const project = projectId ? round.projects.find((p) => p.id === projectId) : undefined;
        return (
          <Paragraph key={round.id}>
            {openRoundSentence(round)}
            {project && <> Uw stand voor dit project: {STATE_TAGS[project.state].text.toLowerCase()}.</>}{' '}
            <TextLink to={MY_ROUND_PATH}>Naar Mijn kwartaalronde</TextLink>
          </Paragraph>
        );
      })}
    </div>
  );
}
