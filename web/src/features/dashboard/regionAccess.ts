/**
 * Which tables and areas the chooser of the Tafeloverzicht offers: only those the signed-in person may
 * open, decided with the server's own rule (src/domain/access.ts `tableView`), so a link never leads to
 * "Geen toegang". A market party's membership of a table depends on its projects, which the web app does
 * not know here: it is offered the tables and woondealregio's, and the server says plainly if it has no
 * project there.
 */
import { ANONYMOUS, memberPartyOrganisation, tableView, type Principal } from '../../../../src/domain/access.ts';
import type { Gemeente, Region } from '../../api/types.ts';
import type { AuthState } from '../../auth/AuthContext.tsx';
import { principalOf } from '../../auth/permissions.ts';

export interface ChooserArea {
  id: string;
  /** A defined region (versnellingstafel, woondealregio): its gemeenten and market parties are members. */
  isTable: boolean;
  gemeenteCodes: readonly string[];
  provincieCodes: readonly string[];
}

/** The facts of a region, a province (`provincie:PV27`) or a gemeente (`gemeente:GM0363`) for the access rule. */
export function regionArea(region: Region, gemeenten: readonly Gemeente[]): ChooserArea {
  const provincieOf = new Map(gemeenten.map((g) => [g.code, g.provincieCode]));
  const provincieCodes = [...new Set(region.gemeenteCodes.map((c) => provincieOf.get(c)).filter((c): c is string => Boolean(c)))];
  return {
    id: region.id,
    isTable: region.kind === 'versnellingstafel' || region.kind === 'woondealregio',
    gemeenteCodes: region.gemeenteCodes,
    provincieCodes,
  };
}

export function provincieArea(code: string, gemeenten: readonly Gemeente[]): ChooserArea {
  return {
    id: `provincie:${code}`,
    isTable: false,
    gemeenteCodes: gemeenten.filter((g) => g.provincieCode === code).map((g) => g.code),
    provincieCodes: [code],
  };
}

export function gemeenteArea(g: Gemeente): ChooserArea {
  return { id: `gemeente:${g.code}`, isTable: false, gemeenteCodes: [g.code], provincieCodes: [g.provincieCode] };
}

/**
 * May this person open the area's Tafeloverzicht? null: no sign-in on this server (everything is open).
 * The public may open none (the Tafeloverzicht needs an account).
 */
export function mayOpenArea(principal: Principal | null, area: ChooserArea): boolean {
  if (principal === null) return true;
  if (principal.kind === 'anonymous') return false;
  // A market party may be a member through its projects, which only the server knows: offer the area.
  return tableView(principal, area, memberPartyOrganisation(principal) !== null) !== null;
}

/** The person the chooser decides for: null on a server without sign-in; the public while sign-in is checked. */
export function chooserPrincipal(state: AuthState): Principal | null {
  if (state.status === 'open') return null;
  if (state.status === 'loading') return { ...ANONYMOUS };
  return principalOf(state.me);
}
