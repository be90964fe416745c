import type { INestApplication } from '@nestjs/common';
import { createServiceApp, JsonLogger } from '@adal/service-kit';
import { AppModule, SERVICE_NAME } from './app.module.js';
import { loadGatewayConfig, type GatewayConfig } from './config.js';
import { setupOpenApi } from './openapi.js';
import { GatewayProblemFilter } from './problems/problem.filter.js';

export interface GatewayAppOptions {
  /** Default: from the environment (`loadGatewayConfig`). */
  config?: GatewayConfig;
  logger?: JsonLogger;
}

/**
 * Creates (but does not start) the gateway: service-kit's app (JSON logs, trace context,
 * health) plus the localized problem filter, `trust proxy` and the OpenAPI document.
 */
export const createGatewayApp = async (options: GatewayAppOptions = {}): Promise<INestApplication> => {
  const config = options.config ?? loadGatewayConfig();
  const logger = options.logger ?? new JsonLogger(SERVICE_NAME);
  const app = await createServiceApp({ name: SERVICE_NAME, module: AppModule.forRoot(config), logger });
  const express = app.getHttpAdapter().getInstance() as { set?: (setting: string, value: unknown) => void };
  express.set?.('trust proxy', config.trustProxy);
  // Registered after service-kit's APP_FILTER, so it is consulted first.
  app.useGlobalFilters(new GatewayProblemFilter());
  if (config.apiDocs) setupOpenApi(app);
  if (config.developmentDefaults.length > 0) {
    logger.warn(
      `using development defaults for ${config.developmentDefaults.join(', ')}; set them in production`,
      'Config',
    );
  }
  return app;
};
