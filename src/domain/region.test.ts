/**
 * Unit tests for the region rules (src/domain/region.ts), issue 11 item 1.
 *
 * SPEC §2 "Geography": a versnellingstafel is a set of gemeenten; "Quarterly round": a closed quarter is frozen and
 * every quarter stays queryable ("as of Q2 2026"). Seed `001 § Afspraak 3B`: a versnellingstafel in every region,
 * the PPM updated every quarter, with parties joining and leaving.
 */
import { describe, expect, it } from 'vitest';
import {
  closedQuarterProblems,
  conflictIssues,
  coverageInputProblems,
  newRegionProblems,
  planCoverageChange,
  regionNameProblems,
  tableOfGemeenteInQuarter,
  type CoveragePeriod,
  type RegionFacts,
} from './region.ts';

const known = new Set(['GM0363', 'GM0362', 'GM0384', 'GM0599', 'GM0606']);
const table = (id: string, over: Partial<RegionFacts> = {}): RegionFacts => ({
  id,
  kind: 'versnellingstafel',
  name: `Tafel ${id}`,
  ended: false,
  lastClosedQuarter: null,
  ...over,
});
const open = (regionId: string, gemeenteCode: string, fromQuarter: CoveragePeriod['fromQuarter'] = null): CoveragePeriod => ({
  regionId,
  gemeenteCode,
  fromQuarter,
  untilQuarter: null,
});

describe('SPEC §2 "Geography" (001 § Afspraak 3B): a new or renamed versnellingstafel', () => {
  it('needs a name that no other region has (case-insensitive), at most 120 characters', () => {
    const others = [{ id: 'a', name: 'Tafel Amstel' }];
    expect(regionNameProblems('  ', others)).toEqual([expect.objectContaining({ path: 'name', code: 'required' })]);
    expect(regionNameProblems('x'.repeat(121), others)).toEqual([expect.objectContaining({ code: 'too_long' })]);
    expect(regionNameProblems('tafel amstel', others)[0]).toMatchObject({ code: 'duplicate_name', message: expect.stringContaining('Tafel Amstel') });
    expect(regionNameProblems('Tafel Amstel', others, 'a')).toEqual([]);
  });

  it('covers at least one known gemeente, none twice, from a well-formed quarter', () => {
    expect(coverageInputProblems([], '2027-Q1', known)).toEqual([expect.objectContaining({ path: 'gemeenteCodes', code: 'required' })]);
    expect(coverageInputProblems(['GM0363', 'GM9999', 'GM0363'], '2027-5', known).map((i) => [i.path, i.code])).toEqual([
      ['gemeenteCodes[1]', 'unknown_gemeente'],
      ['gemeenteCodes[2]', 'duplicate'],
      ['fromQuarter', 'invalid_quarter'],
    ]);
    expect(newRegionProblems({ name: 'Nieuw', gemeenteCodes: ['GM0363'], fromQuarter: '2027-Q1' }, { regions: [], knownGemeenten: known })).toEqual(
      [],
    );
  });

  it('starts in the current quarter or an earlier one, never a later one (the current coverage changes at once)', () => {
    expect(coverageInputProblems(['GM0363'], '2026-Q4', known, '2026-Q4')).toEqual([]);
    expect(coverageInputProblems(['GM0363'], '2025-Q2', known, '2026-Q4')).toEqual([]);
    expect(coverageInputProblems(['GM0363'], '2027-Q1', known, '2026-Q4')).toEqual([
      expect.objectContaining({ path: 'fromQuarter', code: 'future_quarter', message: expect.stringContaining('huidige kwartaal') }),
    ]);
    const context = { regions: [], knownGemeenten: known, currentQuarter: '2026-Q4' as const };
    expect(newRegionProblems({ name: 'Nieuw', gemeenteCodes: ['GM0363'], fromQuarter: '2027-Q1' }, context).map((i) => i.code)).toEqual([
      'future_quarter',
    ]);
  });
});

