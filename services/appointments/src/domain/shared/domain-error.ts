import { domainErrorClass, type DomainErrorKinds, type DomainErrorOptions } from '@adal/domain-kit';
import { renderMessage } from '../messages.js';

/** The refusal's shape, kinds and message rendering are @adal/domain-kit's; the codes and texts are ours. */
export type { DomainErrorKind, DomainErrorOptions, MessageParams } from '@adal/domain-kit';

/**
 * Every refusal the appointments domain can give. The code is a stable public contract (clients
 * switch on it; messages in kk/ru/en are keyed by it in `messages.ts`), so never rename one.
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
  INVALID_URL: 'invalid',
  CALENDAR_NOT_COVERED: 'invalid',
  END_BEFORE_START: 'invalid',
  // reception schedule
  OFFICIAL_ALREADY_REGISTERED: 'conflict',
  OFFICIAL_NOT_REGISTERED: 'not_found',
  HEAD_RECEIVES_WEEKLY: 'invalid',
  WEEKDAY_NOT_ALLOWED: 'invalid',
  SLOT_DOES_NOT_FIT: 'invalid',
  OFFICE_REQUIRED: 'invalid',
  VALID_TO_BEFORE_FROM: 'invalid',
  RULE_ALREADY_PUBLISHED: 'conflict',
  RULE_UNKNOWN: 'not_found',
  HOURS_OVERLAP: 'conflict',
  DAY_CANCELLED: 'conflict',
  // reception calendar
  DAY_NOT_OPENED: 'conflict',
  DUPLICATE_SLOT: 'invalid',
  SLOT_UNKNOWN: 'not_found',
  SLOT_IN_PAST: 'conflict',
  SLOT_FULL: 'conflict',
  SLOT_MODE_MISMATCH: 'invalid',
  HOLD_EXPIRY_INVALID: 'invalid',
  ALREADY_HELD: 'conflict',
  NOT_HELD: 'not_found',
  NOT_BOOKED: 'conflict',
  ALREADY_BOOKED: 'conflict',
  BOOKING_RELEASED: 'conflict',
  HOLD_EXPIRED: 'conflict',
  // booking
  BOOKING_ALREADY_EXISTS: 'conflict',
  BOOKING_NOT_FOUND: 'not_found',
  BOOKING_NOT_HELD: 'conflict',
  BOOKING_NOT_CONFIRMED: 'conflict',
  BOOKING_NOT_CANCELLABLE: 'conflict',
  HOLD_NOT_EXPIRED: 'conflict',
  HOLD_EXTENSION_LIMIT: 'conflict',
  CHANNEL_MISMATCH: 'invalid',
  JOIN_URL_REQUIRED: 'invalid',
  CANCELLATION_TOO_LATE: 'conflict',
  RECEPTION_ALREADY_STARTED: 'conflict',
  RECEPTION_NOT_STARTED: 'conflict',
  SAME_SLOT: 'invalid',
  NOT_REMOTE: 'conflict',
  RECEPTION_NOT_IN_PROGRESS: 'conflict',
  RECEPTION_ALREADY_COMPLETED: 'conflict',
  RECEPTION_NOT_COMPLETED: 'conflict',
  FOLLOW_UP_ALREADY_REQUESTED: 'conflict',
  // citizen booking limits
  LIMIT_PER_OFFICIAL: 'conflict',
  LIMIT_PER_DAY: 'conflict',
  DATE_IN_PAST: 'invalid',
  RESERVATION_CONFLICT: 'conflict',
  RESERVATION_NOT_FOUND: 'not_found',
} as const satisfies DomainErrorKinds;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;

/**
 * A refusal by a decider. `decide` throws it; nothing was appended. The English message is the
 * `Error.message` (for logs); `messageIn(language)` gives the citizen-facing text.
 */
export class DomainError extends domainErrorClass(DOMAIN_ERROR_KINDS, renderMessage) {}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Throws the refusal; typed `never` so deciders read as guard clauses. */
export const refuse = (code: DomainErrorCode, options: DomainErrorOptions = {}): never => {
  throw new DomainError(code, options);
};
