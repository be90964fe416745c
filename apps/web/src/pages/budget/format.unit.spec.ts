// Money of the open budget: tiyn strings to tenge with BigInt (no float on the way), in each language.
import { exactTenge, executionShare, moneyFormat, shareOf, tengeOf, tiynOf } from './format';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('open budget money', () => {
  it('reads tiyn strings exactly, beyond the range of a float', () => {
    expect(tiynOf('123456789012345678901')).toBe(123456789012345678901n);
    expect(tiynOf('-5000000')).toBe(-5000000n);
    expect(tiynOf('12.5')).toBe(0n);
    expect(tiynOf(undefined)).toBe(0n);
  });

  it('rounds to whole tenge half away from zero, and keeps the tiyn when asked', () => {
    expect(tengeOf(149n)).toBe(1n);
    expect(tengeOf(150n)).toBe(2n);
    expect(tengeOf(-150n)).toBe(-2n);
    expect(tengeOf(900719925474099312n)).toBe(9007199254740993n);
    expect(exactTenge(123456789n)).toBe('1234567.89');
    expect(exactTenge(-5n)).toBe('-0.05');
  });

  it('writes full, exact and compact amounts in kk, ru and en', () => {
    const kk = moneyFormat('kk');
    const ru = moneyFormat('ru');
    const en = moneyFormat('en');
    expect(plain(kk.full(123456789n))).toBe('1 234 568 ₸');
    expect(plain(ru.exact(123456789n))).toBe('1 234 567,89 ₸');
    expect(en.full(123456789n)).toBe('₸1,234,568');
    // Digits beyond 2^53 survive (Intl formats the decimal string exactly).
    expect(plain(ru.exact(900719925474099399n))).toBe('9 007 199 254 740 993,99 ₸');
    expect(plain(kk.compact(123_000_000_000_000n))).toBe('1,2 трлн ₸');
    expect(plain(kk.compact(4_560_000_00n))).toBe('4,6 млн ₸');
    expect(plain(kk.compact(150_000n))).toBe('1,5 мың ₸');
    expect(plain(ru.compact(123_000_000_000_000n))).toBe('1,2 трлн ₸');
    expect(en.compact(123_000_000_000_000n)).toBe('₸1.2tn');
  });

  it('works out the share paid, from the API or from the amounts', () => {
    expect(executionShare(1n, 3n)).toBeCloseTo(0.333333, 6);
    expect(executionShare(5n, 0n)).toBeNull();
    expect(shareOf({ executionPct: 41.5, paid: '0', allocated: '0' })).toBeCloseTo(0.415);
    expect(shareOf({ executionPct: null, paid: '50', allocated: '200' })).toBe(0.25);
    expect(shareOf({ executionPct: null, paid: '0', allocated: '0' })).toBeNull();
  });
});
