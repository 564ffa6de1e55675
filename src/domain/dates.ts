/** Calendar dates as ISO strings `YYYY-MM-DD`; all arithmetic goes through date-fns. */
import { addMonths, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && isValid(parseISO(value)) && format(parseISO(value), 'yyyy-MM-dd') === value;
}

export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(parseISO(b), parseISO(a));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
