import type { AuthProviderKind } from '../config.js';
import type { Identity } from './principal.js';

/** Proof of identity handed to an `IdentityProvider`. */
export type IdentityCredential =
  /** Development: the id of a seeded demo user. */
  | { kind: 'dev'; userId: string }
  /** OpenID Connect: the authorization code of a login round-trip (with PKCE). */
  | { kind: 'oidc'; code: string; redirectUri: string; codeVerifier: string };

/**
 * The seam where people are authenticated. A provider turns a credential into an `Identity`
 * (roles, citizenRef computed from the IIN it learnt, officialId, ...); the gateway then issues
 * its own access token for that identity (`TokenService`) and everything downstream works from
 * the token alone.
 *
 * - `DevIdentityProvider` (`AUTH_PROVIDER=dev`, the default): seeded fictional demo users.
 * - `OidcIdentityProvider` (`AUTH_PROVIDER=oidc`): the production plug, NOT implemented here.
 */
export interface IdentityProvider {
  readonly kind: AuthProviderKind;
  /** The identity behind `credential`. Throws a `GatewayProblem` when it proves nothing. */
  authenticate(credential: IdentityCredential): Promise<Identity>;
}

/** Injection token of the active `IdentityProvider`. */
export const IDENTITY_PROVIDER = 'ADAL_IDENTITY_PROVIDER';
