import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IEntryNestModule } from '@nestjs/core';
import { JsonLogger } from './logger.js';
import { requestContextMiddleware } from './request-context.js';

export interface ServiceAppOptions {
  /** Service name, as it appears in every log line. */
  name: string;
  /** Root module (it should import `ServiceKitModule.forService(...)`). */
  module: IEntryNestModule;
  /** Logger to use instead of a `JsonLogger` for `name`. */
  logger?: JsonLogger;
  /** Last touches before the app starts (global pipes, filters that take precedence, CORS...). */
  configure?: (app: INestApplication) => void | Promise<void>;
}

export interface BootstrapServiceOptions extends ServiceAppOptions {
  /** Default port; `PORT` overrides it. */
  port: number;
  /** Interface to bind; `HOST` overrides it. Default: all interfaces. */
  host?: string;
}

/** The port to listen on: `PORT` when set and valid, else `fallback`. */
export const resolvePort = (fallback: number, env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env['PORT'];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got "${raw}"`);
  return port;
};

/**
 * Creates (but does not start) a service's Nest application with JSON logs, the request
 * context (trace id) and shutdown hooks. Startup errors are thrown, not turned into an abort.
 */
export const createServiceApp = async (options: ServiceAppOptions): Promise<INestApplication> => {
  const logger = options.logger ?? new JsonLogger(options.name);
  const app = await NestFactory.create(options.module, {
    logger,
    abortOnError: false,
    forceCloseConnections: true,
  });
  const instance = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  instance.disable?.('x-powered-by');
  app.use(requestContextMiddleware);
  app.enableShutdownHooks();
  await options.configure?.(app);
  return app;
};

/**
 * Starts a service: creates the app, listens on `PORT` (or `port`) and logs where. On a
 * startup failure, logs it and exits with status 1.
 */
export const bootstrapService = async (options: BootstrapServiceOptions): Promise<INestApplication> => {
  const logger = options.logger ?? new JsonLogger(options.name);
  try {
    const port = resolvePort(options.port);
    const host = process.env['HOST'] || options.host;
    const app = await createServiceApp({ ...options, logger });
    if (host) await app.listen(port, host);
    else await app.listen(port);
    logger.log(`${options.name} listening on ${await app.getUrl()}`, 'Bootstrap');
    watchSupervisor(logger);
    return app;
  } catch (error) {
    logger.fatal(
      `${options.name} failed to start: ${error instanceof Error ? error.message : String(error)}`,
      error instanceof Error ? error.stack : undefined,
      'Bootstrap',
    );
    process.exit(1);
  }
};

/**
 * Under `scripts/start.js` (which sets `ADAL_SUPERVISOR_PID`), shut down gracefully if the
 * supervisor disappears without stopping us (e.g. it was killed with SIGKILL).
 */
const watchSupervisor = (logger: JsonLogger): void => {
  const supervisor = Number(process.env['ADAL_SUPERVISOR_PID']);
  if (!Number.isInteger(supervisor) || supervisor <= 0 || process.ppid !== supervisor) return;
  const timer = setInterval(() => {
    if (process.ppid === supervisor) return;
    clearInterval(timer);
    logger.warn('the supervising process is gone; shutting down', 'Bootstrap');
    process.kill(process.pid, 'SIGTERM');
  }, 1_000);
  timer.unref();
};
