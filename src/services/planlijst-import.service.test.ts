/**
 * Planlijst import against a real database (issue 13 part 1 "Done when": deliberately messy files — wrong headers,
 * empty rows, text in number columns, unknown gemeenten, dates in several Dutch formats, duplicates — give an error
 * report by row and column and write nothing; SPEC §7: all or nothing, every change audit-logged). PGlite by default,
 * PostgreSQL with DATABASE_URL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../domain/audit.ts';
import type { PlanlijstMapping } from '../domain/planlijst/fields.ts';
import { ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { createServices, type Services } from './container.ts';
import type { ImportScope } from './planlijst-import.service.ts';

let t: TestDb;
let services: Services;
const ALL: ImportScope = { gemeenteCodes: 'all' };
const actor: Actor = { ...ADMIN_ACTOR, via: 'import' };

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { today: () => '2026-12-02' });
});
afterAll(async () => t.close());

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function counts() {
  const one = async (sql: string) => Number((await t.db.query<{ n: number }>(sql))[0]!.n);
  return {
    projects: await one('SELECT count(*) AS n FROM projects'),
    runs: await one('SELECT count(*) AS n FROM import_runs'),
    audit: await one('SELECT count(*) AS n FROM audit_log'),
    links: await one('SELECT count(*) AS n FROM import_links'),
    sources: await one('SELECT count(*) AS n FROM import_sources'),
  };
}

const CLEAN = [
  'Projectnummer;Projectnaam;Gemeente;Hardheid;Aantal woningen;Sociale huur;Middenhuur;Start bouw;Oplevering 2020-2024;Op202529;RD-X;RD-Y',
  'A-1;Stationskwartier;Heerhugowaard;2A Vastgesteld;1.200;300;100;15-3-2027;0;1.200;111924,4;517145,5',
  'A-2;De Weide;Amsterdam;1A Onherroepelijk;80;40;0;Q3 2027;0;80;121000;487000',
  'A-3;Molenbuurt;Weesp;4A Visie;45;;;2028;;;129500;480900',
].join('\r\n');

describe('planlijst import service (issue 13 part 1; SPEC §2, §7)', () => {
  it('a messy semicolon CSV: every problem by row and column, empty rows counted, nothing written (not even the run)', async () => {
    const before = await counts();
    const messy = [
      'Projectnummer;Projectnaam;Gemeente;Hardheid;Aantal woningen;Sociale huur;Start bouw;RD-X;RD-Y',
      'M-1;Goed plan;Amsterdam;1A;1.234;200;1 januari 2027;121000;487000',
      ';;;;;;;;',
      'M-2;Tekst in getal;Amsterdam;1A;veel;12,5;jan 2027;;',
      'M-3;Onbekende gemeente;Atlantis;3;10;;2027-13-01;;',
      'M-1;Dubbel;Utrecht;2B;10;;Q5 2027;;',
      '',
      'M-4;Buiten Nederland;Rotterdam;Onbekend;10;;31-12-27;900000;900000',
      'M-5;Goed met datum;Rotterdam;3 In voorbereiding;25;;15-03-28;;',
    ].join('\n');
    const mapping = (await services.planlijstImport.inspect(file('messy.csv', messy))).suggested;
    const report = await services.planlijstImport.apply(file('messy.csv', messy), mapping, actor, ALL);
    expect(report).toMatchObject({ rowsRead: 6, rowsEmpty: 2, rowsValid: 2, rowsRejected: 4, created: 0, applied: false });
    expect(report.problems).toEqual([
      { row: 4, column: 'Aantal woningen', problem: "'veel' is geen getal; hier hoort een aantal woningen" },
      { row: 4, column: 'Sociale huur', problem: "'12,5' is geen heel aantal woningen; hier hoort een aantal woningen" },
      {
        row: 5,
        column: 'Gemeente',
        problem: "gemeente 'Atlantis' bestaat niet in de gemeentelijke indeling van 2025 en is geen bekende oude gemeentenaam",
      },
      { row: 5, column: 'Start bouw', problem: expect.stringMatching(/^'2027-13-01' is geen datum/) },
      { row: 6, column: 'Projectnummer', problem: "project-id 'M-1' staat ook in rij 2; elk plan hoort één keer in de lijst" },
      { row: 6, column: 'Start bouw', problem: expect.stringMatching(/^'Q5 2027' is geen datum/) },
      {
        row: 8,
        column: 'RD-X',
        problem: '(900000, 900000) ligt niet in Nederland, niet als lengte- en breedtegraad (WGS84) en niet als RD-coördinaten',
      },
    ]);
    expect(report.homes).toBe(1234 + 25);
    expect(await counts()).toEqual(before);
  });

  it('wrong headers: the mapping names columns the file lacks, reported on row 1, nothing written', async () => {
    const before = await counts();
    const mapping: PlanlijstMapping = { source: 'verkeerd', fields: { name: 'Naam project', gemeente: 'Gemeente', homesTotal: 'Woningen' } };
    const report = await services.planlijstImport.apply(file('verkeerd.csv', CLEAN), mapping, actor, ALL);
    expect(report.applied).toBe(false);
    expect(report.problems).toEqual([
      { row: 1, column: null, problem: "Kolom 'Naam project' (voor name) staat niet in het bestand." },
      { row: 1, column: null, problem: "Kolom 'Woningen' (voor homesTotal) staat niet in het bestand." },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a mapping file with an unknown field or status code is refused with its path', async () => {
    await expect(
      services.planlijstImport.preview(file('x.csv', CLEAN), { source: 's', fields: { naam: 'Projectnaam' } } as PlanlijstMapping, actor, ALL),
    ).rejects.toMatchObject({ issues: [{ path: 'fields.naam', message: expect.stringContaining('geen veld van het register') }] });
    await expect(
      services.planlijstImport.preview(
        file('x.csv', CLEAN),
        { source: 's', fields: { name: 'Projectnaam', gemeente: 'Gemeente' }, values: { planStatus: { '1A': 'hard' as never } } },
        actor,
        ALL,
      ),
    ).rejects.toMatchObject({ issues: [{ path: 'values.planStatus.1A' }] });
  });

  it('rows outside the scope of the importer are row errors and nothing is written', async () => {
    const before = await counts();
    const mapping = (await services.planlijstImport.inspect(file('scope.csv', CLEAN))).suggested;
    const report = await services.planlijstImport.apply(file('scope.csv', CLEAN), mapping, actor, { gemeenteCodes: new Set(['GM0363']) });
    expect(report.problems.map((p) => [p.row, p.column, p.problem])).toEqual([
      [2, 'Gemeente', 'gemeente GM1980 valt buiten de gemeenten waarvoor u mag importeren'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('preview reports what apply would do and writes nothing', async () => {
    const before = await counts();
    const mapping = (await services.planlijstImport.inspect(file('schoon.csv', CLEAN))).suggested;
    const report = await services.planlijstImport.preview(file('schoon.csv', CLEAN), mapping, actor, ALL);
    expect(report).toMatchObject({ rowsRead: 3, rowsValid: 3, created: 3, applied: false, problems: [] });
    expect(await counts()).toEqual(before);
  });

  it('applies a clean file, then the same file changes nothing, then a newer version updates, reports and withdraws', async () => {
    const before = await counts();
    const inspected = await services.planlijstImport.inspect(file('planmonitor.csv', CLEAN));
    expect(inspected).toMatchObject({ rowCount: 3, savedMapping: null });
    const mapping = { ...inspected.suggested, source: 'Planmonitor test' };
    const first = await services.planlijstImport.apply(file('planmonitor.csv', CLEAN), mapping, actor, ALL);
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, homes: 1325, applied: true, problems: [] });
    expect(first.notes.join('\n')).toMatch(/Heerhugowaard \(GM0398\) is sinds 2022 Dijk en Waard \(GM1980\)/);
    expect(first.notes.join('\n')).toMatch(/RD New/);
    const after = await counts();
    expect(after).toMatchObject({ projects: before.projects + 3, runs: before.runs + 1, audit: before.audit + 3, links: before.links + 3 });

    const id = first.changes.find((c) => c.externalId === 'A-1')!.projectId!;
    const p = await services.projects.get(id, ADMIN_ACTOR.principal);
    expect(p).toMatchObject({
      name: 'Stationskwartier',
      gemeenteCode: 'GM1980',
      planStatus: 'vastgesteld',
      totalHomes: 1200,
      socialHomes: 300,
      version: 1,
    });
    expect(p.milestones.find((m) => m.code === 'M11')?.forecastDate).toBe('2027-03-15');
    expect(p.jaarschijven.reduce((s, j) => s + j.homes, 0)).toBe(1200);
    expect(p.location!.lat).toBeGreaterThan(52.6);

    const saved = await services.planlijstImport.inspect(file('planmonitor.csv', CLEAN), { source: 'Planmonitor test' });
    expect(saved.savedMapping).toEqual(mapping);

    const again = await services.planlijstImport.apply(file('planmonitor.csv', CLEAN), mapping, actor, ALL);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, removed: 0, applied: true });
    expect(await counts()).toMatchObject({ projects: after.projects, audit: after.audit, runs: after.runs + 1 });

    const newer = CLEAN.replace('A-2;De Weide;Amsterdam;1A Onherroepelijk;80;40', 'A-2;De Weide;Amsterdam;2A Vastgesteld;90;40')
      .split('\r\n')
      .filter((l) => !l.startsWith('A-3'))
      .concat('A-4;Kerkplein;Rotterdam;3;12;;;;;;')
      .join('\r\n');
    const preview = await services.planlijstImport.preview(file('planmonitor.csv', newer), mapping, actor, ALL);
    expect(preview).toMatchObject({ created: 1, updated: 1, unchanged: 1, removed: 1, withdrawn: 0, applied: false });
    const third = await services.planlijstImport.apply(file('planmonitor.csv', newer), mapping, actor, ALL, { withdrawMissing: true });
    expect(third).toMatchObject({ created: 1, updated: 1, unchanged: 1, removed: 1, withdrawn: 1, applied: true });
    expect(third.changes.filter((c) => c.kind !== 'created')).toEqual([
      { kind: 'updated', externalId: 'A-2', projectId: expect.any(String), name: 'De Weide', fields: ['planstatus', 'programma', 'jaarschijven'] },
      { kind: 'removed', externalId: 'A-3', projectId: expect.any(String), name: 'Molenbuurt', fields: [] },
    ]);
    const updated = await services.projects.get(third.changes.find((c) => c.externalId === 'A-2')!.projectId!, ADMIN_ACTOR.principal);
    expect(updated).toMatchObject({ planStatus: 'vastgesteld', totalHomes: 90, version: 2 });
    const withdrawn = await services.projects.get(third.changes.find((c) => c.externalId === 'A-3')!.projectId!, ADMIN_ACTOR.principal);
    expect(withdrawn.lifecycle).toMatchObject({ state: 'vervallen', withdrawnDate: '2026-12-02' });
    const trail = await t.db.query<{ action: string; via: string }>('SELECT action, via FROM audit_log WHERE project_id = $1 ORDER BY id', [
      updated.id,
    ]);
    expect(trail).toEqual([
      { action: "aangemaakt: geïmporteerd uit planlijst 'Planmonitor test'", via: 'import' },
      { action: "bijgewerkt: geïmporteerd uit planlijst 'Planmonitor test'", via: 'import' },
    ]);
  });

  it('an XLSX with a named sheet, date cells and text in a number cell: problems by spreadsheet row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Toelichting').addRow(['Zie het tweede blad']);
    const ws = wb.addWorksheet('Plannen');
    ws.addRow(['Plan-id', 'Plannaam', 'Gemeentecode', 'Planstatus', 'Aantal woningen', 'Start bouw', 'Lon', 'Lat']);
    ws.addRow(['X-1', 'Havenkwartier', 'GM0599', 'Vastgesteld', 150, new Date(Date.UTC(2027, 5, 1)), 4.48, 51.92]);
    ws.addRow([]);
    ws.addRow(['X-2', 'Spoorzone', '0599', 'In voorbereiding', 'n.t.b.', 46461, 51.92, 4.48]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await counts();
    const inspected = await services.planlijstImport.inspect({ name: 'plannen.xlsx', bytes });
    expect(inspected.columns).toEqual(['Zie het tweede blad']);
    const mapping: PlanlijstMapping = {
      ...suggestedFor(['Plan-id', 'Plannaam', 'Gemeentecode', 'Planstatus', 'Aantal woningen', 'Start bouw', 'Lon', 'Lat']),
      sheet: 'Plannen',
    };
    const report = await services.planlijstImport.apply({ name: 'plannen.xlsx', bytes }, mapping, actor, ALL);
    expect(report).toMatchObject({ rowsRead: 2, rowsEmpty: 1, rowsRejected: 1, applied: false });
    expect(report.problems).toEqual([{ row: 4, column: 'Aantal woningen', problem: "'n.t.b.' is geen getal; hier hoort een aantal woningen" }]);
    expect(await counts()).toEqual(before);
    const fixed = await services.planlijstImport.preview({ name: 'plannen.xlsx', bytes: await xlsxFixed(bytes) }, mapping, actor, ALL);
    expect(fixed).toMatchObject({ rowsValid: 2, created: 2, problems: [] });
    expect(fixed.notes.join('\n')).toMatch(/verwisseld/);
  });
});

function suggestedFor(columns: string[]): PlanlijstMapping {
  const fields: Record<string, string> = {};
  const known: Record<string, string> = {
    'Plan-id': 'externalId',
    Plannaam: 'name',
    Gemeentecode: 'gemeenteCode',
    Planstatus: 'planStatus',
    'Aantal woningen': 'homesTotal',
    'Start bouw': 'milestones.M11.prognose',
    Lon: 'x',
    Lat: 'y',
  };
  for (const c of columns) fields[known[c]!] = c;
  return { source: 'xlsx-test', fields };
}

async function xlsxFixed(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  wb.getWorksheet('Plannen')!.getRow(4).getCell(5).value = 60;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
