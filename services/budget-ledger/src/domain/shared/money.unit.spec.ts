import { DomainError } from './domain-error.js';
import { formatTenge, MAX_TIYN, parseTiyn, requireAmount, requireDelta, toTiynString } from './money.js';

const refusal = (run: () => unknown): { code: string; field?: string } => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { code, field } = error as DomainError;
    return { code, ...(field !== undefined ? { field } : {}) };
  }
  throw new Error('expected a refusal');
};

describe('money in tiyn', () => {
  it('parses decimal strings, safe integers and bigints exactly', () => {
    expect(parseTiyn('150000', 'amount')).toBe(150000n);
    expect(parseTiyn(' -500 ', 'delta')).toBe(-500n);
    expect(parseTiyn('999999999999999999999', 'amount')).toBe(999999999999999999999n);
    expect(parseTiyn(42, 'amount')).toBe(42n);
    expect(parseTiyn(7n, 'amount')).toBe(7n);
  });

  it.each([['1.5'], ['1e6'], ['+5'], ['12 000'], ['abc'], [1.5], [2 ** 60], [{}], [true]])(
    'refuses %p as not a whole number of tiyn',
    (value) => {
      expect(refusal(() => parseTiyn(value, 'amount'))).toEqual({ code: 'INVALID_AMOUNT', field: 'amount' });
    },
  );

  it.each([[undefined], [null], ['']])('asks for a missing amount (%p)', (value) => {
    expect(refusal(() => parseTiyn(value, 'amount'))).toEqual({ code: 'FIELD_REQUIRED', field: 'amount' });
  });

  it('accepts positive amounts up to 10^18 tiyn', () => {
    expect(requireAmount('1', 'amount')).toBe(1n);
    expect(requireAmount(MAX_TIYN.toString(), 'amount')).toBe(MAX_TIYN);
    expect(refusal(() => requireAmount('0', 'amount')).code).toBe('AMOUNT_NOT_POSITIVE');
    expect(refusal(() => requireAmount('-1', 'amount')).code).toBe('AMOUNT_NOT_POSITIVE');
    expect(refusal(() => requireAmount((MAX_TIYN + 1n).toString(), 'amount')).code).toBe('AMOUNT_TOO_LARGE');
  });

  it('accepts a signed delta, never 0, at most 10^18 either way', () => {
    expect(requireDelta('-250', 'delta')).toBe(-250n);
    expect(requireDelta(`-${MAX_TIYN}`, 'delta')).toBe(-MAX_TIYN);
    expect(refusal(() => requireDelta('0', 'delta'))).toEqual({ code: 'DELTA_ZERO', field: 'delta' });
    expect(refusal(() => requireDelta(`-${MAX_TIYN + 1n}`, 'delta')).code).toBe('AMOUNT_TOO_LARGE');
  });

  it('writes amounts as decimal strings and formats tenge for people', () => {
    expect(toTiynString(-1200n)).toBe('-1200');
    expect(formatTenge(150050n)).toBe('1500.50');
    expect(formatTenge(5n)).toBe('0.05');
    expect(formatTenge(-5n)).toBe('-0.05');
    expect(formatTenge(MAX_TIYN)).toBe('10000000000000000.00');
  });
});
