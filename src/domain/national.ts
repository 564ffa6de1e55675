/**
 * The national monitor (issue 3): areas, targets of SPEC §3 as dated data (validation, the annual
 * target of an area), progress on the special targets, and the versnellingstafels' use of the PPM.
 * Pure: loading happens in storage, assembling in services.
 */
import { AFFORDABLE_SEGMENTS, PLAN_STATUSES, SEGMENTS, SOCIAL_SEGMENTS, type PlanStatus, type RegionKind } from './codes.ts';
import type { Issue } from './errors.ts';
import type { Region } from './geography.ts';
import { kwartaalStart, previousKwartaal, quarterOf, addKwartalen, type Kwartaal } from './kwartaal.ts';
import { POLICY } from './policy.ts';
import { regionAnnualTarget, TARGET_LEVELS, type RegionTarget, type Target, type TargetLevel } from './targets.ts';
import type { NationalProject, RealisationAssumptions } from './forecast.ts';

// ---------------------------------------------------------------------------------------------------
// Areas

export const NATION_AREA_ID = 'nl';
export const NATION_CODE = 'NL01';

export type AreaKind = 'land' | 'provincie' | 'corop' | 'gemeente' | RegionKind;

/** An area the national monitor reports on: the nation, a province, COROP area, gemeente or a defined region. */
export interface NationalArea {
  id: string;
  kind: AreaKind;
  name: string;
  gemeenteCodes: string[];
}

export interface GemeenteRef {
  code: string;
  name: string;
  provincieCode: string;
  provincieName: string;
  coropCode: string;
  coropName: string;
}

/**
 * Resolve an area id in the notation of the dashboard: `nl` (the nation), `provincie:PV27`,
 * `corop:CR23`, `gemeente:GM0363`, or the id of a versnellingstafel / woondealregio. Null when unknown.
 */
export function resolveArea(areaId: string, gemeenten: readonly GemeenteRef[], regions: readonly Region[]): NationalArea | null {
  if (areaId === NATION_AREA_ID || areaId === NATION_CODE) {
    return { id: NATION_AREA_ID, kind: 'land', name: 'Nederland', gemeenteCodes: gemeenten.map((g) => g.code).sort() };
  }
  const [prefix, code] = areaId.split(':');
  if (code && (prefix === 'provincie' || prefix === 'corop' || prefix === 'gemeente')) {
    const members = gemeenten.filter((g) => (prefix === 'gemeente' ? g.code : prefix === 'corop' ? g.coropCode : g.provincieCode) === code);
    const first = members[0];
    if (!first) return null;
    const name =
      prefix === 'gemeente' ? `Gemeente ${first.name}` : prefix === 'corop' ? `COROP-gebied ${first.coropName}` : `Provincie ${first.provincieName}`;
    return { id: areaId, kind: prefix, name, gemeenteCodes: members.map((g) => g.code).sort() };
  }
  const region = regions.find((r) => r.id === areaId);
  return region ? { id: region.id, kind: region.kind, name: region.name, gemeenteCodes: [...region.gemeenteCodes].sort() } : null;
}

// ---------------------------------------------------------------------------------------------------
// Targets as dated data (SPEC §3)

