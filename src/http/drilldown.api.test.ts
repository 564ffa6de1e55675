/**
 * Issue 8 item 18: a figure of the Tafeloverzicht that drills down opens exactly the projects behind
 * it. For every figure that links to the project list (the links the web app builds, figureDrilldowns in
 * web/src/features/dashboard/drilldown.ts), the list the API returns for that link has the figure's
 * number of projects and the figure's sum of homes, milestones or knelpunten. As a table secretary (own
 * table) and as a ministry analyst (every table). PGlite by default, PostgreSQL with DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { figureDrilldowns } from '../../web/src/features/dashboard/drilldown.ts';
import { filtersFromSearch, toApiQuery } from '../../web/src/features/projects/filters.ts';
import type { Dashboard } from '../../web/src/api/types.ts';

let t: TestApp;
let analyst: Inject;
let secretary: Inject;
const TABLE = 'vt-amsterdam-e-o';

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 1500, seed: 11, asOf: '2026-10-01' }) });
  analyst = await t.signedIn('ministerie_analist');
  secretary = await t.signedIn('tafel_secretaris', { regionId: TABLE });
});
afterAll(async () => {
  await t?.close();
});

/** The API query of a web link to the project list, as the list page sends it. */
function apiQueryOf(url: string): URLSearchParams {
  const query = toApiQuery(filtersFromSearch(new URL(url, 'http://x').searchParams), 1);
  query.set('limit', '1');
  return query;
}

async function checkEveryFigure(inject: Inject, regionId: string) {
  const res = await inject(`/api/v1/regions/${encodeURIComponent(regionId)}/dashboard?fromYear=2026&toYear=2032`);
  expect(res.statusCode, res.body).toBe(200);
  const dashboard = res.json() as Dashboard;
  const drilldowns = figureDrilldowns(dashboard);
  // The headline figures, each year, phase, plan status, status and knelpunt category.
  expect(drilldowns.length).toBeGreaterThan(15);
  expect(dashboard.summary.delayedMilestones.count).toBeGreaterThan(dashboard.summary.delayedMilestones.projects);
  for (const d of drilldowns) {
    const list = await inject(`/api/v1/projects?${apiQueryOf(d.url).toString()}&total=exact`);
    expect(list.statusCode, `${d.figure}: ${list.body}`).toBe(200);
    const body = list.json();
    if (d.projects !== undefined) expect(body.total, `${d.figure} (${d.url}): projects`).toBe(d.projects);
    for (const [key, value] of Object.entries(d.sums ?? {})) expect(body.sums[key], `${d.figure} (${d.url}): ${key}`).toBe(value);
  }
  return dashboard;
}

describe('drill-down from the Tafeloverzicht to the project list (issue 8 item 18)', () => {
  it('as the ministry analyst: every figure’s list has the figure’s count and sum', async () => {
    await checkEveryFigure(analyst, TABLE);
    await checkEveryFigure(analyst, 'provincie:PV27');
  });

  it('as the table secretary: every figure of the own table’s list has the figure’s count and sum', async () => {
    await checkEveryFigure(secretary, TABLE);
  });

  it('the delayed figure opens only the projects with a delayed milestone, not all projects', async () => {
    const dashboard = (await analyst(`/api/v1/regions/${TABLE}/dashboard`)).json() as Dashboard;
    const delayed = (await analyst(`/api/v1/projects?region=${TABLE}&delayed=true&limit=1&total=exact`)).json();
    const notDelayed = (await analyst(`/api/v1/projects?region=${TABLE}&delayed=false&limit=1&total=exact`)).json();
    expect(delayed.total).toBe(dashboard.summary.delayedMilestones.projects);
    expect(delayed.total).toBeLessThan(dashboard.summary.totals.projects);
    expect(delayed.total + notDelayed.total).toBe(dashboard.summary.totals.projects);
    expect(delayed.sums.delayedMilestones).toBe(dashboard.summary.delayedMilestones.count);
  });

  it('the betaalbaar and sociale-huur figures open only the projects with such homes', async () => {
    const dashboard = (await analyst(`/api/v1/regions/${TABLE}/dashboard`)).json() as Dashboard;
    const affordable = (await analyst(`/api/v1/projects?region=${TABLE}&homesIn=betaalbaar&limit=500&total=exact`)).json();
    const social = (await analyst(`/api/v1/projects?region=${TABLE}&homesIn=sociaal&limit=500&total=exact`)).json();
    expect(affordable.total).toBeLessThan(dashboard.summary.totals.projects);
    expect(social.total).toBeLessThanOrEqual(affordable.total);
    expect(affordable.items.every((p: { affordableHomes: number }) => p.affordableHomes > 0)).toBe(true);
    expect(social.items.every((p: { socialHomes: number }) => p.socialHomes > 0)).toBe(true);
    expect(affordable.sums.affordableHomes).toBe(dashboard.summary.totals.affordableHomes);
    expect(social.sums.socialHomes).toBe(dashboard.summary.totals.socialHomes);
  });

  it('refuses an unknown homesIn value with a Dutch message naming the field', async () => {
    const res = await analyst(`/api/v1/projects?homesIn=duur`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('homesIn');
  });
});
