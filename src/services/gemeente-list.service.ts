/**
 * `wbm reference update-gemeenten <gemeenten.csv> <herindelingen.csv>` (issue 13 item 5; SPEC §2 "Geography"): load a
 * newer CBS gemeente list and its herindelingen without losing history. Merged gemeenten keep their row (ended), CBS
 * figures stay under their old codes and are mapped at read time; projects move to the successor with an audit entry
 * each (old code in the entry); region memberships and gemeente targets follow; accounts of the gemeente too.
 * All or nothing in one transaction, with an import log row and an audit entry.
 */
import { createHash, randomUUID } from 'node:crypto';
import { splitDelimited } from '../domain/cbs-typed-dataset.ts';
import { planGemeenteListUpdate, type EndedGemeente, type ListError } from '../domain/gemeente-list-update.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db } from '../storage/db.ts';
import type { GemeenteListRepository } from '../storage/gemeente-list.repository.ts';
import type { RealisationRepository } from '../storage/realisation.repository.ts';
import type { RealisationSourcesRepository } from '../storage/realisation-sources.repository.ts';

export interface GemeenteListSummary {
  gemeenten: number;
  added: Array<{ code: string; name: string }>;
  renamed: Array<{ code: string; from: string; to: string }>;
  ended: Array<EndedGemeente & { projectsMoved: number; regions: string[]; targetsMerged: number; accountsMoved: number }>;
  herindelingen: number;
  errors: ListError[];
  dryRun: boolean;
  written: boolean;
  importId: string | null;
}

const csvRows = (text: string) => splitDelimited(text, (text.split('\n')[0] ?? '').includes(';') ? ';' : ',');

