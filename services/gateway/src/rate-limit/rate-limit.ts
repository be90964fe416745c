import { HttpStatus, Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { GatewayConfig } from '../config.js';
import { isApiRequest } from '../auth/guards.js';
import type { GatewayRequest } from '../http.js';
import { GatewayProblem } from '../problems/gateway-problem.js';
import { FixedWindowThrottlerStorage } from './fixed-window.storage.js';

/** Who a request counts against: the token subject when signed in, else the client IP. */
export const rateLimitTracker = (request: GatewayRequest): string =>
  request.principal
    ? `user:${request.principal.sub}`
    : `ip:${normalizeIp(request.ip ?? request.socket?.remoteAddress ?? 'unknown')}`;

const requestOf = (context: ExecutionContext): GatewayRequest => context.switchToHttp().getRequest<GatewayRequest>();

const OPEN_DATA_METADATA = 'adal:rate-limit:open-data';

/**
 * Marks public open-data reads (the open budget): they count against their own, generous
 * budget (`RATE_LIMIT_OPEN_DATA_PER_MINUTE` per caller), not the default one, since open data is
 * meant to be downloaded and browsed freely; and downloading it never uses up the budget a
 * caller needs for the rest of the API.
 */
export const OpenDataRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(OPEN_DATA_METADATA, true);

const reflector = new Reflector();
const isOpenData = (context: ExecutionContext): boolean =>
  reflector.getAllAndOverride<boolean | undefined>(OPEN_DATA_METADATA, [context.getHandler(), context.getClass()]) ===
  true;

const notLimited = (context: ExecutionContext): boolean =>
  context.getType() !== 'http' || !isApiRequest(requestOf(context));

/**
 * `@nestjs/throttler` options: one window of `windowSeconds`; `RATE_LIMIT_PER_MINUTE` requests
 * per signed-in user, `RATE_LIMIT_IP_PER_MINUTE` per anonymous client IP, across all routes;
 * routes marked `@OpenDataRateLimit()` count instead against `RATE_LIMIT_OPEN_DATA_PER_MINUTE`
 * per caller (user or IP). Infrastructure routes (health) are not limited.
 */
export const throttlerOptions = (config: GatewayConfig): ThrottlerModuleOptions => ({
  throttlers: [
    {
      name: 'default',
      ttl: config.rateLimit.windowSeconds * 1000,
      limit: (context: ExecutionContext) =>
        requestOf(context).principal ? config.rateLimit.perUser : config.rateLimit.perIp,
      skipIf: (context: ExecutionContext) => notLimited(context) || isOpenData(context),
    },
    {
      name: 'open-data',
      ttl: config.rateLimit.windowSeconds * 1000,
      limit: config.rateLimit.openData,
      skipIf: (context: ExecutionContext) => notLimited(context) || !isOpenData(context),
    },
  ],
  skipIf: notLimited,
  getTracker: (request: Record<string, unknown>) => rateLimitTracker(request as unknown as GatewayRequest),
  // One budget per caller across every route (the library's default key is per handler).
  generateKey: (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
  storage: new FixedWindowThrottlerStorage(),
});

/**
 * The throttler guard, answering a refusal as a localized 429 problem with `Retry-After`
 * (the library also sets `X-RateLimit-Limit/Remaining/Reset` on every limited response).
 * Runs after `AuthenticationGuard`, so it knows whether the caller is signed in.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = String(Math.max(1, detail.timeToBlockExpire));
    throw new GatewayProblem({
      status: HttpStatus.TOO_MANY_REQUESTS,
      detail: { key: 'detail.tooManyRequests', params: { seconds } },
      headers: { 'Retry-After': seconds },
    });
  }
}
