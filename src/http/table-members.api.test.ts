/**
 * A table's own gemeenten and market parties on the table's overview and alternatives (issue 8 items 8
 * and 24). SPEC §1: gemeenten and market parties take part in their versnellingstafel; §7: unpublished
 * project-level information is visible only to those involved, figures of the table are aggregates.
 * PGlite by default, PostgreSQL with DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../storage/db.ts';
import { at, take } from '../../test/helpers/present.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

const TABLE = 'vt-amsterdam-e-o';
let t: TestApp;
let admin: Inject;
let secretary: Inject;
let gemeente: Inject;
let party: Inject;
let outsider: Inject;
let partyId = '';
/** The projects the market party is party to, in the table's gemeenten. */
let partyProjects = new Set<string>();

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 400, seed: 5, asOf: '2026-10-01' }) });
  // The market party with the most projects in Amsterdam (as the demo market party account is chosen).
  const [row] = take(
    await t.db.query<{ organisation_id: string }>(
      `SELECT pp.organisation_id FROM project_parties pp JOIN projects p ON p.id = pp.project_id JOIN organisations o ON o.id = pp.organisation_id
     WHERE p.gemeente_code = 'GM0363' AND o.type <> 'gemeente' GROUP BY pp.organisation_id ORDER BY count(*) DESC, pp.organisation_id LIMIT 1`,
    ),
    1,
  );
  partyId = row.organisation_id;
  const rows = await t.db.query<{ id: string }>(
    `SELECT DISTINCT p.id FROM projects p JOIN project_parties pp ON pp.project_id = p.id
     WHERE pp.organisation_id = $1 AND p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = $2)`,
    [partyId, TABLE],
  );
  partyProjects = new Set(rows.map((r) => r.id));
  admin = await t.signedIn('beheerder');
  secretary = await t.signedIn('tafel_secretaris', { regionId: TABLE });
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') });
  party = await t.signedIn('marktpartij_editor', { organisationId: partyId });
  outsider = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0344', organisationId: gemeenteOrganisationId('GM0344') });
});
afterAll(async () => {
  await t?.close();
});

const gemeenteOf = async (id: string) => at(await t.db.query<{ g: string }>('SELECT gemeente_code AS g FROM projects WHERE id = $1', [id]), 0).g;

