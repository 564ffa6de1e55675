/**
 * API integration tests of the quarterly round (SPEC §2 "Quarterly round": "a quarter opens, each party
 * updates, the table meets, the quarter closes and is frozen as a snapshot; the system shows who has
 * delivered and what changed, and keeps every quarter queryable"; seed `001 § Afspraak 3B`: "De PPM
 * wordt elk kwartaal geüpdatet") and of re-baselining (SPEC §2: "an explicit act of the table, with a
 * reason, kept in history"). On PGlite and, with DATABASE_URL, on PostgreSQL.
 *
 * The tests in this file run in order and tell one story at the Versnellingstafel Rotterdam:
 *   2026-Q3 opens → the gemeente Rotterdam edits A and confirms B and D in one call (counting only for
 *   its own side) → the others are outstanding (reminders) → the developer and the corporation confirm
 *   their outstanding projects, the secretary records Capelle's on its behalf → Q3 closes (frozen) →
 *   edits after close leave the snapshot alone → 2026-Q4 opens → A's start bouw moves → /changes
 *   explains the move since Q3.
 *
 * Delivery is per party for its own side of each project (issue 8 item 16); confirming checks
 * permission before looking at projects (item 6); an expired forecast blocks "unchanged" (item 3).
 * The clock of this file is fixed at 2026-01-20 (TODAY): the fixture's forecasts lie after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../storage/db.ts';
import { take } from '../../test/helpers/present.ts';
import { samplePlan } from '../../test/helpers/builders.ts';
import { accountWithToken } from '../../test/helpers/auth.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

let t: TestApp;
let inject: Inject;
/** Per party: the gemeente Rotterdam, the developer, the corporation; and the table's secretary. */
let asRotterdam: Inject;
let asDev: Inject;
let asCorp: Inject;
let asSecretary: Inject;
const TODAY = '2026-01-20';

const REGION = 'vt-rotterdam';
const ROTTERDAM = gemeenteOrganisationId('GM0599');
const CAPELLE = gemeenteOrganisationId('GM0502');
const DEV = '11111111-1111-4111-8111-111111111111';
const CORP = '22222222-2222-4222-8222-222222222222';

const ids: Record<'A' | 'B' | 'C' | 'D' | 'X', string> = { A: '', B: '', C: '', D: '', X: '' };
let q3 = '';
let q4 = '';

beforeAll(async () => {
  t = await createTestApp({ today: () => TODAY });
  inject = await t.signedIn('beheerder');
  await t.services.repositories.organisations.insertMany(t.db, [
    { id: DEV, name: 'Maasstad Ontwikkeling BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
    { id: CORP, name: 'Woonstad Rotterdam', type: 'corporatie', gemeenteCode: null, synthetic: false },
  ]);
  asRotterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0599', organisationId: ROTTERDAM });
  // Capelle has an editor account of its own (as in production); no test here signs in as it.
  await accountWithToken(t.services, 'gemeente_editor', { gemeenteCode: 'GM0502', organisationId: CAPELLE });
  asDev = await t.signedIn('marktpartij_editor', { organisationId: DEV });
  asCorp = await t.signedIn('marktpartij_editor', { organisationId: CORP });
  asSecretary = await t.signedIn('tafel_secretaris', { regionId: REGION });
  ids.A = (
    await create('Hart van Zuid', 'GM0599', [
      { organisationId: ROTTERDAM, role: 'bevoegd_gezag' },
      { organisationId: DEV, role: 'ontwikkelaar' },
    ])
  ).id;
  ids.B = (
    await create('Merwe-Vierhavens', 'GM0599', [
      { organisationId: ROTTERDAM, role: 'bevoegd_gezag' },
      { organisationId: CORP, role: 'corporatie' },
    ])
  ).id;
  ids.C = (
    await create('Fascinatio', 'GM0502', [
      { organisationId: CAPELLE, role: 'bevoegd_gezag' },
      { organisationId: DEV, role: 'ontwikkelaar' },
    ])
  ).id;
  ids.D = (await create('Kleine inbreiding', 'GM0599', [])).id;
  ids.X = (await create('Zuidas', 'GM0363', [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }])).id;
});
afterAll(async () => {
  await t?.close();
});

