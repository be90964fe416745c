/**
 * Money is an exact integer of tiyn (1 tenge = 100 tiyn): `bigint` in code, a decimal string in
 * events and JSON. Floating point never touches an amount.
 */
import { refuse } from './domain-error.js';
import type { TiynString } from './vocabulary.js';

/** 10^18 tiyn (10^16 tenge): far above any budget, and sums of many still fit `numeric(20)`. */
export const MAX_TIYN = 10n ** 18n;

const INTEGER = /^-?\d{1,30}$/;

/**
 * Parses an integer of tiyn from JSON or CSV input: a decimal string (`"150000"`, `"-500"`), a
 * safe integer number or a bigint. Anything else (fractions, exponents, blanks) is refused, since
 * a guessed amount in a ledger is worse than a refusal.
 */
export const parseTiyn = (value: unknown, field: string): bigint => {
  if (value === undefined || value === null || value === '') return refuse('FIELD_REQUIRED', { field });
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? BigInt(value) : refuse('INVALID_AMOUNT', { field });
  if (typeof value === 'string' && INTEGER.test(value.trim())) return BigInt(value.trim());
  return refuse('INVALID_AMOUNT', { field });
};

const checkMagnitude = (amount: bigint, field: string): bigint =>
  amount > MAX_TIYN || amount < -MAX_TIYN
    ? refuse('AMOUNT_TOO_LARGE', { field, params: { max: formatTenge(MAX_TIYN) } })
    : amount;

/** A positive amount (`0 < amount <= MAX_TIYN`). */
export const requireAmount = (value: unknown, field: string): bigint => {
  const amount = parseTiyn(value, field);
  if (amount <= 0n) return refuse('AMOUNT_NOT_POSITIVE', { field });
  return checkMagnitude(amount, field);
};

/** A signed, non-zero change (`0 < |delta| <= MAX_TIYN`). */
export const requireDelta = (value: unknown, field: string): bigint => {
  const delta = parseTiyn(value, field);
  if (delta === 0n) return refuse('DELTA_ZERO', { field });
  return checkMagnitude(delta, field);
};

export const toTiynString = (amount: bigint): TiynString => amount.toString();

/** Reads an amount written by `toTiynString` (events are trusted: no refusal, a TypeError if corrupt). */
export const fromTiynString = (value: TiynString): bigint => BigInt(value);

/** Tiyn as tenge with two decimals and a dot (`150050n` -> `"1500.50"`), for messages. */
export const formatTenge = (tiyn: bigint): string => {
  const sign = tiyn < 0n ? '-' : '';
  const abs = tiyn < 0n ? -tiyn : tiyn;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};
