/**
 * Unit tests for the consistency checks of a project (src/domain/consistency.ts).
 *
 * SPEC §2 "Project": a project has "the programme (homes per segment × type), jaarschijven (planned
 * completions per year and segment), milestones". SPEC §2 "Phases and milestones": the milestone table
 * with owners (public / private / both) and M12 "oplevering (may be partial, with a number of homes)".
 * Seed `001 § Afspraak 3A`: "woondeal locatielijsten ... in jaarschijven"; `001 § Afspraak 3B`: the PPM
 * tracks "de daarbij overeengekomen publieke en private mijlpalen".
 * Rules (consistency.ts): errors block a save, warnings are shown with the project; only hard legal
 * order is enforced because parallel plannen (SPEC §5, `001 § 15.1`) lets phases overlap.
 */
import { describe, expect, it } from 'vitest';
import { milestone, projectInput as project } from '../../test/helpers/builders.ts';
import { MILESTONE_CODES, type MilestoneCode, type OwnerSide, type Segment } from './codes.ts';
import { checkProject, MILESTONE_ORDER } from './consistency.ts';
import type { Issue } from './errors.ts';
import type { Jaarschijf, Milestone, ProgrammeLine, ProjectInput } from './project.ts';

function line(segment: Segment, homes: number, fields: Partial<ProgrammeLine> = {}): ProgrammeLine {
  return { segment, woningtype: 'gestapeld', doelgroep: 'regulier', homes, ...fields };
}

function schijf(year: number, segment: Segment, homes: number): Jaarschijf {
  return { year, segment, homes };
}

/** A fully valid project: programme, matching jaarschijven and all twelve milestones in order. */
function validProject(): ProjectInput {
  return project({
    programme: [
      line('sociale_huur', 30),
      line('middenhuur', 20, { woningtype: 'grondgebonden' }),
      line('betaalbare_koop', 17),
      line('vrije_sector_koop', 33, { woningtype: 'grondgebonden', doelgroep: 'ouderen' }),
    ],
    jaarschijven: [
      schijf(2027, 'sociale_huur', 30),
      schijf(2027, 'middenhuur', 10),
      schijf(2028, 'middenhuur', 10),
      schijf(2028, 'betaalbare_koop', 17),
      schijf(2028, 'vrije_sector_koop', 33),
    ],
    milestones: [
      milestone('M01', { baselineDate: '2023-01-01', actualDate: '2023-01-15' }),
      milestone('M02', { baselineDate: '2023-06-01', actualDate: '2023-07-01' }),
      milestone('M03', { baselineDate: '2023-10-01', actualDate: '2023-11-01' }),
      milestone('M04', { baselineDate: '2024-03-01', actualDate: '2024-02-01' }),
      milestone('M05', { baselineDate: '2024-06-01', actualDate: '2024-06-15' }),
      milestone('M06', { baselineDate: '2024-12-01', actualDate: '2025-01-10' }),
      milestone('M07', { baselineDate: '2025-03-01', forecastDate: '2025-04-01' }),
      milestone('M08', { baselineDate: '2025-01-01', actualDate: '2025-01-05' }),
      milestone('M09', { baselineDate: '2025-05-01', forecastDate: '2025-06-01' }),
      milestone('M10', { baselineDate: '2025-09-01', forecastDate: '2025-09-01' }),
      milestone('M11', { baselineDate: '2025-10-01', forecastDate: '2025-11-01' }),
      milestone('M12', { baselineDate: '2027-06-01', forecastDate: '2027-09-01', homes: null }),
    ],
  });
}

const codesOf = (issues: Issue[]) => issues.map((i) => i.code);
const pathsOf = (issues: Issue[]) => issues.map((i) => `${i.path} ${i.code}`);

// SPEC §2 "Project" (001 § 3A, 3B): a complete, coherent project passes.
describe('SPEC §2 "Project" (001 § 3A, § 3B): a fully valid project', () => {
  it('yields no errors and no warnings', () => {
    expect(checkProject(validProject())).toEqual({ errors: [], warnings: [] });
  });

  it('yields no errors and no warnings when it has no programme, jaarschijven or milestones yet', () => {
    expect(checkProject(project())).toEqual({ errors: [], warnings: [] });
  });

  it('is not warned about jaarschijven that are not filled in yet', () => {
    expect(checkProject(project({ programme: [line('sociale_huur', 10)] }))).toEqual({ errors: [], warnings: [] });
  });

  it('uses every milestone code in the fixture, so all twelve owners and dates are checked', () => {
    expect(validProject().milestones.map((m) => m.code)).toEqual([...MILESTONE_CODES]);
  });
});

