/**
 * Tafeloverzicht: the dashboard of a versnellingstafel (or any region or area) for the quarterly table
 * meeting: expected completions against the target, affordable and social share, pipeline, delays,
 * knelpunten, a map, and the delivery status of the current quarter. Every figure leads to the
 * projects behind it.
 *
 * Speed: the dashboard data is requested while this page's code still loads (main.tsx); the map
 * (maplibre, large) and the round status load after the figures are shown. `data-ready` on the
 * article and the performance mark `wbm:tafeloverzicht` say when figures, tables and chart are drawn.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { Alternatives, Dashboard } from '../../api/types.ts';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime, formatNumber, formatProjectCount, statusLabel, STATUS_COLOURS } from '../../labels.ts';
import { StatusDot } from '../map/StatusDot.tsx';
import { DeliverySummary, useCurrentRound } from '../round/DeliverySummary.tsx';
import { CompletionsChart } from './CompletionsChart.tsx';
import { DelayedMilestonesSummary } from './DelayedMilestonesSummary.tsx';
import { CompletionsTable, completionsDescription, TargetBasis } from './CompletionsTable.tsx';
import { KeyFigures } from './DashboardFigures.tsx';
import { DelayedMilestonesTable } from './DelayedMilestonesTable.tsx';
import { KnelpuntenTable } from './KnelpuntenTable.tsx';
import { PipelineTable, StatusTable } from './PipelineTable.tsx';
import { SharesTable } from './SharesTable.tsx';
import { projectsUrl, regionPath } from './drilldown.ts';
import { RegionChooser } from './RegionChooser.tsx';
import { AlternativesTable } from './AlternativesTable.tsx';
import { ProposalsSection } from './ProposalsSection.tsx';
import { canProposeAlternative } from '../../../../src/domain/access.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { may } from '../../auth/permissions.ts';
import { NewEscalations } from './NewEscalations.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { FormField } from '../../components/FormField.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { Select } from '../../components/Select.tsx';
import { FigureCaption } from '../../components/FigureCaption.tsx';

const DashboardMap = lazy(() => import('./DashboardMap.tsx'));

const KIND_LABELS: Record<string, string> = { versnellingstafel: 'Versnellingstafel', woondealregio: 'Woondealregio', gebied: 'Gebied' };

export function DashboardPage() {
  const { regionId = '' } = useParams();
  const navigate = useNavigate();
  const dashboard = useApi(queryKeys.dashboard.detail(regionId), (signal) => api.dashboard(regionId, signal));
  const [chartDrawnFor, setChartDrawnFor] = useState<string | null>(null);
  const data = dashboard.state === 'ready' && dashboard.data.region.id === regionId ? dashboard.data : null;
  usePageTitle(data ? `Tafeloverzicht ${data.region.name}` : 'Tafeloverzicht');
  const ready = Boolean(data) && (chartDrawnFor === regionId || data?.summary.perYear.length === 0);
  const round = useCurrentRound(regionId, ready && data?.region.kind === 'versnellingstafel');
  // The map's points are their own request, asked once the figures are there: the dashboard itself stays small.
  const mapPoints = useApi(queryKeys.dashboard.mapPoints(regionId), (signal) => api.dashboardMapPoints(regionId, signal), {
    enabled: Boolean(data) && (data?.summary.mapPointCount ?? 0) > 0,
    keepPrevious: false,
  });

  useEffect(() => {
    if (ready) markReady('tafeloverzicht');
  }, [ready]);
  const onChartDrawn = useCallback(() => setChartDrawnFor(regionId), [regionId]);

  return (
    <article className="wbm-dashboard" data-testid="dashboard" data-ready={ready ? 'true' : 'false'}>
      <RegionChooser current={regionId} currentName={data?.region.name} load={ready || dashboard.state === 'error'} />
      {dashboard.state === 'error' && (
        <>
          <Heading level={1}>Tafeloverzicht</Heading>
          <ErrorMessage error={dashboard.error} retry={dashboard.reload} />
        </>
      )}
      {!data && dashboard.state !== 'error' && <Loading>Het tafeloverzicht wordt geladen…</Loading>}
      {data && (
        <>
          <Heading level={1}>
            {/* The kind above the name, unless the name already says it ("Versnellingstafel Amsterdam e.o."). */}
            {!data.region.name.startsWith(KIND_LABELS[data.region.kind] ?? 'Regio') && (
              <span className="wbm-eyebrow">{KIND_LABELS[data.region.kind] ?? 'Regio'}</span>
            )}{' '}
            {data.region.name}
          </Heading>
          <Paragraph lead>
            Hoe staat de woningbouw ervoor in {data.region.name}? {formatProjectCount(data.summary.totals.projects)} in{' '}
            {formatNumber(data.region.gemeenteCodes.length)} {data.region.gemeenteCodes.length === 1 ? 'gemeente' : 'gemeenten'}. Klik op een cijfer
            om de projecten erachter te zien.
          </Paragraph>
          <Paragraph className="wbm-muted" data-testid="stand-per">
            Stand per {formatDateTime(data.dataAsOf)}: de cijfers tellen alle wijzigingen tot dat moment mee.
          </Paragraph>
          {data.access?.view === 'member' && <MemberNote dashboard={data} />}
          <ul className="wbm-action-links">
            {data.region.kind === 'versnellingstafel' && (
              <li>
                <ButtonLink appearance="primary-action" to={regionPath(data.region.id, 'kwartaalronde')}>
                  Kwartaalronde
                </ButtonLink>
              </li>
            )}
            {data.access?.view !== 'member' && (
              <>
                {data.region.kind !== 'gebied' && (
                  <li>
                    <ButtonLink appearance="secondary-action" to={regionPath(data.region.id, 'agenda')}>
                      Agenda tafeloverleg
                    </ButtonLink>
                  </li>
                )}
                <li>
                  <ButtonLink appearance="secondary-action" to={regionPath(data.region.id, 'rapport')}>
                    Tafelrapport (afdrukken of pdf)
                  </ButtonLink>
                </li>
                <li>
                  <ButtonLink appearance="secondary-action" href={api.regionExportUrl(data.region.id)} download>
                    Exporteren naar Excel
                  </ButtonLink>
                </li>
                <li>
                  <ButtonLink appearance="secondary-action" href={`/api/v1/regions/${encodeURIComponent(data.region.id)}/report.pdf`} download>
                    Tafelrapport downloaden (pdf)
                  </ButtonLink>
                </li>
              </>
            )}
          </ul>
          {data.summary.totals.syntheticProjects > 0 && (
            <Paragraph className="wbm-demo-note">
              <span className="wbm-demo-badge">Demo</span> {formatNumber(data.summary.totals.syntheticProjects)} van de{' '}
              {formatProjectCount(data.summary.totals.projects)} in dit overzicht zijn verzonnen demoprojecten.
            </Paragraph>
          )}

          {(data.region.kind === 'versnellingstafel' || data.newEscalations.items.length > 0) && <NewEscalations dashboard={data} />}

          <KeyFigures dashboard={data} openKnelpunten={data.summary.knelpunten.reduce((s, k) => s + k.open, 0)} />

          <Section id="oplevering" title="Verwachte oplevering tegenover de opgave">
            <Paragraph>
              Hoeveel woningen de projecten per jaar verwachten op te leveren (hun jaarschijven), tegenover de opgave van de regio. Harde plannen zijn
              onherroepelijk of vastgesteld. Klik op een jaar voor de projecten die dat jaar woningen opleveren.
            </Paragraph>
            <figure className="wbm-figure">
              <CompletionsChart
                perYear={data.summary.perYear}
                description={completionsDescription(data)}
                renderer="canvas"
                onYearClick={(year) => navigate(projectsUrl(data.region.id, { year }))}
                onRendered={onChartDrawn}
              />
              <FigureCaption>
                Staven: geplande oplevering (donker: harde plannen, licht: zachte plannen). Stippellijn: de opgave. De cijfers staan ook in de tabel.
              </FigureCaption>
            </figure>
            <TargetBasis targets={data.targets} />
            <CompletionsTable dashboard={data} />
            {data.access?.view !== 'member' && <RegionAlternatives dashboard={data} />}
            <ProposalsSection dashboard={data} />
          </Section>

          <Section id="betaalbaar" title="Betaalbaar en sociaal">
            <SharesTable dashboard={data} />
          </Section>

          <Section id="pijplijn" title="Pijplijn">
            <div className="wbm-columns">
              <PipelineTable dashboard={data} by="phase" />
              <PipelineTable dashboard={data} by="planStatus" />
            </div>
          </Section>

          <Section id="kaart-status" title="Status en kaart">
            <div className="wbm-map-layout">
              <div className="wbm-map-frame">
                {data.summary.mapPointCount === 0 ? (
                  <Paragraph>Geen van deze projecten heeft een locatie.</Paragraph>
                ) : mapPoints.state === 'error' ? (
                  <ErrorMessage error={mapPoints.error} retry={mapPoints.reload} />
                ) : mapPoints.state === 'ready' ? (
                  <Suspense fallback={<div className="wbm-map wbm-map--dashboard wbm-map--loading">De kaart wordt geladen…</div>}>
                    <DashboardMap points={mapPoints.data.mapPoints} gemeenteCodes={data.region.gemeenteCodes} regionName={data.region.name} />
                  </Suspense>
                ) : (
                  <div className="wbm-map wbm-map--dashboard wbm-map--loading">De kaart wordt geladen…</div>
                )}
              </div>
              <div className="wbm-map-legend">
                <StatusTable dashboard={data} />
                <ul className="wbm-legend-list" aria-label="Legenda van de kaart">
                  {STATUS_COLOURS.map((s) => (
                    <li key={s}>
                      <StatusDot status={s} />
                      <span>Stip: {statusLabel(s)}</span>
                    </li>
                  ))}
                </ul>
                <Paragraph className="wbm-muted">Klik op een stip om het project te openen.</Paragraph>
              </div>
            </div>
          </Section>

          <Section id="vertraagd" title="Vertraagde mijlpalen">
            <DelayedMilestonesSummary dashboard={data} />
            <DelayedMilestonesTable dashboard={data} limit={25} />
          </Section>

          <section className="wbm-section" aria-labelledby="knelpunten" id="knelpunten-sectie">
            <Heading level={2} id="knelpunten" tabIndex={-1}>
              Open knelpunten
            </Heading>
            <KnelpuntenTable dashboard={data} />
          </section>

          {data.region.kind === 'versnellingstafel' && (
            <Section id="levering" title="Kwartaalronde: wie heeft geleverd?">
              {round.status === 'ready' ? (
                <DeliverySummary round={round.round} regionId={data.region.id} />
              ) : round.status === 'error' ? (
                <ErrorMessage error={round.error} retry={round.reload} />
              ) : (
                <Loading>De stand van de kwartaalronde wordt geladen…</Loading>
              )}
            </Section>
          )}
        </>
      )}
    </article>
  );
}

