/**
 * Who is served first. Each ticket has a priority class; the office's policy turns it into a
 * level (lower is served first). Within a level, tickets are called in the order they entered
 * the queue (`queueSeq`: issue order, or the moment of a transfer).
 *
 * Default (the usual rule of Kazakhstan's public service centres): checked-in appointment
 * holders first, then a ticket transferred from another service (it has waited once already),
 * then people with disabilities, elderly people and pregnant women, then everyone else.
 */
import { refuse } from '../shared/domain-error.js';
import { optionalInteger, requireObject } from '../shared/validation.js';

/** The priority a citizen claims at the kiosk; `appointment` only comes from a check-in. */
export type PriorityClass = 'appointment' | 'disabled' | 'elderly' | 'pregnant' | 'standard';
export const PRIORITY_CLASSES: readonly PriorityClass[] = [
  'appointment',
  'disabled',
  'elderly',
  'pregnant',
  'standard',
];
/** What a kiosk, web or QR ticket may claim (appointment priority needs a booking). */
export type ClaimedPriority = 'disabled' | 'elderly' | 'pregnant';
export const CLAIMED_PRIORITIES: readonly ClaimedPriority[] = ['disabled', 'elderly', 'pregnant'];

/** Levels of the policy: the classes plus `transferred` (a ticket sent on from another service). */
export type PriorityLevelKey = PriorityClass | 'transferred';
const LEVEL_KEYS: readonly PriorityLevelKey[] = [...PRIORITY_CLASSES, 'transferred'];

export interface QueuePolicy {
  /** Level per class, 0..9; lower is called first. */
  levels: Readonly<Record<PriorityLevelKey, number>>;
  /** Recalls before a clerk may mark a no-show (and the most recalls allowed). Default 2. */
  noShowAfterRecalls: number;
  /** How long a parked ticket stays aside before it is back in the queue, keeping its place. Default 5. */
  parkMinutes: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  levels: { appointment: 0, transferred: 1, disabled: 2, elderly: 2, pregnant: 2, standard: 3 },
  noShowAfterRecalls: 2,
  parkMinutes: 5,
};

/** A policy from input: missing parts take the defaults; every given value is checked. */
export const validatePolicy = (value: unknown, field = 'policy'): QueuePolicy => {
  if (value === undefined || value === null) return DEFAULT_QUEUE_POLICY;
  const input = requireObject(value, field);
  const levelsInput = input['levels'] === undefined ? {} : requireObject(input['levels'], `${field}.levels`);
  const unknownLevel = Object.keys(levelsInput).find((key) => !LEVEL_KEYS.includes(key as PriorityLevelKey));
  if (unknownLevel !== undefined) {
    refuse('INVALID_CHOICE', { field: `${field}.levels.${unknownLevel}`, params: { allowed: LEVEL_KEYS.join(', ') } });
  }
  const levels = Object.fromEntries(
    LEVEL_KEYS.map((key) => [
      key,
      optionalInteger(levelsInput[key], `${field}.levels.${key}`, 0, 9) ?? DEFAULT_QUEUE_POLICY.levels[key],
    ]),
  ) as Record<PriorityLevelKey, number>;
  return {
    levels,
    noShowAfterRecalls:
      optionalInteger(input['noShowAfterRecalls'], `${field}.noShowAfterRecalls`, 0, 10) ??
      DEFAULT_QUEUE_POLICY.noShowAfterRecalls,
    parkMinutes:
      optionalInteger(input['parkMinutes'], `${field}.parkMinutes`, 1, 240) ?? DEFAULT_QUEUE_POLICY.parkMinutes,
  };
};

/** The level of a ticket of `priority`; a transfer raises it to at least the `transferred` level. */
export const levelOf = (policy: QueuePolicy, priority: PriorityClass, transferred = false): number =>
  transferred ? Math.min(policy.levels[priority], policy.levels.transferred) : policy.levels[priority];
