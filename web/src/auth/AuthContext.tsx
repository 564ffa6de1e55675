/**
 * Who is signed in, for the whole app. GET /auth/me runs once at start (main.tsx starts it before
 * React renders); its CSRF token is handed to the API client. A server without the sign-in endpoints
 * (404) is "open": everything works anonymously, as before sign-in existed. When someone signs in or
 * out, the data cache is emptied: what one user saw is never shown to the next.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, ApiError, onUnauthorized, setCsrfToken } from '../api/client.ts';
import { userChanged } from '../api/invalidation.ts';
import type { Me, Role } from '../api/types.ts';

export type AuthState =
  | { status: 'loading' }
  /** The server has no sign-in (yet): the API answers anonymously and every action is offered. */
  | { status: 'open' }
  | { status: 'ready'; me: Me };

export interface AuthContextValue {
  state: AuthState;
  signInDemo: (role: Exclude<Role, 'publiek'>) => Promise<Me>;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  /** Asks the server again (after a 401: the session may have expired). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Turns the answer of GET /auth/me into a state; keeps the CSRF token for the API client. */
export async function loadAuthState(load: Promise<Me>): Promise<AuthState> {
  try {
    const me = await load;
    setCsrfToken(me.csrfToken);
    return { status: 'ready', me };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { status: 'open' };
    // Unreachable or failing: behave as signed out; pages show their own errors.
    setCsrfToken(null);
    return { status: 'open' };
  }
}

export function AuthProvider({ initial, children }: { initial: Promise<AuthState>; children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    let active = true;
    void initial.then((s) => active && setState(s));
    return () => {
      active = false;
    };
  }, [initial]);

  const refresh = useCallback(async () => setState(await loadAuthState(api.me())), []);

  const accept = useCallback(
    (me: Me) => {
      setCsrfToken(me.csrfToken);
      userChanged(queryClient);
      setState({ status: 'ready', me });
      return me;
    },
    [queryClient],
  );

  // A 401 anywhere: the session is gone or the page needs a signed-in user. Go to the sign-in page
  // and come back here afterwards.
  const here = `${location.pathname}${location.search}`;
  useEffect(() => {
    onUnauthorized(() => {
      if (location.pathname === '/inloggen') return;
      void refresh();
      navigate(`/inloggen?terug=${encodeURIComponent(here)}`, { replace: false });
    });
    return () => onUnauthorized(null);
  }, [navigate, refresh, here, location.pathname]);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      signInDemo: async (role) => accept(await api.signInDemo(role)),
      signIn: async (email, password) => accept(await api.signIn(email, password)),
      signOut: async () => {
        try {
          await api.signOut();
        } finally {
          userChanged(queryClient);
          await refresh();
        }
      },
      refresh,
    }),
    [state, accept, refresh, queryClient],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** True when a real person (or demo role) is signed in. */
export function isSignedIn(state: AuthState): state is { status: 'ready'; me: Me } {
  return state.status === 'ready' && state.me.principal.kind !== 'anonymous';
}