/** What a target counts. SPEC §3 table. */
export const TARGET_METRICS = [
  'woningbouw',
  'betaalbaar_aandeel',
  'sociaal_aandeel',
  'sociale_huur_corporaties',
  'woondeals',
  'ouderenwoningen',
  'studentenkamers',
  'industrieel_aandeel',
  'beter_benutten',
  'nplv',
  'doorbraaklocaties',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_UNITS = ['woningen', 'woningen_per_jaar', 'aandeel', 'kamers'] as const;

/** Metrics that are a share of the new homes (unit 'aandeel'); all others are counts. */
export const SHARE_METRICS: readonly TargetMetric[] = ['betaalbaar_aandeel', 'sociaal_aandeel', 'industrieel_aandeel'];
export type TargetUnit = (typeof TARGET_UNITS)[number];

export const METRIC_LABELS: Record<TargetMetric, string> = {
  woningbouw: 'Nieuwe woningen',
  betaalbaar_aandeel: 'Aandeel betaalbaar (sociale huur, middenhuur, betaalbare koop)',
  sociaal_aandeel: 'Aandeel sociale huur',
  sociale_huur_corporaties: 'Sociale huurwoningen toegevoegd door corporaties',
  woondeals: 'Woningen in de woondeals',
  ouderenwoningen: 'Woningen geschikt voor ouderen',
  studentenkamers: 'Extra studentenwoningen en -kamers',
  industrieel_aandeel: 'Aandeel industrieel / conceptueel gebouwde nieuwbouw',
  beter_benutten: 'Woningen door Beter Benutten (transformatie, optoppen, splitsen, delen …)',
  nplv: 'Woningen in NPLV-gebieden',
  doorbraaklocaties: 'Woningen op doorbraaklocaties',
};

/** A target as stored: a count (`homes`) or a share, for a geography and a period, with its source. */
export interface TargetRecord {
  id: string;
  metric: TargetMetric;
  unit: TargetUnit;
  geoLevel: TargetLevel;
  geoCode: string | null;
  geoName: string;
  periodStart: number;
  periodEnd: number;
  homes: number | null;
  share: number | null;
  kind: string;
  sourceUrl: string | null;
  sourceQuote: string | null;
  sourceRef: string | null;
  sourcePublished: string | null;
  note: string | null;
  isExample: boolean;
  preferred: boolean;
  /**
   * Demo data: a target created by a demo role in demo mode, visible and changeable to demo roles only
   * and never counted in real figures (SPEC §7). Absent or false: a real target.
   */
  synthetic?: boolean;
  version: number;
  updatedAt: string;
}

export type TargetInput = Omit<TargetRecord, 'id' | 'version' | 'updatedAt' | 'synthetic'>;

export interface TargetReferences {
  provincies: ReadonlySet<string>;
  gemeenten: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

const GEO_CODE: Partial<Record<TargetLevel, RegExp>> = { provincie: /^PV\d{2}$/, gemeente: /^GM\d{4}$/ };

/** Upper bound of a target's number of homes. */
export const MAX_TARGET_HOMES = 10_000_000;

/** Maximum lengths of a target's texts, as the API schema has them. */
export const MAX_TARGET_TEXT = {
  geoCode: 100,
  geoName: 200,
  kind: 300,
  sourceUrl: 2000,
  sourceQuote: 4000,
  sourceRef: 300,
  sourcePublished: 20,
  note: 4000,
} as const;

/**
 * Cross-field and reference rules of a target (SPEC §3: "dated data, not code", each with its source).
 * `prefix` is put before each path, e.g. `rows[3].` for an import. Messages in plain Dutch.
 */
export function checkTarget(t: TargetInput, refs: TargetReferences, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path: `${prefix}${path}`, code, message });
  if (!TARGET_METRICS.includes(t.metric))
    add('metric', 'unknown_metric', `Onbekende soort doel '${t.metric}'. Kies uit: ${TARGET_METRICS.join(', ')}.`);
  if (!TARGET_UNITS.includes(t.unit)) add('unit', 'unknown_unit', `Onbekende eenheid '${t.unit}'. Kies uit: ${TARGET_UNITS.join(', ')}.`);
  if (!TARGET_LEVELS.includes(t.geoLevel))
    add('geoLevel', 'unknown_level', `Onbekend niveau '${t.geoLevel}'. Kies uit: ${TARGET_LEVELS.join(', ')}.`);
  const shareMetric = SHARE_METRICS.includes(t.metric);
  if (TARGET_METRICS.includes(t.metric) && TARGET_UNITS.includes(t.unit) && shareMetric !== (t.unit === 'aandeel')) {
    add(
      'unit',
      'unit_mismatch',
      shareMetric
        ? `Een doel '${t.metric}' is een aandeel: gebruik eenheid 'aandeel'.`
        : `Een doel '${t.metric}' is een aantal: gebruik geen eenheid 'aandeel'.`,
    );
  }
  if (t.unit === 'aandeel') {
    if (t.share === null || !(t.share > 0 && t.share <= 1))
      add('share', 'share_required', 'Een doel als aandeel heeft een aandeel tussen 0 en 1 nodig (bijvoorbeeld 0,3 voor 30%).');
    if (t.homes !== null) add('homes', 'homes_not_allowed', 'Een doel als aandeel heeft geen aantal woningen; laat het aantal leeg.');
  } else if (TARGET_UNITS.includes(t.unit)) {
    if (t.homes === null || !Number.isInteger(t.homes) || t.homes < 0)
      add('homes', 'homes_required', 'Vul het aantal woningen in als heel getal van 0 of meer.');
    // The whole Dutch housing stock is about 8 million homes; larger figures are typos (and overflow the column).
    else if (t.homes > MAX_TARGET_HOMES) add('homes', 'homes_range', 'Meer dan 10 miljoen woningen is niet aannemelijk; controleer het aantal.');
    if (t.share !== null) add('share', 'share_not_allowed', 'Een doel in aantallen heeft geen aandeel; laat het aandeel leeg.');
  }
  if (!Number.isInteger(t.periodStart) || t.periodStart < 2000 || t.periodStart > 2100)
    add('periodStart', 'year_range', 'Het beginjaar moet tussen 2000 en 2100 liggen.');
  if (!Number.isInteger(t.periodEnd) || t.periodEnd < t.periodStart)
    add('periodEnd', 'period_order', 'Het eindjaar mag niet voor het beginjaar liggen.');
  else if (t.periodEnd - t.periodStart > 30) add('periodEnd', 'period_length', 'Een periode van meer dan 30 jaar is niet aannemelijk.');
  if (!t.geoName?.trim()) add('geoName', 'required', 'Vul de naam van het gebied in.');
  // The same maximum lengths as the API (src/http/schemas/national.schemas.ts), so an import cannot store more.
  for (const [field, max] of Object.entries(MAX_TARGET_TEXT) as Array<[keyof typeof MAX_TARGET_TEXT, number]>) {
    const value = t[field];
    if (typeof value === 'string' && value.length > max) add(field, 'too_long', `Hoogstens ${max} tekens (nu ${value.length}).`);
  }
  const code = t.geoCode;
  switch (t.geoLevel) {
    case 'nation':
      if (code !== null && code !== NATION_CODE) add('geoCode', 'unknown_code', `Voor het hele land is de code ${NATION_CODE} (of leeg).`);
      break;
    case 'provincie':
    case 'gemeente':
      if (!code || !GEO_CODE[t.geoLevel]!.test(code))
        add('geoCode', 'code_format', t.geoLevel === 'provincie' ? 'Provinciecode heeft de vorm PV27.' : 'Gemeentecode heeft de vorm GM0363.');
      else if (!(t.geoLevel === 'provincie' ? refs.provincies : refs.gemeenten).has(code)) {
        add('geoCode', 'unknown_code', `${t.geoLevel === 'provincie' ? 'Provincie' : 'Gemeente'} '${code}' bestaat niet (indeling 2025).`);
      }
      break;
    case 'region':
      if (!code || !refs.regions.has(code))
        add('geoCode', 'unknown_region', `Regio '${code ?? ''}' bestaat niet; gebruik de id van een versnellingstafel of woondealregio.`);
      break;
    default:
      break;
  }
  if (!t.sourceUrl?.trim() && !t.sourceRef?.trim()) {
    add(
      'sourceUrl',
      'source_required',
      'Geef de bron van het doel: een webadres of de titel en datum van het document (bijvoorbeeld Bijlage bij Kamerbrief Woontop, december 2024, afspraak 19.1).',
    );
  }
  if (t.sourceUrl && !/^https?:\/\/\S+$/.test(t.sourceUrl)) add('sourceUrl', 'url_format', 'Het webadres moet beginnen met http:// of https://.');
  return issues;
}

