/**
 * API tests of the planlijst import (issue 13 part 1, the web side; SPEC §7 "Excel/CSV import"): inspect,
 * preview (writes nothing), apply (all or nothing), progress and runs, each for the caller's area only
 * (gemeente own, province its gemeenten, table secretary the table's, ministry/admin all; others 403).
 * PGlite by default, PostgreSQL with DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../storage/db.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

let t: TestApp;
let gemeente: Inject;
let province: Inject;
let admin: Inject;

beforeAll(async () => {
  t = await createTestApp();
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363' });
  province = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
  admin = await t.signedIn('beheerder');
});
afterAll(async () => {
  await t?.close();
});

const file = (fileName: string, text: string) => ({ fileName, content: Buffer.from(text, 'utf8').toString('base64') });
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

const CLEAN = csv(
  'Plan-id;Plannaam;Gemeente;Aantal woningen;Sociale huur;Planstatus;Start bouw',
  'A-1;Oostpoort;Amsterdam;120;40;Vastgesteld;1-3-2027',
  'A-2;Zeeburgereiland fase 9;Amsterdam;80;;In voorbereiding;2028',
);

const counts = async () =>
  queryOne<{ projects: number; runs: number; audit: number }>(
    t.db,
    `SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM import_runs)::int AS runs,
       (SELECT count(*) FROM audit_log)::int AS audit`,
  );

async function inspect(as: Inject, body: object) {
  const res = await as({ method: 'POST', url: '/api/v1/imports/planlijst/inspect', payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('POST /api/v1/imports/planlijst/* (issue 13 part 1)', () => {
  it('inspects a file: columns, sample rows, suggested mapping and the values of short value lists', async () => {
    const body = await inspect(gemeente, file('amsterdam.csv', CLEAN));
    expect(body.columns).toEqual(['Plan-id', 'Plannaam', 'Gemeente', 'Aantal woningen', 'Sociale huur', 'Planstatus', 'Start bouw']);
    expect(body.rowCount).toBe(2);
    expect(body.sampleRows[0]).toEqual(['A-1', 'Oostpoort', 'Amsterdam', '120', '40', 'Vastgesteld', '1-3-2027']);
    expect(body.suggested.fields).toMatchObject({ externalId: 'Plan-id', name: 'Plannaam', gemeente: 'Gemeente', planStatus: 'Planstatus' });
    expect(body.valueLists.Planstatus).toEqual(['In voorbereiding', 'Vastgesteld']);
    expect(body.savedMapping).toBeNull();
  });

  it('previews with the row problems and writes nothing; apply of a file with problems writes nothing either', async () => {
    const messy = csv(
      'Plan-id;Plannaam;Gemeente;Aantal woningen',
      'B-1;Goed plan;Amsterdam;10',
      'B-2;Tekst;Amsterdam;veel',
      'B-3;Buiten;Rotterdam;5',
    );
    const { suggested } = await inspect(gemeente, file('messy.csv', messy));
    const before = await counts();
    const preview = await gemeente({
      method: 'POST',
      url: '/api/v1/imports/planlijst/preview',
      payload: { ...file('messy.csv', messy), mapping: suggested },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json();
    expect(report.applied).toBe(false);
    expect(report.rowsRead).toBe(3);
    expect(report.problems.map((p: { row: number; column: string | null }) => [p.row, p.column])).toEqual([
      [3, 'Aantal woningen'],
      [4, 'Gemeente'],
    ]);
    const apply = await gemeente({
      method: 'POST',
      url: '/api/v1/imports/planlijst/apply',
      payload: { ...file('messy.csv', messy), mapping: suggested },
    });
    expect(apply.statusCode, apply.body).toBe(200);
    expect(apply.json()).toMatchObject({ applied: false });
    expect(apply.json().problems).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });

  it('applies a clean file in the gemeente’s own area, reports progress, lists the run; the same file again changes nothing', async () => {
    const { suggested } = await inspect(gemeente, file('amsterdam.csv', CLEAN));
    const progressId = randomUUID();
    const res = await gemeente({
      method: 'POST',
      url: '/api/v1/imports/planlijst/apply',
      payload: { ...file('amsterdam.csv', CLEAN), mapping: suggested, progressId },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ applied: true, created: 2, updated: 0, unchanged: 0, homes: 200, problems: [] });
    const ids = report.changes.map((c: { projectId: string }) => c.projectId);
    for (const id of ids) expect((await gemeente(`/api/v1/projects/${id}`)).json().gemeenteCode).toBe('GM0363');
    expect((await gemeente(`/api/v1/imports/planlijst/progress/${progressId}`)).json()).toMatchObject({ stage: 'klaar' });
    // Someone else's progress id answers as an unknown one.
    expect((await admin(`/api/v1/imports/planlijst/progress/${progressId}`)).statusCode).toBe(404);
    const runs = (await gemeente('/api/v1/imports/planlijst/runs')).json();
    expect(runs[0]).toMatchObject({ source: 'amsterdam', fileName: 'amsterdam.csv', created: 2, rowsRead: 2 });
    // The province's runs are its own area's: the gemeente's run is not among them.
    expect((await province('/api/v1/imports/planlijst/runs')).json()).toEqual([]);
    expect((await admin('/api/v1/imports/planlijst/runs')).json().length).toBeGreaterThan(0);
    // The mapping is saved for this source and offered next time.
    expect((await inspect(gemeente, file('amsterdam.csv', CLEAN))).savedMapping).toMatchObject({ source: 'amsterdam' });
    const again = await gemeente({
      method: 'POST',
      url: '/api/v1/imports/planlijst/apply',
      payload: { ...file('amsterdam.csv', CLEAN), mapping: suggested },
    });
    expect(again.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 2 });
  });

  it('lets a province import for its gemeenten, not for another province’s', async () => {
    const text = csv('Plan-id;Plannaam;Gemeente;Aantal woningen', 'P-1;Haarlem-Zuid;Haarlem;30', 'P-2;Utrecht-West;Utrecht;20');
    const { suggested } = await inspect(province, file('nh.csv', text));
    const report = (
      await province({ method: 'POST', url: '/api/v1/imports/planlijst/preview', payload: { ...file('nh.csv', text), mapping: suggested } })
    ).json();
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ row: 3 });
  });

  it('refuses market parties (403) and the public (401); demo accounts: src/domain/access-planlijst-import.test.ts', async () => {
    const party = await t.signedIn('marktpartij_editor');
    expect((await party({ method: 'POST', url: '/api/v1/imports/planlijst/inspect', payload: file('x.csv', CLEAN) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/imports/planlijst/runs' })).statusCode).toBe(401);
  });

  it('names the field of a bad upload: an empty file, a mapping with an unknown register field', async () => {
    const empty = await gemeente({ method: 'POST', url: '/api/v1/imports/planlijst/inspect', payload: { fileName: 'x.csv', content: '' } });
    expect(empty.statusCode).toBe(400);
    const bad = await gemeente({
      method: 'POST',
      url: '/api/v1/imports/planlijst/preview',
      payload: { ...file('x.csv', CLEAN), mapping: { source: 'x', fields: { kleur: 'Plannaam' } } },
    });
    expect([400, 422]).toContain(bad.statusCode);
    expect(bad.body).toContain('kleur');
  });
});
