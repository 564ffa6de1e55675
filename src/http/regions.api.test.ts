/**
 * Versnellingstafels set up in the application (issue 11 item 1; SPEC §2 "Geography", "Quarterly round"; seed
 * `001 § Afspraak 3B`: a versnellingstafel in every region, with parties joining and leaving). On PGlite and, with
 * DATABASE_URL, on PostgreSQL. The tests run in order and tell one story in Zuid-Holland (today: 2026-10-20, later 2027-08-20):
 *   a project in Schiedam (Versnellingstafel Rotterdam) → Rotterdam closes 2026-Q4 with it frozen → the province
 *   analyst sets up a table for Schiedam and Vlaardingen: refused while they sit in Rotterdam's table, refused from
 *   the closed quarter, accepted from 2027-Q1 with the move → the closed quarter still holds the project, the new
 *   table's dashboard has it now → renamed (stale version 409) → members by the secretary → stopped: no new round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePlan } from '../../test/helpers/builders.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { tableOfGemeenteInQuarter, type CoveragePeriod } from '../domain/region.ts';

let t: TestApp;
let admin: Inject;
let zuidHolland: Inject;
let noordHolland: Inject;
let rotterdamSecretary: Inject;
let gemeente: Inject;
const ROTTERDAM_TABLE = 'vt-rotterdam';
const DEV = '33333333-3333-4333-8333-333333333333';
let projectId = '';
let roundId = '';
let tableId = '';
/** Today in the story: 2026-10-20 while Rotterdam runs 2026-Q4; then 2027-08-20, so changes can start in 2027-Q1 to Q3. */
let today = '2026-10-20';

beforeAll(async () => {
  t = await createTestApp({ today: () => today });
  admin = await t.signedIn('beheerder');
  zuidHolland = await t.signedIn('provincie_analist', { provincieCode: 'PV28' });
  noordHolland = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
  rotterdamSecretary = await t.signedIn('tafel_secretaris', { regionId: ROTTERDAM_TABLE });
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0606', organisationId: gemeenteOrganisationId('GM0606') });
  await t.services.repositories.organisations.insertMany(t.db, [
    { id: DEV, name: 'Havenstad Ontwikkeling BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
  ]);
  const res = await admin({
    method: 'POST',
    url: '/api/v1/projects',
    payload: {
      name: 'Schiehaven-Noord',
      gemeenteCode: 'GM0606',
      planStatus: 'vastgesteld',
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 80 }],
      jaarschijven: [{ year: 2028, segment: 'sociale_huur', homes: 80 }],
      milestones: samplePlan().milestones,
      parties: [{ organisationId: gemeenteOrganisationId('GM0606'), role: 'bevoegd_gezag' }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  projectId = res.json().id;
});
afterAll(async () => {
  await t?.close();
});

async function detail(id: string, as = admin) {
  const res = await as({ url: `/api/v1/regions/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function auditOf(id: string) {
  return t.db.query<{ action: string; via: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>(
    `SELECT action, via, changes FROM audit_log WHERE entity_type = 'tafel' AND entity_id = $1 ORDER BY id`,
    [id],
  );
}

const countRegions = async () => (await t.db.query('SELECT id FROM regions')).length;
const create = (as: Inject, payload: object) => as({ method: 'POST', url: '/api/v1/regions', payload });
const schiedamVlaardingen = { kind: 'versnellingstafel', name: 'Tafel Schiedam-Vlaardingen', gemeenteCodes: ['GM0606', 'GM0622'] };

describe('a quarter closed at the Versnellingstafel Rotterdam (the history that must not change)', () => {
  it('Rotterdam opens and closes 2026-Q4 with the Schiedam project frozen in it', async () => {
    const opened = await admin({
      method: 'POST',
      url: `/api/v1/regions/${ROTTERDAM_TABLE}/rounds`,
      payload: { quarter: '2026-Q4', deadline: '2026-12-15' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    const closed = await admin({ method: 'POST', url: `/api/v1/rounds/${roundId}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await detail(ROTTERDAM_TABLE)).closedQuarters).toEqual(['2026-Q4']);
    today = '2027-08-20';
  });
});

