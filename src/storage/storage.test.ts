/**
 * Storage integration tests: migrations, reference data and the project repository, on PGlite and
 * (with DATABASE_URL) on PostgreSQL. SPEC §7: the same SQL on both.
 */
import { describe, expect, it } from 'vitest';
import { queryOne } from './db.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { storedProject } from '../../test/helpers/builders.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Project } from '../domain/project.ts';
import { createGeographyRepository } from './geography.repository.ts';
import { migrate, migrationFiles } from './migrate.ts';
import { loadReferenceData } from './reference-data.ts';
import { createProjectRepository, decodeCursor, LIST_COUNT_CAP, SORT_COLUMNS, type ListCursor, type SortKey } from './project.repository.ts';

const t = useTestDb();
const geography = createGeographyRepository();
const projects = createProjectRepository();

function project(overrides: Partial<Project> = {}): Project {
  return storedProject({
    name: 'Testlocatie',
    flags: ['woondeal_locatie'],
    location: { lon: 4.9, lat: 52.37 },
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 }],
    jaarschijven: [{ year: 2028, segment: 'sociale_huur', homes: 40 }],
    milestones: [
      { code: 'M11', ownerSide: 'privaat', baselineDate: '2026-01-01', forecastDate: null, actualDate: '2026-02-01', homes: null },
      { code: 'M12', ownerSide: 'privaat', baselineDate: '2027-06-01', forecastDate: '2028-01-01', actualDate: null, homes: null },
    ],
    parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
    ...overrides,
  });
}

describe('migrations', () => {
  it('records every migration file once and is a no-op the second time', async () => {
    const applied = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(applied.map((r) => r.name)).toEqual(migrationFiles());
    expect(await migrate(t.db)).toEqual([]);
  });
});

describe('reference data (SPEC §2 geography; data/reference/README.md)', () => {
  it('holds all 342 gemeenten of 2025 with province and COROP region, and the 12 provinces', async () => {
    expect(await geography.countGemeenten(t.db)).toBe(342);
    expect(await geography.listProvincies(t.db)).toHaveLength(12);
    const amsterdam = await geography.getGemeente(t.db, 'GM0363');
    expect(amsterdam).toMatchObject({ name: 'Amsterdam', provincieCode: 'PV27', coropCode: 'CR23' });
  });

  it('reproduces the CBS national new-construction total for 2019 (71,548) from 81955NED', async () => {
    const { total } = await queryOne<{ total: number }>(t.db, 'SELECT sum(new_construction) AS total FROM cbs_woningvoorraad WHERE year = 2019');
    expect(total).toBe(71548);
  });

  it('is idempotent: loading twice keeps the same counts', async () => {
    await loadReferenceData(t.db);
    expect(await geography.countGemeenten(t.db)).toBe(342);
    const { n } = await queryOne<{ n: number }>(t.db, "SELECT count(*) AS n FROM organisations WHERE type = 'gemeente'");
    expect(n).toBe(342);
  });

  it('serves boundaries as GeoJSON features keyed by code', async () => {
    const fc = await geography.boundaries(t.db, 'provincie');
    expect(fc.features).toHaveLength(12);
    expect(fc.features[0]).toMatchObject({ type: 'Feature', id: 'PV20' });
  });

  it('defines example regions as named sets of gemeenten', async () => {
    const tafels = await geography.listRegions(t.db, 'versnellingstafel');
    expect(tafels.length).toBeGreaterThan(0);
    expect(tafels.find((r) => r.id === 'vt-amsterdam-e-o')?.gemeenteCodes).toContain('GM0363');
  });

  it('a reference load inserts a missing example region but never overwrites one that exists (issue 11 item 1)', async () => {
    const codes = async (id: string) =>
      (await t.db.query<{ c: string }>('SELECT gemeente_code AS c FROM region_gemeenten WHERE region_id = $1 ORDER BY 1', [id])).map((r) => r.c);
    const periods = async (id: string) =>
      (
        await t.db.query<{ c: string }>(
          'SELECT gemeente_code AS c FROM region_gemeente_periods WHERE region_id = $1 AND until_quarter IS NULL ORDER BY 1',
          [id],
        )
      ).map((r) => r.c);
    const original = await codes('vt-amsterdam-e-o');
    expect(await periods('vt-amsterdam-e-o')).toEqual(original);
    // An administrator renamed the table and took Amsterdam out; another example region was removed altogether.
    await t.db.query("UPDATE regions SET name = 'Tafel Amstel', version = version + 1 WHERE id = 'vt-amsterdam-e-o'");
    await t.db.query("DELETE FROM region_gemeenten WHERE region_id = 'vt-amsterdam-e-o' AND gemeente_code = 'GM0363'");
    const [other] = (await geography.listRegions(t.db, 'woondealregio')).filter((r) => r.gemeenteCodes.length > 0);
    await t.db.query('DELETE FROM regions WHERE id = $1', [other!.id]);

    await loadReferenceData(t.db);

    const { name } = await queryOne<{ name: string }>(t.db, "SELECT name FROM regions WHERE id = 'vt-amsterdam-e-o'");
    expect(name).toBe('Tafel Amstel');
    expect(await codes('vt-amsterdam-e-o')).toEqual(original.filter((c) => c !== 'GM0363'));
    expect(await codes(other!.id)).toEqual(other!.gemeenteCodes);
    expect(await periods(other!.id)).toEqual(other!.gemeenteCodes);
  });
});