function projectBody(name: string, gemeenteCode: string, parties: object[]) {
  return {
    name,
    gemeenteCode,
    planStatus: 'vastgesteld',
    programme: [
      { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 60 },
      { segment: 'vrije_sector_koop', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 },
    ],
    jaarschijven: [
      { year: 2028, segment: 'sociale_huur', homes: 60 },
      { year: 2029, segment: 'vrije_sector_koop', homes: 40 },
    ],
    milestones: samplePlan().milestones,
    parties,
  };
}

async function create(name: string, gemeenteCode: string, parties: object[]) {
  const res = await inject({ method: 'POST', url: '/api/v1/projects', payload: projectBody(name, gemeenteCode, parties) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function get(url: string) {
  const res = await inject(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function post(url: string, payload?: object, as = inject) {
  return as({ method: 'POST', url, ...(payload ? { payload } : {}) });
}

async function project(id: string) {
  return get(`/api/v1/projects/${id}`);
}

async function snapshotCount(roundId: string): Promise<number> {
  const { n } = await queryOne<{ n: number }>(t.db, 'SELECT count(*) AS n FROM round_snapshots WHERE round_id = $1', [roundId]);
  return n;
}

describe('POST /api/v1/regions/{regionId}/rounds: opening a quarter', () => {
  it('opens 2026-Q3 for the Versnellingstafel Rotterdam with nothing delivered yet', async () => {
    const res = await post(`/api/v1/regions/${REGION}/rounds`, { quarter: '2026-Q3', deadline: '2026-09-15' });
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json();
    q3 = round.id;
    expect(res.headers.location).toBe(`/api/v1/rounds/${q3}`);
    expect(round).toMatchObject({
      regionId: REGION,
      regionName: 'Versnellingstafel Rotterdam (voorbeeld)',
      quarter: '2026-Q3',
      deadline: '2026-09-15',
      status: 'open',
      closedAt: null,
      projectCount: null,
      // D has no party listed: its gemeente answers for it.
      delivery: { total: 4, delivered: 0, changed: 0, confirmed: 0, outstanding: 4, withoutParty: 0 },
    });
    expect(round.projects.map((p: { projectId: string }) => p.projectId).sort()).toEqual([ids.A, ids.B, ids.C, ids.D].sort());
  });

  it('refuses a second open round for the table, naming quarter', async () => {
    const res = await post(`/api/v1/regions/${REGION}/rounds`, { quarter: '2026-Q4', deadline: '2026-12-15' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        path: 'quarter',
        code: 'previous_round_open',
        message: expect.stringContaining('De ronde van het 3e kwartaal 2026 is nog open'),
      }),
    ]);
  });

  it('refuses the same quarter twice', async () => {
    const res = await post(`/api/v1/regions/${REGION}/rounds`, { quarter: '2026-Q3', deadline: '2026-09-20' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'quarter', code: 'duplicate' });
  });

  it('refuses a region that is not a versnellingstafel (naming regionId), an unknown region (404) and a malformed quarter (400)', async () => {
    const woondeal = await post('/api/v1/regions/wd-groningen/rounds', { quarter: '2026-Q3', deadline: '2026-09-15' });
    expect(woondeal.statusCode).toBe(422);
    expect(woondeal.json().errors[0]).toMatchObject({ path: 'regionId', code: 'not_versnellingstafel' });
    expect((await post('/api/v1/regions/bestaat-niet/rounds', { quarter: '2026-Q3', deadline: '2026-09-15' })).statusCode).toBe(404);
    const bad = await post(`/api/v1/regions/${REGION}/rounds`, { quarter: '2026-Q5', deadline: '2026-09-31' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['deadline', 'quarter']);
  });

  it('refuses a deadline before the quarter starts, naming deadline', async () => {
    const res = await post('/api/v1/regions/vt-u10/rounds', { quarter: '2026-Q3', deadline: '2026-06-30' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'deadline', code: 'deadline_before_quarter' })]);
    expect((await get('/api/v1/regions/vt-u10/rounds')).total).toBe(0);
  });
});

describe('delivery per party for its own side: changed since the round opened, or confirmed unchanged in one action (issue 8 item 16)', () => {
  const party = (
    round: { projects: Array<{ projectId: string; parties: Array<{ organisationId: string }> }> },
    projectId: string,
    organisationId: string,
  ) => round.projects.find((p) => p.projectId === projectId)!.parties.find((x) => x.organisationId === organisationId);

  it("an edit by a party delivers that party's side only; an edit by the administrator delivers for nobody", async () => {
    const admin = await inject({ method: 'PATCH', url: `/api/v1/projects/${ids.D}`, payload: { version: 1, description: 'Inbreiding aan de Maas' } });
    expect(admin.statusCode, admin.body).toBe(200);
    const res = await asRotterdam({
      method: 'PATCH',
      url: `/api/v1/projects/${ids.A}/milestones/M09`,
      payload: { version: 1, forecastDate: '2026-03-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const round = await get(`/api/v1/rounds/${q3}`);
    expect(round.projects.find((p: { projectId: string }) => p.projectId === ids.A)).toMatchObject({
      delivered: false,
      via: null,
      confirmedAt: null,
    });
    expect(party(round, ids.A, ROTTERDAM)).toMatchObject({ side: 'publiek', via: 'gewijzigd', onBehalf: null });
    expect(party(round, ids.A, DEV)).toMatchObject({ side: 'privaat', via: null });
    expect(party(round, ids.D, ROTTERDAM)).toMatchObject({ via: null });
    expect(round.delivery).toMatchObject({ delivered: 0, outstanding: 4 });
  });

  it('a project outside the region is refused naming projectIds[1], and nothing is confirmed', async () => {
    const res = await post(`/api/v1/rounds/${q3}/confirmations`, {
      projectIds: [ids.B, ids.X],
      organisationId: ROTTERDAM,
      reason: 'Telefonisch doorgegeven',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        path: 'projectIds[1]',
        code: 'outside_region',
        message: "Project 'Zuidas' ligt in Amsterdam en hoort niet bij Versnellingstafel Rotterdam (voorbeeld).",
      }),
    ]);
    const unknown = await post(`/api/v1/rounds/${q3}/confirmations`, { projectIds: [crypto.randomUUID()] }, asRotterdam);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'projectIds[0]', code: 'unknown_project' });
    expect((await get(`/api/v1/rounds/${q3}`)).delivery.confirmed).toBe(0);
  });

  it('someone who is no party must say on whose behalf, with a reason', async () => {
    const none = await post(`/api/v1/rounds/${q3}/confirmations`, {});
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0]).toMatchObject({ path: 'organisationId', code: 'required' });
    const noReason = await post(`/api/v1/rounds/${q3}/confirmations`, { organisationId: CAPELLE }, asSecretary);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0]).toMatchObject({ path: 'reason', code: 'reason_required' });
    expect((await get(`/api/v1/rounds/${q3}`)).delivery.confirmed).toBe(0);
  });

  it('the gemeente confirms several projects in one call, for its own side only', async () => {
    const res = await post(`/api/v1/rounds/${q3}/confirmations`, { projectIds: [ids.B, ids.D, ids.B] }, asRotterdam);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.confirmedProjectIds.sort()).toEqual([ids.B, ids.D].sort());
    expect(body).toMatchObject({ organisationId: ROTTERDAM, batchId: expect.any(String), refused: [] });
    // D has only the gemeente; B also has the corporation, which did nothing.
    expect(body.round.delivery).toEqual({ total: 4, delivered: 1, changed: 0, confirmed: 1, outstanding: 3, withoutParty: 0 });
    // Confirming again changes nothing.
    expect((await post(`/api/v1/rounds/${q3}/confirmations`, { projectIds: [ids.B] }, asRotterdam)).json().confirmedProjectIds).toEqual([]);
  });

  it("shows delivery per party and per organisation, most outstanding first: the gemeente's confirmation does not count for the others", async () => {
    const round = await get(`/api/v1/rounds/${q3}`);
    const byProject = Object.fromEntries(round.projects.map((p: { projectId: string; via: string | null }) => [p.projectId, p.via]));
    expect(byProject).toEqual({ [ids.A]: null, [ids.B]: null, [ids.C]: null, [ids.D]: 'bevestigd' });
    expect(party(round, ids.B, ROTTERDAM)).toMatchObject({ via: 'bevestigd', onBehalf: null });
    expect(party(round, ids.B, CORP)).toMatchObject({ via: null });
    expect(round.organisations).toEqual([
      { organisationId: DEV, name: 'Maasstad Ontwikkeling BV', type: 'ontwikkelaar', total: 2, delivered: 0, outstanding: 2, onBehalf: 0 },
      { organisationId: CAPELLE, name: 'Gemeente Capelle aan den IJssel', type: 'gemeente', total: 1, delivered: 0, outstanding: 1, onBehalf: 0 },
      { organisationId: CORP, name: 'Woonstad Rotterdam', type: 'corporatie', total: 1, delivered: 0, outstanding: 1, onBehalf: 0 },
      { organisationId: ROTTERDAM, name: 'Gemeente Rotterdam', type: 'gemeente', total: 3, delivered: 3, outstanding: 0, onBehalf: 0 },
    ]);
  });

  it('lists the organisations to remind, with their outstanding projects', async () => {
    const reminders = await get(`/api/v1/rounds/${q3}/reminders`);
    expect(reminders.round).toMatchObject({ id: q3, quarter: '2026-Q3', status: 'open' });
    expect(reminders.items).toEqual([
      expect.objectContaining({
        organisationId: DEV,
        outstanding: 2,
        projects: [
          { id: ids.C, name: 'Fascinatio', gemeenteName: 'Capelle aan den IJssel' },
          { id: ids.A, name: 'Hart van Zuid', gemeenteName: 'Rotterdam' },
        ],
      }),
      expect.objectContaining({
        organisationId: CAPELLE,
        name: 'Gemeente Capelle aan den IJssel',
        outstanding: 1,
        total: 1,
        projects: [{ id: ids.C, name: 'Fascinatio', gemeenteName: 'Capelle aan den IJssel' }],
      }),
      expect.objectContaining({
        organisationId: CORP,
        outstanding: 1,
        projects: [{ id: ids.B, name: 'Merwe-Vierhavens', gemeenteName: 'Rotterdam' }],
      }),
    ]);
  });

  it('an organisation confirms all its outstanding projects in one action; an organisation without projects here is refused', async () => {
    const none = await post(`/api/v1/rounds/${q3}/confirmations`, {
      organisationId: gemeenteOrganisationId('GM0363'),
      reason: 'Telefonisch doorgegeven',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0]).toMatchObject({ path: 'organisationId', code: 'not_a_party' });
    const unknown = await post(`/api/v1/rounds/${q3}/confirmations`, { organisationId: crypto.randomUUID(), reason: 'Telefonisch doorgegeven' });
    expect(unknown.json().errors[0]).toMatchObject({ path: 'organisationId', code: 'unknown_organisation' });

    const preview = await post(`/api/v1/rounds/${q3}/confirmations/preview`, {}, asDev);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      organisationId: DEV,
      organisationName: 'Maasstad Ontwikkeling BV',
      onBehalf: false,
      projects: [
        { projectId: ids.C, name: 'Fascinatio', gemeenteName: 'Capelle aan den IJssel' },
        { projectId: ids.A, name: 'Hart van Zuid', gemeenteName: 'Rotterdam' },
      ],
      refused: [],
    });
    expect((await get(`/api/v1/rounds/${q3}`)).organisations.find((o: { organisationId: string }) => o.organisationId === DEV).delivered).toBe(0);

    const res = await post(`/api/v1/rounds/${q3}/confirmations`, {}, asDev);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().confirmedProjectIds.sort()).toEqual([ids.A, ids.C].sort());
    expect((await post(`/api/v1/rounds/${q3}/confirmations`, {}, asCorp)).json().confirmedProjectIds).toEqual([ids.B]);
    expect((await get(`/api/v1/rounds/${q3}`)).delivery).toMatchObject({ delivered: 3, outstanding: 1 });
  });

  it('the secretary records a delivery on behalf of a party: explicit, with a reason, audited and shown as such', async () => {
    const reason = 'Gemeente Capelle meldde per mail: niets gewijzigd';
    const res = await post(`/api/v1/rounds/${q3}/confirmations`, { organisationId: CAPELLE, reason }, asSecretary);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().confirmedProjectIds).toEqual([ids.C]);
    const round = res.json().round;
    expect(party(round, ids.C, CAPELLE)).toMatchObject({ via: 'bevestigd', onBehalf: { by: expect.stringContaining('tafel_secretaris'), reason } });
    expect(round.organisations.find((o: { organisationId: string }) => o.organisationId === CAPELLE)).toMatchObject({ delivered: 1, onBehalf: 1 });
    expect(round.delivery).toMatchObject({ delivered: 4, outstanding: 0 });
    const [entry] = take(
      await t.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity_type = 'kwartaalronde' AND entity_id = $1 AND action LIKE 'namens%' ORDER BY id DESC LIMIT 1`,
        [q3],
      ),
      1,
    );
    expect(entry.action).toBe(`namens Gemeente Capelle aan den IJssel als ongewijzigd vastgelegd door de secretaris: ${reason}`);
    expect((await get(`/api/v1/rounds/${q3}/reminders`)).items).toEqual([]);
  });

  it('has no frozen projects while the round is open', async () => {
    const res = await inject(`/api/v1/rounds/${q3}/projects`);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'roundId', code: 'round_open' });
    // The quarter in words, not its code (SPEC §7: plain Dutch on screen).
    expect(res.json().errors[0].message).toMatch(/^De kwartaalronde van het 3e kwartaal 2026 is nog open;/);
  });
});

describe('POST /api/v1/rounds/{roundId}/close: the quarter is frozen', () => {
  let atClose: Record<string, unknown>;

  it('closes the round and freezes every project of the region, with the delivery as it stood', async () => {
    atClose = await project(ids.A);
    const res = await post(`/api/v1/rounds/${q3}/close`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'gesloten', projectCount: 4, delivery: { total: 4, delivered: 4, changed: 1, confirmed: 3 } });
    expect(res.json().closedAt).toEqual(expect.any(String));
    expect(await snapshotCount(q3)).toBe(4);
    // Per party as it stood: the gemeente's edit of A is frozen with the round.
    const closed = res.json();
    expect(closed.projects.find((p: { projectId: string }) => p.projectId === ids.A).parties).toEqual([
      expect.objectContaining({ organisationId: ROTTERDAM, via: 'gewijzigd' }),
      expect.objectContaining({ organisationId: DEV, via: 'bevestigd' }),
    ]);
  });

  it('the frozen project is the full project view as GET /projects/{id} gave it at close', async () => {
    expect(await get(`/api/v1/rounds/${q3}/projects/${ids.A}`)).toEqual(atClose);
    const frozen = await get(`/api/v1/rounds/${q3}/projects/${ids.A}`);
    expect(frozen.milestones.find((m: { code: string }) => m.code === 'M09')).toMatchObject({
      forecastDate: '2026-03-01',
      delay: { months: 2, severity: 'geen' },
    });
    expect((await inject(`/api/v1/rounds/${q3}/projects/${ids.X}`)).statusCode).toBe(404);
  });

  it('lists the frozen projects with the same items as the project list', async () => {
    const list = await get(`/api/v1/rounds/${q3}/projects?sort=name`);
    expect(list.total).toBe(4);
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['Fascinatio', 'Hart van Zuid', 'Kleine inbreiding', 'Merwe-Vierhavens']);
    const live = await get(`/api/v1/projects?region=${REGION}&sort=name`);
    expect(list.items).toEqual(live.items);
    expect((await get(`/api/v1/rounds/${q3}/projects?gemeente=GM0502`)).items.map((p: { id: string }) => p.id)).toEqual([ids.C]);
    expect((await get(`/api/v1/rounds/${q3}/projects?q=zuid&limit=1`)).total).toBe(1);
  });

  it('edits after close do not change the snapshot', async () => {
    const res = await inject({ method: 'PATCH', url: `/api/v1/projects/${ids.A}`, payload: { version: 2, name: 'Hart van Zuid (fase 2)' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(`/api/v1/rounds/${q3}/projects/${ids.A}`)).name).toBe('Hart van Zuid');
    expect((await get(`/api/v1/rounds/${q3}`)).delivery).toMatchObject({ delivered: 4, changed: 1 });
  });

  it('a closed round cannot be closed again or confirmed in (409), and nothing is written', async () => {
    const again = await post(`/api/v1/rounds/${q3}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toContain('is gesloten');
    expect((await post(`/api/v1/rounds/${q3}/confirmations`, { projectIds: [ids.A] })).statusCode).toBe(409);
    expect(await snapshotCount(q3)).toBe(4);
  });

  it('the database refuses to change a frozen snapshot or a closed round as well', async () => {
    await expect(t.db.query(`UPDATE round_snapshots SET data = '{}'::jsonb WHERE round_id = $1`, [q3])).rejects.toThrow(/bevroren/);
    await expect(t.db.query(`UPDATE rounds SET deadline = '2026-09-30' WHERE id = $1`, [q3])).rejects.toThrow(/gesloten/);
    await expect(t.db.query('DELETE FROM round_deliveries WHERE round_id = $1', [q3])).rejects.toThrow(/gesloten/);
  });

  it('answers 404 for a round that does not exist', async () => {
    const res = await inject(`/api/v1/rounds/${crypto.randomUUID()}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the next quarter, and what changed since the closed one', () => {
  it('refuses a quarter before the last one, then opens 2026-Q4', async () => {
    const early = await post(`/api/v1/regions/${REGION}/rounds`, { quarter: '2026-Q2', deadline: '2026-06-15' });
    expect(early.json().errors[0]).toMatchObject({ path: 'quarter', code: 'quarter_order' });
    const res = await post(`/api/v1/regions/${REGION}/rounds`, { quarter: '2026-Q4', deadline: '2026-12-15' });
    expect(res.statusCode, res.body).toBe(201);
    q4 = res.json().id;
    expect(res.json().delivery.delivered).toBe(0);
    const list = await get(`/api/v1/regions/${REGION}/rounds`);
    expect(list.items.map((r: { quarter: string; status: string }) => [r.quarter, r.status])).toEqual([
      ['2026-Q4', 'open'],
      ['2026-Q3', 'gesloten'],
    ]);
  });

  it('moving start bouw shows in /changes as a move since 2026-Q3, with from, to and months', async () => {
    const res = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${ids.A}/milestones/M11`,
      payload: { version: 3, forecastDate: '2027-01-01', delayReason: { category: 'netcongestie', text: 'Netaansluiting pas later' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = await get(`/api/v1/projects/${ids.A}/changes`);
    expect(body.since).toMatchObject({ id: q3, quarter: '2026-Q3', status: 'gesloten' });
    expect(body.changes).toEqual([
      expect.objectContaining({ kind: 'name_changed', from: 'Hart van Zuid', to: 'Hart van Zuid (fase 2)' }),
      expect.objectContaining({ kind: 'status_changed', from: 'groen', to: 'oranje' }),
      {
        kind: 'milestone_moved',
        field: 'milestones.M11.forecastDate',
        milestoneCode: 'M11',
        from: '2026-07-01',
        to: '2027-01-01',
        months: 6,
        days: 184,
        // Moved past the tolerance: with the reason given (issue 12 item 4).
        reason: 'Netcongestie: Netaansluiting pas later',
        message:
          'Start bouw (M11): verwachte datum verschoven van 1 juli 2026 naar 1 januari 2027 (6 maanden later). Reden: Netcongestie: Netaansluiting pas later',
      },
    ]);
    expect((await get(`/api/v1/projects/${ids.A}/changes?since=${q3}`)).changes).toEqual(body.changes);
    // The developer's edit delivers the developer's side; the gemeente's side of A is still open.
    const a = (await get(`/api/v1/rounds/${q4}`)).projects.find((p: { projectId: string }) => p.projectId === ids.A);
    expect(a.via).toBeNull();
    expect(a.parties.map((p: { organisationId: string; via: string | null }) => [p.organisationId, p.via]).sort()).toEqual(
      [
        [DEV, 'gewijzigd'],
        [ROTTERDAM, null],
      ].sort(),
    );
  });

  it('an unchanged project has no changes; an open round cannot be compared with (naming since)', async () => {
    expect((await get(`/api/v1/projects/${ids.B}/changes`)).changes).toEqual([]);
    const open = await inject(`/api/v1/projects/${ids.B}/changes?since=${q4}`);
    expect(open.statusCode).toBe(422);
    expect(open.json().errors[0]).toMatchObject({ path: 'since', code: 'round_open' });
  });

  it('a project outside every closed round has nothing to compare with; one created since is new', async () => {
    expect(await get(`/api/v1/projects/${ids.X}/changes`)).toEqual({ projectId: ids.X, since: null, changes: [] });
    const outside = await inject(`/api/v1/projects/${ids.X}/changes?since=${q3}`);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0]).toMatchObject({ path: 'since', code: 'not_in_region' });
    const fresh = await create('Nieuwbouw Schiedam', 'GM0606', []);
    expect((await get(`/api/v1/projects/${fresh.id}/changes`)).changes).toEqual([expect.objectContaining({ kind: 'project_added' })]);
  });

  it('lists the closed quarters that froze a project', async () => {
    const history = await get(`/api/v1/projects/${ids.A}/snapshots`);
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ round: { id: q3, quarter: '2026-Q3' }, delivery: 'gewijzigd', name: 'Hart van Zuid', status: 'groen' });
    expect((await inject(`/api/v1/projects/${crypto.randomUUID()}/snapshots`)).statusCode).toBe(404);
  });
});

