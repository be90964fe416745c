import { renderMessage } from '../messages.js';
import type { Language } from './vocabulary.js';

/**
 * How the edge should answer a refusal, without the domain knowing HTTP:
 * `invalid` -> 422 (the request itself is wrong), `not_found` -> 404, `conflict` -> 409 (the
 * request is fine but the current state refuses it; it may succeed later or with other input).
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict';

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
  // edge
  ACTION_UNKNOWN: 'not_found',
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;

/** Values interpolated into the localized message (`{max}`, `{recalls}`, ...). */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface DomainErrorOptions {
  /** The command field the refusal is about, as a JSON path (`serviceId`, `desks[1].serviceIds[0]`). */
  field?: string;
  params?: MessageParams;
}

/**
 * A refusal by a decider. `decide` throws it; nothing was appended. The English message is the
 * `Error.message` (for logs); `messageIn(language)` gives the citizen- or clerk-facing text.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  readonly field?: string;
  readonly params: MessageParams;

  constructor(code: DomainErrorCode, options: DomainErrorOptions = {}) {
    super(renderMessage(code, 'en', options.params));
    this.name = 'DomainError';
    this.code = code;
    this.kind = DOMAIN_ERROR_KINDS[code];
    if (options.field !== undefined) this.field = options.field;
    this.params = options.params ?? {};
  }

  messageIn(language: Language): string {
    return renderMessage(this.code, language, this.params);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Throws the refusal; typed `never` so deciders read as guard clauses. */
export const refuse = (code: DomainErrorCode, options: DomainErrorOptions = {}): never => {
  throw new DomainError(code, options);
};