/** Housing-production targets (metric woningbouw) in the form the dashboard's target rules use. */
export function housingTargets(records: readonly TargetRecord[]): Target[] {
  return (
    records
      .filter((t) => t.metric === 'woningbouw' && t.homes !== null && t.unit !== 'aandeel')
      .map((t) => ({
        id: t.id,
        geoLevel: t.geoLevel,
        geoCode: t.geoLevel === 'nation' ? (t.geoCode ?? NATION_CODE) : t.geoCode,
        geoName: t.geoName,
        periodStart: t.periodStart,
        periodEnd: t.periodEnd,
        // A per-year figure becomes the period total, so spreading it evenly gives the figure back.
        homes: t.unit === 'woningen_per_jaar' ? t.homes! * (t.periodEnd - t.periodStart + 1) : t.homes!,
        perYear: t.unit === 'woningen_per_jaar',
        kind: t.kind,
        sourceUrl: t.sourceUrl,
        isExample: t.isExample,
        preferred: t.preferred,
      }))
      // Where several preferred targets cover a year, the one with the shortest period is the most specific.
      .sort((a, b) => a.periodEnd - a.periodStart - (b.periodEnd - b.periodStart))
  );
}

export type AreaTarget = RegionTarget | { homesPerYear: null; basis: 'onbekend'; explanation: string };

