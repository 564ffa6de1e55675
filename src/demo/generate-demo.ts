/**
 * Deterministic synthetic demo data: organisations, projects and knelpunten that look like a national
 * PPM register (SPEC §2, §3) and pass every consistency check. Pure: no I/O, no clock, no Math.random;
 * the same (gemeenten, options) always gives a deep-equal dataset.
 *
 * Streams: private organisations, gemeente organisations and projects each use their own PRNG stream,
 * and projects are generated one after another, so the first n projects of a larger dataset equal
 * those of a dataset of n projects with the same seed.
 */
import {
  LABELS,
  MILESTONES,
  SEGMENTS,
  type Doelgroep,
  type KnelpuntCategory,
  type OrganisationType,
  type Origin,
  type OwnerSide,
  type PartyRole,
  type Phase,
  type PlanStatus,
  type ProjectFlag,
  type Segment,
  type Woningtype,
} from '../domain/codes.ts';
import { isIsoDate } from '../domain/dates.ts';
import type { Organisation } from '../domain/organisation.ts';
import { derivePhase } from '../domain/phase.ts';
import type { Jaarschijf, Knelpunt, Milestone, Party, ProgrammeLine, ProjectInput } from '../domain/project.ts';
import { preparePolygon, randomPointIn, type DemoGeometry, type PreparedPolygon } from './geometry.ts';
import { Rng, WeightedIndex } from '../domain/random.ts';
import {
  AREA_NAMES,
  DE_NAMES,
  DIRECTIONS,
  FORMER_USES,
  HET_NAMES,
  KNELPUNT_TEXTS,
  ORG_ENDINGS,
  ORG_STEMS,
  PLACE_STEMS,
  PLACE_SUFFIXES,
  RESOLUTION_TEXTS,
  SURNAMES,
} from './wordlists.ts';

export type { DemoGeometry, DemoMultiPolygon, DemoPolygon } from './geometry.ts';

export interface DemoGemeente {
  code: string;
  name: string;
  provincieCode: string;
  /** Relative housing production (see production-weights.ts); projects are spread in proportion. */
  weight: number;
  /**
   * The national demo only: homes a year this gemeente is measured against (its own target, or its share of
   * the province's, as src/domain/targets.ts regionAnnualTarget computes it); its pipeline is sized to it.
   */
  annualTarget?: number | null;
  geometry: DemoGeometry | null;
}

export interface DemoOptions {
  /**
   * How many projects, spread over the gemeenten by `weight`; or 'national': per gemeente a pipeline sized
   * to its `annualTarget` (the default demo of `npm start`, issue 14).
   */
  projects: number | 'national';
  seed: number;
  /** 'YYYY-MM-DD': the "today" of the dataset; achieved milestones lie on or before it. */
  asOf: string;
}

export type DemoProject = ProjectInput & {
  id: string;
  /** Planuitval: the plan was withdrawn on this date for this reason (src/domain/withdrawal.ts); absent: an active plan. */
  withdrawal?: { date: string; reason: string };
  /**
   * National demo: the forecasts as they stood one quarter before asOf, for the milestones whose forecast
   * moved since (most later, some earlier) — the closed quarter the demo's "what changed" compares with.
   */
  previousForecasts?: Array<{ code: string; forecastDate: string }>;
};

export interface DemoDataset {
  organisations: Organisation[];
  projects: DemoProject[];
  knelpunten: Knelpunt[];
}

/** Private organisations per type (about 150 in all). */
const PRIVATE_ORG_COUNTS: ReadonlyArray<[OrganisationType, number]> = [
  ['corporatie', 45],
  ['ontwikkelaar', 50],
  ['belegger', 25],
  ['bouwer', 30],
];

const STREAM_PRIVATE_ORGS = 1;
const STREAM_GEMEENTE_ORGS = 2;
const STREAM_PROJECTS = 3;

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 30.44;

// ---------------------------------------------------------------------------------------------------
// Dates as whole days since 1970-01-01 (UTC); ISO strings only at the edge.

function isoToDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Civil date of a day number (H. Hinnant's days_from_civil inverse); much faster than Date formatting. */
function civil(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function dayToIso(day: number): string {
  const [y, m, d] = civil(day);
  return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

function dayToYear(day: number): number {
  return civil(day)[0];
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** The element at `i`; its absence is a bug in the generator (the paths and lists below have fixed lengths). */
function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`demo generator: no element ${i} in a list of ${items.length}`);
  return item;
}

/** Split `total` into non-negative integers proportional to `weights` (largest remainder, ties by index). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || weights.length === 0) return weights.map(() => 0);
  const shares = sum > 0 ? weights.map((w) => (w / sum) * total) : weights.map(() => total / weights.length);
  const result = shares.map((s) => Math.floor(s));
  let rest = total - result.reduce((s, v) => s + v, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) result[at(order, k)[1]]! += 1; // order holds the indices of result
  return result;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

// ---------------------------------------------------------------------------------------------------
// Organisations

function compoundOrgWord(rng: Rng): string {
  return rng.pick(ORG_STEMS) + rng.pick(ORG_ENDINGS);
}

function privateOrgName(type: OrganisationType, rng: Rng): string {
  const x = compoundOrgWord(rng);
  const s = rng.pick(SURNAMES);
  switch (type) {
    case 'corporatie':
      return rng.pick([`Woonstichting ${x}`, `${x} Wonen`, `Woningcorporatie ${x}`, `Stichting ${x} Woondiensten`, `Wooncompagnie ${x}`]);
    case 'ontwikkelaar': {
      const s2 = rng.pick(SURNAMES);
      return rng.pick([
        `${s} Vastgoedontwikkeling`,
        `${x} Projectontwikkeling`,
        `Ontwikkelcombinatie ${x}`,
        s2 === s ? `${s} Ontwikkeling` : `${s} & ${s2} Ontwikkeling`,
        `${x} Gebiedsontwikkeling`,
      ]);
    }
    case 'belegger':
      return rng.pick([`${x} Woningfonds`, `${x} Vastgoedbeleggingen`, `${x} Residentieel Fonds`, `Pensioenbelegger ${x}`]);
    case 'bouwer':
      return rng.pick([`Bouwbedrijf ${s}`, `${s} Bouw`, `Aannemersbedrijf ${s} & Zn.`, `${x} Bouwgroep`, `Bouwcombinatie ${x}`]);
    default:
      return `${x} ${LABELS[type] ?? type}`;
  }
}

interface OrgPool {
  orgs: Organisation[];
  /** Zipf-like popularity: a few large parties take part in many projects. */
  index: WeightedIndex;
}

function generatePrivateOrganisations(seed: number): Map<OrganisationType, OrgPool> {
  const rng = new Rng(seed, STREAM_PRIVATE_ORGS);
  const used = new Set<string>();
  const pools = new Map<OrganisationType, OrgPool>();
  for (const [type, count] of PRIVATE_ORG_COUNTS) {
    const orgs: Organisation[] = [];
    for (let i = 0; i < count; i++) {
      let name = privateOrgName(type, rng);
      for (let attempt = 2; used.has(name); attempt++) {
        const next = privateOrgName(type, rng);
        name = used.has(next) && attempt > 20 ? `${next} ${attempt}` : next;
      }
      used.add(name);
      orgs.push({ id: rng.uuid(), name: `${name} (demo)`, type, gemeenteCode: null, synthetic: true });
    }
    pools.set(type, { orgs, index: new WeightedIndex(orgs.map((_, i) => 1 / (i + 4))) });
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------------
// Project parts

/** Homes in the project: heavy-tailed (most 5–80, some 81–600, a few 1,000–5,000). */
function drawSize(rng: Rng): number {
  const r = rng.next();
  if (r < 0.86) return Math.round(rng.logUniform(5, 80));
  if (r < 0.99) return Math.max(85, Math.round(rng.logUniform(81, 600) / 5) * 5);
  return Math.round(rng.logUniform(1000, 5000) / 50) * 50;
}

function drawOrigin(size: number, rng: Rng): Origin {
  if (size <= 80) {
    return rng.weighted<Origin>([
      ['nieuwbouw', 0.74],
      ['transformatie', 0.09],
      ['optoppen', 0.04],
      ['splitsen', 0.04],
      ['woningdelen', 0.03],
      ['flex', 0.03],
      ['mantelzorgwoning', 0.015],
      ['wonen_op_erven', 0.015],
    ]);
  }
  if (size <= 600)
    return rng.weighted<Origin>([
      ['nieuwbouw', 0.85],
      ['transformatie', 0.1],
      ['flex', 0.04],
      ['optoppen', 0.01],
    ]);
  return 'nieuwbouw';
}

/** Small origins change few homes at a time. */
function adjustSizeForOrigin(size: number, origin: Origin, rng: Rng): number {
  switch (origin) {
    case 'mantelzorgwoning':
    case 'wonen_op_erven':
      return rng.int(1, 6);
    case 'splitsen':
      return rng.int(2, 16);
    case 'optoppen':
      return Math.min(size, rng.int(4, 40));
    default:
      return size;
  }
}

type ProjectDoelgroep = { kind: 'regulier' } | { kind: Exclude<Doelgroep, 'regulier'>; share: number };

function drawDoelgroep(size: number, origin: Origin, rng: Rng): ProjectDoelgroep {
  if (origin === 'flex') return { kind: 'flex', share: 1 };
  if (origin === 'woningdelen') return rng.chance(0.5) ? { kind: 'student', share: 1 } : { kind: 'regulier' };
  if (origin === 'mantelzorgwoning' || origin === 'wonen_op_erven' || origin === 'splitsen') return { kind: 'regulier' };
  const r = rng.next();
  if (r < 0.03 && size >= 20) return { kind: 'student', share: 1 };
  if (r < 0.07) return { kind: 'woonzorg', share: size <= 120 ? 1 : rng.uniform(0.15, 0.4) };
  if (r < 0.19) return { kind: 'ouderen', share: size <= 40 ? 1 : rng.uniform(0.15, 0.6) };
  return { kind: 'regulier' };
}

const SEGMENT_SHARE: Record<Segment, number> = {
  sociale_huur: 0.28,
  middenhuur: 0.19,
  betaalbare_koop: 0.17,
  vrije_sector_huur: 0.1,
  vrije_sector_koop: 0.26,
};

function segmentBase(origin: Origin, doelgroep: ProjectDoelgroep): Partial<Record<Segment, number>> {
  if (doelgroep.kind === 'student' || doelgroep.kind === 'flex' || origin === 'woningdelen') {
    return { sociale_huur: 0.7, middenhuur: 0.3 };
  }
  if (doelgroep.kind === 'woonzorg' && doelgroep.share === 1) return { sociale_huur: 0.6, middenhuur: 0.3, vrije_sector_huur: 0.1 };
  if (origin === 'splitsen') return { vrije_sector_huur: 0.5, middenhuur: 0.3, sociale_huur: 0.2 };
  if (origin === 'mantelzorgwoning' || origin === 'wonen_op_erven') {
    return { vrije_sector_koop: 0.6, betaalbare_koop: 0.2, vrije_sector_huur: 0.2 };
  }
  if (origin === 'transformatie' || origin === 'optoppen') {
    return { sociale_huur: 0.3, middenhuur: 0.3, betaalbare_koop: 0.1, vrije_sector_huur: 0.2, vrije_sector_koop: 0.1 };
  }
  return SEGMENT_SHARE;
}

/** Homes per segment: few segments in small projects, all with per-project variation in large ones. */
function drawSegments(size: number, origin: Origin, doelgroep: ProjectDoelgroep, rng: Rng): Map<Segment, number> {
  const base = segmentBase(origin, doelgroep);
  const candidates = SEGMENTS.filter((s) => (base[s] ?? 0) > 0);
  let count: number;
  if (size < 20) count = rng.chance(0.65) ? 1 : 2;
  else if (size <= 80) count = rng.int(2, 4);
  else if (size <= 600) count = rng.int(3, 5);
  else count = 5;
  count = Math.min(count, candidates.length, size);

  // Weighted choice without replacement.
  const chosen: Segment[] = [];
  const pool = [...candidates];
  while (chosen.length < count) {
    const s = rng.weighted(pool.map((p) => [p, base[p]!] as const));
    chosen.push(s);
    pool.splice(pool.indexOf(s), 1);
  }
  chosen.sort((a, b) => SEGMENTS.indexOf(a) - SEGMENTS.indexOf(b));
  const sigma = size > 600 ? 0.3 : 0.5;
  const weights = chosen.map((s) => base[s]! * Math.exp(sigma * rng.normal()));
  const homes = apportion(size, weights);
  const result = new Map<Segment, number>();
  chosen.forEach((s, i) => {
    const h = homes[i] ?? 0;
    if (h > 0) result.set(s, h);
  });
  return result;
}

/** Share gestapeld by size: about 10% at 10 homes, 50% at 60, 85% at 200, 97% at 1,000. */
function gestapeldShare(size: number): number {
  return 1 / (1 + Math.exp(-1.3 * (Math.log(size) - Math.log(60))));
}

function buildProgramme(size: number, origin: Origin, doelgroep: ProjectDoelgroep, typeUnknown: boolean, rng: Rng): ProgrammeLine[] {
  const segments = drawSegments(size, origin, doelgroep, rng);
  const lines = new Map<string, ProgrammeLine>();
  const add = (segment: Segment, woningtype: Woningtype, dg: Doelgroep, homes: number): void => {
    if (homes <= 0) return;
    const key = `${segment}/${woningtype}/${dg}`;
    const line = lines.get(key);
    if (line) line.homes += homes;
    else lines.set(key, { segment, woningtype, doelgroep: dg, homes });
  };

  let forcedType: Woningtype | null = null;
  if (typeUnknown) forcedType = 'onbekend';
  else if (doelgroep.kind === 'student' || ['transformatie', 'optoppen', 'splitsen', 'woningdelen'].includes(origin)) forcedType = 'gestapeld';
  else if (origin === 'mantelzorgwoning' || origin === 'wonen_op_erven') forcedType = 'grondgebonden';
  else if (origin === 'flex') forcedType = rng.chance(0.6) ? 'grondgebonden' : 'gestapeld';
  const pG = gestapeldShare(size);
  const wholeType: Woningtype = size < 30 ? (rng.chance(pG) ? 'gestapeld' : 'grondgebonden') : 'gestapeld';

  for (const [segment, homes] of segments) {
    const byType: Array<[Woningtype, number]> = [];
    if (forcedType) byType.push([forcedType, homes]);
    else if (size < 30) byType.push([wholeType, homes]);
    else {
      const g = Math.round(homes * clamp(pG + 0.15 * rng.normal(), 0, 1));
      byType.push(['grondgebonden', homes - g], ['gestapeld', g]);
    }
    for (const [type, h] of byType) {
      if (doelgroep.kind === 'regulier') add(segment, type, 'regulier', h);
      else {
        const special = doelgroep.share >= 1 ? h : Math.round(h * doelgroep.share);
        add(segment, type, 'regulier', h - special);
        add(segment, type, doelgroep.kind, special);
      }
    }
  }
  return [...lines.values()];
}

/** Homes per segment of a programme. */
function segmentTotals(programme: readonly ProgrammeLine[]): Map<Segment, number> {
  const totals = new Map<Segment, number>();
  for (const s of SEGMENTS) totals.set(s, 0);
  for (const line of programme) totals.set(line.segment, totals.get(line.segment)! + line.homes);
  return totals;
}

// ---------------------------------------------------------------------------------------------------
// Milestones

/** Relative length of the gaps M01→M02 … M10→M11 before construction. */
const PRE_GAP_WEIGHTS = [0.1, 0.1, 0.14, 0.12, 0.07, 0.08, 0.06, 0.07, 0.03, 0.08];

type DelayClass = 'op_schema' | 'licht' | 'vertraagd' | 'ernstig';

/** Per step, the slip as a fraction of the baseline gap: mean and spread. */
const SLIP: Record<DelayClass, { mean: number; sd: number }> = {
  op_schema: { mean: 0, sd: 0.06 },
  licht: { mean: 0.04, sd: 0.05 },
  vertraagd: { mean: 0.12, sd: 0.08 },
  ernstig: { mean: 0.3, sd: 0.15 },
};

/**
 * Share of projects by how many milestones are achieved at asOf, as [first, last] achieved count:
 * 1 initiatief, 2 haalbaarheid, 3–4 planvorming, 5–6 planologische procedure, 7–10 vergunning,
 * 11 realisatie, 12 opgeleverd. Many plans are still soft; a fair share is being built.
 */
const PHASE_POSITION: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[1, 1], 0.12],
  [[2, 2], 0.12],
  [[3, 4], 0.2],
  [[5, 6], 0.1],
  [[7, 10], 0.14],
  [[11, 11], 0.18],
  [[12, 12], 0.14],
];

interface Durations {
  preMonths: number;
  buildMonths: number;
}

/** Baseline durations: about 10 years initiative to oplevering for regular projects, less for small ones (SPEC §3). */
function drawDurations(size: number, origin: Origin, parallel: boolean, rng: Rng): Durations {
  let years: number;
  let build: number;
  if (origin === 'mantelzorgwoning' || origin === 'wonen_op_erven' || origin === 'splitsen' || origin === 'optoppen') {
    years = rng.uniform(2, 4.5);
    build = rng.uniform(4, 9);
  } else if (origin === 'flex') {
    years = rng.uniform(1.5, 3.5);
    build = rng.uniform(3, 8);
  } else if (size <= 80) {
    years = rng.uniform(5, 8.5);
    build = rng.uniform(9, 16);
  } else if (size <= 600) {
    years = rng.uniform(7.5, 11.5);
    build = rng.uniform(14, 28);
  } else {
    years = rng.uniform(10, 15);
    build = rng.uniform(30, 60);
  }
  if (origin === 'transformatie') years *= 0.75;
  let preMonths = Math.max(6, years * 12 - build);
  if (parallel) preMonths *= 0.6;
  return { preMonths, buildMonths: build };
}

interface Timeline {
  milestones: Milestone[];
  /** Effective (actual or forecast) day per milestone M01…M12. */
  effective: number[];
  achievedCount: number;
}

function buildMilestones(durations: Durations, delayClass: DelayClass, asOfDay: number, rng: Rng): Timeline {
  // Baseline gaps in days.
  const jitter = PRE_GAP_WEIGHTS.map((w) => w * Math.exp(0.3 * rng.normal()));
  const jitterSum = jitter.reduce((s, v) => s + v, 0);
  const preDays = durations.preMonths * DAYS_PER_MONTH;
  const gaps = jitter.map((w) => Math.max(14, Math.round((w / jitterSum) * preDays)));
  gaps.push(Math.max(60, Math.round(durations.buildMonths * DAYS_PER_MONTH)));

  // Offsets from M01 along the baseline path and along the path as it really runs (with slip).
  const baseline: number[] = [0];
  const effective: number[] = [0];
  const slip = SLIP[delayClass];
  let baselineDay = 0;
  let effectiveDay = 0;
  for (const gap of gaps) {
    baselineDay += gap;
    baseline.push(baselineDay);
    const f = Math.max(-0.3, slip.mean + slip.sd * rng.normal());
    effectiveDay += Math.max(1, Math.round(gap * (1 + f)));
    effective.push(effectiveDay);
  }

  // Where asOf falls on that path: first the phase (by the number of milestones achieved), then a
  // uniform moment within it; opgeleverd projects were completed up to three years before asOf.
  const [first, last] = rng.weighted(PHASE_POSITION);
  const from = at(effective, first - 1);
  const to = last === 12 ? at(effective, 11) + 3 * 365 : at(effective, last) - 1;
  const position = Math.round(rng.uniform(from, Math.max(from, to)));
  const start = asOfDay - position;
  baseline.forEach((day, i) => (baseline[i] = day + start));
  effective.forEach((day, i) => (effective[i] = day + start));

  let achievedCount = 0;
  while (achievedCount < effective.length && at(effective, achievedCount) <= asOfDay) achievedCount++;

  // Early plans (before the principebesluit) often have no agreed dates for the later milestones.
  const noLateBaselines = achievedCount < 3 && rng.chance(0.5);
  const m01Owner: OwnerSide = rng.chance(0.7) ? 'privaat' : 'publiek';

  const milestones: Milestone[] = MILESTONES.map((def, i) => {
    const achieved = i < achievedCount;
    const late = i >= 4; // M05 and later
    const baselineDate = noLateBaselines && late ? null : dayToIso(at(baseline, i));
    let forecastDate: string | null = null;
    if (!achieved) forecastDate = noLateBaselines && late && def.code !== 'M12' ? null : dayToIso(at(effective, i));
    return {
      code: def.code,
      ownerSide: def.code === 'M01' ? m01Owner : def.allowedOwners[0],
      baselineDate,
      forecastDate,
      actualDate: achieved ? dayToIso(at(effective, i)) : null,
      homes: null,
    };
  });
  return { milestones, effective, achievedCount };
}

function planStatusFor(phase: Phase, m06Achieved: boolean, rng: Rng): PlanStatus {
  switch (phase) {
    case 'opgeleverd':
    case 'realisatie':
    case 'vergunning':
      return 'onherroepelijk';
    case 'planologische_procedure':
      return m06Achieved ? 'vastgesteld' : 'in_voorbereiding';
    case 'planvorming':
      return rng.chance(0.75) ? 'in_voorbereiding' : 'visie';
    case 'haalbaarheid':
      return rng.weighted<PlanStatus>([
        ['visie', 0.5],
        ['in_voorbereiding', 0.3],
        ['onbekend', 0.2],
      ]);
    default:
      return rng.weighted<PlanStatus>([
        ['visie', 0.55],
        ['onbekend', 0.3],
        ['in_voorbereiding', 0.15],
      ]);
  }
}

// ---------------------------------------------------------------------------------------------------
// Jaarschijven

function buildJaarschijven(programme: readonly ProgrammeLine[], size: number, timeline: Timeline, rng: Rng): Jaarschijf[] {
  const endYear = dayToYear(at(timeline.effective, 11));
  const startBouwYear = dayToYear(at(timeline.effective, 10));
  let years: number;
  if (size <= 80) years = 1;
  else if (size <= 600) years = size >= 250 || rng.chance(0.3) ? 2 : 1;
  else years = clamp(Math.round(size / 800), 2, 6);
  const firstYear = Math.max(endYear - years + 1, startBouwYear);
  const span: number[] = [];
  for (let y = firstYear; y <= endYear; y++) span.push(y);
  const yearWeights = span.map(() => rng.uniform(0.6, 1.4));

  const schijven: Jaarschijf[] = [];
  for (const [segment, homes] of segmentTotals(programme)) {
    if (homes === 0) continue;
    const perYear = apportion(homes, yearWeights);
    span.forEach((year, i) => {
      const h = perYear[i] ?? 0;
      if (h > 0) schijven.push({ year, segment, homes: h });
    });
  }
  return schijven.sort((a, b) => a.year - b.year || SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment));
}

