import { DomainError, domainErrorClass } from './domain-error.js';
import { messageRenderer } from './messages.js';

const KINDS = { DESK_BUSY: 'conflict', DESK_UNKNOWN: 'not_found' } as const;
type Code = keyof typeof KINDS;
const messages = messageRenderer<Code>({
  DESK_BUSY: {
    kk: 'Терезеде {number} талонының иесі күтіп тұр.',
    ru: 'У окна уже талон {number}.',
    en: 'The desk already has ticket {number}.',
  },
  DESK_UNKNOWN: { kk: 'Мұндай терезе жоқ.', ru: 'Такого окна нет.', en: 'No such desk.' },
});

/** How a service binds the kit's error to its codes and texts. */
class QueueError extends domainErrorClass(KINDS, messages.render) {}

describe('DomainError', () => {
  describe('given a refusal with a field and params', () => {
    const error = new QueueError('DESK_BUSY', { field: 'deskId', params: { number: 'A-007' } });

    it('then it is an Error whose message is the English text', () => {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(QueueError);
      expect(error).toBeInstanceOf(DomainError);
      expect(error.name).toBe('DomainError');
      expect(error.message).toBe('The desk already has ticket A-007.');
    });

    it('then it carries the code, the kind, the field and the params', () => {
      expect(error).toMatchObject({
        code: 'DESK_BUSY',
        kind: 'conflict',
        field: 'deskId',
        params: { number: 'A-007' },
      });
    });

    it('when asked in Kazakh or Russian, then it gives that text', () => {
      expect(error.messageIn('kk')).toBe('Терезеде A-007 талонының иесі күтіп тұр.');
      expect(error.messageIn('ru')).toBe('У окна уже талон A-007.');
    });
  });

  describe('given a refusal without options', () => {
    it('then it has no field and empty params', () => {
      const error = new QueueError('DESK_UNKNOWN');
      expect(error.kind).toBe('not_found');
      expect(error.field).toBeUndefined();
      expect(error.params).toEqual({});
    });
  });
});
