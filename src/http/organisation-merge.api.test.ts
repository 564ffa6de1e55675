/**
 * Merging duplicate organisations with history kept (issue 11 item 2; SPEC §2 "Organisation", §7): every reference
 * moves to the organisation kept in one transaction, the duplicate stays marked, both get an audit entry; who may,
 * stale versions and public bodies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectInput } from '../../test/helpers/builders.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { ANONYMOUS, type Principal } from '../domain/access.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

let t: TestApp;
let admin: Inject;
let province: Inject;
let ministry: Inject;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedIn('beheerder');
  province = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
  ministry = await t.signedIn('ministerie_analist');
});
afterAll(async () => {
  await t?.close();
});

interface Org {
  id: string;
  name: string;
  version: number;
  kvkNumber: string | null;
}
let n = 0;
const register = async (payload: Record<string, unknown> = {}): Promise<Org> => {
  const res = await admin({ method: 'POST', url: '/api/v1/organisations', payload: { name: `Bouwer ${++n} BV`, type: 'ontwikkelaar', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const project = async (parties: Array<{ organisationId: string; role: string }>): Promise<string> => {
  const res = await admin({ method: 'POST', url: '/api/v1/projects', payload: projectInput({ name: `Merge ${++n}`, parties: parties as never }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
};
const merge = (as: Inject, dup: Org, into: Org, versions: Partial<{ version: number; intoVersion: number }> = {}) =>
  as({
    method: 'POST',
    url: `/api/v1/organisations/${dup.id}/merge`,
    payload: { intoOrganisationId: into.id, version: dup.version, intoVersion: into.version, ...versions },
  });
const round = async (quarter: string): Promise<string> => {
  const id = randomUUID();
  await t.db.query(`INSERT INTO rounds (id, region_id, quarter, deadline) VALUES ($1, 'vt-u10', $2, '2030-01-01')`, [id, quarter]);
  return id;
};
const deliver = (roundId: string, projectId: string, org: string, at: string) =>
  t.db.query(`INSERT INTO round_deliveries (round_id, project_id, organisation_id, via, delivered_at) VALUES ($1, $2, $3, 'bevestigd', $4)`, [
    roundId,
    projectId,
    org,
    at,
  ]);

describe('merging a duplicate organisation', () => {
  it('previews the counts, then moves projects, people and open-round deliveries; the duplicate stays, marked, out of the list', async () => {
    const dup = await register({ kvkNumber: '87654321' });
    const kept = await register();
    const both = await project([
      { organisationId: dup.id, role: 'ontwikkelaar' },
      { organisationId: kept.id, role: 'ontwikkelaar' },
    ]);
    const onlyDup = await project([{ organisationId: dup.id, role: 'bouwer' }]);
    const user = await t.signedIn('marktpartij_editor', { organisationId: dup.id });
    const closed = await round('2030-Q4');
    await deliver(closed, onlyDup, dup.id, '2030-10-10T10:00:00Z');
    await t.db.query('UPDATE rounds SET closed_at = now(), project_count = 1 WHERE id = $1', [closed]);
    const open = await round('2031-Q1');
    await deliver(open, both, dup.id, '2031-01-10T10:00:00Z');
    await deliver(open, both, kept.id, '2031-01-05T10:00:00Z');

    // Both current members of one table: the duplicate's membership ends and stays as history; another one moves.
    await t.db.query(
      `INSERT INTO region_organisations (region_id, organisation_id, joined_on) VALUES ('vt-u10', $1, '2025-01-01'), ('vt-u10', $2, '2025-06-01'),
       ((SELECT id FROM regions WHERE id <> 'vt-u10' ORDER BY id LIMIT 1), $1, '2024-01-01')`,
      [dup.id, kept.id],
    );
    await t.db.query(
      `INSERT INTO invitations (id, token_hash, email, name, role, organisation_id, expires_at) VALUES ($1, $2, 'nieuw@example.invalid', 'Nieuw', 'marktpartij_editor', $3, now() + interval '7 days')`,
      [randomUUID(), randomUUID(), dup.id],
    );
    const preview = await province({ url: `/api/v1/organisations/${dup.id}/merge-preview?into=${kept.id}` });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().counts).toEqual({ projects: 2, people: 1, deliveries: 1, regions: 2, invitations: 1 });
    expect(preview.json().into.name).toBe(kept.name);

    const res = await merge(province, dup, kept);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().organisation.mergedInto).toEqual({ id: kept.id, name: kept.name });
    // The KvK number goes along when the organisation kept had none.
    expect(res.json().into.kvkNumber).toBe('87654321');

    const parties = await t.db.query<{ project_id: string; organisation_id: string; role: string }>(
      'SELECT project_id, organisation_id, role FROM project_parties WHERE project_id = ANY($1::uuid[]) ORDER BY role',
      [[both, onlyDup]],
    );
    expect(parties.filter((p) => p.organisation_id === dup.id)).toEqual([]);
    expect(parties.filter((p) => p.project_id === both)).toHaveLength(1);
    expect(parties.find((p) => p.project_id === onlyDup)).toMatchObject({ organisation_id: kept.id, role: 'bouwer' });
    // The person now works for the organisation kept and still sees the project.
    expect((await user({ url: `/api/v1/projects/${onlyDup}` })).statusCode).toBe(200);
    // Open round: one delivery, the later one; closed round: frozen as it was.
    const deliveries = await t.db.query<{ round_id: string; organisation_id: string; delivered_at: Date }>(
      'SELECT round_id, organisation_id, delivered_at FROM round_deliveries WHERE round_id = ANY($1::uuid[])',
      [[open, closed]],
    );
    expect(deliveries.filter((d) => d.round_id === open).map((d) => [d.organisation_id, new Date(d.delivered_at).toISOString()])).toEqual([
      [kept.id, '2031-01-10T10:00:00.000Z'],
    ]);
    expect(deliveries.filter((d) => d.round_id === closed).map((d) => d.organisation_id)).toEqual([dup.id]);

    const memberships = await t.db.query<{ organisation_id: string; joined_on: unknown; left_on: unknown }>(
      `SELECT organisation_id, joined_on::text, left_on FROM region_organisations WHERE organisation_id = ANY($1::uuid[]) ORDER BY joined_on`,
      [[dup.id, kept.id]],
    );
    expect(memberships.map((m) => [m.organisation_id, m.joined_on, m.left_on === null])).toEqual([
      [kept.id, '2024-01-01', true],
      [kept.id, '2025-01-01', false],
      [kept.id, '2025-06-01', true],
    ]);
    const [invitation] = await t.db.query<{ organisation_id: string }>(
      `SELECT organisation_id FROM invitations WHERE email = 'nieuw@example.invalid'`,
    );
    expect(invitation?.organisation_id).toBe(kept.id);

    const list = (await ministry({ url: '/api/v1/organisations' })).json() as Org[];
    expect(list.map((o) => o.id)).toContain(kept.id);
    expect(list.map((o) => o.id)).not.toContain(dup.id);
    const gone = await ministry({ url: `/api/v1/organisations/${dup.id}` });
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toMatchObject({ mergedInto: { id: kept.id, name: kept.name } });
    expect(typeof gone.json().mergedAt).toBe('string');

    const trail = await t.db.query<{ entity_id: string; action: string; changes: Array<{ field: string; new: unknown }> }>(
      `SELECT entity_id, action, changes FROM audit_log WHERE entity_type = 'organisatie' AND action = 'samengevoegd' AND entity_id = ANY($1) ORDER BY entity_id`,
      [[dup.id, kept.id]],
    );
    expect(trail.map((e) => e.entity_id).sort()).toEqual([dup.id, kept.id].sort());
    for (const e of trail) expect(e.changes).toEqual(expect.arrayContaining([{ field: 'moved.projects', old: null, new: 2 }]));

    // A merged duplicate is not a new party any more.
    const stale = await admin({
      method: 'POST',
      url: '/api/v1/projects',
      payload: projectInput({ parties: [{ organisationId: dup.id, role: 'bouwer' }] }),
    });
    expect(stale.statusCode).toBe(422);
    // And it cannot be merged again.
    const again = await merge(admin, { ...dup, version: dup.version + 1 }, { ...kept, version: kept.version + 2 });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ code: 'already_merged' });
  });

  it('a stale version of either organisation answers 409 and nothing moves', async () => {
    const dup = await register();
    const kept = await register();
    const p = await project([{ organisationId: dup.id, role: 'ontwikkelaar' }]);
    expect((await merge(admin, dup, kept, { version: dup.version + 1 })).statusCode).toBe(409);
    expect((await merge(admin, dup, kept, { intoVersion: kept.version + 1 })).statusCode).toBe(409);
    const [party] = await t.db.query<{ organisation_id: string }>('SELECT organisation_id FROM project_parties WHERE project_id = $1', [p]);
    expect(party?.organisation_id).toBe(dup.id);
  });

  it('gemeenten are merged by herindeling, not here (422 with the reason); a ministry analyst may not merge (403)', async () => {
    const kept = await register();
    const gemeente = { id: gemeenteOrganisationId('GM0363'), name: 'Amsterdam', version: 1, kvkNumber: null };
    const res = await merge(admin, gemeente, kept);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'id', code: 'public_body' });
    expect(res.json().errors[0].message).toMatch(/herindeling/);
    expect((await merge(admin, kept, kept)).json().errors[0]).toMatchObject({ code: 'same_organisation' });
    const dup = await register();
    expect((await merge(ministry, dup, kept)).statusCode).toBe(403);
    expect((await ministry({ url: `/api/v1/organisations/${dup.id}/merge-preview?into=${kept.id}` })).statusCode).toBe(403);
  });

  it('a demo administrator does not learn of real organisations (404) and never merges demo data into real data', async () => {
    const demoAdmin: Principal = { ...ANONYMOUS, kind: 'user', name: 'Demo beheerder', role: 'beheerder', demo: true };
    const real = await register();
    const demo = await t.services.organisations.create({ name: 'Demo BV', type: 'bouwer' }, demoAdmin);
    await expect(
      t.services.organisations.merge(demo.id, { intoOrganisationId: real.id, version: 1, intoVersion: 1 }, demoAdmin),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const mixed = await merge(admin, demo, real);
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().errors[0]).toMatchObject({ code: 'demo_and_real' });
  });
});
