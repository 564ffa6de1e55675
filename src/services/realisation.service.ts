/**
 * Realisations (issue 3): CBS 81955NED in the original classification and mapped onto the 2025
 * gemeenten through the herindelingen, the opleveringen recorded in the monitor, and their
 * reconciliation per gemeente and year.
 */
import { requireReadableArea, seesSmallFigures, syntheticDataOnly, type Principal } from '../domain/access.ts';
import { MIN_PUBLIC_PROJECTS } from '../domain/disclosure.ts';
import { NotFoundError } from '../domain/errors.ts';
import { mapToClassification, resolveSuccessors, totalsByYear, type Herindeling, type MappedValue } from '../domain/herindelingen.ts';
import { NATION_AREA_ID, resolveArea, type NationalArea } from '../domain/national.ts';
import { reconcile, type Reconciliation, type ReconciliationRow } from '../domain/realisations.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { RealisationRepository } from '../storage/realisation.repository.ts';

/** The source line of the CBS figures, for the years loaded (the shipped 2012–2020 and whatever `wbm import cbs` added). */
export function cbsSource(years: Iterable<number>): string {
  const list = [...years];
  const span = list.length === 0 ? 'geen jaren geladen' : `${Math.min(...list)}–${Math.max(...list)}`;
  return `CBS StatLine 81955NED "Voorraad woningen; standen en mutaties" en opvolger 86098NED, nieuwbouw per gemeente (indeling van elk jaar), ${span}. CC BY 4.0.`;
}

export interface RealisationFilter {
  fromYear?: number;
  toYear?: number;
  /** Area in the notation of the API (nl, provincie:PV27, gemeente:GM0363, corop:…, region id). */
  area?: string;
  classification?: 'indeling_2025' | 'origineel';
}

export interface RealisationsResult {
  source: string;
  classification: 'indeling_2025' | 'origineel';
  area: NationalArea;
  /**
   * National totals per year: original classification, after mapping (equal by construction) and monitor opleveringen
   * (null where hidden: fewer than the disclosure minimum of projects, for those who do not see the whole register).
   */
  national: Array<{ year: number; cbsOriginal: number; cbsIndeling2025: number; monitorOpleveringen: number | null }>;
  rows: Array<{
    gemeenteCode: string;
    gemeenteName: string;
    year: number;
    value: number;
    /** Original CBS figures behind a mapped value (code, name, full value, part counted here). */
    from: Array<{ code: string; name: string; value: number; part: number }>;
  }>;
}

