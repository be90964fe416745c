/** The three languages of every page and message: Kazakh (state language), Russian, English. */
export type Language = 'kk' | 'ru' | 'en';
export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];

/** A text in all three languages. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}
