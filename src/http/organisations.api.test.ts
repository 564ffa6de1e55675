/**
 * The organisations register (issue 11 item 2; SPEC §2 "Organisation", §7): registering a market party or
 * corporation with its KvK number, correcting it with optimistic locking, the audit trail, and who may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import type { Principal } from '../domain/access.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

let t: TestApp;
let admin: Inject;
let province: Inject;
let ministry: Inject;
let developer: Inject;
let amsterdam: Inject;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedIn('beheerder');
  province = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
  ministry = await t.signedIn('ministerie_analist');
  developer = await t.signedIn('marktpartij_editor');
  amsterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') });
});
afterAll(async () => {
  await t?.close();
});

const register = (as: Inject, payload: Record<string, unknown>) => as({ method: 'POST', url: '/api/v1/organisations', payload });

async function auditOf(id: string) {
  return t.db.query<{ action: string; actor_name: string; via: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>(
    `SELECT action, actor_name, via, changes FROM audit_log WHERE entity_type = 'organisatie' AND entity_id = $1 ORDER BY id`,
    [id],
  );
}

describe('registering an organisation', () => {
  it('registers a market party with its KvK number and website; it is listed and audited', async () => {
    const res = await register(admin, {
      name: '  Bouwbedrijf De Toekomst BV ',
      type: 'ontwikkelaar',
      kvkNumber: '12345678',
      website: 'https://toekomst.example',
    });
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      name: 'Bouwbedrijf De Toekomst BV',
      type: 'ontwikkelaar',
      kvkNumber: '12345678',
      website: 'https://toekomst.example',
      gemeenteCode: null,
      synthetic: false,
      version: 1,
    });
    expect(res.headers.location).toBe(`/api/v1/organisations/${org.id}`);
    expect(typeof org.createdAt).toBe('string');
    const listed = (await developer({ url: '/api/v1/organisations?type=ontwikkelaar' })).json() as Array<{ id: string; kvkNumber: string | null }>;
    expect(listed.find((o) => o.id === org.id)?.kvkNumber).toBe('12345678');
    const trail = await auditOf(org.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'organisatie geregistreerd', via: 'api' });
    expect(trail[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', old: null, new: 'Bouwbedrijf De Toekomst BV' },
        { field: 'kvkNumber', old: null, new: '12345678' },
      ]),
    );
  });

  it('a province analyst registers a corporation without a KvK number', async () => {
    const res = await register(province, { name: 'Woonstichting Noord', type: 'corporatie' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kvkNumber: null, website: null, type: 'corporatie' });
  });

  it.each([
    ['1234567', 'too short'],
    ['123456789', 'too long'],
    ['1234 567', 'with a space'],
    ['abcdefgh', 'letters'],
  ])('refuses KvK number %s (%s) with a Dutch message at kvkNumber; nothing is saved', async (kvkNumber) => {
    const before = (await admin('/api/v1/organisations')).json().length;
    const res = await register(admin, { name: 'Fout BV', type: 'bouwer', kvkNumber });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'kvkNumber', message: expect.stringContaining('8 cijfers') })]);
    expect((await admin('/api/v1/organisations')).json()).toHaveLength(before);
  });

  it('refuses an empty name, a gemeente or province, and a website that is not a web address, each at its field', async () => {
    const res = await register(admin, { name: ' ', type: 'gemeente', website: 'toekomst' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as Array<{ path: string; message: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['name', 'type', 'website']);
    expect(res.json().errors.find((e: { path: string }) => e.path === 'name').message).toBe('Vul de naam van de organisatie in.');
    expect((await register(admin, { name: 'Provincie X', type: 'provincie' })).statusCode).toBe(400);
  });

  it('answers 409 naming the organisation that has the KvK number already; nothing is saved', async () => {
    const first = (await register(admin, { name: 'Eerste Belegger NV', type: 'belegger', kvkNumber: '87654321' })).json();
    const res = await register(province, { name: 'Tweede Belegger NV', type: 'belegger', kvkNumber: '87654321' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('Eerste Belegger NV');
    expect(res.json().detail).toContain(first.id);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'kvkNumber', code: 'duplicate' })]);
    const names = ((await admin('/api/v1/organisations')).json() as Array<{ name: string }>).map((o) => o.name);
    expect(names).not.toContain('Tweede Belegger NV');
  });

  it('refuses everyone else with 403 (and the public with 401)', async () => {
    for (const as of [ministry, developer, amsterdam]) {
      const res = await register(as, { name: 'Niet toegestaan BV', type: 'ontwikkelaar' });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/beheerder|toegang/);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/organisations', payload: { name: 'X', type: 'overig' } })).statusCode).toBe(401);
  });
});

describe('correcting an organisation', () => {
  it('renames and corrects the KvK number with the current version; the change is audited', async () => {
    const org = (await register(admin, { name: 'Bouwers Combinatie', type: 'bouwer', kvkNumber: '11112222' })).json();
    const res = await province({
      method: 'PATCH',
      url: `/api/v1/organisations/${org.id}`,
      payload: { version: 1, name: 'Bouwers Combinatie BV', kvkNumber: '11113333' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Bouwers Combinatie BV', kvkNumber: '11113333', version: 2 });
    const trail = await auditOf(org.id);
    expect(trail.map((e) => e.action)).toEqual(['organisatie geregistreerd', 'organisatie gewijzigd']);
    expect(trail[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', old: 'Bouwers Combinatie', new: 'Bouwers Combinatie BV' },
        { field: 'kvkNumber', old: '11112222', new: '11113333' },
      ]),
    );
    // The old number is free again.
    expect((await register(admin, { name: 'Nieuwe Bouwer', type: 'bouwer', kvkNumber: '11112222' })).statusCode).toBe(201);
  });

  it('answers 409 with the current version to a stale version, and changes nothing', async () => {
    const org = (await register(admin, { name: 'Versie Vastgoed', type: 'belegger' })).json();
    await admin({ method: 'PATCH', url: `/api/v1/organisations/${org.id}`, payload: { version: 1, name: 'Versie Vastgoed BV' } });
    const stale = await province({ method: 'PATCH', url: `/api/v1/organisations/${org.id}`, payload: { version: 1, name: 'Andere naam' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
    const listed = ((await admin('/api/v1/organisations')).json() as Array<{ id: string; name: string }>).find((o) => o.id === org.id);
    expect(listed?.name).toBe('Versie Vastgoed BV');
    expect(await auditOf(org.id)).toHaveLength(2);
  });

  it('answers 409 to a KvK number that another organisation has', async () => {
    await register(admin, { name: 'Houder NV', type: 'overig', kvkNumber: '22223333' });
    const other = (await register(admin, { name: 'Ander NV', type: 'overig' })).json();
    const res = await admin({ method: 'PATCH', url: `/api/v1/organisations/${other.id}`, payload: { version: 1, kvkNumber: '22223333' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('Houder NV');
  });

  it('refuses changing a gemeente (reference data), an unknown id, and roles that may not', async () => {
    const gemeente = await admin({
      method: 'PATCH',
      url: `/api/v1/organisations/${gemeenteOrganisationId('GM0363')}`,
      payload: { version: 1, name: 'Mokum' },
    });
    expect(gemeente.statusCode).toBe(403);
    expect(gemeente.json().detail).toContain('referentielijst');
    const unknown = await admin({ method: 'PATCH', url: `/api/v1/organisations/${crypto.randomUUID()}`, payload: { version: 1, name: 'X' } });
    expect(unknown.statusCode).toBe(404);
    const org = (await register(admin, { name: 'Vaste Naam BV', type: 'ontwikkelaar' })).json();
    for (const as of [ministry, developer, amsterdam]) {
      expect((await as({ method: 'PATCH', url: `/api/v1/organisations/${org.id}`, payload: { version: 1, name: 'Anders' } })).statusCode).toBe(403);
    }
    expect(await auditOf(org.id)).toHaveLength(1);
  });
});

describe('demo accounts (SPEC §7)', () => {
  const demoAdmin: Principal = {
    kind: 'user',
    userId: null,
    name: 'Demo beheerder',
    role: 'beheerder',
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
    demo: true,
  };

  it('what a demo account registers is synthetic demo data; it may correct only demo organisations', async () => {
    const real = (await register(admin, { name: 'Echte Partij BV', type: 'ontwikkelaar', kvkNumber: '33334444' })).json();
    const made = await t.services.organisations.create({ name: 'Demo Partij BV', type: 'ontwikkelaar', kvkNumber: '33335555' }, demoAdmin);
    expect(made.synthetic).toBe(true);
    const renamed = await t.services.organisations.update(made.id, 1, { name: 'Demo Partij 2 BV' }, demoAdmin);
    expect(renamed.name).toBe('Demo Partij 2 BV');
    // A real market party is out of the demo scope: it answers as unknown.
    await expect(t.services.organisations.update(real.id, 1, { name: 'Gekaapt' }, demoAdmin)).rejects.toMatchObject({ code: 'not_found' });
    // A KvK number of a real organisation: 409 without naming it.
    const clash = t.services.organisations.create({ name: 'Demo Kopie', type: 'ontwikkelaar', kvkNumber: '33334444' }, demoAdmin);
    await expect(clash).rejects.toMatchObject({ code: 'duplicate' });
    await expect(clash).rejects.not.toThrow(/Echte Partij/);
  });
});
