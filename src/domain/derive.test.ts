/**
 * Unit tests for the combined derived figures of a project (src/domain/derive.ts).
 *
 * SPEC §2 "Project": "the programme ..., milestones, knelpunten" with a derived phase and status;
 * SPEC §2 "Phases and milestones": phase from milestones, status green / amber / red "follows from its
 * milestones and open knelpunten", delay beyond a configurable tolerance (design: 3 months, serious > 12);
 * SPEC §2 "Segments" (`001 § 19.1`): betaalbaar = sociale huur + middenhuur + betaalbare koop.
 * Seed `001 § Afspraak 3B`: the PPM shows progress and delay of each project at the versnellingstafel.
 */
import { describe, expect, it } from 'vitest';
import { milestone } from '../../test/helpers/builders.ts';
import type { Segment } from './codes.ts';
import type { DelayTolerance } from './delay.ts';
import { deriveProject } from './derive.ts';
import { derivePhase } from './phase.ts';
import { programmeTotals } from './programme.ts';
import type { Knelpunt, Milestone, ProgrammeLine, ProjectDerived } from './project.ts';
import { projectStatus } from './status.ts';

type KnelpuntState = Pick<Knelpunt, 'escalated' | 'resolvedDate'>;

function line(segment: Segment, homes: number): ProgrammeLine {
  return { segment, woningtype: 'gestapeld', doelgroep: 'regulier', homes };
}

function knelpunt(fields: Partial<KnelpuntState> = {}): KnelpuntState {
  return { escalated: false, resolvedDate: null, ...fields };
}

const PROGRAMME = [line('sociale_huur', 30), line('middenhuur', 20), line('betaalbare_koop', 10), line('vrije_sector_koop', 40)];

