import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IntegrationEnvelope } from '@adal/contracts';
import { PostgresEventStore } from '@adal/event-store';
import { ProjectionRunner } from '@adal/read-models';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { READ_SCHEMA } from '../read-models/entities.js';
import { advisoryLockKey, ensureReadModelSchema, openReadModelOrm } from '../read-models/orm.js';
import { NOTIFICATIONS_TABLE, ensureNotificationTables, notificationIdFor } from './notification.js';
import { reminderProjection } from './reminder.projection.js';
import {
  bookingCancelled,
  bookingConfirmed,
  bookingLapsed,
  bookingMarkedNoShow,
  bookingRescheduled,
  citizenRefOf,
  receptionCompleted,
  TEST_OFFICE,
  type TestBooking,
} from './testing/booking-events.js';

interface Row {
  id: string;
  booking_id: string;
  citizen_ref: string;
  language: string;
  kind: string;
  send_at: string;
  status: string;
  attempts: number;
  payload: Record<string, unknown>;
}

describe('reminders projection (notification outbox)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let runner: ProjectionRunner;
  let seq = 0;

  const booking = (startsAt: string, extra: Partial<TestBooking> = {}): TestBooking => {
    seq++;
    return { bookingId: `booking-notify-${seq}`, citizenRef: citizenRefOf(seq), startsAt, ...extra };
  };
  const project = async (...envelopes: IntegrationEnvelope[]): Promise<void> => {
    for (const envelope of envelopes) await runner.project(reminderProjection, envelope);
  };
  /** Rows of a booking with `send_at` as an Almaty instant, by send time then id. */
  const rowsOf = async (bookingId: string): Promise<Row[]> =>
    orm.em.fork().execute<Row[]>(
      `SELECT id, booking_id, citizen_ref, language, kind, status, attempts, payload,
              to_char(send_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD"T"HH24:MI:SS"+05:00"') AS send_at
         FROM ${NOTIFICATIONS_TABLE} WHERE booking_id = ? ORDER BY send_at, id`,
      [bookingId],
      'all',
    );
  const summary = (rows: Row[]) => rows.map((r) => ({ kind: r.kind, sendAt: r.send_at, status: r.status }));

  beforeAll(async () => {
    db = await createTestDatabase('appointments_notify_projection');
    const store = await PostgresEventStore.create({ connectionString: db.url, schema: 'appointments' });
    await store.appendToStream('booking-someone', [{ type: 'Marker', data: {} }]);
    await store.close();
    orm = await openReadModelOrm({ clientUrl: db.url });
    await ensureNotificationTables(orm);
    runner = await ProjectionRunner.create(orm, { schema: READ_SCHEMA });
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('creates its tables next to the event store and the read model, safely and concurrently', async () => {
    const [a, b] = await Promise.all([openReadModelOrm({ clientUrl: db.url }), openReadModelOrm({ clientUrl: db.url })]);
    await Promise.all([ensureNotificationTables(a), ensureNotificationTables(b), ensureReadModelSchema(a)]);
    // Inside a transaction that already holds the schema's DDL lock (as ensureReadModelSchema would call it).
    await a.em.fork().transactional(async (em) => {
      await em.execute(`SELECT pg_advisory_xact_lock(${advisoryLockKey(`adal:projections-ddl:${READ_SCHEMA}`)})`);
      await ensureNotificationTables(em);
    });
    await a.close(true);
    await b.close(true);
    const em = orm.em.fork();
    const events = await em.execute<Array<{ n: string }>>('SELECT count(*) AS n FROM appointments.events');
    expect(Number(events[0]!.n)).toBe(1);
    const tables = await em.execute<Array<{ table_name: string }>>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name`,
      [READ_SCHEMA],
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['notifications', 'notification_deliveries', 'bookings']));
  });

  it('schedules the confirmation at once and the reminders 24 h and 1 h before the start', async () => {
    const b = booking('2026-04-08T10:00:00+05:00');
    const confirmed = bookingConfirmed(b, '2026-04-06T11:00:00+05:00', { language: 'ru' });
    await project(confirmed, confirmed); // a redelivery changes nothing
    const rows = await rowsOf(b.bookingId);
    expect(summary(rows)).toEqual([
      { kind: 'booking_confirmed', sendAt: '2026-04-06T11:00:00+05:00', status: 'pending' },
      { kind: 'reminder_24h', sendAt: '2026-04-07T10:00:00+05:00', status: 'pending' },
      { kind: 'reminder_1h', sendAt: '2026-04-08T09:00:00+05:00', status: 'pending' },
    ]);
    expect(rows.map((r) => r.id)).toEqual([
      notificationIdFor(b.bookingId, 'booking_confirmed'),
      `${b.bookingId}:reminder_24h:2026-04-08T10:00`,
      `${b.bookingId}:reminder_1h:2026-04-08T10:00`,
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ citizen_ref: b.citizenRef, language: 'ru', attempts: 0 });
      // Only what the texts need; nothing personal beyond the opaque reference.
      expect(row.payload).toEqual({
        startsAt: '2026-04-08T10:00:00+05:00',
        endsAt: '2026-04-08T10:30:00+05:00',
        mode: 'in_person',
        officeId: TEST_OFFICE,
      });
    }
  });

  it('skips a reminder whose time has already passed at confirmation', async () => {
    const late = booking('2026-04-08T10:00:00+05:00');
    await project(bookingConfirmed(late, '2026-04-07T15:00:00+05:00'));
    expect(summary(await rowsOf(late.bookingId)).map((r) => r.kind)).toEqual(['booking_confirmed', 'reminder_1h']);

    const veryLate = booking('2026-04-08T10:00:00+05:00', {
      mode: 'remote',
    });
    await project(bookingConfirmed(veryLate, '2026-04-08T09:30:00+05:00', { joinUrl: 'https://video.example.kz/room/x' }));
    const rows = await rowsOf(veryLate.bookingId);
    expect(rows.map((r) => r.kind)).toEqual(['booking_confirmed']);
    expect(rows[0]!.payload).toEqual({
      startsAt: '2026-04-08T10:00:00+05:00',
      endsAt: '2026-04-08T10:30:00+05:00',
      mode: 'remote',
      joinUrl: 'https://video.example.kz/room/x',
    });
  });

  it('moves the pending reminders to the new slot on reschedule', async () => {
    const before = booking('2026-04-08T10:00:00+05:00', { mode: 'remote' });
    const after: TestBooking = { ...before, startsAt: '2026-04-10T15:30:00+05:00' };
    await project(bookingConfirmed(before, '2026-04-06T11:00:00+05:00', { language: 'en', joinUrl: 'https://video.example.kz/room/r1' }));
    await project(bookingRescheduled(after, before, '2026-04-06T12:00:00+05:00'));
    const rows = await rowsOf(before.bookingId);
    const pending = rows.filter((r) => r.status === 'pending');
    expect(summary(pending)).toEqual([
      // Not sent yet, so it announces the new time.
      { kind: 'booking_confirmed', sendAt: '2026-04-06T11:00:00+05:00', status: 'pending' },
      { kind: 'reminder_24h', sendAt: '2026-04-09T15:30:00+05:00', status: 'pending' },
      { kind: 'reminder_1h', sendAt: '2026-04-10T14:30:00+05:00', status: 'pending' },
    ]);
    for (const row of pending) {
      expect(row.payload).toEqual({
        startsAt: '2026-04-10T15:30:00+05:00',
        endsAt: '2026-04-10T16:00:00+05:00',
        mode: 'remote',
        joinUrl: 'https://video.example.kz/room/r1',
      });
      expect(row.language).toBe('en');
    }
    // Nothing is left due for the old slot.
    expect(summary(rows.filter((r) => r.status !== 'pending'))).toEqual([
      { kind: 'reminder_24h', sendAt: '2026-04-07T10:00:00+05:00', status: 'cancelled' },
      { kind: 'reminder_1h', sendAt: '2026-04-08T09:00:00+05:00', status: 'cancelled' },
    ]);
  });

  it('reminds again for the new slot when the old slot’s reminder was already sent, and back again', async () => {
    const first = booking('2026-04-08T10:00:00+05:00');
    const second: TestBooking = { ...first, startsAt: '2026-04-15T10:00:00+05:00' };
    await project(bookingConfirmed(first, '2026-04-06T11:00:00+05:00'));
    const em = orm.em.fork();
    await em.execute(`UPDATE ${NOTIFICATIONS_TABLE} SET status = 'sent' WHERE booking_id = ? AND kind IN ('booking_confirmed', 'reminder_24h')`, [
      first.bookingId,
    ]);
    await project(bookingRescheduled(second, first, '2026-04-07T12:00:00+05:00'));
    expect(summary(await rowsOf(first.bookingId))).toEqual([
      { kind: 'booking_confirmed', sendAt: '2026-04-06T11:00:00+05:00', status: 'sent' },
      { kind: 'reminder_24h', sendAt: '2026-04-07T10:00:00+05:00', status: 'sent' },
      { kind: 'reminder_1h', sendAt: '2026-04-08T09:00:00+05:00', status: 'cancelled' },
      { kind: 'reminder_24h', sendAt: '2026-04-14T10:00:00+05:00', status: 'pending' },
      { kind: 'reminder_1h', sendAt: '2026-04-15T09:00:00+05:00', status: 'pending' },
    ]);
    // Moved back to the first slot: its 24 h reminder already went out; the 1 h one is revived.
    await project(bookingRescheduled(first, second, '2026-04-07T13:00:00+05:00'));
    expect(summary(await rowsOf(first.bookingId))).toEqual([
      { kind: 'booking_confirmed', sendAt: '2026-04-06T11:00:00+05:00', status: 'sent' },
      { kind: 'reminder_24h', sendAt: '2026-04-07T10:00:00+05:00', status: 'sent' },
      { kind: 'reminder_1h', sendAt: '2026-04-08T09:00:00+05:00', status: 'pending' },
      { kind: 'reminder_24h', sendAt: '2026-04-14T10:00:00+05:00', status: 'cancelled' },
      { kind: 'reminder_1h', sendAt: '2026-04-15T09:00:00+05:00', status: 'cancelled' },
    ]);
  });

  it('cancels the pending reminders on cancellation and schedules a cancellation notice at once', async () => {
    const b = booking('2026-04-08T10:00:00+05:00');
    await project(bookingConfirmed(b, '2026-04-06T11:00:00+05:00', { language: 'kk' }));
    await orm.em.fork().execute(`UPDATE ${NOTIFICATIONS_TABLE} SET status = 'sent' WHERE id = ?`, [
      notificationIdFor(b.bookingId, 'booking_confirmed'),
    ]);
    await project(bookingCancelled(b, '2026-04-06T18:00:00+05:00', 'office'));
    const rows = await rowsOf(b.bookingId);
    expect(summary(rows)).toEqual([
      { kind: 'booking_confirmed', sendAt: '2026-04-06T11:00:00+05:00', status: 'sent' },
      { kind: 'booking_cancelled', sendAt: '2026-04-06T18:00:00+05:00', status: 'pending' },
      { kind: 'reminder_24h', sendAt: '2026-04-07T10:00:00+05:00', status: 'cancelled' },
      { kind: 'reminder_1h', sendAt: '2026-04-08T09:00:00+05:00', status: 'cancelled' },
    ]);
    const notice = rows.find((r) => r.kind === 'booking_cancelled')!;
    expect(notice).toMatchObject({ id: `${b.bookingId}:booking_cancelled`, language: 'kk', citizen_ref: b.citizenRef });
    expect(notice.payload).toMatchObject({ startsAt: '2026-04-08T10:00:00+05:00', cancelledBy: 'office' });
  });

  it('cancels the pending reminders when the booking lapses, is marked no-show or the reception completes', async () => {
    const ends = [
      (b: TestBooking) => bookingLapsed(b, '2026-04-06T12:00:00+05:00'),
      (b: TestBooking) => bookingMarkedNoShow(b, '2026-04-08T10:20:00+05:00'),
      (b: TestBooking) => receptionCompleted(b, '2026-04-08T10:25:00+05:00'),
    ];
    for (const end of ends) {
      const b = booking('2026-04-08T10:00:00+05:00');
      await project(bookingConfirmed(b, '2026-04-06T11:00:00+05:00'), end(b));
      const rows = await rowsOf(b.bookingId);
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
    }
  });

  it('ignores events of bookings it never saw confirmed (nothing to tell, language unknown)', async () => {
    const b = booking('2026-04-08T10:00:00+05:00');
    const moved: TestBooking = { ...b, startsAt: '2026-04-09T10:00:00+05:00' };
    await project(bookingRescheduled(moved, b, '2026-04-06T12:00:00+05:00'), bookingCancelled(moved, '2026-04-06T13:00:00+05:00'));
    expect(await rowsOf(b.bookingId)).toEqual([]);
  });
});