describe('POST /api/v1/regions: a province analyst sets up a table in the province', () => {
  it('refuses a gemeente of another versnellingstafel, naming that table, and stores nothing (409)', async () => {
    const before = await countRegions();
    const res = await create(zuidHolland, { ...schiedamVlaardingen, fromQuarter: '2027-Q1' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'gemeenteCodes[0]', code: 'in_other_table', message: expect.stringContaining('Versnellingstafel Rotterdam') }),
      expect.objectContaining({ path: 'gemeenteCodes[1]', code: 'in_other_table' }),
    ]);
    expect(await countRegions()).toBe(before);
  });

  it('refuses a move from a quarter already closed for the table it leaves (422 at fromQuarter)', async () => {
    const res = await create(zuidHolland, { ...schiedamVlaardingen, fromQuarter: '2026-Q4', moveFromOtherTables: true });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'fromQuarter', code: 'quarter_closed' })]);
  });

  it('refuses a gemeente outside the province (403) and an analyst of another province (403); nothing stored', async () => {
    const before = await countRegions();
    const outside = await create(zuidHolland, {
      kind: 'versnellingstafel',
      name: 'Over de grens',
      gemeenteCodes: ['GM0606', 'GM0363'],
      moveFromOtherTables: true,
    });
    expect(outside.statusCode, outside.body).toBe(403);
    expect(outside.json().detail).toMatch(/eigen provincie/);
    const other = await create(noordHolland, { ...schiedamVlaardingen, fromQuarter: '2027-Q1', moveFromOtherTables: true });
    expect(other.statusCode).toBe(403);
    expect(await countRegions()).toBe(before);
  });

  it('refuses an empty name and an unknown gemeente with the field named', async () => {
    const empty = await create(zuidHolland, { ...schiedamVlaardingen, name: '  ' });
    expect([400, 422]).toContain(empty.statusCode);
    expect(empty.json().errors).toEqual([expect.objectContaining({ path: 'name' })]);
    const unknown = await create(zuidHolland, { ...schiedamVlaardingen, gemeenteCodes: ['GM9999'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'gemeenteCodes[0]', code: 'unknown_gemeente' })]);
  });

  it('creates the table from 2027-Q1 with the move: Rotterdam keeps the gemeenten until 2026-Q4; audited on both tables', async () => {
    const res = await create(zuidHolland, { ...schiedamVlaardingen, fromQuarter: '2027-Q1', moveFromOtherTables: true });
    expect(res.statusCode, res.body).toBe(201);
    tableId = res.json().id;
    expect(res.headers.location).toBe(`/api/v1/regions/${tableId}`);
    expect(res.json()).toMatchObject({ kind: 'versnellingstafel', name: 'Tafel Schiedam-Vlaardingen', version: 1, endedOn: null, isExample: false });

    const table = await detail(tableId);
    expect(table.gemeenten.map((g: { code: string }) => g.code).sort()).toEqual(['GM0606', 'GM0622']);
    expect(table.permissions).toEqual({ maySetUp: true, mayManageMembers: true });
    const rotterdam = await detail(ROTTERDAM_TABLE);
    expect(rotterdam.gemeenten.map((g: { code: string }) => g.code)).not.toContain('GM0606');
    expect(rotterdam.history).toContainEqual(expect.objectContaining({ gemeenteCode: 'GM0606', fromQuarter: null, untilQuarter: '2026-Q4' }));

    const periods: CoveragePeriod[] = [...rotterdam.history, ...table.history];
    expect(tableOfGemeenteInQuarter(periods, 'GM0606', '2026-Q4')).toBe(ROTTERDAM_TABLE);
    expect(tableOfGemeenteInQuarter(periods, 'GM0606', '2027-Q1')).toBe(tableId);

    expect((await auditOf(tableId))[0]).toMatchObject({ action: 'tafel aangemaakt', via: 'api' });
    expect((await auditOf(ROTTERDAM_TABLE)).at(-1)).toMatchObject({
      action: expect.stringContaining('Tafel Schiedam-Vlaardingen'),
      changes: [{ field: 'gemeenteCodes', old: ['GM0606', 'GM0622'], new: [] }],
    });
  });

  it('the closed quarter of Rotterdam still holds the Schiedam project; the new table’s dashboard has it now', async () => {
    const frozen = await admin({ url: `/api/v1/rounds/${roundId}/projects` });
    expect(frozen.statusCode, frozen.body).toBe(200);
    expect(frozen.json().items.map((p: { id: string }) => p.id)).toContain(projectId);
    const dashboard = await admin({ url: `/api/v1/regions/${tableId}/dashboard` });
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().summary.totals.projects).toBe(1);
    const list = (await admin({ url: `/api/v1/projects?region=${tableId}` })).json();
    if (list.items) expect(list.items.map((p: { id: string }) => p.id)).toContain(projectId);
  });
});

