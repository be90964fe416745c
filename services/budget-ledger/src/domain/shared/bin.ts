/**
 * The BIN (business identification number) of Kazakhstan: 12 digits, the last a check digit
 * computed like the IIN's: weights 1..11, sum mod 11; a result of 10 retries with weights
 * 3..11, 1, 2; a second 10 means no valid number has these 11 digits.
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

export const isValidBin = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{12}$/.test(value) && binCheckDigit(value.slice(0, 11)) === Number(value[11]);
