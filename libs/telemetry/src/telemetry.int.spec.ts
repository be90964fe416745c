// Jest runs test code in vm contexts, where ESM loader hooks do not apply: the real check is a
// child process started as `node --import libs/telemetry/dist/register.js <fixture>`, exactly as
// a service is, exporting its spans as OTLP/HTTP JSON to a receiver run by this test.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { KIND, OtlpReceiver, type ReceivedSpan } from '@adal/testing';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const libRoot = path.resolve(here, '..');
const repoRoot = path.resolve(libRoot, '..', '..');
const registerJs = path.join(libRoot, 'dist', 'register.js');
const fixture = path.join(here, '__fixtures__', 'traced-flow.mjs');

/** Builds libs/telemetry when dist is missing or older than a source file. */
const ensureBuilt = (): void => {
  const sources = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
  const stale = sources.some((name) => {
    const built = path.join(libRoot, 'dist', name.replace(/\.ts$/, '.js'));
    return !existsSync(built) || statSync(built).mtimeMs < statSync(path.join(here, name)).mtimeMs;
  });
  if (stale) {
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(libRoot, 'tsconfig.json')],
      {
        cwd: repoRoot,
        stdio: 'pipe',
      },
    );
  }
};

// The OTLP receiver lives in @adal/testing.

// --- the fixture process ---

interface FixtureResult {
  telemetryStarted: boolean;
  healthResponse: string;
  orderResponse: string;
  requestTraceparent?: string;
  requestTraceId?: string;
  requestTraceFields?: { traceId?: string; spanId?: string };
  outsideRequestTraceparent: string | null;
  innerTraceparentHeader?: string;
  relayTraceFields?: { traceId?: string; spanId?: string };
  handled: Record<
    'direct' | 'relayed',
    { parent?: string; headerTraceparent?: string; traceFields: { traceId?: string; spanId?: string } }
  >;
}

const INCOMING_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const INCOMING_PARENT_ID = 'b7ad6b7169203331';
const FOREIGN_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const FOREIGN_SPAN_ID = '00f067aa0ba902b7';

