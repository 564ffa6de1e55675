/**
 * Tafelrapport: the quarterly report of a table on one printable page (A4, print CSS): the dashboard
 * figures, the delivery status of the quarter, the delayed milestones and the knelpunten. The server
 * renders this same page to PDF in headless Chromium, so it renders completely without interaction
 * and sets `document.body.dataset.ready = 'true'` once all data is shown and the chart is drawn (SVG
 * renderer: sharp in print).
 */
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { registerEchartsPart } from '../../components/EChart.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { Section } from '../../components/Section.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber, formatProjectCount } from '../../labels.ts';
import { SVGRenderer } from 'echarts/renderers';
import { CompletionsChart } from '../dashboard/CompletionsChart.tsx';
import { DelayedMilestonesSummary } from '../dashboard/DelayedMilestonesSummary.tsx';
import { CompletionsTable, completionsDescription, TargetBasis } from '../dashboard/CompletionsTable.tsx';
import { KeyFigures } from '../dashboard/DashboardFigures.tsx';
import { DelayedMilestonesTable } from '../dashboard/DelayedMilestonesTable.tsx';
import { KnelpuntenTable } from '../dashboard/KnelpuntenTable.tsx';
import { PipelineTable, StatusTable } from '../dashboard/PipelineTable.tsx';
import { SharesTable } from '../dashboard/SharesTable.tsx';
import { regionPath } from '../dashboard/drilldown.ts';
import { DeliverySummary, useCurrentRound } from '../round/DeliverySummary.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { FigureCaption } from '../../components/FigureCaption.tsx';

// Charts in print: SVG stays sharp at any resolution.
registerEchartsPart([SVGRenderer]);

/** Chart size that fits the text width of an A4 page (210 mm − 2 × 15 mm margins ≈ 680 px). */
const CHART_WIDTH = 660;
const CHART_HEIGHT = 300;

