/**
 * API tests of "Mijn kwartaalronde" (GET /me/rounds, issue 12 item 1), on PGlite and, with DATABASE_URL,
 * on PostgreSQL. SPEC §2 "Quarterly round": "a quarter opens, each party updates … the system shows who
 * has delivered"; each party answers for its own side (milestone owner). Seed: `001 § Afspraak 3B`.
 * SPEC §7: each caller sees exactly its own projects.
 *
 * The clock is fixed at 2026-12-01; the Versnellingstafel Rotterdam has the 4th quarter of 2026 open until
 * 15 December. Its projects: Appelwijk (Capelle, with the developer), Boomgaard (Rotterdam, with the
 * developer; the developer's start bouw forecast of 1 July 2026 has passed), Citadel (Rotterdam, with the
 * developer; oplevering 15 months late) and Dijkzicht (Rotterdam only; the gemeente's forecast of the
 * omgevingsplan of 1 September 2026 has passed, 8 months after its baseline, and a knelpunt is open).
 * Zuidas lies in Amsterdam, whose table has no open round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

const TODAY = '2026-12-01';
const REGION = 'vt-rotterdam';
const ROTTERDAM = gemeenteOrganisationId('GM0599');
const CAPELLE = gemeenteOrganisationId('GM0502');
const DEV = '33333333-3333-4333-8333-333333333333';
const OTHER_DEV = '44444444-4444-4444-8444-444444444444';

let t: TestApp;
let admin: Inject;
let asRotterdam: Inject;
let asCapelle: Inject;
let asAmsterdam: Inject;
let asDev: Inject;
let asOtherDev: Inject;
let asSecretary: Inject;
const ids = { appelwijk: '', boomgaard: '', citadel: '', dijkzicht: '', zuidas: '' };
let roundId = '';

type Milestones = Array<{ code: string; baselineDate: string; forecastDate: string }>;
function body(name: string, gemeenteCode: string, parties: object[], milestones: Milestones) {
  return {
    name,
    gemeenteCode,
    planStatus: 'vastgesteld',
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 }],
    milestones,
    parties,
  };
}
const onTime: Milestones = [
  { code: 'M11', baselineDate: '2027-06-01', forecastDate: '2027-06-01' },
  { code: 'M12', baselineDate: '2028-06-01', forecastDate: '2028-06-01' },
];

beforeAll(async () => {
  t = await createTestApp({ today: () => TODAY });
  admin = await t.signedIn('beheerder');
  await t.services.repositories.organisations.insertMany(t.db, [
    { id: DEV, name: 'Maasstad Ontwikkeling BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
    { id: OTHER_DEV, name: 'Elders Bouw BV', type: 'bouwer', gemeenteCode: null, synthetic: false },
  ]);
  asRotterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0599', organisationId: ROTTERDAM });
  asCapelle = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0502', organisationId: CAPELLE });
  asAmsterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') });
  asDev = await t.signedIn('marktpartij_editor', { organisationId: DEV });
  asOtherDev = await t.signedIn('marktpartij_editor', { organisationId: OTHER_DEV });
  asSecretary = await t.signedIn('tafel_secretaris', { regionId: REGION });
  const create = async (name: string, gemeenteCode: string, parties: object[], milestones: Milestones = onTime) => {
    const res = await admin({ method: 'POST', url: '/api/v1/projects', payload: body(name, gemeenteCode, parties, milestones) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const dev = { organisationId: DEV, role: 'ontwikkelaar' };
  const rotterdam = { organisationId: ROTTERDAM, role: 'bevoegd_gezag' };
  ids.appelwijk = await create('Appelwijk', 'GM0502', [{ organisationId: CAPELLE, role: 'bevoegd_gezag' }, dev]);
  ids.boomgaard = await create('Boomgaard', 'GM0599', [rotterdam, dev], [{ code: 'M11', baselineDate: '2026-06-01', forecastDate: '2026-07-01' }]);
  ids.citadel = await create('Citadel', 'GM0599', [rotterdam, dev], [{ code: 'M12', baselineDate: '2028-06-01', forecastDate: '2029-09-01' }]);
  ids.dijkzicht = await create('Dijkzicht', 'GM0599', [rotterdam], [{ code: 'M06', baselineDate: '2026-01-01', forecastDate: '2026-09-01' }]);
  ids.zuidas = await create('Zuidas', 'GM0363', [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }, dev]);
  const knelpunt = await admin({
    method: 'POST',
    url: `/api/v1/projects/${ids.dijkzicht}/knelpunten`,
    payload: { category: 'stikstof', description: 'Stikstofdepositie op het Natura 2000-gebied', raisedDate: '2026-10-01' },
  });
  expect(knelpunt.statusCode, knelpunt.body).toBe(201);
  const res = await admin({ method: 'POST', url: `/api/v1/regions/${REGION}/rounds`, payload: { quarter: '2026-Q4', deadline: '2026-12-15' } });
  expect(res.statusCode, res.body).toBe(201);
  roundId = res.json().id;
});
afterAll(async () => {
  await t?.close();
});

interface MyProject {
  id: string;
  name: string;
  state: string;
  attention: { expiredForecasts: Array<{ code: string }>; delay: string; openKnelpunten: number };
}
const mine = async (as: Inject) => {
  const res = await as('/api/v1/me/rounds');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    asOf: string;
    organisation: { id: string; name: string; side: string };
    rounds: Array<{ id: string; regionName: string; quarter: string; deadline: string; daysLeft: number; counts: object; projects: MyProject[] }>;
  };
};
const states = async (as: Inject) => Object.fromEntries((await mine(as)).rounds[0]!.projects.map((p) => [p.name, p.state]));

describe('SPEC §2 "Quarterly round" (001 § Afspraak 3B): each party sees exactly its own projects', () => {
  it('the gemeente: its own projects in its table, with the deadline and what needs attention', async () => {
    const answer = await mine(asRotterdam);
    expect(answer.asOf).toBe(TODAY);
    expect(answer.organisation).toEqual({ id: ROTTERDAM, name: expect.stringContaining('Rotterdam'), side: 'publiek' });
    expect(answer.rounds).toHaveLength(1);
    const [round] = answer.rounds;
    expect(round).toMatchObject({ id: roundId, quarter: '2026-Q4', deadline: '2026-12-15', daysLeft: 14 });
    expect(round!.counts).toEqual({ total: 3, teDoen: 3, bijgewerkt: 0, bevestigd: 0, letOp: 2 });
    expect(round!.projects.map((p) => [p.name, p.state, p.attention])).toEqual([
      // The developer's expired start bouw is the developer's to update, not the gemeente's.
      ['Boomgaard', 'te_doen', { expiredForecasts: [], delay: 'geen', openKnelpunten: 0 }],
      ['Citadel', 'te_doen', { expiredForecasts: [], delay: 'ernstig', openKnelpunten: 0 }],
      [
        'Dijkzicht',
        'te_doen',
        { expiredForecasts: [expect.objectContaining({ code: 'M06', forecastDate: '2026-09-01' })], delay: 'vertraagd', openKnelpunten: 1 },
      ],
    ]);
  });

  it('another gemeente of the same table sees only its own project', async () => {
    const answer = await mine(asCapelle);
    expect(answer.rounds.map((r) => r.projects.map((p) => p.name))).toEqual([['Appelwijk']]);
  });

  it('the market party sees the projects it is party to in the table, in every gemeente, and answers for the private side', async () => {
    const answer = await mine(asDev);
    expect(answer.organisation).toEqual({ id: DEV, name: 'Maasstad Ontwikkeling BV', side: 'privaat' });
    // Zuidas (Amsterdam) is its project too, but Amsterdam's table has no open round.
    expect(answer.rounds.map((r) => r.projects.map((p) => p.name))).toEqual([['Appelwijk', 'Boomgaard', 'Citadel']]);
    const boomgaard = answer.rounds[0]!.projects.find((p) => p.name === 'Boomgaard')!;
    expect(boomgaard.attention.expiredForecasts.map((m) => m.code)).toEqual(['M11']);
  });

  it('a gemeente whose table has no open round, and a party with no project in one, get no rounds', async () => {
    expect((await mine(asAmsterdam)).rounds).toEqual([]);
    expect(await mine(asOtherDev)).toMatchObject({ organisation: { id: OTHER_DEV, side: 'privaat' }, rounds: [] });
  });

  it('is for gemeenten and market parties: the secretary and others get 403 saying who it is for, the public 401', async () => {
    const secretary = await asSecretary('/api/v1/me/rounds');
    expect(secretary.statusCode).toBe(403);
    expect(secretary.headers['content-type']).toContain('application/problem+json');
    expect(secretary.json().detail).toContain('projectleiders van gemeenten en voor marktpartijen');
    expect((await admin('/api/v1/me/rounds')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/me/rounds' })).statusCode).toBe(401);
  });
});

describe('the states follow what each party does in the round', () => {
  it('a confirmation makes the project bevestigd for that party only', async () => {
    const res = await asRotterdam({ method: 'POST', url: `/api/v1/rounds/${roundId}/confirmations`, payload: { projectIds: [ids.citadel] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await states(asRotterdam)).toEqual({ Boomgaard: 'te_doen', Dijkzicht: 'te_doen', Citadel: 'bevestigd' });
    expect((await states(asDev)).Citadel).toBe('te_doen');
    // What is still to do comes first.
    expect((await mine(asRotterdam)).rounds[0]!.projects.map((p) => p.name)).toEqual(['Boomgaard', 'Dijkzicht', 'Citadel']);
  });

  it('an edit by the party (the actual date of its start bouw) makes it bijgewerkt for that party only, and clears its expired forecast', async () => {
    const project = (await admin(`/api/v1/projects/${ids.boomgaard}`)).json();
    const res = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${ids.boomgaard}/milestones/M11`,
      payload: { version: project.version, actualDate: '2026-07-15' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const dev = (await mine(asDev)).rounds[0]!;
    expect(dev.projects.find((p) => p.name === 'Boomgaard')).toMatchObject({ state: 'bijgewerkt', attention: { expiredForecasts: [] } });
    expect(dev.counts).toMatchObject({ teDoen: 2, bijgewerkt: 1, bevestigd: 0 });
    expect((await states(asRotterdam)).Boomgaard).toBe('te_doen');
  });

  it('a project with an expired forecast of its own side cannot be confirmed: the answer says why', async () => {
    const res = await asRotterdam({ method: 'POST', url: `/api/v1/rounds/${roundId}/confirmations`, payload: { projectIds: [ids.dijkzicht] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'projectIds[0]', code: 'forecast_expired', message: expect.stringContaining('Dijkzicht') }),
    ]);
    expect((await states(asRotterdam)).Dijkzicht).toBe('te_doen');
  });

  it('a withdrawn plan leaves the list (it is in no round)', async () => {
    const { version } = (await admin(`/api/v1/projects/${ids.appelwijk}`)).json();
    const res = await admin({
      method: 'POST',
      url: `/api/v1/projects/${ids.appelwijk}/withdraw`,
      payload: { version, reason: 'De gemeenteraad heeft het plan ingetrokken.', date: '2026-11-20' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await mine(asCapelle)).rounds[0]!.projects).toEqual([]);
    expect(Object.keys(await states(asDev)).sort()).toEqual(['Boomgaard', 'Citadel']);
  });

  it('a closed round is no longer listed', async () => {
    expect((await asSecretary({ method: 'POST', url: `/api/v1/rounds/${roundId}/close` })).statusCode).toBe(200);
    expect((await mine(asRotterdam)).rounds).toEqual([]);
    expect((await mine(asDev)).rounds).toEqual([]);
  });
});
