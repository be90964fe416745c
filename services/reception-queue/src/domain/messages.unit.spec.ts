import { DOMAIN_ERROR_MESSAGES, localizedMessage, renderMessage } from './messages.js';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorCode } from './shared/domain-error.js';

const codes = Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
/** Technical tokens allowed in any language: placeholders, ISO 8601 and example values. */
const withoutTechnicalTokens = (text: string): string =>
  text
    .replace(/\{\w+\}/g, '')
    .replace(/ISO 8601/g, '')
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:+]+)?/g, '');

describe('domain messages', () => {
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
    expect(renderMessage('DESK_BUSY', 'ru', { number: 'A-007' })).toBe(
      'У окна уже талон A-007: сначала завершите работу с ним.',
    );
    expect(renderMessage('TEXT_TOO_LONG', 'en')).toBe('The text is too long: at most {max} characters.');
    expect(localizedMessage('DAY_CLOSED')).toEqual(DOMAIN_ERROR_MESSAGES.DAY_CLOSED);
  });

  it('gives every DomainError an English message, a kind and the localized texts', () => {
    const error = new DomainError('RECALLS_REQUIRED', { field: 'deskId', params: { recalls: 2, done: 1 } });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('Recall the ticket 2 times before marking a no-show (so far: 1).');
    expect(error.kind).toBe('conflict');
    expect(error.field).toBe('deskId');
    expect(error.messageIn('kk')).toBe('Келмеді деп белгілеу үшін талонды алдымен 2 рет қайта шақырыңыз (қазір: 1).');
    expect(new DomainError('TICKET_NOT_FOUND').kind).toBe('not_found');
    expect(new DomainError('SERVICE_UNKNOWN').kind).toBe('invalid');
  });
});
