/**
 * Starts the OpenTelemetry Node SDK for one service process: http (server and client), undici
 * (`fetch`), pg and kafkajs instrumentations, W3C trace-context + baggage propagation and a
 * BatchSpanProcessor in front of the configured exporter.
 *
 * Normally used through `node --import @adal/telemetry/register ...` (see register.ts), which
 * also installs the ESM loader hook that lets the instrumentations patch CommonJS packages
 * (pg, kafkajs) imported from our ESM code.
 */
import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NoopSpanProcessor,
  type BatchSpanProcessorOptions,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { IncomingMessage } from 'node:http';
import {
  DEFAULT_SCHEDULE_DELAY_MS,
  SHUTDOWN_TIMEOUT_MS,
  defaultIgnoredPath,
  exportersFromEnv,
  isTrue,
  nonNegative,
  otlpProtocolFromEnv,
  resolveServiceName,
  stripTraceHeaders,
} from './config.js';
import { getTelemetryHandle, setTelemetryHandle, type TelemetryHandle } from './state.js';

export type { TelemetryHandle };

export interface TelemetryOptions {
  /** `service.name`; default `OTEL_SERVICE_NAME`, then `ADAL_SERVICE`, then `<svc>` of `services/<svc>/dist/main.js`. */
  serviceName?: string;
  /** Environment to read the `OTEL_*` settings from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Incoming request paths (without query) kept out of traces. Default: `/health*`, `/metrics`, `/favicon.ico`. */
  ignoreIncomingPath?: (path: string) => boolean;
  /**
   * pg: only trace queries that run inside a trace (an HTTP request, a relay batch, a consumed
   * message), so background polling does not make one root trace per query. Default: true
   * (`ADAL_OTEL_PG_ROOT_SPANS=true` turns it off).
   */
  pgRequireParentSpan?: boolean;
  /** Span processors to add (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  /** Flush and shut down on SIGTERM/SIGINT and before a natural exit. Default: true. */
  handleProcessExit?: boolean;
}

const createOtlpExporter = async (protocol: 'http/protobuf' | 'http/json' | 'grpc'): Promise<SpanExporter> => {
  // The exporters read OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT / _HEADERS / _TIMEOUT themselves.
  switch (protocol) {
    case 'http/json':
      return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
    case 'grpc':
      return new (await import('@opentelemetry/exporter-trace-otlp-grpc')).OTLPTraceExporter();
    default:
      return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  }
};

const requestPath = (request: IncomingMessage): string => {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
};

/** The instrumentations every service gets. */
export const createInstrumentations = (options: TelemetryOptions = {}): Instrumentation[] => {
  const env = options.env ?? process.env;
  const ignored = options.ignoreIncomingPath ?? defaultIgnoredPath;
  const pgRequireParentSpan = options.pgRequireParentSpan ?? !isTrue(env['ADAL_OTEL_PG_ROOT_SPANS']);
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => ignored(requestPath(request)),
    }),
    new UndiciInstrumentation({
      // The instrumentation injects the client span's traceparent; one copied from the incoming
      // request by our code (the gateway forwards it) would make a second header, and
      // "tp1, tp2" is no valid traceparent, so the next service would start a new trace.
      requestHook: (_span, request) => stripTraceHeaders(request),
    }),
    new PgInstrumentation({ requireParentSpan: pgRequireParentSpan }),
    new KafkaJsInstrumentation(),
  ];
};

/**
 * Starts tracing for this process (once; later calls return the first handle). Returns
 * undefined when `OTEL_SDK_DISABLED=true`.
 *
 * Exporter: OTLP when `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT` is set or `OTEL_TRACES_EXPORTER`
 * contains `otlp` (protocol from `OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL`: http/protobuf,
 * http/json, grpc); `console` when `OTEL_TRACES_EXPORTER` contains `console`; otherwise spans
 * are still made (trace ids for logs and event metadata) but exported nowhere.
 */