// SPEC §2 "Project": homes are counts — no negative or fractional numbers; each error names the exact field.
describe('SPEC §2 "Project": counts of homes must be whole, non-negative numbers', () => {
  const table: Array<{ case: string; input: ProjectInput; path: string; code: string }> = [
    {
      case: 'a negative programme line names programme[1].homes',
      input: project({ programme: [line('sociale_huur', 10), line('middenhuur', -5)] }),
      path: 'programme[1].homes',
      code: 'negative_count',
    },
    {
      case: 'a fractional programme line names programme[0].homes',
      input: project({ programme: [line('sociale_huur', 2.5), line('middenhuur', 5)] }),
      path: 'programme[0].homes',
      code: 'not_integer',
    },
    {
      case: 'a negative fractional programme line is reported as not an integer',
      input: project({ programme: [line('sociale_huur', -1.5)] }),
      path: 'programme[0].homes',
      code: 'not_integer',
    },
    {
      case: 'NaN in a programme line is reported as not an integer',
      input: project({ programme: [line('sociale_huur', Number.NaN)] }),
      path: 'programme[0].homes',
      code: 'not_integer',
    },
    {
      case: 'a negative jaarschijf names jaarschijven[0].homes',
      input: project({ programme: [line('sociale_huur', 10)], jaarschijven: [schijf(2027, 'sociale_huur', -10), schijf(2028, 'sociale_huur', 20)] }),
      path: 'jaarschijven[0].homes',
      code: 'negative_count',
    },
    {
      case: 'a fractional jaarschijf names jaarschijven[1].homes',
      input: project({ programme: [line('sociale_huur', 10)], jaarschijven: [schijf(2027, 'sociale_huur', 5), schijf(2028, 'sociale_huur', 4.5)] }),
      path: 'jaarschijven[1].homes',
      code: 'not_integer',
    },
    {
      case: 'a negative number of homes on the oplevering names milestones[i].homes of M12',
      input: project({ programme: [line('sociale_huur', 10)], milestones: [milestone('M11'), milestone('M12', { homes: -3 })] }),
      path: 'milestones[1].homes',
      code: 'negative_count',
    },
    {
      case: 'a fractional number of homes on the oplevering names milestones[i].homes of M12',
      input: project({ programme: [line('sociale_huur', 10)], milestones: [milestone('M12', { homes: 3.3 }), milestone('M11')] }),
      path: 'milestones[0].homes',
      code: 'not_integer',
    },
  ];
  it.each(table)('$case', ({ input, path, code }) => {
    const { errors } = checkProject(input);
    expect(pathsOf(errors)).toEqual([`${path} ${code}`]);
  });

  it('reports every bad count separately with its own index', () => {
    const { errors } = checkProject(project({ programme: [line('sociale_huur', -1), line('middenhuur', 4), line('betaalbare_koop', 0.5)] }));
    expect(pathsOf(errors)).toEqual(['programme[0].homes negative_count', 'programme[2].homes not_integer']);
  });

  it('accepts zero homes in a line', () => {
    expect(checkProject(project({ programme: [line('sociale_huur', 0)] })).errors).toEqual([]);
  });
});

