/**
 * `wbm import bag <file>` (issue 13 item 3; SPEC §4.1): BAG status lines in the documented CSV layout. The lines are
 * kept (the same line twice is one), every verblijfsobject they touch is derived again from all its stored lines
 * (started, completed, withdrawn) and linked to a project by BAG id or location (src/domain/bag-realisations.ts).
 * All or nothing in one transaction, with an import log row and an audit entry. Also the read side: BAG starts and
 * completions per gemeente and period next to CBS and the monitor's own M11/M12.
 */
import { randomUUID } from 'node:crypto';
import { requireReadableArea, syntheticDataOnly, type Principal } from '../domain/access.ts';
import {
  countBag,
  deriveBagObjects,
  linkBagObject,
  parseBagCsv,
  type BagCount,
  type BagLineError,
  type LinkRule,
} from '../domain/bag-realisations.ts';
import { splitDelimited } from '../domain/cbs-typed-dataset.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { mapToClassification, resolveSuccessors } from '../domain/herindelingen.ts';
import { NATION_AREA_ID, resolveArea, type NationalArea } from '../domain/national.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { RealisationRepository } from '../storage/realisation.repository.ts';
import type { RealisationSourcesRepository, StoredBagObject } from '../storage/realisation-sources.repository.ts';

export interface BagImportSummary {
  file: string;
  rowsRead: number;
  /** Valid status lines, of which new (not stored before). */
  lines: number;
  newLines: number;
  /** Verblijfsobjecten touched by the file. */
  objects: number;
  /** Of those: with woonfunctie and not withdrawn / withdrawn or incorrect / without woonfunctie. */
  counted: number;
  withdrawn: number;
  notResidential: number;
  /** Started and completed homes per gemeente and year of the objects in this file. */
  counts: BagCount[];
  linked: Record<LinkRule, number>;
  errors: BagLineError[];
  dryRun: boolean;
  written: boolean;
  importId: string | null;
}

export interface BagRealisationRow {
  gemeenteCode: string;
  gemeenteName: string;
  year: number;
  /** 1–4, or null for a whole year. */
  quarter: number | null;
  bagStarted: number;
  bagCompleted: number;
  /** CBS nieuwbouw (mapped to today's gemeenten); per year only, null where CBS has no figure. */
  cbsNewConstruction: number | null;
  /** The monitor's own: homes of projects with milestone M11 (start bouw) / M12 (oplevering) actual in the period. */
  monitorStarted: number;
  monitorCompleted: number;
}

