/**
 * The 2025 gemeente of a plan list row (SPEC §2 "Geography", issue 13 part 1: "old gemeente names from before a
 * merger"). Names are compared without case, diacritics and punctuation; a name from before a herindeling
 * (data/reference/herindelingen_2012_2025.csv) goes to its successor; a name that lost its province suffix
 * (Hengelo → Hengelo (O.)) is found when only one gemeente carries it, else the row's province decides.
 */
import { GEMEENTE_CODE } from '../geography.ts';
import { resolveSuccessors, type Herindeling } from '../herindelingen.ts';
import { normaliseHeader } from './headers.ts';

export interface GemeenteRef {
  code: string;
  name: string;
  provincieCode: string;
}

export interface ProvincieRef {
  code: string;
  name: string;
}

export type GemeenteMatch =
  | { code: string; /** How an old or shortened name was resolved (for the report); null for an exact match. */ note: string | null }
  | { problem: string };

/** Names people use that are no CBS name (CBS: 's-Gravenhage, 's-Hertogenbosch, Fryslân). */
const ALIASES: Record<string, string> = { 'den haag': 's gravenhage', 'den bosch': 's hertogenbosch', friesland: 'fryslan' };

const norm = (s: string) => {
  const n = normaliseHeader(s);
  return ALIASES[n] ?? n;
};
/** "Hengelo (O.)" → "hengelo", "Bergen (NH.)" → "bergen". */
const baseName = (name: string) => norm(name.replace(/\s*\([^)]*\)\s*$/, ''));

export function createGemeenteResolver(
  gemeenten: readonly GemeenteRef[],
  herindelingen: readonly Herindeling[],
  provincies: readonly ProvincieRef[] = [],
) {
  const byCode = new Map(gemeenten.map((g) => [g.code, g]));
  const byName = new Map(gemeenten.map((g) => [norm(g.name), g]));
  const byBase = new Map<string, GemeenteRef[]>();
  for (const g of gemeenten) byBase.set(baseName(g.name), [...(byBase.get(baseName(g.name)) ?? []), g]);
  const provincieByName = new Map<string, string>();
  for (const p of provincies) {
    provincieByName.set(norm(p.name), p.code);
    provincieByName.set(norm(p.code), p.code);
  }
  const resolution = resolveSuccessors(
    herindelingen,
    gemeenten.map((g) => g.code),
    herindelingen.map((h) => h.gemeenteCode),
  );
  const oldByName = new Map<string, Herindeling>();
  const oldByCode = new Map<string, Herindeling>();
  for (const h of herindelingen) {
    oldByName.set(norm(h.gemeenteName), h);
    oldByCode.set(h.gemeenteCode, h);
  }

  function successorOf(old: Herindeling): GemeenteMatch {
    const successors = resolution.successors.get(old.gemeenteCode) ?? [];
    if (successors.length !== 1) {
      const names = successors.map((s) => byCode.get(s.code)?.name ?? s.code).join(', ');
      return {
        problem: `gemeente '${old.gemeenteName}' is bij een herindeling verdeeld over ${names || 'meerdere gemeenten'}; geef de gemeentecode van 2025`,
      };
    }
    const to = byCode.get(successors[0]!.code)!;
    return { code: to.code, note: `${old.gemeenteName} (${old.gemeenteCode}) is sinds ${old.year} ${to.name} (${to.code})` };
  }

  function provincieCode(provincie: string | null): string | null {
    return provincie ? (provincieByName.get(norm(provincie)) ?? null) : null;
  }

  return {
    /** A gemeente code: GM0363, 0363 or 363; an old code goes to its successor. */
    byCode(text: string): GemeenteMatch {
      const t = text.trim().toUpperCase();
      const code = /^\d{1,4}$/.test(t) ? `GM${t.padStart(4, '0')}` : t;
      if (!GEMEENTE_CODE.test(code)) return { problem: `'${text}' is geen gemeentecode (GM gevolgd door 4 cijfers)` };
      if (byCode.has(code)) return { code, note: null };
      const old = oldByCode.get(code);
      if (old) return successorOf(old);
      return { problem: `gemeentecode '${text}' bestaat niet in de gemeentelijke indeling van 2025` };
    },

    /** A gemeente name; `provincie` (name or PV code) settles a name more than one gemeente carries. */
    byName(text: string, provincie: string | null = null): GemeenteMatch {
      const n = norm(text);
      if (!n) return { problem: 'gemeente ontbreekt' };
      const exact = byName.get(n);
      if (exact) return { code: exact.code, note: null };
      const old = oldByName.get(n);
      if (old) return successorOf(old);
      let candidates = byBase.get(baseName(text)) ?? [];
      const pv = provincieCode(provincie);
      if (candidates.length > 1 && pv) candidates = candidates.filter((g) => g.provincieCode === pv);
      if (candidates.length === 1) {
        const g = candidates[0]!;
        return { code: g.code, note: `'${text.trim()}' is ${g.name} (${g.code})` };
      }
      if (candidates.length > 1) {
        return {
          problem: `gemeente '${text.trim()}' is niet eenduidig: ${candidates.map((g) => g.name).join(' of ')}; geef de provincie of de gemeentecode`,
        };
      }
      return { problem: `gemeente '${text.trim()}' bestaat niet in de gemeentelijke indeling van 2025 en is geen bekende oude gemeentenaam` };
    },
  };
}

export type GemeenteResolver = ReturnType<typeof createGemeenteResolver>;
