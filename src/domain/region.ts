/**
 * Versnellingstafels and woondeal regions set up in the application (issue 11 item 1). SPEC §2 "Geography"
 * (a versnellingstafel is a set of gemeenten), "Quarterly round" (every closed quarter stays queryable as it was);
 * `001 § Afspraak 3B`: a versnellingstafel in every region, with parties joining and leaving.
 *
 * Coverage is dated by quarter: a period says that a gemeente belonged to a region from `fromQuarter` (null: since
 * before the monitor) up to and including `untilQuarter` (null: still). A gemeente lies in at most one running
 * versnellingstafel at a time. A change never starts in a quarter that is closed for a table it touches: the
 * history of closed quarters is never rewritten. Pure rules, no I/O.
 */
import type { RegionKind } from './codes.ts';
import type { Issue } from './errors.ts';
import { compareKwartaal, isKwartaal, kwartaalLabel, previousKwartaal, type Kwartaal } from './kwartaal.ts';

export const REGION_NAME_MAX_LENGTH = 120;

/** One stretch of time in which a gemeente belonged to a region. */
export interface CoveragePeriod {
  regionId: string;
  gemeenteCode: string;
  fromQuarter: Kwartaal | null;
  untilQuarter: Kwartaal | null;
}

/** What the coverage rules need to know about a region. */
export interface RegionFacts {
  id: string;
  kind: RegionKind;
  name: string;
  /** The table stopped (it keeps its history; no new rounds). */
  ended: boolean;
  /** The latest quarter whose round of this region is closed, or null. */
  lastClosedQuarter: Kwartaal | null;
}

/** The name of a new or renamed region: filled in, not too long, not the name of another region. */
export function regionNameProblems(name: string, others: readonly { id: string; name: string }[], ownId: string | null = null): Issue[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ path: 'name', code: 'required', message: 'Vul de naam van de tafel of regio in.' }];
  if (trimmed.length > REGION_NAME_MAX_LENGTH) {
    return [{ path: 'name', code: 'too_long', message: `De naam mag hoogstens ${REGION_NAME_MAX_LENGTH} tekens hebben.` }];
  }
  const same = others.find((o) => o.id !== ownId && o.name.trim().toLocaleLowerCase('nl') === trimmed.toLocaleLowerCase('nl'));
  if (same)
    return [{ path: 'name', code: 'duplicate_name', message: `Er is al een tafel of regio met de naam ‘${same.name}’. Kies een andere naam.` }];
  return [];
}

/**
 * The gemeenten a region is to cover from a quarter: at least one, each known, none twice; a well-formed quarter,
 * and (given the current quarter) not a later one: the current coverage changes as soon as a change is recorded,
 * so a change is recorded when its quarter has begun (back-dating is limited by the closed quarters instead).
 */
export function coverageInputProblems(
  gemeenteCodes: readonly string[],
  fromQuarter: string,
  known: ReadonlySet<string>,
  currentQuarter?: Kwartaal,
): Issue[] {
  const issues: Issue[] = [];
  if (gemeenteCodes.length === 0) issues.push({ path: 'gemeenteCodes', code: 'required', message: 'Kies minstens één gemeente.' });
  const seen = new Set<string>();
  gemeenteCodes.forEach((code, i) => {
    if (!known.has(code)) issues.push({ path: `gemeenteCodes[${i}]`, code: 'unknown_gemeente', message: `Gemeente ${code} bestaat niet.` });
    else if (seen.has(code))
      issues.push({ path: `gemeenteCodes[${i}]`, code: 'duplicate', message: `Gemeente ${code} staat twee keer in de lijst.` });
    seen.add(code);
  });
  if (!isKwartaal(fromQuarter)) {
    issues.push({ path: 'fromQuarter', code: 'invalid_quarter', message: 'Kies het kwartaal waarin de wijziging ingaat, zoals 2027-Q1.' });
  } else if (currentQuarter && compareKwartaal(fromQuarter, currentQuarter) > 0) {
    issues.push({
      path: 'fromQuarter',
      code: 'future_quarter',
      message: 'Een wijziging gaat in vanaf het huidige kwartaal of een eerder kwartaal. Leg een latere wijziging vast als dat kwartaal begonnen is.',
    });
  }
  return issues;
}

/** A new region: its name and its gemeenten (regionNameProblems, coverageInputProblems). */
export function newRegionProblems(
  input: { name: string; gemeenteCodes: readonly string[]; fromQuarter: string },
  context: { regions: readonly { id: string; name: string }[]; knownGemeenten: ReadonlySet<string>; currentQuarter?: Kwartaal },
): Issue[] {
  return [
    ...regionNameProblems(input.name, context.regions),
    ...coverageInputProblems(input.gemeenteCodes, input.fromQuarter, context.knownGemeenten, context.currentQuarter),
  ];
}

/**
 * A change from `fromQuarter` may not touch a quarter already closed for any of these regions: a closed round
 * is frozen (SPEC §2 "Quarterly round"). One issue at fromQuarter naming the table and the first open quarter.
 */
export function closedQuarterProblems(fromQuarter: Kwartaal, regions: readonly RegionFacts[]): Issue[] {
  const blocking = regions.filter((r) => r.lastClosedQuarter !== null && compareKwartaal(fromQuarter, r.lastClosedQuarter) <= 0);
  return blocking.map((r) => ({
    path: 'fromQuarter',
    code: 'quarter_closed',
    message: `${kwartaalLabel(r.lastClosedQuarter!)} is voor ‘${r.name}’ al afgesloten; die geschiedenis verandert niet meer. Kies een later kwartaal.`,
  }));
}