/**
 * For a gemeente of the table or a market party in one of its projects: what they see here and what is not
 * theirs to see (the projects of others in the table are confidential).
 */
function MemberNote({ dashboard }: { dashboard: Dashboard }) {
  const own = dashboard.access.ownProjects;
  const { state: auth } = useAuth();
  const region = dashboard.region;
  const proposer = may(auth, (p) =>
    canProposeAlternative(p, { id: region.id, gemeenteCodes: region.gemeenteCodes, provincieCodes: [], isTable: region.kind !== 'gebied' }),
  );
  return (
    <Alert type="info" title="U ziet de cijfers van de hele tafel, maar alleen uw eigen projecten">
      <Paragraph data-testid="member-note">
        De cijfers op deze pagina gaan over alle {formatProjectCount(dashboard.summary.totals.projects)} van de tafel. Namen, kaartstippen en details
        ziet u alleen van uw eigen projecten: {own === 1 ? 'dat is er 1' : `dat zijn er ${formatNumber(own)}`}. De andere projecten zijn van andere
        gemeenten of partijen. Die zijn vertrouwelijk en ziet u niet.
      </Paragraph>
      <Paragraph>
        Klikt u op een cijfer, dan ziet u alleen uw eigen projecten die bij dat cijfer horen. Het tafelrapport, de export, de agenda en het zoeken
        naar alternatieven zijn voor de secretaris van de tafel.
        {proposer && ' Uw gemeente kan wel zelf een alternatief voorstellen: zie ‘Alternatief voorstellen’ onder de verwachte oplevering.'}
      </Paragraph>
    </Alert>
  );
}

