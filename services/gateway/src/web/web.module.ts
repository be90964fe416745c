import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  Inject,
  Logger,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { loadWebAppConfig, WEB_APP_CONFIG, type WebAppConfig } from './web.config.js';
import { WebAppFiles } from './web-app-files.js';
import { WebAppMiddleware } from './web-app.middleware.js';

/**
 * The gateway serves the built web app (`apps/web/dist`, or `WEB_DIST_DIR`) at `/` in
 * production; in development Vite's dev server serves it and proxies `/api` here. See
 * `WebAppMiddleware` for what answers what.
 */
@Module({})
export class WebModule implements NestModule, OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(@Inject(WEB_APP_CONFIG) private readonly config: WebAppConfig) {}

  static forRoot(config: WebAppConfig = loadWebAppConfig()): DynamicModule {
    return {
      module: WebModule,
      providers: [
        { provide: WEB_APP_CONFIG, useValue: config },
        { provide: WebAppFiles, useFactory: () => new WebAppFiles(config.distDir) },
        WebAppMiddleware,
      ],
    };
  }

  onModuleInit(): void {
    if (existsSync(path.join(this.config.distDir, 'index.html'))) {
      this.logger.log(`serving the web app from ${this.config.distDir}`);
    } else {
      this.logger.warn(
        `no web app in ${this.config.distDir}: pages answer 503 until \`npm run build -w @adal/web\` (or set WEB_DIST_DIR)`,
      );
    }
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebAppMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
