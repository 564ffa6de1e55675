/**
 * The pure parts of the Plancapaciteit page: which area a person starts with and may choose (the server's
 * own rule, src/domain/access.ts `canReadArea`), the choice as URL query parameters (so a link can be
 * shared), the outcome of the norm test in words, and the norm typed as a percentage.
 */
import { canReadArea, type AreaFacts, type Principal } from '../../../../src/domain/access.ts';
import type { Gemeente, Provincie, Region } from '../../api/types.ts';
import { formatCount, formatPercent } from '../../labels.ts';
import { gemeenteArea, provincieArea, regionArea } from '../dashboard/regionAccess.ts';
import { NATION_AREA } from './homeArea.ts';

export { homeArea, NATION_AREA } from './homeArea.ts';

export const BREAKDOWNS = ['none', 'provincie', 'region', 'gemeente'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  none: 'Geen uitsplitsing',
  provincie: 'Per provincie',
  region: 'Per tafel of regio',
  gemeente: 'Per gemeente',
};
/** The last year a period can start in (the second period ends in 2035: src/domain/policy.ts). */
export const LAST_FROM_YEAR = 2035;

export interface AreaOption {
  value: string;
  text: string;
}
export interface AreaGroup {
  label: string;
  options: AreaOption[];
}

/** The facts of an area the access rules need, from its gemeenten (and their provinces). */
export function areaFacts(area: { id: string; gemeenteCodes: readonly string[] }, gemeenten: readonly Gemeente[]): AreaFacts {
  const provincieOf = new Map(gemeenten.map((g) => [g.code, g.provincieCode]));
  const provincieCodes = [...new Set(area.gemeenteCodes.map((c) => provincieOf.get(c)).filter((c): c is string => Boolean(c)))];
  return { id: area.id, gemeenteCodes: area.gemeenteCodes, provincieCodes };
}

/**
 * The areas offered in the chooser, grouped by kind: only those this person may read, so a choice never
 * leads to "Geen toegang". null: a server without sign-in (everything is offered).
 */
export function areaGroups(
  principal: Principal | null,
  lists: { regions: readonly Region[]; provincies: readonly Provincie[]; gemeenten: readonly Gemeente[] },
): AreaGroup[] {
  const { regions, provincies, gemeenten } = lists;
  const readable = (facts: AreaFacts) => principal === null || canReadArea(principal, facts);
  const nation = areaFacts({ id: NATION_AREA, gemeenteCodes: gemeenten.map((g) => g.code) }, gemeenten);
  const groups: AreaGroup[] = [
    { label: 'Land', options: readable(nation) ? [{ value: NATION_AREA, text: 'Nederland' }] : [] },
    {
      label: 'Provincies',
      options: provincies
        .filter((p) => readable(provincieArea(p.code, gemeenten)))
        .map((p) => ({ value: `provincie:${p.code}`, text: `Provincie ${p.name}` })),
    },
    {
      label: 'Versnellingstafels',
      options: regions
        .filter((r) => r.kind === 'versnellingstafel' && readable(regionArea(r, gemeenten)))
        .map((r) => ({ value: r.id, text: r.name })),
    },
    {
      label: 'Woondealregio’s',
      options: regions.filter((r) => r.kind === 'woondealregio' && readable(regionArea(r, gemeenten))).map((r) => ({ value: r.id, text: r.name })),
    },
    {
      label: 'Gemeenten',
      options: gemeenten.filter((g) => readable(gemeenteArea(g))).map((g) => ({ value: `gemeente:${g.code}`, text: `Gemeente ${g.name}` })),
    },
  ];
  return groups.filter((g) => g.options.length > 0);
}

/** What the page shows, as in its address: `?gebied=provincie:PV27&vanaf=2027&uitsplitsing=gemeente`. */
export interface Choice {
  area: string;
  fromYear: number;
  breakdown: Breakdown;
}

/** The choice in the page address; a missing or wrong value falls back to the person's own area, this year, no breakdown. */
export function parseChoice(params: URLSearchParams, home: string, thisYear: number): Choice {
  const area = params.get('gebied')?.trim() || home;
  const year = Number(params.get('vanaf'));
  const fromYear = Number.isInteger(year) && year >= thisYear - 5 && year <= LAST_FROM_YEAR ? year : thisYear;
  const b = params.get('uitsplitsing');
  const breakdown = (BREAKDOWNS as readonly string[]).includes(b ?? '') ? (b as Breakdown) : 'none';
  return { area, fromYear, breakdown };
}

/** The page address parameters of a choice (defaults left out, so the plain link stays plain). */
export function choiceParams(choice: Choice, home: string, thisYear: number): URLSearchParams {
  const q = new URLSearchParams();
  if (choice.area !== home) q.set('gebied', choice.area);
  if (choice.fromYear !== thisYear) q.set('vanaf', String(choice.fromYear));
  if (choice.breakdown !== 'none') q.set('uitsplitsing', choice.breakdown);
  return q;
}

/** The query of GET /national/plancapaciteit for a choice. */
export function apiQuery(choice: Choice): URLSearchParams {
  return new URLSearchParams({ area: choice.area, fromYear: String(choice.fromYear), breakdown: choice.breakdown });
}

/** The start years offered: from last year up to the last one a period can start in. */
export function fromYearOptions(thisYear: number): number[] {
  const years: number[] = [];
  for (let y = thisYear - 1; y <= LAST_FROM_YEAR; y++) years.push(y);
  return years;
}

/** The figures of a period the outcome needs (a PeriodCapacity of the API). */
export interface PeriodOutcome {
  need: { homes: number | null };
  norm: number | null;
  meetsNorm: boolean | null;
  shortfall: number | null;
}

/** The outcome of the norm test in words: met, how many homes short, or why there is no verdict. */
export function outcomeText(p: PeriodOutcome): string {
  if (p.need.homes === null || p.need.homes <= 0) return 'Geen oordeel: behoefte onbekend';
  if (p.norm === null || p.meetsNorm === null) return 'Geen oordeel: geen norm';
  if (p.meetsNorm) return `Voldoet aan ${formatPercent(p.norm)}`;
  return `Tekort: ${formatCount(p.shortfall ?? 0, 'woning', 'woningen')}`;
}

/** A share of the need, or a dash without need. */
export function shareText(ratio: number | null): string {
  return ratio === null ? '–' : formatPercent(ratio);
}

/**
 * The norm as typed ("130", "130%", "97,5") → the factor the API takes (1.3), or a message in Dutch. The
 * limits are the API's (more than 0, at most 500%).
 */
export function parseNormPercent(text: string): { value: number } | { error: string } {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (cleaned === '') return { error: 'Vul de norm in als percentage, bijvoorbeeld 130.' };
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return { error: 'Vul alleen een getal in, bijvoorbeeld 130 (voor 130%).' };
  const percent = Number(cleaned);
  if (percent <= 0) return { error: 'De norm moet meer dan 0% zijn.' };
  if (percent > 500) return { error: 'Een norm boven 500% is niet aannemelijk. Vul een lager percentage in.' };
  return { value: Math.round(percent * 10) / 1000 };
}
