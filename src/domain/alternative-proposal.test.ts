/**
 * The rules of a gemeente's proposal for an alternative (src/domain/alternative-proposal.ts). `001 § Afspraak 3B`
 * ("Aandragen alternatieve projecten": gemeenten bring alternative projects to the table on delay); SPEC §2 (the
 * homes and the year they come: jaarschijven); `001 § Afspraak 3A` (programming to 2035: the horizon).
 */
import { describe, expect, it } from 'vitest';
import { proposalProblems, proposalYears, type ProposalInput } from './alternative-proposal.ts';

const TODAY = '2026-12-01';
const input = (fields: Partial<ProposalInput> = {}): ProposalInput => ({
  kind: 'alternatief_project',
  projectId: null,
  title: 'Tijdelijke woningen Zeeburgereiland',
  description: null,
  homes: 120,
  year: 2027,
  ...fields,
});
const context = (project: { gemeenteCode: string; phase: 'realisatie' | 'opgeleverd' } | null = null) => ({
  gemeenteCode: 'GM0363',
  gemeenteName: 'Amsterdam',
  project,
  today: TODAY,
});
const paths = (i: ProposalInput, c = context()) => proposalProblems(i, c).map((p) => `${p.path}:${p.code}`);

describe('`001 § Afspraak 3B`: a proposal names the homes it adds and the year', () => {
  it('a complete alternative project without an existing project is fine', () => {
    expect(paths(input())).toEqual([]);
  });

  it('homes must be a whole number above 0, and not absurd', () => {
    expect(paths(input({ homes: 0 }))).toEqual(['homes:not_positive']);
    expect(paths(input({ homes: -5 }))).toEqual(['homes:not_positive']);
    expect(paths(input({ homes: 2.5 }))).toEqual(['homes:not_positive']);
    expect(paths(input({ homes: null }))).toEqual(['homes:not_positive']);
    expect(paths(input({ homes: 100_001 }))).toEqual(['homes:too_many']);
  });

  it('`001 § Afspraak 3A`: the year lies from this year to the end of the programming period (2035)', () => {
    expect(proposalYears(TODAY)).toEqual({ from: 2026, to: 2035 });
    expect(paths(input({ year: 2026 }))).toEqual([]);
    expect(paths(input({ year: 2035 }))).toEqual([]);
    expect(paths(input({ year: 2025 }))).toEqual(['year:year_out_of_range']);
    expect(paths(input({ year: 2036 }))).toEqual(['year:year_out_of_range']);
    expect(paths(input({ year: null }))).toEqual(['year:required']);
    expect(proposalProblems(input({ year: 2025 }), context())[0]!.message).toMatch(/van 2026 tot en met 2035/);
  });

  it('a title is required and short; the explanation is bounded', () => {
    expect(paths(input({ title: '   ' }))).toEqual(['title:required']);
    expect(paths(input({ title: 'x'.repeat(201) }))).toEqual(['title:too_long']);
    expect(paths(input({ description: 'x'.repeat(2001) }))).toEqual(['description:too_long']);
  });
});

describe('`001 § Afspraak 3B`: an acceleration is of a project of the gemeente itself', () => {
  it('an acceleration needs a project', () => {
    expect(paths(input({ kind: 'versnelling' }))).toEqual(['projectId:required']);
  });

  it('the project must be of the proposer’s gemeente (unknown counts the same)', () => {
    const other = { gemeenteCode: 'GM0384', phase: 'realisatie' as const };
    expect(paths(input({ kind: 'versnelling', projectId: 'p1' }), context(other))).toEqual(['projectId:not_own_project']);
    expect(paths(input({ kind: 'versnelling', projectId: 'p1' }), context(null))).toEqual(['projectId:not_own_project']);
    expect(proposalProblems(input({ projectId: 'p1' }), context(other))[0]!.message).toMatch(/uw eigen gemeente \(Amsterdam\)/);
    expect(paths(input({ kind: 'versnelling', projectId: 'p1' }), context({ gemeenteCode: 'GM0363', phase: 'realisatie' }))).toEqual([]);
  });

  it('a completed project cannot be accelerated', () => {
    expect(paths(input({ kind: 'versnelling', projectId: 'p1' }), context({ gemeenteCode: 'GM0363', phase: 'opgeleverd' }))).toEqual([
      'projectId:already_completed',
    ]);
  });

  it('reports every problem at once, each at its field', () => {
    expect(paths(input({ kind: 'versnelling', title: '', homes: 0, year: 2020 }))).toEqual([
      'title:required',
      'homes:not_positive',
      'year:year_out_of_range',
      'projectId:required',
    ]);
  });
});
