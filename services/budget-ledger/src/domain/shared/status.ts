/**
 * The status colour of a region or an institution (docs/budget.md): execution (paid / allocated)
 * against the share of the fiscal year gone by. Pure: the as-of date is passed in.
 */
import { dayOfYear, daysInYear, yearOf } from './dates.js';
import type { LocalDate } from './vocabulary.js';

export type BudgetStatus = 'green' | 'yellow' | 'red' | 'none';

/** Shares are compared in millionths, so `paid / allocated` of two bigints needs no float division. */
const PPM = 1_000_000;

/**
 * The share of `fiscalYear` elapsed on `asOfDate`, counting the as-of day itself (January 1st is
 * 1/365, December 31st is 1): 1 for a past year, 0 for a future one.
 */
export const elapsedShareOfYear = (fiscalYear: number, asOfDate: LocalDate): number => {
  const year = yearOf(asOfDate);
  if (year > fiscalYear) return 1;
  if (year < fiscalYear) return 0;
  return dayOfYear(asOfDate) / daysInYear(fiscalYear);
};

/** `paid / allocated` (0..1, more if overpaid), undefined when nothing is allocated. */
export const executionShare = (allocated: bigint, paid: bigint): number | undefined =>
  allocated > 0n ? Number((paid * BigInt(PPM)) / allocated) / PPM : undefined;

/**
 * green when execution >= elapsed - 0.10, yellow when >= elapsed - 0.25, red otherwise, none
 * (grey) when nothing is allocated. Early in the year (elapsed < 0.10) an allocation is green.
 */
export const budgetStatus = (totals: { allocated: bigint; paid: bigint }, elapsedShare: number): BudgetStatus => {
  if (totals.allocated <= 0n) return 'none';
  const execution = (totals.paid * BigInt(PPM)) / totals.allocated;
  const elapsed = BigInt(Math.round(elapsedShare * PPM));
  if (execution >= elapsed - 100_000n) return 'green';
  if (execution >= elapsed - 250_000n) return 'yellow';
  return 'red';
};
