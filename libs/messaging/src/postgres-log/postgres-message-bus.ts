import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { ContractRegistry, IntegrationEnvelope } from '@adal/contracts';
import { advisoryLockKey, applyMigrations } from '@adal/event-store';
import {
  deliverBatch,
  deliverMessage,
  encodeForPublish,
  InvalidPublishError,
  jsonMessagingLogger,
  MessageBusError,
  resolveConsumerOptions,
  sleep,
  topicProblems,
  type ConsumerOptions,
  type MessageBus,
  type MessagingLogger,
  type MessagingLogLevel,
  type OutgoingMessage,
  type ReceivedMessage,
  type ResolvedConsumerOptions,
  type RunningConsumer,
} from '../message-bus.js';
import { logMigrations } from './schema.js';

export interface PostgresMessageBusOptions {
  /** Used when no pool is given. */
  connectionString?: string;
  /** A pool owned by the caller; `close()` then leaves it open. */
  pool?: pg.Pool;
  /** Schema holding the log. Default `message_bus`. */
  schema?: string;
  /** When given, `publish` also refuses envelopes their contract would not accept. */
  contracts?: ContractRegistry;
  /** Default `warn` (or `MESSAGING_LOG_LEVEL`). */
  logLevel?: MessagingLogLevel;
  logger?: MessagingLogger;
  /** Consumers poll this often when no notification arrives. Default 1000 ms. */
  pollIntervalMs?: number;
  /** A standby member tries to take over its (group, topic) this often. Default 1000 ms. */
  standbyPollMs?: number;
  /** Messages a consumer reads per query. Default 200; an `onBatch` consumer reads `maxBatchSize`. */
  batchSize?: number;
  /** Largest message `publish` accepts, as on Kafka. Default 1,000,000 bytes. */
  maxMessageBytes?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/** A stable signed 32-bit key (first half of `pg_advisory_xact_lock(int, int)`). */
const int4KeyOf = (text: string): number => Number(BigInt.asIntN(32, BigInt(advisoryLockKey(text))));

interface MessageRow {
  /** The offset as text (an alias of its own: ordering must stay numeric). */
  position: string;
  key: string | null;
  headers: Record<string, unknown> | null;
  value: string | null;
}

const stringHeaders = (headers: Record<string, unknown> | null): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
};

/**
 * The message bus as a log in PostgreSQL, for running without Kafka (`npm start` with no
 * `KAFKA_BROKERS`). Same semantics as Kafka with one partition per topic: offsets per topic
 * in commit order, consumer groups with committed offsets, one active member per
 * (group, topic) at a time (a session advisory lock; the others stand by), LISTEN/NOTIFY to
 * wake consumers plus polling, retries with backoff and a dead-letter topic.
 */
export class PostgresMessageBus implements MessageBus {
  /** @internal */ readonly pool: pg.Pool;
  /** @internal */ readonly logger: MessagingLogger;
  /** @internal */ readonly quoted: string;
  /** @internal */ readonly schema: string;
  /** @internal */ readonly settings: { pollIntervalMs: number; standbyPollMs: number; batchSize: number };
  private readonly ownsPool: boolean;
  private readonly contracts?: ContractRegistry;
  private readonly maxMessageBytes?: number;
  private readonly channel: string;
  private readonly notifications = new EventEmitter();
  private readonly notified = new Map<string, number>();
  private listener?: Promise<pg.Client | undefined>;
  private readonly consumers = new Set<PgConsumer>();
  private closed = false;

