/**
 * Issue 12 items 6–8 through the API, at the Versnellingstafel Rotterdam (Rotterdam, Capelle a/d IJssel, …):
 * - the gemeenten's proposals for alternatives (`001 § Afspraak 3B`): a gemeente of the table proposes; the table reads
 *   all, a gemeente its own; others are refused; bad input is named per field; the gemeente withdraws (version checked);
 * - the table's agenda (SPEC §1, §2): exactly the escalated open knelpunten, seriously delayed projects, expired forecasts,
 *   undelivered parties and proposals of this fixture;
 * - e-mail reminders (SPEC §2 "Quarterly round"): mails arrive at a local SMTP server for exactly the parties that have not
 *   delivered, with a link to Mijn kwartaalronde that the test server answers; every mail is logged on the round.
 *
 * Fixture (today 2026-11-20; round 2026-Q4 open, deadline 2026-12-15):
 *   P1 Hart van Zuid (Rotterdam + Maasstad Ontwikkeling): start bouw 26 months late; an escalated open knelpunt, one not
 *      escalated, one escalated but resolved.
 *   P2 Rivium (Capelle): the forecast of M09 (1 May 2026) has passed without an actual date.
 *   P3 Feijenoord (Rotterdam + Woonstad Rotterdam): an escalated open knelpunt.
 *   P4 Kop van Zuid (Rotterdam): nothing to discuss.
 *   Rotterdam confirms all its projects; Capelle, Maasstad Ontwikkeling and Woonstad Rotterdam have not delivered.
 *   People: two Rotterdam project leaders and one deactivated; one Capelle leader; one Maasstad editor; Woonstad nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { authedInject } from '../../test/helpers/auth.ts';
import { startSmtpSink, type SmtpSink } from '../../test/helpers/smtp-sink.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

const TODAY = '2026-11-20';
const REGION = 'vt-rotterdam';
const ROTTERDAM = gemeenteOrganisationId('GM0599');
const CAPELLE = gemeenteOrganisationId('GM0502');
const DEV = '11111111-1111-4111-8111-111111111111';
const CORP = '22222222-2222-4222-8222-222222222222';

let sink: SmtpSink;
let t: TestApp;
let noMail: TestApp;
let asAdmin: Inject;
let asSecretary: Inject;
let asRotterdam: Inject;
let asCapelle: Inject;
let asDev: Inject;
let asAmsterdam: Inject;
let roundId = '';
let port = 0;
const p: Record<'P1' | 'P2' | 'P3' | 'P4', string> = { P1: '', P2: '', P3: '', P4: '' };

/** An account with a known e-mail address and its API token. */
async function person(app: TestApp, email: string, role: Role, scope: { gemeenteCode?: string; organisationId?: string; regionId?: string } = {}) {
  const principal = await app.services.auth.createUser({
    email,
    name: email.split('@')[0]!,
    password: null,
    role,
    organisationId: scope.organisationId ?? null,
    gemeenteCode: scope.gemeenteCode ?? null,
    regionId: scope.regionId ?? null,
    provincieCode: null,
  });
  const { token } = await app.services.auth.createApiToken(principal, 'test');
  return { principal, inject: authedInject(app.app, { authorization: `Bearer ${token}`, host: `127.0.0.1:${port}` }) };
}