describe('project repository', () => {
  it('stores a project with all its parts and reads it back unchanged (dates as YYYY-MM-DD)', async () => {
    const p = project();
    await projects.insertMany(t.db, [p]);
    const back = await projects.get(t.db, p.id);
    expect(back).toMatchObject({
      name: p.name,
      flags: p.flags,
      location: p.location,
      programme: p.programme,
      jaarschijven: p.jaarschijven,
      milestones: p.milestones,
      parties: p.parties,
      phase: 'realisatie',
      totalHomes: 40,
      version: 1,
    });
  });

  it('filters on gemeente, provincie, phase, status, flags and name, and counts the total', async () => {
    const a = project({ name: 'Filterproject Alfa', gemeenteCode: 'GM0599', provincieCode: 'PV28', flags: ['nplv'] });
    const b = project({ name: 'Filterproject Beta', gemeenteCode: 'GM0599', provincieCode: 'PV28', flags: [] });
    await projects.insertMany(t.db, [a, b]);
    const page = { limit: 10, offset: 0, sort: 'name' as const, descending: false };
    const rotterdam = await projects.list(t.db, { gemeenteCodes: ['GM0599'] }, page);
    expect(rotterdam.total).toBe(2);
    expect(rotterdam.items.map((i) => i.name)).toEqual(['Filterproject Alfa', 'Filterproject Beta']);
    expect((await projects.list(t.db, { provincieCodes: ['PV28'], flags: ['nplv'] }, page)).items.map((i) => i.id)).toEqual([a.id]);
    expect((await projects.list(t.db, { q: 'project beta' }, page)).total).toBe(1);
    expect((await projects.list(t.db, { q: '%' }, page)).total).toBe(0);
    expect((await projects.list(t.db, { phases: ['initiatief'] }, page)).total).toBe(0);
    expect((await projects.list(t.db, { regionId: 'vt-rotterdam' }, page)).total).toBe(2);
    const second = await projects.list(t.db, { gemeenteCodes: ['GM0599'] }, { ...page, limit: 1, offset: 1 });
    expect(second).toMatchObject({ total: 2, items: [{ name: 'Filterproject Beta' }] });
  });

  it('a bounded count stops at its cap and says so; an exact count reads every match (issue 15, goal 4)', async () => {
    const names = ['Teller Een', 'Teller Twee', 'Teller Drie'];
    await projects.insertMany(
      t.db,
      names.map((name) => project({ name, gemeenteCode: 'GM0014', provincieCode: 'PV20' })),
    );
    const page = { limit: 1, offset: 0, sort: 'name' as const, descending: false };
    const filter = { q: 'teller' };
    expect(await projects.list(t.db, filter, page, 'bounded', 2)).toMatchObject({ total: 2, totalExact: false });
    expect(await projects.list(t.db, filter, page, 'bounded', 3)).toMatchObject({ total: 3, totalExact: true });
    expect(await projects.list(t.db, filter, page, 'exact', 2)).toMatchObject({ total: 3, totalExact: true });
    expect((await projects.sums(t.db, filter)).total).toBe(3);
  });

  it('a text search finds its page by the trigram index when a short walk of the sort order does not reach it (issue 15, goal 4)', async () => {
    // Early in the name order nothing matches "molen": a walk of 2 projects finds no page, the search still does.
    const names = ['Aa Zoeker 1', 'Ab Zoeker 2', 'Ac Zoeker 3', 'Zoeker Molen 4', 'Zoeker Molen 5', 'Zoeker Korenmolen 6'];
    await projects.insertMany(
      t.db,
      names.map((name) => project({ name, gemeenteCode: 'GM0014', provincieCode: 'PV20' })),
    );
    const page = { limit: 2, offset: 0, sort: 'name' as const, descending: false };
    const shown = (l: { items: Array<{ name: string }> }) => l.items.map((i) => i.name);
    // A cap of 1: "many" matches, so the walk is tried (of 2 projects: too short; of 100: long enough); the default
    // cap: few matches, read by the trigram index at once.
    for (const [cap, walk] of [
      [1, 2],
      [1, 100],
      [LIST_COUNT_CAP, 2],
    ] as const) {
      const how = `cap ${cap}, walk ${walk}`;
      const first = await projects.list(t.db, { q: 'molen' }, page, 'bounded', cap, walk);
      expect(shown(first), how).toEqual(['Zoeker Korenmolen 6', 'Zoeker Molen 4']);
      const after = decodeCursor(first.nextCursor!, page)!;
      expect(shown(await projects.list(t.db, { q: 'molen' }, { ...page, after }, 'bounded', cap, walk)), how).toEqual(['Zoeker Molen 5']);
      expect(shown(await projects.list(t.db, { q: 'zoeker' }, { ...page, offset: 3 }, 'bounded', cap, walk)), how).toEqual([
        'Zoeker Korenmolen 6',
        'Zoeker Molen 4',
      ]);
      expect(shown(await projects.list(t.db, { q: 'zoeker' }, page, 'exact', cap, walk)), how).toEqual(['Aa Zoeker 1', 'Ab Zoeker 2']);
    }
  });

  it('walks every sort with the keyset cursor to the same rows, in the same order, as offset pages (issue 15, goal 4)', async () => {
    // Ties on every sort column (equal homes, equal delay) so the id decides within a value.
    const rows = [0, 1, 2, 3, 4, 5, 6].map((i) =>
      project({
        name: `Cursor ${i % 3}`,
        gemeenteCode: i % 2 ? 'GM0014' : 'GM0599',
        provincieCode: i % 2 ? 'PV20' : 'PV28',
        totalHomes: 10 * (i % 2),
      }),
    );
    await projects.insertMany(t.db, rows);
    const filter = { q: 'cursor ' };
    for (const sort of Object.keys(SORT_COLUMNS) as SortKey[]) {
      for (const descending of [false, true]) {
        const order = { sort, descending };
        const all = await projects.list(t.db, filter, { ...order, limit: 100, offset: 0 });
        expect(all.items).toHaveLength(rows.length);
        expect(all.nextCursor).toBeNull();
        const walked: string[] = [];
        let after: ListCursor | undefined;
        for (let i = 0; i < rows.length; i++) {
          const next = await projects.list(t.db, filter, { ...order, limit: 2, offset: 0, ...(after ? { after } : {}) }, 'bounded');
          walked.push(...next.items.map((p) => p.id));
          if (!next.nextCursor) break;
          after = decodeCursor(next.nextCursor, order) ?? undefined;
          expect(after, `${sort} ${descending}`).toBeDefined();
        }
        expect(walked, `${sort} ${descending ? 'descending' : 'ascending'}`).toEqual(all.items.map((p) => p.id));
      }
    }
    // A cursor continues only its own order.
    const cursor = (await projects.list(t.db, filter, { sort: 'name', descending: false, limit: 2, offset: 0 })).nextCursor!;
    expect(decodeCursor(cursor, { sort: 'name', descending: true })).toBeNull();
    expect(decodeCursor(cursor, { sort: 'totalHomes', descending: false })).toBeNull();
    expect(decodeCursor('niet-een-cursor', { sort: 'name', descending: false })).toBeNull();
  });

  it('updates only when the version matches (optimistic locking)', async () => {
    const p = project({ name: 'Versieproject' });
    await projects.insertMany(t.db, [p]);
    expect(await projects.update(t.db, { ...p, name: 'Nieuw', version: 2 }, 1, p)).toBe(true);
    expect(await projects.update(t.db, { ...p, name: 'Verouderd', version: 2 }, 1, p)).toBe(false);
    expect((await projects.get(t.db, p.id))?.name).toBe('Nieuw');
  });

  it('rolls a failing multi-row write back completely', async () => {
    const before = await projects.count(t.db);
    const good = project({ name: 'Goed' });
    const bad = project({ name: 'Fout', gemeenteCode: 'GM9999' }); // violates the gemeente foreign key
    await expect(t.db.transaction((tx) => projects.insertMany(tx, [good, bad]))).rejects.toThrow();
    expect(await projects.count(t.db)).toBe(before);
    expect(await projects.get(t.db, good.id)).toBeNull();
  });
});