const runFixture = async (
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; result: FixtureResult }> => {
  const child = spawn(process.execPath, ['--import', registerJs, fixture], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: process.env['ADAL_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
      FIXTURE_TOPIC: `telemetry-it-${randomUUID()}`,
      FIXTURE_INCOMING_TRACEPARENT: `00-${INCOMING_TRACE_ID}-${INCOMING_PARENT_ID}-01`,
      FIXTURE_FOREIGN_TRACEPARENT: `00-${FOREIGN_TRACE_ID}-${FOREIGN_SPAN_ID}-01`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (code !== 0 || !line) throw new Error(`fixture failed (exit ${code})\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  return { code, stderr, result: JSON.parse(line.slice('RESULT '.length)) as FixtureResult };
};

const one = (spans: ReceivedSpan[], what: string, predicate: (span: ReceivedSpan) => boolean): ReceivedSpan => {
  const found = spans.filter(predicate);
  if (found.length !== 1) {
    const listing = spans.map((s) => `${s.scope} ${s.kind} ${s.name} ${JSON.stringify(s.attributes)}`).join('\n');
    throw new Error(`expected exactly one ${what}, found ${found.length} among:\n${listing}`);
  }
  return found[0]!;
};

describe('@adal/telemetry: one trace through HTTP, pg, fetch, Kafka and the consumer (child process with --import register)', () => {
  const receiver = new OtlpReceiver();
  let endpoint: string;

  beforeAll(async () => {
    ensureBuilt();
    endpoint = await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.spans.length = 0;
  });

  it('exports http server, pg, undici (fetch), kafka send/process, relay and consumer spans of ONE trace with the right parents', async () => {
    const { result } = await runFixture({
      OTEL_SERVICE_NAME: 'telemetry-fixture',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const spans = receiver.spans;

    expect(result.telemetryStarted).toBe(true);
    expect(result.healthResponse).toBe('HTTP/1.1 200 OK');
    expect(result.orderResponse).toBe('HTTP/1.1 200 OK');
    expect(receiver.contentTypes.every((type) => type.startsWith('application/json'))).toBe(true);

    // ONE trace: the one the incoming request carried; every exported span belongs to it.
    expect(spans.length).toBeGreaterThanOrEqual(14);
    expect([...new Set(spans.map((s) => s.traceId))]).toEqual([INCOMING_TRACE_ID]);
    expect([...new Set(spans.map((s) => s.service))]).toEqual(['telemetry-fixture']);

    // Health checks stay out of traces.
    expect(spans.filter((s) => String(s.attributes['url.path'] ?? '').startsWith('/health'))).toEqual([]);

    // 1. HTTP server span, child of the incoming traceparent.
    const server = one(
      spans,
      'server span for /order',
      (s) => s.kind === KIND.SERVER && s.attributes['url.path'] === '/order',
    );
    expect(server.scope).toBe('@opentelemetry/instrumentation-http');
    expect(server.parentSpanId).toBe(INCOMING_PARENT_ID);
    // What the service puts into event metadata is the server span.
    expect(result.requestTraceparent).toBe(`00-${INCOMING_TRACE_ID}-${server.spanId}-01`);
    expect(result.requestTraceId).toBe(INCOMING_TRACE_ID);
    expect(result.requestTraceFields).toEqual({ traceId: INCOMING_TRACE_ID, spanId: server.spanId });
    expect(result.outsideRequestTraceparent).toBeNull();

    // pg query inside the request.
    const pgInRequest = one(
      spans,
      'pg query in the request',
      (s) => s.attributes['db.query.text'] === 'SELECT 1 AS one',
    );
    expect(pgInRequest.scope).toBe('@opentelemetry/instrumentation-pg');
    expect(pgInRequest.kind).toBe(KIND.CLIENT);
    expect(pgInRequest.parentSpanId).toBe(server.spanId);

    // fetch (undici) client span, and the server span of the endpoint it called.
    const fetchSpan = one(spans, 'undici client span', (s) => s.scope === '@opentelemetry/instrumentation-undici');
    expect(fetchSpan.kind).toBe(KIND.CLIENT);
    expect(fetchSpan.attributes['url.path']).toBe('/inner');
    expect(fetchSpan.parentSpanId).toBe(server.spanId);
    const inner = one(
      spans,
      'server span for /inner',
      (s) => s.kind === KIND.SERVER && s.attributes['url.path'] === '/inner',
    );
    expect(inner.parentSpanId).toBe(fetchSpan.spanId);
    // The traceparent the handler forwarded by hand was replaced, not duplicated.
    expect(result.innerTraceparentHeader).toBe(`00-${INCOMING_TRACE_ID}-${fetchSpan.spanId}-01`);

    // 1b. kafkajs send inside the request.
    const kafkaSends = spans.filter(
      (s) => s.scope === '@opentelemetry/instrumentation-kafkajs' && s.kind === KIND.PRODUCER,
    );
    expect(kafkaSends).toHaveLength(2);
    const sendDirect = one(kafkaSends, 'kafka send in the request', (s) => s.parentSpanId === server.spanId);

    // 2. relay: PRODUCER span from the stored traceparent, link to the other (foreign) one, kafkajs send inside.
    const relay = one(spans, 'relay publish span', (s) => s.scope === '@adal/telemetry' && s.kind === KIND.PRODUCER);
    expect(relay.parentSpanId).toBe(server.spanId);
    expect(relay.links).toEqual([{ traceId: FOREIGN_TRACE_ID, spanId: FOREIGN_SPAN_ID }]);
    expect(result.relayTraceFields).toEqual({ traceId: INCOMING_TRACE_ID, spanId: relay.spanId });
    const sendRelayed = one(kafkaSends, 'kafka send in the relay', (s) => s.parentSpanId === relay.spanId);

    // kafkajs process spans continue from the message headers.
    const processSpans = spans.filter(
      (s) => s.scope === '@opentelemetry/instrumentation-kafkajs' && s.kind === KIND.CONSUMER,
    );
    expect(processSpans.map((s) => s.parentSpanId).sort()).toEqual([sendDirect.spanId, sendRelayed.spanId].sort());

    // 3. our consumer spans: parent from the message header (direct) or the envelope (relayed).
    const handleDirect = one(
      spans,
      'consumer span (header parent)',
      (s) => s.scope === '@adal/telemetry' && s.name.endsWith('handle direct'),
    );
    expect(handleDirect.kind).toBe(KIND.CONSUMER);
    expect(result.handled.direct.headerTraceparent).toBe(`00-${INCOMING_TRACE_ID}-${sendDirect.spanId}-01`);
    expect(handleDirect.parentSpanId).toBe(sendDirect.spanId);
    expect(handleDirect.attributes['adal.event.kind']).toBe('direct');
    expect(result.handled.direct.traceFields).toEqual({ traceId: INCOMING_TRACE_ID, spanId: handleDirect.spanId });

    const handleRelayed = one(
      spans,
      'consumer span (envelope parent)',
      (s) => s.scope === '@adal/telemetry' && s.name.endsWith('handle relayed'),
    );
    expect(handleRelayed.kind).toBe(KIND.CONSUMER);
    expect(handleRelayed.parentSpanId).toBe(server.spanId);
    // Same trace as the kafkajs process span around it, so no link is needed.
    expect(handleRelayed.links).toEqual([]);

    // the consumers' pg writes attach to our consumer spans.
    const consumerPg = spans.filter((s) => s.attributes['db.query.text'] === 'SELECT $1::text AS handled');
    expect(consumerPg.map((s) => s.parentSpanId).sort()).toEqual([handleDirect.spanId, handleRelayed.spanId].sort());
    expect(consumerPg.every((s) => s.scope === '@opentelemetry/instrumentation-pg')).toBe(true);
  });

  it('OTEL_SDK_DISABLED=true: no SDK, no exports, and the helpers still run as no-ops', async () => {
    const { result } = await runFixture({
      OTEL_SDK_DISABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(result.telemetryStarted).toBe(false);
    expect(result.orderResponse).toBe('HTTP/1.1 200 OK');
    expect(result.requestTraceparent).toBeUndefined();
    expect(result.requestTraceFields).toEqual({});
    // Without an SDK there is no context manager either: fn runs, but nothing is "active".
    expect(result.relayTraceFields).toEqual({});
    expect(Object.keys(result.handled).sort()).toEqual(['direct', 'relayed']);
    expect(receiver.spans).toEqual([]);
  });
});
