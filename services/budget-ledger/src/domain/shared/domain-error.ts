import { renderMessage } from '../messages.js';
import type { Language } from './vocabulary.js';

/**
 * How the edge should answer a refusal, without the domain knowing HTTP:
 * `invalid` -> 422 (the request itself is wrong), `not_found` -> 404, `conflict` -> 409 (the
 * request is fine but the current state refuses it; it may succeed later or with other input).
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict';

/**
 * Every refusal the budget-ledger domain can give. The code is a stable public contract (clients
 * and the import report switch on it; messages in kk/ru/en are keyed by it in `messages.ts`):
 * never rename one.
 */
export const DOMAIN_ERROR_KINDS = {
  // input
  FIELD_REQUIRED: 'invalid',
  TEXT_TOO_LONG: 'invalid',
  INVALID_CHOICE: 'invalid',
  INVALID_ID: 'invalid',
  INVALID_DATE: 'invalid',
  INVALID_YEAR: 'invalid',
  INVALID_BIN: 'invalid',
  INVALID_REGION: 'invalid',
  INVALID_CODE: 'invalid',
  INVALID_FUNCTIONAL_GROUP: 'invalid',
  INVALID_LINE_ID: 'invalid',
  INVALID_AMOUNT: 'invalid',
  AMOUNT_NOT_POSITIVE: 'invalid',
  AMOUNT_TOO_LARGE: 'invalid',
  DELTA_ZERO: 'invalid',
  DATE_OUTSIDE_FISCAL_YEAR: 'invalid',
  // institutions and programmes
  INSTITUTION_NOT_FOUND: 'not_found',
  INSTITUTION_EXISTS: 'conflict',
  PROGRAMME_EXISTS: 'conflict',
  // budget lines
  LINE_NOT_OPENED: 'not_found',
  ALLOCATION_ALREADY_APPROVED: 'conflict',
  ALLOCATION_NEGATIVE: 'conflict',
  ALLOCATION_BELOW_COMMITTED: 'conflict',
  ALLOCATION_EXCEEDED: 'conflict',
  COMMITMENT_NOT_FOUND: 'not_found',
  COMMITMENT_EXISTS: 'conflict',
  COMMITMENT_CANCELLED: 'conflict',
  COMMITMENT_FULLY_PAID: 'conflict',
  REDUCTION_BELOW_PAID: 'conflict',
  PAYMENT_EXISTS: 'conflict',
  PAYMENT_EXCEEDS_COMMITMENT: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;

/** Values interpolated into the localized message (`{max}`, `{available}`, ...). */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface DomainErrorOptions {
  /** The command field the refusal is about, as a JSON path (`amount`, `name.kk`, `line.bin`). */
  field?: string;
  params?: MessageParams;
}

/**
 * A refusal by a decider. `decide` throws it; nothing was appended. The English message is the
 * `Error.message` (for logs); `messageIn(language)` gives the user-facing text.
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
