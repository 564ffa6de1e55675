/**
 * Round trip (issue 13 Done-when: "a clean file of the demo dataset exported and re-imported gives an identical
 * register"; SPEC §7): 200 demo projects exported through the API as CSV and as XLSX, each imported with the
 * automatic suggestions (no mapping file) into a fresh database with the same reference data, compared field by
 * field for every field of the planlijst contract: name, gemeente, plan status, origin, flags, description,
 * location, homes per segment / woningtype / doelgroep, jaarschijven per year and segment, the 36 milestone dates,
 * synthetic. Parties, knelpunten, open books and history are not part of a planlijst.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../domain/audit.ts';
import type { Db } from '../storage/db.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { accountWithToken } from '../../test/helpers/auth.ts';

let source: TestApp;
let admin: Inject;

beforeAll(async () => {
  source = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 200, seed: 21, asOf: '2026-10-01' }) });
  admin = await source.signedIn('beheerder');
  // Text that a spreadsheet would run as a formula: the CSV protects it, the import reads it back as it was.
  await source.db.query(
    `UPDATE projects SET name = '=Noord +1', description = '-eerste fase' WHERE id = (SELECT id FROM projects WHERE withdrawn_date IS NULL ORDER BY id LIMIT 1)`,
  );
});
afterAll(async () => {
  await source?.close();
});

/** Every contract field of every project, keyed by a project id, read with SQL (not through the export or import code). */
async function register(db: Db, ids?: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const where = ids ? 'WHERE p.id = ANY($1::uuid[])' : 'WHERE p.withdrawn_date IS NULL AND p.merged_at IS NULL';
  const rows = await db.query<Record<string, unknown> & { id: string }>(
    `SELECT p.id, p.name, p.gemeente_code, p.plan_status, p.origin, p.flags, COALESCE(p.description, '') AS description,
        round(p.lon::numeric, 6)::text AS lon, round(p.lat::numeric, 6)::text AS lat, p.synthetic,
        (SELECT json_object_agg(k, v) FROM (SELECT x.segment AS k, sum(x.homes) AS v FROM project_programme x WHERE x.project_id = p.id GROUP BY x.segment HAVING sum(x.homes) > 0) a) AS segments,
        (SELECT json_object_agg(k, v) FROM (SELECT x.woningtype AS k, sum(x.homes) AS v FROM project_programme x WHERE x.project_id = p.id AND x.woningtype <> 'onbekend' GROUP BY x.woningtype HAVING sum(x.homes) > 0) a) AS woningtypes,
        (SELECT json_object_agg(k, v) FROM (SELECT x.doelgroep AS k, sum(x.homes) AS v FROM project_programme x WHERE x.project_id = p.id AND x.doelgroep <> 'regulier' GROUP BY x.doelgroep HAVING sum(x.homes) > 0) a) AS doelgroepen,
        (SELECT json_object_agg(s.year || ' ' || s.segment, s.homes) FROM project_jaarschijven s WHERE s.project_id = p.id AND s.homes > 0) AS jaarschijven,
        (SELECT json_object_agg(m.code, json_build_array(m.baseline_date, m.forecast_date, m.actual_date))
           FROM project_milestones m WHERE m.project_id = p.id AND (m.baseline_date IS NOT NULL OR m.forecast_date IS NOT NULL OR m.actual_date IS NOT NULL)) AS milestones
      FROM projects p ${where}`,
    ids ? [ids] : [],
  );
  return new Map(
    rows.map(({ id, ...r }) => {
      const sortKeys = (o: unknown) =>
        o ? Object.fromEntries(Object.entries(o as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : {};
      return [
        id,
        {
          ...r,
          flags: [...(r.flags as string[])].sort(),
          segments: sortKeys(r.segments),
          woningtypes: sortKeys(r.woningtypes),
          doelgroepen: sortKeys(r.doelgroepen),
          jaarschijven: sortKeys(r.jaarschijven),
          milestones: sortKeys(r.milestones),
        },
      ];
    }),
  );
}

async function roundTrip(fileName: string, bytes: Buffer) {
  const target = await createTestApp();
  try {
    const { principal } = await accountWithToken(target.services, 'beheerder');
    const actor: Actor = { principal, via: 'import' };
    const file = { name: fileName, bytes: new Uint8Array(bytes) };
    // The automatic suggestions only: the export must map without a mapping file (contract).
    const { suggested } = await target.services.planlijstImport.inspect(file);
    const report = await target.services.planlijstImport.apply(file, suggested, actor, { gemeenteCodes: 'all' });
    expect(report.problems, JSON.stringify(report.problems.slice(0, 5))).toEqual([]);
    expect(report.applied).toBe(true);
    const imported = new Map(report.changes.filter((c) => c.kind === 'created').map((c) => [c.externalId, c.projectId!]));
    const before = await register(source.db);
    expect(imported.size).toBe(before.size);
    const after = await register(target.db, [...imported.values()]);
    for (const [id, fields] of before) {
      const copy = after.get(imported.get(id)!);
      expect(copy, `${fileName}: project ${id}`).toEqual(fields);
    }
    // Importing the same file again into the register it came into changes nothing.
    const again = await target.services.planlijstImport.apply(file, suggested, actor, { gemeenteCodes: 'all' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: before.size });
    return report;
  } finally {
    await target.close();
  }
}

describe('export → import round trip of the demo register (issue 13 Done-when; SPEC §7)', () => {
  it('CSV: an identical register for every field of the planlijst contract', async () => {
    const res = await admin('/api/v1/projects/export.csv');
    expect(res.statusCode).toBe(200);
    const report = await roundTrip('projecten.csv', res.rawPayload);
    expect(report.rowsRead).toBeGreaterThan(150);
  }, 120_000);

  it('XLSX: an identical register for every field of the planlijst contract', async () => {
    const res = await admin('/api/v1/projects/export.xlsx');
    expect(res.statusCode).toBe(200);
    await roundTrip('projecten.xlsx', res.rawPayload);
  }, 120_000);
});
