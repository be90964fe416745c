/** Vocabulary shared by the budget-ledger aggregates. */

/** The three languages (kk, ru, en), localized texts and the command shape every domain shares. */
export { LANGUAGES, type DomainCommand, type Language, type LocalizedText } from '@adal/domain-kit';

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
