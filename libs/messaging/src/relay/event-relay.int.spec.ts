import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PostgresEventStore } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { KafkaMessageBus } from '../kafka/kafka-message-bus.js';
import { kafkaBrokersForTests } from '../kafka/test-brokers.js';
import type { ReceivedMessage } from '../message-bus.js';
import { EventRelay, envelopeFrom } from './event-relay.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const waitFor = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 45_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const startProcess = (script: string, args: string[]) => {
  const child = spawn(process.execPath, [path.join(fixtures, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, lines, exited, stderr: () => stderr };
};

const stopProcess = async (proc: { child: ChildProcess; exited: Promise<unknown> }) => {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
  await proc.exited;
};

describe('EventRelay: the event store is the outbox', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let bus: KafkaMessageBus;
  let brokers: string[];

  beforeAll(async () => {
    brokers = await kafkaBrokersForTests();
    database = await createTestDatabase('relay');
    pool = new pg.Pool({ connectionString: database.url });
    store = await PostgresEventStore.create({ pool, schema: 'relayed' });
    bus = new KafkaMessageBus({ brokers, clientId: 'relay-test', logLevel: 'error' });
    await pool.query('CREATE TABLE effects (event_id text NOT NULL)');
  });
  afterAll(async () => {
    await bus.close();
    await store.close();
    await pool.end();
    await database.drop();
  });

  const collectRaw = async (topic: string, until: (messages: ReceivedMessage[]) => boolean) => {
    const messages: ReceivedMessage[] = [];
    const consumer = await bus.consume({
      groupId: `reader-${randomUUID()}`,
      topics: [topic],
      onRaw: async (message) => void messages.push(message),
    });
    try {
      await waitFor(`messages on ${topic}`, () => until(messages));
    } finally {
      await consumer.stop();
    }
    return messages;
  };

  it('publishes only public events as CloudEvents keyed by aggregate, with the traceparent header', async () => {
    const service = `svc${randomUUID().slice(0, 8)}`;
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await store.appendToStream(`order-${service}a`, [{ type: 'Placed', data: { n: 1 }, metadata: { traceparent } }]);
    await store.appendToStream(`secret-${service}`, [{ type: 'Private', data: { iin: '900101300123' } }]);
    await store.appendToStream(`order-${service}b`, [{ type: 'Placed', data: { n: 2 } }]);
    const relay = new EventRelay({
      service,
      store,
      bus,
      pool,
      filter: { categories: ['order'] },
      toIntegrationEvent: (event) =>
        event.streamName.includes(service)
          ? envelopeFrom(event, { source: `/test/${service}`, type: 'test.OrderNoted', subject: event.streamName, dataversion: 1, data: event.data })
          : null,
    });
    relay.start();
    try {
      const messages = await collectRaw(`${service}.events`, (m) => m.length >= 2);
      expect(messages.map((m) => m.key).sort()).toEqual([`order-${service}a`, `order-${service}b`]);
      const first = messages.find((m) => m.key === `order-${service}a`)!;
      const envelope = JSON.parse(first.value!);
      expect(envelope).toMatchObject({
        specversion: '1.0',
        source: `/test/${service}`,
        type: 'test.OrderNoted',
        subject: `order-${service}a`,
        datacontenttype: 'application/json',
        data: { n: 1 },
        traceparent,
      });
      expect(first.headers['traceparent']).toBe(traceparent);
      expect(messages.map((m) => m.value).join()).not.toContain('900101300123');
      await waitFor('checkpoint', async () => {
        const { rows } = await pool.query('SELECT position FROM relay.checkpoints WHERE relay = $1', [service]);
        return rows.length === 1;
      });
    } finally {
      await relay.stop();
    }
  });

  it('lets only one relay instance of a service publish; a standby takes over when the leader stops', async () => {
    const service = `svc${randomUUID().slice(0, 8)}`;
    const make = (relayPool: pg.Pool) =>
      new EventRelay({
        service,
        store,
        bus,
        pool: relayPool,
        filter: { categories: ['order'] },
        toIntegrationEvent: (event) =>
          event.streamName.includes(service)
            ? envelopeFrom(event, { source: '/t', type: 'test.OrderNoted', subject: event.streamName, dataversion: 1, data: {} })
            : null,
      });
    // b's lock session carries its own application_name, so PostgreSQL shows when b last tried
    // for the leadership lock (and found it taken: a leader runs other queries on that session).
    const standbyName = `standby-${service}`;
    const standbyPool = new pg.Pool({ connectionString: database.url, application_name: standbyName });
    const lastTryOfB = async (): Promise<number | undefined> => {
      const { rows } = await pool.query<{ at: Date }>(
        `SELECT query_start AS at FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1 AND state = 'idle'
            AND query LIKE '%pg_try_advisory_lock%'`,
        [standbyName],
      );
      return rows[0]?.at.getTime();
    };
    const [a, b] = [make(pool), make(standbyPool)];
    try {
      a.start();
      await waitFor('a leader', () => a.isLeader);
      b.start();
      let firstTry: number | undefined;
      await waitFor('b to try for the lock', async () => (firstTry = await lastTryOfB()) !== undefined, 10_000);
      expect([a.isLeader, b.isLeader]).toEqual([true, false]);
      // A second try means the first one was refused; b is still a standby and a still leads.
      await waitFor('b to try again', async () => ((await lastTryOfB()) ?? 0) > firstTry!, 10_000);
      expect([a.isLeader, b.isLeader]).toEqual([true, false]);
      await a.stop();
      await waitFor('takeover', () => b.isLeader, 10_000);
    } finally {
      await a.stop();
      await b.stop();
      await standbyPool.end();
    }
  });

  it('survives kill -9 mid-stream: every event reaches Kafka at least once and every effect happens exactly once', async () => {
    const service = `svc${randomUUID().slice(0, 8)}`;
    const total = 1500;
    for (let i = 0; i < total; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) => store.appendToStream(`order-${service}${(i + k) % 40}`, [{ type: 'Placed', data: { n: i + k } }])),
      );
    }
    const consumer = startProcess('inbox-consumer.mjs', [database.url, brokers.join(','), `${service}.events`, `g-${service}`, '0']);
    await waitFor('consumer ready', () => consumer.lines.includes('ready'));

    const first = startProcess('relay-process.mjs', [database.url, brokers.join(','), service]);
    await waitFor('relay mid-stream', () =>
      first.lines.some((l) => Number(l.split(' ')[1]) >= 300 && Number(l.split(' ')[1]) < total),
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = startProcess('relay-process.mjs', [database.url, brokers.join(','), service]);
    const applied = async () =>
      Number((await pool.query("SELECT count(*) FROM effects WHERE event_id IN (SELECT event_id::text FROM relayed.events WHERE stream_name LIKE $1)", [`order-${service}%`])).rows[0].count);
    await waitFor('every effect', async () => (await applied()) >= total, 60_000);
    // A fixed wait on purpose: there is no condition to wait on for "no duplicate will come".
    // Redeliveries of what the killed relay published twice (same events again, after its last
    // checkpoint) arrive just behind the first copies; half a second lets them reach the inbox
    // so that a second effect, if the inbox let one through, is counted below.
    await new Promise((r) => setTimeout(r, 500));
    await stopProcess(second);
    await stopProcess(consumer);

    const { rows } = await pool.query(
      `SELECT e.event_id::text AS id, (SELECT count(*) FROM effects f WHERE f.event_id = e.event_id::text)::int AS effects
         FROM relayed.events e WHERE e.stream_name LIKE $1`,
      [`order-${service}%`],
    );
    expect(rows).toHaveLength(total);
    expect(rows.filter((r) => r.effects !== 1)).toEqual([]);
    const deliveries = consumer.lines.filter((l) => l.startsWith('applied') || l.startsWith('skipped')).length;
    expect(deliveries).toBeGreaterThanOrEqual(total);
  });

  it('a consumer killed between its effect and the offset commit produces no second effect', async () => {
    const service = `svc${randomUUID().slice(0, 8)}`;
    const topic = `${service}.events`;
    const envelopes = Array.from({ length: 60 }, (_, i) => ({
      specversion: '1.0' as const,
      id: randomUUID(),
      source: '/test',
      type: 'test.OrderNoted',
      subject: `order-${i % 3}`,
      time: new Date().toISOString(),
      datacontenttype: 'application/json' as const,
      dataversion: 1,
      data: { i },
    }));
    await bus.publish(topic, envelopes);

    const crashing = startProcess('inbox-consumer.mjs', [database.url, brokers.join(','), topic, `g-${service}`, '25']);
    expect(await crashing.exited).toBe('SIGKILL');
    expect(crashing.lines.filter((l) => l.startsWith('applied'))).toHaveLength(25);

    const restarted = startProcess('inbox-consumer.mjs', [database.url, brokers.join(','), topic, `g-${service}`, '0']);
    const ids = envelopes.map((e) => e.id);
    const count = async () =>
      Number((await pool.query('SELECT count(*) FROM effects WHERE event_id = ANY($1)', [ids])).rows[0].count);
    await waitFor('all effects', async () => (await count()) >= 60);
    // A fixed wait on purpose: "no second effect" has no event to wait for. The restarted
    // consumer gets again what the killed one had not committed; half a second lets those
    // redeliveries reach the inbox so that a duplicate effect, if one slipped through, is counted.
    await new Promise((r) => setTimeout(r, 500));
    await stopProcess(restarted);

    const { rows } = await pool.query(
      'SELECT event_id, count(*)::int AS n FROM effects WHERE event_id = ANY($1) GROUP BY event_id',
      [ids],
    );
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // The message in hand when it died came again and the inbox turned it away.
    expect(restarted.lines.some((l) => l.startsWith('skipped'))).toBe(true);
  });
});