// ---------------------------------------------------------------------------------------------------
// Names

function compoundPlace(rng: Rng): string {
  for (;;) {
    const stem = rng.pick(PLACE_STEMS);
    const suffix = rng.pick(PLACE_SUFFIXES);
    if (!stem.toLowerCase().includes(suffix)) return stem + suffix;
  }
}

function projectName(origin: Origin, rng: Rng): string {
  let base: string;
  switch (origin) {
    case 'transformatie':
      base = rng.chance(0.6) ? `Voormalig ${rng.pick(FORMER_USES)} ${compoundPlace(rng)}` : compoundPlace(rng);
      break;
    case 'flex':
      return `Flexwoningen ${compoundPlace(rng)}`;
    case 'optoppen':
      return `Optopping ${compoundPlace(rng)}`;
    case 'splitsen':
      return `Splitsing ${rng.pick(PLACE_STEMS)}straat ${rng.int(2, 180)}`;
    case 'mantelzorgwoning':
      return `Mantelzorgwoning ${rng.pick(PLACE_STEMS)}weg ${rng.int(1, 120)}`;
    case 'wonen_op_erven':
      return `Erfwonen ${rng.pick(PLACE_STEMS)}hoeve`;
    case 'woningdelen':
      return `Woongebouw ${compoundPlace(rng)}`;
    default: {
      const r = rng.next();
      if (r < 0.5) base = compoundPlace(rng);
      else if (r < 0.68) base = `De ${rng.pick(DE_NAMES)}`;
      else if (r < 0.8) base = `Het ${rng.pick(HET_NAMES)}`;
      else base = `${rng.pick(AREA_NAMES)}-${rng.pick(DIRECTIONS)}`;
    }
  }
  const r = rng.next();
  if (r < 0.2) return `${base} fase ${rng.int(1, 4)}`;
  if (r < 0.25) return `${base} deelplan ${rng.int(1, 6)}`;
  return base;
}

