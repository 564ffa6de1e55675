/**
 * Thin fetch wrapper for /api/v1: JSON in and out, problem+json errors as `ApiError`.
 *
 * Sessions: the server keeps the session in an HttpOnly cookie; every change (POST, PUT, PATCH,
 * DELETE) made with that cookie must carry the session's CSRF token in `X-CSRF-Token`. The token
 * comes from GET /auth/me (or a sign-in answer) and is kept here. A 401 answer means "sign in
 * first": the app registers a handler that sends the user to the sign-in page.
 */
import type { paths } from './generated/openapi.ts';
import type { Problem, Role } from './types.ts';

export const API_BASE = '/api/v1';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Stands in for a type openapi.json does not have, so that using it fails to compile (`never` would fit anywhere). */
interface NotInOpenApi {
  notInOpenApi: true;
}
type Operation<P extends keyof paths, M extends Method> = [paths[P][M]] extends [never] ? NotInOpenApi : NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : NotInOpenApi;
/** The JSON of an operation's 2xx answer, from the generated `paths` (openapi.json), so each call below is typed by its endpoint. */
type Answer<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer A }
      ? Json<A>
      : R extends { 201: infer A }
        ? Json<A>
        : NotInOpenApi
    : NotInOpenApi;
/** The JSON request body of an operation. */
type Body<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : NotInOpenApi;

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

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
/** A 401 that came in before the app registered its handler (the early dashboard request). */
let missedUnauthorized = false;
/** Resolves once the first GET /auth/me has answered, so a change never goes out without the token. */
let sessionKnown: Promise<unknown> = Promise.resolve();

/** Keeps the CSRF token of the current session (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Changes wait for this promise (the first /auth/me) before they are sent. */
export function setSessionKnown(promise: Promise<unknown>): void {
  sessionKnown = promise.catch(() => undefined);
}

/** Called on every 401 answer (unless the request opted out): the app sends the user to the sign-in page. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
  if (handler && missedUnauthorized) {
    missedUnauthorized = false;
    handler();
  }
}

export interface RequestOptions extends RequestInit {
  /** Background requests (banners, optional panels) do not send the user to the sign-in page on 401. */
  quiet401?: boolean;
}

async function request<T>(path: string, init: RequestOptions = {}): Promise<T> {
  const { quiet401 = false, ...fetchInit } = init;
  const method = (fetchInit.method ?? 'GET').toUpperCase();
  if (UNSAFE.has(method)) await sessionKnown;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      ...fetchInit,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        ...(fetchInit.body ? { 'content-type': 'application/json' } : {}),
        ...(UNSAFE.has(method) && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...fetchInit.headers,
      },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, {
      type: 'about:blank',
      title: 'De server is niet bereikbaar.',
      status: 0,
      detail: 'Controleer uw verbinding en probeer het opnieuw.',
    });
  }
  return readResponse<T>(response, quiet401);
}

