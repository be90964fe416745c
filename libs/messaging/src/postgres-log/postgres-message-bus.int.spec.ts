import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { IntegrationEnvelope } from '@adal/contracts';
import { advisoryLockKey } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { runMessageBusConformance } from '../conformance/index.js';
import type { RunningConsumer } from '../message-bus.js';
import { PostgresMessageBus } from './postgres-message-bus.js';

runMessageBusConformance('PostgreSQL log', async () => {
  const database = await createTestDatabase('bus_conformance');
  const bus = await PostgresMessageBus.create({ connectionString: database.url, logLevel: 'error' });
  return {
    bus,
    publishRaw: (topic, message) => bus.publishRaw(topic, [message]),
    dispose: async () => {
      await bus.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL log: what only PostgreSQL can show', () => {
  let database: TestDatabase;
  let bus: PostgresMessageBus;
  const running: RunningConsumer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('bus_pg');
    bus = await PostgresMessageBus.create({
      connectionString: database.url,
      schema: 'bus',
      logLevel: 'nothing',
      standbyPollMs: 100,
    });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await bus?.close();
    await database?.drop();
  });

  const uniq = () => randomUUID().slice(0, 8);
  const envelope = (n: number, subject = 'thing-1'): IntegrationEnvelope => ({
    specversion: '1.0',
    id: randomUUID(),
    source: '/adal-office/pg-spec',
    type: 'pg.Thing',
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataversion: 1,
    data: { n },
  });
  const waitFor = async (what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const collector = (into: number[], name?: string, log?: string[]) => ({
    'pg.Thing': async (e: IntegrationEnvelope) => {
      into.push((e.data as { n: number }).n);
      if (name) log?.push(name);
    },
  });
  const withClient = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  it('migrates idempotently when several processes start at once', async () => {
    const buses = await Promise.all(
      [1, 2, 3].map(() => PostgresMessageBus.create({ connectionString: database.url, schema: 'bus_many' })),
    );
    await Promise.all(buses.map((b) => b.close()));
    const { rows } = await withClient((c) => c.query('SELECT version FROM bus_many.schema_migrations'));
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('serves a (group, topic) from one member at a time; a standby takes over where it stopped', async () => {
    const topic = `standby-${uniq()}.events`;
    const groupId = `standby-${uniq()}`;
    const seen: number[] = [];
    const who: string[] = [];
    const a = await bus.consume({ groupId, topics: [topic], handlers: collector(seen, 'a', who) });
    running.push(a);
    // a serves the pair once it holds the pair's session advisory lock (the key PgConsumer uses);
    // only then does b start, so b stands by.
    const pairLock = advisoryLockKey(`adal:bus:${bus.schema}:${groupId}\u0000${topic}`);
    await withClient(async (client) => {
      const held = async () =>
        (
          await client.query<{ held: boolean }>(
            `SELECT EXISTS (SELECT FROM pg_locks
                             WHERE locktype = 'advisory' AND granted AND objsubid = 1
                               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                               AND ((classid::bigint << 32) | objid::bigint) = $1::bigint) AS held`,
            [pairLock],
          )
        ).rows[0]!.held;
      const deadline = Date.now() + 10_000;
      while (!(await held())) {
        if (Date.now() > deadline) throw new Error('timed out waiting for a to take the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    running.push(await bus.consume({ groupId, topics: [topic], handlers: collector(seen, 'b', who) }));
    await bus.publish(
      topic,
      [0, 1, 2, 3, 4].map((n) => envelope(n)),
    );
    await waitFor('5 messages', () => seen.length >= 5);
    await new Promise((r) => setTimeout(r, 300));
    expect(new Set(who)).toEqual(new Set(['a']));

    await a.stop();
    await bus.publish(
      topic,
      [5, 6, 7].map((n) => envelope(n)),
    );
    await waitFor('3 more', () => seen.length >= 8);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(who.slice(5)).toEqual(['b', 'b', 'b']);
  });

  it('never lets a consumer skip a message committed late by a slow publisher', async () => {
    const topic = `gap-${uniq()}.events`;
    const seen: number[] = [];
    running.push(await bus.consume({ groupId: `gap-${uniq()}`, topics: [topic], handlers: collector(seen) }));
    await withClient(async (slow) => {
      await slow.query('BEGIN');
      await slow.query(`SELECT bus.publish($1, ARRAY['thing-1'], ARRAY['{}'::jsonb], ARRAY[$2])`, [
        topic,
        JSON.stringify(envelope(1)),
      ]);
      // A later publisher must not get an offset the consumer could pass before the slow one commits.
      const fast = bus.publish(topic, [envelope(2)]);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([]);
      await slow.query('COMMIT');
      await fast;
    });
    await waitFor('both', () => seen.length >= 2);
    expect(seen).toEqual([1, 2]);
    const { rows } = await withClient((c) =>
      c.query(
        `SELECT "offset"::int AS o, value::jsonb->'data'->>'n' AS n FROM bus.messages WHERE topic = $1 ORDER BY 1`,
        [topic],
      ),
    );
    expect(rows).toEqual([
      { o: 0, n: '1' },
      { o: 1, n: '2' },
    ]);
  });

  it('reconnects when its session is killed and loses nothing', async () => {
    const topic = `kill-${uniq()}.events`;
    const groupId = `kill-${uniq()}`;
    const seen: number[] = [];
    running.push(await bus.consume({ groupId, topics: [topic], handlers: collector(seen) }));
    await bus.publish(
      topic,
      [0, 1, 2].map((n) => envelope(n)),
    );
    await waitFor('the first 3', () => seen.length >= 3);

    // Kill the member's session (the one holding the group lock) and the LISTEN session.
    const killed = await withClient(async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND (pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted) OR query ILIKE 'LISTEN%')`,
      );
      return rows[0]!.n;
    });
    expect(killed).toBeGreaterThanOrEqual(1);
    await bus.publish(
      topic,
      [3, 4].map((n) => envelope(n)),
    );
    await waitFor('the 2 published after the kill', () => seen.includes(4));
    expect([...new Set(seen)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(seen.slice(0, 3)).toEqual([0, 1, 2]); // nothing committed was handled twice
  });
});
