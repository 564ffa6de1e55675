/**
 * API tests of knelpunten as a workflow and of why a date moved (issue 12 items 3 and 4). SPEC §2 "Knelpunt" (`001 §
 * 1.1, 10, 11, 18`, `004`): raised, escalated to the versnellingstafel with a reason, resolved with a date and how;
 * SPEC §2 "Phases and milestones": a forecast moved past the delay tolerance needs a reason, shown in "wat is er
 * veranderd" and the table report; SPEC §7: every step in the audit trail, nobody changes what is not theirs.
 *
 * One story at the Versnellingstafel Rotterdam, on today's clock (the escalation dates and the round's opening are
 * compared with each other): the gemeente Rotterdam adds a knelpunt, escalates it, the secretary sees it first as a
 * new escalation, the developer (a party) resolves it; a forecast moved past the tolerance asks why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsIso } from '../domain/dates.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { quarterOf } from '../domain/kwartaal.ts';
import { todayInNetherlands } from '../services/today.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

let t: TestApp;
let admin: Inject;
let asRotterdam: Inject;
let asCapelle: Inject;
let asDev: Inject;
let asOtherDev: Inject;
let asSecretary: Inject;

const TODAY = todayInNetherlands();
const REGION = 'vt-rotterdam';
const ROTTERDAM = gemeenteOrganisationId('GM0599');
const DEV = '11111111-1111-4111-8111-111111111111';
const OTHER_DEV = '22222222-2222-4222-8222-222222222222';
const BASELINE = addMonthsIso(TODAY, 12);
let projectId = '';
let knelpuntId = '';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedIn('beheerder');
  await t.services.repositories.organisations.insertMany(t.db, [
    { id: DEV, name: 'Maasstad Ontwikkeling BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
    { id: OTHER_DEV, name: 'Andere Ontwikkelaar BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
  ]);
  asRotterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0599', organisationId: ROTTERDAM });
  asCapelle = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0502', organisationId: gemeenteOrganisationId('GM0502') });
  asDev = await t.signedIn('marktpartij_editor', { organisationId: DEV });
  asOtherDev = await t.signedIn('marktpartij_editor', { organisationId: OTHER_DEV });
  asSecretary = await t.signedIn('tafel_secretaris', { regionId: REGION });
  const res = await admin({
    method: 'POST',
    url: '/api/v1/projects',
    payload: {
      name: 'Hart van Zuid',
      gemeenteCode: 'GM0599',
      planStatus: 'vastgesteld',
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 60 }],
      milestones: [
        { code: 'M09', baselineDate: addMonthsIso(TODAY, 6), forecastDate: addMonthsIso(TODAY, 6) },
        { code: 'M11', baselineDate: BASELINE, forecastDate: BASELINE },
      ],
      parties: [
        { organisationId: ROTTERDAM, role: 'bevoegd_gezag' },
        { organisationId: DEV, role: 'ontwikkelaar' },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  projectId = res.json().id;
});
afterAll(async () => {
  await t?.close();
});

const knelpunten = () => `/api/v1/projects/${projectId}/knelpunten`;
const auditActions = async () =>
  ((await admin(`/api/v1/projects/${projectId}/audit`)).json().items as Array<{ entityType: string; action: string }>).map((i) => i.action);
const dashboard = async (who: Inject) => {
  const res = await who(`/api/v1/regions/${REGION}/dashboard`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('POST …/knelpunten: the gemeente adds a knelpunt', () => {
  it('adds one with category, description and who must act; the audit trail says "knelpunt toegevoegd"', async () => {
    const res = await asRotterdam({
      method: 'POST',
      url: knelpunten(),
      payload: { category: 'netcongestie', description: 'Geen aansluiting op het net voor 2029', owner: 'Stedin', raisedDate: TODAY },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ escalated: false, escalatedOn: null, escalationReason: null, owner: 'Stedin', version: 1 });
    knelpuntId = res.json().id;
    expect(await auditActions()).toContain('knelpunt toegevoegd');
  });

  it('refuses a knelpunt raised in the future, naming raisedDate', async () => {
    const res = await asRotterdam({
      method: 'POST',
      url: knelpunten(),
      payload: { category: 'stikstof', description: 'Later', raisedDate: addMonthsIso(TODAY, 1) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('raisedDate');
  });

  it('a market party adds and changes knelpunten of a project it is party to; another market party and the secretary may not', async () => {
    const added = await asDev({
      method: 'POST',
      url: knelpunten(),
      payload: { category: 'marktafzet', description: 'Verkoop loopt traag', raisedDate: TODAY },
    });
    expect(added.statusCode, added.body).toBe(201);
    const changed = await asDev({
      method: 'PATCH',
      url: `${knelpunten()}/${added.json().id}`,
      payload: { version: 1, description: 'Verkoop van de eerste fase loopt traag' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await auditActions()).toContain('knelpunt gewijzigd');
    const other = await asOtherDev({ method: 'POST', url: knelpunten(), payload: { category: 'marktafzet', description: 'x', raisedDate: TODAY } });
    expect(other.statusCode).toBe(404);
    const secretary = await asSecretary({
      method: 'POST',
      url: knelpunten(),
      payload: { category: 'marktafzet', description: 'x', raisedDate: TODAY },
    });
    expect(secretary.statusCode).toBe(403);
    expect((await asDev({ method: 'DELETE', url: `${knelpunten()}/${added.json().id}?version=2` })).statusCode).toBe(204);
  });
});

describe('POST …/knelpunten/{id}/escalate: to the versnellingstafel, with a reason', () => {
  it('refuses without a reason (422 naming reason), and refuses the secretary, another gemeente and another market party', async () => {
    const blank = await asRotterdam({ method: 'POST', url: `${knelpunten()}/${knelpuntId}/escalate`, payload: { version: 1, reason: '  ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors).toEqual([
      expect.objectContaining({ path: 'reason', message: 'Schrijf waarom de versnellingstafel dit knelpunt moet oppakken.' }),
    ]);
    const payload = { version: 1, reason: 'De netbeheerder reageert niet' };
    expect((await asSecretary({ method: 'POST', url: `${knelpunten()}/${knelpuntId}/escalate`, payload })).statusCode).toBe(403);
    expect((await asCapelle({ method: 'POST', url: `${knelpunten()}/${knelpuntId}/escalate`, payload })).statusCode).toBe(404);
    expect((await asOtherDev({ method: 'POST', url: `${knelpunten()}/${knelpuntId}/escalate`, payload })).statusCode).toBe(404);
    // A PATCH that escalates needs the reason too.
    const patch = await asRotterdam({ method: 'PATCH', url: `${knelpunten()}/${knelpuntId}`, payload: { version: 1, escalated: true } });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().errors[0].path).toBe('escalationReason');
  });

  it('escalates with the reason, dated today; the project turns red; the audit trail says "knelpunt geëscaleerd naar de tafel"', async () => {
    const res = await asRotterdam({
      method: 'POST',
      url: `${knelpunten()}/${knelpuntId}/escalate`,
      payload: { version: 1, reason: 'De netbeheerder reageert niet; de tafel moet Stedin aanspreken' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      escalated: true,
      escalatedOn: TODAY,
      escalationReason: 'De netbeheerder reageert niet; de tafel moet Stedin aanspreken',
      version: 2,
    });
    expect((await admin(`/api/v1/projects/${projectId}`)).json().status).toBe('rood');
    expect(await auditActions()).toContain('knelpunt geëscaleerd naar de tafel');
    const stale = await asRotterdam({ method: 'POST', url: `${knelpunten()}/${knelpuntId}/escalate`, payload: { version: 1, reason: 'Nog eens' } });
    expect(stale.statusCode).toBe(409);
    const twice = await asRotterdam({ method: 'POST', url: `${knelpunten()}/${knelpuntId}/escalate`, payload: { version: 2, reason: 'Nog eens' } });
    expect(twice.statusCode).toBe(422);
  });

  it('the secretary sees it first on the Tafeloverzicht as a new escalation, with the project, reason and date', async () => {
    const body = await dashboard(asSecretary);
    expect(body.newEscalations).toMatchObject({ basis: 'months', since: addMonthsIso(TODAY, -3) });
    expect(body.newEscalations.items[0]).toEqual({
      knelpuntId,
      projectId,
      projectName: 'Hart van Zuid',
      category: 'netcongestie',
      description: 'Geen aansluiting op het net voor 2029',
      reason: 'De netbeheerder reageert niet; de tafel moet Stedin aanspreken',
      escalatedOn: TODAY,
    });
    // A gemeente of the table sees the table's figures, but escalations only of its own projects.
    expect((await dashboard(asCapelle)).newEscalations.items).toEqual([]);
  });

  it('with a quarterly round open, "new" means since the round opened', async () => {
    const open = await asSecretary({
      method: 'POST',
      url: `/api/v1/regions/${REGION}/rounds`,
      payload: { quarter: quarterOf(TODAY), deadline: addMonthsIso(TODAY, 1) },
    });
    expect(open.statusCode, open.body).toBe(201);
    const body = await dashboard(asSecretary);
    expect(body.newEscalations).toMatchObject({ basis: 'round', since: TODAY });
    expect(body.newEscalations.items.map((i: { knelpuntId: string }) => i.knelpuntId)).toEqual([knelpuntId]);
  });
});

describe('POST …/knelpunten/{id}/resolve: with the date and how', () => {
  it('refuses a date in the future or before it was raised, and a missing "how", each named', async () => {
    const future = await asDev({
      method: 'POST',
      url: `${knelpunten()}/${knelpuntId}/resolve`,
      payload: { version: 2, resolvedDate: addMonthsIso(TODAY, 1), resolution: 'Tijdelijke aansluiting' },
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors.map((e: { path: string }) => e.path)).toContain('resolvedDate');
    const before = await asDev({
      method: 'POST',
      url: `${knelpunten()}/${knelpuntId}/resolve`,
      payload: { version: 2, resolvedDate: addMonthsIso(TODAY, -1), resolution: ' ' },
    });
    expect(before.statusCode).toBe(422);
    expect(
      before
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['resolution', 'resolvedDate']);
  });

  it('a party of the project resolves it; the project is no longer red; the audit trail says "knelpunt opgelost"', async () => {
    const res = await asDev({
      method: 'POST',
      url: `${knelpunten()}/${knelpuntId}/resolve`,
      payload: { version: 2, resolvedDate: TODAY, resolution: 'Tijdelijke aansluiting via een bouwstroomkast' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      resolvedDate: TODAY,
      resolution: 'Tijdelijke aansluiting via een bouwstroomkast',
      escalated: true,
      version: 3,
    });
    expect((await admin(`/api/v1/projects/${projectId}`)).json().status).not.toBe('rood');
    expect(await auditActions()).toEqual(expect.arrayContaining(['knelpunt toegevoegd', 'knelpunt geëscaleerd naar de tafel', 'knelpunt opgelost']));
    // Resolved: no longer a new escalation for the table, and it cannot go to the table again.
    expect((await dashboard(asSecretary)).newEscalations.items).toEqual([]);
    const again = await asRotterdam({ method: 'POST', url: `${knelpunten()}/${knelpuntId}/escalate`, payload: { version: 3, reason: 'Weer' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].path).toBe('escalated');
  });
});

describe('PATCH …/milestones/{code}: why a date moved past the tolerance', () => {
  const version = async () => (await admin(`/api/v1/projects/${projectId}`)).json().version as number;
  const LATE = addMonthsIso(BASELINE, 5);

  it('a move within the tolerance needs no reason', async () => {
    const res = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}/milestones/M11`,
      payload: { version: await version(), forecastDate: addMonthsIso(BASELINE, 2) },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a move past the tolerance without a reason, with 422 naming delayReason in Dutch; nothing is saved', async () => {
    const v = await version();
    const res = await asDev({ method: 'PATCH', url: `/api/v1/projects/${projectId}/milestones/M11`, payload: { version: v, forecastDate: LATE } });
    expect(res.statusCode).toBe(422);
    const [issue] = res.json().errors;
    expect(issue).toMatchObject({ path: 'delayReason', code: 'delay_reason_required' });
    expect(issue.message).toMatch(/^De prognose van Start bouw \(M11\) schuift naar .*Geef aan waarom deze datum schuift/);
    expect(await version()).toBe(v);
    const empty = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}/milestones/M11`,
      payload: { version: v, forecastDate: LATE, delayReason: { category: 'netcongestie', text: ' ' } },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].path).toBe('delayReason.text');
  });

  it('closes the quarter, then moves with a reason: stored, audited, in "wat is er veranderd" and the table report', async () => {
    const round = (await asSecretary(`/api/v1/regions/${REGION}/rounds`)).json();
    const openRound = (round.items ?? round).find((r: { closedAt: string | null }) => !r.closedAt);
    const closed = await asSecretary({ method: 'POST', url: `/api/v1/rounds/${openRound.id}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    const res = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}/milestones/M11`,
      payload: { version: await version(), forecastDate: LATE, delayReason: { category: 'netcongestie', text: 'Netaansluiting pas later' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditActions()).toContain('reden voor het schuiven van Start bouw (M11): Netcongestie: Netaansluiting pas later');
    const changes = (await asRotterdam(`/api/v1/projects/${projectId}/changes`)).json();
    const moved = changes.changes.find((c: { kind: string; milestoneCode?: string }) => c.kind === 'milestone_moved' && c.milestoneCode === 'M11');
    expect(moved).toMatchObject({ reason: 'Netcongestie: Netaansluiting pas later' });
    expect(moved.message).toMatch(/Reden: Netcongestie: Netaansluiting pas later$/);
    const delayed = (await dashboard(asSecretary)).summary.delayedMilestones.items;
    expect(delayed.find((d: { projectId: string; code: string }) => d.projectId === projectId && d.code === 'M11')).toMatchObject({
      forecastDate: LATE,
      reason: 'Netcongestie: Netaansluiting pas later',
    });
  });

  it('links a knelpunt of the project as the reason, and refuses one of another project', async () => {
    const later = addMonthsIso(BASELINE, 7);
    const foreign = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}/milestones/M11`,
      payload: { version: await version(), forecastDate: later, delayReason: { knelpuntId: crypto.randomUUID() } },
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('delayReason.knelpuntId');
    const res = await asDev({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}/milestones/M11`,
      payload: { version: await version(), forecastDate: later, delayReason: { knelpuntId } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const delayed = (await dashboard(asSecretary)).summary.delayedMilestones.items;
    expect(delayed.find((d: { projectId: string; code: string }) => d.projectId === projectId && d.code === 'M11').reason).toBe(
      'knelpunt netcongestie: Geen aansluiting op het net voor 2029',
    );
  });

  it('the gemeente may not move a private milestone, reason or not (403)', async () => {
    const res = await asRotterdam({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}/milestones/M11`,
      payload: { version: await version(), forecastDate: addMonthsIso(BASELINE, 9), delayReason: { category: 'stikstof', text: 'x' } },
    });
    expect(res.statusCode).toBe(403);
  });
});
