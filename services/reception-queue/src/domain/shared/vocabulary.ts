/** Vocabulary shared by the reception-queue aggregates. */

/** The three languages (kk, ru, en), localized texts and the command shape every domain shares. */
export { LANGUAGES, type DomainCommand, type Language, type LocalizedText } from '@adal/domain-kit';
