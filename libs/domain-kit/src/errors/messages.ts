/**
 * Typed kk/ru/en message catalogues: every user-facing text of a domain in Kazakh (the state
 * language), Russian and English, keyed by a stable code. Typing a catalogue as
 * `MessageCatalogue<Code>` makes the compiler reject a new code without its three texts; the
 * texts themselves stay with the domain that owns the codes.
 *
 * Templates use `{name}` placeholders, filled from `MessageParams`; an unknown placeholder stays
 * visible rather than vanishing, so a missing parameter shows in review, not as a silent gap.
 */
import type { Language, LocalizedText } from '../language.js';

/** Values interpolated into a localized message (`{max}`, `{date}`, ...). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Every code's text in all three languages. */
export type MessageCatalogue<Code extends string> = Readonly<Record<Code, LocalizedText>>;

/** The message for a code in one language, with `{name}` placeholders filled from `params`. */
export type RenderMessage<Code extends string> = (code: Code, language: Language, params?: MessageParams) => string;

export interface MessageRenderer<Code extends string> {
  readonly render: RenderMessage<Code>;
  /** All three languages at once, e.g. for a problem+json body or a notification. */
  readonly localized: (code: Code, params?: MessageParams) => LocalizedText;
}

const FILLED_PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** `template` with each `{name}` that `params` has replaced by its value; others are left as they are. */
export const fillPlaceholders = (template: string, params: MessageParams = {}): string =>
  template.replace(FILLED_PLACEHOLDER, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );

/** `render` and `localized` over one catalogue. */
export const messageRenderer = <Code extends string>(catalogue: MessageCatalogue<Code>): MessageRenderer<Code> => {
  const render: RenderMessage<Code> = (code, language, params = {}) =>
    fillPlaceholders(catalogue[code][language], params);
  return {
    render,
    localized: (code, params = {}) => ({
      kk: render(code, 'kk', params),
      ru: render(code, 'ru', params),
      en: render(code, 'en', params),
    }),
  };
};
