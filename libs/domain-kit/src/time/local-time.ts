/** Wall-clock times of day in Kazakhstan as `HH:mm` strings (24-hour). */
import { pad } from './civil.js';

/** A wall-clock time in Kazakhstan, `HH:mm` (24-hour). */
export type LocalTime = string;

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;
/** ISO 8601's end of the day: accepted where an interval ends (closing hours), never as a start. */
const END_OF_DAY = '24:00';

/** `00:00` to `23:59`; `24:00` is not a time of day (see `minutesOfDay`). */
export const isLocalTime = (value: unknown): value is LocalTime =>
  typeof value === 'string' && TIME_PATTERN.test(value);

/** Minutes since local midnight of an `HH:mm` time (`24:00` is 1440, the end of the day). */
export const minutesOfDay = (time: LocalTime): number => {
  if (time === END_OF_DAY) return MINUTES_PER_DAY;
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a local time: ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/** `HH:mm` for minutes since local midnight (0..1439). */
export const timeOfDay = (minutes: number): LocalTime => {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= MINUTES_PER_DAY) {
    throw new RangeError(`Minutes of day out of range: ${minutes}`);
  }
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};
