/**
 * The parts of the table dashboard, shared by the Tafeloverzicht (screen) and the Tafelrapport
 * (print). Every figure links to the projects behind it. Tables carry the figures; the small bars in
 * the cells are decoration (aria-hidden) that helps the eye compare rows.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Dashboard, DashboardTarget } from '../../api/types.ts';
import { DelayBadge } from '../../components/DelayBadge.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCount, formatDateShort, formatNumber, formatPercent, formatProjectCount, label, milestoneLabel, PHASES, PLAN_STATUSES, STATUS_COLOURS } from '../../labels.ts';
import { figureLinks, projectUrl } from './drilldown.ts';

/** National goals (SPEC §1, `001 § Afspraak 19.1`): two thirds betaalbaar, 30% sociale huur. */
export const AFFORDABLE_GOAL = 2 / 3;
export const SOCIAL_GOAL = 0.3;

const TH = 'utrecht-table__header-cell';
const TH_NUM = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
const TD = 'utrecht-table__cell';
const TD_NUM = 'utrecht-table__cell utrecht-table__cell--numeric-data';

function Bar({ share }: { share: number }) {
  return <span className="wbm-bar" aria-hidden="true" style={{ inlineSize: `${Math.max(0, Math.min(1, share)) * 100}%` }} />;
}

