/**
 * The data version (migration 0032) read once for many concurrent requests (issue 15 goal 1). Every request that
 * serves cached figures must know the version as it is after the request arrived, so a write that finished before
 * it is never missed. A read already under way may have started before the request arrived: the request waits for
 * the next read instead, which starts when the running one ends and is shared by everyone who arrived meanwhile.
 * Under load that is one short query per batch of requests instead of one per request; alone, one query as before.
 * Only for reads outside a transaction (a transaction reads its own version with readDataVersion(tx)).
 */
import { readDataVersion, type DataVersion } from '../storage/data-version.repository.ts';
import type { Queryable } from '../storage/db.ts';

export interface DataVersionReader {
  /** The data version read by a query that started after this call. */
  read(): Promise<DataVersion>;
}

export function createDataVersionReader(db: Queryable, read: (q: Queryable) => Promise<DataVersion> = readDataVersion): DataVersionReader {
  let running: Promise<DataVersion> | null = null;
  let next: Promise<DataVersion> | null = null;

  function start(): Promise<DataVersion> {
    const pending: Promise<DataVersion> = read(db).finally(() => {
      if (running === pending) running = null;
    });
    running = pending;
    return pending;
  }

  return {
    read() {
      if (!running) return start();
      next ??= running
        .catch(() => undefined)
        .then(() => {
          next = null;
          return start();
        });
      return next;
    },
  };
}
