import { EventEmitter } from 'node:events';
import pg from 'pg';
import { EventStoreError, InvalidAppendError, WrongExpectedVersionError } from '../errors.js';
import {
  streamCategory,
  type AllFilter,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionItem,
} from '../event-store.js';
import {
  DEFAULT_MAX_EVENT_BYTES,
  prepareEvents,
  validateExpectedRevision,
  validateStreamName,
  type PreparedEvent,
} from '../validation.js';
import { advisoryLockKey } from './advisory-lock.js';
import { applyMigrations } from './migrations.js';
import { migrations } from './schema.js';

export interface PostgresEventStoreOptions {
  /** Used when no pool is given. */
  connectionString?: string;
  /** A pool owned by the caller; `close()` then leaves it open. */
  pool?: pg.Pool;
  /** Schema holding this store's tables; one per service. Default `event_store`. */
  schema?: string;
  maxEventBytes?: number;
  /** Most appends written in one transaction. Default 500. */
  maxBatchSize?: number;
  /** Batches in flight at once. Default 1: batches serialise on the position lock anyway, so one in flight gathers the largest groups. */
  maxInflightBatches?: number;
  /** Subscriptions poll this often when no notification arrives. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Events a subscription reads per query. Default 500. */
  subscriptionBatchSize?: number;
}

interface PendingAppend {
  streamName: string;
  expected: ExpectedRevision;
  events: PreparedEvent[];
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface BatchResult {
  ok: boolean;
  rev?: number | string;
  pos?: number | string;
  error?: 'wrong_expected_version' | 'duplicate_event_id';
  actual?: number | string | null;
}

interface EventRow {
  global_position: string;
  stream_name: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;
const COLUMNS = 'global_position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_at';

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.event_type,
  data: row.data,
  metadata: row.metadata,
  streamName: row.stream_name,
  revision: BigInt(row.stream_revision),
  globalPosition: BigInt(row.global_position),
  recordedAt: row.recorded_at.toISOString(),
});

const expectedText = (expected: ExpectedRevision): string =>
  typeof expected === 'bigint' ? expected.toString() : expected;

