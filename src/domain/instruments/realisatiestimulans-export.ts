/**
 * The Realisatiestimulans export of one gemeente (issue 16: "Exports per gemeente (Excel/CSV) with, for every
 * amount, the projects and homes it is made of"): one row per project line, and the totals per basis and year, so
 * every total can be checked against the sum of its rows. Column names are Dutch (the readers are gemeenten).
 */
import { supplementTotal, type GemeenteFigures, type ProjectEntitlement, type Telbasis } from './realisatiestimulans.ts';

export const TELBASIS_LABELS: Record<Telbasis, string> = { start_bouw: 'start bouw', oplevering: 'oplevering' };

export const PROJECT_COLUMNS = [
  'telbasis',
  'jaar',
  'uitbetaling',
  'status',
  'project_id',
  'project_naam',
  'datum',
  'woningen_geteld',
  'sociale_huur',
  'middenhuur',
  'betaalbare_koop',
  'onzelfstandig',
  'betaalbare_woningen',
  'beter_benutten_woningen',
  'bruto_euro',
  'eerdere_rijksbijdragen_euro',
  'aftrek_euro',
  'netto_euro',
  'opslag_nplv_euro',
  'opslag_elke_regio_telt_euro',
  'opslag_ouderen_euro',
] as const;

/** The project rows, in the order of PROJECT_COLUMNS. */
export function projectRows(lines: readonly ProjectEntitlement[], paymentQuarter: (year: number) => string): Array<Array<string | number>> {
  return lines.map((l) => [
    TELBASIS_LABELS[l.basis],
    l.year,
    paymentQuarter(l.year),
    l.actual ? 'gerealiseerd' : 'verwacht',
    l.projectId,
    l.name,
    l.date,
    l.countedHomes,
    l.homes.sociale_huur,
    l.homes.middenhuur,
    l.homes.betaalbare_koop,
    l.homes.onzelfstandig,
    l.affordableHomes,
    l.beterBenuttenHomes,
    l.grossEuros,
    l.earlierContributionsEuros,
    l.deductionEuros,
    l.netEuros,
    l.supplements.nplv,
    l.supplements.elkeRegioTelt,
    l.supplements.ouderen,
  ]);
}

export const TOTAL_COLUMNS = [
  'telbasis',
  'jaar',
  'uitbetaling',
  'status',
  'projecten',
  'betaalbare_woningen',
  'beter_benutten_woningen',
  'bruto_euro',
  'aftrek_euro',
  'netto_euro',
  'opslagen_euro',
] as const;

/** The totals per basis, year and status (realised, expected): each equals the sum of its project rows (plus the capacity supplement). */
export function totalRows(figures: GemeenteFigures): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (const basis of ['start_bouw', 'oplevering'] as const) {
    for (const y of figures[basis].years) {
      for (const [status, a] of [
        ['gerealiseerd', y.realised],
        ['verwacht', y.expected],
      ] as const) {
        rows.push([
          TELBASIS_LABELS[basis],
          y.year,
          y.paymentQuarter,
          status,
          a.projects,
          a.affordableHomes,
          a.beterBenuttenHomes,
          a.grossEuros,
          a.deductionEuros,
          a.netEuros,
          supplementTotal(a.supplements),
        ]);
      }
    }
  }
  return rows;
}
