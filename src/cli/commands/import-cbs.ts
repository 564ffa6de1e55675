/**
 * `wbm import cbs <file> [--dry-run] [--json]`: load a CBS StatLine TypedDataSet file (81955NED or its successor
 * 86098NED, `;`-separated as CBS open data delivers it) into the realisations. Prints per-row errors and writes
 * nothing when there is one; `--dry-run` only checks; `--json` prints the summary object on stdout.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Config } from '../../config.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { log } from '../log.ts';
import type { Flags } from '../options.ts';
import { createProgress } from '../progress.ts';

/** Who ran a command-line import, for the import log and the audit trail. */
export function cliActorName(): string {
  return `opdrachtregel (${process.env.WBM_ACTOR ?? userInfo().username})`;
}

export async function importCbsCommand(config: Config, file: string, flags: Flags): Promise<number> {
  const text = readFileSync(file, 'utf8');
  const db = await openReadyDatabase(config, log);
  try {
    const summary = await createServices(db).cbsImport.importText(text, {
      file: basename(file),
      actorName: cliActorName(),
      dryRun: flags['dry-run'] ?? false,
      onProgress: createProgress('CBS import'),
    });
    if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    for (const e of summary.errors.slice(0, 50)) log(`regel ${e.line}, kolom ${e.column}: ${e.message}`);
    if (summary.errors.length > 50) log(`… en nog ${summary.errors.length - 50} fouten`);
    for (const s of summary.skipped) log(`overgeslagen: ${s.count}× ${s.reason}`);
    for (const d of summary.differences) {
      log(`controle ${d.region} ${d.year}: CBS geeft ${d.reported} nieuwbouw, de gemeenten samen ${d.summed} (verschil ${d.difference})`);
    }
    log(
      `CBS ${summary.table}: ${summary.rowsRead} regels gelezen, ${summary.gemeenteRows} gemeente-jaren (${summary.years.join(', ')}); ` +
        `nieuw ${summary.added}, gewijzigd ${summary.changed}, ongewijzigd ${summary.unchanged}; ` +
        `${summary.checks} totaalcontroles, ${summary.differences.length} met verschil; ` +
        (summary.errors.length > 0
          ? `${summary.errors.length} fouten: niets opgeslagen`
          : summary.dryRun
            ? 'proefdraai: niets opgeslagen'
            : summary.written
              ? `opgeslagen (import ${summary.importId})`
              : 'niets opgeslagen'),
    );
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