describe('re-baselining (SPEC §2: an explicit act of the table, with a reason, kept in history)', () => {
  const reason = 'Netcongestie: aansluiting pas in 2027, besproken aan de tafel van 12 november';

  it('an ordinary edit that changes a baseline is refused naming milestones[i].baselineDate, and writes nothing', async () => {
    const before = await project(ids.B);
    const patch = await inject({
      method: 'PATCH',
      url: `/api/v1/projects/${ids.B}/milestones/M11`,
      payload: { version: before.version, baselineDate: '2026-12-01' },
    });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().errors).toEqual([
      expect.objectContaining({ path: 'milestones[2].baselineDate', code: 'baseline_locked', message: expect.stringContaining('opnieuw baselinen') }),
    ]);
    const items = before.milestones.map(({ delay: _d, ...m }: { delay: unknown }) => m);
    items[3] = { ...items[3], baselineDate: null };
    const put = await inject({ method: 'PUT', url: `/api/v1/projects/${ids.B}/milestones`, payload: { version: before.version, items } });
    expect(put.statusCode).toBe(422);
    expect(put.json().errors[0]).toMatchObject({ path: 'milestones[3].baselineDate', code: 'baseline_locked' });
    const whole = await inject({
      method: 'PATCH',
      url: `/api/v1/projects/${ids.B}`,
      payload: { version: before.version, milestones: items.slice(0, 3) },
    });
    expect(whole.statusCode).toBe(422);
    expect(whole.json().errors[0]).toMatchObject({ path: 'milestones', code: 'baseline_locked' });
    expect(await project(ids.B)).toEqual(before);
  });

  it('an ordinary edit may set a baseline that was empty', async () => {
    const before = await project(ids.B);
    const res = await inject({
      method: 'PATCH',
      url: `/api/v1/projects/${ids.B}/milestones/M08`,
      payload: { version: before.version, baselineDate: '2025-09-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().milestones.find((m: { code: string }) => m.code === 'M08').baselineDate).toBe('2025-09-01');
  });

  it('refuses a re-baseline without a (long enough) reason, naming reason', async () => {
    const { version } = await project(ids.A);
    for (const payload of [
      { version, milestones: [{ code: 'M11', baselineDate: '2026-12-01' }] },
      { version, reason: '  kort  ', milestones: [{ code: 'M11', baselineDate: '2026-12-01' }] },
    ]) {
      const res = await post(`/api/v1/projects/${ids.A}/rebaseline`, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('reason');
    }
    expect((await project(ids.A)).version).toBe(version);
  });

  it('re-baselines with a reason: baselines change, the version goes up, the history keeps the reason', async () => {
    const before = await project(ids.A);
    const res = await post(`/api/v1/projects/${ids.A}/rebaseline`, {
      version: before.version,
      reason,
      milestones: [
        { code: 'M11', baselineDate: '2026-12-01' },
        { code: 'M09', baselineDate: '2026-01-01' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.version).toBe(before.version + 1);
    expect(after.milestones.find((m: { code: string }) => m.code === 'M11')).toMatchObject({
      baselineDate: '2026-12-01',
      forecastDate: '2027-01-01',
      delay: { months: 1, severity: 'geen' },
    });
    const history = await get(`/api/v1/projects/${ids.A}/baseline-history`);
    expect(history).toEqual([
      {
        id: expect.any(String),
        projectId: ids.A,
        changedAt: expect.any(String),
        projectVersion: after.version,
        reason,
        changes: [{ code: 'M11', from: '2026-06-01', to: '2026-12-01' }],
      },
    ]);
    const changes = (await get(`/api/v1/projects/${ids.A}/changes`)).changes;
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'baseline_changed', milestoneCode: 'M11', from: '2026-06-01', to: '2026-12-01', months: 6, reason }),
    );
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const res = await post(`/api/v1/projects/${ids.A}/rebaseline`, { version: 1, reason, milestones: [{ code: 'M12', baselineDate: '2029-01-01' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().currentVersion).toBeGreaterThan(1);
    expect(await get(`/api/v1/projects/${ids.A}/baseline-history`)).toHaveLength(1);
  });

  it('refuses a milestone the project does not have, and a re-baseline that changes nothing (422)', async () => {
    const { version } = await project(ids.A);
    const unknown = await post(`/api/v1/projects/${ids.A}/rebaseline`, {
      version,
      reason,
      milestones: [{ code: 'M05', baselineDate: '2026-01-01' }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'milestones[0].code', code: 'unknown_milestone' });
    const same = await post(`/api/v1/projects/${ids.A}/rebaseline`, { version, reason, milestones: [{ code: 'M11', baselineDate: '2026-12-01' }] });
    expect(same.json().errors[0]).toMatchObject({ path: 'milestones', code: 'no_change' });
    expect((await inject(`/api/v1/projects/${crypto.randomUUID()}/baseline-history`)).statusCode).toBe(404);
  });

  it('a re-baseline that breaks the milestone order is refused like any edit', async () => {
    const { version } = await project(ids.A);
    const res = await post(`/api/v1/projects/${ids.A}/rebaseline`, { version, reason, milestones: [{ code: 'M12', baselineDate: '2026-01-01' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ code: 'milestone_order' });
    expect(await get(`/api/v1/projects/${ids.A}/baseline-history`)).toHaveLength(1);
  });
});

describe('OpenAPI', () => {
  it('documents the round endpoints', async () => {
    const doc = await get('/api/v1/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/regions/{regionId}/rounds',
        '/rounds/{roundId}',
        '/rounds/{roundId}/close',
        '/rounds/{roundId}/confirmations',
        '/rounds/{roundId}/confirmations/preview',
        '/rounds/{roundId}/confirmations/undo',
        '/rounds/{roundId}/reminders',
        '/rounds/{roundId}/projects',
        '/rounds/{roundId}/projects/{projectId}',
        '/projects/{id}/changes',
        '/projects/{id}/rebaseline',
        '/projects/{id}/baseline-history',
      ]),
    );
  });
});
