import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { pathOf, type GatewayRequest } from '../http.js';
import { bearerChallenge, GatewayProblem } from '../problems/gateway-problem.js';
import { ACCESS_METADATA, roleOf, type Access } from './access.js';
import { TokenRejectedError, TokenService } from './token.service.js';

/** The access a route declared with `@Endpoint`, if any. */
export const accessOf = (reflector: Reflector, context: ExecutionContext): Access | undefined =>
  reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);

/** Routes under `/api/` are the gateway's public API; anything else (health, `GET /`) is infrastructure. */
export const isApiRequest = (request: GatewayRequest): boolean => pathOf(request).startsWith('/api/');

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)[ ]*$/i;

/**
 * First guard: who is calling. A valid `Authorization: Bearer <jwt>` puts the principal on the
 * request; an invalid or expired one is noted, and refused (401) by the access guard after the
 * rate limiter has counted it against the client IP; no token means anonymous.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(@Inject(TokenService) private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    if (!isApiRequest(request)) return true;
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') return true;
    const match = BEARER.exec(header);
    if (!match) {
      request.authFailure = 'invalid';
      return true;
    }
    try {
      request.principal = await this.tokens.verify(match[1]!);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      request.authFailure = error.reason;
    }
    return true;
  }
}

const tokenProblem = (reason: 'invalid' | 'expired'): GatewayProblem =>
  new GatewayProblem({
    status: HttpStatus.UNAUTHORIZED,
    detail: { key: reason === 'expired' ? 'detail.tokenExpired' : 'detail.tokenInvalid' },
    headers: bearerChallenge('invalid_token'),
  });

/**
 * Last guard: may this caller use this route? 401 for a refused token (on any route) or when a
 * sign-in is needed, 403 when the role is wrong or an official addresses another official's
 * schedule. Ownership of bookings is the owning service's to check. A route under `/api/` that
 * declares no access is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const access = accessOf(this.reflector, context);
    if (!access) {
      if (!isApiRequest(request)) return true;
      throw new GatewayProblem({ status: HttpStatus.FORBIDDEN, detail: { key: 'detail.routeNotConfigured' } });
    }
    if (request.authFailure) throw tokenProblem(request.authFailure);
    if (access.public) return true;
    const principal = request.principal;
    if (!principal) {
      throw new GatewayProblem({
        status: HttpStatus.UNAUTHORIZED,
        detail: { key: 'detail.signInRequired' },
        headers: bearerChallenge(),
      });
    }
    let selfMismatch = false;
    for (const rule of access.rules) {
      if (!principal.roles.includes(roleOf(rule))) continue;
      if (rule !== 'official:self') return true;
      const officialId = request.params['officialId'];
      if (principal.officialId !== undefined && officialId !== undefined && principal.officialId === officialId) {
        return true;
      }
      selfMismatch = true;
    }
    throw new GatewayProblem({
      status: HttpStatus.FORBIDDEN,
      detail: { key: selfMismatch ? 'detail.ownScheduleOnly' : 'detail.roleNotAllowed' },
    });
  }
}
