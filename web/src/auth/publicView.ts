/**
 * What a visitor without an account sees (SPEC §1: the public gets "aggregated open data and maps; no
 * project-level confidential data"; §7). Signed out, the pages show totals per province and gemeente;
 * only in demo mode may the public open the synthetic demo projects (the server decides the same).
 */
import { isSignedIn, type AuthState } from './AuthContext.tsx';

/** Signed out (or a server without sign-in): the public view. Undecided while sign-in is being checked. */
export function isPublicVisitor(state: AuthState): boolean {
  return state.status !== 'loading' && !isSignedIn(state);
}

/** May this visitor open projects at all? Signed in: yes (the server shows their own); the public only the demo projects in demo mode. */
export function mayOpenProjects(state: AuthState): boolean {
  if (state.status === 'loading') return false;
  if (state.status === 'open') return true;
  return state.me.principal.kind !== 'anonymous' || state.me.demoModeAvailable;
}