// SPEC §2 "Project" + "Phases and milestones" + "Segments": one place for all derived figures.
describe('SPEC §2 "Project" (001 § 3B, § 19.1): deriveProject combines phase, status and programme totals', () => {
  const table: Array<{
    case: string;
    programme: ProgrammeLine[];
    milestones: Milestone[];
    knelpunten: KnelpuntState[];
    expected: ProjectDerived;
  }> = [
    {
      case: 'a new project with an empty programme is in initiatief, groen, with zero homes',
      programme: [],
      milestones: [],
      knelpunten: [],
      expected: { phase: 'initiatief', status: 'groen', totalHomes: 0, affordableHomes: 0, socialHomes: 0, maxDelayMonths: 0 },
    },
    {
      case: 'a project with a granted permit and start bouw on schedule is in vergunning and groen',
      programme: PROGRAMME,
      milestones: [
        milestone('M07', { baselineDate: '2025-01-01', actualDate: '2025-02-01' }),
        milestone('M09', { baselineDate: '2025-06-01', actualDate: '2025-07-01' }),
        milestone('M11', { baselineDate: '2026-01-01', forecastDate: '2026-02-01' }),
      ],
      knelpunten: [],
      expected: { phase: 'vergunning', status: 'groen', totalHomes: 100, affordableHomes: 60, socialHomes: 30, maxDelayMonths: 0 },
    },
    {
      case: 'a project whose start bouw slips 5 months with an open knelpunt is oranje with a 5-month delay',
      programme: PROGRAMME,
      milestones: [
        milestone('M09', { baselineDate: '2025-06-01', actualDate: '2025-07-01' }),
        milestone('M11', { baselineDate: '2026-01-01', forecastDate: '2026-06-01' }),
      ],
      knelpunten: [knelpunt()],
      expected: { phase: 'vergunning', status: 'oranje', totalHomes: 100, affordableHomes: 60, socialHomes: 30, maxDelayMonths: 5 },
    },
    {
      case: 'a project whose oplevering slips 14 months is rood in realisatie',
      programme: PROGRAMME,
      milestones: [
        milestone('M11', { baselineDate: '2025-01-01', actualDate: '2025-03-01' }),
        milestone('M12', { baselineDate: '2026-01-01', forecastDate: '2027-03-01' }),
      ],
      knelpunten: [],
      expected: { phase: 'realisatie', status: 'rood', totalHomes: 100, affordableHomes: 60, socialHomes: 30, maxDelayMonths: 14 },
    },
    {
      case: 'an on-schedule project with an escalated open knelpunt is rood',
      programme: PROGRAMME,
      milestones: [milestone('M03', { baselineDate: '2025-01-01', actualDate: '2025-01-01' })],
      knelpunten: [knelpunt({ escalated: true })],
      expected: { phase: 'planvorming', status: 'rood', totalHomes: 100, affordableHomes: 60, socialHomes: 30, maxDelayMonths: 0 },
    },
    {
      case: 'a partial oplevering keeps the project in realisatie',
      programme: PROGRAMME,
      milestones: [milestone('M11', { actualDate: '2025-03-01' }), milestone('M12', { actualDate: '2026-06-01', homes: 50 })],
      knelpunten: [knelpunt({ escalated: true, resolvedDate: '2026-01-01' })],
      expected: { phase: 'realisatie', status: 'groen', totalHomes: 100, affordableHomes: 60, socialHomes: 30, maxDelayMonths: 0 },
    },
    {
      case: 'a complete oplevering, even a late one, is opgeleverd and groen',
      programme: PROGRAMME,
      milestones: [
        milestone('M11', { actualDate: '2025-03-01' }),
        milestone('M12', { baselineDate: '2025-12-01', actualDate: '2027-06-01', homes: 100 }),
      ],
      knelpunten: [],
      expected: { phase: 'opgeleverd', status: 'groen', totalHomes: 100, affordableHomes: 60, socialHomes: 30, maxDelayMonths: 0 },
    },
  ];
  it.each(table)('$case', ({ programme, milestones, knelpunten, expected }) => {
    expect(deriveProject({ programme, milestones }, knelpunten)).toEqual(expected);
  });

  it('agrees with derivePhase, projectStatus and programmeTotals called one by one', () => {
    const milestones = [
      milestone('M05', { baselineDate: '2025-01-01', actualDate: '2025-02-01' }),
      milestone('M06', { baselineDate: '2025-06-01', forecastDate: '2025-12-01' }),
      milestone('M11', { baselineDate: '2026-06-01', forecastDate: '2027-09-01' }),
      milestone('M12', { baselineDate: '2028-01-01', forecastDate: '2029-02-01' }),
    ];
    const knelpunten = [knelpunt(), knelpunt({ escalated: true, resolvedDate: '2025-05-01' })];
    const totals = programmeTotals(PROGRAMME);
    const status = projectStatus(milestones, knelpunten);
    expect(deriveProject({ programme: PROGRAMME, milestones }, knelpunten)).toEqual({
      phase: derivePhase(milestones, totals.totalHomes),
      status: status.status,
      totalHomes: totals.totalHomes,
      affordableHomes: totals.affordableHomes,
      socialHomes: totals.socialHomes,
      maxDelayMonths: status.maxDelayMonths,
    });
  });

  // The partial-oplevering rule needs the programme total: deriveProject must pass it to derivePhase.
  it('uses the programme total to decide whether an oplevering is partial', () => {
    const milestones = [milestone('M12', { actualDate: '2026-06-01', homes: 60 })];
    expect(deriveProject({ programme: [line('sociale_huur', 60)], milestones }, []).phase).toBe('opgeleverd');
    expect(deriveProject({ programme: [line('sociale_huur', 60), line('vrije_sector_huur', 1)], milestones }, []).phase).toBe('realisatie');
  });
});

// SPEC §2 "Phases and milestones": "a configurable tolerance" reaches the status through deriveProject.
describe('SPEC §2 "Phases and milestones": deriveProject honours a custom tolerance', () => {
  const milestones = [milestone('M09', { baselineDate: '2025-01-01', forecastDate: '2025-06-01' })]; // 5 months late
  it.each([
    { case: 'with the default tolerance a 5-month slip is oranje', tolerance: undefined, status: 'oranje' as const, max: 5 },
    {
      case: 'with a 6-month tolerance a 5-month slip is groen',
      tolerance: { toleranceMonths: 6, seriousMonths: 12 },
      status: 'groen' as const,
      max: 0,
    },
    {
      case: 'with a 4-month serious threshold a 5-month slip is rood',
      tolerance: { toleranceMonths: 1, seriousMonths: 4 },
      status: 'rood' as const,
      max: 5,
    },
  ])('$case', ({ tolerance, status, max }: { tolerance: DelayTolerance | undefined; status: string; max: number }) => {
    const derived = deriveProject({ programme: [], milestones }, [], tolerance);
    expect(derived.status).toBe(status);
    expect(derived.maxDelayMonths).toBe(max);
  });
});
