/**
 * Open books through the API (issue 12 item 5): a market party of the project enters the figures; the project's
 * gemeente and its table's secretary read them; a second market party of the same table, another gemeente of the
 * same table, the province, the ministry, an administrator and the public do not — and the figures appear nowhere
 * else: not in the project, the list, the exports, the audit trail of those who may not read them, the table's
 * overview (the table report is printed from it), the quarterly round or the national figures. SPEC §1 ("share
 * open-book figures only with the table"), §2, §7 ("open-book figures … are visible only to the table's members");
 * `001 § Afspraak 3B`. PGlite by default, PostgreSQL with DATABASE_URL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

const TABLE = 'vt-amsterdam-e-o';
const DEV = '0b000000-0000-4000-8000-000000000001';
const OTHER_DEV = '0b000000-0000-4000-8000-000000000002';
/** Distinctive amounts, so any place they leak to can be found by text. */
const FIGURES = { totalCostsEuros: 48_613_277, totalRevenuesEuros: 39_154_829, publicContributionsEuros: 5_271_433, peildatum: '2026-09-30' };
const AMOUNTS = [FIGURES.totalCostsEuros, FIGURES.totalRevenuesEuros, FIGURES.publicContributionsEuros, 9_458_448, 4_187_015];

let t: TestApp;
let admin: Inject;
let dev: Inject;
let otherDev: Inject;
let gemeente: Inject;
let otherGemeente: Inject;
let secretary: Inject;
let otherSecretary: Inject;
let provincie: Inject;
let ministerie: Inject;
let projectId = '';
let otherProjectId = '';

/** Every way an amount could be written: 48613277, 48.613.277, 48,613,277, 48 613 277. */
function leaks(text: string): string[] {
  return AMOUNTS.flatMap((a) => {
    const digits = String(a);
    const grouped = (sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return [digits, grouped('.'), grouped(','), grouped(' '), grouped('\u00a0')].filter((form) => text.includes(form));
  });
}

async function workbookText(payload: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

const project = (name: string, parties: Array<{ organisationId: string; role: string }>) => ({
  name,
  gemeenteCode: 'GM0363',
  planStatus: 'vastgesteld',
  programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 120 }],
  jaarschijven: [{ year: 2029, segment: 'sociale_huur', homes: 120 }],
  milestones: [
    { code: 'M06', baselineDate: '2027-01-01', forecastDate: '2027-01-01' },
    { code: 'M11', baselineDate: '2028-01-01', forecastDate: '2028-01-01' },
    { code: 'M12', baselineDate: '2029-06-01', forecastDate: '2029-06-01' },
  ],
  location: { lon: 4.9, lat: 52.37 },
  parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }, ...parties],
});

