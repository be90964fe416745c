/**
 * Sends due notifications from the outbox (`appointments_read.notifications`).
 *
 * Every `pollMs` it claims a batch in one statement:
 *   pending rows whose `send_at` has come, and `sending` rows whose lease has expired (the
 *   dispatcher that held them died or hung mid-send), oldest first, `FOR UPDATE SKIP LOCKED`,
 *   set to `sending` with `lease_until = now + lease` and `attempts + 1`.
 * Then, one by one, it hands each to the `NotificationSender` with the notification id as the
 * idempotency key and marks it `sent`. A sender error puts it back to `pending` with exponential
 * backoff (`send_at = now + 2^attempts s`) until `maxAttempts`, then `failed`.
 *
 * Crash safety: the only window between "delivered" and "marked sent" is covered by the senders'
 * delivery ledger (`notification_deliveries`): a re-claimed notification whose key is there is not
 * delivered again, just marked sent. Every mark is fenced by `attempts`, so a slow dispatcher
 * whose lease expired and whose row was re-claimed by another cannot overwrite the newer state.
 * Several replicas can run: `SKIP LOCKED` gives each claim different rows.
 *
 * Time is the injected `Clock` (fixed in tests): claims, leases, backoff and `sent_at` use it.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../application/clock.js';
import { instantFromEpochMs, isBefore, type Language, type LocalizedText } from '../domain/index.js';
import { READ_SCHEMA } from '../read-models/entities.js';
import {
  NOTIFICATIONS_TABLE,
  type NotificationKind,
  type NotificationOffice,
  type NotificationPayload,
  type OutgoingNotification,
} from './notification.js';
import { isDelivered, type NotificationSender } from './senders.js';

export interface DispatcherLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface NotificationDispatcherOptions {
  /** Pause between polls when there was less than a full batch. `NOTIFY_POLL_MS`, default 1000. */
  pollMs?: number;
  /** How long a claim holds a notification. `NOTIFY_LEASE_MS`, default 300000 (5 min). */
  leaseMs?: number;
  /** Notifications claimed at once. `NOTIFY_BATCH_SIZE`, default 50. */
  batchSize?: number;
  /** Attempts before `failed`. `NOTIFY_MAX_ATTEMPTS`, default 5. */
  maxAttempts?: number;
  /** Backoff after attempt n is `backoffBaseMs * 2^n`. Default 1000 (2 s, 4 s, 8 s, 16 s). */
  backoffBaseMs?: number;
  /** A send taking longer counts as failed (it may still land: the ledger covers that). Default lease / 2. */
  sendTimeoutMs?: number;
  logger?: DispatcherLogger;
}

/** What one poll did. */
export interface DispatchResult {
  claimed: number;
  sent: number;
  /** Failed and back to `pending` for a later attempt. */
  retried: number;
  failed: number;
  /** Not sent because the reception had begun (status `cancelled`). */
  expired: number;
}

interface ClaimedRow {
  id: string;
  booking_id: string;
  citizen_ref: string;
  language: Language;
  kind: NotificationKind;
  attempts: number;
  payload: NotificationPayload | string;
  send_at_ms: number | string;
}

const T = NOTIFICATIONS_TABLE;

// The CTE is evaluated once (it locks rows), so the UPDATE touches exactly the rows it claimed.
const CLAIM_SQL = `
  WITH due AS (
    SELECT id FROM ${T}
     WHERE (status = 'pending' AND send_at <= ?::timestamptz)
        OR (status = 'sending' AND lease_until < ?::timestamptz)
     ORDER BY send_at
     LIMIT ?
     FOR UPDATE SKIP LOCKED)
  UPDATE ${T} AS n
     SET status = 'sending',
         lease_until = ?::timestamptz + (?::double precision * interval '1 millisecond'),
         attempts = n.attempts + 1
    FROM due
   WHERE n.id = due.id
  RETURNING n.id, n.booking_id, n.citizen_ref, n.language, n.kind, n.attempts, n.payload,
            (extract(epoch FROM n.send_at) * 1000)::double precision AS send_at_ms`;

