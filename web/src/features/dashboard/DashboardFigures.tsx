/** Tafeloverzicht and Tafelrapport: the headline figures, each a link to its projects. */
import { Link } from 'react-router';
import type { Dashboard } from '../../api/types.ts';
import { formatCount, formatGoalShare, formatNumber, formatPercent, formatProjectCount } from '../../labels.ts';
import { figureLinks } from './drilldown.ts';
import { AFFORDABLE_GOAL, SOCIAL_GOAL } from './SharesTable.tsx';

/** The headline figures, each a link to its projects. */
export function KeyFigures({ dashboard, openKnelpunten }: { dashboard: Dashboard; openKnelpunten: number }) {
  const { region, summary } = dashboard;
  const t = summary.totals;
  const figures: { label: string; value: string; detail: string; to: string; testId: string }[] = [
    {
      label: 'Projecten',
      value: formatNumber(t.projects),
      detail: formatCount(t.homes, 'woning', 'woningen'),
      to: figureLinks.projects(region.id),
      testId: 'figure-projects',
    },
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
    {
      // Withdrawn plans count in no other figure (src/domain/withdrawal.ts); the list behind it holds exactly them.
      label: 'Vervallen plannen (planuitval)',
      value: formatNumber(dashboard.planuitval.projects),
      detail: `${formatCount(dashboard.planuitval.homes, 'woning', 'woningen')} die niet meer worden gebouwd${
        dashboard.planuitval.perYear.length
          ? ` (${dashboard.planuitval.perYear.map((y) => `${y.year}: ${formatNumber(y.projects)}`).join(', ')})`
          : ''
      }`,
      to: figureLinks.planuitval(region.id),
      testId: 'figure-planuitval',
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
