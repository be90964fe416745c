import { DOMAIN_ERROR_MESSAGES, localizedMessage, renderMessage } from './messages.js';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorCode } from './shared/domain-error.js';

const codes = Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
/** Technical tokens allowed in any language: placeholders and example values. */
const withoutTechnicalTokens = (text: string): string =>
  text
    .replace(/\{\w+\}/g, '')
    .replace(/\d{4}-\d{2}-\d{2}/g, '')
    .replace(/\d{12}-\d{9}-\d{4}/g, '');

describe('domain messages', () => {
  it('has a message for every code and no message without a code', () => {
    expect(Object.keys(DOMAIN_ERROR_MESSAGES).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s has a message in Kazakh, Russian and English with the same placeholders', (code) => {
    const { kk, ru, en } = DOMAIN_ERROR_MESSAGES[code];
    for (const text of [kk, ru, en]) expect(text.trim()).not.toBe('');
    expect(placeholders(kk)).toEqual(placeholders(en));
    expect(placeholders(ru)).toEqual(placeholders(en));
    expect(withoutTechnicalTokens(kk)).not.toMatch(/[A-Za-z]/);
    expect(withoutTechnicalTokens(ru)).not.toMatch(/[A-Za-z]/);
    expect(kk).not.toBe(ru);
  });

  it('writes Kazakh with its own letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і)', () => {
    const kazakh = codes.filter((code) => /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/.test(DOMAIN_ERROR_MESSAGES[code].kk));
    expect(kazakh.length).toBeGreaterThan(codes.length * 0.8);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(renderMessage('ALLOCATION_EXCEEDED', 'ru', { available: '1500.00' })).toBe(
      'Обязательство превышает ассигнования: доступный остаток 1500.00 ₸.',
    );
    expect(renderMessage('TEXT_TOO_LONG', 'en')).toBe('The text is too long: at most {max} characters.');
    expect(localizedMessage('LINE_NOT_OPENED')).toEqual(DOMAIN_ERROR_MESSAGES.LINE_NOT_OPENED);
  });

  it('gives every DomainError an English message, a kind and the localized texts', () => {
    const error = new DomainError('PAYMENT_EXCEEDS_COMMITMENT', { field: 'amount', params: { unpaid: '12.50' } });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('The payment exceeds the commitment: 12.50 ₸ is unpaid.');
    expect(error.kind).toBe('conflict');
    expect(error.field).toBe('amount');
    expect(error.messageIn('kk')).toBe('Төлем міндеттемеден асып кетеді: төленбеген қалдық 12.50 ₸.');
    expect(new DomainError('COMMITMENT_NOT_FOUND').kind).toBe('not_found');
    expect(new DomainError('INVALID_BIN').kind).toBe('invalid');
  });
});
