/**
 * Calendar dates in Kazakhstan as plain `YYYY-MM-DD` strings (JSON-friendly, readable in the event
 * store, sortable as text), computed without `Date`: no clock, no host time zone. "Today" always
 * comes in from outside (`localDateOf(now)`).
 */
import { civilFromDays, daysFromCivil, formatCivilDate, isValidCivilDate } from './civil.js';

export { daysInMonth, isLeapYear } from './civil.js';

/** A calendar date in Kazakhstan, `YYYY-MM-DD`. */
export type LocalDate = string;

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
/** ISO order: Monday first. */
export const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date (`2026-02-29` is not one), written `YYYY-MM-DD`. */
export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  return match !== null && isValidCivilDate(Number(match[1]), Number(match[2]), Number(match[3]));
};

export const compareLocalDates = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

/** Days since 1970-01-01. Throws RangeError for a malformed date (validate first). */
const epochDayOf = (date: LocalDate): number => {
  const match = DATE_PATTERN.exec(date);
  if (!match || !isLocalDate(date)) throw new RangeError(`Not a local date: ${JSON.stringify(date)}`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
};

export const addDays = (date: LocalDate, days: number): LocalDate =>
  formatCivilDate(civilFromDays(epochDayOf(date) + days));

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => epochDayOf(to) - epochDayOf(from);

export const dayOfWeek = (date: LocalDate): Weekday => {
  // 1970-01-01 (epoch day 0) was a Thursday, index 3 in ISO order.
  const index = (((epochDayOf(date) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index]!;
};

export const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));