function Table({ caption, children, testId }: { caption: string; children: ReactNode; testId?: string }) {
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid={testId}>
        <caption className="utrecht-table__caption">{caption}</caption>
        {children}
      </table>
    </div>
  );
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
      detail: `${formatCount(t.affordableHomes, 'woning', 'woningen')} (doel: twee derde)`,
      to: figureLinks.affordable(region.id),
      testId: 'figure-affordable',
    },
    {
      label: 'Sociale huur',
      value: formatPercent(t.socialShare),
      detail: `${formatCount(t.socialHomes, 'woning', 'woningen')} (doel: 30%)`,
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
        <p key={`${t.basis}|${t.explanation}`} className="utrecht-paragraph">
          <span className={`wbm-tag wbm-tag--${t.basis === 'vastgesteld' ? 'ok' : t.basis === 'geschat' ? 'open' : 'alert'}`}>
            Opgave {t.basis === 'onbekend' ? 'onbekend' : t.basis}
          </span>{' '}
          {explanationYears(targets, t)}: {t.explanation}
        </p>
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
    <Table caption="Geplande oplevering per jaar (jaarschijven) tegenover de opgave" testId="completions-table">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={TH}>Jaar</th>
          <th scope="col" className={TH_NUM}>Gepland (jaarschijven)</th>
          <th scope="col" className={TH_NUM}>Waarvan hard plan</th>
          <th scope="col" className={TH_NUM}>Betaalbaar</th>
          <th scope="col" className={TH_NUM}>Sociale huur</th>
          <th scope="col" className={TH_NUM}>Opgave</th>
          <th scope="col" className={TH_NUM}>Verschil</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {summary.perYear.map((y) => (
          <tr key={y.year} className="utrecht-table__row">
            <th scope="row" className={`${TH} wbm-row-header`}>
              <Link className="utrecht-link" to={figureLinks.year(region.id, y.year)}>
                {y.year}
                <span className="rhc-visually-hidden">: projecten met oplevering in {y.year}</span>
              </Link>
            </th>
            <td className={TD_NUM}>{formatNumber(y.expected)}</td>
            <td className={TD_NUM}>{formatNumber(y.expectedHard)}</td>
            <td className={TD_NUM}>
              {formatNumber(y.affordable)}
              {y.expected > 0 && <span className="wbm-muted"> ({formatPercent(y.affordable / y.expected)})</span>}
            </td>
            <td className={TD_NUM}>
              {formatNumber(y.social)}
              {y.expected > 0 && <span className="wbm-muted"> ({formatPercent(y.social / y.expected)})</span>}
            </td>
            <td className={TD_NUM}>
              {y.target === null ? 'onbekend' : formatNumber(Math.round(y.target))}
              {basis.get(y.year) === 'geschat' && <span className="wbm-muted"> (geschat)</span>}
            </td>
            <td className={TD_NUM}>{y.gap === null ? '–' : <Gap gap={y.gap} />}</td>
          </tr>
        ))}
      </tbody>
    </Table>
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
    { name: 'Betaalbaar (sociale huur, middenhuur, betaalbare koop)', homes: t.affordableHomes, share: t.affordableShare, goal: AFFORDABLE_GOAL, goalText: 'twee derde' },
    { name: 'Sociale huur', homes: t.socialHomes, share: t.socialShare, goal: SOCIAL_GOAL, goalText: '30%' },
  ];
  return (
    <Table caption="Betaalbaar en sociaal aandeel van alle geplande woningen" testId="shares-table">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={TH}>Segment</th>
          <th scope="col" className={TH_NUM}>Woningen</th>
          <th scope="col" className={TH_NUM}>Aandeel</th>
          <th scope="col" className={TH}>Landelijk doel</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {rows.map((r) => (
          <tr key={r.name} className="utrecht-table__row">
            <th scope="row" className={`${TH} wbm-row-header`}>{r.name}</th>
            <td className={TD_NUM}>{formatNumber(r.homes)}</td>
            <td className={TD_NUM}>
              {formatPercent(r.share)}
              <Bar share={r.share} />
            </td>
            <td className={TD}>
              {r.goalText}: {r.share >= r.goal ? 'gehaald' : 'niet gehaald'}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Projects and homes per phase or per plan status, each row a link to those projects. */
export function PipelineTable({ dashboard, by }: { dashboard: Dashboard; by: 'phase' | 'planStatus' }) {
  const { region, summary } = dashboard;
  const rows =
    by === 'phase'
      ? PHASES.map((code) => ({ code, ...(summary.byPhase.find((r) => r.phase === code) ?? { projects: 0, homes: 0 }) }))
      : PLAN_STATUSES.map((code) => ({ code, ...(summary.byPlanStatus.find((r) => r.planStatus === code) ?? { projects: 0, homes: 0 }) }));
  const maxHomes = Math.max(1, ...rows.map((r) => r.homes));
  const title = by === 'phase' ? 'Fase' : 'Planstatus';
  return (
    <Table caption={by === 'phase' ? 'Pijplijn per fase' : 'Pijplijn per planstatus (hardheid)'} testId={`pipeline-${by}`}>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={TH}>{title}</th>
          <th scope="col" className={TH_NUM}>Projecten</th>
          <th scope="col" className={TH_NUM}>Woningen</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {rows.map((r) => (
          <tr key={r.code} className="utrecht-table__row">
            <th scope="row" className={`${TH} wbm-row-header`}>
              {r.projects > 0 ? (
                <Link className="utrecht-link" to={by === 'phase' ? figureLinks.phase(region.id, r.code) : figureLinks.planStatus(region.id, r.code)}>
                  {label(r.code)}
                </Link>
              ) : (
                label(r.code)
              )}
            </th>
            <td className={TD_NUM}>{formatNumber(r.projects)}</td>
            <td className={TD_NUM}>
              {formatNumber(r.homes)}
              <Bar share={r.homes / maxHomes} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Projects per status (green/amber/red), in words with an icon. */
export function StatusTable({ dashboard }: { dashboard: Dashboard }) {
  const { region, summary } = dashboard;
  return (
    <Table caption="Projecten per status" testId="status-table">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={TH}>Status</th>
          <th scope="col" className={TH_NUM}>Projecten</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {STATUS_COLOURS.map((s) => {
          const n = summary.byStatus.find((r) => r.status === s)?.projects ?? 0;
          return (
            <tr key={s} className="utrecht-table__row">
              <th scope="row" className={`${TH} wbm-row-header`}>
                <Link className="wbm-plain-link" to={figureLinks.status(region.id, s)}>
                  <StatusBadge status={s} />
                </Link>
              </th>
              <td className={TD_NUM}>{formatNumber(n)}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** Milestones later than their baseline beyond the tolerance, worst first; each links to its project. */
export function DelayedMilestonesTable({ dashboard, limit }: { dashboard: Dashboard; limit?: number }) {
  const { items, count } = dashboard.summary.delayedMilestones;
  if (items.length === 0) return <p className="utrecht-paragraph">Er zijn geen vertraagde mijlpalen.</p>;
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <>
      <Table caption={`Vertraagde mijlpalen, grootste vertraging eerst (${formatNumber(shown.length)} van ${formatNumber(count)})`} testId="delayed-table">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className={TH}>Project</th>
            <th scope="col" className={TH}>Mijlpaal</th>
            <th scope="col" className={TH}>Basisplanning</th>
            <th scope="col" className={TH}>Prognose</th>
            <th scope="col" className={TH}>Vertraging</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {shown.map((m) => (
            <tr key={`${m.projectId}-${m.code}`} className="utrecht-table__row">
              <th scope="row" className={`${TH} wbm-row-header`}>
                <Link className="utrecht-link" to={projectUrl(m.projectId)}>
                  {m.projectName}
                </Link>
              </th>
              <td className={TD}>
                {m.code} {milestoneLabel(m.code)}
              </td>
              <td className={`${TD} wbm-nowrap`}>{formatDateShort(m.baselineDate)}</td>
              <td className={`${TD} wbm-nowrap`}>{formatDateShort(m.forecastDate)}</td>
              <td className={TD}>
                <DelayBadge severity={m.severity} months={m.months} hasComparison />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="utrecht-paragraph wbm-no-print">
        <Link className="utrecht-link" to={figureLinks.delayed(dashboard.region.id)}>
          Alle {formatProjectCount(dashboard.summary.delayedMilestones.projects)} met vertraagde mijlpalen, grootste vertraging eerst
        </Link>
      </p>
    </>
  );
}

/** Open knelpunten per category, with how many were escalated to the table. */
export function KnelpuntenTable({ dashboard }: { dashboard: Dashboard }) {
  const rows = [...dashboard.summary.knelpunten].filter((k) => k.open > 0).sort((a, b) => b.open - a.open);
  if (rows.length === 0) return <p className="utrecht-paragraph">Er zijn geen open knelpunten.</p>;
  const max = Math.max(1, ...rows.map((r) => r.open));
  return (
    <Table caption="Open knelpunten per categorie" testId="knelpunten-table">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={TH}>Categorie</th>
          <th scope="col" className={TH_NUM}>Open</th>
          <th scope="col" className={TH_NUM}>In projecten</th>
          <th scope="col" className={TH_NUM}>Geëscaleerd naar de tafel</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {rows.map((k) => (
          <tr key={k.category} className="utrecht-table__row">
            <th scope="row" className={`${TH} wbm-row-header`}>
              <Link className="utrecht-link" to={figureLinks.knelpunt(dashboard.region.id, k.category)}>
                {label(k.category)}
              </Link>
            </th>
            <td className={TD_NUM}>
              {formatNumber(k.open)}
              <Bar share={k.open / max} />
            </td>
            <td className={TD_NUM}>{formatNumber(k.projects)}</td>
            <td className={TD_NUM}>{formatNumber(k.escalated)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Short text alternative of the completions chart. */
export function completionsDescription(dashboard: Dashboard): string {
  const years = dashboard.summary.perYear;
  if (years.length === 0) return 'Er zijn geen jaarschijven.';
  const total = years.reduce((s, y) => s + y.expected, 0);
  const short = years.filter((y) => y.gap !== null && y.gap < 0).map((y) => y.year);
  return (
    `Staafdiagram van de geplande oplevering in ${years[0].year} tot en met ${years[years.length - 1].year}: ${formatCount(total, 'woning', 'woningen')}, ` +
    `${short.length ? `onder de opgave in ${short.join(', ')}` : 'steeds op of boven de opgave'}. De cijfers staan in de tabel.`
  );
}
