import type { Language } from '../i18n/language.js';
import type { LocalizedText } from '../i18n/messages.js';
import type { Role } from './roles.js';

/**
 * A person as an identity provider vouches for them. Holds no IIN: a citizen is known to
 * everything past the provider only by `citizenRef`.
 */
export interface Identity {
  /** Stable user id (the token subject). */
  sub: string;
  roles: Role[];
  /** Opaque reference of a citizen (HMAC of the IIN), see `citizen-ref.ts`. */
  citizenRef?: string;
  /** The official this user is (matches the appointments service's official ids). */
  officialId?: string;
  /** The office this user works in (clerks, officials). */
  officeId?: string;
  /** Display name in each language. */
  name: LocalizedText;
  /** Language the person chose, used when a request states none. */
  preferredLanguage?: Language;
}

/** The caller of a request: an identity from a verified access token. */
export interface Principal extends Identity {
  /** When the access token stops being accepted (epoch seconds). */
  expiresAt: number;
}

/** What services receive in `x-adal-actor` (docs/api.md): no name, no IIN. */
export interface Actor {
  sub: string;
  roles: Role[];
  citizenRef?: string;
  officialId?: string;
  officeId?: string;
  lang: Language;
}

export const actorOf = (principal: Principal, lang: Language): Actor => {
  const actor: Actor = { sub: principal.sub, roles: [...principal.roles], lang };
  if (principal.citizenRef !== undefined) actor.citizenRef = principal.citizenRef;
  if (principal.officialId !== undefined) actor.officialId = principal.officialId;
  if (principal.officeId !== undefined) actor.officeId = principal.officeId;
  return actor;
};

/** `x-adal-actor`: base64url of the actor's JSON. */
export const encodeActor = (actor: Actor): string => Buffer.from(JSON.stringify(actor), 'utf8').toString('base64url');

export const decodeActor = (header: string): Actor =>
  JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Actor;
