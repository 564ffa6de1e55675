/**
 * Realisations: homes completed per gemeente per year according to CBS (81955NED, nieuwbouw) and
 * according to the monitor (milestone M12), and their reconciliation. Issue 3 "Realisations"; SPEC §8
 * ("automatic reconciliation of plans with the building register"); counting is gross, without netting
 * demolition (SPEC §3, `001 § 19.1` footnote 12). Pure.
 */

/** Homes delivered in a gemeente in a year as recorded by milestone M12 (actual date), by `projects` projects (default 1). */
export interface Oplevering {
  gemeenteCode: string;
  year: number;
  homes: number;
  projects?: number;
}

/** A figure per gemeente (2025 classification) and year. */
export interface GemeenteYearValue {
  gemeenteCode: string;
  year: number;
  value: number;
}

export interface ReconciliationRow {
  gemeenteCode: string;
  year: number;
  /** Homes completed per the monitor (sum of M12 opleveringen). */
  monitor: number;
  /** Projects with an oplevering that year. */
  monitorProjects: number;
  /** CBS nieuwbouw, mapped to the 2025 gemeente. */
  cbs: number;
  /** monitor − cbs. */
  difference: number;
  /** (monitor − cbs) / cbs; null when CBS counted nothing. */
  relativeDifference: number | null;
}

export interface Reconciliation {
  /** Years in which both sources have figures (CBS covers the year and the monitor records opleveringen). */
  years: number[];
  rows: ReconciliationRow[];
  totals: Array<{ year: number; monitor: number; cbs: number; difference: number; relativeDifference: number | null }>;
}

export const relative = (difference: number, base: number): number | null => (base === 0 ? null : difference / base);

/**
 * Compare what the monitor says was completed with what CBS counted, per gemeente and year, for the
 * years both exist (issue 3): a year counts when CBS has figures for it and the monitor records at
 * least one oplevering in it anywhere in `opleveringen` (pass them for the whole country) *(design)*.
 * Within such a year every gemeente in scope gets a row, with 0 where one side has nothing, so a
 * gemeente whose projects are missing from the monitor shows up.
 */
export function reconcile(
  opleveringen: readonly Oplevering[],
  cbs: readonly GemeenteYearValue[],
  scope: { gemeenteCodes: readonly string[]; years?: readonly number[] },
): Reconciliation {
  const inScope = new Set(scope.gemeenteCodes);
  const cbsYears = new Set(cbs.map((c) => c.year));
  const monitorYears = new Set(opleveringen.map((o) => o.year));
  let years = [...cbsYears].filter((y) => monitorYears.has(y)).sort((a, b) => a - b);
  if (scope.years) years = years.filter((y) => scope.years!.includes(y));
  const yearSet = new Set(years);

  const key = (g: string, y: number) => `${g}/${y}`;
  const monitor = new Map<string, { homes: number; projects: number }>();
  for (const o of opleveringen) {
    if (!inScope.has(o.gemeenteCode) || !yearSet.has(o.year)) continue;
    const m = monitor.get(key(o.gemeenteCode, o.year)) ?? { homes: 0, projects: 0 };
    m.homes += o.homes;
    m.projects += o.projects ?? 1;
    monitor.set(key(o.gemeenteCode, o.year), m);
  }
  const counted = new Map<string, number>();
  for (const c of cbs) {
    if (!inScope.has(c.gemeenteCode) || !yearSet.has(c.year)) continue;
    counted.set(key(c.gemeenteCode, c.year), (counted.get(key(c.gemeenteCode, c.year)) ?? 0) + c.value);
  }

  const rows: ReconciliationRow[] = [];
  const totals: Reconciliation['totals'] = [];
  for (const year of years) {
    let tm = 0;
    let tc = 0;
    for (const gemeenteCode of [...inScope].sort()) {
      const m = monitor.get(key(gemeenteCode, year)) ?? { homes: 0, projects: 0 };
      const c = counted.get(key(gemeenteCode, year)) ?? 0;
      tm += m.homes;
      tc += c;
      rows.push({
        gemeenteCode,
        year,
        monitor: m.homes,
        monitorProjects: m.projects,
        cbs: c,
        difference: m.homes - c,
        relativeDifference: relative(m.homes - c, c),
      });
    }
    totals.push({ year, monitor: tm, cbs: tc, difference: tm - tc, relativeDifference: relative(tm - tc, tc) });
  }
  return { years, rows, totals };
}
