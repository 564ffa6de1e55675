/**
 * The Woningbouwimpuls and Gebiedsbudget endpoints (issue 16 parts 2–3), typed by the generated OpenAPI schemas.
 * Query keys live here too (one family, `['instruments', …]`), so a change reloads the instrument pages.
 */
import { API_BASE, apiGet, send } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';

type S = components['schemas'];
export type Tranche = S['Tranche'];
export type TrancheDetail = S['TrancheDetail'];
export type WbiApplication = S['WbiApplication'];
export type WbiApplicationCreate = S['WbiApplicationCreateInput'];
export type WbiAllocation = S['WbiAllocation'];
export type GebiedsbudgetArea = S['GebiedsbudgetArea'];
export type GebiedsbudgetRequest = S['GebiedsbudgetRequest'];
export type GebiedsbudgetRequestList = S['GebiedsbudgetRequestList'];
export type GebiedsbudgetRequestCreate = S['GebiedsbudgetRequestCreateInput'];

const id = encodeURIComponent;

export const subsidyKeys = {
  all: ['instruments'] as const,
  tranches: ['instruments', 'wbi', 'tranches'] as const,
  tranche: (trancheId: string) => ['instruments', 'wbi', 'tranches', trancheId] as const,
  allocation: (trancheId: string) => ['instruments', 'wbi', 'tranches', trancheId, 'allocation'] as const,
  areas: ['instruments', 'gebiedsbudget', 'areas'] as const,
  requests: ['instruments', 'gebiedsbudget', 'requests'] as const,
};

export const subsidyApi = {
  tranches: (signal?: AbortSignal) => apiGet<S['TrancheList']>('/woningbouwimpuls/tranches', signal),
  createTranche: (body: S['TrancheCreateInput']) => send<Tranche>('POST', '/woningbouwimpuls/tranches', body),
  tranche: (trancheId: string, signal?: AbortSignal) => apiGet<TrancheDetail>(`/woningbouwimpuls/tranches/${id(trancheId)}`, signal),
  fileApplication: (trancheId: string, body: WbiApplicationCreate) =>
    send<WbiApplication>('POST', `/woningbouwimpuls/tranches/${id(trancheId)}/applications`, body),
  updateApplication: (applicationId: string, body: S['WbiApplicationUpdateInput']) =>
    send<WbiApplication>('PUT', `/woningbouwimpuls/applications/${id(applicationId)}`, body),
  saveScores: (applicationId: string, body: S['WbiScoresUpdateInput']) =>
    send<WbiApplication>('PUT', `/woningbouwimpuls/applications/${id(applicationId)}/scores`, body),
  allocation: (trancheId: string, signal?: AbortSignal) => apiGet<WbiAllocation>(`/woningbouwimpuls/tranches/${id(trancheId)}/allocation`, signal),
  allocate: (trancheId: string) => send<WbiAllocation>('POST', `/woningbouwimpuls/tranches/${id(trancheId)}/allocation`),
  decisionListUrl: (trancheId: string, format: 'csv' | 'xlsx') =>
    `${API_BASE}/woningbouwimpuls/tranches/${id(trancheId)}/decision-list?format=${format}`,
  areas: (signal?: AbortSignal) => apiGet<S['GebiedsbudgetAreaList']>('/gebiedsbudget/areas', signal),
  requests: (signal?: AbortSignal) => apiGet<GebiedsbudgetRequestList>('/gebiedsbudget/requests', signal),
  fileRequest: (body: GebiedsbudgetRequestCreate) => send<GebiedsbudgetRequest>('POST', '/gebiedsbudget/requests', body),
  decideRequest: (requestId: string, body: S['GebiedsbudgetDecisionInput']) =>
    send<GebiedsbudgetRequest>('PUT', `/gebiedsbudget/requests/${id(requestId)}/decision`, body),
};
