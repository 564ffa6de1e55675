/** Data loading for components: one request per key, aborted when the key changes or the component unmounts. */
import { useCallback, useEffect, useState } from 'react';

export type Loadable<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'error'; data?: undefined; error: Error }
  | { state: 'ready'; data: T; error?: undefined };

/**
 * Runs `load` whenever `key` changes. Keeps the previous data visible while a new request runs
 * (no flashing tables), and returns `reload` to fetch again.
 */
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loadable<T> & { reload: () => void; isRefreshing: boolean } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [isRefreshing, setRefreshing] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setRefreshing(true);
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setResult({ state: 'ready', data });
        setRefreshing(false);
      },
      (error: Error) => {
        if (controller.signal.aborted) return;
        setResult({ state: 'error', error });
        setRefreshing(false);
      },
    );
    return () => controller.abort();
    // `load` is recreated each render; `key` says when the request really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...result, reload, isRefreshing };
}

const cache = new Map<string, Promise<unknown>>();

/** Reference lists (gemeenten, organisations, boundaries) change rarely: fetch them once per page load. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
