import { DomainError } from './domain-error.js';
import { optionalBin, optionalText, requireBin, requireLocalizedText, requireText } from './validation.js';

const refusal = (run: () => unknown): { code: string; field?: string; en: string } => {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.field, en: error.messageIn('en') };
  }
  throw new Error('expected a refusal');
};

describe('requireBin', () => {
  it('accepts a BIN', () => {
    expect(requireBin('970240000126', 'bin')).toBe('970240000126');
    expect(optionalBin('', 'supplierBin')).toBeUndefined();
  });

  it.each(['bin', 'supplierBin'])('refuses a personal IIN as %s with its own message', (field) => {
    const run = field === 'bin' ? () => requireBin('850615310007', field) : () => optionalBin('850615310007', field);
    expect(refusal(run)).toEqual({
      code: 'BIN_IS_PERSONAL_IIN',
      field,
      en: 'This looks like a personal IIN; only a business identification number (BIN) is accepted.',
    });
    try {
      run();
    } catch (error) {
      expect((error as DomainError).messageIn('ru')).toContain('ИИН');
      expect((error as DomainError).messageIn('kk')).toContain('ЖСН');
    }
  });

  it('refuses other malformed numbers as INVALID_BIN', () => {
    expect(refusal(() => requireBin('970240000123', 'bin')).code).toBe('INVALID_BIN');
    expect(refusal(() => requireBin('100000000205', 'bin')).code).toBe('INVALID_BIN');
  });
});

describe('free text that ends up in CSV files', () => {
  it.each([
    ['=', '=HYPERLINK("http://evil")'],
    ['+', '+7 701 000 0000'],
    ['-', '-2+3'],
    ['@', '@SUM(A1)'],
    ['tab', '\tName'],
    ['carriage return', '\rName'],
    ['= after spaces', '   =1+1'],
  ])('refuses a text starting with %s, naming the field', (_what, text) => {
    expect(refusal(() => requireText(text, 'reason', 500))).toMatchObject({ code: 'TEXT_FORMULA_START', field: 'reason' });
    expect(refusal(() => optionalText(text, 'reason', 500))).toMatchObject({ code: 'TEXT_FORMULA_START', field: 'reason' });
  });

  it('names the language of a localized name', () => {
    expect(refusal(() => requireLocalizedText({ kk: 'Мекеме', ru: '=1+1', en: 'Institution' }, 'name', 300))).toMatchObject({
      code: 'TEXT_FORMULA_START',
      field: 'name.ru',
    });
  });

  it('accepts these characters inside a text', () => {
    expect(requireText('Budget cut -10% (a=b, +c, @d)', 'reason', 500)).toBe('Budget cut -10% (a=b, +c, @d)');
    expect(requireText('  Name  ', 'reason', 500)).toBe('Name');
  });
});