const UNKNOWN_TARGET: AreaTarget = { homesPerYear: null, basis: 'onbekend', explanation: 'Geen opgave bekend voor dit jaar.' };

/**
 * The annual housing target of an area in a year: the nation's own target; a province's own target;
 * otherwise the region rules of targets.ts (own target, sum of gemeenten, estimated province shares).
 */
export function areaAnnualTarget(
  area: NationalArea,
  year: number,
  targets: readonly Target[],
  provincieOf: ReadonlyMap<string, string>,
  productionWeight: ReadonlyMap<string, number>,
): AreaTarget {
  const own = (level: TargetLevel, code: string) =>
    targets.find((t) => t.preferred && t.geoLevel === level && t.geoCode === code && year >= t.periodStart && year <= t.periodEnd);
  const perYear = (t: Target) => t.homes / (t.periodEnd - t.periodStart + 1);
  if (area.kind === 'land') {
    // The national production target is a figure per year for its own years only: 100,000 a year in
    // 2025–2029 (SPEC §3; Kamerbrief Monitoring Woningbouw, 20 mei 2025). A national period total (the
    // 900,000 of the provincial agreements 2022–2030) is not that target and is not drawn as one (issue 8 item 20).
    const t = targets.find(
      (x) => x.preferred && x.perYear && x.geoLevel === 'nation' && x.geoCode === NATION_CODE && year >= x.periodStart && year <= x.periodEnd,
    );
    return t
      ? {
          homesPerYear: perYear(t),
          basis: 'vastgesteld',
          explanation: `Landelijk doel: ${String(Math.round(perYear(t))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} woningen per jaar in ${t.periodStart}–${t.periodEnd}.`,
        }
      : UNKNOWN_TARGET;
  }
  if (area.kind === 'provincie') {
    const t = own('provincie', area.id.slice('provincie:'.length));
    if (t) return { homesPerYear: perYear(t), basis: 'vastgesteld', explanation: `Provinciale opgave ${t.periodStart}–${t.periodEnd}.` };
  }
  return regionAnnualTarget(area, year, targets, provincieOf, productionWeight) ?? UNKNOWN_TARGET;
}

// ---------------------------------------------------------------------------------------------------
// PPM use per versnellingstafel (SPEC §1: the landelijke versnellingstafel reports per region "of de
// PPM is ingericht en wordt gebruikt" and whether all parties deliver, `001 § 3B`)

export interface PpmWindow {
  quarter: Kwartaal;
  /** Projects updated on or after this day count as updated this quarter. */
  quarterStart: string;
  /** Projects last updated before this day are overdue (not updated in this or the previous quarter). */
  overdueBefore: string;
}

/** The quarter of `asOf` and the overdue limit (POLICY.ppm.overdueAfterQuarters quarters back). */
export function ppmWindow(asOf: string, overdueAfterQuarters: number = POLICY.ppm.overdueAfterQuarters): PpmWindow {
  const quarter = quarterOf(asOf);
  return {
    quarter,
    quarterStart: kwartaalStart(quarter),
    overdueBefore: kwartaalStart(overdueAfterQuarters === 1 ? previousKwartaal(quarter) : addKwartalen(quarter, -overdueAfterQuarters)),
  };
}

export interface PpmCounts {
  projects: number;
  updatedThisQuarter: number;
  overdue: number;
  /** Organisations party to at least one overdue project. */
  overdueParties: number;
  lastUpdate: string | null;
  /** Quarterly rounds ever opened for the area (its own, or of tables with a gemeente in it). */
  roundsOpened: number;
}

export interface PpmUsage extends PpmCounts {
  /** The table has projects in the PPM. */
  ppmInUse: boolean;
  /** A quarterly round was ever opened; without one "bijgewerkt dit kwartaal" means nothing (issue 8 item 21). */
  roundOpened: boolean;
  /** Share of projects updated this quarter; null without projects or before the first quarterly round. */
  updatedShare: number | null;
  overdueShare: number | null;
}