/**
 * The event store on PostgreSQL. Appends are queued and written in groups by one database
 * function; positions are allocated in commit order so subscriptions never skip an event.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: pg.Pool;
  private readonly ownsPool: boolean;
  private readonly schema: string;
  private readonly quoted: string;
  private readonly maxEventBytes: number;
  private readonly maxBatchSize: number;
  private readonly maxInflight: number;
  private readonly pollIntervalMs: number;
  private readonly subscriptionBatchSize: number;
  private readonly queue: PendingAppend[] = [];
  private inflight = 0;
  private closed = false;
  private readonly notifications = new EventEmitter();
  private listener?: Promise<pg.Client | undefined>;
  private readonly subscriptions = new Set<PgSubscription>();
  private notificationCount = 0;

  private constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'event_store';
    if (!SCHEMA_NAME.test(this.schema)) throw new InvalidAppendError('schema', 'must be a lower-case identifier');
    this.quoted = `"${this.schema}"`;
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      this.pool = new pg.Pool({ connectionString: options.connectionString, max: 10 });
      this.ownsPool = true;
    }
    this.pool.on('error', () => undefined); // idle-client errors surface on the next query instead
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.maxInflight = options.maxInflightBatches ?? 1;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.subscriptionBatchSize = options.subscriptionBatchSize ?? 500;
    this.notifications.setMaxListeners(0);
  }

  /** Connects and applies pending migrations (safe to run from many processes at once). */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const lockKey = advisoryLockKey(`adal:append:${this.schema}`);
    await applyMigrations(this.pool, {
      schema: this.schema,
      lockName: `adal:migrate:${this.schema}`,
      migrations: migrations.map((m) => ({ version: m.version, name: m.name, sql: m.sql(this.quoted, lockKey) })),
    });
  }

  appendToStream(streamName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      if (this.closed) throw new EventStoreError('The event store is closed');
      const pending = {
        streamName: validateStreamName(streamName),
        expected: validateExpectedRevision(options.expectedRevision),
        events: prepareEvents(events, this.maxEventBytes),
      };
      return new Promise<AppendResult>((resolve, reject) => {
        this.queue.push({ ...pending, resolve, reject });
        this.scheduleFlush();
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private flushScheduled = false;

  /**
   * Gathers first, then flushes: callers whose previous append just resolved enqueue their next
   * one in the same turn of the event loop, so waiting one `setImmediate` turns a trickle of
   * one-append batches into one batch of all of them.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inflight < this.maxInflight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatchSize);
      this.inflight++;
      void this.writeBatch(batch).finally(() => {
        this.inflight--;
        this.scheduleFlush();
      });
    }
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    let results: BatchResult[];
    try {
      results = await this.runBatch(batch);
    } catch (error) {
      // One append must not fail its neighbours: retry them one by one to find the culprit.
      if (batch.length > 1) {
        for (const item of batch) await this.writeBatch([item]);
      } else {
        batch[0]?.reject(error);
      }
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (!result) item.reject(new EventStoreError('append_batch returned fewer results than appends'));
      else if (result.ok) {
        item.resolve({ nextExpectedRevision: BigInt(result.rev!), globalPosition: BigInt(result.pos!) });
      } else if (result.error === 'wrong_expected_version') {
        const actual = result.actual === null || result.actual === undefined ? 'no_stream' : BigInt(result.actual);
        item.reject(new WrongExpectedVersionError(item.streamName, item.expected, actual));
      } else {
        item.reject(
          new InvalidAppendError('events[].id', 'some of these event ids were already appended with other events'),
        );
      }
    });
  }

  private async runBatch(batch: PendingAppend[]): Promise<BatchResult[]> {
    // Built by hand so each event's JSON is serialised exactly once (in prepareEvents).
    const json =
      '[' +
      batch
        .map(
          (item) =>
            `{"s":${JSON.stringify(item.streamName)},"c":${JSON.stringify(streamCategory(item.streamName))},` +
            `"e":"${expectedText(item.expected)}","ev":[` +
            item.events
              .map((e) => `{"id":"${e.id}","t":${JSON.stringify(e.type)},"d":${e.data},"m":${e.metadata}}`)
              .join(',') +
            ']}',
        )
        .join(',') +
      ']';
    const { rows } = await this.pool.query<{ r: BatchResult[] }>(
      `SELECT ${this.quoted}.append_batch($1::jsonb) AS r`,
      [json],
    );
    return rows[0]!.r;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateStreamName(streamName);
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount ?? null;
    const params: unknown[] = [streamName, limit];
    let where = 'stream_name = $1';
    if (options.fromRevision !== undefined) {
      params.push(options.fromRevision.toString());
      where += backwards ? ' AND stream_revision <= $3' : ' AND stream_revision >= $3';
    }
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.quoted}.events WHERE ${where}
       ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $2`,
      params,
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const params: unknown[] = [(options.after ?? 0n).toString(), options.maxCount ?? null];
    let where = 'global_position > $1';
    const { categories, eventTypes } = options.filter ?? {};
    if (categories?.length) {
      params.push(categories);
      where += ` AND category = ANY($${params.length}::text[])`;
    }
    if (eventTypes?.length) {
      params.push(eventTypes);
      where += ` AND event_type = ANY($${params.length}::text[])`;
    }
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.quoted}.events WHERE ${where} ORDER BY global_position LIMIT $2`,
      params,
    );
    return rows.map(toRecorded);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    if (this.closed) throw new EventStoreError('The event store is closed');
    void this.listen();
    const subscription = new PgSubscription(this, options, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** @internal used by subscriptions */
  readonly internals = {
    read: (after: bigint, filter: AllFilter | undefined) =>
      this.readAll({ after, maxCount: this.subscriptionBatchSize, ...(filter ? { filter } : {}) }),
    batchSize: () => this.subscriptionBatchSize,
    /** Counts notifications, so a reader can tell whether one arrived while it was reading. */
    notifications: () => this.notificationCount,
    /** Resolves at the next append notification after `seen`, an abort, or the poll interval. */
    waitForAppend: (signal: AbortSignal, seen: number) =>
      new Promise<void>((resolve) => {
        if (this.notificationCount !== seen) return resolve();
        const done = () => {
          clearTimeout(timer);
          this.notifications.off('append', done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, this.pollIntervalMs);
        this.notifications.once('append', done);
        signal.addEventListener('abort', done, { once: true });
      }),
  };

  /** One LISTEN connection per store wakes every live subscription. */
  private listen(): Promise<pg.Client | undefined> {
    this.listener ??= (async () => {
      const options = this.pool.options as pg.ClientConfig;
      const client = new pg.Client(options);
      client.on('error', () => {
        // A lost LISTEN connection only slows subscribers down to polling; retry on next subscribe.
        this.listener = undefined;
      });
      client.on('notification', () => {
        this.notificationCount++;
        this.notifications.emit('append');
      });
      try {
        await client.connect();
        await client.query(`LISTEN "${this.schema}_events"`);
        return client;
      } catch {
        this.listener = undefined;
        await client.end().catch(() => undefined);
        return undefined;
      }
    })();
    return this.listener;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    while (this.inflight > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    const listener = await this.listener;
    await listener?.end().catch(() => undefined);
    if (this.ownsPool) await this.pool.end();
  }
}

class PgSubscription implements Subscription {
  private readonly abort = new AbortController();
  private running?: Promise<void>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: SubscribeOptions,
    private readonly onStop: () => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    let position = this.options.after ?? 0n;
    let caughtUp = false;
    const { read, batchSize, waitForAppend, notifications } = this.store.internals;
    let release!: () => void;
    this.running = new Promise((r) => (release = r));
    try {
      while (!this.abort.signal.aborted) {
        // Taken before reading: a notification that lands during the read is not slept through.
        const seen = notifications();
        const events = await read(position, this.options.filter);
        for (const event of events) {
          if (this.abort.signal.aborted) return;
          yield { kind: 'event', event };
          position = event.globalPosition;
        }
        if (events.length < batchSize()) {
          if (!caughtUp) {
            caughtUp = true;
            yield { kind: 'caughtUp', position };
          }
          if (!this.abort.signal.aborted) await waitForAppend(this.abort.signal, seen);
        }
      }
    } finally {
      release();
      this.onStop();
    }
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.onStop();
  }
}
