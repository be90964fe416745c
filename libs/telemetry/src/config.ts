/** Settings read from the environment, and small pure helpers of the SDK setup (no SDK imports). */
import { diag } from '@opentelemetry/api';

export const DEFAULT_SCHEDULE_DELAY_MS = 500;
export const SHUTDOWN_TIMEOUT_MS = 5_000;

export const defaultIgnoredPath = (path: string): boolean =>
  path.startsWith('/health') || path === '/metrics' || path === '/favicon.ico';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');

export const nonNegative = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
};

export const isTrue = (value: string | undefined): boolean => value?.trim().toLowerCase() === 'true';

/** `service.name` to use: the option, `OTEL_SERVICE_NAME`, `ADAL_SERVICE`, else the service directory of the main script. */
export const resolveServiceName = (
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  mainScript: string | undefined = process.argv[1],
): string | undefined => {
  const fromScript = mainScript ? /[\\/]services[\\/]([^\\/]+)[\\/]/.exec(mainScript)?.[1] : undefined;
  return option || env['OTEL_SERVICE_NAME']?.trim() || env['ADAL_SERVICE']?.trim() || fromScript;
};

/** Which exporters `env` asks for: `otlp` (explicit, or an OTLP endpoint is set), `console`, or none. */
export const exportersFromEnv = (env: NodeJS.ProcessEnv = process.env): Array<'otlp' | 'console'> => {
  const names = list(env['OTEL_TRACES_EXPORTER']);
  if (names.includes('none')) return [];
  const endpointSet = Boolean(
    env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']?.trim() || env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim(),
  );
  const wanted = new Set<'otlp' | 'console'>();
  if (names.length === 0 && endpointSet) wanted.add('otlp');
  for (const name of names) {
    if (name === 'otlp' || name === 'console') wanted.add(name);
    else diag.warn(`@adal/telemetry: unsupported OTEL_TRACES_EXPORTER "${name}" (otlp, console, none)`);
  }
  return [...wanted];
};

/** `http/protobuf` (the OTLP default), `http/json` or `grpc`. */
export const otlpProtocolFromEnv = (env: NodeJS.ProcessEnv = process.env): 'http/protobuf' | 'http/json' | 'grpc' => {
  const raw = (env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] ?? env['OTEL_EXPORTER_OTLP_PROTOCOL'])?.trim().toLowerCase();
  if (!raw || raw === 'http/protobuf') return 'http/protobuf';
  if (raw === 'http/json' || raw === 'grpc') return raw;
  diag.warn(`@adal/telemetry: unsupported OTLP protocol "${raw}", using http/protobuf`);
  return 'http/protobuf';
};

const TRACE_HEADER = /^(?:traceparent|tracestate)$/i;

/** Removes `traceparent`/`tracestate` from an undici request (headers: a raw string in undici 6, [k, v, ...] in 7). */
export const stripTraceHeaders = (request: { headers?: unknown }): void => {
  const { headers } = request;
  if (typeof headers === 'string') {
    request.headers = headers
      .split('\r\n')
      .filter((line) => !TRACE_HEADER.test(line.slice(0, Math.max(0, line.indexOf(':'))).trim()))
      .join('\r\n');
  } else if (Array.isArray(headers)) {
    const kept: unknown[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name: unknown = headers[i];
      const nameText = typeof name === 'string' ? name : Buffer.isBuffer(name) ? name.toString('latin1') : '';
      if (!TRACE_HEADER.test(nameText)) kept.push(name, headers[i + 1]);
    }
    headers.splice(0, headers.length, ...kept);
  }
};
