import { JsonLogger, resolvePort } from '@adal/service-kit';
import { createGatewayApp } from './app.js';
import { DEFAULT_PORT, SERVICE_NAME } from './app.module.js';

// Like service-kit's `bootstrapService`, with the gateway's own setup between creating the app and listening.
const logger = new JsonLogger(SERVICE_NAME);
try {
  const port = resolvePort(DEFAULT_PORT);
  const host = process.env['HOST'];
  const app = await createGatewayApp({ logger });
  if (host) await app.listen(port, host);
  else await app.listen(port);
  logger.log(`${SERVICE_NAME} listening on ${await app.getUrl()}`, 'Bootstrap');
  watchSupervisor();
} catch (error) {
  logger.fatal(
    `${SERVICE_NAME} failed to start: ${error instanceof Error ? error.message : String(error)}`,
    error instanceof Error ? error.stack : undefined,
    'Bootstrap',
  );
  process.exit(1);
}

/** Under `scripts/start.js`, shut down gracefully if the supervisor disappears (as service-kit does). */
function watchSupervisor(): void {
  const supervisor = Number(process.env['ADAL_SUPERVISOR_PID']);
  if (!Number.isInteger(supervisor) || supervisor <= 0 || process.ppid !== supervisor) return;
  const timer = setInterval(() => {
    if (process.ppid === supervisor) return;
    clearInterval(timer);
    logger.warn('the supervising process is gone; shutting down', 'Bootstrap');
    process.kill(process.pid, 'SIGTERM');
  }, 1_000);
  timer.unref();
}
