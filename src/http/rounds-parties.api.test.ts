/**
 * API tests of the quarterly round as each party does it (issue 8 items 3, 6, 16, 17), on PGlite and,
 * with DATABASE_URL, on PostgreSQL. SPEC §2 "Quarterly round": "a quarter opens, each party updates …
 * the system shows who has delivered"; the milestone table gives each milestone an owner side (public:
 * the gemeente; private: the market party). SPEC §7: nobody learns of projects they may not see.
 *
 * The clock is fixed at 2026-12-01. At the Versnellingstafel Rotterdam: Appelwijk (Capelle), Boomgaard
 * (Rotterdam; its start bouw forecast of 1 July 2026 has passed without an actual date) and Citadel
 * (Rotterdam), each with the developer as a party.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { take } from '../../test/helpers/present.ts';
import { createTestDb } from '../../test/helpers/test-db.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { migrate } from '../storage/migrate.ts';

const TODAY = '2026-12-01';
const REGION = 'vt-rotterdam';
const ROTTERDAM = gemeenteOrganisationId('GM0599');
const CAPELLE = gemeenteOrganisationId('GM0502');
const DEV = '33333333-3333-4333-8333-333333333333';

let t: TestApp;
let admin: Inject;
let asRotterdam: Inject;
let asCapelle: Inject;
let asDev: Inject;
let asSecretary: Inject;
const ids = { appelwijk: '', boomgaard: '', citadel: '', zuidas: '' };
let roundId = '';

function body(name: string, gemeenteCode: string, parties: object[], m11Forecast = '2027-07-01') {
  return {
    name,
    gemeenteCode,
    planStatus: 'vastgesteld',
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 }],
    jaarschijven: [{ year: 2029, segment: 'sociale_huur', homes: 40 }],
    milestones: [
      { code: 'M09', baselineDate: '2026-03-01', forecastDate: '2026-06-15', actualDate: '2026-06-20' },
      { code: 'M11', baselineDate: '2026-06-01', forecastDate: m11Forecast },
      { code: 'M12', baselineDate: '2028-06-01', forecastDate: '2028-09-01' },
    ],
    parties,
  };
}

beforeAll(async () => {
  t = await createTestApp({ today: () => TODAY });
  admin = await t.signedIn('beheerder');
  await t.services.repositories.organisations.insertMany(t.db, [
    { id: DEV, name: 'Maasstad Ontwikkeling BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
  ]);
  asRotterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0599', organisationId: ROTTERDAM });
  asCapelle = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0502', organisationId: CAPELLE });
  asDev = await t.signedIn('marktpartij_editor', { organisationId: DEV });
  asSecretary = await t.signedIn('tafel_secretaris', { regionId: REGION });
  const create = async (name: string, gemeenteCode: string, parties: object[], m11?: string) => {
    const res = await admin({ method: 'POST', url: '/api/v1/projects', payload: body(name, gemeenteCode, parties, m11) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const dev = { organisationId: DEV, role: 'ontwikkelaar' };
  ids.appelwijk = await create('Appelwijk', 'GM0502', [{ organisationId: CAPELLE, role: 'bevoegd_gezag' }, dev]);
  ids.boomgaard = await create('Boomgaard', 'GM0599', [{ organisationId: ROTTERDAM, role: 'bevoegd_gezag' }, dev], '2026-07-01');
  ids.citadel = await create('Citadel', 'GM0599', [{ organisationId: ROTTERDAM, role: 'bevoegd_gezag' }, dev]);
  ids.zuidas = await create('Zuidas', 'GM0363', [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }]);
  const res = await admin({ method: 'POST', url: `/api/v1/regions/${REGION}/rounds`, payload: { quarter: '2026-Q4', deadline: '2026-12-15' } });
  expect(res.statusCode, res.body).toBe(201);
  roundId = res.json().id;
});
afterAll(async () => {
  await t?.close();
});

const post = (as: Inject, path: string, payload: object) => as({ method: 'POST', url: `/api/v1/rounds/${roundId}${path}`, payload });
const round = async (as: Inject = admin) => (await as(`/api/v1/rounds/${roundId}`)).json();
const partyOf = (
  r: { projects: Array<{ projectId: string; parties: Array<{ organisationId: string; via: string | null }> }> },
  projectId: string,
  organisationId: string,
) => r.projects.find((p) => p.projectId === projectId)!.parties.find((p) => p.organisationId === organisationId)!;

describe('issue 8 item 6: confirming leaks nothing the caller may not see (SPEC §7)', () => {
  it("answers another gemeente's project exactly like an unknown id, without its name", async () => {
    const hidden = await post(asCapelle, '/confirmations', { projectIds: [ids.boomgaard] });
    const unknownId = crypto.randomUUID();
    const unknown = await post(asCapelle, '/confirmations', { projectIds: [unknownId] });
    expect(hidden.statusCode).toBe(unknown.statusCode);
    expect(hidden.body).not.toContain('Boomgaard');
    expect(hidden.json().errors).toEqual([
      { path: 'projectIds[0]', code: 'unknown_project', message: `Project '${ids.boomgaard}' is niet gevonden.` },
    ]);
    expect(unknown.json().errors).toEqual([{ path: 'projectIds[0]', code: 'unknown_project', message: `Project '${unknownId}' is niet gevonden.` }]);
    // The same for the preview, and for a project of another region the caller may not see.
    const preview = await post(asCapelle, '/confirmations/preview', { projectIds: [ids.boomgaard, ids.zuidas] });
    expect(preview.body).not.toMatch(/Boomgaard|Zuidas|Amsterdam/);
    expect(preview.json().errors.map((e: { code: string }) => e.code)).toEqual(['unknown_project', 'unknown_project']);
    expect((await round()).delivery.confirmed).toBe(0);
  });

  it("refuses to act for another organisation before looking it up: a party, an unknown id and a stranger's all answer the same", async () => {
    const answers = await Promise.all(
      [CAPELLE, crypto.randomUUID(), gemeenteOrganisationId('GM0363')].map((organisationId) => post(asDev, '/confirmations', { organisationId })),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('U kunt alleen de projecten van uw eigen organisatie bevestigen.');
    }
    const preview = await post(asDev, '/confirmations/preview', { organisationId: CAPELLE });
    expect(preview.statusCode).toBe(403);
    expect(preview.body).not.toContain('Capelle');
  });

  it('tells someone outside the table nothing about the round: not that it is open, nor its quarter', async () => {
    const outsider = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363' });
    for (const url of [
      `/api/v1/rounds/${roundId}/projects`,
      `/api/v1/rounds/${roundId}/projects/${ids.boomgaard}`,
      `/api/v1/rounds/${roundId}/reminders`,
    ]) {
      const res = await outsider(url);
      // Not even that the round exists: 404 as for an unknown round id (round-oracle.api.test.ts).
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toMatch(/2026-Q4|nog open|Boomgaard/);
    }
    for (const path of ['/confirmations', '/confirmations/preview', '/confirmations/undo']) {
      const res = await post(outsider, path, path.endsWith('undo') ? { batchId: crypto.randomUUID() } : { projectIds: [ids.boomgaard] });
      expect(res.statusCode, path).toBe(404);
      expect(res.body, path).not.toMatch(/Boomgaard|Rotterdam/);
    }
  });

  it('shows a party only its own projects and organisation in the round', async () => {
    const own = await round(asCapelle);
    expect(own.projects.map((p: { name: string }) => p.name)).toEqual(['Appelwijk']);
    expect(own.organisations.map((o: { name: string }) => o.name)).toEqual(['Gemeente Capelle aan den IJssel']);
  });
});

describe('issue 8 item 3: a forecast that has passed cannot be confirmed unchanged (SPEC §2)', () => {
  it('marks the project in the round list with the expired milestone', async () => {
    const r = await round();
    expect(r.projects.find((p: { projectId: string }) => p.projectId === ids.boomgaard).expiredForecasts).toEqual([
      { code: 'M11', ownerSide: 'privaat', forecastDate: '2026-07-01' },
    ]);
    expect(r.projects.find((p: { projectId: string }) => p.projectId === ids.citadel).expiredForecasts).toEqual([]);
  });

  it('refuses it in a list, naming projectIds[i] and the milestone, and stores nothing', async () => {
    const res = await post(asDev, '/confirmations', { projectIds: [ids.citadel, ids.boomgaard] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        path: 'projectIds[1]',
        code: 'forecast_expired',
        message:
          'Boomgaard kan niet als ongewijzigd worden bevestigd: de prognose van M11 Start bouw (prognose 1 juli 2026) is verstreken en er is geen werkelijke datum. Vul eerst een nieuwe prognose of de werkelijke datum in.',
      },
    ]);
    expect(partyOf(await round(), ids.citadel, DEV).via).toBeNull();
  });

  it('leaves it out of a bulk confirmation, saying why, in the preview and in the result', async () => {
    const preview = (await post(asDev, '/confirmations/preview', {})).json();
    expect(preview.projects.map((p: { name: string }) => p.name)).toEqual(['Appelwijk', 'Citadel']);
    expect(preview.refused).toEqual([
      expect.objectContaining({ projectId: ids.boomgaard, name: 'Boomgaard', message: expect.stringContaining('M11 Start bouw') }),
    ]);
    const res = await post(asDev, '/confirmations', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().confirmedProjectIds.sort()).toEqual([ids.appelwijk, ids.citadel].sort());
    expect(res.json().refused.map((p: { name: string }) => p.name)).toEqual(['Boomgaard']);
    expect(partyOf(res.json().round, ids.boomgaard, DEV).via).toBeNull();
  });

  it("the gemeente's side is not blocked by the developer's expired milestone", async () => {
    const res = await post(asRotterdam, '/confirmations', { projectIds: [ids.boomgaard] });
    expect(res.statusCode, res.body).toBe(200);
    expect(partyOf(res.json().round, ids.boomgaard, ROTTERDAM).via).toBe('bevestigd');
  });

  it('counts the project on the table dashboard, with a drill-down to exactly those projects', async () => {
    const dashboard = (await admin(`/api/v1/regions/${REGION}/dashboard`)).json();
    expect(dashboard.summary.expiredForecasts).toEqual({ projects: 1 });
    const list = (await admin(`/api/v1/projects?region=${REGION}&forecastExpired=true`)).json();
    expect(list.total).toBe(dashboard.summary.expiredForecasts.projects);
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['Boomgaard']);
  });

  it('a new forecast is an edit: it delivers the side and clears the mark', async () => {
    const project = (await admin(`/api/v1/projects/${ids.boomgaard}`)).json();
    const res = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${ids.boomgaard}/milestones/M11`,
      payload: { version: project.version, forecastDate: '2027-03-01', delayReason: { category: 'netcongestie', text: 'Wacht op de netbeheerder' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = await round();
    expect(partyOf(r, ids.boomgaard, DEV).via).toBe('gewijzigd');
    expect(r.projects.find((p: { projectId: string }) => p.projectId === ids.boomgaard)).toMatchObject({
      delivered: true,
      via: 'gewijzigd',
      expiredForecasts: [],
    });
  });
});

describe('issue 8 items 16–17: per party, shown before asking once, and undone until the quarter closes', () => {
  let batch = '';

  it("the gemeente's bulk confirmation counts for the gemeente only", async () => {
    const before = await round();
    const res = await post(asRotterdam, '/confirmations', {});
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json().batchId;
    expect(res.json().confirmedProjectIds).toEqual([ids.citadel]);
    const after = await round();
    const rotterdam = after.organisations.find((o: { organisationId: string }) => o.organisationId === ROTTERDAM);
    expect(rotterdam).toMatchObject({ total: 2, delivered: 2, outstanding: 0 });
    // The developer's count is what the developer did, before and after.
    const dev = (r: typeof before) => r.organisations.find((o: { organisationId: string }) => o.organisationId === DEV);
    expect(dev(after)).toEqual(dev(before));
  });

  it('another party cannot undo it (answered like an unknown confirmation); the gemeente undoes it and the counts go back', async () => {
    const other = await post(asDev, '/confirmations/undo', { batchId: batch });
    const unknown = await post(asDev, '/confirmations/undo', { batchId: crypto.randomUUID() });
    expect(other.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const before = await round();
    const res = await post(asRotterdam, '/confirmations/undo', { batchId: batch });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().undoneProjectIds).toEqual([ids.citadel]);
    expect(partyOf(res.json().round, ids.citadel, ROTTERDAM).via).toBeNull();
    expect(res.json().round.delivery.delivered).toBe(before.delivery.delivered - 1);
    const [entry] = take(
      await t.db.query<{ action: string; actor_name: string }>(
        `SELECT action, actor_name FROM audit_log WHERE entity_type = 'kwartaalronde' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [roundId],
      ),
      1,
    );
    expect(entry.action).toBe('bevestiging ongedaan gemaakt (Gemeente Rotterdam)');
  });

  it("undoes one party's confirmation of one project", async () => {
    await post(asRotterdam, '/confirmations', { projectIds: [ids.citadel] });
    const res = await post(asSecretary, '/confirmations/undo', { projectId: ids.citadel, organisationId: ROTTERDAM });
    expect(res.statusCode, res.body).toBe(200);
    expect(partyOf(res.json().round, ids.citadel, ROTTERDAM).via).toBeNull();
  });

  it('cannot undo once the quarter is closed', async () => {
    const res = await post(asRotterdam, '/confirmations', { projectIds: [ids.citadel] });
    const batchId = res.json().batchId;
    expect((await admin({ method: 'POST', url: `/api/v1/rounds/${roundId}/close` })).statusCode).toBe(200);
    const undo = await post(asRotterdam, '/confirmations/undo', { batchId });
    expect(undo.statusCode).toBe(409);
    expect(partyOf(await round(), ids.citadel, ROTTERDAM).via).toBe('bevestigd');
  });
});

describe('migration 0008: existing per-project confirmations count for the organisation that made them', () => {
  it(
    'carries a confirmation over for its recorded organisation; one without an organisation is not attributed to any party',
    { timeout: 120_000 },
    async () => {
      const db = await createTestDb({ migrate: false });
      try {
        await migrate(db.db, () => undefined, { upTo: '0006_audit_project.sql' });
        // The reference loader of today writes tables of later migrations: the two rows the round needs, as 0006 had them.
        await db.db.query(`INSERT INTO regions (id, kind, name) VALUES ($1, 'versnellingstafel', 'Versnellingstafel Rotterdam')`, [REGION]);
        await db.db.query(`INSERT INTO organisations (id, name, type) VALUES ($1, 'Gemeente Rotterdam', 'gemeente')`, [ROTTERDAM]);
        const round = crypto.randomUUID();
        const [p1, p2] = [crypto.randomUUID(), crypto.randomUUID()];
        await db.db.query(
          `INSERT INTO rounds (id, region_id, quarter, deadline, opened_at) VALUES ($1, $2, '2026-Q3', '2026-09-15', '2026-07-01T00:00:00Z')`,
          [round, REGION],
        );
        await db.db.query(
          `INSERT INTO round_confirmations (round_id, project_id, organisation_id, confirmed_at) VALUES ($1, $2, $3, '2026-08-01T00:00:00Z'), ($1, $4, NULL, '2026-08-02T00:00:00Z')`,
          [round, p1, ROTTERDAM, p2],
        );
        await migrate(db.db);
        const rows = await db.db.query<{ project_id: string; organisation_id: string; via: string }>(
          'SELECT project_id, organisation_id, via FROM round_deliveries WHERE round_id = $1',
          [round],
        );
        // The confirmation without a recorded organisation cannot be attributed to a party.
        expect(rows).toEqual([{ project_id: p1, organisation_id: ROTTERDAM, via: 'bevestigd' }]);
      } finally {
        await db.close();
      }
    },
  );
});
