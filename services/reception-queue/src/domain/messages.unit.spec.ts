import { describeMessageCatalogue } from '@adal/domain-kit/testing';
import { DOMAIN_ERROR_MESSAGES, localizedMessage, renderMessage } from './messages.js';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorCode } from './shared/domain-error.js';

const codes = Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[];
/** Latin allowed inside Kazakh and Russian texts: ISO 8601 and example values. */
const technicalTokens = [/ISO 8601/, /\d{4}-\d{2}-\d{2}(T[\d:+]+)?/];

describeMessageCatalogue(DOMAIN_ERROR_MESSAGES, { codes, technicalTokens });

describe('domain messages', () => {
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
