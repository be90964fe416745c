import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { readPackageVersion, ServiceKitModule } from '@adal/service-kit';
import { AuthController } from './auth/auth.controller.js';
import { DevIdentityProvider } from './auth/dev-identity-provider.js';
import { AccessGuard, AuthenticationGuard } from './auth/guards.js';
import { IDENTITY_PROVIDER } from './auth/identity-provider.js';
import { OidcIdentityProvider } from './auth/oidc-identity-provider.js';
import { TokenService } from './auth/token.service.js';
import { GATEWAY_CONFIG, loadGatewayConfig, type GatewayConfig } from './config.js';
import { AccessLogMiddleware, JsonBodyOnlyMiddleware } from './http-middleware.js';
import { UpstreamClient } from './proxy/upstream.client.js';
import { RateLimitGuard, throttlerOptions } from './rate-limit/rate-limit.js';
import { APPOINTMENTS_CONTROLLERS } from './routes/appointments/appointments.controller.js';
import { BUDGET_CONTROLLERS } from './routes/budget/budget.controller.js';
import { QUEUE_CONTROLLERS } from './routes/queue/queue.controller.js';
import { RequestValidationPipe } from './validation/validation.pipe.js';
import { WebModule } from './web/web.module.js';

export const SERVICE_NAME = 'gateway';
export const DEFAULT_PORT = 3000;
export const SERVICE_VERSION = readPackageVersion(new URL('../package.json', import.meta.url));

/** Modules whose routes make up the public API (and the OpenAPI document). */
export const API_CONTROLLERS = [
  AuthController,
  ...APPOINTMENTS_CONTROLLERS,
  ...QUEUE_CONTROLLERS,
  ...BUDGET_CONTROLLERS,
];

/**
 * The gateway: health (service-kit; no event store of its own), authentication, per-route
 * access, rate limits, validation, and the routes forwarded to the services.
 *
 * Guards run in this order: `AuthenticationGuard` (who is calling; 401 on a bad token),
 * `RateLimitGuard` (per user, else per IP; 429), `AccessGuard` (401 anonymous / 403 wrong role).
 */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: GatewayConfig = loadGatewayConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({ name: SERVICE_NAME, version: SERVICE_VERSION, eventStore: false }),
        ThrottlerModule.forRoot(throttlerOptions(config)),
        // The built web app at `/` (WEB_DIST_DIR); the API and health keep their routes.
        WebModule.forRoot(),
      ],
      controllers: API_CONTROLLERS,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        TokenService,
        UpstreamClient,
        DevIdentityProvider,
        OidcIdentityProvider,
        {
          provide: IDENTITY_PROVIDER,
          useExisting: config.authProvider === 'oidc' ? OidcIdentityProvider : DevIdentityProvider,
        },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AccessLogMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    consumer
      .apply(JsonBodyOnlyMiddleware)
      // Routes taking a file as it is (they check its media type themselves).
      .exclude({ path: 'api/v1/budget/imports', method: RequestMethod.POST })
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
