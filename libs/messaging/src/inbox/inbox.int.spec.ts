import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { Inbox } from './inbox.js';

describe('Inbox', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let inbox: Inbox;
  beforeAll(async () => {
    database = await createTestDatabase('inbox');
    pool = new pg.Pool({ connectionString: database.url });
    inbox = await Inbox.create(pool);
    await pool.query('CREATE TABLE effects (event_id text NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });
  const effects = async (id: string) =>
    Number((await pool.query('SELECT count(*) FROM effects WHERE event_id = $1', [id])).rows[0].count);

  it('applies an event once even when it is delivered concurrently and again later', async () => {
    const effect = (id: string) => (tx: pg.PoolClient) => tx.query('INSERT INTO effects VALUES ($1)', [id]).then(() => undefined);
    const results = await Promise.all(Array.from({ length: 5 }, () => inbox.handleOnce('c1', 'e-1', effect('e-1'))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await inbox.handleOnce('c1', 'e-1', effect('e-1'))).toBe(false);
    expect(await effects('e-1')).toBe(1);
    expect(await inbox.wasHandled('c1', 'e-1')).toBe(true);
    // Another consumer has its own record.
    expect(await inbox.handleOnce('c2', 'e-1', async () => undefined)).toBe(true);
  });

  it('records nothing when the effect fails, so the redelivery applies it', async () => {
    await expect(inbox.handleOnce('c1', 'e-2', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await inbox.wasHandled('c1', 'e-2')).toBe(false);
    expect(await inbox.handleOnce('c1', 'e-2', (tx) => tx.query("INSERT INTO effects VALUES ('e-2')").then(() => undefined))).toBe(true);
    expect(await effects('e-2')).toBe(1);
  });

  it('in batches, applies only the ids not yet handled', async () => {
    await inbox.handleOnce('c3', 'b-2', async () => undefined);
    const fresh = await inbox.handleBatchOnce('c3', ['b-1', 'b-2', 'b-3', 'b-1'], async (tx, ids) => {
      await tx.query('INSERT INTO effects SELECT unnest($1::text[])', [[...ids]]);
    });
    expect([...fresh].sort()).toEqual(['b-1', 'b-3']);
    expect(await effects('b-2')).toBe(0);
    const again = await inbox.handleBatchOnce('c3', ['b-1', 'b-3'], async () => {
      throw new Error('must not run');
    });
    expect(again.size).toBe(0);
  });
});