/** When a year falls short of the target: candidate projects that could be brought forward or enlarged. */
function RegionAlternatives({ dashboard }: { dashboard: Dashboard }) {
  const id = useId();
  const shortYears = dashboard.summary.perYear.filter((y) => y.gap !== null && y.gap < 0).map((y) => y.year);
  const [year, setYear] = useState<number>(shortYears[0] ?? 0);
  const [result, setResult] = useState<
    { state: 'idle' } | { state: 'loading' } | { state: 'ready'; data: Alternatives } | { state: 'error'; error: Error }
  >({
    state: 'idle',
  });
  if (shortYears.length === 0) return null;
  const load = async () => {
    setResult({ state: 'loading' });
    try {
      setResult({ state: 'ready', data: await api.regionAlternatives(dashboard.region.id, year) });
    } catch (err) {
      setResult({ state: 'error', error: err as Error });
    }
  };
  return (
    <details className="wbm-details">
      <summary>Alternatieven zoeken voor een jaar met een tekort</summary>
      <Paragraph>
        Blijft de verwachte oplevering achter bij de opgave, dan zoekt de tafel eerst naar projecten in de regio die naar voren kunnen of meer
        woningen kunnen bouwen. De kandidaten staan op volgorde van hoe ver ze zijn.
      </Paragraph>
      <div className="wbm-inline-form">
        <FormField id={`${id}-jaar`} label="Jaar">
          <Select id={`${id}-jaar`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {shortYears.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </FormField>
        <Button appearance="secondary-action" onClick={load} disabled={result.state === 'loading'}>
          Toon kandidaten
        </Button>
      </div>
      <div aria-live="polite">
        {result.state === 'loading' && <Loading />}
        {result.state === 'error' && <ErrorMessage error={result.error} />}
        {result.state === 'ready' && <AlternativesTable alternatives={result.data} />}
      </div>
    </details>
  );
}
