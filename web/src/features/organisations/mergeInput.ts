/** Merging a duplicate organisation (issue 11 item 2): which organisations may be kept, and the counts in plain Dutch. */
import { asMergeCandidate, mergeProblems, type MergeCounts } from '../../../../src/domain/organisation.ts';
import { matchesSearch } from './organisationInput.ts';

export type { MergeCounts };

interface Candidate {
  id: string;
  name: string;
  type: string;
  kvkNumber: string | null;
  synthetic: boolean;
  mergedInto: { id: string } | null;
}

/**
 * The organisations `duplicate` may go into, matching the search: registered ones (no gemeente, province, state or
 * water board), not itself, and demo data only with demo data (the server's rule: src/domain/organisation.ts mergeProblems).
 */
export function mergeCandidates<T extends Candidate>(duplicate: Candidate, all: readonly T[], search: string): T[] {
  return all.filter((o) => mergeProblems(asMergeCandidate(duplicate), asMergeCandidate(o)).length === 0 && matchesSearch(o, search));
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 projecten en 2 mensen gaan over naar ‘Bouwbedrijf X’." (only what there is), or that nothing moves. */
export function describeMerge(counts: MergeCounts, keptName: string): string {
  const parts = [
    counts.projects > 0 && count(counts.projects, 'project', 'projecten'),
    counts.people > 0 && count(counts.people, 'persoon', 'mensen'),
    counts.deliveries > 0 && count(counts.deliveries, 'levering in een open kwartaalronde', 'leveringen in een open kwartaalronde'),
    counts.regions > 0 && count(counts.regions, 'lidmaatschap van een tafel', 'lidmaatschappen van een tafel'),
    counts.invitations > 0 && count(counts.invitations, 'uitnodiging', 'uitnodigingen'),
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return `Er hoort niets bij deze organisatie. Alleen de naam verdwijnt uit de lijst; ‘${keptName}’ blijft.`;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)!}`;
  const total = counts.projects + counts.people + counts.deliveries + counts.regions + counts.invitations;
  return `${list} ${total === 1 ? 'gaat' : 'gaan'} over naar ‘${keptName}’.`;
}
