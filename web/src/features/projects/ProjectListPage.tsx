/** Projecten: the filterable, sortable, paginated project register (GET /api/v1/projects). */
import { useMemo, useRef, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api, exportUrl } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { ListSums, ProjectSummary } from '../../api/types.ts';
import { DemoBadge } from '../../components/DemoBadge.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table } from '../../components/Table.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatCount, formatMonths, formatNumber, formatProjectCount, label } from '../../labels.ts';
import { activeFilterCount, filtersFromSearch, filtersToSearch, PAGE_SIZE, toApiQuery, type ProjectFilters, type SortKey } from './filters.ts';
import { ProjectFiltersForm } from './ProjectFiltersForm.tsx';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayOpenProjects } from '../../auth/publicView.ts';
import { PublicTotals } from '../public/PublicTotals.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PublicFiguresLinks } from '../../components/PublicFiguresLinks.tsx';
import { NewProjectLink } from './NewProjectLink.tsx';
import { OpenRoundNotice } from '../my-round/OpenRoundNotice.tsx';

interface Column {
  key: string;
  title: string;
  sort?: SortKey;
  numeric?: boolean;
  render: (p: ProjectSummary) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    key: 'name',
    title: 'Project',
    sort: 'name',
    render: (p) => (
      <>
        <TextLink to={`/projecten/${p.id}`}>{p.name}</TextLink>
        {p.lifecycle?.state === 'vervallen' && (
          <>
            {' '}
            <span className="wbm-tag" data-testid="tag-vervallen">
              Vervallen
            </span>
          </>
        )}
        {p.synthetic && (
          <>
            {' '}
            <DemoBadge />
          </>
        )}
      </>
    ),
  },
  { key: 'gemeente', title: 'Gemeente', sort: 'gemeente', render: (p) => p.gemeenteName },
  { key: 'planStatus', title: 'Planstatus', render: (p) => label(p.planStatus) },
  { key: 'phase', title: 'Fase', render: (p) => label(p.phase) },
  { key: 'status', title: 'Status', render: (p) => <StatusBadge status={p.status} /> },
  { key: 'totalHomes', title: 'Woningen', sort: 'totalHomes', numeric: true, render: (p) => formatNumber(p.totalHomes) },
  { key: 'affordableHomes', title: 'Betaalbaar', sort: 'affordableHomes', numeric: true, render: (p) => formatNumber(p.affordableHomes) },
  {
    key: 'maxDelayMonths',
    title: 'Grootste vertraging',
    sort: 'maxDelayMonths',
    numeric: true,
    render: (p) => (p.maxDelayMonths > 0 ? formatMonths(p.maxDelayMonths) : 'Geen'),
  },
];

const SORT_NAMES: Record<SortKey, string> = {
  name: 'naam',
  gemeente: 'gemeente',
  totalHomes: 'aantal woningen',
  affordableHomes: 'aantal betaalbare woningen',
  maxDelayMonths: 'grootste vertraging',
  updatedAt: 'laatst gewijzigd',
};

export function ProjectListPage() {
  usePageTitle('Projecten');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  // Without an account and outside demo mode the register is closed: the public sees the totals (SPEC §1, §7).
  if (!mayOpenProjects(state)) return <PublicProjectsPage />;
  return <ProjectRegister signedIn={isSignedIn(state)} />;
}

/** Projecten for the public: totals per province, or per gemeente of the chosen province. */
function PublicProjectsPage() {
  const [searchParams] = useSearchParams();
  const provincie = /^PV\d{2}$/.test(searchParams.get('provincie') ?? '') ? searchParams.get('provincie') : null;
  return (
    <>
      <Heading level={1}>Projecten</Heading>
      <Paragraph lead>
        De projecten zelf zijn alleen zichtbaar voor de gemeenten, marktpartijen en versnellingstafels die eraan werken. Hier ziet u hoeveel projecten
        en woningen er zijn per provincie en per gemeente. Kies een provincie om de gemeenten te zien.
      </Paragraph>
      <Paragraph>
        Werkt u aan een project? <TextLink to="/inloggen">Log in</TextLink> om uw projecten te zien. De totalen staan ook op de <PublicFiguresLinks />
      </Paragraph>
      <PublicTotals provincie={provincie} />
    </>
  );
}

