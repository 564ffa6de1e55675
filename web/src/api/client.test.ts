import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, onUnauthorized, setCsrfToken } from './client.ts';

function answer(status: number, body: unknown = {}) {
  return vi.fn().mockImplementation(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  onUnauthorized(null);
});

describe('API client and the session', () => {
  it('sends the CSRF token of the session with every change, not with reads', async () => {
    const fetch = answer(200, { items: [], total: 0 });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-123');
    await api.closeRound('0d1e295a-2dba-45ab-837a-45421ccdd6e3');
    await api.listRounds('vt-u10');
    const [change, read] = fetch.mock.calls.map((call) => call[1]);
    expect(change.headers['x-csrf-token']).toBe('token-123');
    expect(change.method).toBe('POST');
    expect(read.headers['x-csrf-token']).toBeUndefined();
  });

  it('sends the user to sign in on 401, unless the request is a quiet background one', async () => {
    vi.stubGlobal('fetch', answer(401, { type: 'x', title: 'Log eerst in.', status: 401 }));
    const handler = vi.fn();
    onUnauthorized(handler);
    await expect(api.listRounds('vt-u10')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledOnce();
    await expect(api.listRounds('vt-u10', undefined, { quiet401: true })).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('remembers a 401 that came before the app was listening', async () => {
    vi.stubGlobal('fetch', answer(401, { type: 'x', title: 'Log eerst in.', status: 401 }));
    await expect(api.dashboard('vt-u10')).rejects.toMatchObject({ status: 401 });
    const handler = vi.fn();
    onUnauthorized(handler);
    expect(handler).toHaveBeenCalledOnce();
  });
});
