/**
 * The project list as GeoJSON (issue 13 part 4; SPEC §7 "GeoJSON export for GIS"): the streamed export parses
 * as valid RFC 7946 GeoJSON, and its features are exactly the register's projects with a location for the
 * filter and the caller's scope — ids, count, coordinates and properties — however the batches fall. PGlite
 * by default, PostgreSQL with DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoJsonProblems } from '../../test/helpers/geojson.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { LABELS } from '../domain/codes.ts';
import { createGeoJsonExportService } from '../services/geojson-export.service.ts';
import { createGeoJsonExportRepository } from '../storage/geojson-export.repository.ts';
import { createGemeenteAggregatesRepository } from '../storage/gemeente-aggregates.repository.ts';
import { createGeographyRepository } from '../storage/geography.repository.ts';
import type { FeatureCollection, Point } from 'geojson';

let t: TestApp;
let province: Inject;
let gemeente: Inject;
let unlocatedId: string;

beforeAll(async () => {
  t = await createTestApp({
    prepare: async (services) => {
      await services.demoSeed.seed({ projects: 400, seed: 13, asOf: '2026-10-01' });
      // A project without a location: in the list, not in the GeoJSON.
      const p = await services.projects.create(
        {
          name: 'Zonder locatie',
          gemeenteCode: 'GM0363',
          planStatus: 'visie',
          synthetic: true,
          programme: [{ segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 12 }],
        },
        ADMIN_ACTOR,
      );
      unlocatedId = p.id;
    },
  });
  province = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363' });
}, 180_000);
afterAll(async () => t?.close());

interface ListItem {
  id: string;
  name: string;
  gemeenteCode: string;
  planStatus: string;
  phase: string;
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
  location: { lon: number; lat: number } | null;
}

/** Every project of the list for a query (pages of 500). */
async function list(as: Inject, query: string): Promise<ListItem[]> {
  const out: ListItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await as(`/api/v1/projects?${query}&limit=500&offset=${offset}`)).json();
    out.push(...page.items);
    if (out.length >= page.total) return out;
  }
}

