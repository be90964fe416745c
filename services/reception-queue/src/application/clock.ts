import { instantFromEpochMs, type Instant } from '../domain/index.js';

/** Time comes into the domain as an argument; this is where it is read. Tests inject their own. */
export interface Clock {
  now(): Instant;
}
export const CLOCK = Symbol('Clock');
export const systemClock: Clock = { now: () => instantFromEpochMs(Date.now()) };

/**
 * The system clock shifted by `offsetMs` (`QUEUE_CLOCK_OFFSET_MS`, refused in production): lets an
 * end-to-end test or a demo run the queue of another day or hour while time still moves.
 */
export const offsetClock = (offsetMs: number): Clock =>
  offsetMs === 0 ? systemClock : { now: () => instantFromEpochMs(Date.now() + offsetMs) };

export interface IdGenerator {
  next(): string;
}
export const ID_GENERATOR = Symbol('IdGenerator');
