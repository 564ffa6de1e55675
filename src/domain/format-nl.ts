/** Plain-Dutch wording shared by messages of the domain (SPEC §7: Dutch user interface, plain language). */
import { differenceInCalendarDays, differenceInMonths, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale/nl';
import { MILESTONES, type MilestoneCode } from './codes.ts';
import type { IsoDate } from './dates.ts';

/** `2026-06-01` → `1 juni 2026`. */
export function formatDatum(date: IsoDate): string {
  return format(parseISO(date), 'd MMMM yyyy', { locale: nl });
}

/** `M11` → `Start bouw (M11)`. */
export function milestoneName(code: MilestoneCode): string {
  const def = MILESTONES.find((m) => m.code === code);
  return def ? `${def.label} (${code})` : code;
}

export interface DateShift {
  /** Whole months from `from` to `to`; positive when `to` is later. */
  months: number;
  days: number;
}

export function dateShift(from: IsoDate, to: IsoDate): DateShift {
  return {
    months: differenceInMonths(parseISO(to), parseISO(from)),
    days: differenceInCalendarDays(parseISO(to), parseISO(from)),
  };
}

/** `6 maanden later`, `1 maand eerder`, `12 dagen later`; months when at least one whole month. */
export function describeShift(shift: DateShift): string {
  const direction = shift.days >= 0 ? 'later' : 'eerder';
  const months = Math.abs(shift.months);
  if (months >= 1) return `${months} ${months === 1 ? 'maand' : 'maanden'} ${direction}`;
  const days = Math.abs(shift.days);
  return `${days} ${days === 1 ? 'dag' : 'dagen'} ${direction}`;
}

/** `+20`, `-5`, `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