const MARK_SENT_SQL = `
  UPDATE ${T} SET status = 'sent', sent_at = ?::timestamptz, lease_until = NULL, last_error = NULL
   WHERE id = ? AND status = 'sending' AND attempts = ?`;

const MARK_FAILED_ATTEMPT_SQL = `
  UPDATE ${T}
     SET status = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END,
         send_at = CASE WHEN attempts >= ? THEN send_at
                        ELSE ?::timestamptz + (?::double precision * power(2, attempts) * interval '1 millisecond') END,
         lease_until = NULL,
         last_error = ?
   WHERE id = ? AND status = 'sending' AND attempts = ?
  RETURNING status`;

const MARK_SQL = (status: 'failed' | 'cancelled'): string => `
  UPDATE ${T} SET status = '${status}', lease_until = NULL, last_error = ?
   WHERE id = ? AND status = 'sending' AND attempts = ?`;

const positiveInt = (env: Readonly<Record<string, string | undefined>>, name: string): number | undefined => {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
};

/** `NOTIFY_POLL_MS`, `NOTIFY_LEASE_MS`, `NOTIFY_BATCH_SIZE`, `NOTIFY_MAX_ATTEMPTS` (all optional). */
export const dispatcherOptionsFromEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): NotificationDispatcherOptions => {
  const options: NotificationDispatcherOptions = {};
  const pollMs = positiveInt(env, 'NOTIFY_POLL_MS');
  const leaseMs = positiveInt(env, 'NOTIFY_LEASE_MS');
  const batchSize = positiveInt(env, 'NOTIFY_BATCH_SIZE');
  const maxAttempts = positiveInt(env, 'NOTIFY_MAX_ATTEMPTS');
  if (pollMs !== undefined) options.pollMs = pollMs;
  if (leaseMs !== undefined) options.leaseMs = leaseMs;
  if (batchSize !== undefined) options.batchSize = batchSize;
  if (maxAttempts !== undefined) options.maxAttempts = maxAttempts;
  return options;
};

const withTimeout = <V>(work: Promise<V>, ms: number): Promise<V> =>
  new Promise<V>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sender did not finish within ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

const defaultLogger: DispatcherLogger = {
  info: () => undefined,
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...fields })),
};

export class NotificationDispatcher {
  readonly pollMs: number;
  readonly leaseMs: number;
  readonly batchSize: number;
  readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly logger: DispatcherLogger;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private started = false;

  constructor(
    private readonly orm: MikroORM,
    readonly sender: NotificationSender,
    private readonly clock: Clock,
    options: NotificationDispatcherOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 300_000;
    this.batchSize = options.batchSize ?? 50;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffBaseMs = options.backoffBaseMs ?? 1000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? Math.max(1, Math.floor(this.leaseMs / 2));
    this.logger = options.logger ?? defaultLogger;
  }

  get isRunning(): boolean {
    return this.started;
  }

