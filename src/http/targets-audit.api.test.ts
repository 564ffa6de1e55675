/** SPEC §7: every change is in the audit trail — targets too, through the API and through an import. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { take } from '../../test/helpers/present.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

let t: TestApp;
let ministry: Inject;
let admin: Inject;
let amsterdam: Inject;
let utrecht: Inject;
let developer: Inject;
let secretary: Inject;
const PARTY = '44444444-4444-4444-8444-444444444444';

beforeAll(async () => {
  t = await createTestApp({
    prepare: (services, db) =>
      services.repositories.organisations.insertMany(db, [
        { id: PARTY, name: 'Audit Ontwikkeling', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
      ]),
  });
  ministry = await t.signedIn('ministerie_analist');
  admin = await t.signedIn('beheerder');
  amsterdam = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') });
  utrecht = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0344', organisationId: gemeenteOrganisationId('GM0344') });
  developer = await t.signedIn('marktpartij_editor', { organisationId: PARTY });
  secretary = await t.signedIn('tafel_secretaris', { regionId: 'vt-amsterdam-e-o' });
});
afterAll(async () => {
  await t?.close();
});

describe('audit trail of targets', () => {
  it('records creation, change and import with who, which fields and the channel', async () => {
    const created = await ministry({
      method: 'POST',
      url: '/api/v1/targets',
      payload: {
        geoLevel: 'provincie',
        geoCode: 'PV26',
        geoName: 'Utrecht',
        periodStart: 2031,
        periodEnd: 2035,
        homes: 50_000,
        kind: 'test',
        sourceUrl: 'https://example.org/a',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await ministry({ method: 'PATCH', url: `/api/v1/targets/${id}`, payload: { version: created.json().version, homes: 52_000 } });
    const csv =
      'geography_level,geography_code,geography_name,period_start,period_end,target_homes,target_type,source_url\nprovince,PV26,Utrecht,2036,2040,40000,test,https://example.org/b';
    expect(
      (await ministry({ method: 'POST', url: '/api/v1/targets/import', headers: { 'content-type': 'text/csv' }, payload: csv })).statusCode,
    ).toBe(200);

    const rows = await t.db.query<{
      entity_id: string;
      action: string;
      via: string;
      actor_name: string;
      changes: Array<{ field: string; old: unknown; new: unknown }>;
    }>("SELECT entity_id, action, via, actor_name, changes FROM audit_log WHERE entity_type = 'doel' ORDER BY id");
    expect(rows.map((r) => [r.action, r.via])).toEqual([
      ['doel aangemaakt', 'api'],
      ['doel gewijzigd', 'api'],
      ['doel aangemaakt', 'import'],
    ]);
    expect(rows[1]?.changes).toEqual([{ field: 'homes', old: 50_000, new: 52_000 }]);
    expect(rows.every((r) => r.actor_name.startsWith('Test ministerie_analist'))).toBe(true);
  });
});

type AuditRow = { entity_id: string; action: string; changes: Array<{ field: string; old: unknown; new: unknown }> };

describe('every changed row is audited (issue 8 item 13, SPEC §7)', () => {
  it('audits the target that stops being preferred when another one becomes preferred', async () => {
    const body = {
      geoLevel: 'provincie',
      geoCode: 'PV25',
      geoName: 'Flevoland',
      periodStart: 2041,
      periodEnd: 2045,
      homes: 10_000,
      sourceUrl: 'https://example.org/p',
    };
    const first = (await ministry({ method: 'POST', url: '/api/v1/targets', payload: { ...body, kind: 'eerste' } })).json();
    expect(first.preferred).toBe(true);
    const second = await ministry({ method: 'POST', url: '/api/v1/targets', payload: { ...body, kind: 'tweede', homes: 12_000 } });
    expect(second.statusCode, second.body).toBe(201);
    const flipped = (await ministry(`/api/v1/targets?geoLevel=provincie&geoCode=PV25`)).json().items.find((x: { id: string }) => x.id === first.id);
    expect(flipped).toMatchObject({ preferred: false, version: first.version + 1 });
    const rows = await t.db.query<AuditRow>(
      "SELECT entity_id, action, changes FROM audit_log WHERE entity_type = 'doel' AND entity_id = $1 ORDER BY id",
      [first.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['doel aangemaakt', `doel niet meer voorkeur (voorkeur nu doel ${second.json().id})`]);
    expect(rows[1]?.changes).toEqual([{ field: 'preferred', old: true, new: false }]);
  });

  it('audits a plancapaciteit norm when it is set and changed', async () => {
    const set = await ministry({
      method: 'PUT',
      url: '/api/v1/national/plancapaciteit/normen/provincie:PV25',
      payload: { norm: 1.1, reason: 'krimp' },
    });
    expect(set.statusCode, set.body).toBe(200);
    await ministry({
      method: 'PUT',
      url: '/api/v1/national/plancapaciteit/normen/provincie:PV25',
      payload: { norm: 1.2, reason: 'krimp', version: set.json().version },
    });
    const rows = await t.db.query<AuditRow>("SELECT entity_id, action, changes FROM audit_log WHERE entity_type = 'plancapaciteitnorm' ORDER BY id");
    expect(rows.map((r) => [r.entity_id, r.action])).toEqual([
      ['provincie:PV25', 'norm ingesteld'],
      ['provincie:PV25', 'norm gewijzigd'],
    ]);
    expect(rows[1]?.changes.map((c) => [c.field, Number(c.old), Number(c.new)])).toEqual([['norm', 1.1, 1.2]]);
  });
});

describe('the audit trail of a deleted project (issue 8 item 13, SPEC §7)', () => {
  async function deletedProject(): Promise<{ id: string; knelpunt: string }> {
    const created = await admin({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        name: `Verdwenen ${Math.random()}`,
        gemeenteCode: 'GM0363',
        planStatus: 'vastgesteld',
        programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 }],
        milestones: [{ code: 'M12', baselineDate: '2030-01-01', forecastDate: '2030-01-01' }],
        parties: [
          { organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' },
          { organisationId: PARTY, role: 'ontwikkelaar' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const knelpunt = (
      await admin({
        method: 'POST',
        url: `/api/v1/projects/${id}/knelpunten`,
        payload: { category: 'stikstof', description: 'Weg', raisedDate: '2026-01-01' },
      })
    ).json().id;
    const { version } = (await admin(`/api/v1/projects/${id}`)).json();
    const deleted = await amsterdam({ method: 'DELETE', url: `/api/v1/projects/${id}?version=${version}` });
    expect([200, 204], deleted.body).toContain(deleted.statusCode);
    expect((await admin(`/api/v1/projects/${id}`)).statusCode).toBe(404);
    return { id, knelpunt };
  }

  it('stays readable by those who could read the project, with the knelpunten that went with it', async () => {
    const { id, knelpunt } = await deletedProject();
    for (const reader of [admin, amsterdam, developer, secretary]) {
      const res = await reader(`/api/v1/projects/${id}/audit`);
      expect(res.statusCode, res.body).toBe(200);
      const actions = res.json().items.map((i: { action: string; entityId: string }) => `${i.action} ${i.entityId}`);
      expect(actions).toContain(`verwijderd ${id}`);
      expect(actions).toContain(`knelpunt verwijderd met het project ${knelpunt}`);
      expect(actions).toContain(`aangemaakt ${id}`);
    }
    expect((await utrecht(`/api/v1/projects/${id}/audit`)).statusCode).toBe(404);
    expect((await t.app.inject(`/api/v1/projects/${id}/audit`)).statusCode).toBe(401);
  });

  it('keeps projects deleted before the change readable: the migration derives their facts from the audit row', async () => {
    const { id } = await deletedProject();
    await t.db.query('DELETE FROM deleted_projects WHERE id = $1', [id]);
    expect((await amsterdam(`/api/v1/projects/${id}/audit`)).statusCode).toBe(404);
    const sql = readFileSync(new URL('../storage/migrations/0009_deleted_projects.sql', import.meta.url), 'utf8');
    await t.db.query(sql.slice(sql.indexOf('INSERT INTO deleted_projects')));
    const [row] = take(
      await t.db.query<{ gemeente_code: string; provincie_code: string; region_ids: string[]; party_organisation_ids: string[] }>(
        'SELECT gemeente_code, provincie_code, region_ids, party_organisation_ids FROM deleted_projects WHERE id = $1',
        [id],
      ),
      1,
    );
    expect(row).toMatchObject({ gemeente_code: 'GM0363', provincie_code: 'PV27' });
    expect([...row.region_ids]).toContain('vt-amsterdam-e-o');
    expect([...row.party_organisation_ids].sort()).toEqual([gemeenteOrganisationId('GM0363'), PARTY].sort());
    expect((await developer(`/api/v1/projects/${id}/audit`)).statusCode).toBe(200);
    expect((await utrecht(`/api/v1/projects/${id}/audit`)).statusCode).toBe(404);
  });
});
