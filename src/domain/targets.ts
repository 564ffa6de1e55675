/**
 * Housing targets as dated data (SPEC §3) and the annual target of a region. Figures come from
 * data (table `targets`), never from code.
 */
export const TARGET_LEVELS = ['nation', 'provincie', 'region', 'woondeal_region', 'gemeente'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

export interface Target {
  id: string;
  geoLevel: TargetLevel;
  geoCode: string | null;
  geoName: string;
  periodStart: number;
  periodEnd: number;
  homes: number;
  /** Stated as homes per year (unit woningen_per_jaar); false: a total over the period. */
  perYear?: boolean;
  kind: string;
  sourceUrl: string | null;
  isExample: boolean;
  preferred: boolean;
}

/** Homes a year of a period target (an even spread over the period's years), or null outside it. */
export function annualTarget(target: Pick<Target, 'periodStart' | 'periodEnd' | 'homes'>, year: number): number | null {
  if (year < target.periodStart || year > target.periodEnd) return null;
  return target.homes / (target.periodEnd - target.periodStart + 1);
}

export interface RegionTarget {
  homesPerYear: number;
  /** 'vastgesteld': from targets set for this region or all its gemeenten; 'geschat': partly estimated. */
  basis: 'vastgesteld' | 'geschat';
  explanation: string;
}

function pick(targets: readonly Target[], level: TargetLevel, code: string, year: number): number | null {
  const t = targets.find((x) => x.preferred && x.geoLevel === level && x.geoCode === code && annualTarget(x, year) !== null);
  return t ? annualTarget(t, year) : null;
}

/**
 * Annual target of a region (a set of gemeenten) for one year:
 * 1. a target set for the region itself;
 * 2. else the sum over its gemeenten of each gemeente's own target, or — where a gemeente has none —
 *    its share of the province target in proportion to its average CBS production over the years loaded (2012–2020 shipped)
 *    *(design: an estimate, labelled as such)*.
 * Returns null when some gemeente has neither its own nor a province target.
 */
export function regionAnnualTarget(
  region: { id: string; gemeenteCodes: readonly string[] },
  year: number,
  targets: readonly Target[],
  provincieOf: ReadonlyMap<string, string>,
  productionWeight: ReadonlyMap<string, number>,
): RegionTarget | null {
  const own = pick(targets, 'region', region.id, year);
  if (own !== null) return { homesPerYear: own, basis: 'vastgesteld', explanation: 'Opgave vastgesteld voor deze regio.' };
  if (region.gemeenteCodes.length === 0) return null;

  let total = 0;
  let estimated = 0;
  for (const code of region.gemeenteCodes) {
    const gemeenteTarget = pick(targets, 'gemeente', code, year);
    if (gemeenteTarget !== null) {
      total += gemeenteTarget;
      continue;
    }
    const provincie = provincieOf.get(code);
    const provincieTarget = provincie ? pick(targets, 'provincie', provincie, year) : null;
    if (provincieTarget === null) return null;
    let provinceWeight = 0;
    for (const [g, p] of provincieOf) if (p === provincie) provinceWeight += productionWeight.get(g) ?? 0;
    const share = provinceWeight > 0 ? (productionWeight.get(code) ?? 0) / provinceWeight : 0;
    total += provincieTarget * share;
    estimated++;
  }
  return estimated === 0
    ? { homesPerYear: total, basis: 'vastgesteld', explanation: 'Som van de opgaven van de gemeenten.' }
    : {
        homesPerYear: total,
        basis: 'geschat',
        explanation:
          `Geschat: voor ${estimated} van de ${region.gemeenteCodes.length} gemeenten is de provinciale opgave verdeeld ` +
          'naar hun gemiddelde jaarlijkse woningbouw volgens het CBS (alle jaren in de data, vanaf 2012).',
      };
}
