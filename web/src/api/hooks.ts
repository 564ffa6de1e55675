/**
 * Data loading for components, on the one server-state cache (TanStack Query, see queryClient.ts).
 * Keys come from queryKeys.ts; changes invalidate them (invalidation.ts).
 */
import { keepPreviousData, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { REFERENCE_STALE_TIME, referenceQuery, type ReferenceLists } from './queryClient.ts';

export type Loadable<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'error'; data?: undefined; error: Error }
  | { state: 'ready'; data: T; error?: undefined };

export type ApiResult<T> = Loadable<T> & {
  /** Fetch again (the "Opnieuw proberen" of an error). */
  reload: () => void;
  /** A request is running (the first one, a reload, or a refresh of cached data). */
  isRefreshing: boolean;
};

export interface UseApiOptions {
  /** How long an answer counts as fresh (default 30 s; reference lists use REFERENCE_STALE_TIME). */
  staleTime?: number;
  /** Keep showing the previous key's data while the new key loads (default true: no flashing tables). */
  keepPrevious?: boolean;
  /** False: do not ask (yet); the state stays 'loading' unless the key has data in the cache. */
  enabled?: boolean;
}

/**
 * The answer of `load` for `key` (a key from queryKeys.ts), cached and shared by every component that
 * asks the same key. A new key keeps the previous data visible while its request runs; a component
 * that unmounts aborts a request nobody else waits for. `load` gets the abort signal and the
 * QueryClient (for reference lists: `fetchReference(client, 'gemeenten')`).
 */
export function useApi<T>(key: QueryKey, load: (signal: AbortSignal, client: QueryClient) => Promise<T>, options: UseApiOptions = {}): ApiResult<T> {
  const client = useQueryClient();
  const { keepPrevious = true, staleTime, enabled = true } = options;
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => load(signal, client),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    enabled,
    ...(staleTime === undefined ? {} : { staleTime }),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const isRefreshing = query.isFetching;
  if (query.status === 'error') return { state: 'error', error: query.error, reload, isRefreshing };
  if (query.status === 'success') return { state: 'ready', data: query.data, reload, isRefreshing };
  return { state: 'loading', reload, isRefreshing };
}

/** One reference list (gemeenten, provincies, regions, organisations, boundaries), fetched once per visit. */
export function useReference<K extends keyof ReferenceLists>(list: K): ApiResult<ReferenceLists[K]> {
  const { queryKey, queryFn } = referenceQuery(list);
  return useApi(queryKey, (signal) => queryFn({ signal }), { staleTime: REFERENCE_STALE_TIME });
}
