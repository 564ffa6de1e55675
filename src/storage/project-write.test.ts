/**
 * The write path of a project (issue 9 item 5): one statement loads a project for a change, and an
 * update writes only the part rows that changed. On PGlite, and on PostgreSQL with DATABASE_URL (where
 * the case of a change that waits for another one's lock is real).
 */
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { storedProject } from '../../test/helpers/builders.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Knelpunt, Project } from '../domain/project.ts';
import type { Queryable } from './db.ts';
import { createGeographyRepository } from './geography.repository.ts';
import { createKnelpuntRepository, createProjectRepository } from './project.repository.ts';

const t = useTestDb();
const geography = createGeographyRepository();
const projects = createProjectRepository();
const knelpunten = createKnelpuntRepository();

function project(overrides: Partial<Project> = {}): Project {
  return storedProject({
    name: 'Schrijfproject',
    gemeenteCode: 'GM0599',
    provincieCode: 'PV28',
    programme: [
      { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 },
      { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'ouderen', homes: 20 },
    ],
    jaarschijven: [
      { year: 2028, segment: 'sociale_huur', homes: 40 },
      { year: 2029, segment: 'middenhuur', homes: 20 },
    ],
    milestones: [
      { code: 'M06', ownerSide: 'publiek', baselineDate: '2026-03-01', forecastDate: '2026-04-01', actualDate: null, homes: null },
      { code: 'M09', ownerSide: 'publiek', baselineDate: '2027-01-01', forecastDate: '2027-01-01', actualDate: null, homes: null },
      { code: 'M12', ownerSide: 'privaat', baselineDate: '2029-06-01', forecastDate: '2029-06-01', actualDate: null, homes: 60 },
    ],
    parties: [{ organisationId: gemeenteOrganisationId('GM0599'), role: 'bevoegd_gezag' }],
    ...overrides,
  });
}

function knelpunt(projectId: string, overrides: Partial<Knelpunt> = {}): Knelpunt {
  return {
    id: crypto.randomUUID(),
    projectId,
    category: 'netcongestie',
    description: 'Wachten op netaansluiting',
    owner: null,
    raisedDate: '2026-01-05',
    escalatedOn: null,
    escalationReason: null,
    escalated: false,
    resolution: null,
    resolvedDate: null,
    version: 1,
    ...overrides,
  };
}

/** The physical version (xmin) of each part row: it changes only when the row is written. */
async function rowVersions(q: Queryable, id: string): Promise<Record<string, string>> {
  const rows = await q.query<{ key: string; xmin: string }>(
    `SELECT 'programme/' || segment || '/' || woningtype || '/' || doelgroep AS key, xmin::text AS xmin FROM project_programme WHERE project_id = $1
     UNION ALL SELECT 'jaarschijf/' || year || '/' || segment, xmin::text FROM project_jaarschijven WHERE project_id = $1
     UNION ALL SELECT 'milestone/' || code, xmin::text FROM project_milestones WHERE project_id = $1
     UNION ALL SELECT 'party/' || organisation_id || '/' || role, xmin::text FROM project_parties WHERE project_id = $1`,
    [id],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.xmin]));
}

