/**
 * Figures computed once per data version (issue 15 goal 1, SPEC §7): the Tafeloverzicht is computed once per
 * data version and reused until a write moves the version; a moved milestone shows at once (no stale dashboard),
 * while a closed quarter's figures never change. The version is bumped by the database in the transaction of
 * every data write (migration 0032), not by signing in. PGlite by default, PostgreSQL with DATABASE_URL.
 */
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDataVersion } from '../storage/data-version.repository.ts';
import { DERIVED_TABLES } from '../storage/backup.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

let t: TestApp;
let inject: Inject;

const REGION = 'vt-amsterdam-e-o';
const DASHBOARD = `/api/v1/regions/${REGION}/dashboard?fromYear=2026&toYear=2032`;

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 600, seed: 32, asOf: '2026-10-01' }) });
  inject = await t.signedIn('beheerder');
});
afterAll(async () => {
  await t?.close();
});

async function get(url: string) {
  const res = await inject(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

interface Milestone {
  code: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  delay?: { months: number; severity: string } | null;
}

describe('data version (migration 0032)', () => {
  it('moves with every data write, in the writing transaction, and not when someone signs in', async () => {
    const before = await readDataVersion(t.db);
    await t.signedIn('tafel_secretaris', { regionId: REGION });
    expect((await readDataVersion(t.db)).version).toBe(before.version);
    await t.db.transaction(async (tx) => {
      await tx.query("UPDATE projects SET description = description || '' WHERE id = (SELECT id FROM projects LIMIT 1)");
      // Inside the transaction the new version is there; outside it is not until commit.
      expect((await readDataVersion(tx)).version).toBe(before.version + 1);
    });
    const after = await readDataVersion(t.db);
    expect(after.version).toBe(before.version + 1);
    expect(Date.parse(after.changedAt)).toBeGreaterThanOrEqual(Date.parse(before.changedAt));
  });

  it('every table but the accounts, sessions, tokens, invitations and the audit trail carries the trigger', async () => {
    const rows = await t.db.query<{ tablename: string; bumps: boolean }>(
      `SELECT c.relname AS tablename,
         EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND tg.tgname = 'data_version_bump') AS bumps
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
    );
    const without = rows.filter((r) => !r.bumps).map((r) => r.tablename);
    // The derived tables (migration 0038) are made from the data while figures are read: they must not move the version.
    const notData = ['api_tokens', 'audit_log', 'data_version', 'invitations', 'schema_migrations', 'sessions', 'users', ...DERIVED_TABLES];
    expect(without.sort()).toEqual(notData.sort());
    expect(rows.length).toBeGreaterThan(30);
  });
});

describe('Tafeloverzicht per data version (issue 15: no stale dashboard, closed quarters unchanged)', () => {
  it('computes the figures once per version: a second request, also by another reader of the table, loads nothing again', async () => {
    const dashboards = t.services.repositories.dashboards;
    const load = vi.spyOn(dashboards, 'loadProjects');
    try {
      const first = await get(DASHBOARD);
      const second = await get(DASHBOARD);
      const secretaris = await t.signedIn('tafel_secretaris', { regionId: REGION });
      const third = (await secretaris(DASHBOARD)).json();
      expect(load).toHaveBeenCalledTimes(1);
      expect(second).toEqual(first);
      expect(third.summary).toEqual(first.summary);
      expect(first.dataAsOf).toBe((await readDataVersion(t.db)).changedAt);
    } finally {
      load.mockRestore();
    }
  });

  it('a moved milestone shows at once on the dashboard; the closed quarter’s figures stay as they were', async () => {
    // A closed quarter of the table.
    const opened = await inject({ method: 'POST', url: `/api/v1/regions/${REGION}/rounds`, payload: { quarter: '2026-Q3', deadline: '2026-09-30' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const roundId = opened.json().id as string;
    const closed = await inject({ method: 'POST', url: `/api/v1/rounds/${roundId}/close` });
    expect(closed.statusCode, closed.body).toBe(200);

    const before = await get(DASHBOARD);
    // A project of the table whose oplevering (M12) is still to come and not delayed.
    let target: { id: string; version: number; m12: Milestone } | undefined;
    const points = (await get(`/api/v1/regions/${REGION}/map-points?fromYear=2026&toYear=2032`)).mapPoints as Array<[string]>;
    for (const [id] of points) {
      const p = await get(`/api/v1/projects/${id}`);
      const m12 = (p.milestones as Milestone[]).find((m) => m.code === 'M12');
      if (m12?.baselineDate && !m12.actualDate && m12.baselineDate < '2031-01-01' && (m12.delay?.severity ?? 'geen') === 'geen') {
        target = { id: p.id, version: p.version, m12 };
        break;
      }
    }
    expect(target, 'a project with a pending, undelayed M12').toBeDefined();
    const quarterBefore = await get(`/api/v1/rounds/${roundId}`);
    const frozenBefore = await get(`/api/v1/rounds/${roundId}/projects/${target!.id}`);
    const versionBefore = (await readDataVersion(t.db)).version;

    const moved = await inject({
      method: 'PATCH',
      url: `/api/v1/projects/${target!.id}/milestones/M12`,
      payload: { version: target!.version, forecastDate: '2034-06-01', delayReason: { category: 'netcongestie', text: 'Netaansluiting pas later' } },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await readDataVersion(t.db)).version).toBeGreaterThan(versionBefore);

    const after = await get(DASHBOARD);
    expect(after.summary.delayedMilestones.count).toBe(before.summary.delayedMilestones.count + 1);
    // Among the worst sent with the dashboard (more than three years late), and in the drill-down list.
    expect(after.summary.delayedMilestones.items).toContainEqual(
      expect.objectContaining({ projectId: target!.id, code: 'M12', forecastDate: '2034-06-01', severity: 'ernstig' }),
    );
    expect(after.summary.delayedMilestones.projects).toBeGreaterThanOrEqual(before.summary.delayedMilestones.projects);
    expect(Date.parse(after.dataAsOf)).toBeGreaterThanOrEqual(Date.parse(before.dataAsOf));

    // The closed quarter: the same round figures and the same frozen project as before the move.
    expect(await get(`/api/v1/rounds/${roundId}`)).toEqual(quarterBefore);
    const frozenAfter = await get(`/api/v1/rounds/${roundId}/projects/${target!.id}`);
    expect(frozenAfter).toEqual(frozenBefore);
    expect((frozenAfter.milestones as Milestone[]).find((m) => m.code === 'M12')!.forecastDate).toBe(target!.m12.forecastDate);
  });

  it('a write made outside the services (another server process on the same database) also invalidates', async () => {
    const before = await get(DASHBOARD);
    const [row] = await t.db.query<{ year: number }>(
      `UPDATE project_jaarschijven SET homes = homes + 1000
       WHERE (project_id, year, segment) = (
         SELECT s.project_id, s.year, s.segment FROM project_jaarschijven s JOIN projects p ON p.id = s.project_id
           JOIN region_gemeenten rg ON rg.gemeente_code = p.gemeente_code AND rg.region_id = $1
         WHERE p.withdrawn_date IS NULL AND p.merged_at IS NULL AND s.year BETWEEN 2026 AND 2032 ORDER BY s.project_id, s.year, s.segment LIMIT 1)
       RETURNING year`,
      [REGION],
    );
    const after = await get(DASHBOARD);
    expect(after.summary.totals.projects).toBe(before.summary.totals.projects);
    const year = (d: { summary: { perYear: Array<{ year: number; expected: number }> } }) =>
      d.summary.perYear.find((y) => y.year === row!.year)!.expected;
    expect(year(after) - year(before)).toBe(1000);
  });
});

/** The body of a GET asked with Accept-Encoding br, decompressed. */
async function brotli(url: string) {
  const res = await inject({ url, headers: { 'accept-encoding': 'br' } });
  expect(res.headers['content-encoding']).toBe('br');
  return JSON.parse(brotliDecompressSync(res.rawPayload).toString());
}

describe('project list pages per data version (issue 15 goal 1)', () => {
  it('a page is read once per version and scope; another scope reads its own; a write shows at once', async () => {
    const list = vi.spyOn(t.services.repositories.projects, 'list');
    const url = '/api/v1/projects?limit=10&sort=name';
    try {
      const first = await get(url);
      expect(await get(url)).toEqual(first);
      expect(await brotli(url)).toEqual(first); // the compressed bytes, made once for the page
      expect(list).toHaveBeenCalledTimes(1);

      // The table secretary's scope is the table: its own page, never the administrator's.
      const secretaris = await t.signedIn('tafel_secretaris', { regionId: REGION });
      const own = (await secretaris(url)).json();
      expect(list).toHaveBeenCalledTimes(2);
      const inTable = new Set(
        (await t.db.query<{ gemeente_code: string }>('SELECT gemeente_code FROM region_gemeenten WHERE region_id = $1', [REGION])).map(
          (r) => r.gemeente_code,
        ),
      );
      expect(own.items.length).toBeGreaterThan(0);
      for (const item of own.items as Array<{ gemeenteCode: string }>) expect(inTable.has(item.gemeenteCode)).toBe(true);

      // A write: the next request reads the page again and shows the change.
      const target = first.items[0] as { id: string };
      const project = await get(`/api/v1/projects/${target.id}`);
      const renamed = await inject({
        method: 'PATCH',
        url: `/api/v1/projects/${target.id}`,
        payload: { version: project.version, name: 'Aaa hernoemd project' },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const after = await get(url);
      expect(list).toHaveBeenCalledTimes(3);
      expect(after.items.find((i: { id: string }) => i.id === target.id)?.name).toBe('Aaa hernoemd project');
      expect(await brotli(url)).toEqual(after); // not the compressed bytes of the page before the write
    } finally {
      list.mockRestore();
    }
  });
});
