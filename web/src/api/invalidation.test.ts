/**
 * What a saved change does to the web's cache (issue 9 item 3): the saved project is shown as the
 * server answered; every view that sums projects (Tafeloverzicht, rounds, list, map, national) is
 * fetched again when on screen and forgotten when not, so a later visit never shows the old figures;
 * reference lists stay; signing in or out forgets everything.
 */
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { projectSaved, roundChanged, userChanged } from './invalidation.ts';
import { createQueryClient } from './queryClient.ts';
import { queryKeys } from './queryKeys.ts';
import type { ProjectDetail, RoundDetail } from './types.ts';

const project = (version: number) => ({ id: 'p1', name: 'Project 1', version }) as unknown as ProjectDetail;

/** A client with a project, two dashboards, a round, a project list and a reference list in its cache. */
function filledClient(): QueryClient {
  const client = createQueryClient();
  client.setQueryData(queryKeys.project.detail('p1'), project(1));
  client.setQueryData(queryKeys.project.changes('p1', null), { items: [] });
  client.setQueryData(queryKeys.project.detail('p2'), { id: 'p2' });
  client.setQueryData(queryKeys.dashboard.detail('vt-a'), { delayed: 1 });
  client.setQueryData(queryKeys.dashboard.detail('vt-b'), { delayed: 2 });
  client.setQueryData(queryKeys.round.list('vt-a'), { items: [] });
  client.setQueryData(queryKeys.round.detail('r1'), { id: 'r1' });
  client.setQueryData(queryKeys.projects.list('limit=25'), { items: [] });
  client.setQueryData(queryKeys.national.overview(null), {});
  client.setQueryData(queryKeys.reference.gemeenten, [{ code: 'GM0363' }]);
  return client;
}

/** Keeps a query "on screen" (an observer) with a loader that counts its calls. */
function onScreen(client: QueryClient, queryKey: readonly unknown[]) {
  const load = vi.fn(async () => ({ fresh: true }));
  const observer = new QueryObserver(client, { queryKey, queryFn: load });
  const unsubscribe = observer.subscribe(() => undefined);
  return { load, unsubscribe };
}

describe('projectSaved', () => {
  it('shows the saved project, refetches what is on screen and forgets the other summed views', async () => {
    const client = filledClient();
    const dashboard = onScreen(client, queryKeys.dashboard.detail('vt-a'));
    await vi.waitFor(() => expect(client.getQueryState(queryKeys.dashboard.detail('vt-a'))?.fetchStatus).toBe('idle'));
    dashboard.load.mockClear();

    await projectSaved(client, project(2));

    expect(client.getQueryData(queryKeys.project.detail('p1'))).toEqual(project(2));
    expect(dashboard.load).toHaveBeenCalledTimes(1);
    expect(client.getQueryData(queryKeys.dashboard.detail('vt-a'))).toEqual({ fresh: true });
    for (const gone of [
      queryKeys.dashboard.detail('vt-b'),
      queryKeys.round.list('vt-a'),
      queryKeys.round.detail('r1'),
      queryKeys.projects.list('limit=25'),
      queryKeys.national.overview(null),
      queryKeys.project.changes('p1', null),
    ]) {
      expect(client.getQueryData(gone), JSON.stringify(gone)).toBeUndefined();
    }
    // Another project and the reference lists are untouched.
    expect(client.getQueryData(queryKeys.project.detail('p2'))).toEqual({ id: 'p2' });
    expect(client.getQueryData(queryKeys.reference.gemeenten)).toEqual([{ code: 'GM0363' }]);
    dashboard.unsubscribe();
  });
});

describe('roundChanged', () => {
  it('keeps the round as the server answered it and forgets the other rounds, dashboards and projects', async () => {
    const client = filledClient();
    const saved = { id: 'r1', status: 'open' } as unknown as RoundDetail;
    await roundChanged(client, saved);
    expect(client.getQueryData(queryKeys.round.detail('r1'))).toEqual(saved);
    expect(client.getQueryData(queryKeys.round.list('vt-a'))).toBeUndefined();
    expect(client.getQueryData(queryKeys.dashboard.detail('vt-a'))).toBeUndefined();
    expect(client.getQueryData(queryKeys.project.detail('p1'))).toBeUndefined();
    expect(client.getQueryData(queryKeys.reference.gemeenten)).toEqual([{ code: 'GM0363' }]);
  });
});

describe('userChanged', () => {
  it('forgets everything, reference lists included', () => {
    const client = filledClient();
    userChanged(client);
    expect(
      client
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.data !== undefined),
    ).toEqual([]);
  });
});
