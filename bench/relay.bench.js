// npm run bench:relay — store → relay → Kafka → consumer read model, against the raw kafkajs
// producer on the same broker with the same message size, in one run.
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { PostgresEventStore } from '@adal/event-store';
import { EventRelay, KafkaMessageBus, envelopeFrom } from '@adal/messaging';
import { freshDatabase, percentile, writeResult } from './lib.js';

const N = Number(process.env.BENCH_EVENTS ?? 20000);
const LIVE = Number(process.env.BENCH_LIVE_EVENTS ?? 2000);
const brokers = (process.env.KAFKA_BROKERS ?? execFileSync('infra/kafka/start', { encoding: 'utf8' }).trim().split('\n').pop()).split(',');
const run = randomUUID().slice(0, 8);
const data = (i) => ({ officeId: `office-${i % 322}`, ticket: `A-${i}`, note: 'Кезек / очередь / queue', pad: 'x'.repeat(120) });

const db = await freshDatabase('relay');
const pool = new pg.Pool({ connectionString: db.url, max: 20 });
pool.on('error', () => undefined);
const store = await PostgresEventStore.create({ pool, schema: 'bench' });
const bus = new KafkaMessageBus({ brokers, clientId: `bench-${run}`, logLevel: 'error' });
const service = `bench${run}`;
const topic = `${service}.events`;
const toIntegrationEvent = (event) =>
  envelopeFrom(event, { source: `/bench/${service}`, type: 'bench.TicketIssued', subject: event.streamName, dataversion: 1, data: event.data });

// 1. Raw producer baseline: same envelope size, same broker, batches like the relay's.
const sample = JSON.stringify({ specversion: '1.0', id: randomUUID(), source: `/bench/${service}`, type: 'bench.TicketIssued', subject: 'ticket-office-1', time: new Date().toISOString(), datacontenttype: 'application/json', dataversion: 1, data: data(1) });
const kafka = new kafkajs.Kafka({ brokers, clientId: `raw-${run}`, logLevel: kafkajs.logLevel.NOTHING });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
const rawTopic = `raw${run}.events`;
await bus.ensureTopics([rawTopic, topic]);
let started = process.hrtime.bigint();
for (let i = 0; i < N; i += 1000) {
  await producer.send({
    topic: rawTopic,
    acks: -1,
    messages: Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({ key: `ticket-office-${(i + k) % 322}`, value: sample })),
  });
}
const rawPerSecond = N / (Number(process.hrtime.bigint() - started) / 1e9);
await producer.disconnect();

// 2. Backlog: N events in the store, then relay + consumer drain them into a read model.
for (let i = 0; i < N; i += 500) {
  await Promise.all(Array.from({ length: Math.min(500, N - i) }, (_, k) => store.appendToStream(`ticket-office${(i + k) % 322}`, [{ type: 'TicketIssued', data: data(i + k) }])));
}
await pool.query('CREATE TABLE tickets (event_id text PRIMARY KEY, office_id text NOT NULL, ticket text NOT NULL)');
const consumerProcess = spawn(process.execPath, ['bench/relay-consumer.js', db.url, brokers.join(','), topic, `bench-${run}`], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let applied = 0;
const latencies = [];
let ready = false;
createInterface({ input: consumerProcess.stdout }).on('line', (line) => {
  if (line === 'ready') ready = true;
  const [word, count, ...rest] = line.split(' ');
  if (word === 'applied') {
    applied = Number(count);
    for (const l of rest) if (l) latencies.push(Number(l));
  }
});
while (!ready) await new Promise((r) => setTimeout(r, 10));
const relay = new EventRelay({ service, store, bus, pool, filter: { categories: ['ticket'] }, toIntegrationEvent });
started = process.hrtime.bigint();
relay.start();
let relayedAt = 0;
while (applied < N) {
  if (!relayedAt && relay.publishedCount >= N) relayedAt = Number(process.hrtime.bigint() - started) / 1e9;
  await new Promise((r) => setTimeout(r, 5));
}
const relayOnlyPerSecond = N / (relayedAt || Number(process.hrtime.bigint() - started) / 1e9);
const relayPerSecond = N / (Number(process.hrtime.bigint() - started) / 1e9);

// 3. Live: append at a steady pace and time each event from append to read-model commit.
for (let i = 0; i < LIVE; i++) {
  await store.appendToStream(`ticket-office${i % 322}`, [{ type: 'TicketIssued', data: { ...data(N + i), appendedAt: Date.now() } }]);
  if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
}
while (applied < N + LIVE) await new Promise((r) => setTimeout(r, 5));
latencies.sort((a, b) => a - b);

await relay.stop();
consumerProcess.kill('SIGTERM');
await new Promise((r) => consumerProcess.once('exit', r));
await bus.close();
await store.close();
await pool.end();
await db.drop();

writeResult('relay', {
  relay_events_per_s: Math.round(relayPerSecond),
  raw_producer_msgs_per_s: Math.round(rawPerSecond),
  ratio: Number((relayPerSecond / rawPerSecond).toFixed(2)),
  relay_to_kafka_events_per_s: Math.round(relayOnlyPerSecond),
  end_to_end_p50_ms: percentile(latencies, 50),
  end_to_end_p99_ms: percentile(latencies, 99),
  events: N,
  live_events: LIVE,
  message_bytes: Buffer.byteLength(sample),
  machine: { cpus: os.cpus().length, node: process.version },
  measured_at: new Date().toISOString(),
});
process.exit(0);
