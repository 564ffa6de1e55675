/**
 * Dutch labels and number/date formatting for the UI. The code lists and labels come from the
 * domain (src/domain/codes.ts, pure: no I/O), so the web app and the API never disagree.
 */
import { LABELS, MILESTONES, type MilestoneCode, type StatusColour } from '../../src/domain/codes.ts';
import { POLICY } from '../../src/domain/policy.ts';
import type { DelaySeverity } from './api/types.ts';

export {
  DOELGROEPEN,
  KNELPUNT_CATEGORIES,
  MILESTONE_CODES,
  MILESTONES,
  ORGANISATION_TYPES,
  ORIGINS,
  PARTY_ROLES,
  PHASES,
  PLAN_STATUSES,
  PROJECT_FLAGS,
  SEGMENTS,
  STATUS_COLOURS,
  WONINGTYPES,
} from '../../src/domain/codes.ts';
export type {
  Doelgroep,
  KnelpuntCategory,
  MilestoneCode,
  Origin,
  OrganisationType,
  OwnerSide,
  PartyRole,
  Phase,
  PlanStatus,
  ProjectFlag,
  Segment,
  StatusColour,
  Woningtype,
} from '../../src/domain/codes.ts';

/** Labels the domain list does not carry (roles, organisation types that differ from other codes). */
const EXTRA_LABELS: Record<string, string> = {
  bevoegd_gezag: 'Bevoegd gezag',
  initiatiefnemer: 'Initiatiefnemer',
  ontwikkelaar: 'Ontwikkelaar',
  corporatie: 'Woningcorporatie',
  belegger: 'Belegger',
  bouwer: 'Bouwer',
  gemeente: 'Gemeente',
  provincie: 'Provincie',
  rijk: 'Rijk',
  netbeheerder: 'Netbeheerder',
  waterschap: 'Waterschap',
};

/** Plain-Dutch label of a code; the code itself when there is none. */
export function label(code: string): string {
  return LABELS[code] ?? EXTRA_LABELS[code] ?? code;
}

/** Status text shown next to every status colour (never colour alone, WCAG 1.4.1). */
export function statusLabel(status: StatusColour): string {
  return label(status);
}

export const SEVERITY_LABELS: Record<DelaySeverity, string> = {
  geen: 'Op tijd',
  vertraagd: 'Vertraagd',
  ernstig: 'Ernstig vertraagd',
};

export function milestoneLabel(code: MilestoneCode): string {
  return MILESTONES.find((m) => m.code === code)?.label ?? code;
}

const numberFormat = new Intl.NumberFormat('nl-NL');
const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const shortDateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 1234 → "1.234" */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** 0.666 → "67%" */
export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

/**
 * The national goals (src/domain/policy.ts: 100,000 homes a year, two thirds betaalbaar, 30% sociale huur), for
 * screens whose API answer does not carry them; never type the figures again.
 */
export const NATIONAL_GOALS = POLICY.targets;

/** A share goal in words, as the policy documents say it: 2/3 → "twee derde", 0.3 → "30%". */
export function formatGoalShare(share: number): string {
  return Math.abs(share - 2 / 3) < 1e-9 ? 'twee derde' : formatPercent(share);
}

/** "2026-03-31" → "31 maart 2026"; null → "–". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** A moment ("2026-12-02T07:12:00Z") in Dutch time: "2 december 2026 om 08:12"; null → "–". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

/** "2026-03-31" → "31 mrt 2026" (for tables); null → "–". */
export function formatDateShort(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : shortDateFormat.format(d);
}

/** A count with its noun in singular or plural: formatCount(1, 'woning', 'woningen') → "1 woning", 1234 → "1.234 woningen". */
export function formatCount(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? one : many}`;
}

/** "1 project" / "1.234 projecten" */
export function formatProjectCount(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'project' : 'projecten'}`;
}

/** "1 maand" / "4 maanden" */
export function formatMonths(n: number): string {
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? 'maand' : 'maanden'}`;
}

/** Delay thresholds (design defaults, dated policy in src/domain/policy.ts). */
export { POLICY } from '../../src/domain/policy.ts';