function ProjectRegister({ signedIn }: { signedIn: boolean }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const apiQuery = toApiQuery(filters);
  const list = useApi(queryKeys.projects.list(apiQuery.toString()), (signal) => api.listProjects(apiQuery, signal));
  // The page itself counts only up to a limit (fast in a register of any size); the exact number and the sums over
  // every matching project come from a second request that reads them all, and show when it answers.
  const figuresQuery = exactFiguresQuery(apiQuery);
  const figures = useApi(queryKeys.projects.list(figuresQuery.toString()), (signal) => api.listProjects(figuresQuery, signal));
  const reference = useApi(
    queryKeys.reference.bundle('projects'),
    (_signal, client) => Promise.all([fetchReference(client, 'provincies'), fetchReference(client, 'gemeenten'), fetchReference(client, 'regions')]),
    { staleTime: REFERENCE_STALE_TIME },
  );
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const apply = (next: ProjectFilters) => setSearchParams(filtersToSearch(next));
  const goToPage = (page: number) => {
    apply({ ...filters, page });
    resultsHeading.current?.focus();
  };
  const sortBy = (key: SortKey) => apply({ ...filters, sort: key, descending: filters.sort === key ? !filters.descending : false, page: 1 });

  const [provincies, gemeenten, regions] = reference.data ?? [[], [], []];
  const exactTotal = figures.state === 'ready' ? figures.data.total : list.data?.totalExact === false ? null : (list.data?.total ?? null);
  const total = exactTotal ?? list.data?.total ?? 0;
  // Until the exact number is known: the pages up to the one after this (when there is one).
  const pageCount =
    exactTotal !== null
      ? Math.max(1, Math.ceil(exactTotal / PAGE_SIZE))
      : Math.max(1, Math.ceil(total / PAGE_SIZE), filters.page + (list.data?.nextCursor ? 1 : 0));
  const filterCount = activeFilterCount(filters);

  return (
    <>
      <Heading level={1}>Projecten</Heading>
      <Paragraph lead>
        Alle woningbouwprojecten in de monitor. Kies filters om de lijst kleiner te maken. Klik op een kolomkop om te sorteren.
      </Paragraph>
      {searchParams.get('verwijderd') === 'ja' && (
        <Paragraph className="wbm-save-status" role="status" data-testid="project-deleted">
          Het project is verwijderd.
        </Paragraph>
      )}
      <NewProjectLink />
      <OpenRoundNotice />
      {reference.state === 'error' && <ErrorMessage error={reference.error} retry={reference.reload} />}
      <ProjectFiltersForm value={filters} provincies={provincies} gemeenten={gemeenten} regions={regions} onApply={apply} />

      <section aria-labelledby="resultaten" className="wbm-results">
        <Heading level={2} id="resultaten" ref={resultsHeading} tabIndex={-1}>
          Resultaten
        </Heading>
        <Paragraph className="wbm-count" role="status" aria-live="polite" aria-atomic="true">
          {list.state === 'ready' ? (
            <>
              <strong>{exactTotal !== null ? formatProjectCount(total) : `Meer dan ${formatProjectCount(total)}`}</strong>
              {filterCount > 0 && ` (${filterCount} ${filterCount === 1 ? 'filter' : 'filters'} actief)`}
              {total > 0 &&
                filters.page <= pageCount &&
                ` – pagina ${formatNumber(filters.page)}${exactTotal !== null ? ` van ${formatNumber(pageCount)}` : ''}`}
            </>
          ) : list.state === 'loading' ? (
            'Bezig met laden…'
          ) : null}
        </Paragraph>
        {list.state === 'ready' && total > 0 && figures.state === 'ready' && figures.data.sums && (
          <ListSumsLine sums={figures.data.sums} filters={filters} />
        )}
        {/* Exports need an account (the public in demo mode reads the list only). */}
        {signedIn && list.state === 'ready' && total > 0 && (
          <Paragraph className="wbm-export-links">
            <ButtonLink appearance="secondary-action" href={exportUrl('xlsx', apiQuery)} download>
              Exporteren naar Excel
            </ButtonLink>{' '}
            <ButtonLink appearance="secondary-action" href={exportUrl('csv', apiQuery)} download>
              Exporteren als CSV
            </ButtonLink>
            <span className="wbm-muted">
              {' '}
              Alle {exactTotal !== null ? `${formatProjectCount(total)} ` : 'projecten '}met deze filters, met programma, jaarschijven en mijlpalen.{' '}
              <TextLink href={exportUrl('geojson', apiQuery)} download="projecten.geojson">
                Of als GeoJSON voor GIS
              </TextLink>
              .
            </span>
          </Paragraph>
        )}
        {list.state === 'error' && <ErrorMessage error={list.error} retry={list.reload} />}
        {list.state === 'loading' && <Loading />}
        {list.state === 'ready' && total === 0 && (
          <Paragraph>Er zijn geen projecten die aan deze filters voldoen. Pas de filters aan of wis ze.</Paragraph>
        )}
        {list.state === 'ready' && total > 0 && list.data.items.length === 0 && (
          <Paragraph>
            Pagina {formatNumber(filters.page)} bestaat niet (meer): er {pageCount === 1 ? 'is 1 pagina' : `zijn ${formatNumber(pageCount)} pagina’s`}
            .{' '}
            <button type="button" className="utrecht-link-button utrecht-link-button--html-button wbm-sort-button" onClick={() => goToPage(1)}>
              Ga naar de eerste pagina
            </button>
          </Paragraph>
        )}
        {list.state === 'ready' && list.data.items.length > 0 && (
          <Table
            caption={`Projecten, gesorteerd op ${SORT_NAMES[filters.sort]} (${filters.descending ? 'aflopend' : 'oplopend'})`}
            testId="project-table"
            busy={list.isRefreshing}
            rows={list.data.items}
            rowKey={(p) => p.id}
            columns={COLUMNS.map((c) => {
              const active = c.sort === filters.sort;
              return {
                key: c.key,
                numeric: c.numeric,
                sorted: active ? (filters.descending ? 'descending' : 'ascending') : undefined,
                header: c.sort ? (
                  <SortButton title={c.title} active={active} descending={filters.descending} onClick={() => sortBy(c.sort!)} />
                ) : (
                  c.title
                ),
                cell: c.render,
              };
            })}
          />
        )}
        {list.state === 'ready' && <Pagination page={Math.min(filters.page, pageCount)} pageCount={pageCount} onChange={goToPage} />}
      </section>
    </>
  );
}

