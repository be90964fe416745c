import { aggregateStream, PostgresEventStore, uuidv7 } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import {
  addMinutes,
  receptionCalendarDecider,
  receptionCalendarStream,
  type Instant,
} from '../domain/index.js';
import { appointmentsConfigFromEnv } from '../application/config.js';
import { ReceptionSchedules } from '../schedule/schedule.workflow.js';
import { ReceptionBookings } from './booking.workflow.js';

// Workflows across streams on a real store: what a refused or concurrent step leaves behind.
const OFFICIAL = 'official-wf';
const MONDAY = '2026-12-07';
const TUESDAY = '2026-12-08';
const WEDNESDAY = '2026-12-10'; // the 9th serves another test
let now: Instant = '2026-12-01T09:00:00+05:00';
const clock = { now: () => now };

describe('booking workflows across streams', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let bookings: ReceptionBookings;
  let schedules: ReceptionSchedules;

  beforeAll(async () => {
    database = await createTestDatabase('booking_workflow');
    store = await PostgresEventStore.create({ connectionString: database.url, schema: 'appointments' });
    schedules = new ReceptionSchedules(store, clock);
    await schedules.registerOfficial({
      officialId: OFFICIAL,
      officeId: 'office-1',
      rank: 'deputy',
      displayName: { kk: 'Тест', ru: 'Тест', en: 'Test' },
    });
    await schedules.publishRule(OFFICIAL, {
      ruleId: 'daily',
      recurrence: 'daily',
      start: '10:00',
      end: '12:00',
      slotMinutes: 30,
      capacity: 1,
      mode: 'in_person',
      officeId: 'office-1',
      validFrom: '2026-12-01',
    });
    bookings = new ReceptionBookings(store, clock, { next: () => uuidv7() }, appointmentsConfigFromEnv({}));
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const seatOf = async (date: string, bookingId: string) =>
    (await aggregateStream(store, receptionCalendarStream(OFFICIAL, date), receptionCalendarDecider)).state.seats[bookingId];
  const citizen = () => `citizen-${uuidv7()}`;
  const confirmed = async (date: string, slotStart: string) => {
    const held = await bookings.hold({ citizenRef: citizen(), officialId: OFFICIAL, date, slotStart });
    return bookings.confirm(held.bookingId, { purpose: 'Сұрақ', language: 'kk', channel: 'in_person' });
  };

  it('extra hours for a day already opened reach its calendar and can be booked', async () => {
    await bookings.hold({ citizenRef: citizen(), officialId: OFFICIAL, date: '2026-12-09', slotStart: '10:00' }); // opens the day
    await schedules.changeDay(OFFICIAL, '2026-12-09', {
      kind: 'extra_hours',
      start: '14:00',
      end: '15:00',
      slotMinutes: 30,
      capacity: 1,
      mode: 'in_person',
      officeId: 'office-1',
    });
    const held = await bookings.hold({ citizenRef: citizen(), officialId: OFFICIAL, date: '2026-12-09', slotStart: '14:30' });
    expect(held).toMatchObject({ status: 'held', slotStart: '14:30', slotEnd: '15:00' });
  });

  it('a confirmation the booking refuses leaves the seat held, not booked', async () => {
    const held = await bookings.hold({ citizenRef: citizen(), officialId: OFFICIAL, date: MONDAY, slotStart: '10:00' });
    await expect(
      bookings.confirm(held.bookingId, { purpose: 'Сұрақ', language: 'kk', channel: 'remote' }),
    ).rejects.toMatchObject({ code: 'CHANNEL_MISMATCH' });
    expect((await seatOf(MONDAY, held.bookingId))?.status).toBe('held');
  });

  it('two concurrent reschedules never leave the booking with two seats (or none)', async () => {
    const booking = await confirmed(MONDAY, '11:00');
    const outcomes = await Promise.allSettled([
      bookings.reschedule(booking.bookingId, { date: TUESDAY, slotStart: '10:00' }),
      bookings.reschedule(booking.bookingId, { date: WEDNESDAY, slotStart: '10:30' }),
    ]);
    // Interleaved, one loses (a conflict); one after the other, both succeed. Either way:
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ name: expect.stringMatching(/WrongExpectedVersionError|DomainError/) });
    }
    const final = await bookings.load(booking.bookingId);
    const days = [MONDAY, TUESDAY, WEDNESDAY];
    const seats = await Promise.all(days.map((day) => seatOf(day, booking.bookingId)));
    const booked = days.filter((_, i) => seats[i]?.status === 'booked');
    expect(booked).toEqual([final.date]);
    expect(seats[days.indexOf(final.date)]).toMatchObject({ status: 'booked', slotStart: final.slotStart });
  });

  it('a same-day reschedule the booking refuses does not move the calendar', async () => {
    const booking = await confirmed(MONDAY, '11:30');
    const before = now;
    now = '2026-12-07T11:35:00+05:00'; // the reception has started
    try {
      await expect(bookings.reschedule(booking.bookingId, { date: MONDAY, slotStart: '10:30' })).rejects.toMatchObject({
        code: 'RECEPTION_ALREADY_STARTED',
      });
      expect((await seatOf(MONDAY, booking.bookingId))?.slotStart).toBe('11:30');
    } finally {
      now = before;
    }
  });

  it('lapsing a hold whose seat a losing confirmation booked gives the seat back', async () => {
    const held = await bookings.hold({ citizenRef: citizen(), officialId: OFFICIAL, date: TUESDAY, slotStart: '11:30' });
    // The seat got booked on the calendar, but the booking lapsed first (the sweeper won the race).
    now = addMinutes(now, 6);
    await store.appendToStream(receptionCalendarStream(OFFICIAL, TUESDAY), [
      { type: 'SlotBooked', data: { bookingId: held.bookingId, slotStart: '11:30', bookedAt: now, confirmedAfterHoldExpired: true } },
    ]);
    await bookings.lapseExpiredHold(held.bookingId);
    expect((await bookings.load(held.bookingId)).status).toBe('lapsed');
    expect((await seatOf(TUESDAY, held.bookingId))?.status).toBe('released');
  });
});
