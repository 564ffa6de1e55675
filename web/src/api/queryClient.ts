/**
 * The server-state cache of the web app (TanStack Query). main.tsx creates the one QueryClient; pages
 * read through `useApi` (hooks.ts) with keys from queryKeys.ts, and changes invalidate what they
 * affect (invalidation.ts).
 *
 * - Data is fresh for 30 seconds: going back and forth between pages shows it at once without asking
 *   again; after that a visit shows it at once and asks again in the background.
 * - Reference lists (gemeenten, provincies, regions, organisations, boundaries) stay fresh for the
 *   whole visit.
 * - No automatic retries and no refetch on window focus: an error shows at once with its own "try
 *   again", as before.
 */
import { QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './queryKeys.ts';
import type { Gemeente, Organisation, Provincie, Region } from './types.ts';

export const DEFAULT_STALE_TIME = 30_000;
export const REFERENCE_STALE_TIME = Infinity;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: DEFAULT_STALE_TIME, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export interface ReferenceLists {
  gemeenten: Gemeente[];
  provincies: Provincie[];
  regions: Region[];
  organisations: Organisation[];
  'geo-provincies': GeoJSON.FeatureCollection;
  'geo-gemeenten': GeoJSON.FeatureCollection;
}

const REFERENCE: { [K in keyof ReferenceLists]: { key: readonly unknown[]; load: (signal: AbortSignal) => Promise<ReferenceLists[K]> } } = {
  gemeenten: { key: queryKeys.reference.gemeenten, load: (signal) => api.listGemeenten(signal) },
  provincies: { key: queryKeys.reference.provincies, load: (signal) => api.listProvincies(signal) },
  regions: { key: queryKeys.reference.regions, load: (signal) => api.listRegions(signal) },
  organisations: { key: queryKeys.reference.organisations, load: (signal) => api.listOrganisations(signal) },
  'geo-provincies': { key: queryKeys.reference.geo('provincies'), load: (signal) => api.geo('provincies', signal) },
  'geo-gemeenten': { key: queryKeys.reference.geo('gemeenten'), load: (signal) => api.geo('gemeenten', signal) },
};

/** Key, loader and freshness of a reference list. */
export function referenceQuery<K extends keyof ReferenceLists>(list: K) {
  const { key, load } = REFERENCE[list];
  return { queryKey: key, queryFn: ({ signal }: { signal: AbortSignal }) => load(signal), staleTime: REFERENCE_STALE_TIME };
}

/** A reference list from the cache, fetched once per visit, inside a loader or effect (replaces the old `cached`). */
export function fetchReference<K extends keyof ReferenceLists>(client: QueryClient, list: K): Promise<ReferenceLists[K]> {
  return client.fetchQuery(referenceQuery(list));
}
