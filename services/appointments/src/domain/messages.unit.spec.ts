import { DOMAIN_ERROR_MESSAGES, localizedMessage, renderMessage } from './messages.js';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorCode } from './shared/domain-error.js';

const codes = Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
/** Technical tokens allowed in any language: placeholders, ISO 8601, URLs and example values. */
const withoutTechnicalTokens = (text: string): string =>
  text
    .replace(/\{\w+\}/g, '')
    .replace(/ISO 8601/g, '')
    .replace(/https:\/\//g, '')
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:+]+)?/g, '');

describe('domain messages', () => {
  it.each(codes)('%s has a message in Kazakh, Russian and English with the same placeholders', (code) => {
    const { kk, ru, en } = DOMAIN_ERROR_MESSAGES[code];
    for (const text of [kk, ru, en]) expect(text.trim()).not.toBe('');
    expect(placeholders(kk)).toEqual(placeholders(en));
    expect(placeholders(ru)).toEqual(placeholders(en));
    // Kazakh and Russian are written in Cyrillic; Kazakh is not a copy of the Russian text.
    expect(withoutTechnicalTokens(kk)).not.toMatch(/[A-Za-z]/);
    expect(withoutTechnicalTokens(ru)).not.toMatch(/[A-Za-z]/);
    expect(kk).not.toBe(ru);
  });

  it('writes Kazakh with its own letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і)', () => {
    const kazakh = codes.filter((code) => /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/.test(DOMAIN_ERROR_MESSAGES[code].kk));
    expect(kazakh.length).toBeGreaterThan(codes.length * 0.8);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(renderMessage('LIMIT_PER_DAY', 'kk', { limit: 2, date: '2026-04-06' })).toBe(
      'Шектеу: бір күнге ең көбі 2 қабылдауға жазылуға болады (күні: 2026-04-06).',
    );
    expect(renderMessage('TEXT_TOO_LONG', 'en')).toBe('The text is too long: at most {max} characters.');
    expect(localizedMessage('SLOT_FULL')).toEqual(DOMAIN_ERROR_MESSAGES.SLOT_FULL);
  });

  it('gives every DomainError an English message, a kind and the localized texts', () => {
    const error = new DomainError('CANCELLATION_TOO_LATE', { field: 'now', params: { minutes: 60 } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('A booking can only be cancelled at least 60 minutes before the reception starts.');
    expect(error.kind).toBe('conflict');
    expect(error.field).toBe('now');
    expect(error.messageIn('ru')).toBe('Отменить запись можно не позднее чем за 60 мин. до начала приёма.');
    expect(error.messageIn('kk')).toBe(
      'Жазылудан қабылдау басталғанға дейін кемінде 60 минут бұрын ғана бас тартуға болады.',
    );
    expect(new DomainError('SLOT_UNKNOWN').kind).toBe('not_found');
    expect(new DomainError('INVALID_DATE').kind).toBe('invalid');
  });
});