export function createRealisationService(deps: {
  db: Db;
  realisations: RealisationRepository;
  geography: GeographyRepository;
  /** Demo mode: the public's figures come from the synthetic demo projects only (src/domain/access.ts). */
  publicDemoData?: boolean;
}) {
  const { db, realisations, geography } = deps;

  async function context() {
    const [herindelingen, cbs, gemeenten, regions] = await Promise.all([
      realisations.herindelingen(db),
      realisations.cbsNewConstruction(db),
      geography.listGemeenten(db),
      geography.listRegions(db),
    ]);
    const codes2025 = gemeenten.map((g) => g.code);
    const resolution = resolveSuccessors(
      herindelingen,
      codes2025,
      cbs.map((c) => c.code),
    );
    if (resolution.problems.length > 0) {
      // Reference data is inconsistent: say which codes, never drop their homes silently.
      throw new Error(`Herindelingen onvolledig: ${resolution.problems.map((p) => `${p.code}: ${p.message}`).join('; ')}`);
    }
    const values = cbs.map((c) => ({ code: c.code, year: c.year, value: c.value }));
    const names = new Map<string, string>([
      ...herindelingen.map((h) => [h.gemeenteCode, h.gemeenteName] as const),
      ...gemeenten.map((g) => [g.code, g.name] as const),
    ]);
    return { herindelingen, cbs: values, mapped: mapToClassification(values, resolution), gemeenten, regions, names };
  }

  function areaOf(ctx: Awaited<ReturnType<typeof context>>, areaId: string): NationalArea {
    const area = resolveArea(areaId, ctx.gemeenten, ctx.regions);
    if (!area) throw new NotFoundError('Gebied', areaId);
    return area;
  }

  return {
    async herindelingen(): Promise<{
      items: Herindeling[];
      successors: Array<{ code: string; name: string; successors: Array<{ code: string; share: number }> }>;
    }> {
      const [items, gemeenten] = await Promise.all([realisations.herindelingen(db), geography.listGemeenten(db)]);
      const resolution = resolveSuccessors(
        items,
        gemeenten.map((g) => g.code),
        items.map((h) => h.gemeenteCode),
      );
      const names = new Map(items.map((h) => [h.gemeenteCode, h.gemeenteName]));
      return {
        items,
        successors: [...resolution.successors].map(([code, successors]) => ({ code, name: names.get(code) ?? code, successors })),
      };
    },

    /**
     * `principal`: whose view. The monitor's opleveringen are project data: a demo role (and the public in demo mode)
     * gets those of the synthetic demo projects only, and whoever does not see the whole register no year built
     * from fewer than the disclosure minimum of projects (SPEC §7).
     */
    async realisations(filter: RealisationFilter, principal: Principal): Promise<RealisationsResult> {
      const syntheticOnly = syntheticDataOnly(principal, deps.publicDemoData ?? false);
      const hideSmall = !seesSmallFigures(principal);
      const ctx = await context();
      const area = areaOf(ctx, filter.area ?? NATION_AREA_ID);
      const classification = filter.classification ?? 'indeling_2025';
      const inYears = (y: number) => (filter.fromYear === undefined || y >= filter.fromYear) && (filter.toYear === undefined || y <= filter.toYear);
      const original = totalsByYear(ctx.cbs);
      const mappedTotals = totalsByYear(ctx.mapped);
      const perYear = await realisations.opleveringenPerYear(db, { syntheticOnly });
      const monitor = new Map(perYear.map((r) => [r.year, hideSmall && r.projects < MIN_PUBLIC_PROJECTS ? null : r.homes]));
      const members = new Set(area.gemeenteCodes);
      const name = (code: string) => ctx.names.get(code) ?? code;
      let rows: RealisationsResult['rows'];
      if (classification === 'indeling_2025') {
        rows = ctx.mapped
          .filter((m: MappedValue) => members.has(m.code) && inYears(m.year))
          .map((m) => ({
            gemeenteCode: m.code,
            gemeenteName: name(m.code),
            year: m.year,
            value: m.value,
            from: m.from.map((f) => ({ ...f, name: name(f.code) })),
          }));
      } else {
        // In the original classification a code belongs to the area when (part of) it ends up there.
        const ends = new Map<string, Set<string>>();
        for (const m of ctx.mapped) for (const f of m.from) (ends.get(f.code) ?? ends.set(f.code, new Set()).get(f.code)!).add(m.code);
        rows = ctx.cbs
          .filter((c) => inYears(c.year) && [...(ends.get(c.code) ?? [])].some((g) => members.has(g)))
          .map((c) => ({ gemeenteCode: c.code, gemeenteName: name(c.code), year: c.year, value: c.value, from: [] }));
      }
      const years = [...new Set([...original.keys(), ...monitor.keys()])].filter(inYears).sort((a, b) => a - b);
      return {
        source: cbsSource(original.keys()),
        classification,
        area,
        national: years.map((year) => ({
          year,
          cbsOriginal: original.get(year) ?? 0,
          cbsIndeling2025: mappedTotals.get(year) ?? 0,
          // Hidden years stay null (not 0): a hidden figure is not a zero.
          monitorOpleveringen: monitor.has(year) ? (monitor.get(year) as number | null) : 0,
        })),
        rows,
      };
    },

    /** Monitor opleveringen (M12) against CBS nieuwbouw per gemeente and year, for the years both exist. */
    async reconciliation(
      filter: { year?: number; area?: string },
      /** Whose view: the area must be one the principal may read (src/domain/access.ts). */
      principal: Principal,
    ): Promise<Omit<Reconciliation, 'rows'> & { rows: Array<ReconciliationRow & { gemeenteName: string }>; area: NationalArea; source: string }> {
      const ctx = await context();
      const area = areaOf(ctx, filter.area ?? NATION_AREA_ID);
      const provincieOf = new Map(ctx.gemeenten.map((g) => [g.code, g.provincieCode]));
      const provincieCodes = [...new Set(area.gemeenteCodes.map((c) => provincieOf.get(c)!).filter(Boolean))];
      requireReadableArea(principal, { id: area.id, gemeenteCodes: area.gemeenteCodes, provincieCodes });
      // Demo roles: opleveringen of synthetic demo projects only (src/domain/access.ts). SPEC §7.
      const opleveringen = await realisations.opleveringen(db, { syntheticOnly: syntheticDataOnly(principal) });
      const result = reconcile(
        opleveringen,
        ctx.mapped.map((m) => ({ gemeenteCode: m.code, year: m.year, value: m.value })),
        { gemeenteCodes: area.gemeenteCodes, years: filter.year === undefined ? undefined : [filter.year] },
      );
      return {
        ...result,
        rows: result.rows.map((r) => ({ ...r, gemeenteName: ctx.names.get(r.gemeenteCode) ?? r.gemeenteCode })),
        area,
        source: cbsSource(ctx.cbs.map((c) => c.year)),
      };
    },
  };
}

export type RealisationService = ReturnType<typeof createRealisationService>;
