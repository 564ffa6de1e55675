/**
 * What a change makes out of date, in one place. Each function is called after the server accepted a
 * change. Queries on screen are fetched again at once; cached queries of pages not on screen are
 * dropped, so the next visit shows a loading state and then the new figures — never the old ones.
 */
import { hashKey, type Query, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { queryKeys } from './queryKeys.ts';
import type { ProjectDetail, RoundDetail } from './types.ts';

/** Fetch again what is on screen under these prefixes; forget the rest. `keep` (exact keys) is left as it is. */
export async function refresh(client: QueryClient, prefixes: readonly QueryKey[], keep: readonly QueryKey[] = []): Promise<void> {
  const kept = new Set(keep.map(hashKey));
  const predicate = (query: Query) => !kept.has(query.queryHash);
  for (const queryKey of prefixes) client.removeQueries({ queryKey, type: 'inactive', predicate });
  await Promise.all(prefixes.map((queryKey) => client.invalidateQueries({ queryKey, predicate })));
}

/** Everything that shows a project's dates, status, knelpunten or figures summed over projects. */
function projectFigures(projectId: string): QueryKey[] {
  return [
    queryKeys.project.detail(projectId),
    queryKeys.projects.all,
    queryKeys.dashboard.all,
    queryKeys.round.all,
    queryKeys.map.all,
    queryKeys.national.all,
    queryKeys.public.all,
  ];
}

/**
 * A project was changed (a milestone date, a re-baseline, …) and the server answered with the saved
 * project: show that at once, and refresh its history, the project list, every Tafeloverzicht, the
 * quarterly rounds (delivery status, expired forecasts), the map and the national figures.
 */
export function projectSaved(client: QueryClient, saved: ProjectDetail): Promise<void> {
  const detail = queryKeys.project.detail(saved.id);
  client.setQueryData(detail, saved);
  return refresh(client, projectFigures(saved.id), [detail]);
}

/**
 * A duplicate was merged into the record that stays (the server answered with that record): both records' pages
 * and every figure summed over projects.
 */
export function projectsMerged(client: QueryClient, kept: ProjectDetail, duplicateId: string): Promise<void> {
  const detail = queryKeys.project.detail(kept.id);
  client.setQueryData(detail, kept);
  return refresh(client, [...projectFigures(kept.id), queryKeys.project.detail(duplicateId)], [detail]);
}

/** A project was deleted: its page is forgotten, every figure summed over projects is fetched again. */
export function projectDeleted(client: QueryClient, projectId: string): Promise<void> {
  client.removeQueries({ queryKey: queryKeys.project.detail(projectId) });
  return refresh(client, projectFigures(projectId).slice(1));
}

/**
 * A quarterly round was opened or closed, or a party's delivery was confirmed or undone: the round
 * pages and the Tafeloverzicht's delivery summary; closing also freezes projects (their quarter
 * history), and a confirmation counts as the project's update of the quarter. `saved`: the round as the
 * server answered (shown at once, not fetched again).
 */
export function roundChanged(client: QueryClient, saved?: RoundDetail): Promise<void> {
  if (saved) client.setQueryData(queryKeys.round.detail(saved.id), saved);
  return refresh(
    client,
    [queryKeys.round.all, queryKeys.dashboard.all, queryKeys.project.all, queryKeys.projects.all],
    saved ? [queryKeys.round.detail(saved.id)] : [],
  );
}

/**
 * Targets were added, changed or imported: the target list, and the figures measured against targets —
 * every Tafeloverzicht (target and shortfall) and the national roll-up (attainment, special targets).
 */
export function targetsChanged(client: QueryClient): Promise<void> {
  return refresh(client, [queryKeys.targets.all, queryKeys.dashboard.all, queryKeys.national.all]);
}

/** A plancapaciteit norm was set: the norms and every plancapaciteit figure (its test against the norm). */
export function normChanged(client: QueryClient): Promise<void> {
  return refresh(client, [queryKeys.national.norms, queryKeys.national.plancapaciteitAll]);
}

/** An organisation was registered or corrected: the list of organisations, and the page bundles that may hold it. */
export function organisationsChanged(client: QueryClient): Promise<void> {
  return refresh(client, [queryKeys.reference.organisations, queryKeys.reference.bundles]);
}

/** A table or region was created or changed (Tafels inrichten): the regions, their details, and what reads their gemeenten. */
export function regionsChanged(client: QueryClient): Promise<void> {
  return refresh(client, [queryKeys.reference.regions, queryKeys.reference.bundles, queryKeys.dashboard.all]);
}

/** An administrator changed someone's account (role, scope, deactivated): the list of people. */
export function peopleChanged(client: QueryClient): Promise<void> {
  return refresh(client, [queryKeys.people.all]);
}

/**
 * Someone else signed in or out: nothing cached may be shown to them, not even reference lists
 * (organisations need an account). Everything is dropped (running requests cancelled) rather than
 * fetched again at once: the sign-in and sign-out both move on to another page, which asks for what it
 * needs as the new user; a refetch of the page being left would only answer 401 after signing out.
 */
export function userChanged(client: QueryClient): void {
  client.removeQueries();
}

/** A gemeente proposed an alternative or withdrew one: the table's proposals and its agenda. */
export function proposalsChanged(client: QueryClient, regionId: string): Promise<void> {
  return refresh(client, [queryKeys.dashboard.proposals(regionId), queryKeys.dashboard.agenda(regionId)]);
}

/** Reminders of a round were e-mailed: the round's reminder list and log. */
export function remindersSent(client: QueryClient, roundId: string): Promise<void> {
  return refresh(client, [queryKeys.round.reminders(roundId)]);
}
