import { domainErrorClass, type DomainErrorKinds, type DomainErrorOptions } from '@adal/domain-kit';
import { renderMessage } from '../messages.js';

/** The refusal's shape, kinds and message rendering are @adal/domain-kit's; the codes and texts are ours. */
export type { DomainErrorKind, DomainErrorOptions, MessageParams } from '@adal/domain-kit';

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
  BIN_IS_PERSONAL_IIN: 'invalid',
  TEXT_FORMULA_START: 'invalid',
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
} as const satisfies DomainErrorKinds;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;

/**
 * A refusal by a decider. `decide` throws it; nothing was appended. The English message is the
 * `Error.message` (for logs); `messageIn(language)` gives the user-facing text.
 */
export class DomainError extends domainErrorClass(DOMAIN_ERROR_KINDS, renderMessage) {}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Throws the refusal; typed `never` so deciders read as guard clauses. */
export const refuse = (code: DomainErrorCode, options: DomainErrorOptions = {}): never => {
  throw new DomainError(code, options);
};
