/**
 * The parts of the table dashboard, shared by the Tafeloverzicht (screen) and the Tafelrapport
 * (print). Every figure links to the projects behind it. Tables carry the figures; the small bars in
 * the cells are decoration (aria-hidden) that helps the eye compare rows.
 */
import { Link } from 'react-router';
import type { Dashboard, DashboardTarget } from '../../api/types.ts';
import { DelayBadge } from '../../components/DelayBadge.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import {
  formatCount,
  formatDateShort,
  formatGoalShare,
  formatNumber,
  formatPercent,
  formatProjectCount,
  label,
  milestoneLabel,
  NATIONAL_GOALS,
  PHASES,
  PLAN_STATUSES,
  STATUS_COLOURS,
} from '../../labels.ts';
import { figureLinks, projectUrl } from './drilldown.ts';

/** National goals (src/domain/policy.ts; SPEC §3): two thirds betaalbaar, 30% sociale huur. */
const { affordableShare: AFFORDABLE_GOAL, socialShare: SOCIAL_GOAL } = NATIONAL_GOALS;

function Bar({ share }: { share: number }) {
  return <span className="wbm-bar" aria-hidden="true" style={{ inlineSize: `${Math.max(0, Math.min(1, share)) * 100}%` }} />;
}

/** The headline figures, each a link to its projects. */
export function KeyFigures({ dashboard, openKnelpunten }: { dashboard: Dashboard; openKnelpunten: number }) {
  const { region, summary } = dashboard;
  const t = summary.totals;
  const figures: { label: string; value: string; detail: string; to: string; testId: string }[] = [
    { label: 'Projecten', value: formatNumber(t.projects), detail: formatCount(t.homes, 'woning', 'woningen'), to: figureLinks.projects(region.id), testId: 'figure-projects' },
    {
      label: 'Betaalbaar',
      value: formatPercent(t.affordableShare),
      detail: `${formatCount(t.affordableHomes, 'woning', 'woningen')} (doel: ${formatGoalShare(AFFORDABLE_GOAL)})`,
      to: figureLinks.affordable(region.id),
      testId: 'figure-affordable',
    },
    {
      label: 'Sociale huur',
      value: formatPercent(t.socialShare),
      detail: `${formatCount(t.socialHomes, 'woning', 'woningen')} (doel: ${formatGoalShare(SOCIAL_GOAL)})`,
      to: figureLinks.social(region.id),
      testId: 'figure-social',
    },
    {
      label: 'Vertraagde mijlpalen',
      value: formatNumber(summary.delayedMilestones.count),
      detail: `in ${formatProjectCount(summary.delayedMilestones.projects)}, waarvan ${formatNumber(summary.delayedMilestones.serious)} ernstig vertraagd`,
      to: figureLinks.delayed(region.id),
      testId: 'figure-delayed',
    },
    {
      label: 'Prognose verstreken',
      value: formatNumber(summary.expiredForecasts.projects),
      detail: 'projecten met een prognose in het verleden zonder werkelijke datum',
      to: figureLinks.forecastExpired(region.id),
      testId: 'figure-forecast-expired',
    },
    {
      label: 'Open knelpunten',
      value: formatNumber(openKnelpunten),
      detail: `in ${formatNumber(summary.knelpunten.filter((k) => k.open > 0).length)} categorieën`,
      to: '#knelpunten',
      testId: 'figure-knelpunten',
    },
  ];
  return (
    <ul className="wbm-figures">
      {figures.map((f) => (
        <li key={f.label} className="wbm-figure-card" data-testid={f.testId}>
          {f.to.startsWith('#') ? (
            <a className="wbm-figure-card__link" href={f.to}>
              <FigureText {...f} />
            </a>
          ) : (
            <Link className="wbm-figure-card__link" to={f.to}>
              <FigureText {...f} />
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

function FigureText({ label: text, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <>
      <span className="wbm-figure-card__label">{text}</span>
      <span className="wbm-figure-card__value">{value}</span>
      <span className="wbm-figure-card__detail">{detail}</span>
    </>
  );
}

/** Where the target comes from: set by a region or estimated, with the explanation. */
export function TargetBasis({ targets }: { targets: DashboardTarget[] }) {
  const explanations = [...new Map(targets.map((t) => [`${t.basis}|${t.explanation}`, t])).values()];
  if (explanations.length === 0) return null;
  return (
    <div className="wbm-target-basis" data-testid="target-basis">
      {explanations.map((t) => (
        <Paragraph key={`${t.basis}|${t.explanation}`}>
          <span className={`wbm-tag wbm-tag--${t.basis === 'vastgesteld' ? 'ok' : t.basis === 'geschat' ? 'open' : 'alert'}`}>
            Opgave {t.basis === 'onbekend' ? 'onbekend' : t.basis}
          </span>{' '}
          {explanationYears(targets, t)}: {t.explanation}
        </Paragraph>
      ))}
    </div>
  );
}

function explanationYears(targets: DashboardTarget[], t: DashboardTarget): string {
  const years = targets.filter((x) => x.basis === t.basis && x.explanation === t.explanation).map((x) => x.year);
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

/** Expected completions per year against the target; the year links to the projects with completions that year. */
export function CompletionsTable({ dashboard }: { dashboard: Dashboard }) {
  const { region, summary, targets } = dashboard;
  const basis = new Map(targets.map((t) => [t.year, t.basis]));
  return (
    <Table
      caption="Geplande oplevering per jaar (jaarschijven) tegenover de opgave"
      testId="completions-table"
      rows={summary.perYear}
      rowKey={(y) => y.year}
      columns={[
        {
          key: 'year',
          header: 'Jaar',
          cell: (y) => (
            <TextLink to={figureLinks.year(region.id, y.year)}>
              {y.year}
              <VisuallyHidden>: projecten met oplevering in {y.year}</VisuallyHidden>
            </TextLink>
          ),
        },
        { key: 'expected', header: 'Gepland (jaarschijven)', numeric: true, cell: (y) => formatNumber(y.expected) },
        { key: 'hard', header: 'Waarvan hard plan', numeric: true, cell: (y) => formatNumber(y.expectedHard) },
        { key: 'affordable', header: 'Betaalbaar', numeric: true, cell: (y) => <HomesWithShare homes={y.affordable} of={y.expected} /> },
        { key: 'social', header: 'Sociale huur', numeric: true, cell: (y) => <HomesWithShare homes={y.social} of={y.expected} /> },
        {
          key: 'target',
          header: 'Opgave',
          numeric: true,
          cell: (y) => (
            <>
              {y.target === null ? 'onbekend' : formatNumber(Math.round(y.target))}
              {basis.get(y.year) === 'geschat' && <span className="wbm-muted"> (geschat)</span>}
            </>
          ),
        },
        { key: 'gap', header: 'Verschil', numeric: true, cell: (y) => (y.gap === null ? '–' : <Gap gap={y.gap} />) },
      ]}
    />
  );
}

/** "1.200 (40%)": homes and their share of the year's total. */
function HomesWithShare({ homes, of }: { homes: number; of: number }) {
  return (
    <>
      {formatNumber(homes)}
      {of > 0 && <span className="wbm-muted"> ({formatPercent(homes / of)})</span>}
    </>
  );
}

/** A shortfall in words as well as sign: "2.300 te weinig". */
function Gap({ gap }: { gap: number }) {
  if (gap === 0) return <>op de opgave</>;
  return gap < 0 ? <span className="wbm-gap wbm-gap--short">{formatNumber(-gap)} te weinig</span> : <span className="wbm-gap">{formatNumber(gap)} meer</span>;
}

/** Affordable and social share of the region's programme against the national goals. */
export function SharesTable({ dashboard }: { dashboard: Dashboard }) {
  const t = dashboard.summary.totals;
  const rows = [
    { name: 'Betaalbaar (sociale huur, middenhuur, betaalbare koop)', homes: t.affordableHomes, share: t.affordableShare, goal: AFFORDABLE_GOAL },
    { name: 'Sociale huur', homes: t.socialHomes, share: t.socialShare, goal: SOCIAL_GOAL },
  ];
  return (
    <Table
      caption="Betaalbaar en sociaal aandeel van alle geplande woningen"
      testId="shares-table"
      rows={rows}
      rowKey={(r) => r.name}
      columns={[
        { key: 'segment', header: 'Segment', cell: (r) => r.name },
        { key: 'homes', header: 'Woningen', numeric: true, cell: (r) => formatNumber(r.homes) },
        {
          key: 'share',
          header: 'Aandeel',
          numeric: true,
          cell: (r) => (
            <>
              {formatPercent(r.share)}
              <Bar share={r.share} />
            </>
          ),
        },
        { key: 'goal', header: 'Landelijk doel', cell: (r) => `${formatGoalShare(r.goal)}: ${r.share >= r.goal ? 'gehaald' : 'niet gehaald'}` },
      ]}
    />
  );
}

/** Projects and homes per phase or per plan status, each row a link to those projects. */
export function PipelineTable({ dashboard, by }: { dashboard: Dashboard; by: 'phase' | 'planStatus' }) {
  const { region, summary } = dashboard;
  const rows: { code: string; projects: number; homes: number }[] =
    by === 'phase'
      ? PHASES.map((code) => ({ code, ...(summary.byPhase.find((r) => r.phase === code) ?? { projects: 0, homes: 0 }) }))
      : PLAN_STATUSES.map((code) => ({ code, ...(summary.byPlanStatus.find((r) => r.planStatus === code) ?? { projects: 0, homes: 0 }) }));
  const maxHomes = Math.max(1, ...rows.map((r) => r.homes));
  const title = by === 'phase' ? 'Fase' : 'Planstatus';
  return (
    <Table
      caption={by === 'phase' ? 'Pijplijn per fase' : 'Pijplijn per planstatus (hardheid)'}
      testId={`pipeline-${by}`}
      rows={rows}
      rowKey={(r) => r.code}
      columns={[
        {
          key: 'code',
          header: title,
          cell: (r) =>
            r.projects > 0 ? (
              <TextLink to={by === 'phase' ? figureLinks.phase(region.id, r.code) : figureLinks.planStatus(region.id, r.code)}>{label(r.code)}</TextLink>
            ) : (
              label(r.code)
            ),
        },
        { key: 'projects', header: 'Projecten', numeric: true, cell: (r) => formatNumber(r.projects) },
        {
          key: 'homes',
          header: 'Woningen',
          numeric: true,
          cell: (r) => (
            <>
              {formatNumber(r.homes)}
              <Bar share={r.homes / maxHomes} />
            </>
          ),
        },
      ]}
    />
  );
}

/** Projects per status (green/amber/red), in words with an icon. */
export function StatusTable({ dashboard }: { dashboard: Dashboard }) {
  const { region, summary } = dashboard;
  return (
    <Table
      caption="Projecten per status"
      testId="status-table"
      rows={STATUS_COLOURS}
      rowKey={(s) => s}
      columns={[
        {
          key: 'status',
          header: 'Status',
          cell: (s) => (
            <Link className="wbm-plain-link" to={figureLinks.status(region.id, s)}>
              <StatusBadge status={s} />
            </Link>
          ),
        },
        { key: 'projects', header: 'Projecten', numeric: true, cell: (s) => formatNumber(summary.byStatus.find((r) => r.status === s)?.projects ?? 0) },
      ]}
    />
  );
}

/** Milestones later than their baseline beyond the tolerance, worst first; each links to its project. */
export function DelayedMilestonesTable({ dashboard, limit }: { dashboard: Dashboard; limit?: number }) {
  const { items, count } = dashboard.summary.delayedMilestones;
  if (items.length === 0) return <Paragraph>Er zijn geen vertraagde mijlpalen.</Paragraph>;
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <>
      <Table
        caption={`Vertraagde mijlpalen, grootste vertraging eerst (${formatNumber(shown.length)} van ${formatNumber(count)})`}
        testId="delayed-table"
        rows={shown}
        rowKey={(m) => `${m.projectId}-${m.code}`}
        columns={[
          { key: 'project', header: 'Project', cell: (m) => <TextLink to={projectUrl(m.projectId)}>{m.projectName}</TextLink> },
          { key: 'milestone', header: 'Mijlpaal', cell: (m) => `${m.code} ${milestoneLabel(m.code)}` },
          { key: 'baseline', header: 'Basisplanning', className: 'wbm-nowrap', cell: (m) => formatDateShort(m.baselineDate) },
          { key: 'forecast', header: 'Prognose', className: 'wbm-nowrap', cell: (m) => formatDateShort(m.forecastDate) },
          { key: 'delay', header: 'Vertraging', cell: (m) => <DelayBadge severity={m.severity} months={m.months} hasComparison /> },
        ]}
      />
      <Paragraph className="wbm-no-print">
        <TextLink to={figureLinks.delayed(dashboard.region.id)}>
          Alle {formatProjectCount(dashboard.summary.delayedMilestones.projects)} met vertraagde mijlpalen, grootste vertraging eerst
        </TextLink>
      </Paragraph>
    </>
  );
}

/** Open knelpunten per category, with how many were escalated to the table. */
export function KnelpuntenTable({ dashboard }: { dashboard: Dashboard }) {
  const rows = [...dashboard.summary.knelpunten].filter((k) => k.open > 0).sort((a, b) => b.open - a.open);
  if (rows.length === 0) return <Paragraph>Er zijn geen open knelpunten.</Paragraph>;
  const max = Math.max(1, ...rows.map((r) => r.open));
  return (
    <Table
      caption="Open knelpunten per categorie"
      testId="knelpunten-table"
      rows={rows}
      rowKey={(k) => k.category}
      columns={[
        { key: 'category', header: 'Categorie', cell: (k) => <TextLink to={figureLinks.knelpunt(dashboard.region.id, k.category)}>{label(k.category)}</TextLink> },
        {
          key: 'open',
          header: 'Open',
          numeric: true,
          cell: (k) => (
            <>
              {formatNumber(k.open)}
              <Bar share={k.open / max} />
            </>
          ),
        },
        { key: 'projects', header: 'In projecten', numeric: true, cell: (k) => formatNumber(k.projects) },
        { key: 'escalated', header: 'Geëscaleerd naar de tafel', numeric: true, cell: (k) => formatNumber(k.escalated) },
      ]}
    />
  );
}

/** Short text alternative of the completions chart. */
export function completionsDescription(dashboard: Dashboard): string {
  const years = dashboard.summary.perYear;
  const first = years[0];
  const last = years[years.length - 1];
  if (!first || !last) return 'Er zijn geen jaarschijven.';
  const total = years.reduce((s, y) => s + y.expected, 0);
  const short = years.filter((y) => y.gap !== null && y.gap < 0).map((y) => y.year);
  return (
    `Staafdiagram van de geplande oplevering in ${first.year} tot en met ${last.year}: ${formatCount(total, 'woning', 'woningen')}, ` +
    `${short.length ? `onder de opgave in ${short.join(', ')}` : 'steeds op of boven de opgave'}. De cijfers staan in de tabel.`
  );
}