export function ReportPage() {
  const { regionId = '' } = useParams();
  const dashboard = useApi(queryKeys.dashboard.detail(regionId), (signal) => api.dashboard(regionId, signal));
  const data = dashboard.state === 'ready' && dashboard.data.region.id === regionId ? dashboard.data : null;
  const isTable = data?.region.kind === 'versnellingstafel';
  const round = useCurrentRound(regionId, Boolean(isTable));
  const [chartDrawnFor, setChartDrawnFor] = useState<string | null>(null);
  const onChartDrawn = useCallback(() => setChartDrawnFor(regionId), [regionId]);
  usePageTitle(data ? `Tafelrapport ${data.region.name}` : 'Tafelrapport');

  const roundDone = !isTable || round.status !== 'waiting';
  // A member of the table gets a notice instead of the report (see MemberNotice): ready once it is shown.
  const member = data?.access?.view === 'member';
  const ready = Boolean(data) && (member || ((chartDrawnFor === regionId || data?.summary.perYear.length === 0) && roundDone));
  const failed = dashboard.state === 'error';

  useEffect(() => {
    if (!ready && !failed) return;
    // Also when loading failed: the PDF then shows the error instead of waiting forever.
    document.body.dataset.ready = 'true';
    if (ready) markReady('tafelrapport');
    return () => {
      delete document.body.dataset.ready;
    };
  }, [ready, failed]);

  const today = new Date().toISOString().slice(0, 10);

  return (
    <article className="wbm-report" data-testid="report" data-ready={ready ? 'true' : 'false'}>
      <Paragraph className="wbm-no-print">
        <TextLink to={regionPath(regionId)}>
          <span aria-hidden="true">← </span>Tafeloverzicht
        </TextLink>
      </Paragraph>
      {failed && (
        <>
          <Heading level={1}>Tafelrapport</Heading>
          <ErrorMessage error={dashboard.error} retry={dashboard.reload} />
        </>
      )}
      {!data && !failed && <Loading>Het tafelrapport wordt opgesteld…</Loading>}
      {data && data.access?.view === 'member' && <MemberNotice regionId={regionId} name={data.region.name} />}
      {data && data.access?.view !== 'member' && (
        <>
          <header className="wbm-report__header">
            <p className="wbm-eyebrow">Tafelrapport</p>
            <Heading level={1}>{data.region.name}</Heading>
            <Paragraph>
              Stand op {formatDate(today)}. {formatProjectCount(data.summary.totals.projects)} in {formatNumber(data.region.gemeenteCodes.length)}{' '}
              {data.region.gemeenteCodes.length === 1 ? 'gemeente' : 'gemeenten'}.
            </Paragraph>
            <Button appearance="primary-action" className="wbm-no-print" onClick={() => window.print()}>
              Afdrukken of opslaan als pdf
            </Button>
          </header>
          {data.summary.totals.syntheticProjects > 0 && (
            <Paragraph className="wbm-demo-note">
              <span className="wbm-demo-badge">Demo</span> Let op: {formatNumber(data.summary.totals.syntheticProjects)} van de{' '}
              {formatProjectCount(data.summary.totals.projects)} in dit rapport zijn verzonnen demoprojecten.
            </Paragraph>
          )}

          <Section className="wbm-report__section" id="r-kerncijfers" title="Kerncijfers">
            <KeyFigures dashboard={data} openKnelpunten={data.summary.knelpunten.reduce((s, k) => s + k.open, 0)} />
          </Section>

          <Section className="wbm-report__section" id="r-oplevering" title="Verwachte oplevering tegenover de opgave">
            {data.summary.perYear.length > 0 && (
              <figure className="wbm-figure wbm-report__chart">
                <CompletionsChart
                  perYear={data.summary.perYear}
                  description={completionsDescription(data)}
                  renderer="svg"
                  width={CHART_WIDTH}
                  height={CHART_HEIGHT}
                  onRendered={onChartDrawn}
                />
                <FigureCaption>Staven: verwachte oplevering (donker: harde plannen, licht: zachte plannen). Stippellijn: de opgave.</FigureCaption>
              </figure>
            )}
            <TargetBasis targets={data.targets} />
            <CompletionsTable dashboard={data} />
          </Section>

          <Section className="wbm-report__section" id="r-betaalbaar" title="Betaalbaar en sociaal">
            <SharesTable dashboard={data} />
          </Section>

          <Section className="wbm-report__section" id="r-pijplijn" title="Pijplijn en status">
            <div className="wbm-columns">
              <PipelineTable dashboard={data} by="phase" />
              <PipelineTable dashboard={data} by="planStatus" />
            </div>
            <StatusTable dashboard={data} />
          </Section>

          {isTable && (
            <Section className="wbm-report__section" id="r-levering" title="Kwartaalronde">
              {round.status === 'ready' && <DeliverySummary round={round.round} regionId={regionId} showLink={false} />}
              {round.status === 'error' && <Paragraph>De stand van de kwartaalronde kon niet worden geladen.</Paragraph>}
            </Section>
          )}

          <Section className="wbm-report__section" id="r-vertraagd" title="Vertraagde projecten">
            <DelayedMilestonesSummary dashboard={data} />
            <DelayedMilestonesTable dashboard={data} limit={50} />
          </Section>

          <Section className="wbm-report__section" id="knelpunten" title="Open knelpunten">
            <KnelpuntenTable dashboard={data} />
          </Section>
          <Paragraph className="wbm-muted wbm-report__footer">
            Woningbouwmonitor – Publiek Private Monitor. Betaalbaar = sociale huur + middenhuur + betaalbare koop. Een mijlpaal is vertraagd als de
            prognose meer dan de toegestane marge na de basisplanning ligt.
          </Paragraph>
        </>
      )}
    </article>
  );
}

/**
 * A gemeente or market party of the table sees the table's figures on the Tafeloverzicht, but not the
 * report: it lists the projects of others, which are confidential (the PDF is refused to them too).
 */
function MemberNotice({ regionId, name }: { regionId: string; name: string }) {
  return (
    <>
      <Heading level={1}>Tafelrapport</Heading>
      <Alert type="info" title="Het tafelrapport is voor de secretaris van de tafel">
        <Paragraph data-testid="report-member-notice">
          In het tafelrapport staan ook de projecten van andere gemeenten en partijen van {name}. Die zijn vertrouwelijk. De cijfers van de hele tafel
          en uw eigen projecten ziet u op het <TextLink to={regionPath(regionId)}>Tafeloverzicht</TextLink>.
        </Paragraph>
      </Alert>
    </>
  );
}
