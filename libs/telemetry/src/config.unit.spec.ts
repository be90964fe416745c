import {
  defaultIgnoredPath,
  exportersFromEnv,
  otlpProtocolFromEnv,
  resolveServiceName,
  stripTraceHeaders,
} from './config.js';

describe('telemetry settings from the environment', () => {
  it('exports with OTLP when an endpoint is set, console when asked, else nowhere', () => {
    expect(exportersFromEnv({})).toEqual([]);
    expect(exportersFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual(['otlp']);
    expect(exportersFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toEqual([
      'otlp',
    ]);
    expect(exportersFromEnv({ OTEL_TRACES_EXPORTER: 'console' })).toEqual(['console']);
    expect(exportersFromEnv({ OTEL_TRACES_EXPORTER: 'otlp, console' })).toEqual(['otlp', 'console']);
    expect(exportersFromEnv({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toEqual(
      [],
    );
    expect(exportersFromEnv({ OTEL_TRACES_EXPORTER: 'console', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toEqual(
      ['console'],
    );
  });

  it('reads the OTLP protocol (traces-specific first), defaulting to http/protobuf', () => {
    expect(otlpProtocolFromEnv({})).toBe('http/protobuf');
    expect(otlpProtocolFromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('http/json');
    expect(
      otlpProtocolFromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }),
    ).toBe('grpc');
    expect(otlpProtocolFromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'carrier-pigeon' })).toBe('http/protobuf');
  });

  it('names the service from the option, OTEL_SERVICE_NAME, ADAL_SERVICE or the main script', () => {
    expect(resolveServiceName('x', { OTEL_SERVICE_NAME: 'y' }, '/w/services/z/dist/main.js')).toBe('x');
    expect(
      resolveServiceName(undefined, { OTEL_SERVICE_NAME: 'y', ADAL_SERVICE: 'a' }, '/w/services/z/dist/main.js'),
    ).toBe('y');
    expect(resolveServiceName(undefined, { ADAL_SERVICE: 'a' }, '/w/services/z/dist/main.js')).toBe('a');
    expect(resolveServiceName(undefined, {}, '/w/services/appointments/dist/main.js')).toBe('appointments');
    expect(resolveServiceName(undefined, {}, '/w/scripts/start.js')).toBeUndefined();
  });

  it('keeps health checks out of traces', () => {
    for (const path of ['/health', '/health/ready', '/health/live', '/healthz', '/metrics'])
      expect(defaultIgnoredPath(path)).toBe(true);
    for (const path of ['/', '/appointments', '/api/citizens/health']) expect(defaultIgnoredPath(path)).toBe(false);
  });

  it('strips hand-forwarded traceparent/tracestate from undici requests (string and array headers)', () => {
    const asString = {
      headers: 'accept: application/json\r\ntraceparent: 00-a-b-01\r\nTraceState: x=1\r\nx-actor: 1\r\n',
    };
    stripTraceHeaders(asString);
    expect(asString.headers).toBe('accept: application/json\r\nx-actor: 1\r\n');
    const asArray = {
      headers: ['accept', 'application/json', 'Traceparent', '00-a-b-01', 'tracestate', 'x=1', 'x-actor', '1'],
    };
    stripTraceHeaders(asArray);
    expect(asArray.headers).toEqual(['accept', 'application/json', 'x-actor', '1']);
    const none = { headers: undefined };
    stripTraceHeaders(none);
    expect(none.headers).toBeUndefined();
  });
});