// ---------------------------------------------------------------------------------------------------
// Knelpunten

const KNELPUNT_WEIGHTS: ReadonlyArray<readonly [KnelpuntCategory, number]> = [
  ['netcongestie', 18],
  ['financiele_haalbaarheid', 16],
  ['ambtelijke_capaciteit', 14],
  ['stikstof', 12],
  ['bezwaar_en_beroep', 8],
  ['water_en_bodem', 6],
  ['grondpositie', 6],
  ['bereikbaarheid', 6],
  ['marktafzet', 5],
  ['geluid', 4],
  ['regelgeving', 4],
  ['overig', 2],
];

const KNELPUNT_CHANCE: Record<DelayClass, number> = { op_schema: 0.15, licht: 0.25, vertraagd: 0.45, ernstig: 0.6 };

function knelpuntOwner(category: KnelpuntCategory, gemeenteOrg: Organisation, privateOrg: Organisation): string | null {
  switch (category) {
    case 'financiele_haalbaarheid':
    case 'marktafzet':
    case 'grondpositie':
      return privateOrg.name;
    case 'netcongestie':
      return 'Netbeheerder';
    case 'water_en_bodem':
      return 'Waterschap';
    case 'overig':
      return null;
    default:
      return gemeenteOrg.name;
  }
}

