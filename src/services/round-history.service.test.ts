/**
 * Filling in a past quarter at a table (SPEC §2 "Quarterly round": each quarter "closes and is frozen as a
 * snapshot"; seed `001 § Afspraak 3B`, "De PPM wordt elk kwartaal geüpdatet"): the national demo's history (issue 14)
 * is a closed quarter whose snapshots hold the forecasts as they stood then, so "Wat is er veranderd sinds vorig
 * kwartaal" has something to show. Against a real database (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { storedProject } from '../../test/helpers/builders.ts';
import { at } from '../../test/helpers/present.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { deriveProject } from '../domain/derive.ts';
import type { Project } from '../domain/project.ts';
import { createServices } from './container.ts';

const t = useTestDb();
/** The clock of these tests: the forecasts lie after it. */
const TODAY = '2026-01-20';
const ROTTERDAM_TABLE = ['GM0599', 'GM0502', 'GM0606', 'GM0622'];

function generated(i: number): Project {
  return storedProject({
    name: `Project ${String(i).padStart(2, '0')}`,
    gemeenteCode: at(ROTTERDAM_TABLE, i % ROTTERDAM_TABLE.length),
    provincieCode: 'PV28',
    synthetic: true,
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 30 + i }],
    jaarschijven: [{ year: 2028, segment: 'sociale_huur', homes: 30 + i }],
    milestones: [
      { code: 'M09', ownerSide: 'publiek', baselineDate: '2026-01-01', forecastDate: '2026-03-01', actualDate: null, homes: null },
      { code: 'M11', ownerSide: 'privaat', baselineDate: '2026-06-01', forecastDate: '2026-07-01', actualDate: null, homes: null },
    ],
  });
}

describe('filling in a past quarter at a table (SPEC §2 "Quarterly round": frozen as a snapshot; the demo\'s history)', () => {
  it("freezes the projects as they stood at the quarter's end: earlier forecasts, with the status they give", async () => {
    const services = createServices(t.db, { today: () => TODAY });
    const projects = Array.from({ length: 14 }, (_, i) => generated(i));
    await t.db.transaction((tx) => services.repositories.projects.insertMany(tx, projects));
    const [unmoved, moved] = [at(projects, 0), at(projects, 1)];
    // Project 1's start bouw (M11) was forecast 15 months after its baseline then; now one month.
    const then = new Map([[moved.id, [{ code: 'M11', forecastDate: '2027-09-01' }]]]);

    const filled = await services.rounds.closeQuarterAsItStood('vt-rotterdam', '2026-Q2', then, ADMIN_ACTOR);

    expect(filled.projectCount).toBe(14);
    const round = await services.rounds.getRound(filled.roundId, ADMIN);
    expect(round).toMatchObject({ quarter: '2026-Q2', status: 'gesloten', projectCount: 14, deadline: '2026-06-30' });
    // A project whose forecasts did not move is frozen exactly as closing a round freezes it: as it is now.
    expect(await services.rounds.getRoundProject(filled.roundId, unmoved.id, ADMIN)).toEqual({
      ...(await services.projects.get(unmoved.id, ADMIN)),
      gemeenteName: 'Rotterdam',
    });
    const live = await services.projects.get(moved.id, ADMIN);
    const frozen = await services.rounds.getRoundProject(filled.roundId, moved.id, ADMIN);
    expect(frozen.milestones.find((m) => m.code === 'M11')).toMatchObject({ forecastDate: '2027-09-01', baselineDate: '2026-06-01' });
    expect(live.milestones.find((m) => m.code === 'M11')?.forecastDate).toBe('2026-07-01');
    const derivedThen = deriveProject({ programme: live.programme, milestones: frozen.milestones }, live.knelpunten);
    expect(frozen).toMatchObject({ status: derivedThen.status, phase: derivedThen.phase });
    expect(frozen.status).not.toBe(live.status);
  });

  it('is refused as opening a round is: a quarter with a round, or before a later round, or by someone not running the table', async () => {
    const services = createServices(t.db, { today: () => TODAY });
    await services.rounds.closeQuarterAsItStood('vt-u10', '2026-Q2', new Map(), ADMIN_ACTOR);
    await expect(services.rounds.closeQuarterAsItStood('vt-u10', '2026-Q2', new Map(), ADMIN_ACTOR)).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [expect.objectContaining({ code: 'duplicate' })],
    });
    await services.rounds.openRound('vt-u10', { quarter: '2026-Q3', deadline: '2026-09-15' }, ADMIN_ACTOR);
    await expect(services.rounds.closeQuarterAsItStood('vt-u10', '2026-Q1', new Map(), ADMIN_ACTOR)).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [expect.objectContaining({ code: 'previous_round_open' })],
    });
    const gemeente = { principal: { ...ADMIN_ACTOR.principal, role: 'gemeente_editor' as const, gemeenteCode: 'GM0599' }, via: 'ui' as const };
    await expect(services.rounds.closeQuarterAsItStood('vt-rotterdam', '2026-Q2', new Map(), gemeente)).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
  });
});
