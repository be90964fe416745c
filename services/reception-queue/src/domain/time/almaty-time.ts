/**
 * Kazakhstan local time as plain arithmetic (a copy of the few helpers the queue needs from the
 * appointments domain: services never depend on each other).
 *
 * Since 2024-03-01 the whole country is on one time zone, UTC+5 (Asia/Almaty), with no daylight
 * saving, so a fixed offset is exact and we do not depend on the host's tz database. Everything
 * here is pure: no clock is read. `LocalDate` 'YYYY-MM-DD', `LocalTime` 'HH:mm', `Instant` ISO 8601
 * with an offset. The calendar conversion is Howard Hinnant's days-from-civil algorithm.
 */

/** A calendar date in Kazakhstan, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in Kazakhstan, `HH:mm` (24-hour). */
export type LocalTime = string;
/** A moment, ISO 8601 with an explicit offset (`Z` or `±HH:MM`), e.g. `2026-03-24T09:30:00+05:00`. */
export type Instant = string;

export const ALMATY_UTC_OFFSET_MINUTES = 300;
const ALMATY_OFFSET_SUFFIX = '+05:00';
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = ALMATY_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

const civilFromDays = (days: number): { year: number; month: number; day: number } => {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const isValidCivilDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  return match !== null && isValidCivilDate(Number(match[1]), Number(match[2]), Number(match[3]));
};

export const isLocalTime = (value: unknown): value is LocalTime =>
  typeof value === 'string' && TIME_PATTERN.test(value);

const parseInstant = (value: string): number | undefined => {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  if (!isValidCivilDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (offset && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMins = Number(offset.slice(4, 6));
    if (offsetHours > 18 || offsetMins > 59) return undefined;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  const millis = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
  );
};

/** ISO 8601 with an explicit offset (`Z` or `±HH:MM`); a bare local date-time is not an instant. */
export const isInstant = (value: unknown): value is Instant =>
  typeof value === 'string' && parseInstant(value) !== undefined;

/** Milliseconds since the Unix epoch. Throws RangeError for a malformed instant (validate first). */
export const epochMsOf = (instant: Instant): number => {
  const ms = parseInstant(instant);
  if (ms === undefined) throw new RangeError(`Not an ISO 8601 instant with offset: ${JSON.stringify(instant)}`);
  return ms;
};

/** The instant as Kazakhstan wall-clock time with the `+05:00` offset (milliseconds only if non-zero). */
export const instantFromEpochMs = (epochMs: number): Instant => {
  const local = epochMs + OFFSET_MS;
  const days = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / MS_PER_MINUTE);
  const seconds = Math.floor((msOfDay % MS_PER_MINUTE) / 1000);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}${ALMATY_OFFSET_SUFFIX}`;
};

/** The same instant written in Kazakhstan local time (`+05:00`). */
export const toAlmatyInstant = (instant: Instant): Instant => instantFromEpochMs(epochMsOf(instant));

/** The Kazakhstan calendar date on which the instant falls. */
export const localDateOf = (instant: Instant): LocalDate => toAlmatyInstant(instant).slice(0, 10);

/** The Kazakhstan wall-clock time of the instant, truncated to the minute. */
export const localTimeOf = (instant: Instant): LocalTime => toAlmatyInstant(instant).slice(11, 16);

/** The instant at which the Kazakhstan wall clock shows `time` on `date`. */
export const instantOf = (date: LocalDate, time: LocalTime): Instant => {
  if (!isLocalDate(date)) throw new RangeError(`Not a local date: ${JSON.stringify(date)}`);
  if (!isLocalTime(time)) throw new RangeError(`Not a local time: ${JSON.stringify(time)}`);
  return `${date}T${time}:00${ALMATY_OFFSET_SUFFIX}`;
};

export const addMinutes = (instant: Instant, minutes: number): Instant =>
  instantFromEpochMs(epochMsOf(instant) + minutes * MS_PER_MINUTE);

/** -1, 0 or 1; instants with different offsets compare by the moment they denote. */
export const compareInstants = (a: Instant, b: Instant): -1 | 0 | 1 => {
  const difference = epochMsOf(a) - epochMsOf(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
};

export const isBefore = (a: Instant, b: Instant): boolean => compareInstants(a, b) < 0;

/** Whole seconds from `from` to `to`, never negative (a clock step back must not give a negative duration). */
export const secondsBetween = (from: Instant, to: Instant): number =>
  Math.max(0, Math.round((epochMsOf(to) - epochMsOf(from)) / 1000));

/** Minutes since local midnight of an `HH:mm` time (`24:00` is 1440, the end of the day). */
export const minutesOfDay = (time: LocalTime): number => {
  if (time === '24:00') return 24 * 60;
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a local time: ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
};
