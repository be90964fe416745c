import { binCheckDigit, isValidBin, looksLikeIin } from './bin.js';

describe('BIN checksum', () => {
  it.each(['970240000126', '050140001129', '990440001115'])('accepts %s', (bin) => {
    expect(isValidBin(bin)).toBe(true);
  });

  it('computes the check digit with weights 1..11 mod 11', () => {
    // 9*1+7*2+0*3+2*4+4*5+0+0+0+0+1*10+2*11 = 83; 83 mod 11 = 6
    expect(binCheckDigit('97024000012')).toBe(6);
  });

  it('uses weights 3..11, 1, 2 when the first sum gives 10', () => {
    // 1*1 + 2*10 = 21 -> 10; the second sum 1*3 + 2*1 = 5
    expect(binCheckDigit('10000000020')).toBe(5);
    // 9+14+0+8+20+0+0+0+0+80+0 = 131 -> 10; the second 27+28+0+12+28+0+0+0+0+8+0 = 103 -> 4
    expect(binCheckDigit('97024000080')).toBe(4);
    expect(isValidBin('970240000804')).toBe(true);
    expect(isValidBin('970240000800')).toBe(false);
  });

  it('has no valid number when both sums give 10', () => {
    expect(binCheckDigit('10000000028')).toBeUndefined();
    expect(binCheckDigit('97024000083')).toBeUndefined();
    for (let digit = 0; digit <= 9; digit++) expect(isValidBin(`97024000083${digit}`)).toBe(false);
  });

  it.each([
    ['a wrong check digit', '970240000123'],
    ['11 digits', '97024000012'],
    ['13 digits', '9702400001260'],
    ['letters', '97024000012A'],
    ['spaces', ' 970240000126'],
    ['a number, not a string', 970240000126],
    ['nothing', undefined],
    ['month 00 (checksum-valid)', '100000000205'],
    ['month 13', '971340000126'],
    ['entity type 3 (the 5th digit)', '970230000126'],
    ['entity type 7', '970270000126'],
  ])('refuses %s', (_what, value) => {
    expect(isValidBin(value)).toBe(false);
  });
});

describe('BIN structure: a legal entity, never a person', () => {
  it.each(['970240000126', '000140000002', '990440001115', '971250000000', '970260000000'])(
    'accepts the entity types 4, 5 and 6 in months 01..12: %s',
    (candidate) => {
      // Build the check digit for the structural cases so the spec only varies the structure.
      const bin = `${candidate.slice(0, 11)}${binCheckDigit(candidate.slice(0, 11)) ?? ''}`;
      expect(isValidBin(bin)).toBe(true);
    },
  );

  it('refuses a valid IIN (born 1985-06-15): the checksum alone would pass it', () => {
    // 8*1+5*2+0*3+6*4+1*5+5*6+3*7+1*8+0+0+0 = 106; 106 mod 11 = 7: the check digit is right.
    expect(binCheckDigit('85061531000')).toBe(7);
    expect(isValidBin('850615310007')).toBe(false);
    expect(looksLikeIin('850615310007')).toBe(true);
  });

  it('tells an IIN only when it is one (checksum and a birth date)', () => {
    expect(looksLikeIin('850615310008')).toBe(false); // wrong check digit
    expect(looksLikeIin('851315310007')).toBe(false); // month 13
    expect(looksLikeIin('970240000126')).toBe(false); // a BIN
    expect(looksLikeIin(850615310007)).toBe(false);
  });
});
