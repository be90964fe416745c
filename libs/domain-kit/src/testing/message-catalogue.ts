/**
 * The checks every kk/ru/en catalogue passes as a unit test: each code has its three texts, with
 * the same placeholders, Kazakh and Russian written in Cyrillic, Kazakh not a copy of Russian, and
 * Kazakh with its own letters. Test support: `@adal/domain-kit/testing`.
 */
import type { LocalizedText } from '../language.js';
import type { MessageCatalogue } from '../errors/messages.js';

/** The placeholder names of a template, sorted (`{max}` -> `max`). */
export const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** Whether a text uses a letter only Kazakh Cyrillic has (ә, ғ, қ, ң, ө, ұ, ү, һ, і). */
export const usesKazakhLetters = (text: string): boolean => KAZAKH_LETTERS.test(text);

export interface LocalizedTextCheckOptions {
  /**
   * Latin tokens allowed inside Kazakh and Russian texts besides placeholders: `ISO 8601`, URLs,
   * example values.
   */
  technicalTokens?: readonly RegExp[];
}

/**
 * What is wrong with one kk/ru/en text, as readable sentences (none when it is fine): a blank
 * language, placeholders that differ from the English ones, Latin letters in the Kazakh or
 * Russian text (both are written in Cyrillic), or Kazakh that is a copy of the Russian.
 */
export const localizedTextProblems = (text: LocalizedText, options: LocalizedTextCheckOptions = {}): string[] => {
  const problems: string[] = [];
  const withoutTechnicalTokens = (value: string): string =>
    (options.technicalTokens ?? []).reduce(
      (rest, token) =>
        rest.replace(new RegExp(token.source, token.flags.includes('g') ? token.flags : `${token.flags}g`), ''),
      value.replace(/\{\w+\}/g, ''),
    );
  const english = placeholdersOf(text.en).join(', ');
  for (const language of ['kk', 'ru', 'en'] as const) {
    if (text[language].trim() === '') problems.push(`the ${language} text is blank`);
  }
  for (const language of ['kk', 'ru'] as const) {
    const own = placeholdersOf(text[language]).join(', ');
    if (own !== english) problems.push(`the ${language} placeholders [${own}] differ from the en ones [${english}]`);
    if (/[A-Za-z]/.test(withoutTechnicalTokens(text[language])))
      problems.push(`the ${language} text has Latin letters`);
  }
  if (text.kk === text.ru) problems.push('the kk text is a copy of the ru one');
  return problems;
};

export interface MessageCatalogueCheckOptions<Code extends string> extends LocalizedTextCheckOptions {
  /** Every code of the domain (`Object.keys(DOMAIN_ERROR_KINDS)`): each needs its texts, and no text is left without a code. */
  codes: readonly Code[];
}

/** Declares the checks of a domain's message catalogue (call it at the top level of a spec). */
export const describeMessageCatalogue = <Code extends string>(
  catalogue: MessageCatalogue<Code>,
  { codes, ...options }: MessageCatalogueCheckOptions<Code>,
): void => {
  describe('the message catalogue', () => {
    it('has a message for every code and no message without a code', () => {
      expect(Object.keys(catalogue).sort()).toEqual([...codes].sort());
    });

    it.each([...codes])('%s has a message in Kazakh, Russian and English with the same placeholders', (code) => {
      expect(localizedTextProblems(catalogue[code], options)).toEqual([]);
    });

    it('writes Kazakh with its own letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і)', () => {
      const kazakh = codes.filter((code) => usesKazakhLetters(catalogue[code].kk));
      expect(kazakh.length).toBeGreaterThan(codes.length * 0.8);
    });
  });
};
