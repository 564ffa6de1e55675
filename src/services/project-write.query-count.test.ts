/**
 * How many SQL statements one change of a project costs (issue 9 item 5: "one load, one write").
 * Counted: every statement sent to the database, in and outside transactions, including the BEGIN and
 * COMMIT of each transaction (PostgreSQL gets them from src/storage/db.ts, PGlite sends them itself).
 * Runs on PGlite, or on PostgreSQL with DATABASE_URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import type { Actor } from '../domain/audit.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Db, Queryable } from '../storage/db.ts';
import { createServices, type Services } from './container.ts';
import type { ProjectView } from './project.service.ts';

const t = useTestDb();
const TODAY = '2026-01-20';
const API_ACTOR: Actor = { ...ADMIN_ACTOR, via: 'api' };

/** The same database, counting every statement sent: each query, plus BEGIN and COMMIT (or ROLLBACK) per transaction. */
function countingDb(db: Db): { db: Db; count: () => number; statements: string[]; reset: () => void } {
  const statements: string[] = [];
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      statements.push(sql.replace(/\s+/g, ' ').trim().slice(0, 80));
      return q.query(sql, params);
    },
  });
  return {
    db: {
      kind: db.kind,
      query: wrap(db).query,
      transaction: async (fn) => {
        statements.push('BEGIN');
        try {
          return await db.transaction((tx) => fn(wrap(tx)));
        } finally {
          statements.push('COMMIT');
        }
      },
      exec: db.exec,
      close: db.close,
    },
    count: () => statements.length,
    statements,
    reset: () => {
      statements.length = 0;
    },
  };
}

/** A project with every kind of part: programme, jaarschijven, milestones, parties and a knelpunt. */
async function fullProject(services: Services) {
  const project = await services.projects.create(
    {
      name: 'Tellen van statements',
      gemeenteCode: 'GM0344',
      planStatus: 'vastgesteld',
      programme: [
        { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 },
        { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 30 },
        { segment: 'vrije_sector_koop', woningtype: 'grondgebonden', doelgroep: 'regulier', homes: 30 },
      ],
      jaarschijven: [
        { year: 2028, segment: 'sociale_huur', homes: 40 },
        { year: 2029, segment: 'middenhuur', homes: 30 },
        { year: 2029, segment: 'vrije_sector_koop', homes: 30 },
      ],
      milestones: [
        { code: 'M06', baselineDate: '2026-09-01', forecastDate: '2026-10-01' },
        { code: 'M09', baselineDate: '2027-03-01', forecastDate: '2027-03-01' },
        { code: 'M12', baselineDate: '2029-06-01', forecastDate: '2029-06-01' },
      ],
      parties: [{ organisationId: gemeenteOrganisationId('GM0344'), role: 'bevoegd_gezag' }],
    },
    API_ACTOR,
  );
  await services.projects.addKnelpunt(
    project.id,
    { category: 'netcongestie', description: 'Wachten op netaansluiting', raisedDate: '2026-01-05' },
    API_ACTOR,
  );
  return services.projects.get(project.id, ADMIN);
}

/** The view without its write time (the API answers the time of the change; the database its transaction start). */
const withoutTime = <T extends { updatedAt: string }>({ updatedAt: _updatedAt, ...rest }: T) => rest;
const stored = async (services: Services, id: string) => withoutTime(await services.projects.get(id, ADMIN));

