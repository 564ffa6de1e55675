/**
 * API tests of ending a plan (issue 12 item 2; src/domain/withdrawal.ts): withdraw ("vervallen", counted as
 * planuitval, `002 § 1`), make active again, merge two records of the same plan, delete a record made in
 * error. The figures of the Tafeloverzicht and plancapaciteit drop by exactly the withdrawn plan, the
 * planuitval figure rises and equals the list behind it; other gemeenten and the public are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

let t: TestApp;
let admin: Inject;
let amsterdam: Inject;
let otherGemeente: Inject;
let ministry: Inject;

const TABLE = 'vt-amsterdam-e-o';
const TODAY = '2026-12-01';

beforeAll(async () => {
  t = await createTestApp({ today: () => TODAY });
  admin = await t.signedIn('beheerder');
  amsterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363' });
  otherGemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0014' });
  ministry = await t.signedIn('ministerie_analist');
});
afterAll(async () => {
  await t?.close();
});

/** A plan in Amsterdam with homes in 2028 (plancapaciteit 2026–2030) and a party the other record may lack. */
async function createPlan(name: string, homes: number, extra: object = {}): Promise<{ id: string; version: number }> {
  const res = await amsterdam({
    method: 'POST',
    url: '/api/v1/projects',
    payload: {
      name,
      gemeenteCode: 'GM0363',
      planStatus: 'vastgesteld',
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes }],
      jaarschijven: [{ year: 2028, segment: 'sociale_huur', homes }],
      milestones: [{ code: 'M12', baselineDate: '2028-06-01', forecastDate: '2028-06-01' }],
      parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function dashboard() {
  const res = await admin(`/api/v1/regions/${TABLE}/dashboard?fromYear=2026&toYear=2030`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    summary: { totals: { projects: number; homes: number } };
    planuitval: { projects: number; homes: number; perYear: Array<{ year: number; projects: number; homes: number }> };
  };
}

async function capacity(): Promise<number> {
  return (await capacityBody()).periods[0]!.total;
}

async function capacityBody() {
  const res = await ministry(`/api/v1/national/plancapaciteit?area=${TABLE}&fromYear=2026`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { periods: Array<{ total: number }>; planuitval: { projects: number; homes: number; href: string } };
}

async function listTotal(query: string): Promise<{ total: number; homes: number; ids: string[] }> {
  const res = await admin(`/api/v1/projects?region=${TABLE}&limit=500&total=exact${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { total: body.total, homes: body.sums.homes, ids: body.items.map((i: { id: string }) => i.id) };
}

describe('POST /api/v1/projects/{id}/withdraw and /reinstate', () => {
  it('withdraws a plan: every figure drops by exactly that plan, planuitval rises and equals the list behind it', async () => {
    await createPlan('Blijft staan', 80);
    const plan = await createPlan('Gaat niet door', 120);
    const [before, capacityBefore] = [await dashboard(), await capacity()];

    const res = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${plan.id}/withdraw`,
      payload: { version: plan.version, reason: ' Grond is niet verworven. ', date: '2026-11-15' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: plan.version + 1,
      lifecycle: { state: 'vervallen', withdrawnDate: '2026-11-15', withdrawnReason: 'Grond is niet verworven.' },
    });

    const after = await dashboard();
    expect(after.summary.totals.projects).toBe(before.summary.totals.projects - 1);
    expect(after.summary.totals.homes).toBe(before.summary.totals.homes - 120);
    expect(after.planuitval.projects).toBe(before.planuitval.projects + 1);
    expect(after.planuitval.homes).toBe(before.planuitval.homes + 120);
    expect(after.planuitval.perYear).toContainEqual(expect.objectContaining({ year: 2026 }));
    expect(await capacity()).toBe(capacityBefore - 120);
    // The Plancapaciteit page says the same planuitval, with the same list behind it.
    const { planuitval } = await capacityBody();
    expect(planuitval).toMatchObject({ projects: after.planuitval.projects, homes: after.planuitval.homes });
    expect(planuitval.href).toBe(`/api/v1/projects?region=${TABLE}&lifecycle=vervallen`);
    expect((await admin(`${planuitval.href}&limit=500&total=exact`)).json()).toMatchObject({
      total: planuitval.projects,
      sums: { homes: planuitval.homes },
    });

    // The list: active plans by default (its sums equal the Tafeloverzicht), the withdrawn ones with the filter.
    const active = await listTotal('');
    expect(active.total).toBe(after.summary.totals.projects);
    expect(active.ids).not.toContain(plan.id);
    const withdrawn = await listTotal('&lifecycle=vervallen');
    expect(withdrawn).toMatchObject({ total: after.planuitval.projects, homes: after.planuitval.homes });
    expect(withdrawn.ids).toContain(plan.id);
    expect((await listTotal('&lifecycle=alle')).total).toBe(active.total + withdrawn.total);

    // Kept, with its history: the page and the audit trail.
    expect((await amsterdam(`/api/v1/projects/${plan.id}`)).json().lifecycle.state).toBe('vervallen');
    const audit = (await amsterdam(`/api/v1/projects/${plan.id}/audit`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'vervallen: Grond is niet verworven.' });

    // Made active again: its own act with a reason; the figures are back.
    const back = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${plan.id}/reinstate`,
      payload: { version: plan.version + 1, reason: 'Nieuwe ontwikkelaar gevonden.' },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().lifecycle.state).toBe('actief');
    const restored = await dashboard();
    expect(restored.summary.totals).toEqual(before.summary.totals);
    expect(restored.planuitval.projects).toBe(before.planuitval.projects);
    expect(await capacity()).toBe(capacityBefore);
    expect((await amsterdam(`/api/v1/projects/${plan.id}/audit`)).json().items[0]).toMatchObject({
      action: 'weer actief: Nieuwe ontwikkelaar gevonden.',
    });
  });

  it('names the field of each mistake in Dutch, and a stale version changes nothing (409)', async () => {
    const plan = await createPlan('Foutieve invoer', 10);
    const missing = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${plan.id}/withdraw`,
      payload: { version: plan.version, reason: ' ', date: '2027-01-01' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ path: 'reason', code: 'required' }),
      expect.objectContaining({ path: 'date', code: 'date_in_future' }),
    ]);
    const stale = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${plan.id}/withdraw`,
      payload: { version: plan.version + 5, reason: 'Vervalt', date: '2026-11-01' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await amsterdam(`/api/v1/projects/${plan.id}`)).json().lifecycle.state).toBe('actief');
    const notWithdrawn = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${plan.id}/reinstate`,
      payload: { version: plan.version, reason: 'x' },
    });
    expect(notWithdrawn.statusCode).toBe(422);
    expect(notWithdrawn.json().errors[0]).toMatchObject({ code: 'not_withdrawn' });
  });

  it('is refused to another gemeente (as an unknown project) and to the public', async () => {
    const plan = await createPlan('Niet van hen', 10);
    const payload = { version: plan.version, reason: 'Vervalt', date: '2026-11-01' };
    expect((await otherGemeente({ method: 'POST', url: `/api/v1/projects/${plan.id}/withdraw`, payload })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/projects/${plan.id}/withdraw`, payload })).statusCode).toBe(401);
    expect((await ministry({ method: 'POST', url: `/api/v1/projects/${plan.id}/withdraw`, payload })).statusCode).toBe(403);
    expect((await amsterdam(`/api/v1/projects/${plan.id}`)).json().lifecycle.state).toBe('actief');
  });
});

describe('POST /api/v1/projects/{id}/merge', () => {
  it('moves the knelpunten and missing parties to the record that stays and closes the duplicate, in one act audited on both', async () => {
    const stays = await createPlan('Havenkwartier', 200);
    const duplicate = await createPlan('Havenkwartier (dubbel)', 200, {
      parties: [
        { organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' },
        { organisationId: gemeenteOrganisationId('GM0363'), role: 'initiatiefnemer' },
      ],
    });
    const knelpunt = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${duplicate.id}/knelpunten`,
      payload: { category: 'netcongestie', description: 'Geen aansluiting op het net voor 2029.', raisedDate: '2026-10-01' },
    });
    expect(knelpunt.statusCode, knelpunt.body).toBe(201);
    const dupVersion = (await amsterdam(`/api/v1/projects/${duplicate.id}`)).json().version;
    const before = await dashboard();

    const preview = await amsterdam(`/api/v1/projects/${duplicate.id}/merge-preview?into=${stays.id}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      into: { id: stays.id, name: 'Havenkwartier', version: stays.version },
      knelpunten: [{ id: knelpunt.json().id, category: 'netcongestie' }],
      parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'initiatiefnemer' }],
      issues: [],
    });

    const stale = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${duplicate.id}/merge`,
      payload: { version: dupVersion, intoProjectId: stays.id, intoVersion: stays.version + 3 },
    });
    expect(stale.statusCode).toBe(409);

    const res = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${duplicate.id}/merge`,
      payload: { version: dupVersion, intoProjectId: stays.id, intoVersion: stays.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const kept = res.json();
    expect(kept.id).toBe(stays.id);
    expect(kept.version).toBe(stays.version + 1);
    expect(kept.knelpunten.map((k: { id: string }) => k.id)).toEqual([knelpunt.json().id]);
    expect(kept.parties).toContainEqual({ organisationId: gemeenteOrganisationId('GM0363'), role: 'initiatiefnemer' });
    expect(kept.status).not.toBe('groen');

    const closed = (await amsterdam(`/api/v1/projects/${duplicate.id}`)).json();
    expect(closed.lifecycle).toMatchObject({ state: 'samengevoegd', mergedIntoId: stays.id, mergedIntoName: 'Havenkwartier' });
    expect(closed.knelpunten).toEqual([]);

    // Counted nowhere, not planuitval, in no list.
    const after = await dashboard();
    expect(after.summary.totals.projects).toBe(before.summary.totals.projects - 1);
    expect(after.planuitval).toEqual(before.planuitval);
    for (const filter of ['', '&lifecycle=vervallen', '&lifecycle=alle']) expect((await listTotal(filter)).ids).not.toContain(duplicate.id);

    const dupAudit = (await amsterdam(`/api/v1/projects/${duplicate.id}/audit`)).json().items.map((i: { action: string }) => i.action);
    expect(dupAudit).toContain('samengevoegd met Havenkwartier');
    const keptAudit = (await amsterdam(`/api/v1/projects/${stays.id}/audit`)).json().items.map((i: { action: string }) => i.action);
    expect(keptAudit).toContain('project Havenkwartier (dubbel) hierin samengevoegd');
    expect(keptAudit).toContain('knelpunt overgenomen van Havenkwartier (dubbel)');

    // A closed duplicate cannot be merged or withdrawn again.
    const again = await amsterdam({
      method: 'POST',
      url: `/api/v1/projects/${duplicate.id}/withdraw`,
      payload: { version: closed.version, reason: 'x', date: '2026-11-01' },
    });
    expect(again.statusCode).toBe(422);
    // Nor changed: its data lives on in the record that stays (409 naming it; the project itself is unchanged).
    for (const change of [
      { method: 'PATCH' as const, url: `/api/v1/projects/${duplicate.id}`, payload: { version: closed.version, name: 'Nog steeds hier' } },
      {
        method: 'PATCH' as const,
        url: `/api/v1/projects/${duplicate.id}/milestones/M11`,
        payload: { version: closed.version, forecastDate: '2027-05-01' },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/projects/${duplicate.id}/knelpunten`,
        payload: { category: 'stikstof', description: 'x', owner: null, raisedDate: '2026-11-01' },
      },
    ]) {
      const refused = await amsterdam(change);
      expect(refused.statusCode, change.url).toBe(409);
      expect(refused.json().detail).toContain("samengevoegd met 'Havenkwartier'");
    }
    expect((await amsterdam(`/api/v1/projects/${duplicate.id}`)).json().version).toBe(closed.version);
  });

  it('merges only records of the same gemeente that the caller may change', async () => {
    const own = await createPlan('Eigen plan', 10);
    const foreign = await admin({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        name: 'Plan in Groningen',
        gemeenteCode: 'GM0014',
        planStatus: 'vastgesteld',
        programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 10 }],
      },
    });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const payload = { version: own.version, intoProjectId: foreign.json().id, intoVersion: 1 };
    // Amsterdam cannot see the Groningen plan: as unknown.
    expect((await amsterdam({ method: 'POST', url: `/api/v1/projects/${own.id}/merge`, payload })).statusCode).toBe(404);
    // An administrator may change both, but two gemeenten are two plans.
    const refused = await admin({ method: 'POST', url: `/api/v1/projects/${own.id}/merge`, payload });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: 'intoProjectId', code: 'other_gemeente' });
    const self = await amsterdam({ method: 'POST', url: `/api/v1/projects/${own.id}/merge`, payload: { ...payload, intoProjectId: own.id } });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0]).toMatchObject({ code: 'same_project' });
  });
});

