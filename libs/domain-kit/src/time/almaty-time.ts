/**
 * Kazakhstan local time as plain arithmetic.
 *
 * Since 2024-03-01 the whole country is on one time zone, UTC+5 (Asia/Almaty), with no daylight
 * saving. A fixed offset is therefore exact for every instant the platform deals with, and we do
 * not depend on the host's Intl/tz database (which may be older than the 2024 change and still
 * put Almaty at UTC+6). Instants before 2024-03-01 are out of scope: for them these helpers give
 * UTC+5, which is what the law says today, not what the clocks said then.
 *
 * Everything here is pure: no clock is read. Instants travel as strings (JSON-friendly, readable
 * in the event store): `Instant` is ISO 8601 with an offset.
 */
import { civilFromDays, daysFromCivil, formatCivilDate, isValidCivilDate, pad } from './civil.js';
import { isLocalDate, type LocalDate } from './local-date.js';
import { isLocalTime, type LocalTime } from './local-time.js';

/** A moment, ISO 8601 with an explicit offset (`Z` or `±HH:MM`), e.g. `2026-03-24T09:30:00+05:00`. */
export type Instant = string;

export const ALMATY_UTC_OFFSET_MINUTES = 300;
const ALMATY_OFFSET_SUFFIX = '+05:00';
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = ALMATY_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

// --- validation ---------------------------------------------------------------------------------

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
  const millis = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0; // digits, not float maths
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
  );
};

/** ISO 8601 with an explicit offset (`Z` or `±HH:MM`); a bare local date-time is not an instant. */
export const isInstant = (value: unknown): value is Instant =>
  typeof value === 'string' && parseInstant(value) !== undefined;

// --- conversions --------------------------------------------------------------------------------

/** Milliseconds since the Unix epoch. Throws RangeError for a malformed instant (validate first). */
export const epochMsOf = (instant: Instant): number => {
  const ms = parseInstant(instant);
  if (ms === undefined) throw new RangeError(`Not an ISO 8601 instant with offset: ${JSON.stringify(instant)}`);
  return ms;
};

/** Date and wall-clock fields of an epoch millisecond count shifted by `offsetMs`. */
const fieldsOf = (epochMs: number, offsetMs: number) => {
  const local = epochMs + offsetMs;
  const days = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - days * MS_PER_DAY;
  return {
    ...civilFromDays(days),
    hours: Math.floor(msOfDay / MS_PER_HOUR),
    minutes: Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE),
    seconds: Math.floor((msOfDay % MS_PER_MINUTE) / 1000),
    millis: msOfDay % 1000,
  };
};

/** The instant as Kazakhstan wall-clock time with the `+05:00` offset (milliseconds only if non-zero). */
export const instantFromEpochMs = (epochMs: number): Instant => {
  const local = fieldsOf(epochMs, OFFSET_MS);
  const fraction = local.millis === 0 ? '' : `.${pad(local.millis, 3)}`;
  const time = `${pad(local.hours)}:${pad(local.minutes)}:${pad(local.seconds)}`;
  return `${formatCivilDate(local)}T${time}${fraction}${ALMATY_OFFSET_SUFFIX}`;
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

/** Basic UTC form used by iCalendar: `YYYYMMDDTHHMMSSZ` (sub-second precision is dropped). */
export const toUtcBasicFormat = (instant: Instant): string => {
  const utc = fieldsOf(epochMsOf(instant), 0);
  return `${pad(utc.year, 4)}${pad(utc.month)}${pad(utc.day)}T${pad(utc.hours)}${pad(utc.minutes)}${pad(utc.seconds)}Z`;
};

// --- comparisons and durations ------------------------------------------------------------------

/** -1, 0 or 1; instants with different offsets compare by the moment they denote. */
export const compareInstants = (a: Instant, b: Instant): -1 | 0 | 1 => {
  const difference = epochMsOf(a) - epochMsOf(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
};

export const isBefore = (a: Instant, b: Instant): boolean => compareInstants(a, b) < 0;
export const isAfter = (a: Instant, b: Instant): boolean => compareInstants(a, b) > 0;

/** Minutes from `from` to `to` (negative when `to` is earlier). */
export const minutesBetween = (from: Instant, to: Instant): number => (epochMsOf(to) - epochMsOf(from)) / MS_PER_MINUTE;

/** Whole seconds from `from` to `to`, never negative (a clock step back must not give a negative duration). */
export const secondsBetween = (from: Instant, to: Instant): number =>
  Math.max(0, Math.round((epochMsOf(to) - epochMsOf(from)) / 1000));
