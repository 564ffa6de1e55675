/**
 * A closed quarter "as of": who had delivered when it closed, and every project as it was frozen then
 * (GET /rounds/{id}/projects). Each project links to its page, comparing today with that quarter.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatMonths, formatNumber, formatProjectCount, label } from '../../labels.ts';
import { regionPath } from '../dashboard/drilldown.ts';
import { DeliverySummary } from './DeliverySummary.tsx';
import { quarterLabel } from './quarters.ts';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { FormField } from '../../components/FormField.tsx';
import { TextInput } from '../../components/TextInput.tsx';

const PAGE_SIZE = 25;

export function RoundAsOfPage() {
  const { regionId = '', roundId = '' } = useParams();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const q = (params.get('zoek') ?? '').slice(0, 200);
  const [draft, setDraft] = useState(q);
  const heading = useRef<HTMLHeadingElement>(null);
  const round = useApi(queryKeys.round.detail(roundId), (signal) => api.getRound(roundId, signal));
  const query = useMemo(() => {
    const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE), sort: 'name' });
    if (q) p.set('q', q);
    return p;
  }, [page, q]);
  const projects = useApi(queryKeys.round.projects(roundId, query.toString()), (signal) => api.roundProjects(roundId, query, signal));
  usePageTitle(round.data ? `Stand ${quarterLabel(round.data.quarter)} – ${round.data.regionName}` : 'Stand van een kwartaal');

  const search = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft.trim() ? { zoek: draft.trim() } : {});
  };
  const pageCount = Math.max(1, Math.ceil((projects.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <Paragraph>
        <TextLink to={regionPath(regionId, 'kwartaalronde')}>
          <span aria-hidden="true">← </span>Kwartaalronde
        </TextLink>
      </Paragraph>
      {round.state === 'error' && (
        <>
          <Heading level={1}>Stand van een kwartaal</Heading>
          <ErrorMessage error={round.error} retry={round.reload} />
        </>
      )}
      {round.state === 'loading' && <Loading />}
      {round.state === 'ready' && (
        <>
          <Heading level={1}>
            <span className="wbm-eyebrow">Stand van {quarterLabel(round.data.quarter)}</span> {round.data.regionName}
          </Heading>
          <Paragraph lead>
            Zo stonden de projecten toen het kwartaal werd gesloten
            {round.data.closedAt ? ` op ${formatDate(round.data.closedAt.slice(0, 10))}` : ''}. Deze stand verandert niet meer.
          </Paragraph>
          <Section id={`${id}-levering`} title="Wie had geleverd">
            <DeliverySummary round={round.data} regionId={regionId} showLink={false} />
          </Section>
        </>
      )}
      {/* Without the quarter there are no projects to show: one message, not two. */}
      {round.state !== 'error' && (
        <section className="wbm-section" aria-labelledby={`${id}-projecten`}>
          <Heading level={2} id={`${id}-projecten`} ref={heading} tabIndex={-1}>
            Projecten zoals ze toen stonden
          </Heading>
          <form className="wbm-inline-form" role="search" onSubmit={search} aria-label="Zoek in deze stand">
            <FormField id={`${id}-q`} label="Zoek op projectnaam">
              <TextInput id={`${id}-q`} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
            </FormField>
            <Button appearance="secondary-action" type="submit">
              Zoek
            </Button>
          </form>
          <Paragraph className="wbm-count" role="status" aria-live="polite">
            {projects.state === 'ready' &&
              `${formatProjectCount(projects.data.total)}${pageCount > 1 ? ` – pagina ${Math.min(page, pageCount)} van ${pageCount}` : ''}`}
          </Paragraph>
          {projects.state === 'error' && <ErrorMessage error={projects.error} retry={projects.reload} />}
          {projects.state === 'loading' && <Loading />}
          {projects.state === 'ready' && projects.data.items.length > 0 && (
            <Table
              caption="Projecten bij het sluiten van het kwartaal"
              testId="asof-table"
              rows={projects.data.items}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: 'project',
                  header: 'Project',
                  cell: (p) => (
                    <TextLink to={`/projecten/${p.id}?sinds=${roundId}`}>
                      {p.name}
                      <VisuallyHidden>: wat is er sindsdien veranderd</VisuallyHidden>
                    </TextLink>
                  ),
                },
                { key: 'gemeente', header: 'Gemeente', cell: (p) => p.gemeenteName },
                { key: 'phase', header: 'Fase', cell: (p) => label(p.phase) },
                { key: 'status', header: 'Status', cell: (p) => <StatusBadge status={p.status} /> },
                { key: 'homes', header: 'Woningen', numeric: true, cell: (p) => formatNumber(p.totalHomes) },
                {
                  key: 'delay',
                  header: 'Grootste vertraging',
                  numeric: true,
                  cell: (p) => (p.maxDelayMonths > 0 ? formatMonths(p.maxDelayMonths) : 'Geen'),
                },
              ]}
            />
          )}
          <Pagination
            page={Math.min(page, pageCount)}
            pageCount={pageCount}
            onChange={(p) => {
              const next = new URLSearchParams(params);
              next.set('pagina', String(p));
              setParams(next);
              heading.current?.focus();
            }}
          />
        </section>
      )}
    </>
  );
}
