/**
 * Calendar dates `YYYY-MM-DD` as plain strings, computed without `Date` (no clock, no host time
 * zone): the fiscal year is the calendar year, and "today" always comes in from outside. The
 * calendar arithmetic is @adal/domain-kit's.
 */
import { daysInMonth, isLeapYear, isLocalDate as isCalendarDate, yearOf } from '@adal/domain-kit';
import type { LocalDate } from './vocabulary.js';

export { isLeapYear, yearOf };

export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

/** A real calendar date (`2026-02-29` is not one) of the Common Era (year 0000 is not one either). */
export const isLocalDate = (value: unknown): value is LocalDate => isCalendarDate(value) && yearOf(value) >= 1;

/** 1 for January 1st, up to 365 or 366 for December 31st. */
export const dayOfYear = (date: LocalDate): number => {
  const [year, month, day] = [yearOf(date), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  let days = day;
  for (let m = 1; m < month; m++) days += daysInMonth(year, m);
  return days;
};
