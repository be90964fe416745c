/**
 * The official directory with display names. Names are personal data, so they never travel in
 * integration events; this read model follows the service's OWN event store instead: the stored
 * `OfficialRegistered` events of `schedule-*` streams.
 *
 * Each event is written in one transaction with the checkpoint (its global position, row
 * `official-directory` of `appointments_read.projection_checkpoints`). An event at or below the
 * checkpoint is skipped, so replicas following the same store, a restart after a crash between
 * the write and the iterator, or a concurrent rebuild never apply one twice or move the
 * checkpoint back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, RecordedEvent, Subscription } from '@adal/event-store';
import { ProjectionRunner } from '@adal/read-models';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { LocalizedText, OfficialProfile } from '../domain/index.js';
import { OfficialDirectoryView, READ_SCHEMA, qualified } from './entities.js';
import { advisoryLockKey } from './orm.js';

export const DIRECTORY_PROJECTION = 'official-directory';
const FILTER = { categories: ['schedule'], eventTypes: ['OfficialRegistered'] } as const;
const CHECKPOINTS = qualified('projection_checkpoints');

export interface DirectoryFeedLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface DirectoryFeedOptions {
  /** Wait before re-subscribing after an error. Default 1000 ms. */
  retryDelayMs?: number;
  logger?: DirectoryFeedLogger;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The name as stored, or null when it is not readable any more (e.g. erased). */
const displayNameOf = (value: unknown): LocalizedText | null => {
  const name = value as Partial<LocalizedText> | null | undefined;
  return name && isText(name.kk) && isText(name.ru) && isText(name.en) ? { kk: name.kk, ru: name.ru, en: name.en } : null;
};

export class DirectoryFeed {
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private abort = new AbortController();
  private caughtUp = false;
  private readonly waiters = new Set<() => void>();
  private readonly lockKey = advisoryLockKey(`adal:projection:${DIRECTORY_PROJECTION}`);

  private constructor(
    private readonly orm: MikroORM,
    private readonly store: EventStore,
    private readonly options: DirectoryFeedOptions,
  ) {}

  /** Makes sure the checkpoint table exists (it is the projection runner's) and builds the feed. */
  static async create(orm: MikroORM, store: EventStore, options: DirectoryFeedOptions = {}): Promise<DirectoryFeed> {
    await ProjectionRunner.create(orm, { schema: READ_SCHEMA });
    return new DirectoryFeed(orm, store, options);
  }

  /** The global position of the last event applied (0 before any). */
  async checkpoint(em: EntityManager = this.orm.em.fork()): Promise<bigint> {
    const rows = await em.execute<Array<{ position: string | null }>>(
      `SELECT position FROM ${CHECKPOINTS} WHERE projection = ?`,
      [DIRECTORY_PROJECTION],
    );
    return BigInt(rows[0]?.position ?? 0);
  }