describe('GeoJSON export of the project list (SPEC §7, issue 13 part 4)', () => {
  it('is valid RFC 7946 GeoJSON whose features are exactly the listed projects with a location, for a filter', async () => {
    const query = 'phase=planvorming,planologische_procedure,realisatie&homesIn=betaalbaar';
    const res = await province(`/api/v1/projects/export.geojson?${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['content-disposition']).toContain('projecten.geojson');
    expect(geoJsonProblems(res.body)).toEqual([]);
    const fc = JSON.parse(res.body) as FeatureCollection<Point>;

    const expected = (await list(province, query)).filter((p) => p.location);
    expect(expected.length).toBeGreaterThan(20);
    expect(fc.features).toHaveLength(expected.length);
    expect(new Set(fc.features.map((f) => f.id))).toEqual(new Set(expected.map((p) => p.id)));
    const byId = new Map(fc.features.map((f) => [f.id, f]));
    for (const p of expected) {
      const f = byId.get(p.id)!;
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [p.location!.lon, p.location!.lat] });
      expect(f.properties).toMatchObject({
        id: p.id,
        name: p.name,
        gemeenteCode: p.gemeenteCode,
        provincieCode: 'PV27',
        planStatus: LABELS[p.planStatus],
        phase: LABELS[p.phase],
        totalHomes: p.totalHomes,
        affordableHomes: p.affordableHomes,
        socialHomes: p.socialHomes,
        synthetic: 'ja',
      });
      expect(p.affordableHomes).toBeGreaterThan(0);
    }
  });

  it('carries the start bouw and oplevering dates of the register', async () => {
    const fc = (await gemeente('/api/v1/projects/export.geojson?phase=realisatie')).json() as FeatureCollection<Point>;
    expect(fc.features.length).toBeGreaterThan(0);
    const f = fc.features[0]!;
    const project = (await gemeente(`/api/v1/projects/${String(f.id)}`)).json();
    const m11 = project.milestones.find((m: { code: string }) => m.code === 'M11');
    expect(f.properties).toMatchObject({ M11_baseline: m11.baselineDate, M11_forecast: m11.forecastDate, M11_actual: m11.actualDate });
  });

  it('keeps to the caller’s scope and leaves out a project without a location', async () => {
    const fc = (await gemeente('/api/v1/projects/export.geojson')).json() as FeatureCollection<Point>;
    const expected = await list(gemeente, 'gemeente=GM0363');
    expect(expected.some((p) => p.id === unlocatedId)).toBe(true);
    expect(fc.features.every((f) => f.properties!.gemeenteCode === 'GM0363')).toBe(true);
    expect(fc.features.map((f) => f.id).sort()).toEqual(
      expected
        .filter((p) => p.location)
        .map((p) => p.id)
        .sort(),
    );
    expect(fc.features.some((f) => f.id === unlocatedId)).toBe(false);
  });

  it('is the same document whatever the batch size (batches of 7 against the default batch size)', async () => {
    const service = createGeoJsonExportService({
      db: t.db,
      exports: createGeoJsonExportRepository(),
      publicDemoData: true,
      batchSize: 7,
      aggregates: createGemeenteAggregatesRepository(),
      geography: createGeographyRepository(),
    });
    const principal = { ...(await import('../../test/helpers/auth.ts')).ADMIN };
    const chunks: Buffer[] = [];
    for await (const chunk of await service.projects({ provincieCodes: ['PV27'] }, principal)) chunks.push(chunk as Buffer);
    const small = Buffer.concat(chunks).toString('utf8');
    expect(chunks.length).toBeGreaterThan(5);
    expect(geoJsonProblems(small)).toEqual([]);
    const admin = await t.signedIn('beheerder');
    const whole = (await admin('/api/v1/projects/export.geojson?provincie=PV27')).body;
    expect(JSON.parse(small)).toEqual(JSON.parse(whole));
  });

  it('aggregates per gemeente for the signed-in: the list’s projects counted per gemeente of the caller’s area, on the boundaries', async () => {
    const query = 'planStatus=vastgesteld,onherroepelijk';
    const res = await province(`/api/v1/projects/aggregates.geojson?${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(geoJsonProblems(res.body)).toEqual([]);
    const fc = res.json() as FeatureCollection;
    const listed = await list(province, query);
    const expected = new Map<string, { projects: number; homes: number; social: number; realisatie: number }>();
    for (const p of listed) {
      const e = expected.get(p.gemeenteCode) ?? { projects: 0, homes: 0, social: 0, realisatie: 0 };
      e.projects += 1;
      e.homes += p.totalHomes;
      e.social += p.socialHomes;
      if (p.phase === 'realisatie') e.realisatie += 1;
      expected.set(p.gemeenteCode, e);
    }
    expect(new Set(fc.features.map((f) => f.id))).toEqual(new Set(expected.keys()));
    for (const f of fc.features) {
      const e = expected.get(String(f.id))!;
      expect(f.properties).toMatchObject({
        provincieCode: 'PV27',
        projects: e.projects,
        homes: e.homes,
        socialHomes: e.social,
        projects_realisatie: e.realisatie,
      });
      expect(f.geometry?.type).toMatch(/Polygon/);
    }
    // Small figures are not hidden for one's own area: a gemeente with 1 or 2 matching projects shows them.
    expect([...expected.values()].some((e) => e.projects < 3)).toBe(true);
    // A gemeente editor: only the own gemeente.
    const own = (await gemeente('/api/v1/projects/aggregates.geojson')).json() as FeatureCollection;
    expect(own.features.map((f) => f.id)).toEqual(['GM0363']);
  });

  it('an empty selection is an empty, valid FeatureCollection', async () => {
    const res = await province('/api/v1/projects/export.geojson?q=bestaat-niet-xyz');
    expect(res.json()).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('the RFC 7946 check finds what a GIS client would trip over', () => {
    expect(geoJsonProblems('{"type":"FeatureCollection","features":[')).toEqual([expect.stringContaining('not JSON')]);
    expect(
      geoJsonProblems({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [52.3, 4.9, 1, 2] } }],
      }),
    ).toHaveLength(1);
    expect(
      geoJsonProblems({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.9, 95] } }],
      }),
    ).toHaveLength(1);
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [4, 52],
          [5, 52],
          [5, 53],
          [4, 53],
        ],
      ],
    };
    expect(geoJsonProblems({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: open }] })).toEqual([
      expect.stringContaining('closed'),
    ]);
  });
});
