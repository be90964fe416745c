/**
 * The reception-queue domain: pure deciders (`decide(command, state) -> events`,
 * `evolve(state, event) -> state`) with no framework, clock, randomness or I/O. Time and ids come
 * in as command fields; refusals are `DomainError`s with a stable `code` (and `field`), whose
 * kk/ru/en texts are in `messages.ts`.
 *
 * Two aggregates, one stream each:
 * | aggregate   | stream                          | guards                                                  |
 * |-------------|---------------------------------|---------------------------------------------------------|
 * | OfficeSetup | `office-<officeId>`             | services and prefixes, desks, hours, priority policy    |
 * | OfficeDay   | `queueday-<officeId>:<date>`    | tickets, desks and expected arrivals of one day: numbers |
 * |             |                                 | unique per prefix, one desk per ticket, priorities       |
 *
 * The day's first live command is preceded by `OpenDay` with the office's setup (the application
 * prepends it), so every later command is decided on the day stream alone.
 */

// time (@adal/domain-kit)
export {
  ALMATY_UTC_OFFSET_MINUTES,
  addMinutes,
  compareInstants,
  epochMsOf,
  instantFromEpochMs,
  instantOf,
  isBefore,
  isInstant,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  minutesOfDay,
  secondsBetween,
  timeOfDay,
  toAlmatyInstant,
  type Instant,
  type LocalDate,
  type LocalTime,
} from '@adal/domain-kit';

// shared vocabulary, errors and messages
export * from './shared/vocabulary.js';
export {
  DOMAIN_ERROR_KINDS,
  DomainError,
  isDomainError,
  type DomainErrorCode,
  type DomainErrorKind,
  type DomainErrorOptions,
  type MessageParams,
} from './shared/domain-error.js';
export * from './messages.js';

// office setup
export * from './office/office-setup.js';
export {
  officeSetupDecider,
  initialOfficeSetupState,
  validateSetup,
  MAX_DESKS,
  MAX_SERVICES,
} from './office/office-setup.decider.js';

// the day's queue
export * from './queue/priority.js';
export * from './queue/office-day.js';
export {
  officeDayDecider,
  initialOfficeDayState,
  deskStateOf,
  isCallable,
  isLive,
  nextTicketFor,
  compareQueueOrder,
  ticketNumber,
} from './queue/office-day.decider.js';
export * from './queue/estimate.js';
export * from './queue/views.js';

// input guards, for the edge (path parameters)
export { requireId, requireDate, optionalId, optionalInteger, requireObject } from './shared/validation.js';
