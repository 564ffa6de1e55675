/**
 * Plancapaciteit per area and period against the need, and the 130% test. SPEC §2 (*harde
 * plancapaciteit* = onherroepelijk + vastgesteld), §3 (130% of need to 2030 in areas with the largest
 * task, "niet altijd nodig" elsewhere: a per-area norm, `002 § 1`), `001 § Afspraak 3A` (jaarschijven
 * through 2030, programming 2031–2035). Pure.
 */
import { HARD_PLAN_STATUSES, PLAN_STATUSES, type PlanStatus } from './codes.ts';

/** Homes still to be completed of one gemeente and plan status in a year (null: no jaarschijf given). */
export interface CapacityRow {
  gemeenteCode: string;
  planStatus: PlanStatus;
  year: number | null;
  homes: number;
}

export interface Period {
  /** Stable key, e.g. `2026-2030`. */
  key: string;
  label: string;
  from: number;
  to: number;
}

export interface Need {
  /** Homes needed in the period (the targets used as need); null when no target is known. */
  homes: number | null;
  basis: 'vastgesteld' | 'geschat' | 'onbekend';
  explanation: string;
}

export interface PeriodCapacity {
  period: Period;
  hard: number;
  soft: number;
  total: number;
  byPlanStatus: Record<PlanStatus, number>;
  need: Need;
  /** The norm that applies in this period; null: none (the ratio is shown without a verdict). */
  norm: number | null;
  /** total / need; null without need. */
  ratio: number | null;
  hardRatio: number | null;
  /** total ≥ norm × need; null without need or without a norm. */
  meetsNorm: boolean | null;
  /** Homes of plancapaciteit still missing to reach norm × need (0 when met); null without need or norm. */
  shortfall: number | null;
}

export interface Plancapaciteit {
  periods: PeriodCapacity[];
  /** Homes in plans without a jaarschijf, which no period can claim. */
  withoutYear: { hard: number; soft: number };
}

/** The periods of the test: from `fromYear` to the end of the first period, then the second period. */
export function capacityPeriods(fromYear: number, firstPeriodEnd: number, second: { from: number; to: number }): Period[] {
  const periods: Period[] = [];
  if (fromYear <= firstPeriodEnd)
    periods.push({ key: `${fromYear}-${firstPeriodEnd}`, label: `${fromYear} t/m ${firstPeriodEnd}`, from: fromYear, to: firstPeriodEnd });
  const from = Math.max(second.from, fromYear);
  if (from <= second.to) periods.push({ key: `${from}-${second.to}`, label: `${from} t/m ${second.to}`, from, to: second.to });
  return periods;
}

export const isHard = (s: PlanStatus) => HARD_PLAN_STATUSES.includes(s);

export interface AreaNormSetting {
  norm: number;
  reason: string;
}

export interface NormPolicy {
  norm: number;
  normUntil: number;
  largestTaskAreas: readonly string[];
  normSource: string;
}

export interface AppliedNorm {
  value: number | null;
  source: string;
}

/**
 * The norm of an area in a period, as the source has it (SPEC §3; `002 § 1`: "130% plancapaciteit tot
 * 2030 in die gebieden met de grootste opgave … niet altijd nodig"): a norm set for the area applies
 * (with its reason); else 130% only in an area listed as having the largest task and only in a period
 * that ends by 2030; everywhere else no norm, so no verdict (issue 8 item 25).
 */
export function normFor(areaId: string, period: Pick<Period, 'to'>, setting: AreaNormSetting | undefined, policy: NormPolicy): AppliedNorm {
  if (setting) return { value: setting.norm, source: `Ingesteld voor dit gebied: ${setting.reason}` };
  if (!policy.largestTaskAreas.includes(areaId)) {
    return { value: null, source: 'Geen norm: 130% geldt alleen in gebieden met de grootste opgave, en is niet voor dit gebied ingesteld.' };
  }
  if (period.to > policy.normUntil) return { value: null, source: `Geen norm: de 130% geldt tot en met ${policy.normUntil}.` };
  return { value: policy.norm, source: `${Math.round(policy.norm * 100)}% (${policy.normSource}).` };
}

export function calculatePlancapaciteit(
  rows: readonly CapacityRow[],
  gemeenteCodes: ReadonlySet<string> | null,
  periods: readonly Period[],
  needFor: (period: Period) => Need,
  norm: number | null | ((period: Period) => number | null),
): Plancapaciteit {
  const normOf = typeof norm === 'function' ? norm : () => norm;
  const result: PeriodCapacity[] = periods.map((period) => ({
    period,
    hard: 0,
    soft: 0,
    total: 0,
    byPlanStatus: Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>,
    need: needFor(period),
    norm: normOf(period),
    ratio: null,
    hardRatio: null,
    meetsNorm: null,
    shortfall: null,
  }));
  const withoutYear = { hard: 0, soft: 0 };
  for (const r of rows) {
    if (gemeenteCodes && !gemeenteCodes.has(r.gemeenteCode)) continue;
    if (r.year === null) {
      if (isHard(r.planStatus)) withoutYear.hard += r.homes;
      else withoutYear.soft += r.homes;
      continue;
    }
    const p = result.find((x) => r.year! >= x.period.from && r.year! <= x.period.to);
    if (!p) continue;
    if (isHard(r.planStatus)) p.hard += r.homes;
    else p.soft += r.homes;
    p.byPlanStatus[r.planStatus] += r.homes;
  }
  for (const p of result) {
    p.total = p.hard + p.soft;
    const need = p.need.homes;
    if (need !== null && need > 0) {
      p.ratio = p.total / need;
      p.hardRatio = p.hard / need;
      if (p.norm !== null) {
        p.meetsNorm = p.total >= p.norm * need;
        p.shortfall = Math.max(0, Math.ceil(p.norm * need - p.total));
      }
    }
  }
  return { periods: result, withoutYear };
}
