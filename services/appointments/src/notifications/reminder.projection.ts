/**
 * The `reminders` projection: turns booking events into rows of the notification outbox
 * (`appointments_read.notifications`), which the `NotificationDispatcher` sends.
 *
 * | event                          | effect                                                            |
 * |--------------------------------|-------------------------------------------------------------------|
 * | BookingConfirmed               | `booking_confirmed` due at once; `reminder_24h` and `reminder_1h`  |
 * |                                | before the start (a reminder already past at confirmation is skipped)|
 * | BookingRescheduled             | pending reminders of the old slot cancelled, reminders for the new  |
 * |                                | slot scheduled; a still-pending confirmation gets the new slot     |
 * | BookingCancelled               | pending notifications cancelled; `booking_cancelled` due at once   |
 * | BookingLapsed, BookingMarkedNoShow, ReceptionCompleted | pending notifications cancelled            |
 *
 * Deterministic: every instant written comes from the event (`confirmedAt`, `cancelledAt`,
 * `rescheduledAt`, the slot), never from the clock, so a replay writes the same rows. It runs under
 * `ProjectionRunner` (exactly once per envelope id); the upserts are idempotent anyway.
 *
 * Only `pending` rows are changed: a row being sent (`sending`) or already `sent` belongs to the
 * dispatcher. A rebuild empties `notifications` (the projection owns it) and replays; whatever
 * went out before is still in `notification_deliveries`, which the senders consult, so nothing
 * already delivered goes out again (and the dispatcher drops anything whose reception has begun).
 *
 * The rendered texts are not stored: only the facts to render them from (no personal data beyond
 * the opaque `citizenRef`).
 */
import type { ContractData, IntegrationEnvelope, appointments } from '@adal/contracts';
import type { Projection } from '@adal/read-models';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addMinutes, isBefore, toAlmatyInstant, type Instant, type Language } from '../domain/index.js';
import {
  NOTIFICATIONS_TABLE,
  REMINDER_KINDS,
  REMINDER_MINUTES_BEFORE,
  notificationIdFor,
  type CancelledBy,
  type NotificationKind,
  type NotificationPayload,
} from './notification.js';

type Data<C> = ContractData<C>;

export const REMINDER_EVENTS = [
  'appointments.BookingConfirmed',
  'appointments.BookingRescheduled',
  'appointments.BookingCancelled',
  'appointments.BookingLapsed',
  'appointments.BookingMarkedNoShow',
  'appointments.ReceptionCompleted',
] as const;

interface NewNotification {
  id: string;
  bookingId: string;
  citizenRef: string;
  language: Language;
  kind: NotificationKind;
  sendAt: Instant;
  payload: NotificationPayload;
}

const payloadOf = (facts: appointments.BookingContext, joinUrl: string | undefined): NotificationPayload => {
  const payload: NotificationPayload = {
    startsAt: toAlmatyInstant(facts.startsAt),
    endsAt: toAlmatyInstant(facts.endsAt),
    mode: facts.mode,
  };
  if (joinUrl) payload.joinUrl = joinUrl;
  if (facts.officeId) payload.officeId = facts.officeId;
  return payload;
};

/** The reminders of a slot that are not already past at `eventTime`. */
const remindersFor = (
  facts: appointments.BookingContext,
  language: Language,
  payload: NotificationPayload,
  eventTime: Instant,
): NewNotification[] =>
  REMINDER_KINDS.map((kind) => ({
    id: notificationIdFor(facts.bookingId, kind, payload.startsAt),
    bookingId: facts.bookingId,
    citizenRef: facts.citizenRef,
    language,
    kind,
    sendAt: addMinutes(payload.startsAt, -REMINDER_MINUTES_BEFORE[kind]),
    payload,
  })).filter((n) => !isBefore(n.sendAt, eventTime));

/**
 * Inserts the rows. An existing row with the same id is refreshed only while it is `pending`, or
 * revived when it was `cancelled` (a booking moved away from a slot and back again); `sending`,
 * `sent` and `failed` rows are left alone.
 */
const upsert = async (em: EntityManager, rows: readonly NewNotification[]): Promise<void> => {
  if (rows.length === 0) return;
  const values = rows.map(() => `(?, ?, ?, ?, ?, ?::timestamptz, 'pending', 0, ?::jsonb)`).join(', ');
  const params = rows.flatMap((r) => [r.id, r.bookingId, r.citizenRef, r.language, r.kind, r.sendAt, JSON.stringify(r.payload)]);
  await em.execute(
    `INSERT INTO ${NOTIFICATIONS_TABLE} AS n (id, booking_id, citizen_ref, language, kind, send_at, status, attempts, payload)
     VALUES ${values}
     ON CONFLICT (id) DO UPDATE SET
       send_at = EXCLUDED.send_at,
       payload = EXCLUDED.payload,
       language = EXCLUDED.language,
       attempts = CASE WHEN n.status = 'cancelled' THEN 0 ELSE n.attempts END,
       last_error = CASE WHEN n.status = 'cancelled' THEN NULL ELSE n.last_error END,
       status = 'pending'
     WHERE n.status IN ('pending', 'cancelled')`,
    params,
    'run',
  );
};

