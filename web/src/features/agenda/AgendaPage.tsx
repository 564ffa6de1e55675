/**
 * Agenda tafeloverleg (issue 12 item 7): the agenda of a table's quarterly meeting, generated from the monitor —
 * escalated knelpunten, seriously delayed projects, expired forecasts, parties that have not delivered in the round,
 * and the gemeenten's proposals for alternatives — numbered per section, each item linking to its projects. Printable:
 * the print style sheet (styles/agenda.css) leaves out the menu and the buttons and keeps an item on one page.
 */
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { AgendaItem, AgendaSection } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../labels.ts';
import { projectUrl, regionPath } from '../dashboard/drilldown.ts';

export function AgendaPage() {
  const { regionId = '' } = useParams();
  // What the agenda lists changes by everyone's work: made anew each time the page opens.
  const agenda = useApi(queryKeys.dashboard.agenda(regionId), (signal) => api.agenda(regionId, signal), { staleTime: 0 });
  const data = agenda.state === 'ready' ? agenda.data : null;
  usePageTitle(data ? `Agenda tafeloverleg ${data.region.name}, ${data.quarterLabel}` : 'Agenda tafeloverleg');
  const round = data?.round ?? null;

  return (
    <article className="wbm-agenda" data-testid="agenda" data-ready={data && !agenda.isRefreshing ? 'true' : 'false'}>
      <Paragraph className="wbm-no-print">
        <TextLink to={regionPath(regionId)}>
          <span aria-hidden="true">← </span>Tafeloverzicht
        </TextLink>
      </Paragraph>
      <header className="wbm-agenda__header">
        <Heading level={1}>Agenda tafeloverleg</Heading>
        {data && (
          <>
            <Paragraph lead>
              {data.region.name}, {data.quarterLabel}
            </Paragraph>
            <Paragraph>
              {round
                ? `Kwartaalronde ${round.status === 'open' ? 'open' : 'gesloten'}, deadline ${formatDate(round.deadline)}. `
                : 'Deze tafel heeft nog geen kwartaalronde. '}
              Opgesteld op {formatDate(data.asOf)} uit de gegevens van de monitor.
            </Paragraph>
            <Button appearance="primary-action" className="wbm-no-print" onClick={() => window.print()}>
              Afdrukken
            </Button>
          </>
        )}
      </header>
      {agenda.state === 'loading' && <Loading>De agenda wordt opgesteld…</Loading>}
      {agenda.state === 'error' && <ErrorMessage error={agenda.error} retry={agenda.reload} />}
      {data && data.sections.map((section) => <AgendaPart key={section.key} section={section} />)}
    </article>
  );
}

function AgendaPart({ section }: { section: AgendaSection }) {
  const id = `agenda-${section.key}`;
  return (
    <section className="wbm-agenda__section" aria-labelledby={id} data-testid={`agenda-section-${section.key}`}>
      <Heading level={2} id={id}>
        {section.number}. {section.title}
      </Heading>
      {section.items.length === 0 ? (
        <Paragraph className="wbm-muted">{section.empty}</Paragraph>
      ) : (
        <ol className="wbm-agenda__items">
          {section.items.map((item) => (
            <Item key={item.number} item={item} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** One agenda item: its number and subject (the project as a link when the item is about one project), why, and its projects. */
function Item({ item }: { item: AgendaItem }) {
  const only = item.projects.length === 1 ? item.projects[0]! : null;
  const subjectIsProject = only !== null && item.subject.startsWith(only.name);
  return (
    <li className="wbm-agenda__item" data-testid="agenda-item">
      <Paragraph className="wbm-agenda__subject">
        <span className="wbm-agenda__number">{item.number}</span>{' '}
        {subjectIsProject ? (
          <>
            <TextLink to={projectUrl(only.id)}>{only.name}</TextLink>
            {item.subject.slice(only.name.length)}
          </>
        ) : (
          <strong>{item.subject}</strong>
        )}
      </Paragraph>
      <Paragraph>{item.why}</Paragraph>
      {!subjectIsProject && item.projects.length > 0 && (
        <Paragraph>
          {item.projects.length === 1 ? 'Project' : 'Projecten'}:{' '}
          {item.projects.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <TextLink to={projectUrl(p.id)}>{p.name}</TextLink> ({p.gemeenteName})
            </span>
          ))}
        </Paragraph>
      )}
    </li>
  );
}
