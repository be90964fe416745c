import type { LocalDate } from '../domain/index.js';

/** Time comes into the service from here; tests inject their own. */
export interface Clock {
  /** Now, as Unix milliseconds. */
  nowMs(): number;
}
export const CLOCK = Symbol('Clock');
export const systemClock: Clock = { nowMs: () => Date.now() };

/** Almaty is UTC+5 all year (no daylight saving since 2024). */
const ALMATY_OFFSET_MS = 5 * 3600_000;

/** Today's date in Almaty (the fiscal calendar of Kazakhstan). */
export const todayIn = (clock: Clock): LocalDate =>
  new Date(clock.nowMs() + ALMATY_OFFSET_MS).toISOString().slice(0, 10);

/** The current fiscal (calendar) year in Almaty. */
export const currentYear = (clock: Clock): number => Number(todayIn(clock).slice(0, 4));
