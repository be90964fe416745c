import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config.js';
import type { Language } from '../i18n/language.js';
import type { LocalizedText } from '../i18n/messages.js';
import { GatewayProblem } from '../problems/gateway-problem.js';
import { citizenRefOf } from './citizen-ref.js';
import { DEMO_USERS, type DemoUser } from './demo-users.js';
import type { IdentityCredential, IdentityProvider } from './identity-provider.js';
import type { Identity } from './principal.js';
import type { Role } from './roles.js';

/** A demo user as the sign-in picker shows them: no IIN, no citizenRef. */
export interface DemoUserSummary {
  userId: string;
  roles: Role[];
  name: LocalizedText;
  description: LocalizedText;
  preferredLanguage: Language;
  officialId?: string;
  officeId?: string;
}

/**
 * Development identity provider: anyone may sign in as one of the seeded fictional demo users
 * (`demo-users.ts`). Citizens' IINs stay inside this class; what leaves it is their citizenRef.
 */
@Injectable()
export class DevIdentityProvider implements IdentityProvider {
  readonly kind = 'dev' as const;
  private readonly users = new Map<string, DemoUser>(DEMO_USERS.map((u) => [u.userId, u]));

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async authenticate(credential: IdentityCredential): Promise<Identity> {
    if (credential.kind !== 'dev') {
      throw new GatewayProblem({ status: HttpStatus.NOT_IMPLEMENTED, detail: { key: 'detail.oidcNotImplemented' } });
    }
    const user = this.users.get(credential.userId);
    if (!user) throw GatewayProblem.field('userId', 'field.unknownDemoUser');
    const identity: Identity = {
      sub: user.userId,
      roles: [...user.roles],
      name: { ...user.name },
      preferredLanguage: user.preferredLanguage,
    };
    if (user.iin !== undefined) identity.citizenRef = citizenRefOf(this.config.citizenRefKey, user.iin);
    if (user.officialId !== undefined) identity.officialId = user.officialId;
    if (user.officeId !== undefined) identity.officeId = user.officeId;
    return identity;
  }

  list(): DemoUserSummary[] {
    return DEMO_USERS.map((u) => {
      const summary: DemoUserSummary = {
        userId: u.userId,
        roles: [...u.roles],
        name: { ...u.name },
        description: { ...u.description },
        preferredLanguage: u.preferredLanguage,
      };
      if (u.officialId !== undefined) summary.officialId = u.officialId;
      if (u.officeId !== undefined) summary.officeId = u.officeId;
      return summary;
    });
  }
}
