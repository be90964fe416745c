import { binCheckDigit, isValidBin } from './bin.js';

describe('BIN checksum', () => {
  it.each(['970240000126', '050140001129', '990440001115'])('accepts %s', (bin) => {
    expect(isValidBin(bin)).toBe(true);
  });

  it('computes the check digit with weights 1..11 mod 11', () => {
    // 9*1+7*2+0*3+2*4+4*5+0+0+0+0+1*10+2*11 = 83; 83 mod 11 = 6
    expect(binCheckDigit('97024000012')).toBe(6);
  });

  it('uses weights 3..11, 1, 2 when the first sum gives 10', () => {
    // 1*1 + 2*10 = 21... the first sum of 10000000020 is 1 + 2*10 = 21 -> 10; the second 3 + 2*1 = 5
    expect(binCheckDigit('10000000020')).toBe(5);
    expect(isValidBin('100000000205')).toBe(true);
    expect(isValidBin('100000000200')).toBe(false);
  });

  it('has no valid number when both sums give 10', () => {
    expect(binCheckDigit('10000000028')).toBeUndefined();
    for (let digit = 0; digit <= 9; digit++) expect(isValidBin(`10000000028${digit}`)).toBe(false);
  });

  it.each([
    ['a wrong check digit', '970240000123'],
    ['11 digits', '97024000012'],
    ['13 digits', '9702400001260'],
    ['letters', '97024000012A'],
    ['spaces', ' 970240000126'],
    ['a number, not a string', 970240000126],
    ['nothing', undefined],
  ])('refuses %s', (_what, value) => {
    expect(isValidBin(value)).toBe(false);
  });
});
