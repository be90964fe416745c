import { describeMessageCatalogue } from '@adal/domain-kit/testing';
import { DOMAIN_ERROR_MESSAGES, localizedMessage, renderMessage } from './messages.js';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorCode } from './shared/domain-error.js';

const codes = Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[];
/** Latin allowed inside Kazakh and Russian texts: ISO 8601, URLs and example values. */
const technicalTokens = [/ISO 8601/, /https:\/\//, /\d{4}-\d{2}-\d{2}(T[\d:+]+)?/];

describeMessageCatalogue(DOMAIN_ERROR_MESSAGES, { codes, technicalTokens });

describe('domain messages', () => {
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
