/**
 * `wbm import bag <file> [--dry-run] [--json]`: BAG status lines in the layout documented in the README ("BAG status
 * import") into the BAG starts and completions. Prints per-row errors and writes nothing when there is one.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Config } from '../../config.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { log } from '../log.ts';
import type { Flags } from '../options.ts';
import { createProgress } from '../progress.ts';
import { cliActorName } from './import-cbs.ts';

export async function importBagCommand(config: Config, file: string, flags: Flags): Promise<number> {
  const text = readFileSync(file, 'utf8');
  const db = await openReadyDatabase(config, log);
  try {
    const summary = await createServices(db).bagImport.importText(text, {
      file: basename(file),
      actorName: cliActorName(),
      dryRun: flags['dry-run'] ?? false,
      onProgress: createProgress('BAG import'),
    });
    if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    for (const e of summary.errors.slice(0, 50)) log(`regel ${e.line}, kolom ${e.column}: ${e.message}`);
    if (summary.errors.length > 50) log(`… en nog ${summary.errors.length - 50} fouten`);
    const started = summary.counts.reduce((s, c) => s + c.started, 0);
    const completed = summary.counts.reduce((s, c) => s + c.completed, 0);
    log(
      `BAG: ${summary.rowsRead} regels gelezen, ${summary.newLines} nieuw; ${summary.objects} verblijfsobjecten (${summary.counted} woningen geteld, ` +
        `${summary.withdrawn} ingetrokken of niet gerealiseerd, ${summary.notResidential} zonder woonfunctie); ${started} gestart, ${completed} gereed; ` +
        `gekoppeld aan projecten: ${summary.linked.verblijfsobject} op verblijfsobject-id, ${summary.linked.pand} op pand-id, ${summary.linked.locatie} op locatie; ` +
        (summary.errors.length > 0
          ? `${summary.errors.length} fouten: niets opgeslagen`
          : summary.dryRun
            ? 'proefdraai: niets opgeslagen'
            : `opgeslagen (import ${summary.importId})`),
    );
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

/**
 * `wbm import bag-ids <file>`: the BAG ids of projects, a `;`- or `,`-separated file with a header
 * `project_id;soort;bag_id` (soort: pand or verblijfsobject; 16 digits). Every project named gets exactly the ids the
 * file lists for it (audit entry per project); imported BAG objects are linked again. All or nothing.
 */
export async function importBagIdsCommand(config: Config, file: string): Promise<number> {
  const entries = parseBagIdFile(readFileSync(file, 'utf8'));
  const db = await openReadyDatabase(config, log);
  try {
    const projects = await createServices(db).bagImport.setBagIds(entries, cliActorName());
    log(`BAG-ids: ${entries.length} ids van ${projects} projecten opgeslagen`);
    return 0;
  } finally {
    await db.close();
  }
}

function parseBagIdFile(text: string): Array<{ projectId: string; kind: 'pand' | 'verblijfsobject'; bagId: string }> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const sep = (lines[0] ?? '').includes(';') ? ';' : ',';
  const header = (lines[0] ?? '').split(sep).map((h) => h.trim().toLowerCase());
  const [p, k, b] = ['project_id', 'soort', 'bag_id'].map((c) => header.indexOf(c));
  if (p! < 0 || k! < 0 || b! < 0) throw new Error(`kolommen ${header.join(', ')}: de kolommen project_id, soort en bag_id zijn nodig`);
  const problems: string[] = [];
  const entries = lines.slice(1).map((line, i) => {
    const f = line.split(sep).map((v) => v.trim());
    const kind = f[k!]!.toLowerCase();
    if (kind !== 'pand' && kind !== 'verblijfsobject') problems.push(`regel ${i + 2}, kolom soort: '${f[k!]}' is geen pand of verblijfsobject`);
    if (!/^\d{16}$/.test(f[b!] ?? '')) problems.push(`regel ${i + 2}, kolom bag_id: '${f[b!] ?? ''}' is geen BAG-id van 16 cijfers`);
    if (!/^[0-9a-f-]{36}$/i.test(f[p!] ?? '')) problems.push(`regel ${i + 2}, kolom project_id: '${f[p!] ?? ''}' is geen project-id`);
    return { projectId: f[p!]!, kind: kind as 'pand' | 'verblijfsobject', bagId: f[b!]! };
  });
  if (problems.length > 0) throw new Error(`niets opgeslagen:\n${problems.join('\n')}`);
  return entries;
}
