/** Formatting shared by the sections of the Landelijk overzicht. */
import type { NationalOverview, NationalProductionYear } from '../../api/types.ts';
import { formatNumber, formatPercent, NATIONAL_GOALS } from '../../labels.ts';

/** The national goal in homes a year: the API's, else the policy's (src/domain/policy.ts). */
export const homesGoal = (o: NationalOverview) => o.production.target.homesPerYear ?? NATIONAL_GOALS.nationalHomesPerYear;

export const KIND_LABELS: Record<string, string> = {
  versnellingstafel: 'Versnellingstafel',
  woondealregio: 'Woondealregio',
  gebied: 'Gebied',
  provincie: 'Provincie',
};

/** "Woondeal Groningen (woondealregio)"; a name that already says its kind ("Versnellingstafel Rotterdam") stays as it is. */
export const withKind = (name: string, kind: string) => {
  const kindLabel = KIND_LABELS[kind] ?? kind;
  return name.toLowerCase().startsWith(kindLabel.toLowerCase()) ? name : `${name} (${kindLabel.toLowerCase()})`;
};

export const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(Math.round(v)));

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatPercent(v));

export const hasForecast = (y: NationalProductionYear) => y.planned > 0 || y.expected > 0 || y.p50 !== null;

export function meetsText(meets: boolean | null): string {
  return meets === null ? 'Nog niet te zeggen.' : meets ? 'Haalt het doel.' : 'Haalt het doel niet.';
}

export function MeetsBadge({ meets, yes = 'Gehaald', no = 'Niet gehaald' }: { meets: boolean; yes?: string; no?: string }) {
  return (
    <span className={`wbm-meets wbm-meets--${meets ? 'ja' : 'nee'}`}>
      <span aria-hidden="true">{meets ? '✓' : '✗'}</span> {meets ? yes : no}
    </span>
  );
}

export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `kwartaal ${m[2]} van ${m[1]}` : quarter;
}