describe('statements per change of a project (issue 9 item 5)', () => {
  const counts: Record<string, number> = {};

  /**
   * Makes the full project on a counting database, then runs `change` on it counting only its statements
   * (recorded under `key` for the closing note); `sent` lists them for a failure message.
   */
  async function measure<T>(key: string, change: (services: Services, project: ProjectView) => Promise<T>) {
    const counting = countingDb(t.db);
    const services = createServices(counting.db, { today: () => TODAY });
    const project = await fullProject(services);
    counting.reset();
    const result = await change(services, project);
    const n = (counts[key] = counting.count());
    return { services, project, result, n, sent: counting.statements.join('\n') };
  }

  afterAll(() => {
    // The numbers for the closing note: `npx vitest run src/services/project-write.query-count.test.ts`.
    process.stderr.write(`statements per change on ${t.db.kind}: ${JSON.stringify(counts)}\n`);
  });

  it('moving one milestone date (PATCH …/milestones/{code}) runs at most 6 statements', async () => {
    const {
      services,
      project,
      result: saved,
      n,
      sent,
    } = await measure('milestonePatch', (services, project) =>
      services.projects.updateMilestone(project.id, 'M09', project.version, { forecastDate: '2027-05-01' }, API_ACTOR),
    );
    expect(saved.milestones.find((m) => m.code === 'M09')?.forecastDate).toBe('2027-05-01');
    expect(await stored(services, project.id)).toEqual(withoutTime(saved));
    expect(n, sent).toBeLessThanOrEqual(6);
  });

  it('moving one milestone date by replacing the list (PUT …/milestones) runs at most 6 statements', async () => {
    const {
      services,
      project,
      result: saved,
      n,
      sent,
    } = await measure('milestonesPut', (services, project) => {
      const milestones = project.milestones.map(({ delay: _delay, ...m }) => (m.code === 'M12' ? { ...m, forecastDate: '2029-09-01' } : m));
      return services.projects.update(project.id, project.version, { milestones }, API_ACTOR);
    });
    expect(await stored(services, project.id)).toEqual(withoutTime(saved));
    expect(n, sent).toBeLessThanOrEqual(6);
  });

  it('changing a field of the project itself (PATCH …/projects/{id}) writes only the project row', async () => {
    const {
      services,
      project,
      result: saved,
      n,
      sent,
    } = await measure('projectPatch', (services, project) =>
      services.projects.update(project.id, project.version, { name: 'Tellen, hernoemd' }, API_ACTOR),
    );
    expect(await stored(services, project.id)).toEqual(withoutTime(saved));
    expect(n, sent).toBeLessThanOrEqual(5);
  });

  it('changing one programme line (PUT …/programme) writes only that line', async () => {
    const {
      services,
      project,
      result: saved,
      n,
      sent,
    } = await measure('programmePut', (services, project) => {
      const programme = project.programme.map((l) => (l.segment === 'middenhuur' ? { ...l, homes: 35 } : l));
      return services.projects.update(project.id, project.version, { programme }, API_ACTOR);
    });
    expect(await stored(services, project.id)).toEqual(withoutTime(saved));
    expect(n, sent).toBeLessThanOrEqual(6);
  });

  it('adding a party (PUT …/parties) checks the new organisation and writes only that party', async () => {
    const {
      services,
      project,
      result: saved,
      n,
      sent,
    } = await measure('partiesPut', (services, project) => {
      const parties = [...project.parties, { organisationId: gemeenteOrganisationId('GM0363'), role: 'initiatiefnemer' as const }];
      return services.projects.update(project.id, project.version, { parties }, API_ACTOR);
    });
    expect(saved.parties).toHaveLength(2);
    expect(await stored(services, project.id)).toEqual(withoutTime(saved));
    // One more than a date: the added organisation must exist and be visible to the caller (2 reads).
    expect(n, sent).toBeLessThanOrEqual(8);
  });

  it('reporting a knelpunt runs a single load and one write of the knelpunt and the status', async () => {
    const { n, sent } = await measure('knelpuntPost', (services, project) =>
      services.projects.addKnelpunt(project.id, { category: 'stikstof', description: 'Vergunning stikstof', raisedDate: '2026-01-10' }, API_ACTOR),
    );
    expect(n, sent).toBeLessThanOrEqual(6);
  });

  it('changing a knelpunt runs a single load and one write of the knelpunt and the status', async () => {
    const { n, sent } = await measure('knelpuntPatch', (services, project) => {
      const [k] = project.knelpunten;
      return services.projects.updateKnelpunt(
        project.id,
        k!.id,
        k!.version,
        { escalated: true, escalationReason: 'De tafel moet de netbeheerder aanspreken' },
        API_ACTOR,
      );
    });
    expect(n, sent).toBeLessThanOrEqual(6);
  });
});