describe('simultaneous acts on the same records', () => {
  it('two opposite merges and a withdrawal at once: exactly one goes through, no deadlock, nothing half done', async () => {
    const a = await createPlan('Dubbel A', 10);
    const b = await createPlan('Dubbel B', 10);
    const results = await Promise.all([
      amsterdam({
        method: 'POST',
        url: `/api/v1/projects/${a.id}/merge`,
        payload: { version: a.version, intoProjectId: b.id, intoVersion: b.version },
      }),
      amsterdam({
        method: 'POST',
        url: `/api/v1/projects/${b.id}/merge`,
        payload: { version: b.version, intoProjectId: a.id, intoVersion: a.version },
      }),
      amsterdam({ method: 'POST', url: `/api/v1/projects/${a.id}/withdraw`, payload: { version: a.version, reason: 'Vervalt', date: '2026-11-01' } }),
    ]);
    const codes = results.map((r) => r.statusCode);
    expect(
      codes.filter((c) => c === 200),
      codes.join(','),
    ).toHaveLength(1);
    expect(
      codes.every((c) => c === 200 || c === 409 || c === 422),
      codes.join(','),
    ).toBe(true);
    const states = [
      (await amsterdam(`/api/v1/projects/${a.id}`)).json().lifecycle.state,
      (await amsterdam(`/api/v1/projects/${b.id}`)).json().lifecycle.state,
    ];
    expect(states.filter((s) => s !== 'actief')).toHaveLength(1);
  });
});

describe('DELETE /api/v1/projects/{id}: for a record made in error', () => {
  it('removes the record from every figure and list; the public and other gemeenten cannot', async () => {
    const mistake = await createPlan('Per vergissing aangemaakt', 30);
    const before = await dashboard();
    expect((await otherGemeente({ method: 'DELETE', url: `/api/v1/projects/${mistake.id}?version=${mistake.version}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/projects/${mistake.id}?version=${mistake.version}` })).statusCode).toBe(401);
    expect((await amsterdam({ method: 'DELETE', url: `/api/v1/projects/${mistake.id}?version=${mistake.version}` })).statusCode).toBe(204);
    const after = await dashboard();
    expect(after.summary.totals.projects).toBe(before.summary.totals.projects - 1);
    expect(after.planuitval).toEqual(before.planuitval);
  });
});
