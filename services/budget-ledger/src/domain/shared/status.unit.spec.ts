import { dayOfYear, isLocalDate } from './dates.js';
import { budgetStatus, elapsedShareOfYear, executionShare } from './status.js';

const totals = (allocated: bigint, paid: bigint) => ({ allocated, paid });

describe('share of the fiscal year elapsed', () => {
  it('counts the as-of day itself', () => {
    expect(elapsedShareOfYear(2026, '2026-01-01')).toBeCloseTo(1 / 365);
    expect(elapsedShareOfYear(2026, '2026-07-02')).toBeCloseTo(183 / 365);
    expect(elapsedShareOfYear(2026, '2026-12-31')).toBe(1);
  });

  it('knows leap years', () => {
    expect(elapsedShareOfYear(2028, '2028-12-31')).toBe(1);
    expect(elapsedShareOfYear(2028, '2028-02-29')).toBeCloseTo(60 / 366);
  });

  it('is 1 for a past year and 0 for a future one', () => {
    expect(elapsedShareOfYear(2025, '2026-01-15')).toBe(1);
    expect(elapsedShareOfYear(2027, '2026-12-31')).toBe(0);
  });
});

describe('calendar dates', () => {
  it.each(['2026-02-14', '2028-02-29', '2000-02-29', '2026-12-31'])('%s is a date', (date) => {
    expect(isLocalDate(date)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '14.02.2026', 20260214])(
    '%p is not a date',
    (value) => {
      expect(isLocalDate(value)).toBe(false);
    },
  );

  it('numbers the days of the year', () => {
    expect(dayOfYear('2026-03-01')).toBe(60);
    expect(dayOfYear('2028-03-01')).toBe(61);
  });
});

describe('status colour', () => {
  it('is none (grey) when nothing is allocated', () => {
    expect(budgetStatus(totals(0n, 0n), 0.5)).toBe('none');
    expect(executionShare(0n, 0n)).toBeUndefined();
  });

  it('is green early in the year whatever has been paid', () => {
    expect(budgetStatus(totals(1000n, 0n), 0.09)).toBe('green');
  });

  it.each([
    // execution, elapsed, colour: green >= elapsed - 0.10, yellow >= elapsed - 0.25
    [500n, 0.5, 'green'],
    [400n, 0.5, 'green'], // exactly elapsed - 0.10
    [399n, 0.5, 'yellow'],
    [250n, 0.5, 'yellow'], // exactly elapsed - 0.25
    [249n, 0.5, 'red'],
    [0n, 1, 'red'],
    [900n, 1, 'green'],
    [1000n, 1, 'green'],
  ] as const)('paid %s of 1000 with %s of the year gone is %s', (paid, elapsed, colour) => {
    expect(budgetStatus(totals(1000n, paid), elapsed)).toBe(colour);
  });

  it('divides exactly even for amounts far beyond 2^53', () => {
    const allocated = 10n ** 18n;
    expect(budgetStatus(totals(allocated, (allocated * 4n) / 10n), 0.5)).toBe('green');
    expect(budgetStatus(totals(allocated, (allocated * 4n) / 10n - 1n), 0.5)).toBe('yellow');
    expect(executionShare(allocated, allocated / 4n)).toBe(0.25);
  });
});
