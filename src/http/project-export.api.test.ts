/**
 * API tests of the streaming project exports as CSV and XLSX (SPEC §7, issue 13 part 4): exactly the
 * projects of the filtered list, with the figures of the register (programme per segment / woningtype /
 * doelgroep, jaarschijven per year and segment, the 36 milestone dates), demo projects labelled.
 * On a seeded demo dataset; PGlite by default, PostgreSQL with DATABASE_URL.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS, MILESTONES, SEGMENTS } from '../domain/codes.ts';
import { createProjectExportService } from '../services/project-export.service.ts';
import { createProjectExportRepository } from '../storage/project-export.repository.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { accountWithToken } from '../../test/helpers/auth.ts';

let t: TestApp;
let admin: Inject;
let realId: string;

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 600, seed: 13, asOf: '2026-10-01' }) });
  admin = await t.signedIn('beheerder');
  // One real (not synthetic) project, so the demo label must tell them apart.
  const [row] = await t.db.query<{ id: string }>(`SELECT id FROM projects WHERE gemeente_code = 'GM0363' ORDER BY id LIMIT 1`);
  realId = row!.id;
  await t.db.query('UPDATE projects SET synthetic = false WHERE id = $1', [realId]);
});
afterAll(async () => {
  await t?.close();
});

type Expected = Map<string, Record<string, string | number | null>>;

/** What the register holds, per project and export header, straight from SQL (not through the export code). */
async function expectedFromSql(ids: readonly string[]): Promise<Expected> {
  const out: Expected = new Map();
  const projects = await t.db.query<{
    id: string;
    name: string;
    gemeente_code: string;
    total_homes: number;
    synthetic: boolean;
    plan_status: string;
  }>('SELECT id, name, gemeente_code, total_homes, synthetic, plan_status FROM projects WHERE id = ANY($1::uuid[])', [ids]);
  for (const p of projects)
    out.set(p.id, {
      Projectnaam: p.name,
      Gemeentecode: p.gemeente_code,
      'Woningen totaal': p.total_homes,
      Planstatus: LABELS[p.plan_status] ?? p.plan_status,
      'Demogegevens (verzonnen)': p.synthetic ? 'ja' : 'nee',
    });
  const add = (id: string, header: string, value: number | string) => {
    const e = out.get(id)!;
    e[header] = typeof value === 'number' ? Number(e[header] ?? 0) + value : value;
  };
  for (const l of await t.db.query<{ project_id: string; segment: string; woningtype: string; doelgroep: string; homes: number }>(
    'SELECT project_id, segment, woningtype, doelgroep, homes FROM project_programme WHERE project_id = ANY($1::uuid[])',
    [ids],
  )) {
    add(l.project_id, LABELS[l.segment]!, l.homes);
    if (l.woningtype !== 'onbekend') add(l.project_id, LABELS[l.woningtype]!, l.homes);
    const group = { ouderen: 'Doelgroep ouderen', student: 'Doelgroep studenten', flex: 'Doelgroep flex', woonzorg: 'Doelgroep woonzorg' }[
      l.doelgroep
    ];
    if (group) add(l.project_id, group, l.homes);
  }
  for (const j of await t.db.query<{ project_id: string; year: number; segment: string; homes: number }>(
    'SELECT project_id, year, segment, homes FROM project_jaarschijven WHERE project_id = ANY($1::uuid[]) AND homes > 0',
    [ids],
  ))
    add(j.project_id, `Oplevering ${j.year} ${LABELS[j.segment]!.toLowerCase()}`, j.homes);
  for (const m of await t.db.query<{ project_id: string; code: string; b: string | null; f: string | null; a: string | null }>(
    `SELECT project_id, code, baseline_date::text AS b, forecast_date::text AS f, actual_date::text AS a
       FROM project_milestones WHERE project_id = ANY($1::uuid[])`,
    [ids],
  )) {
    const label = MILESTONES.find((x) => x.code === m.code)!.label;
    if (m.b) add(m.project_id, `${m.code} ${label} – basis`, m.b);
    if (m.f) add(m.project_id, `${m.code} ${label} – prognose`, m.f);
    if (m.a) add(m.project_id, `${m.code} ${label} – gerealiseerd`, m.a);
  }
  return out;
}

/** The ids of every project of the list with this query (all pages). */
async function listIds(query: string, as: Inject = admin): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await as(`/api/v1/projects?${query}&limit=500&offset=${offset}`)).json();
    ids.push(...page.items.map((i: { id: string }) => i.id));
    if (offset + 500 >= page.total) return ids;
  }
}

/** Every expected figure is in the row, and every number or date column the row fills is expected (none made up). */
function expectRowMatches(row: Record<string, string | number | null>, expected: Record<string, string | number | null>, who: string) {
  for (const [header, value] of Object.entries(expected)) expect(row[header] ?? 0, `${who} ${header}`).toBe(value);
  for (const [header, value] of Object.entries(row)) {
    if (/^(Oplevering \d{4} |M\d\d )|^(Sociale huur|Middenhuur|Betaalbare koop|Vrije sector|Grondgebonden|Gestapeld|Doelgroep )/.test(header))
      expect(value === null || value === '' || value === 0 ? 0 : value, `${who} ${header}`).toBe(expected[header] ?? 0);
  }
}

const FILTER = 'gemeente=GM0363,GM0599&planStatus=vastgesteld,onherroepelijk,in_voorbereiding';

