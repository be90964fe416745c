import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config.js';
import { isLanguage } from '../i18n/language.js';
import type { LocalizedText } from '../i18n/messages.js';
import type { Identity, Principal } from './principal.js';
import { isRole } from './roles.js';

export const JWT_ALGORITHM = 'HS256';

/** Why a token was refused. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(`access token ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

export interface IssuedToken {
  accessToken: string;
  /** Epoch seconds. */
  expiresAt: number;
  expiresIn: number;
}

/** Claims the gateway puts in its access tokens, besides the registered ones. */
interface GatewayClaims extends JWTPayload {
  roles?: unknown;
  citizenRef?: unknown;
  officialId?: unknown;
  officeId?: unknown;
  name?: unknown;
  lang?: unknown;
}

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : undefined;

const localizedText = (value: unknown): LocalizedText | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kk, ru, en } = value as Record<string, unknown>;
  return typeof kk === 'string' && typeof ru === 'string' && typeof en === 'string' ? { kk, ru, en } : undefined;
};

/**
 * Issues and verifies the gateway's access tokens: JWT, HS256 with `JWT_SECRET`, issuer and
 * audience checked, one hour of validity. Tokens carry the identity (roles, citizenRef,
 * officialId, officeId, display name), never an IIN.
 */
@Injectable()
export class TokenService {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async issue(identity: Identity, nowMs: number = Date.now()): Promise<IssuedToken> {
    const { jwt } = this.config;
    const issuedAt = Math.floor(nowMs / 1000);
    const expiresAt = issuedAt + jwt.ttlSeconds;
    const claims: GatewayClaims = { roles: identity.roles, name: identity.name };
    if (identity.citizenRef !== undefined) claims.citizenRef = identity.citizenRef;
    if (identity.officialId !== undefined) claims.officialId = identity.officialId;
    if (identity.officeId !== undefined) claims.officeId = identity.officeId;
    if (identity.preferredLanguage !== undefined) claims.lang = identity.preferredLanguage;
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
      .setSubject(identity.sub)
      .setIssuer(jwt.issuer)
      .setAudience(jwt.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(jwt.secret);
    return { accessToken, expiresAt, expiresIn: jwt.ttlSeconds };
  }

  /** The principal of a valid token; throws `TokenRejectedError` otherwise. */
  async verify(token: string): Promise<Principal> {
    let payload: GatewayClaims;
    try {
      ({ payload } = await jwtVerify<GatewayClaims>(token, this.config.jwt.secret, {
        algorithms: [JWT_ALGORITHM],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw new TokenRejectedError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
    }
    const sub = optionalString(payload.sub);
    const roles = payload.roles;
    if (!sub || !Array.isArray(roles) || roles.length === 0 || !roles.every(isRole) || payload.exp === undefined) {
      throw new TokenRejectedError('invalid');
    }
    const principal: Principal = {
      sub,
      roles: [...new Set(roles)],
      name: localizedText(payload.name) ?? { kk: sub, ru: sub, en: sub },
      expiresAt: payload.exp,
    };
    const citizenRef = optionalString(payload.citizenRef);
    const officialId = optionalString(payload.officialId);
    const officeId = optionalString(payload.officeId);
    if (citizenRef) principal.citizenRef = citizenRef;
    if (officialId) principal.officialId = officialId;
    if (officeId) principal.officeId = officeId;
    if (isLanguage(payload.lang)) principal.preferredLanguage = payload.lang;
    return principal;
  }
}
