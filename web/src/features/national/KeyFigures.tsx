/** Landelijk overzicht: the three key figures at the top. */
import type { NationalOverview } from '../../api/types.ts';
import { formatGoalShare, formatNumber } from '../../labels.ts';
import { num, pct, meetsText } from './nationalFormat.tsx';

export function KeyFigures({ overview }: { overview: NationalOverview }) {
  const focus = overview.production.years.find((y) => y.year === overview.year);
  const target = overview.production.target.homesPerYear;
  const a = overview.affordability;
  const figures = [
    {
      label: `Verwachte oplevering ${overview.year} (mediaan)`,
      value: num(focus?.expected ?? null),
      detail: target
        ? `${pct(focus?.expected !== undefined ? focus.expected / target : null)} van het doel van ${formatNumber(target)}`
        : 'Geen doel bekend',
    },
    {
      label: `Betaalbaar ${a.year}`,
      value: pct(a.affordableShare),
      detail: `Doel: ${formatGoalShare(a.targetAffordableShare)} (${pct(a.targetAffordableShare)}). ${meetsText(a.meetsAffordable)}`,
    },
    {
      label: `Sociale huur ${a.year}`,
      value: pct(a.socialShare),
      detail: `Doel: ${formatGoalShare(a.targetSocialShare)}. ${meetsText(a.meetsSocial)}`,
    },
  ];
  return (
    <ul className="wbm-figures" data-testid="national-figures">
      {figures.map((f) => (
        <li key={f.label} className="wbm-figure-card">
          <span className="wbm-figure-card__link">
            <span className="wbm-figure-card__label wbm-figure-card__label--plain">{f.label}</span>
            <span className="wbm-figure-card__value">{f.value}</span>
            <span className="wbm-figure-card__detail">{f.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