describe('loading a project for a change', () => {
  it('reads in one statement what get, the knelpunten and the regions read in seven', async () => {
    const p = project();
    await projects.insertMany(t.db, [p]);
    const ks = [
      knelpunt(p.id, { raisedDate: '2026-02-01' }),
      knelpunt(p.id, { escalated: true, owner: 'Netbeheerder', resolution: 'Tijdelijke aansluiting', resolvedDate: '2026-03-01' }),
    ];
    await knelpunten.insertMany(t.db, ks);
    const loaded = await t.db.transaction((tx) => projects.loadForChange(tx, p.id));
    expect(loaded).toEqual({
      project: await projects.get(t.db, p.id),
      knelpunten: await knelpunten.listByProject(t.db, p.id),
      regionIds: await geography.regionIdsOf(t.db, 'GM0599'),
      gemeenteProvincieCode: 'PV28',
    });
    expect(loaded?.regionIds).toContain('vt-rotterdam');
    expect(loaded?.knelpunten).toHaveLength(2);
  });

  it('answers null for an unknown project', async () => {
    expect(await t.db.transaction((tx) => projects.loadForChange(tx, crypto.randomUUID()))).toBeNull();
  });

  it('sees a change committed while it waited for the lock, parts and knelpunten included', async () => {
    const p = project({ name: 'Wachtproject' });
    await projects.insertMany(t.db, [p]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // The first transaction locks the project, adds a knelpunt and changes a milestone, and holds the lock.
    const first = t.db.transaction(async (tx) => {
      await projects.loadForChange(tx, p.id);
      await knelpunten.insertMany(tx, [knelpunt(p.id)]);
      const next = { ...p, milestones: p.milestones.map((m) => (m.code === 'M09' ? { ...m, forecastDate: '2027-06-01' } : m)), version: 2 };
      await projects.update(tx, next, 1, p);
      locked();
      await held;
    });
    await isLocked;
    // The second starts its load while the first holds the lock (on PGlite: after the first, one at a time).
    const second = t.db.transaction((tx) => projects.loadForChange(tx, p.id));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await first;
    const loaded = await second;
    expect(loaded?.project.version).toBe(2);
    expect(loaded?.project.milestones.find((m) => m.code === 'M09')?.forecastDate).toBe('2027-06-01');
    expect(loaded?.knelpunten).toHaveLength(1);
  });
});

type Write = (q: Queryable, next: Project, expectedVersion: number, previous: Project) => Promise<boolean>;
const writers: Array<[string, Write]> = [
  ['update', (q, next, expectedVersion, previous) => projects.update(q, next, expectedVersion, previous)],
  [
    'updateMany (the planlijst import)',
    async (q, next, expectedVersion, previous) => (await projects.updateMany(q, [{ project: next, expectedVersion, previous }])).length === 0,
  ],
];

describe.each(writers)('writing a changed project: %s', (_name, write) => {
  it('writes only the part rows that changed: one moved milestone is one row', async () => {
    const p = project();
    await projects.insertMany(t.db, [p]);
    const before = await rowVersions(t.db, p.id);
    const next = { ...p, milestones: p.milestones.map((m) => (m.code === 'M09' ? { ...m, forecastDate: '2027-03-01' } : m)), version: 2 };
    expect(await write(t.db, next, 1, p)).toBe(true);
    const after = await rowVersions(t.db, p.id);
    const written = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(written).toEqual(['milestone/M09']);
    expect(await projects.get(t.db, p.id)).toMatchObject({ version: 2, milestones: next.milestones });
  });

  it('inserts added rows, overwrites changed ones and deletes removed ones in every part', async () => {
    const p = project();
    await projects.insertMany(t.db, [p]);
    const before = await rowVersions(t.db, p.id);
    const next: Project = {
      ...p,
      version: 2,
      programme: [
        { ...p.programme[0]!, homes: 45 },
        { segment: 'betaalbare_koop', woningtype: 'grondgebonden', doelgroep: 'regulier', homes: 10 },
      ],
      jaarschijven: [p.jaarschijven[0]!, { year: 2029, segment: 'middenhuur', homes: 25 }],
      milestones: [
        p.milestones[0]!,
        { ...p.milestones[2]!, homes: 55 },
        { code: 'M11', ownerSide: 'privaat', baselineDate: null, forecastDate: '2028-01-01', actualDate: null, homes: null },
      ],
      parties: [{ organisationId: gemeenteOrganisationId('GM0599'), role: 'initiatiefnemer' }],
    };
    expect(await write(t.db, next, 1, p)).toBe(true);
    const after = await rowVersions(t.db, p.id);
    const unchanged = Object.keys(after)
      .filter((k) => after[k] === before[k])
      .sort();
    expect(unchanged).toEqual(['jaarschijf/2028/sociale_huur', 'milestone/M06']);
    expect(
      Object.keys(after)
        .filter((k) => !(k in before))
        .sort(),
    ).toEqual(['milestone/M11', `party/${gemeenteOrganisationId('GM0599')}/initiatiefnemer`, 'programme/betaalbare_koop/grondgebonden/regulier']);
    const stored = await projects.get(t.db, p.id);
    expect(stored).toMatchObject({
      programme: [next.programme[1], next.programme[0]],
      jaarschijven: next.jaarschijven,
      milestones: [next.milestones[0], next.milestones[2], next.milestones[1]],
      parties: next.parties,
    });
  });

  it('writes nothing when the version no longer matches', async () => {
    const p = project();
    await projects.insertMany(t.db, [p]);
    const before = await rowVersions(t.db, p.id);
    const next = { ...p, milestones: [], programme: [], version: 3 };
    expect(await write(t.db, next, 2, p)).toBe(false);
    expect(await rowVersions(t.db, p.id)).toEqual(before);
  });
});

describe('writing many changed projects (the planlijst import)', () => {
  it('names the projects whose version no longer matches and writes none of their parts', async () => {
    const a = project();
    const b = project({ name: 'Tweede schrijfproject' });
    await projects.insertMany(t.db, [a, b]);
    const before = { a: await rowVersions(t.db, a.id), b: await rowVersions(t.db, b.id) };
    const stale = await projects.updateMany(t.db, [
      { project: { ...a, programme: [], version: 2 }, expectedVersion: 1, previous: a },
      { project: { ...b, programme: [], version: 3 }, expectedVersion: 2, previous: b },
    ]);
    expect(stale).toEqual([b.id]);
    expect({ a: await rowVersions(t.db, a.id), b: await rowVersions(t.db, b.id) }).toEqual(before);
  });

  it('writes flags, location and derived figures of every project', async () => {
    const a = project();
    const b = project({ name: 'Tweede schrijfproject', flags: ['nplv'] });
    await projects.insertMany(t.db, [a, b]);
    const nextA = {
      ...a,
      flags: ['doorbraaklocatie', 'industrieel'] as Project['flags'],
      location: { lon: 5.1, lat: 52.1 },
      totalHomes: 61,
      version: 2,
    };
    const nextB = { ...b, flags: [], location: null, name: 'Hernoemd', version: 2 };
    expect(
      await projects.updateMany(t.db, [
        { project: nextA, expectedVersion: 1, previous: a },
        { project: nextB, expectedVersion: 1, previous: b },
      ]),
    ).toEqual([]);
    expect(await projects.get(t.db, a.id)).toMatchObject({ flags: nextA.flags, location: nextA.location, totalHomes: 61, version: 2 });
    expect(await projects.get(t.db, b.id)).toMatchObject({ flags: [], location: null, name: 'Hernoemd', version: 2 });
  });
});
