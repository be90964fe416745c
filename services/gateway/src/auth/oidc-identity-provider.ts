import { HttpStatus, Injectable } from '@nestjs/common';
import { GatewayProblem } from '../problems/gateway-problem.js';
import type { IdentityCredential, IdentityProvider } from './identity-provider.js';
import type { Identity } from './principal.js';

/**
 * PRODUCTION PLUG — NOT IMPLEMENTED in this repository. Selected with `AUTH_PROVIDER=oidc`;
 * every sign-in then answers 501 and the development sign-in is off.
 *
 * What a real implementation does (e.g. against the national eGov IDP or an OIDC broker):
 * 1. the browser runs the authorization-code flow with PKCE; a gateway route (to be added to
 *    docs/api.md) receives `{ code, redirectUri, codeVerifier }` and calls `authenticate`;
 * 2. exchange the code at the provider's token endpoint; verify the ID token with `jose`
 *    (`createRemoteJWKSet(discovery.jwks_uri)`, issuer, audience = client id, nonce);
 * 3. read the IIN claim, turn it into `citizenRef` with `citizenRefOf(CITIZEN_REF_KEY, iin)`
 *    and drop the IIN; staff roles / officialId / officeId come from the staff directory,
 *    never from the citizen's claims;
 * 4. return the `Identity`; the gateway issues its own one-hour token for it as it does for
 *    demo users, so nothing past this class changes.
 */
@Injectable()
export class OidcIdentityProvider implements IdentityProvider {
  readonly kind = 'oidc' as const;

  async authenticate(_credential: IdentityCredential): Promise<Identity> {
    throw new GatewayProblem({ status: HttpStatus.NOT_IMPLEMENTED, detail: { key: 'detail.oidcNotImplemented' } });
  }
}