  /** Polls until `stop()`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops polling; waits for the batch in hand to be sent and marked. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.tick().finally(() => (this.inFlight = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let full = false;
    try {
      const result = await this.runOnce();
      full = result.claimed >= this.batchSize;
    } catch (error) {
      this.logger.warn('notification poll failed', { error: errorText(error) });
    }
    // A full batch suggests more are due: go again at once.
    this.schedule(full ? 0 : this.pollMs);
  }

  /** One poll: claim a batch and send it. Public for tests and one-off runs. */
  async runOnce(): Promise<DispatchResult> {
    const result: DispatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0, expired: 0 };
    const em = this.orm.em.fork();
    const now = this.clock.now();
    const rows = await em.execute<ClaimedRow[]>(CLAIM_SQL, [now, now, this.batchSize, now, this.leaseMs], 'all');
    result.claimed = rows.length;
    if (rows.length === 0) return result;
    const offices = await this.officesOf(em, rows);
    // The whole batch is finished even when stop() was called meanwhile: its rows are leased to us.
    for (const row of rows) {
      const outcome = await this.handle(em, row, offices);
      result[outcome]++;
    }
    return result;
  }

  private toNotification(row: ClaimedRow, offices: ReadonlyMap<string, NotificationOffice>): OutgoingNotification {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as NotificationPayload;
    const notification: OutgoingNotification = {
      id: row.id,
      bookingId: row.booking_id,
      citizenRef: row.citizen_ref,
      language: row.language,
      kind: row.kind,
      sendAt: instantFromEpochMs(Math.round(Number(row.send_at_ms))),
      attempts: Number(row.attempts),
      payload,
    };
    const office = payload.mode === 'in_person' && payload.officeId ? offices.get(payload.officeId) : undefined;
    if (office) notification.office = office;
    return notification;
  }

  private async handle(
    em: EntityManager,
    row: ClaimedRow,
    offices: ReadonlyMap<string, NotificationOffice>,
  ): Promise<'sent' | 'retried' | 'failed' | 'expired'> {
    const notification = this.toNotification(row, offices);
    const fence = [notification.id, notification.attempts] as const;
    const fields = { notificationId: notification.id, kind: notification.kind, attempt: notification.attempts };

    // Claimed again and again without ever finishing (each claim died or hung): give up, unless the
    // last one did deliver.
    if (notification.attempts > this.maxAttempts || !isBefore(this.clock.now(), notification.payload.startsAt)) {
      if (await isDelivered(em, notification.id)) {
        await em.execute(MARK_SENT_SQL, [this.clock.now(), ...fence], 'run');
        return 'sent';
      }
      if (notification.attempts > this.maxAttempts) {
        await em.execute(MARK_SQL('failed'), [`gave up after ${notification.attempts - 1} attempts without an answer`, ...fence], 'run');
        this.logger.warn('notification failed', fields);
        return 'failed';
      }
      // Too late to be of use: the reception has begun.
      await em.execute(MARK_SQL('cancelled'), ['expired: the reception had begun before it could be sent', ...fence], 'run');
      this.logger.info('notification expired', fields);
      return 'expired';
    }

    try {
      await withTimeout(this.sender.send(notification, notification.id), this.sendTimeoutMs);
    } catch (error) {
      const rows = await em.execute<Array<{ status: string }>>(
        MARK_FAILED_ATTEMPT_SQL,
        [this.maxAttempts, this.maxAttempts, this.clock.now(), this.backoffBaseMs, errorText(error), ...fence],
        'all',
      );
      const status = rows[0]?.status;
      this.logger.warn(status === 'failed' ? 'notification failed' : 'notification attempt failed', {
        ...fields,
        error: errorText(error),
      });
      return status === 'failed' ? 'failed' : 'retried';
    }
    await em.execute(MARK_SENT_SQL, [this.clock.now(), ...fence], 'run');
    this.logger.info('notification sent', { ...fields, sender: this.sender.name });
    return 'sent';
  }

  /** Office names and addresses (reference data) for in-person notices; empty if unavailable. */
  private async officesOf(em: EntityManager, rows: readonly ClaimedRow[]): Promise<Map<string, NotificationOffice>> {
    const offices = new Map<string, NotificationOffice>();
    const ids = [
      ...new Set(
        rows
          .map((row) => (typeof row.payload === 'string' ? (JSON.parse(row.payload) as NotificationPayload) : row.payload))
          .filter((payload) => payload.mode === 'in_person' && payload.officeId)
          .map((payload) => payload.officeId!),
      ),
    ];
    if (ids.length === 0) return offices;
    try {
      const table = `${READ_SCHEMA}.offices`;
      const present = await em.execute<Array<{ present: boolean }>>('SELECT to_regclass(?::text) IS NOT NULL AS present', [table], 'all');
      if (!present[0]?.present) return offices;
      const found = await em.execute<Array<{ office_id: string; name: LocalizedText | string; address: LocalizedText | string }>>(
        `SELECT office_id, name, address FROM "${READ_SCHEMA}".offices WHERE office_id IN (${ids.map(() => '?').join(', ')})`,
        ids,
        'all',
      );
      const json = (value: LocalizedText | string): LocalizedText => (typeof value === 'string' ? JSON.parse(value) : value);
      for (const office of found) offices.set(office.office_id, { name: json(office.name), address: json(office.address) });
    } catch (error) {
      // The texts read well without the place; a lookup problem must not hold notifications back.
      this.logger.warn('office lookup failed', { error: errorText(error) });
    }
    return offices;
  }
}