/** Cancels the booking's pending notifications (of the given kinds, default all). */
const cancelPending = async (em: EntityManager, bookingId: string, kinds?: readonly NotificationKind[]): Promise<void> => {
  const kindFilter = kinds ? ` AND kind IN (${kinds.map(() => '?').join(', ')})` : '';
  await em.execute(
    `UPDATE ${NOTIFICATIONS_TABLE} SET status = 'cancelled', lease_until = NULL
      WHERE booking_id = ? AND status = 'pending'${kindFilter}`,
    [bookingId, ...(kinds ?? [])],
    'run',
  );
};

/**
 * What the confirmation told us and later events do not carry (language, join link): read back from
 * the booking's own notification rows, the confirmation first. Null when the booking was never
 * confirmed while this projection ran.
 */
const knownBooking = async (em: EntityManager, bookingId: string): Promise<{ language: Language; joinUrl?: string } | null> => {
  const rows = await em.execute<Array<{ language: Language; join_url: string | null }>>(
    `SELECT language, payload->>'joinUrl' AS join_url FROM ${NOTIFICATIONS_TABLE}
      WHERE booking_id = ? ORDER BY (kind = 'booking_confirmed') DESC, send_at LIMIT 1`,
    [bookingId],
    'all',
  );
  const row = rows[0];
  if (!row) return null;
  return row.join_url ? { language: row.language, joinUrl: row.join_url } : { language: row.language };
};

const applyReminders = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  switch (envelope.type) {
    case 'appointments.BookingConfirmed': {
      const d = envelope.data as Data<typeof appointments.BookingConfirmed>;
      const confirmedAt = toAlmatyInstant(d.confirmedAt);
      const payload = payloadOf(d, d.joinUrl);
      const notice: NewNotification = {
        id: notificationIdFor(d.bookingId, 'booking_confirmed'),
        bookingId: d.bookingId,
        citizenRef: d.citizenRef,
        language: d.language,
        kind: 'booking_confirmed',
        sendAt: confirmedAt,
        payload,
      };
      await upsert(em, [notice, ...remindersFor(d, d.language, payload, confirmedAt)]);
      return;
    }
    case 'appointments.BookingRescheduled': {
      const d = envelope.data as Data<typeof appointments.BookingRescheduled>;
      const known = await knownBooking(em, d.bookingId);
      if (!known) return;
      const rescheduledAt = toAlmatyInstant(d.rescheduledAt);
      const payload = payloadOf(d, known.joinUrl);
      const keep = REMINDER_KINDS.map((kind) => notificationIdFor(d.bookingId, kind, payload.startsAt));
      // The old slot's pending reminders are cancelled (not re-keyed): the id is the delivery key.
      await em.execute(
        `UPDATE ${NOTIFICATIONS_TABLE} SET status = 'cancelled', lease_until = NULL
          WHERE booking_id = ? AND status = 'pending' AND kind IN (?, ?) AND id NOT IN (?, ?)`,
        [d.bookingId, ...REMINDER_KINDS, ...keep],
        'run',
      );
      await upsert(em, remindersFor(d, known.language, payload, rescheduledAt));
      // A confirmation not sent yet should announce the new time.
      await em.execute(
        `UPDATE ${NOTIFICATIONS_TABLE} SET payload = ?::jsonb
          WHERE booking_id = ? AND kind = 'booking_confirmed' AND status = 'pending'`,
        [JSON.stringify(payload), d.bookingId],
        'run',
      );
      return;
    }
    case 'appointments.BookingCancelled': {
      const d = envelope.data as Data<typeof appointments.BookingCancelled>;
      await cancelPending(em, d.bookingId);
      const known = await knownBooking(em, d.bookingId);
      const cancelledAt = toAlmatyInstant(d.cancelledAt);
      // Tell the citizen unless the reception had already begun (then there is nothing to tell).
      if (!known || !isBefore(cancelledAt, d.startsAt)) return;
      const payload: NotificationPayload = { ...payloadOf(d, undefined), cancelledBy: d.by as CancelledBy };
      const id = notificationIdFor(d.bookingId, 'booking_cancelled');
      await em.execute(
        `INSERT INTO ${NOTIFICATIONS_TABLE} (id, booking_id, citizen_ref, language, kind, send_at, status, attempts, payload)
         VALUES (?, ?, ?, ?, 'booking_cancelled', ?::timestamptz, 'pending', 0, ?::jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [id, d.bookingId, d.citizenRef, known.language, cancelledAt, JSON.stringify(payload)],
        'run',
      );
      return;
    }
    case 'appointments.BookingLapsed':
    case 'appointments.BookingMarkedNoShow':
    case 'appointments.ReceptionCompleted': {
      const d = envelope.data as appointments.BookingContext;
      await cancelPending(em, d.bookingId);
      return;
    }
    default:
      return;
  }
};

export const reminderProjection: Projection = {
  name: 'reminders',
  tables: [NOTIFICATIONS_TABLE],
  handles: REMINDER_EVENTS,
  apply: applyReminders,
};
