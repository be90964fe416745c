import type { IntegrationEnvelope } from '@adal/contracts';
import { advisoryLockKey, type EventStore, type RecordedEvent } from '@adal/event-store';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';

/** A read model fed by integration events. Handlers must only touch the projection's tables. */
export interface Projection {
  name: string;
  /** Schema-qualified tables this projection owns; emptied on rebuild. */
  tables: readonly string[];
  /** Envelope types it reacts to; others are acknowledged and ignored. */
  handles: readonly string[];
  apply(em: EntityManager, envelope: IntegrationEnvelope): Promise<void>;
  /**
   * Optional: loads, in one query, the rows a batch is about to touch, so `apply` finds them
   * without a query (and without MikroORM flushing before each one).
   */
  prefetch?(em: EntityManager, envelopes: readonly IntegrationEnvelope[]): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/**
 * Applies integration events to MikroORM read models exactly once: the event id goes into the
 * projection's inbox in the same transaction as the read-model change, so a redelivered event
 * (Kafka is at least once) has no second effect. A rebuild replays the service's own event
 * store from position zero, keeping its checkpoint in the same transaction as each batch.
 */
export class ProjectionRunner {
  private constructor(
    private readonly orm: MikroORM,
    private readonly schema: string,
  ) {}

  static async create(orm: MikroORM, options: { schema: string }): Promise<ProjectionRunner> {
    if (!SCHEMA_NAME.test(options.schema)) throw new Error(`schema "${options.schema}" must be a lower-case identifier`);
    const runner = new ProjectionRunner(orm, options.schema);
    const s = `"${options.schema}"`;
    // A transaction-scoped lock: a pooled connection can never keep it after we are done.
    await orm.em.fork().transactional(async (em) => {
      await em.execute(`SELECT pg_advisory_xact_lock(${advisoryLockKey(`adal:projections-ddl:${options.schema}`)})`);
      await em.execute(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await em.execute(
        `CREATE TABLE IF NOT EXISTS ${s}.projection_inbox (
           projection text NOT NULL, event_id text NOT NULL, handled_at timestamptz NOT NULL DEFAULT now(),
           PRIMARY KEY (projection, event_id))`,
      );
      await em.execute(
        `CREATE TABLE IF NOT EXISTS ${s}.projection_checkpoints (
           projection text PRIMARY KEY, position bigint, last_event_id text, last_event_time timestamptz,
           updated_at timestamptz NOT NULL DEFAULT now())`,
      );
    });
    return runner;
  }

  /** Applies one envelope; returns false when it was already applied (or not handled). */
  async project(projection: Projection, envelope: IntegrationEnvelope): Promise<boolean> {
    if (!projection.handles.includes(envelope.type)) return false;
    return this.orm.em.fork().transactional(async (em) => {
      // Shared with other live writers, exclusive with a rebuild of the same projection.
      await em.execute(`SELECT pg_advisory_xact_lock_shared(${advisoryLockKey(`adal:projection:${projection.name}`)})`);
      const inserted = await em.execute<{ affectedRows?: number; rows?: unknown[] }>(
        `INSERT INTO "${this.schema}".projection_inbox (projection, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1`,
        [projection.name, envelope.id],
        'all',
      );
      if ((inserted as unknown as unknown[]).length === 0) return false;
      await projection.apply(em, envelope);
      await em.flush();
      await em.execute(
        `INSERT INTO "${this.schema}".projection_checkpoints (projection, last_event_id, last_event_time) VALUES (?, ?, ?)
         ON CONFLICT (projection) DO UPDATE SET last_event_id = EXCLUDED.last_event_id,
           last_event_time = EXCLUDED.last_event_time, updated_at = now()`,
        [projection.name, envelope.id, envelope.time],
      );
      return true;
    });
  }

  /**
   * Applies a batch of envelopes (in delivery order) to several projections in ONE transaction:
   * one inbox insert per projection, one flush, one checkpoint. Envelopes already applied are
   * skipped. Returns how many (projection, envelope) pairs were applied.
   */
  async projectBatch(
    projections: readonly Projection[],
    envelopes: readonly IntegrationEnvelope[],
    options: { source?: string } = {},
  ): Promise<number> {
    // One checkpoint row per projection and source (e.g. a Kafka partition), so concurrent
    // batches from different partitions never wait on each other's checkpoint row.
    const checkpointOf = (projection: Projection) => (options.source ? `${projection.name}@${options.source}` : projection.name);
    if (envelopes.length === 0) return 0;
    return this.orm.em.fork().transactional(async (em) => {
      let applied = 0;
      for (const projection of projections) {
        const mine = envelopes.filter((e) => projection.handles.includes(e.type));
        if (mine.length === 0) continue;
        await em.execute(`SELECT pg_advisory_xact_lock_shared(${advisoryLockKey(`adal:projection:${projection.name}`)})`);
        const rows = await em.execute<Array<{ event_id: string }>>(
          `INSERT INTO "${this.schema}".projection_inbox (projection, event_id)
           SELECT ?, jsonb_array_elements_text(?::jsonb) ON CONFLICT DO NOTHING RETURNING event_id`,
          [projection.name, JSON.stringify([...new Set(mine.map((e) => e.id))])],
          'all',
        );
        const fresh = new Set((rows as unknown as Array<{ event_id: string }>).map((r) => r.event_id));
        await projection.prefetch?.(em, mine.filter((e) => fresh.has(e.id)));
        for (const envelope of mine) {
          if (!fresh.delete(envelope.id)) continue; // applied before, or a duplicate in this batch
          await projection.apply(em, envelope);
          applied++;
        }
        const last = mine[mine.length - 1]!;
        await em.execute(
          `INSERT INTO "${this.schema}".projection_checkpoints (projection, last_event_id, last_event_time) VALUES (?, ?, ?)
           ON CONFLICT (projection) DO UPDATE SET last_event_id = EXCLUDED.last_event_id,
             last_event_time = EXCLUDED.last_event_time, updated_at = now()`,
          [checkpointOf(projection), last.id, last.time],
        );
      }
      await em.flush();
      return applied;
    });
  }

  /**
   * Rebuilds a projection from zero: empties its tables and inbox, then replays every stored
   * event the mapper turns into an envelope, reading `batchSize` at a time. It all happens in one
   * transaction, so readers keep seeing the old read model until the new one is complete, and the
   * checkpoint commits with the rows it describes.
   */
  async rebuild(
    projection: Projection,
    store: EventStore,
    toEnvelope: (event: RecordedEvent) => IntegrationEnvelope | null,
    options: { batchSize?: number } = {},
  ): Promise<{ applied: number; position: bigint }> {
    const batchSize = options.batchSize ?? 500;
    const lock = this.orm.em.fork();
    const key = advisoryLockKey(`adal:projection:${projection.name}`);
    let applied = 0;
    let position = 0n;
    await lock.transactional(async (em) => {
      // Held for the whole rebuild: live events wait, then find their ids in the fresh inbox.
      await em.execute(`SELECT pg_advisory_xact_lock(${key})`);
      for (const table of projection.tables) await em.execute(`TRUNCATE ${table}`);
      await em.execute(`DELETE FROM "${this.schema}".projection_inbox WHERE projection = ?`, [projection.name]);
      for (;;) {
        const page = await store.readAll({ after: position, maxCount: batchSize });
        if (page.length === 0) break;
        for (const event of page) {
          const envelope = toEnvelope(event);
          if (!envelope || !projection.handles.includes(envelope.type)) continue;
          await em.execute(
            `INSERT INTO "${this.schema}".projection_inbox (projection, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
            [projection.name, envelope.id],
          );
          await projection.apply(em, envelope);
          applied++;
        }
        await em.flush();
        position = page[page.length - 1]!.globalPosition;
        await em.execute(
          `INSERT INTO "${this.schema}".projection_checkpoints (projection, position) VALUES (?, ?)
           ON CONFLICT (projection) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
          [projection.name, position.toString()],
        );
      }
    });
    return { applied, position };
  }
}