/** Stopping a table: not when it has stopped already (it keeps its history either way). */
export function endProblems(region: RegionFacts): Issue[] {
  if (region.ended) return [{ path: 'endedOn', code: 'already_ended', message: `‘${region.name}’ is al gestopt.` }];
  return [];
}

/** A coverage change worked out: what happens to which periods (the storage writes it in one transaction). */
export interface CoveragePlan {
  added: string[];
  removed: string[];
  /** Gemeenten that leave another versnellingstafel for this one. */
  moves: Array<{ gemeenteCode: string; fromRegionId: string }>;
  /** Open periods that end with the quarter before the change. */
  close: Array<{ regionId: string; gemeenteCode: string; untilQuarter: Kwartaal }>;
  /** Open periods that were to start at or after the change: they never applied and are dropped. */
  cancel: Array<{ regionId: string; gemeenteCode: string }>;
  open: Array<{ regionId: string; gemeenteCode: string; fromQuarter: Kwartaal }>;
}

/** A gemeente the change takes from another running versnellingstafel without being told to move it. */
export interface CoverageConflict {
  gemeenteCode: string;
  index: number;
  region: RegionFacts;
}

export type CoverageOutcome = { plan: CoveragePlan; issues: Issue[]; conflicts: CoverageConflict[] };

/**
 * Work out a coverage change: `region` covers exactly `gemeenteCodes` from `fromQuarter`. Gemeenten added get a
 * period from that quarter; gemeenten removed have their open period closed at the quarter before. For a
 * versnellingstafel, a gemeente in another running versnellingstafel moves from there from the same quarter when
 * `moveFromOtherTables`, else it is a conflict; a gemeente of a stopped table moves without asking. `issues`:
 * quarters already closed for this region or a table a gemeente moves from (closedQuarterProblems).
 */
export function planCoverageChange(input: {
  region: RegionFacts;
  gemeenteCodes: readonly string[];
  fromQuarter: Kwartaal;
  /** The open periods (untilQuarter null) of every region of the same kind. */
  openPeriods: readonly CoveragePeriod[];
  regions: readonly RegionFacts[];
  moveFromOtherTables: boolean;
}): CoverageOutcome {
  const { region, fromQuarter } = input;
  const byId = new Map(input.regions.map((r) => [r.id, r]));
  const mine = new Map(input.openPeriods.filter((p) => p.regionId === region.id).map((p) => [p.gemeenteCode, p]));
  const target = new Set(input.gemeenteCodes);
  const plan: CoveragePlan = { added: [], removed: [], moves: [], close: [], cancel: [], open: [] };
  const conflicts: CoverageConflict[] = [];
  const end = (p: CoveragePeriod) => {
    if (p.fromQuarter !== null && compareKwartaal(p.fromQuarter, fromQuarter) >= 0)
      plan.cancel.push({ regionId: p.regionId, gemeenteCode: p.gemeenteCode });
    else plan.close.push({ regionId: p.regionId, gemeenteCode: p.gemeenteCode, untilQuarter: previousKwartaal(fromQuarter) });
  };
  for (const [code, period] of mine) {
    if (target.has(code)) continue;
    plan.removed.push(code);
    end(period);
  }
  input.gemeenteCodes.forEach((code, index) => {
    if (mine.has(code)) return;
    if (region.kind === 'versnellingstafel') {
      for (const other of input.openPeriods.filter((p) => p.gemeenteCode === code && p.regionId !== region.id)) {
        const table = byId.get(other.regionId);
        if (!table || table.kind !== 'versnellingstafel') continue;
        if (!table.ended && !input.moveFromOtherTables) conflicts.push({ gemeenteCode: code, index, region: table });
        plan.moves.push({ gemeenteCode: code, fromRegionId: table.id });
        end(other);
      }
    }
    plan.added.push(code);
    plan.open.push({ regionId: region.id, gemeenteCode: code, fromQuarter });
  });
  const touched = [region, ...new Set(plan.moves.map((m) => byId.get(m.fromRegionId)!))];
  const issues = plan.added.length + plan.removed.length > 0 ? closedQuarterProblems(fromQuarter, touched) : [];
  return { plan, issues, conflicts };
}

/** The 409 issues for gemeenten that sit in another versnellingstafel: each names the table. */
export function conflictIssues(conflicts: readonly CoverageConflict[], gemeenteName: (code: string) => string): Issue[] {
  return conflicts.map((c) => ({
    path: `gemeenteCodes[${c.index}]`,
    code: 'in_other_table',
    message: `${gemeenteName(c.gemeenteCode)} hoort nu bij ‘${c.region.name}’. Bevestig dat de gemeente naar deze tafel verhuist.`,
  }));
}

/** Does the period include the quarter? */
export function periodIncludes(p: Pick<CoveragePeriod, 'fromQuarter' | 'untilQuarter'>, quarter: Kwartaal): boolean {
  return (
    (p.fromQuarter === null || compareKwartaal(p.fromQuarter, quarter) <= 0) &&
    (p.untilQuarter === null || compareKwartaal(quarter, p.untilQuarter) <= 0)
  );
}

/**
 * Which table a gemeente (and so its projects) belonged to in a quarter: the region of the period that includes
 * that quarter, or null. Pass the periods of the versnellingstafels. SPEC §2 "Quarterly round" (every quarter
 * queryable "as of").
 */
export function tableOfGemeenteInQuarter(periods: readonly CoveragePeriod[], gemeenteCode: string, quarter: Kwartaal): string | null {
  return periods.find((p) => p.gemeenteCode === gemeenteCode && periodIncludes(p, quarter))?.regionId ?? null;
}