describe('SPEC §2 "Quarterly round": a dated coverage change', () => {
  it('adds gemeenten from the quarter and closes removed ones at the quarter before', () => {
    const { plan, issues, conflicts } = planCoverageChange({
      region: table('a'),
      gemeenteCodes: ['GM0363', 'GM0384'],
      fromQuarter: '2027-Q1',
      openPeriods: [open('a', 'GM0363'), open('a', 'GM0362')],
      regions: [table('a')],
      moveFromOtherTables: false,
    });
    expect(issues).toEqual([]);
    expect(conflicts).toEqual([]);
    expect(plan).toMatchObject({ added: ['GM0384'], removed: ['GM0362'], moves: [], cancel: [] });
    expect(plan.close).toEqual([{ regionId: 'a', gemeenteCode: 'GM0362', untilQuarter: '2026-Q4' }]);
    expect(plan.open).toEqual([{ regionId: 'a', gemeenteCode: 'GM0384', fromQuarter: '2027-Q1' }]);
  });

  it('a gemeente in another running versnellingstafel is a conflict naming that table, unless it is told to move', () => {
    const regions = [table('a'), table('b', { name: 'Tafel Zaanstreek' })];
    const input = {
      region: regions[0]!,
      gemeenteCodes: ['GM0363', 'GM0599'],
      fromQuarter: '2027-Q1' as const,
      openPeriods: [open('a', 'GM0363'), open('b', 'GM0599')],
      regions,
    };
    const refused = planCoverageChange({ ...input, moveFromOtherTables: false });
    expect(conflictIssues(refused.conflicts, (c) => `gemeente ${c}`)).toEqual([
      { path: 'gemeenteCodes[1]', code: 'in_other_table', message: expect.stringContaining('Tafel Zaanstreek') },
    ]);
    const moved = planCoverageChange({ ...input, moveFromOtherTables: true });
    expect(moved.conflicts).toEqual([]);
    expect(moved.plan.moves).toEqual([{ gemeenteCode: 'GM0599', fromRegionId: 'b' }]);
    // The membership there ends from the same quarter: its period closes at the quarter before.
    expect(moved.plan.close).toEqual([{ regionId: 'b', gemeenteCode: 'GM0599', untilQuarter: '2026-Q4' }]);
  });

  it('a gemeente of a stopped table moves without asking; one in a woondeal region also stays there (another kind)', () => {
    const regions = [table('a'), table('b', { ended: true }), table('w', { kind: 'woondealregio' })];
    const { plan, conflicts } = planCoverageChange({
      region: regions[0]!,
      gemeenteCodes: ['GM0599', 'GM0606'],
      fromQuarter: '2027-Q1',
      openPeriods: [open('b', 'GM0599'), open('w', 'GM0606')],
      regions,
      moveFromOtherTables: false,
    });
    expect(conflicts).toEqual([]);
    expect(plan.moves).toEqual([{ gemeenteCode: 'GM0599', fromRegionId: 'b' }]);
  });

  it('a period that was to start at or after the change never applied: it is dropped, not closed', () => {
    const { plan } = planCoverageChange({
      region: table('a'),
      gemeenteCodes: ['GM0363'],
      fromQuarter: '2027-Q1',
      openPeriods: [open('a', 'GM0363'), open('a', 'GM0384', '2027-Q2')],
      regions: [table('a')],
      moveFromOtherTables: false,
    });
    expect(plan.cancel).toEqual([{ regionId: 'a', gemeenteCode: 'GM0384' }]);
    expect(plan.close).toEqual([]);
  });

  it('never starts in a quarter already closed for the table or for a table a gemeente leaves: closed history is not rewritten', () => {
    const regions = [table('a', { lastClosedQuarter: '2026-Q3' }), table('b', { name: 'Tafel Zaanstreek', lastClosedQuarter: '2026-Q4' })];
    const base = { region: regions[0]!, openPeriods: [open('a', 'GM0363'), open('b', 'GM0599')], regions, moveFromOtherTables: true };
    expect(planCoverageChange({ ...base, gemeenteCodes: ['GM0363', 'GM0384'], fromQuarter: '2026-Q3' }).issues).toEqual([
      expect.objectContaining({ path: 'fromQuarter', code: 'quarter_closed' }),
    ]);
    expect(planCoverageChange({ ...base, gemeenteCodes: ['GM0363', 'GM0384'], fromQuarter: '2026-Q4' }).issues).toEqual([]);
    const leaving = planCoverageChange({ ...base, gemeenteCodes: ['GM0363', 'GM0599'], fromQuarter: '2026-Q4' });
    expect(leaving.issues).toEqual([expect.objectContaining({ message: expect.stringContaining('Tafel Zaanstreek') })]);
    expect(closedQuarterProblems('2027-Q1', regions)).toEqual([]);
    // Nothing to change: no issue, whatever the quarter.
    expect(planCoverageChange({ ...base, gemeenteCodes: ['GM0363'], fromQuarter: '2025-Q1' }).issues).toEqual([]);
  });
});

describe('SPEC §2 "Quarterly round" (001 § Afspraak 3B): which table a gemeente belonged to in a quarter', () => {
  const periods: CoveragePeriod[] = [
    { regionId: 'b', gemeenteCode: 'GM0599', fromQuarter: null, untilQuarter: '2026-Q4' },
    { regionId: 'a', gemeenteCode: 'GM0599', fromQuarter: '2027-Q1', untilQuarter: null },
  ];
  it('answers from the period that includes the quarter', () => {
    expect(tableOfGemeenteInQuarter(periods, 'GM0599', '2020-Q1')).toBe('b');
    expect(tableOfGemeenteInQuarter(periods, 'GM0599', '2026-Q4')).toBe('b');
    expect(tableOfGemeenteInQuarter(periods, 'GM0599', '2027-Q1')).toBe('a');
    expect(tableOfGemeenteInQuarter(periods, 'GM0599', '2030-Q2')).toBe('a');
    expect(tableOfGemeenteInQuarter(periods, 'GM0363', '2027-Q1')).toBeNull();
  });
});