// SPEC §2 "Phases and milestones": baseline / forecast / actual dates must be real YYYY-MM-DD dates.
describe('SPEC §2 "Phases and milestones": invalid milestone dates', () => {
  const table: Array<{ case: string; field: 'baselineDate' | 'forecastDate' | 'actualDate'; value: string }> = [
    { case: '30 February as baseline date', field: 'baselineDate', value: '2025-02-30' },
    { case: 'month 13 as forecast date', field: 'forecastDate', value: '2025-13-01' },
    { case: '"abc" as actual date', field: 'actualDate', value: 'abc' },
    { case: '29 February in a common year as forecast date', field: 'forecastDate', value: '2025-02-29' },
    { case: 'a day-month-year date as baseline date', field: 'baselineDate', value: '01-03-2025' },
  ];
  it.each(table)('$case is an invalid_date error on milestones[1].$field', ({ field, value }) => {
    const input = project({ milestones: [milestone('M05', { baselineDate: '2025-01-01' }), milestone('M06', { [field]: value })] });
    const { errors } = checkProject(input);
    expect(pathsOf(errors)).toEqual([`milestones[1].${field} invalid_date`]);
    expect(errors[0]?.message).toContain(value);
  });

  it('skips the order checks when a date is invalid, so no misleading order error is added', () => {
    const input = project({
      milestones: [
        milestone('M11', { forecastDate: '2026-06-01' }),
        milestone('M12', { forecastDate: '2026-01-01' }),
        milestone('M09', { actualDate: '2025-02-30' }),
      ],
    });
    expect(codesOf(checkProject(input).errors)).toEqual(['invalid_date']);
  });
});

// SPEC §2 "Phases and milestones" + consistency.ts MILESTONE_ORDER: hard legal order only
// (ter inzage → vastgesteld → onherroepelijk; aanvraag → vergunning; vergunning → start bouw → oplevering).
describe('SPEC §2 "Phases and milestones": milestone order', () => {
  it('enforces exactly the hard legal order and leaves the rest to parallel plannen (001 § 15.1)', () => {
    expect(MILESTONE_ORDER).toEqual([
      ['M05', 'M06'],
      ['M06', 'M07'],
      ['M08', 'M09'],
      ['M09', 'M11'],
      ['M11', 'M12'],
    ]);
  });

  const table: Array<{ case: string; milestones: Milestone[]; issues: string[] }> = [
    {
      case: 'oplevering forecast before start bouw forecast is an error on the forecastDate of M12',
      milestones: [milestone('M11', { forecastDate: '2026-06-01' }), milestone('M12', { forecastDate: '2026-01-01' })],
      issues: ['milestones[1].forecastDate milestone_order'],
    },
    {
      case: 'the error names the index of M12 wherever it is in the list',
      milestones: [milestone('M12', { forecastDate: '2026-01-01' }), milestone('M10'), milestone('M11', { forecastDate: '2026-06-01' })],
      issues: ['milestones[0].forecastDate milestone_order'],
    },
    {
      case: 'an achieved oplevering before start bouw is an error on the actualDate of M12',
      milestones: [milestone('M11', { actualDate: '2026-06-01' }), milestone('M12', { actualDate: '2026-01-01' })],
      issues: ['milestones[1].actualDate milestone_order'],
    },
    {
      case: 'an achieved oplevering before the forecast start bouw is an error on the actualDate of M12',
      milestones: [milestone('M11', { forecastDate: '2026-06-01' }), milestone('M12', { actualDate: '2026-01-01' })],
      issues: ['milestones[1].actualDate milestone_order'],
    },
    {
      case: 'a forecast oplevering before the achieved start bouw is an error on the forecastDate of M12',
      milestones: [milestone('M11', { actualDate: '2026-06-01', forecastDate: '2025-01-01' }), milestone('M12', { forecastDate: '2026-01-01' })],
      issues: ['milestones[1].forecastDate milestone_order'],
    },
    {
      case: 'the actual date of start bouw replaces its stale forecast in the order check',
      milestones: [milestone('M11', { forecastDate: '2027-01-01', actualDate: '2025-06-01' }), milestone('M12', { forecastDate: '2026-01-01' })],
      issues: [],
    },
    {
      case: 'oplevering on the same day as start bouw is allowed',
      milestones: [milestone('M11', { forecastDate: '2026-01-01' }), milestone('M12', { forecastDate: '2026-01-01' })],
      issues: [],
    },
    {
      case: 'a vastgesteld omgevingsplan before its ontwerp was ter inzage is an error on M06',
      milestones: [milestone('M05', { forecastDate: '2025-06-01' }), milestone('M06', { forecastDate: '2025-03-01' })],
      issues: ['milestones[1].forecastDate milestone_order'],
    },
    {
      case: 'an onherroepelijk omgevingsplan before it was vastgesteld is an error on M07',
      milestones: [milestone('M06', { actualDate: '2025-06-01' }), milestone('M07', { forecastDate: '2025-03-01' })],
      issues: ['milestones[1].forecastDate milestone_order'],
    },
    {
      case: 'a permit granted before it was requested is an error on M09',
      milestones: [milestone('M09', { actualDate: '2025-03-01' }), milestone('M08', { actualDate: '2025-06-01' })],
      issues: ['milestones[0].actualDate milestone_order'],
    },
    {
      case: 'start bouw before the permit is an error on M11',
      milestones: [milestone('M09', { forecastDate: '2025-09-01' }), milestone('M11', { forecastDate: '2025-06-01' })],
      issues: ['milestones[1].forecastDate milestone_order'],
    },
    {
      case: 'a permit requested before the omgevingsplan is onherroepelijk is allowed (parallel plannen)',
      milestones: [
        milestone('M07', { forecastDate: '2026-01-01' }),
        milestone('M08', { forecastDate: '2025-06-01' }),
        milestone('M09', { forecastDate: '2025-10-01' }),
      ],
      issues: [],
    },
    {
      case: 'start bouw before the anterieure overeenkomst is not checked',
      milestones: [milestone('M04', { forecastDate: '2027-01-01' }), milestone('M11', { forecastDate: '2026-01-01' })],
      issues: [],
    },
    {
      case: 'a milestone without any date is not checked against its neighbour',
      milestones: [milestone('M11'), milestone('M12', { forecastDate: '2020-01-01' })],
      issues: [],
    },
  ];
  it.each(table)('$case', ({ milestones, issues }) => {
    const { errors } = checkProject(project({ milestones }));
    expect(pathsOf(errors)).toEqual(issues);
  });

  it('explains the order error in Dutch with both milestones and dates', () => {
    const { errors } = checkProject(
      project({ milestones: [milestone('M11', { forecastDate: '2026-06-01' }), milestone('M12', { forecastDate: '2026-01-01' })] }),
    );
    expect(errors[0]?.message).toBe('Oplevering (M12) (1 januari 2026) ligt vóór Start bouw (M11) (1 juni 2026).');
  });
});

