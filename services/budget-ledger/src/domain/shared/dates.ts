/**
 * Calendar dates `YYYY-MM-DD` as plain strings, computed without `Date` (no clock, no host time
 * zone): the fiscal year is the calendar year, and "today" always comes in from outside.
 */
import type { LocalDate } from './vocabulary.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;

/** A real calendar date (`2026-02-29` is not one). */
export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

export const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));

/** 1 for January 1st, up to 365 or 366 for December 31st. */
export const dayOfYear = (date: LocalDate): number => {
  const [year, month, day] = [yearOf(date), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  let days = day;
  for (let m = 1; m < month; m++) days += daysInMonth(year, m);
  return days;
};