export function createBagImportService(deps: {
  db: Db;
  sources: RealisationSourcesRepository;
  realisations: RealisationRepository;
  geography: GeographyRepository;
  audit: AuditRepository;
}) {
  const { db, sources, realisations, geography, audit } = deps;

  return {
    async importText(
      text: string,
      options: { file: string; actorName: string; dryRun?: boolean; onProgress?: (done: number, total: number) => void },
    ): Promise<BagImportSummary> {
      const gemeenten = new Set((await geography.listGemeenten(db)).map((g) => g.code));
      const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
      const separator = firstLine.includes(';') ? ';' : ',';
      const parsed = parseBagCsv(splitDelimited(text, separator), { knownGemeente: (c) => gemeenten.has(c) });
      const fileObjects = deriveBagObjects(parsed.lines);
      const summary: BagImportSummary = {
        file: options.file,
        rowsRead: parsed.rowsRead,
        lines: parsed.lines.length,
        newLines: 0,
        objects: fileObjects.length,
        counted: 0,
        withdrawn: 0,
        notResidential: 0,
        counts: [],
        linked: { verblijfsobject: 0, pand: 0, locatie: 0 },
        errors: parsed.errors,
        dryRun: options.dryRun ?? false,
        written: false,
        importId: null,
      };
      if (parsed.errors.length > 0) return summary;

      const importId = randomUUID();
      const run = async (tx: Queryable) => {
        summary.newLines = await sources.insertBagStatusRows(tx, parsed.lines, importId);
        options.onProgress?.(1, 3);
        const ids = fileObjects.map((o) => o.id);
        // Derive again from every stored line of these objects: a file may hold only their latest changes.
        const objects = deriveBagObjects(await sources.bagStatusRowsOf(tx, ids));
        const [bagIds, candidates] = await Promise.all([
          sources.projectBagIds(tx),
          sources.projectsForBagLinks(tx, [...new Set(objects.map((o) => o.gemeenteCode))]),
        ]);
        const byKind = {
          verblijfsobject: new Map(bagIds.filter((b) => b.kind === 'verblijfsobject').map((b) => [b.bagId, b.projectId])),
          pand: new Map(bagIds.filter((b) => b.kind === 'pand').map((b) => [b.bagId, b.projectId])),
        };
        const stored: StoredBagObject[] = objects.map((o) => {
          const link = linkBagObject(o, byKind, candidates);
          if (link) summary.linked[link.rule]++;
          return { ...o, projectId: link?.projectId ?? null, linkRule: link?.rule ?? null };
        });
        options.onProgress?.(2, 3);
        await sources.upsertBagObjects(tx, stored, importId);
        summary.counted = objects.filter((o) => o.woonfunctie && !o.withdrawn).length;
        summary.withdrawn = objects.filter((o) => o.withdrawn).length;
        summary.notResidential = objects.filter((o) => !o.woonfunctie && !o.withdrawn).length;
        summary.counts = countBag(objects, 'year');
        if (summary.dryRun) return;
        await sources.logImport(tx, {
          id: importId,
          kind: 'bag',
          fileName: options.file,
          actorName: options.actorName,
          summary: { ...summary, written: true, importId },
        });
        await audit.append(tx, [
          {
            actorUserId: null,
            actorName: options.actorName,
            via: 'import',
            entityType: 'bag_import',
            entityId: importId,
            action: 'import',
            changes: [
              { field: 'file', old: null, new: options.file },
              { field: 'lines', old: null, new: { read: summary.lines, new: summary.newLines } },
              { field: 'objects', old: null, new: { total: summary.objects, counted: summary.counted, withdrawn: summary.withdrawn } },
              { field: 'linked', old: null, new: summary.linked },
            ],
          },
        ]);
        options.onProgress?.(3, 3);
      };
      if (summary.dryRun) {
        // A dry run does the same work in a transaction that is rolled back: the summary is what an import would do.
        await db
          .transaction(async (tx) => {
            await run(tx);
            throw new DryRunRollback();
          })
          .catch((e: unknown) => {
            if (!(e instanceof DryRunRollback)) throw e;
          });
        return summary;
      }
      await db.transaction(run);
      return { ...summary, written: true, importId };
    },

    /**
     * A project's BAG ids (pand and verblijfsobject), for every project named in `entries`: its ids are replaced by
     * those given, with an audit entry per project, in one transaction; objects already imported are linked again.
     * A BAG id belongs to at most one project; an unknown project or an id of another project is refused.
     */
    async setBagIds(
      entries: ReadonlyArray<{ projectId: string; kind: 'pand' | 'verblijfsobject'; bagId: string }>,
      actorName: string,
    ): Promise<number> {
      const byProject = new Map<string, Array<{ kind: 'pand' | 'verblijfsobject'; bagId: string }>>();
      for (const e of entries)
        (byProject.get(e.projectId) ?? byProject.set(e.projectId, []).get(e.projectId)!).push({ kind: e.kind, bagId: e.bagId });
      await db.transaction(async (tx) => {
        const known = await sources.existingProjects(tx, [...byProject.keys()]);
        const unknown = [...byProject.keys()].filter((id) => !known.has(id));
        if (unknown.length > 0) throw new NotFoundError('Project', unknown.join(', '));
        const current = await sources.projectBagIds(tx);
        for (const [projectId, ids] of byProject) {
          const taken = ids.filter((i) =>
            current.some((c) => c.kind === i.kind && c.bagId === i.bagId && c.projectId !== projectId && !byProject.has(c.projectId)),
          );
          if (taken.length > 0) {
            throw new ValidationError(
              taken.map((i) => ({
                path: `${projectId}.${i.kind}`,
                code: 'bag_id_taken',
                message: `BAG-id ${i.bagId} hoort al bij een ander project.`,
              })),
            );
          }
        }
        for (const projectId of byProject.keys()) await sources.setProjectBagIds(tx, projectId, []);
        for (const [projectId, ids] of byProject) {
          const before = current.filter((b) => b.projectId === projectId).map((b) => `${b.kind}:${b.bagId}`);
          await sources.setProjectBagIds(tx, projectId, ids);
          await sources.relinkBagObjects(tx, projectId);
          await audit.append(tx, [
            {
              projectId,
              actorUserId: null,
              actorName,
              via: 'import',
              entityType: 'project',
              entityId: projectId,
              action: 'update',
              changes: [{ field: 'bagIds', old: before, new: ids.map((i) => `${i.kind}:${i.bagId}`) }],
            },
          ]);
        }
      });
      return byProject.size;
    },

    /**
     * BAG starts and completions per gemeente and year or quarter, next to CBS nieuwbouw (years) and the monitor's own
     * M11/M12 homes, for an area the principal may read. SPEC §4.1's two counting bases: start bouw and realisatie.
     */
    async realisations(
      filter: { area?: string; period?: 'year' | 'quarter'; fromYear?: number; toYear?: number },
      principal: Principal,
    ): Promise<{ area: NationalArea; period: 'year' | 'quarter'; rows: BagRealisationRow[]; source: string }> {
      const period = filter.period ?? 'year';
      const [gemeenten, regions, herindelingen, cbs] = await Promise.all([
        geography.listGemeenten(db),
        geography.listRegions(db),
        realisations.herindelingen(db),
        realisations.cbsNewConstruction(db),
      ]);
      const area = resolveArea(filter.area ?? NATION_AREA_ID, gemeenten, regions);
      if (!area) throw new NotFoundError('Gebied', filter.area ?? NATION_AREA_ID);
      const provincieOf = new Map(gemeenten.map((g) => [g.code, g.provincieCode]));
      requireReadableArea(principal, {
        id: area.id,
        gemeenteCodes: area.gemeenteCodes,
        provincieCodes: [...new Set(area.gemeenteCodes.map((c) => provincieOf.get(c)!).filter(Boolean))],
      });
      const inYears = (y: number) => (filter.fromYear === undefined || y >= filter.fromYear) && (filter.toYear === undefined || y <= filter.toYear);
      const syntheticOnly = syntheticDataOnly(principal);
      const [bag, monitor] = await Promise.all([
        sources.bagCounts(db, { gemeenteCodes: area.gemeenteCodes, period }),
        sources.monitorStartsAndCompletions(db, { gemeenteCodes: area.gemeenteCodes, period, syntheticOnly }),
      ]);
      const mapped =
        period === 'year'
          ? mapToClassification(
              cbs.map((c) => ({ code: c.code, year: c.year, value: c.value })),
              resolveSuccessors(
                herindelingen,
                gemeenten.map((g) => g.code),
                cbs.map((c) => c.code),
              ),
            )
          : [];
      const cbsOf = new Map(mapped.map((m) => [`${m.code}/${m.year}/0`, m.value]));
      const rows = new Map<string, BagRealisationRow>();
      const names = new Map(gemeenten.map((g) => [g.code, g.name]));
      const row = (gemeenteCode: string, year: number, quarter: number) => {
        const key = `${gemeenteCode}/${year}/${quarter}`;
        let r = rows.get(key);
        if (!r) {
          r = {
            gemeenteCode,
            gemeenteName: names.get(gemeenteCode) ?? gemeenteCode,
            year,
            quarter: quarter === 0 ? null : quarter,
            bagStarted: 0,
            bagCompleted: 0,
            cbsNewConstruction: cbsOf.get(key) ?? null,
            monitorStarted: 0,
            monitorCompleted: 0,
          };
          rows.set(key, r);
        }
        return r;
      };
      for (const b of bag) {
        const r = row(b.gemeenteCode, b.year, b.quarter);
        r.bagStarted = b.started;
        r.bagCompleted = b.completed;
      }
      for (const m of monitor) {
        const r = row(m.gemeenteCode, m.year, m.quarter);
        r.monitorStarted = m.started;
        r.monitorCompleted = m.completed;
      }
      // CBS years for the gemeenten that have BAG or monitor figures, so the three sit side by side.
      const withFigures = new Set([...rows.values()].map((r) => r.gemeenteCode));
      if (period === 'year') for (const m of mapped) if (withFigures.has(m.code)) row(m.code, m.year, 0);
      return {
        area,
        period,
        rows: [...rows.values()]
          .filter((r) => inYears(r.year))
          .sort((a, b) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0) || a.gemeenteCode.localeCompare(b.gemeenteCode)),
        source:
          'BAG (Basisregistratie Adressen en Gebouwen): gestart = pand met status "Bouw gestart", gereed = verblijfsobject met woonfunctie voor het eerst "in gebruik"; CBS StatLine nieuwbouw; de monitor: start bouw (M11) en oplevering (M12) van de projecten.',
      };
    },
  };
}

class DryRunRollback extends Error {}

export type BagImportService = ReturnType<typeof createBagImportService>;
