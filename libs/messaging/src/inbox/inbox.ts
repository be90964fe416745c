import pg from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/**
 * Remembers which integration events a consumer has handled, in the same transaction as the
 * consumer's effect: a redelivered event finds its id already there and has no second effect.
 */
export class Inbox {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
  ) {}

  static async create(pool: pg.Pool, options: { schema?: string } = {}): Promise<Inbox> {
    const schema = options.schema ?? 'inbox';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`inbox schema "${schema}" must be a lower-case identifier`);
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch(ignoreConcurrentCreate);
    await pool
      .query(
        `CREATE TABLE IF NOT EXISTS "${schema}".handled_events (
           consumer   text        NOT NULL,
           event_id   text        NOT NULL,
           handled_at timestamptz NOT NULL DEFAULT now(),
           PRIMARY KEY (consumer, event_id))`,
      )
      .catch(ignoreConcurrentCreate);
    return new Inbox(pool, `"${schema}".handled_events`);
  }

  /**
   * Runs `effect` inside a transaction that also records (consumer, eventId). Returns false,
   * without running the effect, when that event was already handled by this consumer.
   */
  async handleOnce(
    consumer: string,
    eventId: string,
    effect: (tx: pg.PoolClient) => Promise<void>,
  ): Promise<boolean> {
    const tx = await this.pool.connect();
    try {
      await tx.query('BEGIN');
      // A concurrent duplicate blocks here until the first commits, then finds the row.
      const { rowCount } = await tx.query(
        `INSERT INTO ${this.table} (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [consumer, eventId],
      );
      if (rowCount === 0) {
        await tx.query('ROLLBACK');
        return false;
      }
      await effect(tx);
      await tx.query('COMMIT');
      return true;
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  /**
   * The batch form: records every id not yet handled and runs `effect` once, in the same
   * transaction, with just those fresh ids. Returns the fresh ids (empty: nothing to do).
   */
  async handleBatchOnce(
    consumer: string,
    eventIds: readonly string[],
    effect: (tx: pg.PoolClient, freshIds: ReadonlySet<string>) => Promise<void>,
  ): Promise<ReadonlySet<string>> {
    if (eventIds.length === 0) return new Set();
    const tx = await this.pool.connect();
    try {
      await tx.query('BEGIN');
      const { rows } = await tx.query<{ event_id: string }>(
        `INSERT INTO ${this.table} (consumer, event_id) SELECT $1, unnest($2::text[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, [...new Set(eventIds)]],
      );
      const fresh = new Set(rows.map((r) => r.event_id));
      if (fresh.size > 0) await effect(tx, fresh);
      await tx.query('COMMIT');
      return fresh;
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  async wasHandled(consumer: string, eventId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE consumer = $1 AND event_id = $2`, [
      consumer,
      eventId,
    ]);
    return (rowCount ?? 0) > 0;
  }
}

/** Two processes creating the same table at once may race on the catalog; the loser is fine. */
const ignoreConcurrentCreate = (error: { code?: string }) => {
  if (error.code !== '23505' && error.code !== '42P06' && error.code !== '42P07') throw error;
};
