/**
 * The BIN (business identification number) of Kazakhstan: 12 digits. Digits 1-2 are the year and
 * 3-4 the month (01..12) of registration, the 5th the kind of entity (4 a resident legal entity,
 * 5 a non-resident one, 6 a branch or representative office), the last a check digit computed like
 * the IIN's: weights 1..11, sum mod 11; a result of 10 retries with weights 3..11, 1, 2; a second
 * 10 means no valid number has these 11 digits.
 *
 * A person's IIN (year, month, day of birth, ...) passes the same checksum; its 5th digit is the
 * first digit of the day (0..3), so it never passes the structure check. The ledger refuses IINs:
 * personal data must never reach events, CSV files or `budget.events`.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

const weightedMod11 = (digits: readonly number[], weights: readonly number[]): number =>
  digits.reduce((sum, digit, i) => sum + digit * weights[i]!, 0) % 11;

/** The check digit for the first 11 digits, or undefined when none exists. */
export const binCheckDigit = (first11: string): number | undefined => {
  if (!/^\d{11}$/.test(first11)) return undefined;
  const digits = [...first11].map(Number);
  const first = weightedMod11(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_WEIGHTS);
  return second === 10 ? undefined : second;
};

const hasValidCheckDigit = (value: string): boolean =>
  /^\d{12}$/.test(value) && binCheckDigit(value.slice(0, 11)) === Number(value[11]);

/** Year (any), month 01..12, entity type 4, 5 or 6, and the rest digits. */
const BIN_STRUCTURE = /^\d{2}(0[1-9]|1[0-2])[456]\d{7}$/;
/** Year, month 01..12, day 01..31 (the 5th digit 0..3): a person's IIN. */
const IIN_STRUCTURE = /^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}$/;

/** A legal entity's BIN: the structure above and a valid check digit. */
export const isValidBin = (value: unknown): value is string =>
  typeof value === 'string' && BIN_STRUCTURE.test(value) && hasValidCheckDigit(value);

/** A checksum-valid number shaped like a person's IIN (a birth date where a BIN has its entity type). */
export const looksLikeIin = (value: unknown): boolean =>
  typeof value === 'string' && IIN_STRUCTURE.test(value) && hasValidCheckDigit(value);
