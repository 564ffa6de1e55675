/**
 * The area a person's Plancapaciteit page starts with; in a file of its own (no imports from the web app), so the
 * menu (web/src/auth/permissions.ts) can ask it without an import cycle.
 */
import type { Principal } from '../../../../src/domain/access.ts';

export const NATION_AREA = 'nl';

/**
 * The area a person starts with: the one their role reads as a whole (the ministry: the Netherlands; a
 * province analyst: the province; a secretary: the table; a gemeente: itself). null: none, so the page
 * and its menu item are not for them (a market party, the public).
 */
export function homeArea(p: Principal): string | null {
  switch (p.role) {
    case 'beheerder':
    case 'ministerie_analist':
      return NATION_AREA;
    case 'provincie_analist':
      return p.provincieCode ? `provincie:${p.provincieCode}` : null;
    case 'tafel_secretaris':
      return p.regionId;
    case 'gemeente_editor':
      return p.gemeenteCode ? `gemeente:${p.gemeenteCode}` : null;
    default:
      return null;
  }
}
