import { fillPlaceholders, messageRenderer, type MessageCatalogue } from './messages.js';

type Code = 'TEXT_TOO_LONG' | 'DAY_CLOSED';
const catalogue: MessageCatalogue<Code> = {
  TEXT_TOO_LONG: {
    kk: 'Мәтін тым ұзын: ең көбі {max} таңба.',
    ru: 'Текст слишком длинный: не более {max} символов.',
    en: 'The text is too long: at most {max} characters.',
  },
  DAY_CLOSED: {
    kk: 'Бұл күнгі кезек жабылды.',
    ru: 'Очередь на этот день закрыта.',
    en: 'The queue for this day is closed.',
  },
};

describe('message catalogues', () => {
  describe('given a catalogue', () => {
    const messages = messageRenderer(catalogue);

    it('when a message is rendered, then its placeholders are filled in the asked language', () => {
      expect(messages.render('TEXT_TOO_LONG', 'ru', { max: 200 })).toBe(
        'Текст слишком длинный: не более 200 символов.',
      );
      expect(messages.render('DAY_CLOSED', 'kk')).toBe('Бұл күнгі кезек жабылды.');
    });

    it('when a parameter is missing, then its placeholder stays visible', () => {
      expect(messages.render('TEXT_TOO_LONG', 'en')).toBe('The text is too long: at most {max} characters.');
      expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}');
      expect(fillPlaceholders('{toString}', {})).toBe('{toString}');
    });

    it('when all languages are asked for, then kk, ru and en come at once', () => {
      expect(messages.localized('TEXT_TOO_LONG', { max: 5 })).toEqual({
        kk: 'Мәтін тым ұзын: ең көбі 5 таңба.',
        ru: 'Текст слишком длинный: не более 5 символов.',
        en: 'The text is too long: at most 5 characters.',
      });
      expect(messages.localized('DAY_CLOSED')).toEqual(catalogue.DAY_CLOSED);
    });
  });
});
