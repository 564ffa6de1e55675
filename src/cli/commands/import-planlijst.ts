/**
 * `wbm import planlijst <file> [--mapping <mapping.json>] [--dry-run] [--json] [--suggest-mapping] [--withdraw-missing]`:
 * import a province's or gemeente's plan list (CSV or XLSX) into the register (issue 13 part 1). Without --mapping the
 * automatic suggestions are used; --suggest-mapping prints them as a mapping file to check and edit; --dry-run checks
 * and reports without writing anything. The command line acts as beheerder (all gemeenten). Progress goes to stderr,
 * the report to stdout. Exit code 0 when the file is (or, with --dry-run, would be) imported, 1 when rows were refused.
 */
import { readFileSync } from 'node:fs';
import type { Actor } from '../../domain/audit.ts';
import type { Config } from '../../config.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { parseMappingText } from '../../services/planlijst-mapping.ts';
import type { ImportReport, ImportStage } from '../../services/planlijst-import.service.ts';
import { log } from '../log.ts';
import type { Flags } from '../options.ts';
import { createProgress } from '../progress.ts';

/** Who the command line is in the audit log. */
export const CLI_ACTOR: Actor = {
  principal: {
    kind: 'user',
    userId: null,
    name: 'Opdrachtregel (wbm import planlijst)',
    role: 'beheerder',
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
    demo: false,
  },
  via: 'cli',
};

const STAGE_LABELS: Record<ImportStage, string> = { lezen: 'lezen', controleren: 'rijen controleren', opslaan: 'opslaan' };
const PROBLEMS_SHOWN = 50;
const n = (v: number) => v.toLocaleString('nl-NL');

/** Write to stdout and wait until it is handed over: main() exits the process right after, which would cut a long report off. */
const out = (text: string) => new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));

/** The readable report: the counts, the notes, the first problems. */
export function formatReport(report: ImportReport, dryRun: boolean): string {
  const lines = [
    `Rijen gelezen: ${n(report.rowsRead)} (goed ${n(report.rowsValid)}, afgekeurd ${n(report.rowsRejected)}; lege rijen overgeslagen: ${n(report.rowsEmpty)})`,
    `Woningen in de goede rijen: ${n(report.homes)}`,
    `Nieuw: ${n(report.created)}, gewijzigd: ${n(report.updated)}, ongewijzigd: ${n(report.unchanged)}, niet meer in de lijst: ${n(report.removed)}` +
      (report.withdrawn ? `, daarvan vervallen verklaard: ${n(report.withdrawn)}` : ''),
  ];
  const changed = report.changes.filter((c) => c.kind === 'updated').slice(0, PROBLEMS_SHOWN);
  if (changed.length) lines.push('', 'Gewijzigd:', ...changed.map((c) => `  ${c.externalId} ${c.name}: ${c.fields.join(', ')}`));
  const gone = report.changes.filter((c) => c.kind === 'removed').slice(0, PROBLEMS_SHOWN);
  if (gone.length) lines.push('', 'Niet meer in de lijst:', ...gone.map((c) => `  ${c.externalId} ${c.name}`));
  if (report.notes.length) {
    lines.push('', 'Wat er is gedaan:', ...report.notes.slice(0, PROBLEMS_SHOWN).map((t) => `  ${t}`));
    if (report.notes.length > PROBLEMS_SHOWN) lines.push(`  … en nog ${n(report.notes.length - PROBLEMS_SHOWN)} opmerkingen (--json geeft ze alle)`);
  }
  if (report.problems.length) {
    lines.push('', `Problemen (${n(report.problems.length)}):`);
    for (const p of report.problems.slice(0, PROBLEMS_SHOWN)) lines.push(`  rij ${p.row}${p.column ? `, kolom '${p.column}'` : ''}: ${p.problem}`);
    if (report.problems.length > PROBLEMS_SHOWN)
      lines.push(`  … en nog ${n(report.problems.length - PROBLEMS_SHOWN)} problemen (--json geeft ze alle)`);
  }
  lines.push(
    '',
    report.applied
      ? 'Het bestand is geïmporteerd.'
      : report.problems.length
        ? 'Er is niets opgeslagen: los de problemen op en importeer opnieuw.'
        : dryRun
          ? 'Proefimport (--dry-run): er is niets opgeslagen.'
          : 'Er is niets opgeslagen.',
  );
  return lines.join('\n');
}

export async function importPlanlijstCommand(config: Config, file: string, flags: Flags): Promise<number> {
  const bytes = new Uint8Array(readFileSync(file));
  const mapping = flags.mapping ? parseMappingText(readFileSync(flags.mapping, 'utf8')) : null;
  const db = await openReadyDatabase(config, log);
  try {
    const service = createServices(db).planlijstImport;
    const importFile = { name: file, bytes };
    const inspected = await service.inspect(importFile);
    if (flags['suggest-mapping']) {
      await out(`${JSON.stringify(inspected.suggested, null, 2)}\n`);
      return 0;
    }
    const used = mapping ?? inspected.savedMapping ?? inspected.suggested;
    if (!mapping)
      log(
        inspected.savedMapping
          ? `koppeling: de bewaarde koppeling van bron '${used.source}'`
          : `koppeling: automatische suggestie (--suggest-mapping toont hem)`,
      );
    const bars = new Map<ImportStage, (done: number, total: number) => void>();
    const onProgress = (done: number, total: number, stage: ImportStage) => {
      if (!bars.has(stage)) bars.set(stage, createProgress(STAGE_LABELS[stage]));
      bars.get(stage)!(done, total);
    };
    const scope = { gemeenteCodes: 'all' as const };
    const report = flags['dry-run']
      ? await service.preview(importFile, used, CLI_ACTOR, scope, { onProgress })
      : await service.apply(importFile, used, CLI_ACTOR, scope, { onProgress, withdrawMissing: flags['withdraw-missing'] ?? false });
    await out(flags.json ? `${JSON.stringify(report)}\n` : `${formatReport(report, flags['dry-run'] ?? false)}\n`);
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
