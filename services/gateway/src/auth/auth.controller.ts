import { Body, Controller, Get, Header, HttpCode, HttpStatus, Inject, Logger, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config.js';
import type { GatewayRequest } from '../http.js';
import type { Language } from '../i18n/language.js';
import type { LocalizedText } from '../i18n/messages.js';
import { languageOf } from '../i18n/request-language.js';
import { GatewayProblem } from '../problems/gateway-problem.js';
import { ApiProblemResponse } from '../problems/problem.openapi.js';
import { IsIdentifier, Required } from '../validation/rules.js';
import { Endpoint } from './access.js';
import { DemoUser, Profile as ProfileSchema, SignInResult as SignInResultSchema } from './auth.responses.js';
import { DevIdentityProvider, type DemoUserSummary } from './dev-identity-provider.js';
import { IDENTITY_PROVIDER, type IdentityProvider } from './identity-provider.js';
import type { Principal } from './principal.js';
import type { Role } from './roles.js';
import { TokenService } from './token.service.js';

export class DevSignInBody {
  @ApiProperty({
    type: String,
    example: 'citizen-aigerim',
    description: 'Id of a demo user (`GET /api/v1/auth/dev/users`)',
  })
  @Required()
  @IsIdentifier()
  userId!: string;
}

/** `GET /api/v1/me`: the caller as the gateway knows them. Never an IIN. */
export interface Profile {
  sub: string;
  roles: Role[];
  name: LocalizedText;
  citizenRef?: string;
  officialId?: string;
  officeId?: string;
  /** Language answers are given in for this request. */
  language: Language;
  preferredLanguage?: Language;
  /** When the access token expires (ISO 8601). */
  tokenExpiresAt: string;
}

export interface SignInResult {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
  expiresAt: string;
  user: Profile;
}

const profileOf = (principal: Principal, language: Language): Profile => {
  const profile: Profile = {
    sub: principal.sub,
    roles: [...principal.roles],
    name: { ...principal.name },
    language,
    tokenExpiresAt: new Date(principal.expiresAt * 1000).toISOString(),
  };
  if (principal.citizenRef !== undefined) profile.citizenRef = principal.citizenRef;
  if (principal.officialId !== undefined) profile.officialId = principal.officialId;
  if (principal.officeId !== undefined) profile.officeId = principal.officeId;
  if (principal.preferredLanguage !== undefined) profile.preferredLanguage = principal.preferredLanguage;
  return profile;
};

/** Gateway-owned routes: the development identity provider and the caller's profile. */
@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(IDENTITY_PROVIDER) private readonly provider: IdentityProvider,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  @Post('auth/dev/sign-in')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @Endpoint({
    summary: 'Sign in as a demo user (development identity provider)',
    description:
      'Issues a one-hour access token for a seeded, fictional demo user. Off (404) when `AUTH_DEV_SIGN_IN=false`, ' +
      'in production unless enabled, and with `AUTH_PROVIDER=oidc`.',
    access: 'anyone',
  })
  @ApiBody({ type: DevSignInBody })
  @ApiOkResponse({ type: SignInResultSchema, description: 'An access token and the signed-in user' })
  @ApiProblemResponse(404, 'Development sign-in is off')
  @ApiProblemResponse(422, 'No demo user has this id')
  async devSignIn(@Body() body: DevSignInBody, @Req() req: GatewayRequest): Promise<SignInResult> {
    const provider = this.devProvider();
    const identity = await provider.authenticate({ kind: 'dev', userId: body.userId });
    const token = await this.tokens.issue(identity);
    this.logger.log(`development sign-in as ${identity.sub} (${identity.roles.join(',')})`);
    const principal: Principal = { ...identity, expiresAt: token.expiresAt };
    return {
      accessToken: token.accessToken,
      tokenType: 'Bearer',
      expiresIn: token.expiresIn,
      expiresAt: new Date(token.expiresAt * 1000).toISOString(),
      user: profileOf(principal, languageOf({ headers: req.headers, principal })),
    };
  }

  @Get('auth/dev/users')
  @Endpoint({ summary: 'The demo users one can sign in as (development identity provider)', access: 'anyone' })
  @ApiOkResponse({ type: DemoUser, isArray: true, description: 'The demo users (fictional)' })
  @ApiProblemResponse(404, 'Development sign-in is off')
  devUsers(): DemoUserSummary[] {
    return this.devProvider().list();
  }

  @Get('me')
  @Header('Cache-Control', 'no-store')
  @Endpoint({ summary: "The caller's profile", access: 'authenticated' })
  @ApiOkResponse({ type: ProfileSchema, description: "The caller's profile" })
  me(@Req() req: GatewayRequest): Profile {
    // The access guard has made sure there is a principal.
    return profileOf(req.principal!, languageOf(req));
  }

  private devProvider(): DevIdentityProvider {
    if (!this.config.devSignIn || !(this.provider instanceof DevIdentityProvider)) {
      throw new GatewayProblem({ status: HttpStatus.NOT_FOUND, detail: { key: 'detail.devSignInOff' } });
    }
    return this.provider;
  }
}
