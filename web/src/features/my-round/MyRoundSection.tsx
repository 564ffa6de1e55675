/**
 * Mijn kwartaalronde: one open round — the table and quarter, the deadline in words, a short summary, and
 * the caller's projects (te doen first) with their state, what needs attention and the one action.
 */
import { useId, useState } from 'react';
import type { MyRound } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { projectUrl } from '../dashboard/drilldown.ts';
import { ConfirmAction, type ConfirmStatus } from './ConfirmAction.tsx';
import { attentionTags, deadlineInWords, inShownOrder, roundTitle, shownOrder, stateTag, summarySentence } from './myRound.ts';
import { TagList } from './Tags.tsx';

export function MyRoundSection({
  round,
  showGemeente,
  statuses,
  onConfirm,
}: {
  round: MyRound;
  /** A market party's projects lie in several gemeenten: name the gemeente with each. */
  showGemeente: boolean;
  statuses: ReadonlyMap<string, ConfirmStatus>;
  onConfirm: (projectId: string, projectName: string) => void;
}) {
  const id = useId();
  const [order] = useState(() => shownOrder(round.projects));
  const projects = inShownOrder(round.projects, order);
  return (
    <Section id={`${id}-title`} title={roundTitle(round)} className="wbm-section wbm-my-round">
      <Paragraph className="wbm-my-round__deadline" data-testid="round-deadline">
        <strong>{deadlineInWords(round.deadline, round.daysLeft)}</strong>
      </Paragraph>
      {round.counts.total === 0 ? (
        <Paragraph>U heeft geen projecten in de gemeenten van deze tafel. Er is voor u in deze ronde niets te doen.</Paragraph>
      ) : (
        <>
          <Paragraph data-testid="round-summary">
            {summarySentence(round.counts)}
            {round.counts.teDoen > 0 &&
              ' Is er bij een project niets veranderd? Bevestig het dan als ongewijzigd. Is er wel iets veranderd? Open het project en werk het bij.'}
          </Paragraph>
          <Table
            caption={<VisuallyHidden>Uw projecten in deze kwartaalronde, wat nog te doen is eerst</VisuallyHidden>}
            scrollLabel={`Uw projecten in ${roundTitle(round)}`}
            testId="my-round-projects"
            rows={projects}
            rowKey={(p) => p.id}
            rowData={(p) => ({ 'data-project': p.name, 'data-state': p.state })}
            columns={[
              {
                key: 'project',
                header: 'Project',
                cell: (p) => (
                  <>
                    <TextLink to={projectUrl(p.id)}>{p.name}</TextLink>
                    {showGemeente && <span className="wbm-muted wbm-my-round__gemeente">{p.gemeenteName}</span>}
                    <TagList label="Let op" tags={attentionTags(p.attention)} testId="project-attention" />
                  </>
                ),
              },
              {
                key: 'state',
                header: 'Stand',
                cell: (p) => (
                  <div className="wbm-my-round__state">
                    <TagList tags={[stateTag(p)]} testId="project-state" />
                    <ConfirmAction
                      projectName={p.name}
                      canConfirm={p.state === 'te_doen'}
                      status={statuses.get(p.id)}
                      onConfirm={() => onConfirm(p.id, p.name)}
                    />
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
    </Section>
  );
}
