/**
 * The refusal of a decider, shared by every domain: a stable `code` (the domain's own, a public
 * contract clients switch on), a `kind` telling the edge how to answer, the command `field` it is
 * about, and `params` for the localized texts. Each domain binds it to its own codes and texts:
 *
 *     export class DomainError extends domainErrorClass(DOMAIN_ERROR_KINDS, renderMessage) {}
 */
import type { Language } from '../language.js';
import type { MessageParams, RenderMessage } from './messages.js';

/**
 * How the edge should answer a refusal, without the domain knowing HTTP:
 * `invalid` -> 422 (the request itself is wrong), `not_found` -> 404, `conflict` -> 409 (the
 * request is fine but the current state refuses it; it may succeed later or with other input).
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict';

export interface DomainErrorOptions {
  /** The command field the refusal is about, as a JSON path (`slotStart`, `displayName.kk`, `desks[1].serviceIds[0]`). */
  field?: string;
  params?: MessageParams;
}

/**
 * A refusal by a decider. `decide` throws it; nothing was appended. The English message is the
 * `Error.message` (for logs); `messageIn(language)` gives the user-facing text.
 */
export class DomainError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly kind: DomainErrorKind;
  readonly field?: string;
  readonly params: MessageParams;
  readonly #render: RenderMessage<Code>;

  constructor(code: Code, kind: DomainErrorKind, render: RenderMessage<Code>, options: DomainErrorOptions = {}) {
    super(render(code, 'en', options.params));
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    if (options.field !== undefined) this.field = options.field;
    this.params = options.params ?? {};
    this.#render = render;
  }

  messageIn(language: Language): string {
    return this.#render(this.code, language, this.params);
  }
}

/** The kind of every code of a domain: `{ SLOT_FULL: 'conflict', ... } as const satisfies DomainErrorKinds`. */
export type DomainErrorKinds<Code extends string = string> = Readonly<Record<Code, DomainErrorKind>>;

/** A domain's own `DomainError`: constructed from a code of that domain alone. */
export type DomainErrorClass<Code extends string> = new (code: Code, options?: DomainErrorOptions) => DomainError<Code>;

/** The base class of a domain's `DomainError`, bound to its kinds and its message catalogue. */
export const domainErrorClass = <Code extends string>(
  kinds: DomainErrorKinds<Code>,
  render: RenderMessage<Code>,
): DomainErrorClass<Code> =>
  class extends DomainError<Code> {
    constructor(code: Code, options: DomainErrorOptions = {}) {
      super(code, kinds[code], render, options);
    }
  };