export function ppmUsage(c: PpmCounts): PpmUsage {
  return {
    ...c,
    ppmInUse: c.projects > 0,
    roundOpened: c.roundsOpened > 0,
    // Projects created or imported recently count as "updated"; before any round that is no delivery (SPEC §2 quarterly round).
    updatedShare: c.projects === 0 || c.roundsOpened === 0 ? null : c.updatedThisQuarter / c.projects,
    overdueShare: c.projects === 0 ? null : c.overdue / c.projects,
  };
}

// ---------------------------------------------------------------------------------------------------
// Special targets: what the data can measure (SPEC §3)

/** National aggregates of the jaarschijven per year and plan status. */
export interface FactRow {
  homes: number;
  affordable: number;
  social: number;
  /** Sociale huur in projects with a corporatie as party. */
  corporatieSocial: number;
  /** Homes of projects flagged industrieel / conceptueel. */
  industrieel: number;
  /** Homes of projects whose origin is a form of Beter Benutten. */
  beterBenutten: number;
  nplv: number;
  woondeal: number;
  /** Homes for ouderen / woonzorg (programme share of the project's jaarschijven). */
  elderly: number;
  /** Homes for students (programme share of the project's jaarschijven). */
  student: number;
}
export type FactField = keyof FactRow;

export interface NationalFacts {
  /** year → plan status → facts */
  perYear: Map<number, Record<PlanStatus, FactRow>>;
  /** Total homes (programme) of projects flagged doorbraaklocatie, per plan status. */
  doorbraakHomes: Record<PlanStatus, number>;
}

export const emptyFactRow = (): FactRow => ({
  homes: 0,
  affordable: 0,
  social: 0,
  corporatieSocial: 0,
  industrieel: 0,
  beterBenutten: 0,
  nplv: 0,
  woondeal: 0,
  elderly: 0,
  student: 0,
});

/** Origins counted as Beter Benutten (SPEC §6: transformatie, optoppen, splitsen, woningdelen, mantelzorg-/familiewoningen, wonen op erven). */
export const BETER_BENUTTEN_ORIGINS = ['transformatie', 'optoppen', 'splitsen', 'woningdelen', 'mantelzorgwoning', 'wonen_op_erven'] as const;
/** Target groups counted as homes for elderly (SPEC §2: ouderen; woonzorg is housing with care). */
export const ELDERLY_DOELGROEPEN = ['ouderen', 'woonzorg'] as const;

const AFFORDABLE_INDEX = new Set(AFFORDABLE_SEGMENTS.map((s) => SEGMENTS.indexOf(s)));
const SOCIAL_INDEX = new Set(SOCIAL_SEGMENTS.map((s) => SEGMENTS.indexOf(s)));

/**
 * The national facts per year and plan status from the projects' jaarschijven: homes, betaalbaar,
 * sociaal and what each special target counts. Homes for ouderen and students are the programme's share
 * of each jaarschijf (the jaarschijven have no target group).
 */
export function nationalFacts(projects: readonly NationalProject[]): NationalFacts {
  const facts: NationalFacts = {
    perYear: new Map(),
    doorbraakHomes: Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>,
  };
  const bb = new Set<string>(BETER_BENUTTEN_ORIGINS);
  for (const p of projects) {
    const industrieel = p.flags.includes('industrieel');
    const nplv = p.flags.includes('nplv');
    const woondeal = p.flags.includes('woondeal_locatie');
    const beterBenutten = bb.has(p.origin);
    const elderlyShare = p.programmeHomes > 0 ? p.elderlyHomes / p.programmeHomes : 0;
    const studentShare = p.programmeHomes > 0 ? p.studentHomes / p.programmeHomes : 0;
    if (p.flags.includes('doorbraaklocatie')) facts.doorbraakHomes[p.planStatus] += p.totalHomes;
    for (let i = 0; i < p.years.length; i++) {
      // i < years.length: the three jaarschijf columns have one length (NationalProject).
      const year = p.years[i]!;
      const h = p.homes[i]!;
      const segment = p.segments[i]!;
      let perStatus = facts.perYear.get(year);
      if (!perStatus) {
        perStatus = Object.fromEntries(PLAN_STATUSES.map((s) => [s, emptyFactRow()])) as Record<PlanStatus, FactRow>;
        facts.perYear.set(year, perStatus);
      }
      const r = perStatus[p.planStatus];
      const social = SOCIAL_INDEX.has(segment);
      r.homes += h;
      if (AFFORDABLE_INDEX.has(segment)) r.affordable += h;
      if (social) r.social += h;
      if (social && p.corporatie) r.corporatieSocial += h;
      if (industrieel) r.industrieel += h;
      if (beterBenutten) r.beterBenutten += h;
      if (nplv) r.nplv += h;
      if (woondeal) r.woondeal += h;
      r.elderly += h * elderlyShare;
      r.student += h * studentShare;
    }
  }
  return facts;
}