export const startTelemetry = async (options: TelemetryOptions = {}): Promise<TelemetryHandle | undefined> => {
  const existing = getTelemetryHandle();
  if (existing) return existing;
  const env = options.env ?? process.env;
  if (isTrue(env['OTEL_SDK_DISABLED'])) return undefined;

  const logLevel = env['OTEL_LOG_LEVEL']?.trim().toUpperCase();
  if (!logLevel) diag.setLogger(new DiagConsoleLogger(), { logLevel: DiagLogLevel.WARN });

  const exporterNames = exportersFromEnv(env);
  const exporters: SpanExporter[] = [];
  for (const name of exporterNames) {
    exporters.push(name === 'console' ? new ConsoleSpanExporter() : await createOtlpExporter(otlpProtocolFromEnv(env)));
  }
  const batch: Omit<BatchSpanProcessorOptions, 'exporter'> = {
    scheduledDelayMillis: nonNegative(env['OTEL_BSP_SCHEDULE_DELAY']) ?? DEFAULT_SCHEDULE_DELAY_MS,
  };
  const maxQueueSize = nonNegative(env['OTEL_BSP_MAX_QUEUE_SIZE']);
  const maxExportBatchSize = nonNegative(env['OTEL_BSP_MAX_EXPORT_BATCH_SIZE']);
  const exportTimeoutMillis = nonNegative(env['OTEL_BSP_EXPORT_TIMEOUT']);
  if (maxQueueSize !== undefined) batch.maxQueueSize = maxQueueSize;
  if (maxExportBatchSize !== undefined) batch.maxExportBatchSize = maxExportBatchSize;
  if (exportTimeoutMillis !== undefined) batch.exportTimeoutMillis = exportTimeoutMillis;
  const spanProcessors: SpanProcessor[] = [
    ...exporters.map((exporter) => new BatchSpanProcessor({ exporter, ...batch })),
    ...(options.spanProcessors ?? []),
  ];
  // Without any processor the SDK would register no tracer provider at all; a no-op one keeps
  // spans (and so trace ids for logs and event metadata) without exporting them.
  if (spanProcessors.length === 0) spanProcessors.push(new NoopSpanProcessor());

  const serviceName = resolveServiceName(options.serviceName, env);
  const sdk = new NodeSDK({
    ...(serviceName ? { serviceName } : {}),
    instrumentations: createInstrumentations(options),
    spanProcessors,
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    // Traces only: no metric readers or log processors from OTEL_* defaults (they would
    // default to OTLP exporters towards localhost:4318).
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();

  let shutdownPromise: Promise<void> | undefined;
  const handle: TelemetryHandle = {
    serviceName,
    exporters: exporterNames,
    forceFlush: async () => {
      await Promise.all(spanProcessors.map((processor) => processor.forceFlush().catch(() => undefined)));
    },
    shutdown: () => {
      shutdownPromise ??= withTimeout(sdk.shutdown(), SHUTDOWN_TIMEOUT_MS).catch((error: unknown) => {
        diag.warn(`@adal/telemetry: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return shutdownPromise;
    },
  };
  setTelemetryHandle(handle);
  if (options.handleProcessExit !== false) flushOnExit(handle);
  return handle;
};

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * SIGTERM/SIGINT: when the app has its own handler (Nest's shutdown hooks close the app and
 * then re-raise the signal), flush what we have and let it finish; when ours is the only
 * handler left, shut the SDK down (flushing everything) and re-raise the signal so the
 * process ends as it would have without us. A natural exit (`beforeExit`) flushes too.
 */
const flushOnExit = (handle: TelemetryHandle): void => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const onSignal = (): void => {
      const others = process.listeners(signal).filter((listener) => listener !== onSignal).length;
      if (others > 0) {
        void handle.forceFlush();
        return;
      }
      process.removeListener(signal, onSignal);
      void handle.shutdown().finally(() => process.kill(process.pid, signal));
    };
    process.on(signal, onSignal);
  }
  process.once('beforeExit', () => {
    void handle.shutdown();
  });
};

export { getTelemetryHandle };