/** The list's query asking only for the exact number of matching projects and their sums (one row, no page). */
function exactFiguresQuery(apiQuery: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams(apiQuery);
  q.set('total', 'exact');
  q.set('limit', '1');
  q.delete('offset');
  q.delete('sort');
  return q;
}

/** A column header that sorts the list by that column; the arrow shows the current order. */
function SortButton({ title, active, descending, onClick }: { title: string; active: boolean; descending: boolean; onClick: () => void }) {
  return (
    <button type="button" className="wbm-sort-button" onClick={onClick}>
      {title}
      <span aria-hidden="true" className="wbm-sort-button__icon">
        {active ? (descending ? '▼' : '▲') : '↕'}
      </span>
      <VisuallyHidden>{active ? (descending ? ', sorteer oplopend' : ', sorteer aflopend') : ', sorteer'}</VisuallyHidden>
    </button>
  );
}

/**
 * The sums over all projects of the list (not only this page), chosen by the filters, so the list can
 * be compared with the figure of the Tafeloverzicht it was opened from.
 */
function ListSumsLine({ sums, filters }: { sums: ListSums; filters: ProjectFilters }) {
  const parts: { key: string; text: string; value: number }[] = [
    { key: 'homes', value: sums.homes, text: `${formatCount(sums.homes, 'woning', 'woningen')} in totaal` },
  ];
  if (filters.homesIn === 'betaalbaar')
    parts.push({
      key: 'affordableHomes',
      value: sums.affordableHomes,
      text: formatCount(sums.affordableHomes, 'betaalbare woning', 'betaalbare woningen'),
    });
  if (filters.homesIn === 'sociaal')
    parts.push({ key: 'socialHomes', value: sums.socialHomes, text: formatCount(sums.socialHomes, 'sociale huurwoning', 'sociale huurwoningen') });
  if (filters.year && sums.yearHomes !== null)
    parts.push({ key: 'yearHomes', value: sums.yearHomes, text: `${formatCount(sums.yearHomes, 'woning', 'woningen')} gepland in ${filters.year}` });
  if (filters.knelpunt && sums.openKnelpunten !== null)
    parts.push({
      key: 'openKnelpunten',
      value: sums.openKnelpunten,
      text: `${formatCount(sums.openKnelpunten, 'open knelpunt', 'open knelpunten')} van deze soort`,
    });
  if (filters.delayed && sums.delayedMilestones !== null)
    parts.push({
      key: 'delayedMilestones',
      value: sums.delayedMilestones,
      text: formatCount(sums.delayedMilestones, 'vertraagde mijlpaal', 'vertraagde mijlpalen'),
    });
  return (
    <Paragraph data-testid="list-sums">
      Samen:{' '}
      {parts.map((p, i) => (
        <span key={p.key} data-sum={p.key} data-value={p.value}>
          {i > 0 ? ', ' : ''}
          {p.text}
        </span>
      ))}
      .
    </Paragraph>
  );
}
