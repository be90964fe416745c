import { domainErrorClass, type DomainErrorKinds, type DomainErrorOptions } from '@adal/domain-kit';
import { renderMessage } from '../messages.js';

/** The refusal's shape, kinds and message rendering are @adal/domain-kit's; the codes and texts are ours. */
export type { DomainErrorKind, DomainErrorOptions, MessageParams } from '@adal/domain-kit';

/**
 * Every refusal the reception-queue domain can give. The code is a stable public contract
 * (clients switch on it; messages in kk/ru/en are keyed by it in `messages.ts`): never rename one.
 */
export const DOMAIN_ERROR_KINDS = {
  // input
  FIELD_REQUIRED: 'invalid',
  TEXT_TOO_LONG: 'invalid',
  INVALID_ID: 'invalid',
  INVALID_DATE: 'invalid',
  INVALID_TIME: 'invalid',
  INVALID_INSTANT: 'invalid',
  INVALID_CHOICE: 'invalid',
  INVALID_NUMBER: 'invalid',
  INVALID_DRAW: 'invalid',
  INVALID_PREFIX: 'invalid',
  DUPLICATE_ID: 'invalid',
  DUPLICATE_PREFIX: 'invalid',
  CLOSE_BEFORE_OPEN: 'invalid',
  LIST_EMPTY: 'invalid',
  LIST_TOO_LONG: 'invalid',
  SERVICE_UNKNOWN: 'invalid',
  NOT_TODAY: 'invalid',
  SAME_SERVICE: 'invalid',
  // office and day
  OFFICE_NOT_CONFIGURED: 'not_found',
  DAY_NOT_OPENED: 'conflict',
  DAY_CLOSED: 'conflict',
  OUTSIDE_OPENING_HOURS: 'conflict',
  SETUP_IN_USE: 'conflict',
  // desks
  DESK_UNKNOWN: 'not_found',
  DESK_CLOSED: 'conflict',
  DESK_PAUSED: 'conflict',
  DESK_BUSY: 'conflict',
  NO_CURRENT_TICKET: 'conflict',
  NO_TICKET_WAITING: 'conflict',
  // tickets
  TICKET_NOT_FOUND: 'not_found',
  TICKET_EXISTS: 'conflict',
  TICKET_HELD_BY_OTHER_DESK: 'conflict',
  TICKET_NOT_AT_DESK: 'conflict',
  TICKET_ALREADY_FINISHED: 'conflict',
  SERVICE_NOT_STARTED: 'conflict',
  TICKET_BEING_SERVED: 'conflict',
  RECALL_LIMIT_REACHED: 'conflict',
  RECALLS_REQUIRED: 'conflict',
  // expected arrivals (appointments)
  ARRIVAL_NOT_EXPECTED: 'not_found',
  ARRIVAL_CANCELLED: 'conflict',
  CHECK_IN_OUTSIDE_SLOT: 'conflict',
  // edge
  ACTION_UNKNOWN: 'not_found',
} as const satisfies DomainErrorKinds;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;

/**
 * A refusal by a decider. `decide` throws it; nothing was appended. The English message is the
 * `Error.message` (for logs); `messageIn(language)` gives the citizen- or clerk-facing text.
 */
export class DomainError extends domainErrorClass(DOMAIN_ERROR_KINDS, renderMessage) {}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Throws the refusal; typed `never` so deciders read as guard clauses. */
export const refuse = (code: DomainErrorCode, options: DomainErrorOptions = {}): never => {
  throw new DomainError(code, options);
};