function buildKnelpunten(
  projectId: string,
  delayClass: DelayClass,
  timeline: Timeline,
  opgeleverd: boolean,
  asOfDay: number,
  gemeenteOrg: Organisation,
  privateOrg: Organisation,
  rng: Rng,
): Knelpunt[] {
  if (!rng.chance(KNELPUNT_CHANCE[delayClass])) return [];
  const count = rng.weighted([
    [1, 0.6],
    [2, 0.3],
    [3, 0.1],
  ] as const);
  const startDay = Math.max(at(timeline.effective, 0), asOfDay - 5 * 365);
  const endDay = opgeleverd ? at(timeline.effective, 11) : asOfDay;
  const pool = [...KNELPUNT_WEIGHTS];
  const result: Knelpunt[] = [];
  for (let k = 0; k < count; k++) {
    const category = rng.weighted(pool);
    pool.splice(
      pool.findIndex(([c]) => c === category),
      1,
    );
    const raisedDay = Math.min(asOfDay, Math.round(rng.uniform(startDay, Math.max(startDay, endDay))));
    const escalated = rng.chance(delayClass === 'ernstig' ? 0.35 : 0.15);
    const resolved = opgeleverd || rng.chance(0.3);
    const resolvedDay = resolved ? Math.min(asOfDay, raisedDay + Math.round(rng.uniform(0, Math.max(0, asOfDay - raisedDay)))) : null;
    result.push({
      id: rng.uuid(),
      projectId,
      category,
      description: rng.pick(KNELPUNT_TEXTS[category]),
      owner: knelpuntOwner(category, gemeenteOrg, privateOrg),
      raisedDate: dayToIso(raisedDay),
      escalated,
      // Demo escalations have no date or reason, as those escalated before they were kept (migration 0023).
      escalatedOn: null,
      escalationReason: null,
      resolution: resolved ? rng.pick(RESOLUTION_TEXTS[category]) : null,
      resolvedDate: resolvedDay === null ? null : dayToIso(resolvedDay),
      version: 1,
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Parties

function drawParties(
  programme: readonly ProgrammeLine[],
  gemeenteOrg: Organisation,
  pools: Map<OrganisationType, OrgPool>,
  rng: Rng,
): { parties: Party[]; lead: Organisation } {
  const totals = segmentTotals(programme);
  const size = programme.reduce((s, l) => s + l.homes, 0) || 1;
  const socialShare = totals.get('sociale_huur')! / size;
  const rentShare = (totals.get('middenhuur')! + totals.get('vrije_sector_huur')!) / size;

  const pick = (type: OrganisationType): Organisation => {
    const pool = pools.get(type)!;
    return at(pool.orgs, pool.index.draw(rng));
  };
  const leadType: OrganisationType = socialShare >= 0.6 && rng.chance(0.8) ? 'corporatie' : 'ontwikkelaar';
  const lead = pick(leadType);
  const parties: Party[] = [
    { organisationId: gemeenteOrg.id, role: 'bevoegd_gezag' },
    { organisationId: lead.id, role: leadType as PartyRole },
  ];
  if (rng.chance(0.5)) {
    let second: OrganisationType;
    if (leadType === 'ontwikkelaar' && socialShare >= 0.2 && rng.chance(0.5)) second = 'corporatie';
    else if (rentShare >= 0.3 && rng.chance(0.5)) second = 'belegger';
    else second = 'bouwer';
    const org = pick(second);
    if (org.id !== lead.id) parties.push({ organisationId: org.id, role: second as PartyRole });
  }
  return { parties, lead };
}

// ---------------------------------------------------------------------------------------------------
// Flags

function drawFlags(size: number, origin: Origin, rng: Rng): ProjectFlag[] {
  const flags = new Set<ProjectFlag>();
  if (size >= 1000) {
    if (rng.chance(0.15)) flags.add('doorbraaklocatie');
    if (rng.chance(0.15)) flags.add('nplv');
    if (rng.chance(0.5)) flags.add('grootschalig_gebied');
  } else if (size >= 500) {
    if (rng.chance(0.05)) flags.add('nplv');
    if (rng.chance(0.15)) flags.add('grootschalig_gebied');
  }
  if (rng.chance(0.1)) flags.add('parallel_plannen');
  if (origin === 'flex' || rng.chance(0.2)) flags.add('industrieel');
  if (size > 100 && rng.chance(0.3)) flags.add('woondeal_locatie');
  const order: readonly ProjectFlag[] = ['doorbraaklocatie', 'nplv', 'grootschalig_gebied', 'parallel_plannen', 'industrieel', 'woondeal_locatie'];
  return order.filter((f) => flags.has(f));
}

/** Share of projects per delay class: nationally; a gemeente's pipeline in the national demo shifts it (see `climateOf`). */
const DELAY_MIX: ReadonlyArray<readonly [DelayClass, number]> = [
  ['op_schema', 0.5],
  ['licht', 0.25],
  ['vertraagd', 0.15],
  ['ernstig', 0.1],
];

function drawDelayClass(rng: Rng, mix: ReadonlyArray<readonly [DelayClass, number]> = DELAY_MIX): DelayClass {
  return rng.weighted(mix);
}

/** Why a demo plan was withdrawn (planuitval, src/domain/withdrawal.ts): plain reasons as a gemeente would give them. */
const WITHDRAWAL_REASONS = [
  'Ontwikkelaar trekt zich terug: de businesscase sluit niet meer.',
  'Grondeigenaar verkoopt niet; de gemeente ziet af van onteigening.',
  'Gemeenteraad heeft het bestemmingsplan niet vastgesteld.',
  'Locatie valt af door netcongestie: geen aansluiting voor 2032.',
  'Plan opgegaan in een grotere gebiedsontwikkeling elders in de gemeente.',
  'Bodemverontreiniging maakt woningbouw hier te duur.',
  'Stikstofruimte ontbreekt; het plan wordt niet voortgezet.',
] as const;

// ---------------------------------------------------------------------------------------------------

function validate(gemeenten: readonly DemoGemeente[], options: DemoOptions): void {
  if (options.projects !== 'national' && (!Number.isInteger(options.projects) || options.projects < 0)) {
    throw new Error(`projects must be a non-negative integer or 'national', got ${options.projects}`);
  }
  if (!Number.isFinite(options.seed)) throw new Error(`seed must be a finite number, got ${options.seed}`);
  if (!isIsoDate(options.asOf)) throw new Error(`asOf must be a date YYYY-MM-DD, got '${options.asOf}'`);
  if (options.projects !== 0 && gemeenten.length === 0) throw new Error('at least one gemeente is needed to place projects');
  const codes = new Set<string>();
  for (const g of gemeenten) {
    if (codes.has(g.code)) throw new Error(`gemeente ${g.code} occurs twice`);
    codes.add(g.code);
    if (options.projects === 'national' && !(g.annualTarget === null || g.annualTarget === undefined || g.annualTarget >= 0)) {
      throw new Error(`gemeente ${g.code}: annualTarget must be a non-negative number, got ${g.annualTarget}`);
    }
  }
}

/** What one project is drawn with: its gemeente and, in the national demo, that gemeente's pipeline character. */
interface ProjectContext {
  asOfDay: number;
  gemeente: DemoGemeente;
  gemeenteOrg: Organisation;
  prepared: PreparedPolygon | null;
  pools: Map<OrganisationType, OrgPool>;
  /** National demo only: the largest project the gemeente's pipeline holds, the delay mix and the chance of planuitval. */
  maxSize?: number;
  delayMix?: ReadonlyArray<readonly [DelayClass, number]>;
  withdrawalChance?: number;
}

function generateProject(ctx: ProjectContext, rng: Rng): { project: DemoProject; knelpunten: Knelpunt[] } {
  const { gemeente, gemeenteOrg, asOfDay } = ctx;
  const id = rng.uuid();

  let size = drawSize(rng);
  // A small gemeente builds no 3,000-home district: draw again (a few times) below its largest size.
  for (let k = 0; ctx.maxSize !== undefined && size > ctx.maxSize; k++) size = k < 8 ? drawSize(rng) : Math.max(1, Math.round(ctx.maxSize));
  const origin = drawOrigin(size, rng);
  size = adjustSizeForOrigin(size, origin, rng);
  const doelgroep = drawDoelgroep(size, origin, rng);
  const flags = drawFlags(size, origin, rng);
  const delayClass = drawDelayClass(rng, ctx.delayMix);

  const durations = drawDurations(size, origin, flags.includes('parallel_plannen'), rng);
  const timeline = buildMilestones(durations, delayClass, asOfDay, rng);
  const opgeleverd = timeline.achievedCount === 12;

  const earlyPhase = timeline.achievedCount <= 2;
  const programme = buildProgramme(size, origin, doelgroep, earlyPhase && rng.chance(0.2), rng);
  const totalHomes = programme.reduce((s, l) => s + l.homes, 0);
  if (opgeleverd) at(timeline.milestones, 11).homes = totalHomes; // M12, the oplevering

  const phase = derivePhase(timeline.milestones, totalHomes);
  const planStatus = planStatusFor(phase, timeline.achievedCount >= 6, rng);
  const jaarschijven = buildJaarschijven(programme, size, timeline, rng);
  const location = randomPointIn(ctx.prepared, rng);
  const { parties, lead } = drawParties(programme, gemeenteOrg, ctx.pools, rng);
  const name = projectName(origin, rng);

  const project: DemoProject = {
    id,
    name,
    gemeenteCode: gemeente.code,
    description: `Verzonnen demoproject: ${totalHomes} ${totalHomes === 1 ? 'woning' : 'woningen'} (${LABELS[origin].toLowerCase()}) in ${gemeente.name}. Geen echt project.`,
    planStatus,
    origin,
    flags,
    location,
    synthetic: true,
    programme,
    jaarschijven,
    milestones: timeline.milestones,
    parties,
  };
  const knelpunten = buildKnelpunten(id, delayClass, timeline, opgeleverd, asOfDay, gemeenteOrg, lead, rng);

  // Planuitval (national demo): a plan not yet under construction is withdrawn, in the last two years, after it started.
  if (ctx.withdrawalChance && timeline.achievedCount <= 10 && rng.chance(ctx.withdrawalChance)) {
    const from = Math.max(at(timeline.effective, 0), asOfDay - 2 * 365);
    project.withdrawal = { date: dayToIso(Math.round(rng.uniform(Math.min(from, asOfDay), asOfDay))), reason: rng.pick(WITHDRAWAL_REASONS) };
  }
  return { project, knelpunten };
}

/** Years of the national demo's target window: the year of asOf and the three after it (issue 14: 2026–2029). */
export const NATIONAL_WINDOW_YEARS = 4;

/** Years after the window whose plans are limited too (to about 1.3 × the target), so the pipeline has no bulge after the window. */
const LATER_YEARS = 5;

/** Days in the quarter before asOf: the closed quarter of the national demo's history. */
const QUARTER_DAYS = 91;

/**
 * The forecasts a quarter before asOf of a project whose pending milestones moved since: about a third of the
 * delayed projects slipped 1–8 months this quarter, and a few on-schedule ones came forward. The earlier
 * forecasts all lie after that earlier day (they were still to come then) and keep the milestones' order.
 */
function previousForecasts(project: DemoProject, asOfDay: number, rng: Rng): DemoProject['previousForecasts'] {
  const pending = project.milestones.filter((m) => !m.actualDate && m.forecastDate);
  if (pending.length === 0) return undefined;
  const delayed = pending.some((m) => m.baselineDate && m.forecastDate! > m.baselineDate);
  let shift: number;
  if (delayed && rng.chance(0.35)) shift = -Math.round(rng.uniform(30, 240));
  else if (!delayed && rng.chance(0.05)) shift = Math.round(rng.uniform(30, 120));
  else return undefined;
  const earlierDay = asOfDay - QUARTER_DAYS;
  const moved = pending.map((m) => ({ code: m.code, forecastDate: dayToIso(isoToDay(m.forecastDate!) + shift) }));
  return isoToDay(moved[0]!.forecastDate) > earlierDay ? moved : undefined; // pending is not empty
}

/** Stream numbers of the national demo's gemeenten: one independent stream each, after the fixed streams. */
const STREAM_NATIONAL_BASE = 100;

/**
 * A gemeente's pipeline in the national demo, drawn from its own stream: how full its pipeline is against
 * its target (`pace`, 0.7–1.35: its province's pace, which neighbours share, times its own), and — for about one gemeente in four — a year in the window with a
 * gap (fewer completions planned). A pipeline that runs behind has more (serious) delays and more planuitval.
 */
function climateOf(rng: Rng, windowYears: readonly number[], regionalPace: number) {
  const pace = clamp(regionalPace * Math.exp(0.15 * rng.normal()), 0.7, 1.35);
  const gapYear = rng.chance(0.25) ? rng.pick(windowYears) : null;
  const behind = clamp((1.1 - pace) / 0.4, 0, 1); // 0 at pace ≥ 1.1, 1 at pace ≤ 0.7
  const delayMix: ReadonlyArray<readonly [DelayClass, number]> = [
    ['op_schema', 0.56 - 0.16 * behind],
    ['licht', 0.25],
    ['vertraagd', 0.12 + 0.06 * behind],
    ['ernstig', 0.07 + 0.1 * behind],
  ];
  return { pace, gapYear, delayMix, withdrawalChance: 0.03 + 0.05 * behind };
}

/**
 * The national demo (issue 14): per gemeente a pipeline sized so that its jaarschijven in each year of the
 * window (asOf's year and the three after) come to about its annual target × its pace, by drawing projects
 * and keeping those that still fit the years' remaining room (and every project outside the window, and
 * every withdrawn plan, as drawn). The variety between gemeenten comes from the pipeline only — its fill,
 * gap year, delays and planuitval — never from the targets.
 */
function* generateNational(
  gemeenten: readonly DemoGemeente[],
  gemeenteOrgs: readonly Organisation[],
  pools: Map<OrganisationType, OrgPool>,
  options: DemoOptions,
  asOfDay: number,
  share: DemoShare,
): Generator<DemoPart> {
  const firstYear = dayToYear(asOfDay);
  const windowYears = Array.from({ length: NATIONAL_WINDOW_YEARS }, (_, i) => firstYear + i);
  // Regional markets: the gemeenten of a province share a pace (one stream for all provinces, in code order).
  const provinceRng = new Rng(options.seed, STREAM_NATIONAL_BASE - 1);
  const regionalPace = new Map<string, number>();
  for (const code of [...new Set(gemeenten.map((g) => g.provincieCode))].sort()) regionalPace.set(code, Math.exp(0.14 * provinceRng.normal()));
  for (const [gi, gemeente] of gemeenten.entries()) {
    const target = gemeente.annualTarget ?? 0;
    if (gi % share.of !== share.index || !(target > 0)) continue;
    const projects: DemoProject[] = [];
    const knelpunten: Knelpunt[] = [];
    const rng = new Rng(options.seed, STREAM_NATIONAL_BASE + gi);
    const historyRng = new Rng(options.seed, STREAM_NATIONAL_BASE + gemeenten.length + gi);
    const climate = climateOf(rng, windowYears, regionalPace.get(gemeente.provincieCode)!);
    const room = new Map(windowYears.map((y) => [y, target * climate.pace * (y === climate.gapYear ? 0.55 : 1)]));
    // The years after the window hold the soft plans of later: more than the target (plancapaciteit), filled as drawn.
    const lastYear = firstYear + NATIONAL_WINDOW_YEARS - 1;
    for (let k = 1; k <= LATER_YEARS; k++) room.set(lastYear + k, target * climate.pace * 1.3);
    // A project may overshoot a year's remaining room by a little (else the last homes take long to fill).
    const slack = new Map([...room].map(([y, r]) => [y, Math.max(8, 0.06 * r)]));
    const ctx: ProjectContext = {
      asOfDay,
      gemeente,
      gemeenteOrg: at(gemeenteOrgs, gi),
      prepared: preparePolygon(gemeente.geometry),
      pools,
      maxSize: Math.max(12, target * 1.5),
      delayMix: climate.delayMix,
      withdrawalChance: climate.withdrawalChance,
    };
    const open = () => windowYears.some((y) => room.get(y)! > slack.get(y)!);
    // Bounded: a gemeente whose room cannot be filled stops after this many draws.
    for (let draws = 0; draws < 200_000 && open(); draws++) {
      const drawn = generateProject(ctx, rng);
      if (!drawn.project.withdrawal) {
        const inWindow = new Map<number, number>();
        for (const s of drawn.project.jaarschijven) if (room.has(s.year)) inWindow.set(s.year, (inWindow.get(s.year) ?? 0) + s.homes);
        let fits = true;
        for (const [y, homes] of inWindow) if (homes > room.get(y)! + slack.get(y)!) fits = false;
        if (!fits) continue;
        for (const [y, homes] of inWindow) room.set(y, room.get(y)! - homes);
      }
      if (!drawn.project.withdrawal) {
        const previous = previousForecasts(drawn.project, asOfDay, historyRng);
        if (previous) drawn.project.previousForecasts = previous;
      }
      projects.push(drawn.project);
      knelpunten.push(...drawn.knelpunten);
    }
    yield { projects, knelpunten };
  }
}

/** A piece of the dataset: the national demo yields one per gemeente, a number of projects one in all. */
export interface DemoPart {
  projects: DemoProject[];
  knelpunten: Knelpunt[];
}

/**
 * Which gemeenten of the national demo to generate: those whose index modulo `of` is `index` (every gemeente
 * draws from its own random stream, so shares can be generated apart — in parallel — and give the same
 * projects as all at once). A number of projects is one stream: it has a single share.
 */
export interface DemoShare {
  index: number;
  of: number;
}

const WHOLE: DemoShare = { index: 0, of: 1 };

/**
 * The dataset in parts, generated as they are read: the organisations at once, the projects per gemeente
 * (national) or all together (a number of projects). `generateDemo` collects them.
 */
export function generateDemoParts(
  gemeenten: readonly DemoGemeente[],
  options: DemoOptions,
  share: DemoShare = WHOLE,
): { organisations: Organisation[]; parts: Iterable<DemoPart> } {
  validate(gemeenten, options);
  if (!(Number.isInteger(share.of) && share.of >= 1 && Number.isInteger(share.index) && share.index >= 0 && share.index < share.of)) {
    throw new Error(`invalid share ${share.index} of ${share.of}`);
  }
  if (options.projects !== 'national' && share.of !== 1) throw new Error('a number of projects is one random stream: it cannot be shared');
  const asOfDay = isoToDay(options.asOf);

  const pools = generatePrivateOrganisations(options.seed);
  const gemeenteRng = new Rng(options.seed, STREAM_GEMEENTE_ORGS);
  const gemeenteOrgs: Organisation[] = gemeenten.map((g) => ({
    id: gemeenteRng.uuid(),
    name: `Gemeente ${g.name}`,
    type: 'gemeente',
    gemeenteCode: g.code,
    synthetic: false,
  }));
  const organisations: Organisation[] = [...gemeenteOrgs];
  for (const pool of pools.values()) organisations.push(...pool.orgs);

  if (options.projects === 'national') return { organisations, parts: generateNational(gemeenten, gemeenteOrgs, pools, options, asOfDay, share) };
  const count = options.projects;
  return {
    organisations,
    parts: (function* () {
      yield generateSpread(gemeenten, gemeenteOrgs, pools, options, count, asOfDay);
    })(),
  };
}

/** A number of projects over the gemeenten, spread by their production weight (one random stream). */
function generateSpread(
  gemeenten: readonly DemoGemeente[],
  gemeenteOrgs: readonly Organisation[],
  pools: Map<OrganisationType, OrgPool>,
  options: DemoOptions,
  count: number,
  asOfDay: number,
): DemoPart {
  const prepared: Array<PreparedPolygon | null | undefined> = new Array(gemeenten.length);
  const gemeenteIndex = gemeenten.length > 0 ? new WeightedIndex(gemeenten.map((g) => g.weight)) : null;

  const rng = new Rng(options.seed, STREAM_PROJECTS);
  const projects: DemoProject[] = [];
  const knelpunten: Knelpunt[] = [];

  for (let p = 0; p < count; p++) {
    const gi = gemeenteIndex!.draw(rng);
    if (prepared[gi] === undefined) prepared[gi] = preparePolygon(at(gemeenten, gi).geometry);
    const drawn = generateProject(
      { asOfDay, gemeente: at(gemeenten, gi), gemeenteOrg: at(gemeenteOrgs, gi), prepared: prepared[gi] ?? null, pools },
      rng,
    );
    projects.push(drawn.project);
    knelpunten.push(...drawn.knelpunten);
  }
  return { projects, knelpunten };
}

/** Generate a deterministic synthetic dataset for the given gemeenten. */
export function generateDemo(gemeenten: readonly DemoGemeente[], options: DemoOptions): DemoDataset {
  const { organisations, parts } = generateDemoParts(gemeenten, options);
  const projects: DemoProject[] = [];
  const knelpunten: Knelpunt[] = [];
  for (const part of parts) {
    for (const p of part.projects) projects.push(p);
    for (const k of part.knelpunten) knelpunten.push(k);
  }
  return { organisations, projects, knelpunten };
}
