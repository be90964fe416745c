/**
 * The notification outbox of the appointments service: what a notification is, its id, and the
 * two tables in `appointments_read` that hold it.
 *
 * - `notifications` is the outbox. The `reminders` projection writes it from integration events
 *   (`reminder.projection.ts`); the `NotificationDispatcher` claims due rows, hands them to a
 *   `NotificationSender` and marks them sent (`dispatcher.ts`).
 * - `notification_deliveries` is the senders' ledger: one row per idempotency key (the
 *   notification id), written when a sender delivered. It is the record of what went out, so a
 *   notification re-claimed after a crash is recognised and not delivered twice. It is NOT owned
 *   by the projection: a rebuild empties `notifications` but keeps the ledger, and the senders
 *   then skip everything that already went out.
 *
 * No personal data: the citizen is the opaque `citizenRef` of the integration events; texts are
 * rendered at send time from the payload (times, mode, join link, office id).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { advisoryLockKey } from '@adal/event-store';
import { READ_SCHEMA, qualified } from '../read-models/entities.js';
import { localDateOf, localTimeOf, type Instant, type Language, type LocalizedText, type ReceptionMode } from '../domain/index.js';

/** Sent at once on confirmation and on cancellation; reminders before the start. */
export type NotificationKind = 'booking_confirmed' | 'reminder_24h' | 'reminder_1h' | 'booking_cancelled';
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'booking_confirmed',
  'reminder_24h',
  'reminder_1h',
  'booking_cancelled',
];

export type ReminderKind = 'reminder_24h' | 'reminder_1h';
/** How long before the start each reminder goes out. */
export const REMINDER_MINUTES_BEFORE: Readonly<Record<ReminderKind, number>> = {
  reminder_24h: 24 * 60,
  reminder_1h: 60,
};
export const REMINDER_KINDS: readonly ReminderKind[] = ['reminder_24h', 'reminder_1h'];

/**
 * pending: waiting for `send_at`; sending: claimed by a dispatcher until `lease_until`;
 * sent; cancelled (the booking changed, or it was too late to be of use); failed (gave up).
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'cancelled' | 'failed';

/** Who cancelled a booking (from `BookingCancelled.by`). */
export type CancelledBy = 'citizen' | 'official' | 'office';

/** The facts a text is rendered from (column `payload`). Instants are Asia/Almaty (`+05:00`). */
export interface NotificationPayload {
  startsAt: Instant;
  endsAt: Instant;
  mode: ReceptionMode;
  /** The video link of a remote reception. */
  joinUrl?: string;
  /** The office of an in-person reception. */
  officeId?: string;
  /** Only on `booking_cancelled`. */
  cancelledBy?: CancelledBy;
}

/** An office's name and address (reference data), looked up at send time for in-person receptions. */
export interface NotificationOffice {
  name: LocalizedText;
  address: LocalizedText;
}

/** What a sender gets: one claimed notification. */
export interface OutgoingNotification {
  /** Also the idempotency key of its delivery. */
  id: string;
  bookingId: string;
  /** Opaque reference of the citizen; the service holds no address, name or phone. */
  citizenRef: string;
  language: Language;
  kind: NotificationKind;
  sendAt: Instant;
  /** 1 on the first claim, +1 on every claim after a failure or an expired lease. */
  attempts: number;
  payload: NotificationPayload;
  /** Present for in-person receptions whose office is in the `offices` reference data. */
  office?: NotificationOffice;
}

export const NOTIFICATIONS_TABLE = qualified('notifications');
export const DELIVERIES_TABLE = qualified('notification_deliveries');

/**
 * Deterministic ids (a replay writes the same rows): one confirmation and one cancellation per
 * booking, and one reminder of each kind per booking AND slot start. The slot is part of a
 * reminder's id because the id is also the delivery's idempotency key: a reminder already sent for
 * the old slot must not suppress the reminder for the new slot after a reschedule.
 */
export const notificationIdFor = (bookingId: string, kind: NotificationKind, startsAt?: Instant): string => {
  if (kind === 'reminder_24h' || kind === 'reminder_1h') {
    if (!startsAt) throw new Error(`a ${kind} id needs the slot's start`);
    return `${bookingId}:${kind}:${localDateOf(startsAt)}T${localTimeOf(startsAt)}`;
  }
  return `${bookingId}:${kind}`;
};

/**
 * Creates the two tables (and the schema) if missing. Never alters or drops anything, so it is
 * safe in a database shared with the event store and safe to run on every start, from several
 * replicas at once: it takes the same transaction-scoped advisory lock as `ensureReadModelSchema`
 * and `ProjectionRunner.create` for DDL in `appointments_read`.
 *
 * Pass the `MikroORM` to run it in a transaction of its own, or an `EntityManager` that is inside
 * a transaction (e.g. the one `ensureReadModelSchema` holds: the advisory lock is re-entrant in
 * the same transaction, whereas opening a second transaction there would wait on itself).
 */
export const ensureNotificationTables = async (target: MikroORM | EntityManager): Promise<void> => {
  const run = async (em: EntityManager): Promise<void> => {
    await em.execute(`SELECT pg_advisory_xact_lock(${advisoryLockKey(`adal:projections-ddl:${READ_SCHEMA}`)})`);
    await em.execute(`CREATE SCHEMA IF NOT EXISTS "${READ_SCHEMA}"`);
    await em.execute(
      `CREATE TABLE IF NOT EXISTS ${NOTIFICATIONS_TABLE} (
         id text PRIMARY KEY,
         booking_id text NOT NULL,
         citizen_ref text NOT NULL,
         language text NOT NULL,
         kind text NOT NULL,
         send_at timestamptz NOT NULL,
         status text NOT NULL DEFAULT 'pending',
         attempts integer NOT NULL DEFAULT 0,
         lease_until timestamptz NULL,
         last_error text NULL,
         sent_at timestamptz NULL,
         payload jsonb NOT NULL)`,
    );
    // The dispatcher's two claim conditions, and the projection's lookups by booking.
    await em.execute(
      `CREATE INDEX IF NOT EXISTS notifications_pending_due_idx ON ${NOTIFICATIONS_TABLE} (send_at) WHERE status = 'pending'`,
    );
    await em.execute(
      `CREATE INDEX IF NOT EXISTS notifications_sending_lease_idx ON ${NOTIFICATIONS_TABLE} (lease_until) WHERE status = 'sending'`,
    );
    await em.execute(`CREATE INDEX IF NOT EXISTS notifications_booking_idx ON ${NOTIFICATIONS_TABLE} (booking_id)`);
    await em.execute(
      `CREATE TABLE IF NOT EXISTS ${DELIVERIES_TABLE} (
         idempotency_key text PRIMARY KEY,
         notification_id text NOT NULL,
         sender text NOT NULL,
         delivered_at timestamptz NOT NULL)`,
    );
  };
  if ('em' in target) await target.em.fork().transactional(run);
  else if (target.isInTransaction()) await run(target);
  else await target.transactional(run);
};
