/**
 * What changed in a project between two moments, in plain Dutch. SPEC §2 "Quarterly round": "the
 * system shows who has delivered and what changed"; SPEC §8: "an explanation of every
 * quarter-on-quarter change". Seed: `001 § Afspraak 3B` ("Met behulp van een PPM spreken partijen over
 * de voortgang van individuele woningbouwprojecten").
 * Pure: compares two project views (e.g. the frozen snapshot of the last closed quarter and now).
 */
import {
  LABELS,
  SEGMENTS,
  type KnelpuntCategory,
  type MilestoneCode,
  type PartyRole,
  type Phase,
  type PlanStatus,
  type ProjectFlag,
  type Segment,
  type StatusColour,
} from './codes.ts';
import type { BaselineHistoryEntry } from './baseline.ts';
import type { IsoDate } from './dates.ts';
import { dateShift, describeShift, formatDatum, milestoneName, signed } from './format-nl.ts';
import { homesBySegment } from './programme.ts';
import type { Jaarschijf, Milestone, Party, ProgrammeLine } from './project.ts';

export const CHANGE_KINDS = [
  'project_added',
  'name_changed',
  'plan_status_changed',
  'phase_changed',
  'status_changed',
  'flag_added',
  'flag_removed',
  'baseline_set',
  'baseline_changed',
  'baseline_cleared',
  'forecast_set',
  'milestone_moved',
  'forecast_cleared',
  'milestone_achieved',
  'actual_date_changed',
  'actual_date_cleared',
  'oplevering_homes_changed',
  'milestone_removed',
  'programme_total_changed',
  'programme_segment_changed',
  'jaarschijf_changed',
  'knelpunt_opened',
  'knelpunt_escalated',
  'knelpunt_deescalated',
  'knelpunt_resolved',
  'knelpunt_reopened',
  'knelpunt_removed',
  'party_added',
  'party_removed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change, with a plain-Dutch message for the table and structured fields for the UI. */
export interface ProjectChange {
  kind: ChangeKind;
  /** What changed, e.g. `milestones.M11.forecastDate`, `programme.sociale_huur`, `jaarschijven.2028`. */
  field: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
  /** Date moves: whole months from → to (positive = later). */
  months?: number;
  /** Date moves: days from → to (positive = later). */
  days?: number;
  milestoneCode?: MilestoneCode;
  segment?: Segment;
  year?: number;
  knelpuntId?: string;
  organisationId?: string;
  /** Baseline changes: the reason given when re-baselining (from the baseline history). */
  reason?: string;
  message: string;
}

/** The parts of a project view the diff reads (a ProjectView or a frozen snapshot of one). */
export interface DiffableProject {
  name: string;
  planStatus: PlanStatus;
  phase: Phase;
  status: StatusColour;
  flags: readonly ProjectFlag[];
  programme: readonly ProgrammeLine[];
  jaarschijven: readonly Jaarschijf[];
  milestones: readonly Milestone[];
  knelpunten: ReadonlyArray<{
    id: string;
    category: KnelpuntCategory;
    description: string;
    escalated: boolean;
    /** Why the table must pick it up (escalations since migration 0023; a frozen older quarter has none). */
    escalationReason?: string | null;
    resolution: string | null;
    resolvedDate: IsoDate | null;
  }>;
  parties: readonly Party[];
}

export interface DiffOptions {
  /** Name of an organisation for messages about parties; the id is shown when unknown. */
  organisationName?: (id: string) => string | undefined;
}

const ROLE_LABELS: Record<PartyRole, string> = {
  bevoegd_gezag: 'bevoegd gezag',
  initiatiefnemer: 'initiatiefnemer',
  ontwikkelaar: 'ontwikkelaar',
  corporatie: 'corporatie',
  belegger: 'belegger',
  bouwer: 'bouwer',
};

const label = (code: string) => LABELS[code] ?? code;
const lower = (code: string) => label(code).toLowerCase();
const woningen = (n: number) => `${n} ${n === 1 ? 'woning' : 'woningen'}`;

/**
 * Compare `previous` (null: the project did not exist then) with `current` and list every change,
 * project-level first, then milestones (M01–M12), programme, jaarschijven, knelpunten and parties.
 */
export function diffProject(previous: DiffableProject | null, current: DiffableProject, options: DiffOptions = {}): ProjectChange[] {
  if (previous === null) {
    return [
      {
        kind: 'project_added',
        field: 'project',
        from: null,
        to: current.name,
        message: `Nieuw project: ‘${current.name}’ stond er in het vorige kwartaal nog niet in.`,
      },
    ];
  }
  return [
    ...diffProjectFields(previous, current),
    ...diffMilestones(previous.milestones, current.milestones),
    ...diffProgramme(previous.programme, current.programme),
    ...diffJaarschijven(previous.jaarschijven, current.jaarschijven),
    ...diffKnelpunten(previous.knelpunten, current.knelpunten),
    ...diffParties(previous.parties, current.parties, options),
  ];
}

function diffProjectFields(a: DiffableProject, b: DiffableProject): ProjectChange[] {
  const changes: ProjectChange[] = [];
  if (a.name !== b.name) {
    changes.push({ kind: 'name_changed', field: 'name', from: a.name, to: b.name, message: `Naam gewijzigd van ‘${a.name}’ naar ‘${b.name}’.` });
  }
  const coded: Array<[ChangeKind, 'planStatus' | 'phase' | 'status', string]> = [
    ['plan_status_changed', 'planStatus', 'Planstatus'],
    ['phase_changed', 'phase', 'Fase'],
    ['status_changed', 'status', 'Status'],
  ];
  for (const [kind, field, name] of coded) {
    if (a[field] !== b[field]) {
      changes.push({ kind, field, from: a[field], to: b[field], message: `${name} gewijzigd van ${label(a[field])} naar ${label(b[field])}.` });
    }
  }
  for (const flag of b.flags) {
    if (!a.flags.includes(flag))
      changes.push({ kind: 'flag_added', field: 'flags', from: null, to: flag, message: `Kenmerk toegevoegd: ${label(flag)}.` });
  }
  for (const flag of a.flags) {
    if (!b.flags.includes(flag))
      changes.push({ kind: 'flag_removed', field: 'flags', from: flag, to: null, message: `Kenmerk vervallen: ${label(flag)}.` });
  }
  return changes;
}

const EMPTY_MILESTONE = { baselineDate: null, forecastDate: null, actualDate: null, homes: null } as const;

function diffMilestones(before: readonly Milestone[], after: readonly Milestone[]): ProjectChange[] {
  const changes: ProjectChange[] = [];
  const codes = [...new Set([...before, ...after].map((m) => m.code))].sort();
  for (const code of codes) {
    const b = after.find((m) => m.code === code);
    const a = before.find((m) => m.code === code);
    const name = milestoneName(code);
    if (!b) {
      changes.push({
        kind: 'milestone_removed',
        field: `milestones.${code}`,
        from: code,
        to: null,
        milestoneCode: code,
        message: `${name} is uit de planning gehaald.`,
      });
      continue;
    }
    changes.push(...diffMilestone(code, name, a ?? EMPTY_MILESTONE, b));
  }
  return changes;
}

type MilestoneDates = Pick<Milestone, 'baselineDate' | 'forecastDate' | 'actualDate' | 'homes'>;

function dateChange(
  kind: ChangeKind,
  code: MilestoneCode,
  field: keyof MilestoneDates,
  from: IsoDate | null,
  to: IsoDate | null,
  message: string,
): ProjectChange {
  const change: ProjectChange = { kind, field: `milestones.${code}.${field}`, from, to, milestoneCode: code, message };
  if (from && to) Object.assign(change, dateShift(from, to));
  return change;
}

function diffMilestone(code: MilestoneCode, name: string, a: MilestoneDates, b: MilestoneDates): ProjectChange[] {
  const changes: ProjectChange[] = [];
  const moved = (from: IsoDate, to: IsoDate) => `van ${formatDatum(from)} naar ${formatDatum(to)} (${describeShift(dateShift(from, to))})`;

  // Baseline: setting one is ordinary planning, changing or clearing one is a re-baseline (SPEC §2).
  if (a.baselineDate !== b.baselineDate) {
    if (!a.baselineDate) {
      changes.push(
        dateChange('baseline_set', code, 'baselineDate', null, b.baselineDate, `${name}: baseline vastgelegd op ${formatDatum(b.baselineDate!)}.`),
      );
    } else if (!b.baselineDate) {
      changes.push(
        dateChange('baseline_cleared', code, 'baselineDate', a.baselineDate, null, `${name}: baseline gewist (was ${formatDatum(a.baselineDate)}).`),
      );
    } else {
      changes.push(
        dateChange(
          'baseline_changed',
          code,
          'baselineDate',
          a.baselineDate,
          b.baselineDate,
          `${name}: opnieuw gebaselined ${moved(a.baselineDate, b.baselineDate)}.`,
        ),
      );
    }
  }

  const achievedNow = !a.actualDate && b.actualDate;
  if (a.forecastDate !== b.forecastDate) {
    if (!a.forecastDate) {
      changes.push(
        dateChange('forecast_set', code, 'forecastDate', null, b.forecastDate, `${name}: verwachte datum ingevuld: ${formatDatum(b.forecastDate!)}.`),
      );
    } else if (!b.forecastDate) {
      // Clearing the forecast when the milestone is reached is bookkeeping, not news.
      if (!achievedNow) {
        changes.push(
          dateChange(
            'forecast_cleared',
            code,
            'forecastDate',
            a.forecastDate,
            null,
            `${name}: verwachte datum gewist (was ${formatDatum(a.forecastDate)}).`,
          ),
        );
      }
    } else {
      changes.push(
        dateChange(
          'milestone_moved',
          code,
          'forecastDate',
          a.forecastDate,
          b.forecastDate,
          `${name}: verwachte datum verschoven ${moved(a.forecastDate, b.forecastDate)}.`,
        ),
      );
    }
  }

  if (a.actualDate !== b.actualDate) {
    if (!a.actualDate) {
      const planned = a.forecastDate ?? b.baselineDate;
      const compared =
        planned && planned !== b.actualDate
          ? ` (${describeShift(dateShift(planned, b.actualDate!))} dan ${a.forecastDate ? 'verwacht' : 'de baseline'})`
          : '';
      changes.push(
        dateChange(
          'milestone_achieved',
          code,
          'actualDate',
          null,
          b.actualDate,
          `${name} is gerealiseerd op ${formatDatum(b.actualDate!)}${compared}.`,
        ),
      );
    } else if (!b.actualDate) {
      changes.push(
        dateChange(
          'actual_date_cleared',
          code,
          'actualDate',
          a.actualDate,
          null,
          `${name}: gerealiseerde datum verwijderd (was ${formatDatum(a.actualDate)}); de mijlpaal is nog niet gehaald.`,
        ),
      );
    } else {
      changes.push(
        dateChange(
          'actual_date_changed',
          code,
          'actualDate',
          a.actualDate,
          b.actualDate,
          `${name}: gerealiseerde datum gecorrigeerd ${moved(a.actualDate, b.actualDate)}.`,
        ),
      );
    }
  }

  if ((a.homes ?? null) !== (b.homes ?? null)) {
    changes.push({
      kind: 'oplevering_homes_changed',
      field: `milestones.${code}.homes`,
      from: a.homes ?? null,
      to: b.homes ?? null,
      milestoneCode: code,
      message: `${name}: opgeleverde woningen van ${a.homes ?? 'niet ingevuld'} naar ${b.homes ?? 'niet ingevuld'}.`,
    });
  }
  return changes;
}

function diffProgramme(before: readonly ProgrammeLine[], after: readonly ProgrammeLine[]): ProjectChange[] {
  const a = homesBySegment(before);
  const b = homesBySegment(after);
  const totalA = SEGMENTS.reduce((sum, s) => sum + a[s], 0);
  const totalB = SEGMENTS.reduce((sum, s) => sum + b[s], 0);
  const changes: ProjectChange[] = [];
  if (totalA !== totalB) {
    changes.push({
      kind: 'programme_total_changed',
      field: 'programme',
      from: totalA,
      to: totalB,
      message: `Programma: van ${totalA} naar ${woningen(totalB)} (${signed(totalB - totalA)}).`,
    });
  }
  for (const segment of SEGMENTS) {
    if (a[segment] === b[segment]) continue;
    changes.push({
      kind: 'programme_segment_changed',
      field: `programme.${segment}`,
      from: a[segment],
      to: b[segment],
      segment,
      message: `Programma ${lower(segment)}: van ${a[segment]} naar ${woningen(b[segment])} (${signed(b[segment] - a[segment])}).`,
    });
  }
  return changes;
}

function diffJaarschijven(before: readonly Jaarschijf[], after: readonly Jaarschijf[]): ProjectChange[] {
  const years = [...new Set([...before, ...after].map((s) => s.year))].sort((x, y) => x - y);
  const changes: ProjectChange[] = [];
  for (const year of years) {
    const a = homesBySegment(before.filter((s) => s.year === year));
    const b = homesBySegment(after.filter((s) => s.year === year));
    const moved = SEGMENTS.filter((s) => a[s] !== b[s]);
    if (moved.length === 0) continue;
    const totalA = SEGMENTS.reduce((sum, s) => sum + a[s], 0);
    const totalB = SEGMENTS.reduce((sum, s) => sum + b[s], 0);
    const detail = moved.map((s) => `${lower(s)} van ${a[s]} naar ${b[s]}`).join('; ');
    changes.push({
      kind: 'jaarschijf_changed',
      field: `jaarschijven.${year}`,
      from: totalA,
      to: totalB,
      year,
      message: `Jaarschijf ${year}: van ${totalA} naar ${woningen(totalB)} gepland (${detail}).`,
    });
  }
  return changes;
}

function diffKnelpunten(before: DiffableProject['knelpunten'], after: DiffableProject['knelpunten']): ProjectChange[] {
  const changes: ProjectChange[] = [];
  const about = (k: DiffableProject['knelpunten'][number]) => `(${label(k.category)}): ${k.description}`;
  const item = (
    kind: ChangeKind,
    k: DiffableProject['knelpunten'][number],
    from: ProjectChange['from'],
    to: ProjectChange['to'],
    field: string,
    message: string,
  ): ProjectChange => ({
    kind,
    field: `knelpunten.${k.id}${field}`,
    from,
    to,
    knelpuntId: k.id,
    message,
  });
  for (const b of after) {
    const a = before.find((k) => k.id === b.id);
    if (!a) {
      changes.push(item('knelpunt_opened', b, null, b.category, '', `Nieuw knelpunt ${about(b)}.`));
      if (b.escalated && !b.resolvedDate) {
        changes.push(
          item(
            'knelpunt_escalated',
            b,
            false,
            true,
            '.escalated',
            `Knelpunt geëscaleerd naar de versnellingstafel ${about(b)}.${b.escalationReason ? ` Waarom: ${b.escalationReason}` : ''}`,
          ),
        );
      }
      if (b.resolvedDate) {
        changes.push(
          item(
            'knelpunt_resolved',
            b,
            null,
            b.resolvedDate,
            '.resolvedDate',
            `Knelpunt opgelost op ${formatDatum(b.resolvedDate)} ${about(b)}${b.resolution ? ` — ${b.resolution}` : ''}.`,
          ),
        );
      }
      continue;
    }
    if (!a.resolvedDate && b.resolvedDate) {
      changes.push(
        item(
          'knelpunt_resolved',
          b,
          null,
          b.resolvedDate,
          '.resolvedDate',
          `Knelpunt opgelost op ${formatDatum(b.resolvedDate)} ${about(b)}${b.resolution ? ` — ${b.resolution}` : ''}.`,
        ),
      );
      continue;
    }
    if (a.resolvedDate && !b.resolvedDate) {
      changes.push(item('knelpunt_reopened', b, a.resolvedDate, null, '.resolvedDate', `Knelpunt weer open ${about(b)}.`));
    }
    if (!b.resolvedDate && b.escalated && !a.escalated) {
      changes.push(
        item(
          'knelpunt_escalated',
          b,
          false,
          true,
          '.escalated',
          `Knelpunt geëscaleerd naar de versnellingstafel ${about(b)}.${b.escalationReason ? ` Waarom: ${b.escalationReason}` : ''}`,
        ),
      );
    } else if (!b.resolvedDate && !b.escalated && a.escalated) {
      changes.push(
        item('knelpunt_deescalated', b, true, false, '.escalated', `Knelpunt niet langer geëscaleerd naar de versnellingstafel ${about(b)}.`),
      );
    }
  }
  for (const a of before) {
    if (!after.some((k) => k.id === a.id)) changes.push(item('knelpunt_removed', a, a.category, null, '', `Knelpunt verwijderd ${about(a)}.`));
  }
  return changes;
}

function diffParties(before: readonly Party[], after: readonly Party[], options: DiffOptions): ProjectChange[] {
  const key = (p: Party) => `${p.organisationId}/${p.role}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const name = (id: string) => options.organisationName?.(id) ?? id;
  const changes: ProjectChange[] = [];
  for (const p of after) {
    if (beforeKeys.has(key(p))) continue;
    changes.push({
      kind: 'party_added',
      field: 'parties',
      from: null,
      to: p.role,
      organisationId: p.organisationId,
      message: `Partij toegevoegd: ${name(p.organisationId)} als ${ROLE_LABELS[p.role]}.`,
    });
  }
  for (const p of before) {
    if (afterKeys.has(key(p))) continue;
    changes.push({
      kind: 'party_removed',
      field: 'parties',
      from: p.role,
      to: null,
      organisationId: p.organisationId,
      message: `Partij vervallen: ${name(p.organisationId)} als ${ROLE_LABELS[p.role]}.`,
    });
  }
  return changes;
}

/**
 * Give each baseline change the reason recorded when it was re-baselined: the latest entry in
 * `history` (entries since the compared moment, any order) that moved that milestone's baseline.
 */
export function attachBaselineReasons(changes: readonly ProjectChange[], history: readonly BaselineHistoryEntry[]): ProjectChange[] {
  const latestFirst = [...history].sort((x, y) => (x.changedAt < y.changedAt ? 1 : x.changedAt > y.changedAt ? -1 : 0));
  return changes.map((c) => {
    if (!c.milestoneCode || !['baseline_changed', 'baseline_cleared', 'baseline_set'].includes(c.kind)) return c;
    const entry = latestFirst.find((e) => e.changes.some((x) => x.code === c.milestoneCode));
    return entry ? { ...c, reason: entry.reason, message: `${c.message} Reden: ${entry.reason}` } : c;
  });
}