  /** Starts following the store from the checkpoint, in the background. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.abort = new AbortController();
    this.loop = this.follow();
  }

  /** Stops following; resolves once the event in hand is done (and releases `whenCaughtUp` waiters). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.subscription?.stop();
    await this.loop;
    this.loop = undefined;
    this.subscription = undefined;
    for (const wake of this.waiters) wake();
  }

  /** Resolves once the feed has applied everything that was in the store when it subscribed. */
  async whenCaughtUp(timeoutMs = 30_000): Promise<void> {
    if (this.caughtUp) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        reject(new Error(`official directory not caught up after ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
    });
  }

  /** Applies one stored event (exactly once, by global position). Returns false when skipped. */
  async apply(event: RecordedEvent): Promise<boolean> {
    if (event.type !== 'OfficialRegistered' || !event.streamName.startsWith('schedule-')) return false;
    return this.orm.em.fork().transactional(async (em) => {
      await em.execute(`SELECT pg_advisory_xact_lock_shared(${this.lockKey})`);
      await em.execute(
        `INSERT INTO ${CHECKPOINTS} (projection, position) VALUES (?, 0) ON CONFLICT (projection) DO NOTHING`,
        [DIRECTORY_PROJECTION],
      );
      const rows = await em.execute<Array<{ position: string | null }>>(
        `SELECT position FROM ${CHECKPOINTS} WHERE projection = ? FOR UPDATE`,
        [DIRECTORY_PROJECTION],
      );
      if (BigInt(rows[0]?.position ?? 0) >= event.globalPosition) return false;
      await this.write(em, event);
      await em.flush();
      await this.saveCheckpoint(em, event);
      return true;
    });
  }

  /**
   * Empties the directory and reads every `OfficialRegistered` again, in one transaction with the
   * checkpoint; live writes wait for it (advisory lock) and then skip what it covered.
   */
  async rebuild(options: { batchSize?: number } = {}): Promise<{ applied: number; position: bigint }> {
    const batchSize = options.batchSize ?? 500;
    let applied = 0;
    let position = 0n;
    await this.orm.em.fork().transactional(async (em) => {
      await em.execute(`SELECT pg_advisory_xact_lock(${this.lockKey})`);
      await em.execute(`TRUNCATE ${qualified('official_directory')}`);
      let last: RecordedEvent | undefined;
      for (;;) {
        const page = await this.store.readAll({ after: position, maxCount: batchSize, filter: FILTER });
        if (page.length === 0) break;
        for (const event of page) {
          await this.write(em, event);
          applied++;
        }
        await em.flush();
        last = page[page.length - 1]!;
        position = last.globalPosition;
      }
      await em.execute(
        `INSERT INTO ${CHECKPOINTS} (projection, position, last_event_id, last_event_time) VALUES (?, ?, ?, ?)
         ON CONFLICT (projection) DO UPDATE SET position = EXCLUDED.position, last_event_id = EXCLUDED.last_event_id,
           last_event_time = EXCLUDED.last_event_time, updated_at = now()`,
        [DIRECTORY_PROJECTION, position.toString(), last?.id ?? null, last?.recordedAt ?? null],
      );
    });
    return { applied, position };
  }

  private async write(em: EntityManager, event: RecordedEvent): Promise<void> {
    const data = event.data as Partial<OfficialProfile>;
    if (!isText(data.officialId) || !isText(data.officeId) || !isText(data.rank)) {
      this.options.logger?.warn(`official directory: event ${event.id} has no official; skipped`);
      return;
    }
    const values = { officeId: data.officeId, rank: data.rank, displayName: displayNameOf(data.displayName) };
    const row = await em.findOne(OfficialDirectoryView, { officialId: data.officialId });
    if (row) Object.assign(row, values);
    else em.create(OfficialDirectoryView, { officialId: data.officialId, ...values });
  }

  private async saveCheckpoint(em: EntityManager, event: RecordedEvent): Promise<void> {
    await em.execute(
      `UPDATE ${CHECKPOINTS} SET position = ?, last_event_id = ?, last_event_time = ?, updated_at = now()
       WHERE projection = ?`,
      [event.globalPosition.toString(), event.id, event.recordedAt, DIRECTORY_PROJECTION],
    );
  }

  private markCaughtUp(): void {
    this.caughtUp = true;
    for (const wake of [...this.waiters]) wake();
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }

  private async follow(): Promise<void> {
    const retryDelayMs = this.options.retryDelayMs ?? 1000;
    while (!this.stopping) {
      try {
        const after = await this.checkpoint();
        const subscription = this.store.subscribeToAll({ after, filter: FILTER });
        this.subscription = subscription;
        if (this.stopping) {
          await subscription.stop();
          break;
        }
        for await (const item of subscription) {
          if (item.kind === 'caughtUp') this.markCaughtUp();
          else await this.apply(item.event);
          if (this.stopping) break;
        }
      } catch (error) {
        if (this.stopping) break;
        this.options.logger?.warn(
          `official directory: ${error instanceof Error ? error.message : String(error)}; resubscribing in ${retryDelayMs} ms`,
        );
        await this.pause(retryDelayMs);
      }
      if (!this.stopping) await this.pause(retryDelayMs); // the subscription ended on its own: follow again
    }
  }
}