describe('changing a table: name, gemeenten, version', () => {
  it('renames with the version last read; a stale version answers 409 with currentVersion and changes nothing', async () => {
    const ok = await zuidHolland({ method: 'PATCH', url: `/api/v1/regions/${tableId}`, payload: { name: 'Tafel Nieuwe Waterweg', version: 1 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Tafel Nieuwe Waterweg', version: 2 });
    const stale = await zuidHolland({ method: 'PATCH', url: `/api/v1/regions/${tableId}`, payload: { name: 'Iets anders', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect((await detail(tableId)).name).toBe('Tafel Nieuwe Waterweg');
    expect((await auditOf(tableId)).at(-1)).toMatchObject({
      action: 'tafel hernoemd',
      changes: [{ field: 'name', old: 'Tafel Schiedam-Vlaardingen', new: 'Tafel Nieuwe Waterweg' }],
    });
  });

  it('adds a gemeente from a quarter; an analyst of another province may not (403)', async () => {
    const refused = await noordHolland({
      method: 'PUT',
      url: `/api/v1/regions/${tableId}/gemeenten`,
      payload: { gemeenteCodes: ['GM0606'], fromQuarter: '2027-Q1', version: 2 },
    });
    expect(refused.statusCode).toBe(403);
    const res = await zuidHolland({
      method: 'PUT',
      url: `/api/v1/regions/${tableId}/gemeenten`,
      payload: { gemeenteCodes: ['GM0606', 'GM0622', 'GM0637'], fromQuarter: '2027-Q2', version: 2 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(3);
    const table = await detail(tableId);
    expect(table.history).toContainEqual(expect.objectContaining({ gemeenteCode: 'GM0637', fromQuarter: '2027-Q2', untilQuarter: null }));
    expect((await auditOf(tableId)).at(-1)).toMatchObject({ action: 'gemeenten gewijzigd vanaf 2027-Q2' });
  });
});

describe('member organisations (the secretary of the table)', () => {
  let secretary: Inject;
  beforeAll(async () => {
    secretary = await t.signedIn('tafel_secretaris', { regionId: tableId });
  });

  it('the secretary adds and removes a member; the history keeps it; audited', async () => {
    const added = await secretary({ method: 'POST', url: `/api/v1/regions/${tableId}/organisations`, payload: { organisationId: DEV } });
    expect(added.statusCode, added.body).toBe(204);
    const twice = await secretary({ method: 'POST', url: `/api/v1/regions/${tableId}/organisations`, payload: { organisationId: DEV } });
    expect(twice.statusCode).toBe(409);
    const listed = (await admin({ url: '/api/v1/regions?kind=versnellingstafel' })).json();
    expect(listed.find((r: { id: string }) => r.id === tableId)).toMatchObject({ memberCount: 1, endedOn: null });
    const removed = await secretary({ method: 'DELETE', url: `/api/v1/regions/${tableId}/organisations/${DEV}` });
    expect(removed.statusCode, removed.body).toBe(204);
    const table = await detail(tableId, secretary);
    expect(table.members).toEqual([expect.objectContaining({ organisationId: DEV, name: 'Havenstad Ontwikkeling BV', leftOn: '2027-08-20' })]);
    expect(table.permissions).toEqual({ maySetUp: false, mayManageMembers: true });
    // Who may not manage people sees the secretaries' names only.
    expect((await detail(tableId, gemeente)).secretaries).toEqual([expect.objectContaining({ name: expect.any(String), email: null })]);
    expect((await auditOf(tableId)).slice(-2).map((a) => a.action)).toEqual(['deelnemer toegevoegd', 'deelnemer verwijderd']);
  });

  it('the secretary may not change the gemeenten (403); another table’s secretary and a gemeente may not manage members (403)', async () => {
    const put = await secretary({
      method: 'PUT',
      url: `/api/v1/regions/${tableId}/gemeenten`,
      payload: { gemeenteCodes: ['GM0606'], fromQuarter: '2027-Q3', version: 3 },
    });
    expect(put.statusCode).toBe(403);
    const other = await rotterdamSecretary({ method: 'POST', url: `/api/v1/regions/${tableId}/organisations`, payload: { organisationId: DEV } });
    expect(other.statusCode).toBe(403);
    const byGemeente = await gemeente({ method: 'POST', url: `/api/v1/regions/${tableId}/organisations`, payload: { organisationId: DEV } });
    expect(byGemeente.statusCode).toBe(403);
  });

  it('an administrator sees the secretaries’ e-mail addresses', async () => {
    expect((await detail(tableId)).secretaries).toEqual([expect.objectContaining({ email: expect.stringContaining('@') })]);
  });
});

describe('stopping a table', () => {
  it('stops it on a date; no new quarterly round can be opened, in plain Dutch', async () => {
    const res = await zuidHolland({ method: 'POST', url: `/api/v1/regions/${tableId}/end`, payload: { endedOn: '2026-12-31', version: 3 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endedOn: '2026-12-31', version: 4 });
    const round = await admin({ method: 'POST', url: `/api/v1/regions/${tableId}/rounds`, payload: { quarter: '2027-Q1', deadline: '2027-03-15' } });
    expect(round.statusCode).toBe(422);
    expect(round.json().errors).toContainEqual(expect.objectContaining({ code: 'table_ended', message: expect.stringContaining('gestopt') }));
    expect((await auditOf(tableId)).at(-1)).toMatchObject({ action: 'tafel gestopt', changes: [{ field: 'endedOn', old: null, new: '2026-12-31' }] });
  });
});
