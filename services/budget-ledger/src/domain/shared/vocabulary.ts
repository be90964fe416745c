/** Vocabulary shared by the budget-ledger aggregates. */

/** The three languages of every page and message: Kazakh (state language), Russian, English. */
export type Language = 'kk' | 'ru' | 'en';
export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];

/** A text in all three languages. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

/** Commands mirror events: a type and its data (the shape Emmett and our store use). */
export interface DomainCommand<Type extends string, Data> {
  type: Type;
  data: Data;
}

/** A calendar date `YYYY-MM-DD` (fiscal years are calendar years). */
export type LocalDate = string;

/**
 * An amount of tiyn (1 tenge = 100 tiyn) as a decimal string (`"150000"`, `"-500"` for a signed
 * delta): events are JSON, and JSON numbers lose precision above 2^53.
 */
export type TiynString = string;

/** Who runs the institution's budget. Never changes for a BIN. */
export type InstitutionLevel = 'republican' | 'regional' | 'district' | 'rural';
export const INSTITUTION_LEVELS: readonly InstitutionLevel[] = ['republican', 'regional', 'district', 'rural'];
