/** Thin fetch wrapper for /api/v1: JSON in and out, problem+json errors as `ApiError`. */
import type { Gemeente, MilestoneChange, Organisation, ProjectDetail, ProjectList, Provincie, Problem } from './types.ts';

export const API_BASE = '/api/v1';

/** An answer of the API other than 2xx, with its problem details when it sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `Het verzoek is mislukt (status ${status}).`);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      ...init,
      headers: { accept: 'application/json, application/problem+json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { type: 'about:blank', title: 'De server is niet bereikbaar.', status: 0, detail: 'Controleer uw verbinding en probeer het opnieuw.' });
  }
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { signal });
}

export const api = {
  listProjects: (query: URLSearchParams, signal?: AbortSignal) => apiGet<ProjectList>(`/projects?${query.toString()}`, signal),
  getProject: (id: string, signal?: AbortSignal) => apiGet<ProjectDetail>(`/projects/${encodeURIComponent(id)}`, signal),
  listProvincies: (signal?: AbortSignal) => apiGet<Provincie[]>('/provincies', signal),
  listGemeenten: (signal?: AbortSignal) => apiGet<Gemeente[]>('/gemeenten', signal),
  listOrganisations: (signal?: AbortSignal) => apiGet<Organisation[]>('/organisations', signal),
  geo: (kind: 'provincies' | 'gemeenten', signal?: AbortSignal) => apiGet<GeoJSON.FeatureCollection>(`/geo/${kind}`, signal),
  updateMilestone: (id: string, code: string, change: MilestoneChange) =>
    request<ProjectDetail>(`/projects/${encodeURIComponent(id)}/milestones/${encodeURIComponent(code)}`, {
      method: 'PATCH',
      body: JSON.stringify(change),
    }),
};