describe('the Tafeloverzicht for the table’s own gemeenten and market parties (issue 8 item 24)', () => {
  it('gives a gemeente of the table the table’s aggregates, and names and places of its own projects only', async () => {
    const full = (await secretary(`/api/v1/regions/${TABLE}/dashboard?fromYear=2026&toYear=2030`)).json();
    const res = await gemeente(`/api/v1/regions/${TABLE}/dashboard?fromYear=2026&toYear=2030`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(full.access).toEqual({ view: 'full', ownProjects: full.summary.totals.projects });
    expect(body.access.view).toBe('member');
    // The aggregates are the table's, the same as the secretary's.
    expect(body.summary.totals).toEqual(full.summary.totals);
    expect(body.summary.perYear).toEqual(full.summary.perYear);
    expect(body.summary.byPhase).toEqual(full.summary.byPhase);
    expect(body.summary.delayedMilestones.count).toBe(full.summary.delayedMilestones.count);
    // Project names only of Amsterdam's own projects.
    const points = (await gemeente(`/api/v1/regions/${TABLE}/map-points?fromYear=2026&toYear=2030`)).json();
    const fullPoints = (await secretary(`/api/v1/regions/${TABLE}/map-points?fromYear=2026&toYear=2030`)).json();
    expect([points.view, fullPoints.view]).toEqual(['member', 'full']);
    expect(points.mapPoints).toHaveLength(body.summary.mapPointCount);
    const named = [
      ...points.mapPoints.map(([id]: [string]) => id),
      ...body.summary.delayedMilestones.items.map((i: { projectId: string }) => i.projectId),
    ];
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(await gemeenteOf(id)).toBe('GM0363');
    const { n } = await queryOne<{ n: number }>(t.db, "SELECT count(*)::int AS n FROM projects WHERE gemeente_code = 'GM0363'");
    expect(body.access.ownProjects).toBe(n);
    expect(fullPoints.mapPoints.length).toBeGreaterThan(points.mapPoints.length);
    expect(full.summary.mapPointCount).toBe(fullPoints.mapPoints.length);
  });

  it('gives a market party in the table the aggregates and only the projects it is party to', async () => {
    expect(partyProjects.size).toBeGreaterThan(0);
    const res = await party(`/api/v1/regions/${TABLE}/dashboard`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.access).toEqual({ view: 'member', ownProjects: partyProjects.size });
    const points = (await party(`/api/v1/regions/${TABLE}/map-points`)).json().mapPoints as Array<[string]>;
    expect(points.length).toBeGreaterThan(0);
    for (const [id] of points) expect(partyProjects.has(id)).toBe(true);
    for (const i of body.summary.delayedMilestones.items) expect(partyProjects.has(i.projectId)).toBe(true);
    expect(body.summary.totals.projects).toBeGreaterThan(partyProjects.size);
  });

  it('still refuses those not in the table, and keeps the table’s report and export for full readers', async () => {
    expect((await outsider(`/api/v1/regions/${TABLE}/dashboard`)).statusCode).toBe(403);
    expect((await outsider(`/api/v1/regions/${TABLE}/map-points`)).statusCode).toBe(403);
    expect((await party('/api/v1/regions/vt-u10/dashboard')).statusCode).toBe(403);
    // An area that is not a table has no members: no province-wide figures for a gemeente or a party in it.
    expect((await gemeente('/api/v1/regions/provincie:PV27/dashboard')).statusCode).toBe(403);
    expect((await gemeente('/api/v1/regions/corop:CR23/dashboard')).statusCode).toBe(403);
    expect((await party('/api/v1/regions/gemeente:GM0363/dashboard')).statusCode).toBe(403);
    expect((await gemeente(`/api/v1/regions/${TABLE}/export.xlsx`)).statusCode).toBe(403);
    expect((await party(`/api/v1/regions/${TABLE}/report.pdf`)).statusCode).toBe(403);
    expect((await secretary(`/api/v1/regions/${TABLE}/export.xlsx`)).statusCode).toBe(200);
  });
});

describe('per-project alternatives show only what the caller may see (issue 8 item 8)', () => {
  it('gives a market party no table totals (it may not read the table’s alternatives) and only candidates it may read', async () => {
    const project = [...partyProjects][0];
    expect((await party(`/api/v1/regions/${TABLE}/alternatives?year=2028`)).statusCode).toBe(403);
    const res = await party(`/api/v1/projects/${project}/alternatives`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ expected: null, target: null, shortfall: null });
    expect(body.tableFiguresNote).toMatch(/hele tafel/);
    for (const c of body.candidates) expect(partyProjects.has(c.projectId)).toBe(true);
  });

  it('gives a gemeente of the table no table totals either, and the secretary all of them', async () => {
    const { id } = await queryOne<{ id: string }>(t.db, "SELECT id FROM projects WHERE gemeente_code = 'GM0363' ORDER BY id LIMIT 1");
    const own = (await gemeente(`/api/v1/projects/${id}/alternatives`)).json();
    expect(own.expected).toBeNull();
    for (const c of own.candidates) expect(c.gemeenteCode).toBe('GM0363');
    const bySecretary = (await secretary(`/api/v1/projects/${id}/alternatives`)).json();
    expect(bySecretary.expected).toEqual(expect.any(Number));
    expect(bySecretary.tableFiguresNote).toBeNull();
    const table = (await secretary(`/api/v1/regions/${TABLE}/alternatives?year=${bySecretary.year}`)).json();
    expect(bySecretary.expected).toBe(table.expected);
    expect((await admin(`/api/v1/projects/${id}/alternatives`)).json().expected).toBe(table.expected);
  });
});
