/**
 * The budget projection, fed directly from the service's own event store (not from Kafka): a
 * batch fold from a checkpoint kept in `budget_read`, moved in the same transaction as the rows.
 *
 * - Catch-up reads pages of 10 000 events (`SqlLedgerSource`: a narrow scan of the store's
 *   events table), folds each page in memory and writes it with a few set-based upserts.
 * - Live, it follows the store subscription from the checkpoint; whatever arrived while the
 *   previous batch was being written goes into the next batch.
 * - Every write compares-and-sets the checkpoint (row lock): a batch written by someone else
 *   (another replica, a rebuild) makes this one roll back and catch up again. One replica leads
 *   (a session advisory lock); the others only follow the checkpoint for their caches.
 * - `rebuild()` empties the tables and replays from position 0 in ONE transaction, so readers
 *   see the old rows until the new ones are complete.
 */
import { setImmediate as nextTick, setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { advisoryLockKey, type EventStore, type Subscription } from '@adal/event-store';
import { pagesOf, ledgerRowOf, type LedgerEventSource, type LedgerRow } from './event-source.js';
import { LedgerDelta, type LineInfo } from './fold.js';
import {
  emptyReadModel,
  lookupLines,
  readCheckpoint,
  withTransaction,
  writeCheckpoint,
  writeDelta,
  type Checkpoint,
} from './writer.js';
import { READ_SCHEMA } from './entities.js';

export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

export interface BudgetProjectorOptions {
  /** Events per catch-up page and most events per live batch. Default 10 000. */
  pageSize?: number;
  /** A rebuild writes what it folded when this many lines have changed. Default 250 000. */
  rebuildFlushLines?: number;
  /** Pause after a failure before trying again, ms. Default 1 000. */
  retryMs?: number;
  /** How often a replica that does not lead re-reads the checkpoint, ms. Default 1 000. */
  followMs?: number;
  logger?: ProjectorLogger;
}

export interface RebuildResult {
  events: number;
  ledgerEvents: number;
  position: bigint;
  lines: number;
  ms: number;
}

const LEADER_KEY = advisoryLockKey(`adal:projection-leader:${READ_SCHEMA}`);
const REBUILD_KEY = advisoryLockKey(`adal:projection-rebuild:${READ_SCHEMA}`);

const silent: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Most classifications kept in memory (a line's is looked up again from `budget_line` after). */
const KNOWN_LINES_MAX = 2_000_000;

export class BudgetProjector {
  private readonly pageSize: number;
  private readonly rebuildFlushLines: number;
  private readonly retryMs: number;
  private readonly followMs: number;
  private readonly logger: ProjectorLogger;
  private known = new Map<string, LineInfo>();
  private status: Checkpoint = { position: 0n, asOf: null, ledgerEvents: 0n };
  private readonly listeners = new Set<(status: Checkpoint) => void>();
  private running = false;
  private loop?: Promise<void>;
  private subscription?: Subscription;
  private stopController = new AbortController();

  constructor(
    private readonly pool: pg.Pool,
    private readonly source: LedgerEventSource,
    private readonly store: EventStore,
    options: BudgetProjectorOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 10_000;
    this.rebuildFlushLines = options.rebuildFlushLines ?? 250_000;
    this.retryMs = options.retryMs ?? 1_000;
    this.followMs = options.followMs ?? 1_000;
    this.logger = options.logger ?? silent;
  }

  /** Where the projection stands, as last seen by this process. */
  current(): Checkpoint {
    return this.status;
  }

  /** Called whenever the position moves (or goes back, after a rebuild). */
  onChange(listener: (status: Checkpoint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(next: Checkpoint): void {
    const previous = this.status;
    this.status = next;
    if (previous.position !== next.position || previous.asOf !== next.asOf)
      for (const listener of this.listeners) listener(next);
  }

  /** Re-reads the checkpoint (another process may have moved it). */
  async refresh(): Promise<Checkpoint> {
    this.publish(await readCheckpoint(this.pool));
    return this.status;
  }

  /** Resolves once the projection has reached `position` (or rejects after `timeoutMs`). */
  async waitFor(position: bigint, timeoutMs = 30_000): Promise<Checkpoint> {
    const deadline = Date.now() + timeoutMs;
    while (this.status.position < position) {
      if (Date.now() > deadline) throw new Error(`projection did not reach position ${position} in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const off = this.onChange(() => done());
        const timer = setTimeout(() => done(), 50);
        function done() {
          off();
          clearTimeout(timer);
          resolve();
        }
      });
      if (!this.running) await this.refresh();
    }
    return this.status;
  }

  /**
   * Folds the rows and commits them if the checkpoint is still at `after`. Answers false when
   * someone else moved it (nothing written).
   */
  private async commit(after: bigint, rows: readonly LedgerRow[]): Promise<boolean> {
    if (rows.length === 0) return true;
    if (this.known.size > KNOWN_LINES_MAX) this.known = new Map();
    const delta = new LedgerDelta(after, this.known).fold(rows);
    const next = await withTransaction(this.pool, async (client) => {
      const checkpoint = await readCheckpoint(client, true);
      if (checkpoint.position !== after) return undefined;
      const missing = delta.missingLines();
      if (missing.length > 0) delta.resolve(await lookupLines(client, missing));
      await writeDelta(client, delta);
      await writeCheckpoint(client, delta);
      return {
        position: delta.position,
        asOf: delta.maxDate && (!checkpoint.asOf || delta.maxDate > checkpoint.asOf) ? delta.maxDate : checkpoint.asOf,
        ledgerEvents: checkpoint.ledgerEvents + BigInt(delta.ledgerEvents),
      } satisfies Checkpoint;
    });
    if (!next) return false;
    this.publish(next);
    return true;
  }

  /**
   * Projects everything stored after the checkpoint, a page at a time. Answers the position
   * reached, or undefined when another writer moved the checkpoint meanwhile.
   */
  async catchUp(): Promise<bigint | undefined> {
    let position = (await this.refresh()).position;
    for await (const page of pagesOf(this.source, position, this.pageSize)) {
      if (!(await this.commit(position, page))) return undefined;
      position = this.status.position;
      if (this.stopController.signal.aborted) break;
    }
    return position;
  }

  /** Starts following the store in the background (leader only; others follow the checkpoint). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopController = new AbortController();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopController.abort();
    await this.subscription?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let leader: pg.PoolClient | undefined;
      let onLost: ((error: Error) => void) | undefined;
      let broken: Error | undefined;
      try {
        leader = await this.pool.connect();
        const { rows } = await leader.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LEADER_KEY}) AS ok`);
        if (!rows[0]?.ok) {
          leader.release();
          leader = undefined;
          await this.refresh();
          await sleep(this.followMs, undefined, { signal: this.stopController.signal }).catch(() => undefined);
          continue;
        }
        const lost = new Promise<never>((_, reject) => {
          onLost = (error: Error) => {
            broken = error;
            reject(new Error(`lost the leader connection: ${error.message}`));
          };
          leader!.once('error', onLost);
        });
        lost.catch(() => undefined);
        while (this.running) {
          const reached = await Promise.race([this.catchUp(), lost]);
          if (reached === undefined) continue;
          if (await Promise.race([this.follow(reached), lost])) break;
        }
      } catch (error) {
        // Whatever was following must stop before anyone follows again.
        await this.subscription?.stop();
        if (!this.running) break;
        const e = error instanceof Error ? error : new Error(String(error));
        this.logger.error(`budget projection failed, retrying in ${this.retryMs} ms: ${e.message}`, e.stack);
        await sleep(this.retryMs, undefined, { signal: this.stopController.signal }).catch(() => undefined);
      } finally {
        if (leader) {
          if (onLost) leader.off('error', onLost);
          if (!broken) await leader.query(`SELECT pg_advisory_unlock(${LEADER_KEY})`).catch(() => undefined);
          // A broken connection leaves the pool (its session, and so the lock, is gone with it).
          leader.release(broken);
        }
      }
    }
  }

  /**
   * Follows the subscription from `after`, writing whatever has arrived whenever the previous
   * batch is done. Answers true when stopped, false when the checkpoint moved under it.
   */
  private async follow(after: bigint): Promise<boolean> {
    const subscription = this.store.subscribeToAll({ after });
    this.subscription = subscription;
    const queue: LedgerRow[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    let failure: unknown;
    const pump = (async () => {
      try {
        for await (const item of subscription) {
          if (item.kind !== 'event') continue;
          queue.push(ledgerRowOf(item.event));
          wake?.();
        }
      } catch (error) {
        failure = error;
      } finally {
        ended = true;
        wake?.();
      }
    })();
    let position = after;
    try {
      while (this.running) {
        if (queue.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        if (failure) throw failure;
        if (ended && queue.length === 0) return !this.running;
        // Let the subscription hand over the rest of the page it is delivering.
        await nextTick();
        const batch = queue.splice(0, this.pageSize);
        if (!(await this.commit(position, batch))) return false;
        position = this.status.position;
      }
      return true;
    } finally {
      await subscription.stop();
      await pump;
      this.subscription = undefined;
    }
  }

  /**
   * Empties the read model and replays the whole store in one transaction. Live writers wait on
   * the checkpoint row meanwhile and catch up from the rebuilt checkpoint afterwards.
   */
  async rebuild(): Promise<RebuildResult> {
    const started = Date.now();
    const known = new Map<string, LineInfo>();
    let events = 0;
    let ledgerEvents = 0;
    const result = await withTransaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${REBUILD_KEY})`);
      await readCheckpoint(client, true);
      await emptyReadModel(client);
      let delta = new LedgerDelta(0n, known);
      const flush = async () => {
        const missing = delta.missingLines();
        if (missing.length > 0) delta.resolve(await lookupLines(client, missing));
        await writeDelta(client, delta);
        await writeCheckpoint(client, delta);
        events += delta.events;
        ledgerEvents += delta.ledgerEvents;
        delta = new LedgerDelta(delta.position, known);
      };
      for await (const page of pagesOf(this.source, 0n, this.pageSize)) {
        delta.fold(page);
        if (delta.lines.size >= this.rebuildFlushLines) await flush();
      }
      if (!delta.isEmpty) await flush();
      return readCheckpoint(client);
    });
    this.known = known;
    this.publish(result);
    const ms = Date.now() - started;
    this.logger.log(
      `budget read model rebuilt: ${events} events (${ledgerEvents} ledger) up to ${result.position} in ${ms} ms`,
    );
    return { events, ledgerEvents, position: result.position, lines: known.size, ms };
  }
}
