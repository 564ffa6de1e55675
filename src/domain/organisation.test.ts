/** Which pairs of organisations may merge (issue 11 item 2; SPEC §2 "Organisation", §7). */
import { describe, expect, it } from 'vitest';
import { mergeProblems, type MergeCandidate } from './organisation.ts';

const org = (id: string, fields: Partial<MergeCandidate> = {}): MergeCandidate => ({
  id,
  name: `Organisatie ${id}`,
  type: 'ontwikkelaar',
  synthetic: false,
  mergedIntoId: null,
  ...fields,
});
const codes = (a: MergeCandidate, b: MergeCandidate) => mergeProblems(a, b).map((p) => `${p.path}:${p.code}`);

describe('mergeProblems', () => {
  it('two registered organisations of any registrable type may merge', () => {
    expect(codes(org('a'), org('b', { type: 'corporatie' }))).toEqual([]);
  });

  it('not into itself, not twice', () => {
    expect(codes(org('a'), org('a'))).toEqual(['intoOrganisationId:same_organisation']);
    expect(codes(org('a', { mergedIntoId: 'c' }), org('b'))).toEqual(['id:already_merged']);
    expect(codes(org('a'), org('b', { mergedIntoId: 'c' }))).toEqual(['intoOrganisationId:already_merged']);
  });

  it('gemeenten merge by herindeling, said in Dutch; other public bodies are reference data', () => {
    const [problem] = mergeProblems(org('a', { type: 'gemeente', name: 'Weesp' }), org('b'));
    expect(problem).toMatchObject({ path: 'id', code: 'public_body' });
    expect(problem!.message).toMatch(/^Weesp is een gemeente.*herindeling/);
    expect(codes(org('a'), org('b', { type: 'provincie' }))).toEqual(['intoOrganisationId:public_body']);
  });

  it('demo data never goes into real data, nor the other way', () => {
    expect(codes(org('a', { synthetic: true }), org('b'))).toEqual(['intoOrganisationId:demo_and_real']);
    expect(codes(org('a'), org('b', { synthetic: true }))).toEqual(['intoOrganisationId:demo_and_real']);
  });
});
