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
import { optionalChoice, optionalInteger, requireObject } from '../shared/validation.js';

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

/**
 * How a free desk gets its next ticket.
 * - `desk-calls` (default): "call next" gives the desk the first ticket in queue order.
 * - `random` (anti-corruption): "call next" gives the desk a ticket drawn at random among the
 *   longest-waiting tickets of the highest priority waiting, as many of them as there are open
 *   desks that could take them (`drawWindow`). Neither the citizen (by choosing when to take a
 *   ticket) nor the clerk (by choosing when to call) can arrange who serves whom, and a ticket is
 *   called within about one round of desks of when arrival order would call it. The draw comes
 *   in with the command (`CallNext.randomDraw`): the decider stays pure and its tests exact.
 */
export type QueueAssignment = 'desk-calls' | 'random';
export const QUEUE_ASSIGNMENTS: readonly QueueAssignment[] = ['desk-calls', 'random'];

export interface QueuePolicy {
  /** Level per class, 0..9; lower is called first. */
  levels: Readonly<Record<PriorityLevelKey, number>>;
  /** Recalls before a clerk may mark a no-show (and the most recalls allowed). Default 2. */
  noShowAfterRecalls: number;
  /** How long a parked ticket stays aside before it is back in the queue, keeping its place. Default 5. */
  parkMinutes: number;
  /** How a free desk gets its next ticket (default `desk-calls`). */
  assignment: QueueAssignment;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  levels: { appointment: 0, transferred: 1, disabled: 2, elderly: 2, pregnant: 2, standard: 3 },
  noShowAfterRecalls: 2,
  parkMinutes: 5,
  assignment: 'desk-calls',
};

/**
 * A policy as stored: setups recorded before a policy option existed lack it, and take its
 * default (a setup from before `assignment` is `desk-calls`).
 */
export const withPolicyDefaults = (policy: Partial<QueuePolicy> | undefined): QueuePolicy => ({
  ...DEFAULT_QUEUE_POLICY,
  ...policy,
  levels: { ...DEFAULT_QUEUE_POLICY.levels, ...policy?.levels },
});

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
    assignment:
      optionalChoice(input['assignment'], QUEUE_ASSIGNMENTS, `${field}.assignment`) ?? DEFAULT_QUEUE_POLICY.assignment,
  };
};

/** The level of a ticket of `priority`; a transfer raises it to at least the `transferred` level. */
export const levelOf = (policy: QueuePolicy, priority: PriorityClass, transferred = false): number =>
  transferred ? Math.min(policy.levels[priority], policy.levels.transferred) : policy.levels[priority];