beforeAll(async () => {
  t = await createTestApp({
    today: () => '2026-12-02',
    prepare: (services, db) =>
      services.repositories.organisations.insertMany(db, [
        { id: DEV, name: 'Open Boek Ontwikkeling', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
        { id: OTHER_DEV, name: 'Andere Bouwer', type: 'bouwer', gemeenteCode: null, synthetic: false },
      ]),
  });
  admin = await t.signedIn('beheerder');
  dev = await t.signedIn('marktpartij_editor', { organisationId: DEV });
  otherDev = await t.signedIn('marktpartij_editor', { organisationId: OTHER_DEV });
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') });
  // Amstelveen: another gemeente of the same table.
  otherGemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0362', organisationId: gemeenteOrganisationId('GM0362') });
  secretary = await t.signedIn('tafel_secretaris', { regionId: TABLE });
  otherSecretary = await t.signedIn('tafel_secretaris', { regionId: 'vt-u10' });
  provincie = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
  ministerie = await t.signedIn('ministerie_analist');
  const created = await admin({
    method: 'POST',
    url: '/api/v1/projects',
    payload: project('Open boek Zuidas', [{ organisationId: DEV, role: 'ontwikkelaar' }]),
  });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json().id;
  // The second market party takes part in the same table through a project of its own (a member of the table).
  const other = await admin({
    method: 'POST',
    url: '/api/v1/projects',
    payload: project('Ander plan', [{ organisationId: OTHER_DEV, role: 'bouwer' }]),
  });
  otherProjectId = other.json().id;
});
afterAll(async () => {
  await t?.close();
});

const url = () => `/api/v1/projects/${projectId}/open-book`;
const put = (as: Inject, body: object) => as({ method: 'PUT', url: url(), payload: body });

describe('entering and reading the open book', () => {
  it('has none before a party enters figures (204)', async () => {
    const res = await gemeente(url());
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });

  it('lets a market party of the project enter the figures, with the onrendabele top derived', async () => {
    const res = await put(dev, { version: 0, ...FIGURES });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      projectId,
      ...FIGURES,
      version: 1,
      enteredByOrganisationId: DEV,
      enteredByOrganisationName: 'Open Boek Ontwikkeling',
      saldoEuros: -9_458_448,
      onrendabeleTopEuros: 9_458_448,
      remainingDeficitEuros: 4_187_015,
      hasDeficit: true,
      hasRemainingDeficit: true,
    });
  });

  it('shows them to the project’s gemeente and to the secretary of its table', async () => {
    for (const reader of [gemeente, secretary, dev]) {
      const res = await reader(url());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ ...FIGURES, version: 1, onrendabeleTopEuros: 9_458_448 });
      // The leak check used below finds the figures where they are (it is not vacuous).
      expect(leaks(res.body)).toEqual(['48613277', '39154829', '5271433', '9458448', '4187015']);
    }
  });

  it('refuses everyone else: a project they may not read answers as unknown (404), the others 403, the public 401', async () => {
    const cases: Array<[string, Inject | null, number]> = [
      ['a second market party of the same table', otherDev, 404],
      ['another gemeente of the same table', otherGemeente, 404],
      ['the secretary of another table', otherSecretary, 404],
      ['the province of the project', provincie, 403],
      ['the ministry', ministerie, 403],
      ['an administrator', admin, 403],
      ['the public', null, 401],
    ];
    for (const [name, as, status] of cases) {
      const res = as ? await as(url()) : await t.app.inject({ url: url() });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(leaks(res.body), name).toEqual([]);
    }
  });

  it('lets only the project’s parties change them', async () => {
    expect((await put(secretary, { version: 1, ...FIGURES })).statusCode).toBe(403);
    expect((await put(provincie, { version: 1, ...FIGURES })).statusCode).toBe(403);
    expect((await put(admin, { version: 1, ...FIGURES })).statusCode).toBe(403);
    expect((await put(otherDev, { version: 1, ...FIGURES })).statusCode).toBe(404);
    expect((await put(otherGemeente, { version: 1, ...FIGURES })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: url(), payload: { version: 1, ...FIGURES } })).statusCode).toBe(401);
    expect((await gemeente(url())).json().version).toBe(1);
  });

  it('names every wrong figure in Dutch (422) and changes nothing', async () => {
    const res = await put(gemeente, { version: 1, ...FIGURES, totalCostsEuros: -5, totalRevenuesEuros: 10.5, peildatum: '2027-01-01' });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as Array<{ path: string; message: string }>;
    expect(errors.map((e) => e.path)).toEqual(['totalCostsEuros', 'totalRevenuesEuros', 'peildatum']);
    expect(errors[0]!.message).toBe('De totale kosten kunnen niet negatief zijn. Vul 0 in als er niets is.');
    expect(errors[2]!.message).toContain('ligt na vandaag');
    const malformed = await put(gemeente, { version: 1, ...FIGURES, peildatum: '30-09-2026' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('peildatum');
    expect((await gemeente(url())).json().version).toBe(1);
  });

  it('keeps a stale version from overwriting newer figures (409 with the current version)', async () => {
    const changed = await put(gemeente, { version: 1, ...FIGURES, publicContributionsEuros: 6_000_000, peildatum: '2026-11-30' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, enteredByOrganisationId: gemeenteOrganisationId('GM0363'), remainingDeficitEuros: 3_458_448 });
    const stale = await put(dev, { version: 1, ...FIGURES });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    const first = await put(dev, { version: 0, ...FIGURES });
    expect(first.statusCode).toBe(409);
    // Back to the first figures, so the amounts the leak checks look for are the current ones.
    expect((await put(dev, { version: 2, ...FIGURES })).statusCode).toBe(200);
  });
});

describe('the audit trail: the open book’s history only for those who may read it', () => {
  it('gives the readers every version with old and new figures', async () => {
    const trail = (await gemeente(`/api/v1/projects/${projectId}/audit`)).json();
    const entries = trail.items.filter((i: { entityType: string }) => i.entityType === 'open_boek');
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['open boek bijgewerkt', 'open boek bijgewerkt', 'open boek ingevuld']);
    expect(entries[2].changes).toContainEqual({ field: 'totalCostsEuros', old: null, new: FIGURES.totalCostsEuros });
    expect(entries[1].changes).toContainEqual({ field: 'publicContributionsEuros', old: FIGURES.publicContributionsEuros, new: 6_000_000 });
    expect((await secretary(`/api/v1/projects/${projectId}/audit`)).json().total).toBe(trail.total);
  });

  it('leaves the open book’s entries out for those who read the project but not its books: no amounts, no trace, a total without them', async () => {
    const full = (await gemeente(`/api/v1/projects/${projectId}/audit`)).json();
    const openBookEntries = full.items.filter((i: { entityType: string }) => i.entityType === 'open_boek').length;
    expect(openBookEntries).toBe(3);
    for (const [name, as] of [
      ['province', provincie],
      ['ministry', ministerie],
      ['administrator', admin],
    ] as const) {
      const res = await as(`/api/v1/projects/${projectId}/audit`);
      expect(res.statusCode, name).toBe(200);
      const body = res.json();
      expect(
        body.items.some((i: { entityType: string }) => i.entityType === 'open_boek'),
        name,
      ).toBe(false);
      expect(body.total, name).toBe(full.total - openBookEntries);
      expect(body.items.length, name).toBe(body.total);
      expect(leaks(res.body), name).toEqual([]);
    }
  });
});