async function project(name: string, gemeenteCode: string, parties: Array<[string, string]>, milestones: object[]) {
  const res = await asAdmin({
    method: 'POST',
    url: '/api/v1/projects',
    payload: {
      name,
      gemeenteCode,
      planStatus: 'vastgesteld',
      milestones,
      parties: parties.map(([organisationId, role]) => ({ organisationId, role })),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function knelpunt(projectId: string, body: object) {
  const res = await asAdmin({ method: 'POST', url: `/api/v1/projects/${projectId}/knelpunten`, payload: { raisedDate: '2026-10-01', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ today: () => TODAY, mail: { smtpUrl: sink.url, from: 'Woningbouwmonitor <noreply@localhost>' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
  await t.services.repositories.organisations.insertMany(t.db, [
    { id: DEV, name: 'Maasstad Ontwikkeling BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
    { id: CORP, name: 'Woonstad Rotterdam', type: 'corporatie', gemeenteCode: null, synthetic: false },
  ]);
  asAdmin = (await person(t, 'beheerder@example.invalid', 'beheerder')).inject;
  asSecretary = (await person(t, 'secretaris@example.invalid', 'tafel_secretaris', { regionId: REGION })).inject;
  asRotterdam = (await person(t, 'rotterdam-1@example.invalid', 'gemeente_editor', { gemeenteCode: 'GM0599', organisationId: ROTTERDAM })).inject;
  await person(t, 'rotterdam-2@example.invalid', 'gemeente_editor', { gemeenteCode: 'GM0599' });
  const gone = await person(t, 'rotterdam-weg@example.invalid', 'gemeente_editor', { gemeenteCode: 'GM0599' });
  await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [gone.principal.userId]);
  asCapelle = (await person(t, 'capelle@example.invalid', 'gemeente_editor', { gemeenteCode: 'GM0502' })).inject;
  asDev = (await person(t, 'maasstad@example.invalid', 'marktpartij_editor', { organisationId: DEV })).inject;
  asAmsterdam = (await person(t, 'amsterdam@example.invalid', 'gemeente_editor', { gemeenteCode: 'GM0363' })).inject;

  p.P1 = await project(
    'Hart van Zuid',
    'GM0599',
    [
      [ROTTERDAM, 'bevoegd_gezag'],
      [DEV, 'ontwikkelaar'],
    ],
    [
      { code: 'M11', baselineDate: '2025-01-01', forecastDate: '2027-03-01' },
      { code: 'M12', baselineDate: '2028-01-01', forecastDate: '2028-06-01' },
    ],
  );
  p.P2 = await project('Rivium', 'GM0502', [[CAPELLE, 'bevoegd_gezag']], [{ code: 'M09', baselineDate: '2026-04-01', forecastDate: '2026-05-01' }]);
  p.P3 = await project(
    'Feijenoord',
    'GM0599',
    [
      [ROTTERDAM, 'bevoegd_gezag'],
      [CORP, 'corporatie'],
    ],
    [{ code: 'M12', baselineDate: '2028-01-01', forecastDate: '2028-01-01' }],
  );
  p.P4 = await project(
    'Kop van Zuid',
    'GM0599',
    [[ROTTERDAM, 'bevoegd_gezag']],
    [{ code: 'M12', baselineDate: '2029-01-01', forecastDate: '2029-01-01' }],
  );
  await knelpunt(p.P1, {
    category: 'netcongestie',
    description: 'Geen netaansluiting voor 2029',
    escalated: true,
    escalationReason: 'Netbeheerder heeft geen capaciteit',
    owner: 'Stedin',
  });
  await knelpunt(p.P1, { category: 'geluid', description: 'Geluidsonderzoek loopt', escalated: false });
  // Escalated, then resolved: no longer on the agenda.
  const solved = await knelpunt(p.P1, { category: 'stikstof', description: 'Opgelost', escalated: true, escalationReason: 'Vergunning liep vast' });
  const resolved = await asAdmin({
    method: 'PATCH',
    url: `/api/v1/projects/${p.P1}/knelpunten/${solved.id}`,
    payload: { version: solved.version, resolvedDate: '2026-10-15', resolution: 'Vergunning rond' },
  });
  expect(resolved.statusCode, resolved.body).toBe(200);
  await knelpunt(p.P3, {
    category: 'financiele_haalbaarheid',
    description: 'Onrendabele top sociale huur',
    escalated: true,
    escalationReason: 'Financiering ontbreekt',
  });

  const opened = await asSecretary({
    method: 'POST',
    url: `/api/v1/regions/${REGION}/rounds`,
    payload: { quarter: '2026-Q4', deadline: '2026-12-15' },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  roundId = opened.json().id;
  const confirmed = await asRotterdam({ method: 'POST', url: `/api/v1/rounds/${roundId}/confirmations`, payload: {} });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  expect([...confirmed.json().confirmedProjectIds].sort()).toEqual([p.P1, p.P3, p.P4].sort());
}, 300_000);
afterAll(async () => {
  await t?.close();
  await noMail?.close();
  await sink?.close();
});

const proposal = (fields: object = {}) => ({
  kind: 'versnelling',
  projectId: p.P1,
  title: 'Hart van Zuid eerder',
  description: 'Start bouw een jaar eerder met een tijdelijke netaansluiting',
  homes: 150,
  year: 2027,
  ...fields,
});
const proposals = (as: Inject) => as(`/api/v1/regions/${REGION}/alternative-proposals`);

describe('`001 § Afspraak 3B`: gemeenten put forward alternatives at their table', () => {
  let made: { id: string; version: number };

  it('a project leader of a gemeente of the table proposes an acceleration of its own project (201, audited)', async () => {
    const res = await asRotterdam({ method: 'POST', url: `/api/v1/regions/${REGION}/alternative-proposals`, payload: proposal() });
    expect(res.statusCode, res.body).toBe(201);
    made = res.json();
    expect(res.json()).toMatchObject({
      gemeenteCode: 'GM0599',
      gemeenteName: 'Rotterdam',
      kind: 'versnelling',
      project: { id: p.P1, name: 'Hart van Zuid' },
      homes: 150,
      year: 2027,
      proposedByName: 'rotterdam-1',
      withdrawnAt: null,
    });
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'alternatief_voorstel' AND entity_id = $1", [
      made.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual([expect.stringMatching(/^voorgesteld aan /)]);
  });

  it('the table sees every proposal; a gemeente only its own and may propose; a gemeente elsewhere and a market party are refused', async () => {
    const forTable = (await proposals(asSecretary)).json();
    expect(forTable).toMatchObject({ view: 'all', mayPropose: false, projectChoices: [] });
    expect(forTable.items.map((i: { id: string }) => i.id)).toEqual([made.id]);
    const forRotterdam = (await proposals(asRotterdam)).json();
    expect(forRotterdam).toMatchObject({ view: 'own', mayPropose: true, years: { from: 2026, to: 2035 } });
    expect(forRotterdam.projectChoices.map((c: { name: string }) => c.name)).toEqual(['Feijenoord', 'Hart van Zuid', 'Kop van Zuid']);
    const forCapelle = (await proposals(asCapelle)).json();
    expect(forCapelle).toMatchObject({ view: 'own', items: [] });
    expect((await proposals(asDev)).statusCode).toBe(403);
    expect((await proposals(asAmsterdam)).statusCode).toBe(403);
    for (const as of [asSecretary, asDev, asAmsterdam, asAdmin]) {
      const res = await as({
        method: 'POST',
        url: `/api/v1/regions/${REGION}/alternative-proposals`,
        payload: proposal({ kind: 'alternatief_project', projectId: null }),
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('bad input is named per field in Dutch: another gemeente’s project, no homes, a past year', async () => {
    const res = await asRotterdam({
      method: 'POST',
      url: `/api/v1/regions/${REGION}/alternative-proposals`,
      payload: proposal({ projectId: p.P2, homes: 0, year: 2025, title: '' }),
    });
    expect(res.statusCode, res.body).toBe(422);
    const errors = res.json().errors as Array<{ path: string; message: string }>;
    expect(errors.map((e) => e.path)).toEqual(['title', 'homes', 'year', 'projectId']);
    expect(errors.find((e) => e.path === 'projectId')!.message).toBe('Kies een project van uw eigen gemeente (Rotterdam).');
  });

  it('the gemeente withdraws its proposal: another gemeente does not find it, the secretary may not, a stale version is 409', async () => {
    const url = `/api/v1/regions/${REGION}/alternative-proposals/${made.id}/withdraw`;
    expect((await asCapelle({ method: 'POST', url, payload: { version: made.version } })).statusCode).toBe(404);
    expect((await asSecretary({ method: 'POST', url, payload: { version: made.version } })).statusCode).toBe(403);
    const stale = await asRotterdam({ method: 'POST', url, payload: { version: made.version + 1 } });
    expect(stale.statusCode).toBe(409);
    const done = await asRotterdam({ method: 'POST', url, payload: { version: made.version } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().withdrawnAt).not.toBeNull();
    expect((await proposals(asSecretary)).json().items).toEqual([]);
    expect((await asRotterdam({ method: 'POST', url, payload: { version: done.json().version } })).statusCode).toBe(409);
  });

  it('a proposal that stays open, for the agenda', async () => {
    const res = await asCapelle({
      method: 'POST',
      url: `/api/v1/regions/${REGION}/alternative-proposals`,
      payload: { kind: 'alternatief_project', projectId: null, title: 'Flexwoningen Rivium', description: null, homes: 80, year: 2027 },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('the table’s agenda (SPEC §1, §2; `001 § Afspraak 3B`)', () => {
  it('lists exactly the escalated open knelpunten, seriously delayed projects, expired forecasts, undelivered parties and open proposals', async () => {
    const res = await asSecretary(`/api/v1/regions/${REGION}/agenda`);
    expect(res.statusCode, res.body).toBe(200);
    const agenda = res.json();
    expect(agenda).toMatchObject({
      region: { id: REGION },
      quarter: '2026-Q4',
      quarterLabel: '4e kwartaal 2026',
      asOf: TODAY,
      round: { id: roundId },
    });
    const section = (key: string) => agenda.sections.find((s: { key: string }) => s.key === key);
    const projectIds = (key: string) => section(key).items.map((i: { projects: Array<{ id: string }> }) => i.projects.map((x) => x.id));
    expect(projectIds('knelpunten').sort()).toEqual([[p.P1], [p.P3]].sort());
    expect(section('knelpunten').items.find((i: { projects: Array<{ id: string }> }) => i.projects[0]!.id === p.P1).why).toBe(
      'Netcongestie: Geen netaansluiting voor 2029. Geëscaleerd op 20 november 2026: Netbeheerder heeft geen capaciteit. Aan zet: Stedin.',
    );
    expect(projectIds('vertraagd')).toEqual([[p.P1]]);
    expect(projectIds('prognoses')).toEqual([[p.P2]]);
    expect(
      section('levering')
        .items.map((i: { subject: string }) => i.subject)
        .sort(),
    ).toEqual(['Gemeente Capelle aan den IJssel', 'Maasstad Ontwikkeling BV', 'Woonstad Rotterdam'].sort());
    expect(section('alternatieven').items.map((i: { subject: string }) => i.subject)).toEqual(['Flexwoningen Rivium']);
    expect(section('knelpunten').items[0].projects[0]).toMatchObject({ gemeenteCode: 'GM0599', gemeenteName: 'Rotterdam' });
  });

  it('is for who sees the whole table: a gemeente or market party of the table is refused', async () => {
    expect((await asRotterdam(`/api/v1/regions/${REGION}/agenda`)).statusCode).toBe(403);
    expect((await asDev(`/api/v1/regions/${REGION}/agenda`)).statusCode).toBe(403);
    expect((await asSecretary('/api/v1/regions/onbekend/agenda')).statusCode).toBe(404);
  });
});

describe('e-mail reminders of the round (SPEC §2 "Quarterly round")', () => {
  it('without mail set up the overview says so and sending is refused with a plain 503', { timeout: 300_000 }, async () => {
    noMail = await createTestApp({ today: () => TODAY });
    const secretary = (await person(noMail, 'secretaris-zonder-mail@example.invalid', 'tafel_secretaris', { regionId: REGION })).inject;
    const open = await secretary({
      method: 'POST',
      url: `/api/v1/regions/${REGION}/rounds`,
      payload: { quarter: '2026-Q4', deadline: '2026-12-15' },
    });
    expect(open.statusCode, open.body).toBe(201);
    expect((await secretary(`/api/v1/rounds/${open.json().id}/reminders`)).json().mail).toEqual({ configured: false });
    const res = await secretary({ method: 'POST', url: `/api/v1/rounds/${open.json().id}/reminders`, payload: {} });
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/geen e-mail ingesteld/);
  });

  it('mails every active person of exactly the parties that have not delivered, with a link the server answers; logged on the round', async () => {
    const before = sink.messages.length;
    const res = await asSecretary({ method: 'POST', url: `/api/v1/rounds/${roundId}/reminders`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const byName = Object.fromEntries(
      (res.json().results as Array<{ organisationName: string; sent: number; failed: number; noRecipient: boolean }>).map((r) => [
        r.organisationName,
        [r.sent, r.failed, r.noRecipient],
      ]),
    );
    expect(byName).toEqual({
      'Gemeente Capelle aan den IJssel': [1, 0, false],
      'Maasstad Ontwikkeling BV': [1, 0, false],
      'Woonstad Rotterdam': [0, 0, true],
    });
    const capelle = await sink.waitForMessageTo('capelle@example.invalid');
    const dev = await sink.waitForMessageTo('maasstad@example.invalid');
    const recipients = sink.messages.slice(before).flatMap((m) => m.to);
    expect(recipients.sort()).toEqual(['capelle@example.invalid', 'maasstad@example.invalid']);
    expect(capelle.subject).toBe('Herinnering: kwartaalronde 4e kwartaal 2026 van Versnellingstafel Rotterdam (voorbeeld)');
    expect(capelle.text).toContain('De deadline is 15 december 2026.');
    expect(capelle.text).toContain('- Rivium (Capelle aan den IJssel)');
    expect(dev.text).toContain('- Hart van Zuid (Rotterdam)');
    expect(dev.text).not.toContain('Feijenoord');
    const link = /^https?:\/\/\S+$/m.exec(dev.text)![0];
    expect(link).toBe(`http://127.0.0.1:${port}/mijn-kwartaalronde`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');

    // Logged on the round: per organisation how many people, by whom; and in the audit trail.
    const overview = (await asSecretary(`/api/v1/rounds/${roundId}/reminders`)).json();
    expect(overview.mail).toEqual({ configured: true });
    expect(
      overview.sent.map((s: { organisationName: string; sent: number; noRecipient: boolean; sentByName: string }) => [
        s.organisationName,
        s.sent,
        s.noRecipient,
        s.sentByName,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['Gemeente Capelle aan den IJssel', 1, false, 'secretaris'],
        ['Maasstad Ontwikkeling BV', 1, false, 'secretaris'],
        ['Woonstad Rotterdam', 0, true, 'secretaris'],
      ]),
    );
    expect(overview.sent).toHaveLength(3);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'kwartaalronde' AND entity_id = $1", [
      roundId,
    ]);
    expect(audit.map((a) => a.action)).toContain('herinnering per e-mail verstuurd aan 2 personen (deadline 15 december 2026)');
  });

  it('only chosen organisations; one with nothing outstanding is named at its field', async () => {
    const before = sink.messages.length;
    const res = await asSecretary({ method: 'POST', url: `/api/v1/rounds/${roundId}/reminders`, payload: { organisationIds: [DEV] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toHaveLength(1);
    await expect.poll(() => sink.messages.length).toBe(before + 1);
    expect(sink.messages.at(-1)!.to).toEqual(['maasstad@example.invalid']);
    const wrong = await asSecretary({ method: 'POST', url: `/api/v1/rounds/${roundId}/reminders`, payload: { organisationIds: [ROTTERDAM] } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('organisationIds[0]');
  });

  it('only who runs the round sends: a party, a gemeente elsewhere and a demo secretary are refused', async () => {
    const url = `/api/v1/rounds/${roundId}/reminders`;
    expect((await asRotterdam({ method: 'POST', url, payload: {} })).statusCode).toBe(403);
    expect((await asDev({ method: 'POST', url, payload: {} })).statusCode).toBe(403);
    expect((await asAmsterdam({ method: 'POST', url, payload: {} })).statusCode).toBe(404);
    const demo = await person(t, 'demo-secretaris@example.invalid', 'tafel_secretaris', { regionId: REGION });
    await t.db.query('UPDATE users SET is_demo = true WHERE id = $1', [demo.principal.userId]);
    const res = await demo.inject({ method: 'POST', url, payload: {} });
    expect(res.statusCode).toBe(403);
  });

  it('a closed round has nothing to remind (409)', async () => {
    expect((await asSecretary({ method: 'POST', url: `/api/v1/rounds/${roundId}/close` })).statusCode).toBe(200);
    const res = await asSecretary({ method: 'POST', url: `/api/v1/rounds/${roundId}/reminders`, payload: {} });
    expect(res.statusCode).toBe(409);
  });
});