/** The quarter of a date as 'YYYY-Qn', and the quarter before it. */
function quartersAround(date: string): { last: string; first: string } {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return { first: `${y}-Q${q}`, last: q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}` };
}

const stableUuid = (text: string) => {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export function createGemeenteListService(deps: {
  db: Db;
  gemeenten: GemeenteListRepository;
  realisations: RealisationRepository;
  sources: RealisationSourcesRepository;
  audit: AuditRepository;
}) {
  const { db, gemeenten, realisations, sources, audit } = deps;

  return {
    async update(
      files: { gemeenten: string; herindelingen: string; fileName: string },
      options: { actorName: string; dryRun?: boolean },
    ): Promise<GemeenteListSummary> {
      const [current, known, provincies] = await Promise.all([
        gemeenten.currentGemeenten(db),
        realisations.herindelingen(db),
        gemeenten.provincieCodes(db),
      ]);
      const plan = planGemeenteListUpdate({
        gemeentenRows: csvRows(files.gemeenten),
        herindelingenRows: csvRows(files.herindelingen),
        current,
        knownHerindelingen: known,
        provincieCodes: provincies,
      });
      const summary: GemeenteListSummary = {
        gemeenten: plan.list.length,
        added: plan.added.map((g) => ({ code: g.code, name: g.name })),
        renamed: plan.renamed,
        ended: plan.ended.map((e) => ({ ...e, projectsMoved: 0, regions: [], targetsMerged: 0, accountsMoved: 0 })),
        herindelingen: plan.herindelingen.length,
        errors: plan.errors,
        dryRun: options.dryRun ?? false,
        written: false,
        importId: null,
      };
      if (plan.errors.length > 0 || summary.dryRun) return summary;

      const importId = randomUUID();
      const names = new Map(plan.list.map((g) => [g.code, g.name]));
      await db.transaction(async (tx) => {
        await gemeenten.upsertGemeenten(tx, plan.list);
        await gemeenten.upsertHerindelingen(tx, plan.herindelingen, `bijgewerkt met een nieuwe gemeentelijke indeling (${files.fileName})`);
        for (const e of summary.ended) {
          await gemeenten.endGemeente(tx, e.code, e.endedOn);
          const moved = await gemeenten.moveProjects(tx, e.code, e.projectsTo);
          e.projectsMoved = moved.length;
          for (const p of moved) {
            await audit.append(tx, [
              {
                projectId: p.id,
                actorUserId: null,
                actorName: options.actorName,
                via: 'import',
                entityType: 'project',
                entityId: p.id,
                action: 'herindeling',
                changes: [
                  { field: 'gemeenteCode', old: e.code, new: e.projectsTo },
                  ...(p.provincieCode !== p.newProvincieCode ? [{ field: 'provincieCode', old: p.provincieCode, new: p.newProvincieCode }] : []),
                ],
              },
            ]);
          }
          const { last, first } = quartersAround(e.endedOn);
          e.regions = await gemeenten.moveRegionMemberships(tx, e.code, e.projectsTo, last, first);
          e.accountsMoved = await gemeenten.moveAccounts(tx, e.code, e.projectsTo);
        }
        // Targets of merged gemeenten: one target of the successor per metric, unit, period and kind, the sum of theirs.
        const endedByTo = new Map<string, string[]>();
        for (const e of summary.ended) (endedByTo.get(e.projectsTo) ?? endedByTo.set(e.projectsTo, []).get(e.projectsTo)!).push(e.code);
        for (const [to, codes] of endedByTo) {
          const targets = await gemeenten.gemeenteTargets(tx, codes);
          const groups = new Map<string, typeof targets>();
          for (const t of targets) {
            const key = `${t.metric}/${t.unit}/${t.periodStart}-${t.periodEnd}/${t.kind}`;
            (groups.get(key) ?? groups.set(key, []).get(key)!).push(t);
          }
          for (const [key, group] of groups) {
            const merged = {
              id: stableUuid(`herindeling/${to}/${key}`),
              geoCode: to,
              geoName: names.get(to) ?? to,
              metric: group[0]!.metric,
              unit: group[0]!.unit,
              periodStart: group[0]!.periodStart,
              periodEnd: group[0]!.periodEnd,
              homes: group.reduce((s, t) => s + t.homes, 0),
              kind: group[0]!.kind,
              note: `Som van de doelen van ${[...new Set(group.map((t) => t.geoCode))].sort().join(', ')} (herindeling).`,
            };
            await gemeenten.replaceTargets(
              tx,
              merged,
              group.map((t) => t.id),
            );
            for (const code of new Set(group.map((t) => t.geoCode))) {
              const e = summary.ended.find((x) => x.code === code);
              if (e) e.targetsMerged += group.filter((t) => t.geoCode === code).length;
            }
            await audit.append(tx, [
              {
                actorUserId: null,
                actorName: options.actorName,
                via: 'import',
                entityType: 'target',
                entityId: merged.id,
                action: 'herindeling',
                changes: [
                  { field: 'geoCode', old: [...new Set(group.map((t) => t.geoCode))].sort(), new: to },
                  { field: 'homes', old: group.map((t) => t.homes), new: merged.homes },
                ],
              },
            ]);
          }
        }
        const logged = { ...summary, written: true, importId };
        await sources.logImport(tx, { id: importId, kind: 'gemeenten', fileName: files.fileName, actorName: options.actorName, summary: logged });
        await audit.append(tx, [
          {
            actorUserId: null,
            actorName: options.actorName,
            via: 'import',
            entityType: 'gemeente_list',
            entityId: importId,
            action: 'update',
            changes: [
              { field: 'added', old: null, new: summary.added.map((g) => g.code) },
              { field: 'ended', old: null, new: summary.ended.map((e) => ({ code: e.code, to: e.projectsTo, projects: e.projectsMoved })) },
              { field: 'renamed', old: null, new: summary.renamed },
            ],
          },
        ]);
      });
      return { ...summary, written: true, importId };
    },
  };
}

export type GemeenteListService = ReturnType<typeof createGemeenteListService>;