interface MeasureDef {
  field?: FactField;
  /** For shares: numerator field over all homes. */
  shareOf?: FactField;
  /** Not expected completions in a period but the size of the plans (doorbraaklocaties). */
  planTotal?: boolean;
  basis: string;
  notMeasurable?: string;
}

const MEASURES: Record<TargetMetric, MeasureDef> = {
  woningbouw: { field: 'homes', basis: 'verwachte opleveringen volgens de jaarschijven × realisatiekans per planstatus' },
  betaalbaar_aandeel: { shareOf: 'affordable', basis: 'aandeel sociale huur, middenhuur en betaalbare koop in de verwachte opleveringen' },
  sociaal_aandeel: { shareOf: 'social', basis: 'aandeel sociale huur in de verwachte opleveringen' },
  sociale_huur_corporaties: { field: 'corporatieSocial', basis: 'verwachte sociale huurwoningen in projecten met een corporatie als partij' },
  woondeals: {
    basis: '',
    notMeasurable: 'Nog niet meetbaar: de woondeal-opgave per regio zit nog niet in de data.',
  },
  ouderenwoningen: {
    field: 'elderly',
    basis: 'verwachte woningen voor ouderen en woonzorg (programma-aandeel van de jaarschijven); zorggeschikt/nultreden wordt nog niet vastgelegd',
  },
  studentenkamers: {
    field: 'student',
    basis: 'verwachte studentenwoningen (programma-aandeel van de jaarschijven); kamers en woningen worden nog niet apart geteld',
  },
  industrieel_aandeel: { shareOf: 'industrieel', basis: 'aandeel van projecten gemarkeerd als industrieel/conceptueel in de verwachte opleveringen' },
  beter_benutten: {
    field: 'beterBenutten',
    basis: 'verwachte woningen uit transformatie, optoppen, splitsen, woningdelen, mantelzorgwoningen en wonen op erven',
  },
  nplv: { field: 'nplv', basis: 'verwachte opleveringen in projecten gemarkeerd als NPLV-gebied' },
  doorbraaklocaties: { planTotal: true, basis: 'totaal aantal woningen in de plannen gemarkeerd als doorbraaklocatie (alle planstatussen)' },
};

/**
 * Figures in the targets table that are not a target but what something yields now, shown "ter
 * vergelijking" without a verdict. Beter Benutten: "Beter Benutten levert jaarlijks circa 15.000 woningen
 * op" (`000 § Beter benutten`), "Resultaat van de Landelijke Aanpak Beter Benutten is dat er jaarlijks
 * 15.000 woningen worden gerealiseerd" (`003`): a current yield, not an agreed goal (SPEC §3, §6).
 */
export const REFERENCE_METRICS: readonly TargetMetric[] = ['beter_benutten'];

export interface SpecialTargetProgress {
  targetId: string;
  metric: TargetMetric;
  label: string;
  target: {
    value: number;
    unit: TargetUnit;
    periodStart: number;
    periodEnd: number;
    sourceRef: string | null;
    sourceUrl: string | null;
    note: string | null;
  };
  measurable: boolean;
  /** The year (per-year figures and shares) or period measured. */
  measuredOver: { from: number; to: number } | null;
  measured: number | null;
  /** measured / target value (for a share: measured share / target share); null for a reference figure. */
  progress: number | null;
  /** 'ter_vergelijking': a reference figure (REFERENCE_METRICS), never "op koers" or "achter". */
  status: 'op_koers' | 'achter' | 'onbekend' | 'ter_vergelijking';
  explanation: string;
}