// SPEC §2 "Phases and milestones": "a baseline date (agreed plan)" is a plan of its own and is checked separately.
describe('SPEC §2 "Phases and milestones": baseline order is checked separately from forecast and actual dates', () => {
  it.each([
    {
      case: 'baselines out of order with forecasts in order give only a baselineDate error',
      m11: { baselineDate: '2026-06-01', forecastDate: '2026-01-01' },
      m12: { baselineDate: '2026-01-01', forecastDate: '2027-01-01' },
      issues: ['milestones[1].baselineDate milestone_order'],
    },
    {
      case: 'forecasts out of order with baselines in order give only a forecastDate error',
      m11: { baselineDate: '2026-01-01', forecastDate: '2027-06-01' },
      m12: { baselineDate: '2027-01-01', forecastDate: '2027-01-01' },
      issues: ['milestones[1].forecastDate milestone_order'],
    },
    {
      case: 'both out of order give two errors, baseline first',
      m11: { baselineDate: '2026-06-01', forecastDate: '2027-06-01' },
      m12: { baselineDate: '2026-01-01', forecastDate: '2027-01-01' },
      issues: ['milestones[1].baselineDate milestone_order', 'milestones[1].forecastDate milestone_order'],
    },
    {
      case: 'a baseline on one side only is not compared',
      m11: { baselineDate: '2026-06-01' },
      m12: { forecastDate: '2027-01-01' },
      issues: [],
    },
  ])('$case', ({ m11, m12, issues }) => {
    const { errors } = checkProject(project({ milestones: [milestone('M11', m11), milestone('M12', m12)] }));
    expect(pathsOf(errors)).toEqual(issues);
  });
});

