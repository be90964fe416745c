import type { MessageCatalogue } from '../errors/messages.js';
import {
  describeMessageCatalogue,
  localizedTextProblems,
  placeholdersOf,
  usesKazakhLetters,
} from './message-catalogue.js';

const catalogue: MessageCatalogue<'LIST_TOO_LONG' | 'DESK_CLOSED'> = {
  LIST_TOO_LONG: {
    kk: 'Тізім тым ұзын: ең көбі {max} элемент.',
    ru: 'Список слишком длинный: не более {max} элементов.',
    en: 'The list is too long: at most {max} items.',
  },
  DESK_CLOSED: {
    kk: 'Терезе жабық: алдымен оны ашыңыз.',
    ru: 'Окно закрыто: сначала откройте его.',
    en: 'The desk is closed: open it first.',
  },
};

// The checks a domain declares for its catalogue, run here on a well-written one.
describeMessageCatalogue(catalogue, { codes: ['LIST_TOO_LONG', 'DESK_CLOSED'] });

describe('localized text checks', () => {
  describe('given one text in three languages', () => {
    it('when it is well written, then there is no problem', () => {
      for (const text of Object.values(catalogue)) expect(localizedTextProblems(text)).toEqual([]);
      expect(placeholdersOf('{max} of {min}, {max}')).toEqual(['max', 'max', 'min']);
      expect(usesKazakhLetters(catalogue.DESK_CLOSED.kk)).toBe(true);
      expect(usesKazakhLetters(catalogue.DESK_CLOSED.ru)).toBe(false);
    });

    it('when a language is blank, a placeholder differs, Latin slips in or kk copies ru, then each is said', () => {
      expect(localizedTextProblems({ kk: 'Күн {day}', ru: 'Date {date}', en: ' ' })).toEqual([
        'the en text is blank',
        'the kk placeholders [day] differ from the en ones []',
        'the ru placeholders [date] differ from the en ones []',
        'the ru text has Latin letters',
      ]);
      expect(localizedTextProblems({ kk: 'Күн', ru: 'Күн', en: 'Day' })).toEqual([
        'the kk text is a copy of the ru one',
      ]);
    });

    it('when Latin is a technical token, then it is allowed', () => {
      const text = { kk: 'ISO 8601 пішімі', ru: 'формат ISO 8601', en: 'ISO 8601 format' };
      expect(localizedTextProblems(text)).toContain('the kk text has Latin letters');
      expect(localizedTextProblems(text, { technicalTokens: [/ISO 8601/] })).toEqual([]);
    });
  });
});