describe('GET /api/v1/projects/export.csv (SPEC §7, issue 13 part 4)', () => {
  it('holds exactly the filtered projects of the list, with the register’s programme, jaarschijven and milestone dates', async () => {
    const ids = await listIds(FILTER);
    expect(ids.length).toBeGreaterThan(20);
    const res = await admin(`/api/v1/projects/export.csv?${FILTER}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="projecten.csv"');
    expect(res.body.startsWith('\uFEFFProject-id;Projectnaam;Gemeentecode;')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(res.body.slice(1), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toContain('M11 Start bouw – prognose');
    expect(parsed.meta.fields!.filter((f) => / – (basis|prognose|gerealiseerd)$/.test(f))).toHaveLength(36);
    expect(parsed.data.map((r) => r['Project-id']).sort()).toEqual([...ids].sort());
    const expected = await expectedFromSql(ids);
    for (const row of parsed.data) {
      const typed = Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, /^\d+$/.test(v) && !/^(Gemeentecode|Projectnaam)$/.test(k) ? Number(v) : v === '' ? null : v]),
      );
      expectRowMatches(typed, expected.get(row['Project-id']!)!, row['Project-id']!);
    }
    // Coordinates with a decimal comma, so Dutch Excel reads them as numbers.
    expect(parsed.data.find((r) => r.Lengtegraad)!.Lengtegraad).toMatch(/^\d+,\d{6}$/);
  });

  it('labels demo projects and real ones', async () => {
    const res = await admin('/api/v1/projects/export.csv?gemeente=GM0363');
    const rows = Papa.parse<Record<string, string>>(res.body.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.find((r) => r['Project-id'] === realId)!['Demogegevens (verzonnen)']).toBe('nee');
    const others = rows.filter((r) => r['Project-id'] !== realId);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r['Demogegevens (verzonnen)'] === 'ja')).toBe(true);
  });

  it('exports only the caller’s scope: a gemeente editor gets its own gemeente, whatever the filter asks (SPEC §7)', async () => {
    const editor = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0599' });
    const res = await editor('/api/v1/projects/export.csv?gemeente=GM0363,GM0599');
    expect(res.statusCode).toBe(200);
    const rows = Papa.parse<Record<string, string>>(res.body.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.Gemeentecode))).toEqual(new Set(['GM0599']));
    expect(rows.map((r) => r['Project-id']).sort()).toEqual((await listIds('gemeente=GM0363,GM0599', editor)).sort());
  });

  it('reads in keyset batches without losing or repeating a project (batch of 7 gives the same file)', async () => {
    const small = createProjectExportService({ db: t.db, exports: createProjectExportRepository(), publicDemoData: false, batchSize: 7 });
    const { principal } = await accountWithToken(t.services, 'beheerder');
    const chunks: Buffer[] = [];
    for await (const chunk of await small.csv({ gemeenteCodes: ['GM0363', 'GM0599'], lifecycle: 'actief' }, principal)) chunks.push(chunk as Buffer);
    const viaApi = (await admin('/api/v1/projects/export.csv?gemeente=GM0363,GM0599')).rawPayload;
    expect(Buffer.concat(chunks).toString('utf8')).toBe(viaApi.toString('utf8'));
    expect(chunks.length).toBeGreaterThan(3);
  });

  it('answers an empty filter result with the header only', async () => {
    const res = await admin('/api/v1/projects/export.csv?q=bestaat-niet-xyz');
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('needs an account', async () => {
    expect((await t.app.inject({ url: '/api/v1/projects/export.csv' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/projects/export.xlsx (SPEC §7, issue 13 part 4)', () => {
  it('holds the same projects and figures as the CSV, dates as date cells, and the demo notice', async () => {
    const ids = await listIds(FILTER);
    const res = await admin(`/api/v1/projects/export.xlsx?${FILTER}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="projecten.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Projecten', 'Toelichting']);
    const sheet = wb.getWorksheet('Projecten')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers.slice(0, 3)).toEqual(['Project-id', 'Projectnaam', 'Gemeentecode']);
    const expected = await expectedFromSql(ids);
    const seen: string[] = [];
    let dates = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      const record = Object.fromEntries(
        headers.map((h, i) => {
          const v = values[i];
          if (v instanceof Date) {
            dates += 1;
            return [h, v.toISOString().slice(0, 10)];
          }
          return [h, v === undefined ? null : (v as string | number)];
        }),
      );
      seen.push(String(record['Project-id']));
      expectRowMatches(record, expected.get(String(record['Project-id']))!, String(record['Project-id']));
    });
    expect(seen.sort()).toEqual([...ids].sort());
    expect(dates).toBeGreaterThan(0);
    const notice = wb.getWorksheet('Toelichting')!;
    const text: string[] = [];
    notice.eachRow((row) => text.push(String(row.getCell(1).value)));
    expect(text.join('\n')).toContain(`${ids.length - (ids.includes(realId) ? 1 : 0)} van de ${ids.length} projecten zijn verzonnen demogegevens`);
  });

  it('is a valid workbook with the header only when nothing matches', async () => {
    const res = await admin('/api/v1/projects/export.xlsx?q=bestaat-niet-xyz');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Projecten')!.rowCount).toBe(1);
  });
});

describe('the export’s segment columns', () => {
  it('follow SEGMENTS (SPEC §2)', async () => {
    const res = await admin('/api/v1/projects/export.csv?gemeente=GM0363');
    const fields = Papa.parse<Record<string, string>>(res.body.slice(1), { header: true, delimiter: ';', preview: 1 }).meta.fields!;
    const at = SEGMENTS.map((s) => fields.indexOf(LABELS[s]!));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