// SPEC §2 "Project": one milestone per code, one programme line per segment × type × target group,
// one jaarschijf per year × segment.
describe('SPEC §2 "Project" (001 § 3A): duplicates', () => {
  it.each([
    {
      case: 'a milestone code entered twice is a duplicate error on the second one',
      input: project({ milestones: [milestone('M02'), milestone('M03'), milestone('M02')] }),
      issues: ['milestones[2].code duplicate'],
    },
    {
      case: 'a programme line with the same segment, type and target group is a duplicate error',
      input: project({ programme: [line('sociale_huur', 10), line('middenhuur', 5), line('sociale_huur', 3)] }),
      issues: ['programme[2] duplicate'],
    },
    {
      case: 'programme lines of the same segment with another type are not duplicates',
      input: project({ programme: [line('sociale_huur', 10), line('sociale_huur', 3, { woningtype: 'grondgebonden' })] }),
      issues: [],
    },
    {
      case: 'programme lines of the same segment and type with another target group are not duplicates',
      input: project({ programme: [line('sociale_huur', 10), line('sociale_huur', 3, { doelgroep: 'student' })] }),
      issues: [],
    },
    {
      case: 'a jaarschijf for the same year and segment is a duplicate error',
      input: project({ programme: [line('sociale_huur', 10)], jaarschijven: [schijf(2027, 'sociale_huur', 5), schijf(2027, 'sociale_huur', 5)] }),
      issues: ['jaarschijven[1] duplicate'],
    },
  ])('$case', ({ input, issues }) => {
    expect(pathsOf(checkProject(input).errors)).toEqual(issues);
  });

  it('names a duplicate programme line in words, not codes (the message is shown next to the row)', () => {
    const [issue] = checkProject(project({ programme: [line('sociale_huur', 10), line('sociale_huur', 3)] })).errors;
    expect(issue?.message).toBe('De combinatie sociale huur, gestapeld, regulier staat er twee keer in.');
  });
});

// SPEC §2 (001 § 3A: jaarschijven "t/m 2030" and 2031–2035): years must be plausible whole years.
describe('SPEC §2 "Project" (001 § 3A): jaarschijf years', () => {
  it.each([
    { year: 1999, ok: false },
    { year: 2000, ok: true },
    { year: 2035, ok: true },
    { year: 2100, ok: true },
    { year: 2101, ok: false },
    { year: 2027.5, ok: false },
  ])('year $year is accepted: $ok', ({ year, ok }) => {
    const input = project({ programme: [line('sociale_huur', 5)], jaarschijven: [schijf(year, 'sociale_huur', 5)] });
    expect(pathsOf(checkProject(input).errors)).toEqual(ok ? [] : ['jaarschijven[0].year invalid_year']);
  });
});

// SPEC §2 "Phases and milestones" table: each milestone has an owner side (public, private, both).
describe('SPEC §2 "Phases and milestones": owner side of each milestone', () => {
  const table: Array<{ code: MilestoneCode; allowed: OwnerSide[]; refused: OwnerSide[] }> = [
    { code: 'M01', allowed: ['privaat', 'publiek'], refused: ['beide'] },
    { code: 'M02', allowed: ['beide'], refused: ['publiek', 'privaat'] },
    { code: 'M03', allowed: ['publiek'], refused: ['privaat', 'beide'] },
    { code: 'M04', allowed: ['beide'], refused: ['publiek', 'privaat'] },
    { code: 'M05', allowed: ['publiek'], refused: ['privaat', 'beide'] },
    { code: 'M06', allowed: ['publiek'], refused: ['privaat', 'beide'] },
    { code: 'M07', allowed: ['publiek'], refused: ['privaat', 'beide'] },
    { code: 'M08', allowed: ['privaat'], refused: ['publiek', 'beide'] },
    { code: 'M09', allowed: ['publiek'], refused: ['privaat', 'beide'] },
    { code: 'M10', allowed: ['privaat'], refused: ['publiek', 'beide'] },
    { code: 'M11', allowed: ['privaat'], refused: ['publiek', 'beide'] },
    { code: 'M12', allowed: ['privaat'], refused: ['publiek', 'beide'] },
  ];
  it.each(table)('$code may be owned by $allowed and not by $refused', ({ code, allowed, refused }) => {
    for (const ownerSide of allowed) {
      expect(checkProject(project({ milestones: [milestone(code, { ownerSide })] })).errors).toEqual([]);
    }
    for (const ownerSide of refused) {
      const { errors } = checkProject(project({ milestones: [milestone(code === 'M01' ? 'M02' : 'M01'), milestone(code, { ownerSide })] }));
      expect(pathsOf(errors)).toEqual(['milestones[1].ownerSide owner_side']);
    }
  });

  it('explains which side owns the milestone', () => {
    const { errors } = checkProject(project({ milestones: [milestone('M11', { ownerSide: 'publiek' })] }));
    expect(errors).toEqual([{ path: 'milestones[0].ownerSide', code: 'owner_side', message: 'Start bouw (M11) hoort bij privaat.' }]);
  });
});

