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
 *   longest-waiting tickets of the highest priority waiting, as many of them as the office's
 *   policy says (`drawWindow`, 2..10, default 3; fewer when fewer wait). Neither the citizen (by
 *   choosing when to take a ticket) nor the clerk (by choosing when to call, or by opening idle
 *   desks) can arrange who serves whom, and a ticket in the window is drawn at each call with a
 *   chance of at least 1 in the window. The draw comes in with the command
 *   (`CallNext.randomDraw`): the decider stays pure and its tests exact.
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
  /**
   * Random assignment: how many of the longest-waiting tickets of the highest priority a call
   * draws among (2..10, default 3; capped by how many wait). Set by the office, not by how many
   * desks a clerk opens. Unused with `desk-calls`.
   */
  drawWindow: number;
}

export const MIN_DRAW_WINDOW = 2;
export const MAX_DRAW_WINDOW = 10;

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  levels: { appointment: 0, transferred: 1, disabled: 2, elderly: 2, pregnant: 2, standard: 3 },
  noShowAfterRecalls: 2,
  parkMinutes: 5,
  assignment: 'desk-calls',
  drawWindow: 3,
};

/**
 * A policy as stored: setups recorded before a policy option existed lack it, and take its
 * default (a setup from before `assignment` is `desk-calls`; one from before `drawWindow` draws among 3).
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
    drawWindow:
      optionalInteger(input['drawWindow'], `${field}.drawWindow`, MIN_DRAW_WINDOW, MAX_DRAW_WINDOW) ??
      DEFAULT_QUEUE_POLICY.drawWindow,
  };
};

/** The level of a ticket of `priority`; a transfer raises it to at least the `transferred` level. */
export const levelOf = (policy: QueuePolicy, priority: PriorityClass, transferred = false): number =>
  transferred ? Math.min(policy.levels[priority], policy.levels.transferred) : policy.levels[priority];
