import { instantFromEpochMs, type Instant } from '../domain/index.js';

/** Time comes into the domain as an argument; this is where it is read. Tests inject their own. */
export interface Clock {
  now(): Instant;
}
export const CLOCK = Symbol('Clock');
export const systemClock: Clock = { now: () => instantFromEpochMs(Date.now()) };

export interface IdGenerator {
  next(): string;
}
export const ID_GENERATOR = Symbol('IdGenerator');
