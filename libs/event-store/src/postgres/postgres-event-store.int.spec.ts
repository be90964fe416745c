import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { runEventStoreConformance } from '../conformance/index.js';
import { PostgresEventStore } from './postgres-event-store.js';

runEventStoreConformance('PostgreSQL', async () => {
  const database = await createTestDatabase('store_conformance');
  const store = await PostgresEventStore.create({ connectionString: database.url, schema: 'conformance' });
  return {
    store,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL event store: what only PostgreSQL can show', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('store_pg');
    store = await PostgresEventStore.create({ connectionString: database.url, schema: 'svc' });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('migrates idempotently when several processes start at once', async () => {
    const stores = await Promise.all(
      [1, 2, 3].map(() => PostgresEventStore.create({ connectionString: database.url, schema: 'svc' })),
    );
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM svc.schema_migrations');
    await client.end();
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('never lets a subscriber skip an event committed late by a slow transaction', async () => {
    const subscription = store.subscribeToAll({ filter: { categories: ['gap'] } });
    const delivered: bigint[] = [];
    const consuming = (async () => {
      for await (const item of subscription) {
        if (item.kind === 'event') delivered.push(item.event.globalPosition);
        if (delivered.length === 2) break;
      }
    })();

    // A slow writer opens a transaction, appends, and holds it open.
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    await slow.query('BEGIN');
    const batch = JSON.stringify([
      { s: 'gap-slow', c: 'gap', e: 'any', ev: [{ id: '0190a8e0-0000-7000-8000-000000000001', t: 'Slow', d: {}, m: {} }] },
    ]);
    const [slowResult] = (await slow.query('SELECT svc.append_batch($1::jsonb) AS r', [batch])).rows[0].r;

    // A fast writer starts afterwards; it must not be given a position the subscriber could pass.
    const fast = store.appendToStream('gap-fast', [{ type: 'Fast', data: {} }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered).toEqual([]); // nothing visible yet: the fast append waits for the slow one's commit

    await slow.query('COMMIT');
    await slow.end();
    const fastResult = await fast;
    await consuming;
    await subscription.stop();

    expect(BigInt(slowResult.pos)).toBeLessThan(fastResult.globalPosition);
    expect(delivered).toEqual([BigInt(slowResult.pos), fastResult.globalPosition]);
  });

  it('group-commits concurrent appends from one process into shared transactions', async () => {
    // Each row's xmin is the id of the transaction that inserted it, so the number of distinct
    // xmins among the appended rows is the number of transactions that carried them. (Counters
    // such as pg_stat_database.xact_commit are no proof: other backends flush them lazily.)
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const transactionsOf = async (category: string) =>
      Number(
        (await client.query<{ n: string }>('SELECT count(DISTINCT xmin::text) AS n FROM svc.events WHERE category = $1', [category]))
          .rows[0]!.n,
      );
    const appendConcurrently = (target: PostgresEventStore, category: string) =>
      Promise.all(Array.from({ length: 200 }, (_, i) => target.appendToStream(`${category}-${i}`, [{ type: 'E', data: { i } }])));

    await appendConcurrently(store, 'group');
    // Control: the same 200 appends through a store that may not group (one append per
    // transaction) give 200 transactions, so the assertion below fails when grouping is lost.
    const single = await PostgresEventStore.create({ connectionString: database.url, schema: 'svc', maxBatchSize: 1 });
    try {
      await appendConcurrently(single, 'single');
    } finally {
      await single.close();
    }
    const grouped = await transactionsOf('group');
    const ungrouped = await transactionsOf('single');
    await client.end();

    expect(await store.readAll({ filter: { categories: ['group'] } })).toHaveLength(200);
    expect(await store.readAll({ filter: { categories: ['single'] } })).toHaveLength(200);
    expect(ungrouped).toBe(200);
    expect(grouped).toBeLessThan(100);
  });

  it('leaves no partial append when the writing process is killed mid-stream', async () => {
    const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'append-forever.mjs');
    const child = spawn(process.execPath, [writer, database.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let written = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        written += chunk.toString().split('\n').filter(Boolean).length;
        if (written >= 30) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const events = await store.readAll({ filter: { categories: ['killed'] } });
    expect(events.length).toBeGreaterThanOrEqual(30 * 5);
    const byStream = new Map<string, bigint[]>();
    for (const e of events) byStream.set(e.streamName, [...(byStream.get(e.streamName) ?? []), e.revision]);
    for (const [, revisions] of byStream) {
      // Every append wrote 5 events: whole appends only, revisions contiguous from 0.
      expect(revisions.length % 5).toBe(0);
      expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
    }
  });
});