function expectedOf(facts: NationalFacts, field: FactField, from: number, to: number, a: RealisationAssumptions): number {
  let sum = 0;
  for (let y = from; y <= to; y++) {
    const row = facts.perYear.get(y);
    if (!row) continue;
    for (const s of PLAN_STATUSES) sum += row[s][field] * a[s];
  }
  return sum;
}

/**
 * Progress on each special target (SPEC §3) that the data can measure, for the focus `year`:
 * a per-year target or a share is measured in `year` if it falls in the target's period, else in the
 * nearest year of the period; a total over a period is measured over the whole period. Expected figures
 * use the realisation assumptions. Targets the data cannot measure say so.
 */
export function specialTargetProgress(
  targets: readonly TargetRecord[],
  facts: NationalFacts,
  year: number,
  assumptions: RealisationAssumptions,
  /** The national forecast's point estimate of a year (the production table's "verwacht"), so the production target measures the same figure. */
  productionPoint?: (year: number) => number | null,
): SpecialTargetProgress[] {
  return targets
    .filter((t) => t.geoLevel === 'nation' && t.preferred)
    .sort((a, b) => TARGET_METRICS.indexOf(a.metric) - TARGET_METRICS.indexOf(b.metric) || a.periodStart - b.periodStart)
    .map((t) => {
      const def = MEASURES[t.metric];
      const value = t.unit === 'aandeel' ? t.share! : t.homes!;
      const base = {
        targetId: t.id,
        metric: t.metric,
        label: METRIC_LABELS[t.metric],
        target: {
          value,
          unit: t.unit,
          periodStart: t.periodStart,
          periodEnd: t.periodEnd,
          sourceRef: t.sourceRef,
          sourceUrl: t.sourceUrl,
          note: t.note,
        },
      };
      if (def.notMeasurable) {
        return {
          ...base,
          measurable: false,
          measuredOver: null,
          measured: null,
          progress: null,
          status: 'onbekend' as const,
          explanation: def.notMeasurable,
        };
      }
      let measured: number;
      let over: { from: number; to: number };
      let point: number | null = null;
      if (def.planTotal) {
        measured = PLAN_STATUSES.reduce((s, st) => s + facts.doorbraakHomes[st], 0);
        over = { from: t.periodStart, to: t.periodEnd };
      } else if (t.unit === 'woningen_per_jaar' || t.unit === 'aandeel') {
        const y = Math.min(Math.max(year, t.periodStart), t.periodEnd);
        over = { from: y, to: y };
        point = t.metric === 'woningbouw' ? (productionPoint?.(y) ?? null) : null;
        if (def.shareOf) {
          const all = expectedOf(facts, 'homes', y, y, assumptions);
          measured = all === 0 ? 0 : expectedOf(facts, def.shareOf, y, y, assumptions) / all;
        } else measured = point ?? expectedOf(facts, def.field!, y, y, assumptions);
      } else {
        over = { from: t.periodStart, to: t.periodEnd };
        measured = expectedOf(facts, def.field ?? 'homes', t.periodStart, t.periodEnd, assumptions);
        if (t.metric === 'woningbouw' && productionPoint) {
          // A production total over a period: the same yearly figure as the production table, summed.
          measured = 0;
          for (let y = t.periodStart; y <= t.periodEnd; y++) measured += productionPoint(y) ?? expectedOf(facts, 'homes', y, y, assumptions);
          point = measured;
        }
      }
      const when = over.from === over.to ? `in ${over.from}` : `over ${over.from}–${over.to}`;
      if (REFERENCE_METRICS.includes(t.metric)) {
        return {
          ...base,
          measurable: true,
          measuredOver: over,
          measured,
          progress: null,
          status: 'ter_vergelijking' as const,
          explanation: `Gemeten ${when}: ${def.basis}. Het getal ernaast is wat dit nu per jaar oplevert, ter vergelijking; het is geen doel.`,
        };
      }
      const progress = value > 0 ? measured / value : null;
      const status = progress === null ? ('onbekend' as const) : progress >= 1 ? ('op_koers' as const) : ('achter' as const);
      const basis =
        point === null
          ? def.basis
          : over.from === over.to
            ? 'de verwachte oplevering, dezelfde als in de tabel woningbouw per jaar'
            : 'de verwachte oplevering per jaar uit de tabel woningbouw per jaar, opgeteld';
      return { ...base, measurable: true, measuredOver: over, measured, progress, status, explanation: `Gemeten ${when}: ${basis}.` };
    });
}