describe('the figures appear nowhere but GET /projects/{id}/open-book', () => {
  const everyone = () =>
    [
      ['market party of the project', dev],
      ['gemeente', gemeente],
      ['secretary', secretary],
      ['second market party', otherDev],
      ['other gemeente', otherGemeente],
      ['province', provincie],
      ['ministry', ministerie],
      ['administrator', admin],
    ] as const;

  it('not in the project, its parts, the project list or the other project', async () => {
    for (const [name, as] of everyone()) {
      for (const path of [
        `/api/v1/projects/${projectId}`,
        `/api/v1/projects/${projectId}/changes`,
        `/api/v1/projects/${projectId}/snapshots`,
        `/api/v1/projects/${projectId}/alternatives`,
        `/api/v1/projects/${otherProjectId}`,
        '/api/v1/projects?limit=500',
        '/api/v1/projects?gemeente=GM0363&limit=500',
      ]) {
        const res = await as(path);
        expect(leaks(res.body), `${name} ${path} (${res.statusCode})`).toEqual([]);
      }
    }
    const detail = (await dev(`/api/v1/projects/${projectId}`)).json();
    expect(Object.keys(detail).filter((k) => /open|boek|book|kosten|cost|revenue|opbrengst/i.test(k))).toEqual([]);
  });

  it('not in any export: the project list as Excel and GeoJSON, the table’s workbook', async () => {
    for (const [name, as] of everyone()) {
      const xlsx = await as('/api/v1/projects/export.xlsx');
      expect(xlsx.statusCode, name).toBe(200);
      expect(leaks(await workbookText(xlsx.rawPayload)), `${name} projects xlsx`).toEqual([]);
      const geojson = await as('/api/v1/projects/export.geojson');
      expect(geojson.statusCode, name).toBe(200);
      expect(leaks(geojson.body), `${name} geojson`).toEqual([]);
      const table = await as(`/api/v1/regions/${TABLE}/export.xlsx`);
      if (table.statusCode === 200) expect(leaks(await workbookText(table.rawPayload)), `${name} table xlsx`).toEqual([]);
    }
    // The export was really made with the project in it (the check above is not vacuous).
    expect(await workbookText((await secretary(`/api/v1/regions/${TABLE}/export.xlsx`)).rawPayload)).toContain('Open boek Zuidas');
  });

  it('not in the table’s overview (from which the table report is printed), its alternatives or the quarterly round', async () => {
    const open = await secretary({ method: 'POST', url: `/api/v1/regions/${TABLE}/rounds`, payload: { quarter: '2026-Q4', deadline: '2026-12-15' } });
    expect(open.statusCode, open.body).toBe(201);
    const roundId = open.json().id;
    for (const [name, as] of everyone()) {
      for (const path of [
        `/api/v1/regions/${TABLE}/dashboard?fromYear=2026&toYear=2030`,
        `/api/v1/regions/${TABLE}/map-points`,
        `/api/v1/regions/${TABLE}/alternatives?year=2029`,
        `/api/v1/rounds/${roundId}`,
        `/api/v1/rounds/${roundId}/projects`,
        `/api/v1/rounds/${roundId}/projects/${projectId}`,
      ]) {
        const res = await as(path);
        expect(leaks(res.body), `${name} ${path} (${res.statusCode})`).toEqual([]);
      }
    }
    // The project itself is in the table's figures: its point on the map (the dashboard's own request) names it.
    expect((await secretary(`/api/v1/regions/${TABLE}/map-points`)).body).toContain('Open boek Zuidas');
  });

  it('not in the national figures or the public aggregates', async () => {
    for (const as of [ministerie, admin, null]) {
      for (const path of [
        '/api/v1/national/overview?runs=5',
        '/api/v1/public/aggregates?level=gemeente&provincie=PV27',
        '/api/v1/public/aggregates.geojson?level=gemeente',
      ]) {
        const res = as ? await as(path) : await t.app.inject({ url: path });
        expect(res.statusCode, path).toBe(200);
        expect(leaks(res.body), path).toEqual([]);
      }
    }
  });
});
