/**
 * Preload that turns tracing on for a service process:
 *
 *   node --import @adal/telemetry/register services/<svc>/dist/main.js
 *
 * 1. Registers the import-in-the-middle ESM loader hook (`@opentelemetry/instrumentation/hook.mjs`)
 *    so the instrumentations can patch what our ESM code imports — pg and kafkajs are CommonJS
 *    packages imported from ESM, which require-in-the-middle alone never sees. The hook only
 *    wraps the modules the instrumentations asked for (pg, pg-pool, kafkajs, http, https...),
 *    everything else loads untouched.
 * 2. Starts the NodeSDK (see sdk.ts) and waits until the loader thread knows which modules to
 *    wrap, before the app's first import runs.
 *
 * `OTEL_SDK_DISABLED=true` skips both steps.
 */
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { startTelemetry } from './sdk.js';

export { shutdownTelemetry, flushTelemetry } from './state.js';

if (process.env['OTEL_SDK_DISABLED']?.trim().toLowerCase() !== 'true') {
  try {
    const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
    register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, registerOptions);
    await startTelemetry();
    await waitForAllMessagesAcknowledged();
  } catch (error) {
    // Tracing is not worth a service that does not start: say so and go on without it.
    process.stderr.write(
      `${JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        msg: `telemetry could not be started, running without it: ${error instanceof Error ? error.message : String(error)}`,
        context: '@adal/telemetry',
      })}\n`,
    );
  }
}