// SPEC §2 table: "M12 oplevering (may be partial, with a number of homes)" — homes belong only to M12,
// and cannot exceed the programme.
describe('SPEC §2 "Phases and milestones": homes on milestones', () => {
  it.each(MILESTONE_CODES.filter((c) => c !== 'M12'))('a number of homes on %s is not allowed', (code) => {
    const { errors } = checkProject(
      project({ programme: [line('sociale_huur', 10)], milestones: [milestone('M12'), milestone(code, { homes: 5 })] }),
    );
    expect(pathsOf(errors)).toEqual(['milestones[1].homes homes_not_allowed']);
  });

  it.each([
    { case: 'a partial oplevering below the programme is allowed', homes: 40, issues: [] as string[] },
    { case: 'an oplevering of exactly the programme is allowed', homes: 100, issues: [] as string[] },
    { case: 'an oplevering of zero homes is allowed', homes: 0, issues: [] as string[] },
    {
      case: 'an oplevering of more homes than the programme is an exceeds_programme error',
      homes: 101,
      issues: ['milestones[0].homes exceeds_programme'],
    },
  ])('$case', ({ homes, issues }) => {
    const input = project({ programme: [line('sociale_huur', 60), line('vrije_sector_koop', 40)], milestones: [milestone('M12', { homes })] });
    expect(pathsOf(checkProject(input).errors)).toEqual(issues);
  });

  it('an oplevering with homes but an empty programme exceeds the programme', () => {
    expect(pathsOf(checkProject(project({ milestones: [milestone('M12', { homes: 1 })] })).errors)).toEqual([
      'milestones[0].homes exceeds_programme',
    ]);
  });
});

// SPEC §2 "Project": "jaarschijven (planned completions per year and segment)" should add up to the programme
// per segment (001 § 3A); a mismatch is a warning shown with the project, not an error that blocks a save.
describe('SPEC §2 "Project" (001 § 3A): jaarschijven summing to the programme', () => {
  it('gives one warning per segment that does not match, and no error', () => {
    const input = project({
      programme: [line('sociale_huur', 30), line('middenhuur', 20), line('vrije_sector_koop', 50)],
      jaarschijven: [
        schijf(2027, 'sociale_huur', 20),
        schijf(2028, 'sociale_huur', 5),
        schijf(2027, 'middenhuur', 20),
        schijf(2028, 'betaalbare_koop', 4),
      ],
    });
    const { errors, warnings } = checkProject(input);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => `${w.path} ${w.code}`)).toEqual([
      'jaarschijven jaarschijven_mismatch',
      'jaarschijven jaarschijven_mismatch',
      'jaarschijven jaarschijven_mismatch',
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Sociale huur: de jaarschijven tellen op tot 25 woningen, het programma heeft er 30.',
      'Betaalbare koop: de jaarschijven tellen op tot 4 woningen, het programma heeft er 0.',
      'Vrije sector koop: de jaarschijven tellen op tot 0 woningen, het programma heeft er 50.',
    ]);
  });

  it('gives no warning when jaarschijven over several years match the programme per segment', () => {
    const input = project({
      programme: [line('sociale_huur', 30), line('sociale_huur', 10, { doelgroep: 'ouderen' })],
      jaarschijven: [schijf(2026, 'sociale_huur', 15), schijf(2027, 'sociale_huur', 15), schijf(2031, 'sociale_huur', 10)],
    });
    expect(checkProject(input)).toEqual({ errors: [], warnings: [] });
  });

  it('gives no mismatch warnings while there are errors to fix first', () => {
    const input = project({ programme: [line('sociale_huur', -30)], jaarschijven: [schijf(2027, 'sociale_huur', 30)] });
    const { errors, warnings } = checkProject(input);
    expect(codesOf(errors)).toEqual(['negative_count']);
    expect(warnings).toEqual([]);
  });
});
