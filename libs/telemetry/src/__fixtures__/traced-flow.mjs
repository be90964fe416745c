// Child process of telemetry.int.spec.ts, started as
//   node --import <libs/telemetry/dist/register.js> traced-flow.mjs
// with DATABASE_URL, KAFKA_BROKERS, FIXTURE_TOPIC, FIXTURE_INCOMING_TRACEPARENT and the OTEL_* env
// pointing at the test's OTLP/HTTP JSON receiver. It imports pg and kafkajs (CommonJS) from ESM
// exactly as our services do, and walks the path of one request through the system:
//   1. an HTTP request (raw socket, carrying FIXTURE_INCOMING_TRACEPARENT like the gateway would)
//      whose handler runs a pg query, fetch()es a second endpoint, keeps currentTraceparent() as the
//      "event metadata" and produces a Kafka message (headers injected by the kafkajs instrumentation);
//   2. a relay-like publish from a background loop (no active context): a PRODUCER span from the
//      kept traceparent (plus a second, foreign one that must become a link) around a kafkajs send;
//   3. a kafkajs consumer that handles each message inside withSpanFromTraceparent (parent from the
//      message header, or from the envelope's traceparent) and runs a pg query there.
// Prints one JSON line (prefixed RESULT) with what the test needs to check the exported spans.
import net from 'node:net';
import http from 'node:http';
import pg from 'pg';
import kafkajs from 'kafkajs';
import {
  SpanKind,
  currentTraceId,
  currentTraceparent,
  isTelemetryStarted,
  shutdownTelemetry,
  traceFields,
  withSpanFromTraceparent,
} from '../../dist/index.js';

const topic = process.env.FIXTURE_TOPIC;
const incomingTraceparent = process.env.FIXTURE_INCOMING_TRACEPARENT;
const foreignTraceparent = process.env.FIXTURE_FOREIGN_TRACEPARENT;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const result = { telemetryStarted: isTelemetryStarted() };
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const kafka = new kafkajs.Kafka({ clientId: 'telemetry-fixture', brokers, logLevel: kafkajs.logLevel.NOTHING });

const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
await admin.disconnect();

const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();

// --- consumer (3) ---
const consumer = kafka.consumer({ groupId: `${topic}-group` });
await consumer.connect();
await consumer.subscribe({ topics: [topic], fromBeginning: true });
const handled = new Map();
let allHandled;
const done = new Promise((resolve) => (allHandled = resolve));
await consumer.run({
  eachMessage: async ({ message }) => {
    const envelope = JSON.parse(message.value.toString());
    const headerTraceparent = message.headers?.traceparent?.toString();
    const parent = envelope.traceparent ?? headerTraceparent;
    await withSpanFromTraceparent(
      `${topic} handle ${envelope.kind}`,
      parent,
      SpanKind.CONSUMER,
      { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'adal.event.kind': envelope.kind },
      async () => {
        await pool.query('SELECT $1::text AS handled', [envelope.kind]);
        handled.set(envelope.kind, { parent, headerTraceparent, traceFields: traceFields() });
      },
    );
    if (handled.size === 2) allHandled();
  },
});

// --- HTTP service (1) ---
const server = http.createServer(async (request, response) => {
  try {
    if (request.url.startsWith('/health')) {
      response.end('ok');
    } else if (request.url === '/inner') {
      result.innerTraceparentHeader = request.headers.traceparent;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ inner: true }));
    } else if (request.url === '/order') {
      await pool.query('SELECT 1 AS one');
      // Like the gateway, forward the incoming traceparent by hand: the instrumentation must
      // replace it with its client span's, not add a second header.
      const inner = await fetch(`http://127.0.0.1:${server.address().port}/inner`, {
        headers: { traceparent: request.headers.traceparent },
      });
      await inner.json();
      // What the appointments service stores in the event metadata on append.
      result.requestTraceparent = currentTraceparent();
      result.requestTraceId = currentTraceId();
      result.requestTraceFields = traceFields();
      await producer.send({ topic, messages: [{ key: 'direct', value: JSON.stringify({ kind: 'direct' }) }] });
      response.end('done');
    } else {
      response.statusCode = 404;
      response.end();
    }
  } catch (error) {
    response.statusCode = 500;
    response.end(String(error?.stack ?? error));
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;

/** A request through a raw socket, so that the client side is not instrumented. */
const rawGet = (path, headers = {}) =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      const lines = [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });

result.healthResponse = (await rawGet('/health/ready')).split('\r\n')[0];
result.orderResponse = (await rawGet('/order', { traceparent: incomingTraceparent })).split('\r\n')[0];
result.outsideRequestTraceparent = currentTraceparent() ?? null;

// --- relay (2): a background loop, no active span; parent from the stored metadata ---
setTimeout(async () => {
  try {
    await withSpanFromTraceparent(
      `${topic} publish`,
      [result.requestTraceparent, foreignTraceparent, result.requestTraceparent],
      SpanKind.PRODUCER,
      { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.batch.message_count': 1 },
      async () => {
        result.relayTraceFields = traceFields();
        await producer.send({
          topic,
          messages: [
            { key: 'relayed', value: JSON.stringify({ kind: 'relayed', traceparent: result.requestTraceparent }) },
          ],
        });
      },
    );
  } catch (error) {
    console.error('relay failed', error);
    process.exit(3);
  }
}, 10);

const timeout = setTimeout(() => {
  console.error(`timed out; handled: ${[...handled.keys()].join(',')}`);
  process.exit(2);
}, 60_000);
await done;
clearTimeout(timeout);
result.handled = Object.fromEntries(handled);

await consumer.disconnect();
await producer.disconnect();
const cleanup = kafka.admin();
await cleanup.connect();
await cleanup.deleteTopics({ topics: [topic] }).catch(() => undefined);
await cleanup.disconnect();
await pool.end();
await new Promise((resolve) => server.close(resolve));
await shutdownTelemetry();
console.log(`RESULT ${JSON.stringify(result)}`);
