/**
 * The real plan list (issue 13 "Done when"): the 4,348 plans of the provincial plan-capacity inventories (EIB 2020,
 * test/fixtures/planlijst/, described in ../shared/data/README.md) import with the committed mapping file
 * (data/examples/planlijst-eib-2020.mapping.json), which leaves the file's `gemeente_code_2025*` columns out: every
 * old gemeente name resolves to the 2025 gemeente the file's own `gemeente_code_2025` gives, homes = Σ homes_remaining
 * = 566,386, and importing it again creates nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { createServices, type Services } from './container.ts';
import { parseMappingText } from './planlijst-mapping.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = join(ROOT, 'test', 'fixtures', 'planlijst', 'woningbouwplannen_eib_2020.csv');
const MAPPING = parseMappingText(readFileSync(join(ROOT, 'data', 'examples', 'planlijst-eib-2020.mapping.json'), 'utf8'));
const rows = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true }).data;

let t: TestDb;
let services: Services;
beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { today: () => '2026-12-02' });
});
afterAll(async () => t.close());

describe('the real EIB plan list of 4,348 plans (issue 13 Done when; SPEC §2 plan status, geography)', () => {
  it('the mapping uses no gemeente_code_2025 column', () => {
    const columns = Object.values(MAPPING.fields).flatMap((s) => (typeof s === 'string' ? [s] : s.columns));
    expect(columns.filter((c) => c.startsWith('gemeente_code_2025'))).toEqual([]);
  });

  it('imports every row, resolves every old gemeente name to its 2025 gemeente, homes = 566,386; again: nothing created', async () => {
    const file = { name: 'woningbouwplannen_eib_2020.csv', bytes: new Uint8Array(readFileSync(FILE)) };
    const report = await services.planlijstImport.apply(file, MAPPING, { ...ADMIN_ACTOR, via: 'import' }, { gemeenteCodes: 'all' });
    expect(report).toMatchObject({ rowsRead: 4348, rowsValid: 4348, rowsRejected: 0, created: 4348, homes: 566_386, applied: true, problems: [] });
    expect(rows.reduce((s, r) => s + Number(r.homes_remaining), 0)).toBe(566_386);

    const stored = await t.db.query<{ external_id: string; gemeente_code: string; total_homes: number; plan_status: string }>(
      `SELECT l.external_id, p.gemeente_code, p.total_homes, p.plan_status FROM import_links l JOIN projects p ON p.id = l.project_id
       JOIN import_sources s ON s.id = l.source_id WHERE s.name = $1`,
      [MAPPING.source],
    );
    const byId = new Map(stored.map((s) => [s.external_id, s]));
    const wrong = rows.filter((r) => byId.get(r.source_object_id!)?.gemeente_code !== r.gemeente_code_2025);
    expect(wrong.map((r) => `${r.source_object_id} ${r.gemeente_name}`)).toEqual([]);
    const successors = rows.filter((r) => r.gemeente_code_2025_method === 'successor');
    expect(successors).toHaveLength(146);
    expect(stored.reduce((s, p) => s + p.total_homes, 0)).toBe(566_386);
    // 1A → onherroepelijk; 1B/1C/2A/2B/2C → vastgesteld (src/domain/planlijst/status.ts).
    const status = (code: string) => rows.filter((r) => r.plan_status!.startsWith(code)).map((r) => byId.get(r.source_object_id!)!.plan_status);
    expect(new Set(status('1A'))).toEqual(new Set(['onherroepelijk']));
    expect(new Set([...status('1B'), ...status('1C'), ...status('2')])).toEqual(new Set(['vastgesteld']));
    expect(report.notes.join('\n')).toMatch(/Heerhugowaard \(GM0398\) is sinds 2022 Dijk en Waard \(GM1980\): 33 keer/);

    const again = await services.planlijstImport.apply(file, MAPPING, { ...ADMIN_ACTOR, via: 'import' }, { gemeenteCodes: 'all' });
    expect(again).toMatchObject({ rowsRead: 4348, created: 0, updated: 0, unchanged: 4348, removed: 0, homes: 566_386, applied: true });
  });
});
