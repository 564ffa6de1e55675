/**
 * Homes per segment, dwelling type and target group from the columns of a plan list, rebuilt into the register's
 * programme and jaarschijven (SPEC §2 "Project": programme = homes per segment × type, jaarschijven = completions
 * per year and segment; issue 13 part 1: "splits by dwelling type and by tenure that do not always add up",
 * "completion periods instead of years"). The total always wins over a split that does not add up to it.
 */
import { DOELGROEPEN, SEGMENTS, WONINGTYPES, type Doelgroep, type Segment, type Woningtype } from '../codes.ts';
import { apportionInteger } from '../herindelingen.ts';
import type { Jaarschijf, ProgrammeLine } from '../project.ts';

/** What `fitSplit` did to make a split add up to the total (for the row's note), or null when it already did. */
export type SplitFix = { kind: 'negative'; keys: string[] } | { kind: 'rest'; rest: number } | { kind: 'scaled'; sum: number } | null;

/**
 * Make `parts` add up to `total`: negative parts count as 0; a shortfall goes to `restKey` (the "unknown" of the
 * split); an excess scales the parts down in proportion (largest remainder, whole homes).
 */
export function fitSplit<K extends string>(
  parts: Partial<Record<K, number>>,
  total: number,
  restKey: K,
): { parts: Record<K, number>; fixes: SplitFix[] } {
  const fixes: SplitFix[] = [];
  const keys = Object.keys(parts) as K[];
  const negative = keys.filter((k) => (parts[k] ?? 0) < 0);
  if (negative.length > 0) fixes.push({ kind: 'negative', keys: negative });
  const clean = Object.fromEntries(keys.map((k) => [k, Math.max(0, parts[k] ?? 0)])) as Record<K, number>;
  if (!(restKey in clean)) clean[restKey] = 0;
  const sum = Object.values<number>(clean).reduce((a, b) => a + b, 0);
  if (sum < total) {
    clean[restKey] += total - sum;
    fixes.push({ kind: 'rest', rest: total - sum });
  } else if (sum > total) {
    const all = Object.keys(clean) as K[];
    const scaled = apportionInteger(
      total,
      all.map((k) => clean[k] / sum),
    );
    all.forEach((k, i) => (clean[k] = scaled[i]!));
    fixes.push({ kind: 'scaled', sum });
  }
  return { parts: clean, fixes };
}

/**
 * Fill a table whose row sums are `rows` and column sums are `cols` (equal totals), deterministically: the
 * north-west corner rule. Used to rebuild programme lines (segment × type × target group) and jaarschijven
 * (year × segment) from the marginals a plan list gives; every marginal is kept exactly.
 */
export function northWestCorner(rows: readonly number[], cols: readonly number[]): number[][] {
  const r = [...rows];
  const c = [...cols];
  const out = rows.map(() => cols.map(() => 0));
  let i = 0;
  let j = 0;
  while (i < r.length && j < c.length) {
    const v = Math.min(r[i]!, c[j]!);
    out[i]![j] = v;
    r[i]! -= v;
    c[j]! -= v;
    if (r[i] === 0) i += 1;
    else j += 1;
  }
  return out;
}

/** Programme lines from homes per segment, per dwelling type and per target group (all three with the same total). */
export function programmeFromMarginals(
  segments: Record<Segment, number>,
  woningtypes: Record<Woningtype, number>,
  doelgroepen: Record<Doelgroep, number>,
): ProgrammeLine[] {
  const segType = northWestCorner(
    SEGMENTS.map((s) => segments[s]),
    WONINGTYPES.map((w) => woningtypes[w]),
  );
  const cells: Array<{ segment: Segment; woningtype: Woningtype; homes: number }> = [];
  SEGMENTS.forEach((segment, i) => WONINGTYPES.forEach((woningtype, j) => cells.push({ segment, woningtype, homes: segType[i]![j]! })));
  const withGroup = northWestCorner(
    cells.map((c) => c.homes),
    DOELGROEPEN.map((d) => doelgroepen[d]),
  );
  const lines: ProgrammeLine[] = [];
  cells.forEach((c, i) =>
    DOELGROEPEN.forEach((doelgroep, j) => {
      const homes = withGroup[i]![j]!;
      if (homes > 0) lines.push({ segment: c.segment, woningtype: c.woningtype, doelgroep, homes });
    }),
  );
  return lines;
}

/** Spread `homes` evenly over the years `from`..`to` (whole homes; the earlier years take the remainder). */
export function spreadOverYears(homes: number, from: number, to: number): Map<number, number> {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const parts = apportionInteger(
    homes,
    years.map(() => 1 / years.length),
  );
  return new Map(years.map((y, i) => [y, parts[i]!]));
}

/**
 * Jaarschijven from homes per year (all segments) and per (year, segment): the per-year totals are split over the
 * segments in proportion to the programme, so each segment's jaarschijven add up to its share (north-west corner,
 * years in order). Zero cells are left out.
 */
export function jaarschijvenFrom(
  perYear: ReadonlyMap<number, number>,
  perYearSegment: ReadonlyArray<Jaarschijf>,
  programme: Record<Segment, number>,
): Jaarschijf[] {
  const out = new Map<string, Jaarschijf>();
  const add = (year: number, segment: Segment, homes: number) => {
    if (homes <= 0) return;
    const key = `${year}/${segment}`;
    const s = out.get(key);
    if (s) s.homes += homes;
    else out.set(key, { year, segment, homes });
  };
  for (const s of perYearSegment) add(s.year, s.segment, s.homes);
  const years = [...perYear.keys()].filter((y) => perYear.get(y)! > 0).sort((a, b) => a - b);
  const total = years.reduce((sum, y) => sum + perYear.get(y)!, 0);
  if (total > 0) {
    // What the per-segment columns already planned is not planned again.
    const planned = Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
    for (const s of perYearSegment) planned[s.segment] += s.homes;
    const open = SEGMENTS.map((s) => Math.max(0, programme[s] - planned[s]));
    const openSum = open.reduce((a, b) => a + b, 0);
    const shares = openSum > 0 ? open.map((o) => o / openSum) : SEGMENTS.map((s) => (s === SEGMENTS[SEGMENTS.length - 1] ? 1 : 0));
    const bySegment = apportionInteger(total, shares);
    const table = northWestCorner(
      years.map((y) => perYear.get(y)!),
      bySegment,
    );
    years.forEach((year, i) => SEGMENTS.forEach((segment, j) => add(year, segment, table[i]![j]!)));
  }
  return [...out.values()].sort((a, b) => a.year - b.year || SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment));
}
