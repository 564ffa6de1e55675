/**
 * Service tests of the quarterly round against a real database (PGlite, or PostgreSQL with DATABASE_URL).
 * SPEC §2 "Quarterly round": the quarter "closes and is frozen as a snapshot"; a table can hold ~2,000
 * projects, so closing must be set-based: a few queries for the whole region, inserts in batches.
 * Seed: `001 § Afspraak 3B` ("De PPM wordt elk kwartaal geüpdatet").
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { at, present } from '../../test/helpers/present.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { storedProject } from '../../test/helpers/builders.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Knelpunt, Project } from '../domain/project.ts';
import type { Db, Queryable } from '../storage/db.ts';
import { createServices } from './container.ts';

const t = useTestDb();
/** The clock of these tests: the generated forecasts lie after it. */
const TODAY = '2026-01-20';

/** The same database, counting every statement sent (in and outside transactions). */
function countingDb(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      n += 1;
      return q.query(sql, params);
    },
  });
  return {
    db: { kind: db.kind, query: wrap(db).query, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))), exec: db.exec, close: db.close },
    count: () => n,
  };
}

const GEMEENTEN = ['GM0599', 'GM0502', 'GM0606', 'GM0622', 'GM0489', 'GM0597', 'GM1621'];

function generated(i: number): Project {
  const gemeenteCode = at(GEMEENTEN, i % GEMEENTEN.length);
  return storedProject({
    name: `Project ${String(i).padStart(4, '0')}`,
    gemeenteCode,
    provincieCode: 'PV28',
    synthetic: true,
    programme: [
      { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 30 + (i % 7) },
      { segment: 'vrije_sector_koop', woningtype: 'grondgebonden', doelgroep: 'regulier', homes: 20 },
    ],
    jaarschijven: [{ year: 2028 + (i % 3), segment: 'sociale_huur', homes: 30 + (i % 7) }],
    milestones: [
      { code: 'M09', ownerSide: 'publiek', baselineDate: '2026-01-01', forecastDate: '2026-03-01', actualDate: null, homes: null },
      {
        code: 'M11',
        ownerSide: 'privaat',
        baselineDate: '2026-06-01',
        forecastDate: i % 5 === 0 ? '2027-09-01' : '2026-07-01',
        actualDate: null,
        homes: null,
      },
    ],
    parties: [{ organisationId: gemeenteOrganisationId(gemeenteCode), role: 'bevoegd_gezag' }],
  });
}

describe('closing a round of a large table (SPEC §2 "Quarterly round")', () => {
  const N = 2000;

  it(`freezes ${N} projects with a bounded number of queries, in one transaction`, async () => {
    const base = createServices(t.db, { today: () => TODAY });
    const projects = Array.from({ length: N }, (_, i) => generated(i));
    const knelpunten: Knelpunt[] = projects
      .filter((_, i) => i % 10 === 0)
      .map((p) => ({
        id: crypto.randomUUID(),
        projectId: p.id,
        escalatedOn: null,
        escalationReason: null,
        category: 'netcongestie',
        description: 'Wachten op netaansluiting',
        owner: null,
        raisedDate: '2026-02-01',
        escalated: false,
        resolution: null,
        resolvedDate: null,
        version: 1,
      }));
    await t.db.transaction(async (tx) => {
      await base.repositories.projects.insertMany(tx, projects);
      await base.repositories.knelpunten.insertMany(tx, knelpunten);
    });

    const round = await base.rounds.openRound('vt-rotterdam', { quarter: '2026-Q3', deadline: '2026-09-15' }, ADMIN_ACTOR);
    expect(round.delivery.total).toBe(N);
    await base.rounds.confirm(
      round.id,
      { organisationId: gemeenteOrganisationId('GM0599'), reason: 'Namens de gemeente vastgelegd (test)' },
      ADMIN_ACTOR,
    );

    const counting = countingDb(t.db);
    const services = createServices(counting.db, { today: () => TODAY });
    const started = performance.now();
    const closed = await services.rounds.closeRound(round.id, ADMIN_ACTOR);
    const seconds = (performance.now() - started) / 1000;

    expect(closed).toMatchObject({ status: 'gesloten', projectCount: N });
    expect(closed.delivery).toMatchObject({ total: N, confirmed: Math.ceil(N / 7), outstanding: N - Math.ceil(N / 7) });
    // Not one query per project: a fixed handful plus ⌈N / 250⌉ batched inserts.
    expect(counting.count()).toBeLessThanOrEqual(20 + Math.ceil(N / 250));
    expect(seconds).toBeLessThan(30);

    const { n } = present((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM round_snapshots WHERE round_id = $1', [round.id]))[0], 'count');
    expect(n).toBe(N);
    const withKnelpunt = at(projects, 0);
    const frozen = await services.rounds.getRoundProject(round.id, withKnelpunt.id, ADMIN);
    expect(frozen).toEqual({ ...(await services.projects.get(withKnelpunt.id, ADMIN)), gemeenteName: 'Rotterdam' });
    expect(frozen.knelpunten).toHaveLength(1);
  });
});

describe('opening rounds concurrently', () => {
  it('lets exactly one of two simultaneous opens for a table succeed', async () => {
    const services = createServices(t.db);
    const results = await Promise.allSettled([
      services.rounds.openRound('vt-u10', { quarter: '2026-Q3', deadline: '2026-09-15' }, ADMIN_ACTOR),
      services.rounds.openRound('vt-u10', { quarter: '2026-Q4', deadline: '2026-12-15' }, ADMIN_ACTOR),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ name: 'ValidationError', issues: [expect.objectContaining({ path: 'quarter' })] });
    expect((await services.rounds.listRounds('vt-u10', ADMIN)).total).toBe(1);
  });
});
