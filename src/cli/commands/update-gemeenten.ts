/**
 * `wbm reference update-gemeenten <gemeenten.csv> <herindelingen.csv> [--dry-run] [--json]`: a newer CBS gemeente list
 * (layout of data/reference/gemeenten_2025.csv) with its herindelingen (layout of herindelingen_2012_2025.csv).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Config } from '../../config.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { log } from '../log.ts';
import type { Flags } from '../options.ts';
import { cliActorName } from './import-cbs.ts';

export async function updateGemeentenCommand(config: Config, files: string[], flags: Flags): Promise<number> {
  const [gemeentenFile, herindelingenFile] = files;
  if (!gemeentenFile || !herindelingenFile) throw new Error('wbm reference update-gemeenten needs GEMEENTEN.csv and HERINDELINGEN.csv');
  const db = await openReadyDatabase(config, log);
  try {
    const summary = await createServices(db).gemeenteList.update(
      {
        gemeenten: readFileSync(gemeentenFile, 'utf8'),
        herindelingen: readFileSync(herindelingenFile, 'utf8'),
        fileName: `${basename(gemeentenFile)} + ${basename(herindelingenFile)}`,
      },
      { actorName: cliActorName(), dryRun: flags['dry-run'] ?? false },
    );
    if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    for (const e of summary.errors) log(`${e.file}${e.line > 0 ? `, regel ${e.line}` : ''}, kolom ${e.column}: ${e.message}`);
    for (const g of summary.added) log(`nieuw: ${g.code} ${g.name}`);
    for (const r of summary.renamed) log(`nieuwe naam: ${r.code} ${r.from} → ${r.to}`);
    for (const e of summary.ended) {
      log(
        `opgeheven: ${e.code} ${e.name} per ${e.endedOn} → ${e.successors.map((s) => s.code).join(', ')}` +
          (summary.written
            ? `; ${e.projectsMoved} projecten, ${e.regions.length} regio's, ${e.targetsMerged} doelen, ${e.accountsMoved} accounts naar ${e.projectsTo}`
            : '') +
          (e.split ? ' (opgesplitst: projecten naar de grootste opvolger, controleer ze)' : ''),
      );
    }
    log(
      summary.errors.length > 0
        ? `${summary.errors.length} fouten: niets opgeslagen`
        : summary.dryRun
          ? 'proefdraai: niets opgeslagen'
          : `opgeslagen (import ${summary.importId})`,
    );
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
