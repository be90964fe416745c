import { randomInt } from 'node:crypto';
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

/**
 * Where random draws come from (a number in [0, 1)): random assignment of tickets to desks
 * (`policy.assignment: "random"`) draws one per "call next". The domain only takes the number; tests
 * inject their own sequence.
 */
export interface RandomSource {
  draw(): number;
}
export const RANDOM_SOURCE = Symbol('RandomSource');
const DRAW_RANGE = 2 ** 47;
/** Draws from the operating system's cryptographic generator: nobody can predict or steer them. */
export const cryptoRandom: RandomSource = { draw: () => randomInt(0, DRAW_RANGE) / DRAW_RANGE };
