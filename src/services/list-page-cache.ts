/**
 * Pages of the project list per data version (issue 15 goal 1): the same page asked again by anyone with the same
 * scope — the first page of a table, a gemeente, a search — is read once per data version and reused until a write
 * moves the version (src/services/figure-cache.ts; a write by any server process moves it). Keyed by everything
 * that changes the answer: the caller's project scope (src/domain/access.ts projectScope), the filter, the page, how
 * the list counts, and today (the derived statuses and "prognose verstreken" depend on it). Only pages a person
 * pages through are kept (up to MAX_CACHED_LIMIT rows): exports and internal reads of whole lists are never held.
 */
import type { ProjectScope } from '../domain/access.ts';
import type { Page, ProjectFilter } from '../storage/project.repository.ts';
import type { DataVersionReader } from './data-version-reader.ts';
import { createFigureCache } from './figure-cache.ts';

/** Pages of at most this many rows are kept (the list's page sizes; larger ones are exports). */
export const MAX_CACHED_LIMIT = 100;

export interface ListPageCache {
  get<T>(
    request: { scope: Exclude<ProjectScope, null>; filter: ProjectFilter; page: Page; total: string; today: string },
    read: () => Promise<T>,
  ): Promise<T>;
}

export function createListPageCache(versions: DataVersionReader, maxEntries = 200): ListPageCache {
  const pages = createFigureCache(maxEntries);
  return {
    async get(request, read) {
      if (request.page.limit > MAX_CACHED_LIMIT) return read();
      const { version } = await versions.read();
      return pages.get(version, JSON.stringify(request), read);
    },
  };
}