  private constructor(options: PostgresMessageBusOptions) {
    this.schema = options.schema ?? 'message_bus';
    if (!SCHEMA_NAME.test(this.schema)) throw new MessageBusError('schema: must be a lower-case identifier');
    this.quoted = `"${this.schema}"`;
    this.channel = `${this.schema}_messages`;
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      if (!options.connectionString) throw new MessageBusError('PostgresMessageBus: give a connectionString or a pool');
      this.pool = new pg.Pool({ connectionString: options.connectionString, max: 10 });
      this.ownsPool = true;
    }
    this.pool.on('error', () => undefined); // idle-client errors surface on the next query instead
    this.logger = options.logger ?? jsonMessagingLogger(options.logLevel);
    this.contracts = options.contracts;
    this.maxMessageBytes = options.maxMessageBytes;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      standbyPollMs: options.standbyPollMs ?? 1000,
      batchSize: options.batchSize ?? 200,
    };
    this.notifications.setMaxListeners(0);
  }

  /** Connects and applies pending migrations (safe to run from many processes at once). */
  static async create(options: PostgresMessageBusOptions): Promise<PostgresMessageBus> {
    const bus = new PostgresMessageBus(options);
    try {
      await bus.migrate();
    } catch (error) {
      await bus.close();
      throw error;
    }
    return bus;
  }

  private async migrate(): Promise<void> {
    const lockNamespace = int4KeyOf(`adal:bus:${this.schema}`);
    await applyMigrations(this.pool, {
      schema: this.schema,
      lockName: `adal:migrate:${this.schema}`,
      migrations: logMigrations.map((m) => ({
        version: m.version,
        name: m.name,
        sql: m.sql(this.quoted, this.channel, lockNamespace),
      })),
    });
  }

  async publish(topic: string, envelopes: readonly IntegrationEnvelope[]): Promise<void> {
    this.assertOpen();
    const messages = encodeForPublish(topic, envelopes, {
      contracts: this.contracts,
      maxMessageBytes: this.maxMessageBytes,
    });
    if (messages.length) await this.append(topic, messages);
  }

  /** Writes messages exactly as given (no envelope checks): dead letters, replays, tests. */
  async publishRaw(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const problems = topicProblems(topic);
    if (problems.length) throw new InvalidPublishError(problems);
    if (messages.length) await this.append(topic, messages);
  }

  /** @internal one transaction, one statement: all of the call or nothing. */
  async append(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    await this.pool.query(`SELECT ${this.quoted}.publish($1, $2::text[], $3::jsonb[], $4::text[])`, [
      topic,
      messages.map((m) => m.key),
      messages.map((m) => JSON.stringify(m.headers)),
      messages.map((m) => m.value),
    ]);
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    this.assertOpen();
    const resolved = resolveConsumerOptions(options);
    await this.listen();
    const consumer = new PgConsumer(this, resolved, () => this.consumers.delete(consumer));
    this.consumers.add(consumer);
    return { stop: () => consumer.stop() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    const listener = await this.listener;
    await listener?.end().catch(() => undefined);
    if (this.ownsPool) await this.pool.end();
  }

  /** @internal a client of its own (holds a session lock for as long as it is active). */
  newClient(): pg.Client {
    const client = new pg.Client(this.pool.options as pg.ClientConfig);
    client.on('error', () => undefined); // surfaces on the next query
    return client;
  }

  /** @internal how many notifications arrived for a topic so far. */
  notifiedCount(topic: string): number {
    return this.notified.get(topic) ?? 0;
  }

  /** @internal waits for a notification newer than `seen`, the poll interval, or the signal. */
  async waitForMessages(topic: string, seen: number, signal: AbortSignal): Promise<void> {
    void this.listen();
    if (this.notifiedCount(topic) !== seen || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.notifications.off(topic, done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.settings.pollIntervalMs);
      this.notifications.on(topic, done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** One LISTEN connection per bus wakes every consumer; when it is lost, consumers poll. */
  private listen(): Promise<pg.Client | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    this.listener ??= (async () => {
      const client = new pg.Client(this.pool.options as pg.ClientConfig);
      client.on('error', () => {
        this.listener = undefined;
        void client.end().catch(() => undefined);
      });
      client.on('notification', (n) => {
        const topic = n.payload ?? '';
        this.notified.set(topic, this.notifiedCount(topic) + 1);
        this.notifications.emit(topic);
      });
      try {
        await client.connect();
        await client.query(`LISTEN "${this.channel}"`);
        return client;
      } catch {
        this.listener = undefined;
        await client.end().catch(() => undefined);
        return undefined;
      }
    })();
    return this.listener;
  }

  private assertOpen(): void {
    if (this.closed) throw new MessageBusError('The message bus is closed');
  }
}

/** One group member: a worker per topic, each active only while it holds the (group, topic) lock. */
class PgConsumer {
  private readonly abort = new AbortController();
  private readonly workers: Promise<void>[];
  private stopping?: Promise<void>;

  constructor(
    private readonly bus: PostgresMessageBus,
    private readonly options: ResolvedConsumerOptions,
    private readonly onStopped: () => void,
  ) {
    this.workers = options.topics.map((topic) => this.work(topic));
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.abort.abort();
      await Promise.all(this.workers);
      this.onStopped();
    })();
    return this.stopping;
  }

  private async work(topic: string): Promise<void> {
    const { signal } = this.abort;
    const { quoted, settings, logger } = this.bus;
    const lockKey = advisoryLockKey(`adal:bus:${this.bus.schema}:${this.options.groupId}\u0000${topic}`);
    let failures = 0;
    while (!signal.aborted) {
      const client = this.bus.newClient();
      try {
        await client.connect();
        // Stand by until this member is the one serving (group, topic).
        for (;;) {
          const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [lockKey]);
          if (rows[0]?.ok) break;
          if (!(await sleep(settings.standbyPollMs, signal))) return;
        }
        const committed = await client.query<{ next_offset: string }>(
          `SELECT next_offset FROM ${quoted}.consumer_offsets WHERE group_id = $1 AND topic = $2`,
          [this.options.groupId, topic],
        );
        // A new group starts at the earliest offset.
        let next = BigInt(committed.rows[0]?.next_offset ?? '0');
        logger.log('debug', 'consumer active', { groupId: this.options.groupId, topic, offset: next.toString() });
        const io = {
          deadLetter: (target: string, dead: OutgoingMessage) => this.bus.append(target, [dead]),
          signal,
          logger,
        };
        // Committed on the lock-holding session: a member that lost its lock cannot commit.
        const commit = async (offset: string): Promise<void> => {
          next = BigInt(offset) + 1n;
          await client.query(
            `INSERT INTO ${quoted}.consumer_offsets (group_id, topic, next_offset) VALUES ($1, $2, $3)
             ON CONFLICT (group_id, topic) DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()`,
            [this.options.groupId, topic, next.toString()],
          );
          failures = 0;
        };
        const limit = this.options.onBatch ? this.options.maxBatchSize : settings.batchSize;
        while (!signal.aborted) {
          const seen = this.bus.notifiedCount(topic);
          const { rows } = await client.query<MessageRow>(
            `SELECT "offset"::text AS position, key, headers, value FROM ${quoted}.messages
              WHERE topic = $1 AND "offset" >= $2 ORDER BY "offset" LIMIT $3`,
            [topic, next.toString(), limit],
          );
          const messages = rows.map((row): ReceivedMessage => ({
            topic,
            partition: 0,
            offset: row.position,
            key: row.key,
            value: row.value,
            headers: stringHeaders(row.headers),
          }));
          if (this.options.onBatch) {
            // One commit for the whole batch, once it is handled (a prefix if stop() interrupted it).
            if (messages.length && !signal.aborted) {
              const { acknowledged } = await deliverBatch(messages, this.options, io);
              if (acknowledged > 0) await commit(messages[acknowledged - 1]!.offset);
            }
          } else {
            for (const message of messages) {
              if (signal.aborted) break;
              const outcome = await deliverMessage(message, this.options, io);
              if (outcome === 'interrupted') break;
              await commit(message.offset);
            }
          }
          if (rows.length < limit) await this.bus.waitForMessages(topic, seen, signal);
        }
      } catch (error) {
        failures++;
        logger.log(failures > 3 ? 'error' : 'warn', 'consumer lost its connection; reconnecting', {
          groupId: this.options.groupId,
          topic,
          error,
        });
        await sleep(Math.min(250 * 2 ** Math.min(failures, 7), 30_000), signal);
      } finally {
        // Ending the session releases the (group, topic) lock for a standby member.
        await client.end().catch(() => undefined);
      }
    }
  }
}