/** JSON of a 2xx answer; otherwise an ApiError with the problem details (a 401 also calls the handler). */
async function readResponse<T>(response: Response, quiet401 = false): Promise<T> {
  if (!response.ok) {
    let problem: Problem | null;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
    if (response.status === 401 && !quiet401) {
      if (unauthorizedHandler) unauthorizedHandler();
      else missedUnauthorized = true;
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function apiGet<T>(path: string, signal?: AbortSignal, options: RequestOptions = {}): Promise<T> {
  return request<T>(path, { ...options, signal });
}

export function send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return request<T>(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

const id = encodeURIComponent;

/** The list filters of GET /projects as a query string for the exports (no paging). */
export function exportUrl(kind: 'xlsx' | 'csv' | 'geojson', listQuery: URLSearchParams): string {
  const q = new URLSearchParams(listQuery);
  q.delete('limit');
  q.delete('offset');
  const query = q.toString();
  return `${API_BASE}/projects/export.${kind}${query ? `?${query}` : ''}`;
}

export const api = {
  // Sign-in
  me: (signal?: AbortSignal) => apiGet<Answer<'/auth/me', 'get'>>('/auth/me', signal, { quiet401: true }),
  signInDemo: (role: Exclude<Role, 'publiek'>) => send<Answer<'/auth/demo', 'post'>>('POST', '/auth/demo', { role }),
  signIn: (email: string, password: string) => send<Answer<'/auth/login', 'post'>>('POST', '/auth/login', { email, password }),
  signOut: () => send<void>('POST', '/auth/logout'),

  // Mijn account: one's own API tokens and browser sessions
  listApiTokens: (signal?: AbortSignal) => apiGet<Answer<'/auth/tokens', 'get'>>('/auth/tokens', signal),
  createApiToken: (name: string) => send<Answer<'/auth/tokens', 'post'>>('POST', '/auth/tokens', { name }),
  revokeApiToken: (tokenId: string) => send<void>('DELETE', `/auth/tokens/${id(tokenId)}`),
  listSessions: (signal?: AbortSignal) => apiGet<Answer<'/auth/sessions', 'get'>>('/auth/sessions', signal),
  endSession: (sessionId: string) => send<void>('DELETE', `/auth/sessions/${id(sessionId)}`),

  // Mensen (administrators): people's accounts
  listUsers: (signal?: AbortSignal) => apiGet<Answer<'/users', 'get'>>('/users', signal),
  changeUserRoleScope: (userId: string, body: Body<'/users/{userId}', 'patch'>) =>
    send<Answer<'/users/{userId}', 'patch'>>('PATCH', `/users/${id(userId)}`, body),
  deactivateUser: (userId: string) => send<Answer<'/users/{userId}/deactivate', 'post'>>('POST', `/users/${id(userId)}/deactivate`),
  /** Remove a deactivated person's data (pseudonymise; administrators only, irreversible). */
  pseudonymiseUser: (userId: string) => send<Answer<'/users/{userId}/pseudonymise', 'post'>>('POST', `/users/${id(userId)}/pseudonymise`),
  reactivateUser: (userId: string) => send<Answer<'/users/{userId}/reactivate', 'post'>>('POST', `/users/${id(userId)}/reactivate`),
  // Invitations: sending (Mensen) and accepting (the public page of the link)
  listInvitations: (signal?: AbortSignal) => apiGet<Answer<'/invitations', 'get'>>('/invitations', signal),
  invitationChoices: (signal?: AbortSignal) => apiGet<Answer<'/invitations/choices', 'get'>>('/invitations/choices', signal),
  createInvitation: (body: Body<'/invitations', 'post'>) => send<Answer<'/invitations', 'post'>>('POST', '/invitations', body),
  revokeInvitation: (invitationId: string) =>
    send<Answer<'/invitations/{invitationId}/revoke', 'post'>>('POST', `/invitations/${id(invitationId)}/revoke`),
  invitationPreview: (token: string, signal?: AbortSignal) =>
    apiGet<Answer<'/auth/invitations/{token}', 'get'>>(`/auth/invitations/${id(token)}`, signal, { quiet401: true }),
  acceptInvitation: (token: string, password: string) =>
    send<Answer<'/auth/invitations/{token}/accept', 'post'>>('POST', `/auth/invitations/${id(token)}/accept`, { password }),

  // Register
  listProjects: (query: URLSearchParams, signal?: AbortSignal, options?: RequestOptions) =>
    apiGet<Answer<'/projects', 'get'>>(`/projects?${query.toString()}`, signal, options),
  getProject: (projectId: string, signal?: AbortSignal) => apiGet<Answer<'/projects/{id}', 'get'>>(`/projects/${id(projectId)}`, signal),
  createProject: (body: Body<'/projects', 'post'>) => send<Answer<'/projects', 'post'>>('POST', '/projects', body),
  /** Change the project's own fields (kerngegevens); needs the version last read. */
  updateProject: (projectId: string, body: Body<'/projects/{id}', 'patch'>) =>
    send<Answer<'/projects/{id}', 'patch'>>('PATCH', `/projects/${id(projectId)}`, body),
  replaceProgramme: (projectId: string, body: Body<'/projects/{id}/programme', 'put'>) =>
    send<Answer<'/projects/{id}/programme', 'put'>>('PUT', `/projects/${id(projectId)}/programme`, body),
  replaceJaarschijven: (projectId: string, body: Body<'/projects/{id}/jaarschijven', 'put'>) =>
    send<Answer<'/projects/{id}/jaarschijven', 'put'>>('PUT', `/projects/${id(projectId)}/jaarschijven`, body),
  replaceParties: (projectId: string, body: Body<'/projects/{id}/parties', 'put'>) =>
    send<Answer<'/projects/{id}/parties', 'put'>>('PUT', `/projects/${id(projectId)}/parties`, body),
  updateMilestone: (projectId: string, code: string, change: Body<'/projects/{id}/milestones/{code}', 'patch'>) =>
    send<Answer<'/projects/{id}/milestones/{code}', 'patch'>>('PATCH', `/projects/${id(projectId)}/milestones/${id(code)}`, change),
  // Knelpunten: add, change, escalate to the table, resolve, delete (a record made in error)
  addKnelpunt: (projectId: string, body: Body<'/projects/{id}/knelpunten', 'post'>) =>
    send<Answer<'/projects/{id}/knelpunten', 'post'>>('POST', `/projects/${id(projectId)}/knelpunten`, body),
  updateKnelpunt: (projectId: string, knelpuntId: string, body: Body<'/projects/{id}/knelpunten/{knelpuntId}', 'patch'>) =>
    send<Answer<'/projects/{id}/knelpunten/{knelpuntId}', 'patch'>>('PATCH', `/projects/${id(projectId)}/knelpunten/${id(knelpuntId)}`, body),
  escalateKnelpunt: (projectId: string, knelpuntId: string, body: Body<'/projects/{id}/knelpunten/{knelpuntId}/escalate', 'post'>) =>
    send<Answer<'/projects/{id}/knelpunten/{knelpuntId}/escalate', 'post'>>(
      'POST',
      `/projects/${id(projectId)}/knelpunten/${id(knelpuntId)}/escalate`,
      body,
    ),
  resolveKnelpunt: (projectId: string, knelpuntId: string, body: Body<'/projects/{id}/knelpunten/{knelpuntId}/resolve', 'post'>) =>
    send<Answer<'/projects/{id}/knelpunten/{knelpuntId}/resolve', 'post'>>(
      'POST',
      `/projects/${id(projectId)}/knelpunten/${id(knelpuntId)}/resolve`,
      body,
    ),
  deleteKnelpunt: (projectId: string, knelpuntId: string, version: number) =>
    send<void>('DELETE', `/projects/${id(projectId)}/knelpunten/${id(knelpuntId)}?version=${version}`),
  rebaseline: (projectId: string, body: Body<'/projects/{id}/rebaseline', 'post'>) =>
    send<Answer<'/projects/{id}/rebaseline', 'post'>>('POST', `/projects/${id(projectId)}/rebaseline`, body),
  // Ending a plan (issue 12 item 2): withdraw, make active again, merge a duplicate, delete a record made in error
  withdrawProject: (projectId: string, body: Body<'/projects/{id}/withdraw', 'post'>) =>
    send<Answer<'/projects/{id}/withdraw', 'post'>>('POST', `/projects/${id(projectId)}/withdraw`, body),
  reinstateProject: (projectId: string, body: Body<'/projects/{id}/reinstate', 'post'>) =>
    send<Answer<'/projects/{id}/reinstate', 'post'>>('POST', `/projects/${id(projectId)}/reinstate`, body),
  projectMergePreview: (projectId: string, intoId: string) =>
    apiGet<Answer<'/projects/{id}/merge-preview', 'get'>>(`/projects/${id(projectId)}/merge-preview?into=${id(intoId)}`),
  mergeProject: (projectId: string, body: Body<'/projects/{id}/merge', 'post'>) =>
    send<Answer<'/projects/{id}/merge', 'post'>>('POST', `/projects/${id(projectId)}/merge`, body),
  deleteProject: (projectId: string, version: number) => send<void>('DELETE', `/projects/${id(projectId)}?version=${version}`),
  baselineHistory: (projectId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/projects/{id}/baseline-history', 'get'>>(`/projects/${id(projectId)}/baseline-history`, signal),
  changes: (projectId: string, since: string | null, signal?: AbortSignal) =>
    apiGet<Answer<'/projects/{id}/changes', 'get'>>(`/projects/${id(projectId)}/changes${since ? `?since=${id(since)}` : ''}`, signal),
  snapshots: (projectId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/projects/{id}/snapshots', 'get'>>(`/projects/${id(projectId)}/snapshots`, signal),
  /** The open book of a project (its parties and its table's secretary only); null when none was entered yet (204). */
  openBook: async (projectId: string, signal?: AbortSignal) =>
    (await apiGet<Answer<'/projects/{id}/open-book', 'get'> | undefined>(`/projects/${id(projectId)}/open-book`, signal)) ?? null,
  saveOpenBook: (projectId: string, body: Body<'/projects/{id}/open-book', 'put'>) =>
    send<Answer<'/projects/{id}/open-book', 'put'>>('PUT', `/projects/${id(projectId)}/open-book`, body),
  projectAlternatives: (projectId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/projects/{id}/alternatives', 'get'>>(`/projects/${id(projectId)}/alternatives`, signal),

  // Reference
  listProvincies: (signal?: AbortSignal) => apiGet<Answer<'/provincies', 'get'>>('/provincies', signal),
  listGemeenten: (signal?: AbortSignal) => apiGet<Answer<'/gemeenten', 'get'>>('/gemeenten', signal),
  listOrganisations: (signal?: AbortSignal) => apiGet<Answer<'/organisations', 'get'>>('/organisations', signal),
  // Organisaties (administrators, province analysts): the organisations register
  createOrganisation: (body: Body<'/organisations', 'post'>) => send<Answer<'/organisations', 'post'>>('POST', '/organisations', body),
  updateOrganisation: (organisationId: string, body: Body<'/organisations/{id}', 'patch'>) =>
    send<Answer<'/organisations/{id}', 'patch'>>('PATCH', `/organisations/${id(organisationId)}`, body),
  /** What would move when the duplicate goes into `intoId` (merging duplicates, issue 11 item 2). */
  organisationMergePreview: (organisationId: string, intoId: string) =>
    apiGet<Answer<'/organisations/{id}/merge-preview', 'get'>>(
      `/organisations/${id(organisationId)}/merge-preview?${new URLSearchParams({ into: intoId }).toString()}`,
    ),
  mergeOrganisation: (organisationId: string, body: Body<'/organisations/{id}/merge', 'post'>) =>
    send<Answer<'/organisations/{id}/merge', 'post'>>('POST', `/organisations/${id(organisationId)}/merge`, body),
  listRegions: (signal?: AbortSignal) => apiGet<Answer<'/regions', 'get'>>('/regions', signal),
  // Tafels inrichten (issue 11 item 1): tables and woondeal regions, their gemeenten and member organisations
  regionDetail: (regionId: string, signal?: AbortSignal) => apiGet<Answer<'/regions/{regionId}', 'get'>>(`/regions/${id(regionId)}`, signal),
  createRegion: (body: Body<'/regions', 'post'>) => send<Answer<'/regions', 'post'>>('POST', '/regions', body),
  renameRegion: (regionId: string, body: Body<'/regions/{regionId}', 'patch'>) =>
    send<Answer<'/regions/{regionId}', 'patch'>>('PATCH', `/regions/${id(regionId)}`, body),
  endRegion: (regionId: string, body: Body<'/regions/{regionId}/end', 'post'>) =>
    send<Answer<'/regions/{regionId}/end', 'post'>>('POST', `/regions/${id(regionId)}/end`, body),
  changeRegionGemeenten: (regionId: string, body: Body<'/regions/{regionId}/gemeenten', 'put'>) =>
    send<Answer<'/regions/{regionId}/gemeenten', 'put'>>('PUT', `/regions/${id(regionId)}/gemeenten`, body),
  addRegionMember: (regionId: string, organisationId: string) => send<void>('POST', `/regions/${id(regionId)}/organisations`, { organisationId }),
  removeRegionMember: (regionId: string, organisationId: string) =>
    send<void>('DELETE', `/regions/${id(regionId)}/organisations/${id(organisationId)}`),
  geo: (kind: 'provincies' | 'gemeenten', signal?: AbortSignal) => apiGet<GeoJSON.FeatureCollection>(`/geo/${kind}`, signal),

  // Table dashboard
  dashboard: (regionId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/regions/{regionId}/dashboard', 'get'>>(`/regions/${id(regionId)}/dashboard`, signal),
  /** The Tafeloverzicht's map points (compact arrays), asked after the figures. */
  dashboardMapPoints: (regionId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/regions/{regionId}/map-points', 'get'>>(`/regions/${id(regionId)}/map-points`, signal),
  regionAlternatives: (regionId: string, year: number, signal?: AbortSignal) =>
    apiGet<Answer<'/regions/{regionId}/alternatives', 'get'>>(`/regions/${id(regionId)}/alternatives?year=${year}`, signal),
  regionExportUrl: (regionId: string) => `${API_BASE}/regions/${id(regionId)}/export.xlsx`,
  /** The table's meeting agenda (issue 12 item 7). */
  agenda: (regionId: string, signal?: AbortSignal) => apiGet<Answer<'/regions/{regionId}/agenda', 'get'>>(`/regions/${id(regionId)}/agenda`, signal),
  /** The gemeenten's proposals for alternatives (issue 12 item 6). */
  proposals: (regionId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/regions/{regionId}/alternative-proposals', 'get'>>(`/regions/${id(regionId)}/alternative-proposals`, signal),
  propose: (regionId: string, body: Body<'/regions/{regionId}/alternative-proposals', 'post'>) =>
    send<Answer<'/regions/{regionId}/alternative-proposals', 'post'>>('POST', `/regions/${id(regionId)}/alternative-proposals`, body),
  withdrawProposal: (regionId: string, proposalId: string, version: number) =>
    send<Answer<'/regions/{regionId}/alternative-proposals/{proposalId}/withdraw', 'post'>>(
      'POST',
      `/regions/${id(regionId)}/alternative-proposals/${id(proposalId)}/withdraw`,
      { version },
    ),

  // National roll-up (ministerie_analist, beheerder)
  /** Aggregates anyone may see (figures of fewer than 3 projects hidden). */
  publicAggregates: (level: 'gemeente' | 'provincie', provincie: string | null, signal?: AbortSignal) =>
    apiGet<Answer<'/public/aggregates', 'get'>>(`/public/aggregates?level=${level}${provincie ? `&provincie=${provincie}` : ''}`, signal),
  /** Open data per gemeente and quarter (one quarter: `from` = `to`). */
  openDataQuarters: (quarter: string, signal?: AbortSignal) =>
    apiGet<Answer<'/open-data/quarters', 'get'>>(`/open-data/quarters?from=${quarter}&to=${quarter}`, signal),
  nationalOverview: (year: number | null, signal?: AbortSignal) =>
    apiGet<Answer<'/national/overview', 'get'>>(`/national/overview${year ? `?year=${year}` : ''}`, signal),
  /** Homes started and completed per the BAG per gemeente and year, next to CBS and the monitor (M11/M12); the whole country. */
  bagRealisations: (signal?: AbortSignal) => apiGet<Answer<'/national/realisations/bag', 'get'>>('/national/realisations/bag', signal),
  /** Hard and soft plancapaciteit per period against need; `query`: area, fromYear, breakdown. */
  plancapaciteit: (query: URLSearchParams, signal?: AbortSignal) =>
    apiGet<Answer<'/national/plancapaciteit', 'get'>>(`/national/plancapaciteit?${query.toString()}`, signal),
  plancapaciteitNorms: (signal?: AbortSignal) => apiGet<Answer<'/national/plancapaciteit/normen', 'get'>>('/national/plancapaciteit/normen', signal),
  /** Set an area's norm; `version` (the one last read) when the area has a norm already. */
  setPlancapaciteitNorm: (areaId: string, body: Body<'/national/plancapaciteit/normen/{areaId}', 'put'>) =>
    send<Answer<'/national/plancapaciteit/normen/{areaId}', 'put'>>('PUT', `/national/plancapaciteit/normen/${id(areaId)}`, body),

  // Targets as dated data (Doelen)
  listTargets: (signal?: AbortSignal) => apiGet<Answer<'/targets', 'get'>>('/targets', signal),
  createTarget: (body: Body<'/targets', 'post'>) => send<Answer<'/targets', 'post'>>('POST', '/targets', body),
  updateTarget: (targetId: string, body: Body<'/targets/{id}', 'patch'>) =>
    send<Answer<'/targets/{id}', 'patch'>>('PATCH', `/targets/${id(targetId)}`, body),
  /** Sends the spreadsheet itself as the request body (all or nothing; problems per row in the problem's errors[]). */
  importTargets: (file: File) => {
    const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    const type = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    return request<Answer<'/targets/import', 'post'>>(`/targets/import?format=${format}`, {
      method: 'POST',
      body: file,
      headers: { 'content-type': type },
    });
  },

  // Planlijst import (issue 13 part 1): the file as base64 in JSON; preview writes nothing, apply is all or nothing.
  inspectPlanlijst: (body: Body<'/imports/planlijst/inspect', 'post'>) =>
    send<Answer<'/imports/planlijst/inspect', 'post'>>('POST', '/imports/planlijst/inspect', body),
  previewPlanlijst: (body: Body<'/imports/planlijst/preview', 'post'>) =>
    send<Answer<'/imports/planlijst/preview', 'post'>>('POST', '/imports/planlijst/preview', body),
  applyPlanlijst: (body: Body<'/imports/planlijst/apply', 'post'>) =>
    send<Answer<'/imports/planlijst/apply', 'post'>>('POST', '/imports/planlijst/apply', body),
  planlijstProgress: (progressId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/imports/planlijst/progress/{progressId}', 'get'>>(`/imports/planlijst/progress/${id(progressId)}`, signal, { quiet401: true }),
  planlijstRuns: (signal?: AbortSignal) => apiGet<Answer<'/imports/planlijst/runs', 'get'>>('/imports/planlijst/runs', signal),

  // Quarterly round
  /** Mijn kwartaalronde: the signed-in gemeente's or market party's own projects in its open rounds. */
  myRounds: (signal?: AbortSignal, options?: RequestOptions) => apiGet<Answer<'/me/rounds', 'get'>>('/me/rounds', signal, options),
  listRounds: (regionId: string, signal?: AbortSignal, options?: RequestOptions) =>
    apiGet<Answer<'/regions/{regionId}/rounds', 'get'>>(`/regions/${id(regionId)}/rounds`, signal, options),
  openRound: (regionId: string, quarter: string, deadline: string) =>
    send<Answer<'/regions/{regionId}/rounds', 'post'>>('POST', `/regions/${id(regionId)}/rounds`, { quarter, deadline }),
  getRound: (roundId: string, signal?: AbortSignal, options?: RequestOptions) =>
    apiGet<Answer<'/rounds/{roundId}', 'get'>>(`/rounds/${id(roundId)}`, signal, options),
  closeRound: (roundId: string) => send<Answer<'/rounds/{roundId}/close', 'post'>>('POST', `/rounds/${id(roundId)}/close`),
  /** Confirm a party's side unchanged: the given projects, or all not yet delivered; `reason` when recorded on its behalf. */
  confirm: (roundId: string, body: Body<'/rounds/{roundId}/confirmations', 'post'>) =>
    send<Answer<'/rounds/{roundId}/confirmations', 'post'>>('POST', `/rounds/${id(roundId)}/confirmations`, body),
  previewConfirmation: (roundId: string, body: Body<'/rounds/{roundId}/confirmations/preview', 'post'>) =>
    send<Answer<'/rounds/{roundId}/confirmations/preview', 'post'>>('POST', `/rounds/${id(roundId)}/confirmations/preview`, body),
  undoConfirmation: (roundId: string, body: Body<'/rounds/{roundId}/confirmations/undo', 'post'>) =>
    send<Answer<'/rounds/{roundId}/confirmations/undo', 'post'>>('POST', `/rounds/${id(roundId)}/confirmations/undo`, body),
  reminders: (roundId: string, signal?: AbortSignal) =>
    apiGet<Answer<'/rounds/{roundId}/reminders', 'get'>>(`/rounds/${id(roundId)}/reminders`, signal),
  /** E-mail the reminders (issue 12 item 8): all parties that have not delivered, or the chosen organisations. */
  sendReminders: (roundId: string, body: Body<'/rounds/{roundId}/reminders', 'post'>) =>
    send<Answer<'/rounds/{roundId}/reminders', 'post'>>('POST', `/rounds/${id(roundId)}/reminders`, body),
  roundProjects: (roundId: string, query: URLSearchParams, signal?: AbortSignal) =>
    apiGet<Answer<'/rounds/{roundId}/projects', 'get'>>(`/rounds/${id(roundId)}/projects?${query.toString()}`, signal),
};
