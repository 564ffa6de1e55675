/** SPEC §7: every change is in the audit trail — targets too, through the API and through an import. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithToken, authedInject, TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { createServices } from '../services/container.ts';
import { buildApp } from './app.ts';

let t: TestDb;
let app: FastifyInstance;
let ministry: ReturnType<typeof authedInject>;

beforeAll(async () => {
  t = await createTestDb();
  const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  app = await buildApp({ services });
  ministry = authedInject(app, (await accountWithToken(services, 'ministerie_analist')).headers);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('audit trail of targets', () => {
  it('records creation, change and import with who, which fields and the channel', async () => {
    const created = await ministry({
      method: 'POST',
      url: '/api/v1/targets',
      payload: { geoLevel: 'provincie', geoCode: 'PV26', geoName: 'Utrecht', periodStart: 2031, periodEnd: 2035, homes: 50_000, kind: 'test', sourceUrl: 'https://example.org/a' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await ministry({ method: 'PATCH', url: `/api/v1/targets/${id}`, payload: { version: created.json().version, homes: 52_000 } });
    const csv = 'geography_level,geography_code,geography_name,period_start,period_end,target_homes,target_type,source_url\nprovince,PV26,Utrecht,2036,2040,40000,test,https://example.org/b';
    expect((await ministry({ method: 'POST', url: '/api/v1/targets/import', headers: { 'content-type': 'text/csv' }, payload: csv })).statusCode).toBe(200);

    const rows = await t.db.query<{ entity_id: string; action: string; via: string; actor_name: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>(
      "SELECT entity_id, action, via, actor_name, changes FROM audit_log WHERE entity_type = 'doel' ORDER BY id",
    );
    expect(rows.map((r) => [r.action, r.via])).toEqual([
      ['doel aangemaakt', 'api'],
      ['doel gewijzigd', 'api'],
      ['doel aangemaakt', 'import'],
    ]);
    expect(rows[1].changes).toEqual([{ field: 'homes', old: 50_000, new: 52_000 }]);
    expect(rows.every((r) => r.actor_name.startsWith('Test ministerie_analist'))).toBe(true);
  });
});
