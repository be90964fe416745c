import { reminderProjection } from '../notifications/reminder.projection.js';
import { openedDayProjection } from './projections.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appointments, ContractRegistry, type IntegrationEnvelope } from '@adal/contracts';
import { PostgresEventStore, uuidv7 } from '@adal/event-store';
import { ProjectionRunner, type Projection } from '@adal/read-models';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { addMinutes, instantOf } from '../domain/index.js';
import { READ_SCHEMA, qualified } from './entities.js';
import { upsertOffices } from './offices.js';
import { ensureReadModelSchema, openReadModelOrm } from './orm.js';
import { allProjections, bookingProjection, officialScheduleProjection, seatProjection } from './projections.js';
import { AppointmentsQueries } from './queries.js';

const contracts = new ContractRegistry([...appointments.appointmentsContracts]);

/** A valid public envelope (checked against the contract, as the relay would). */
const envelope = (type: string, subject: string, data: unknown, time = '2026-04-06T11:00:00+05:00'): IntegrationEnvelope => {
  const e: IntegrationEnvelope = {
    specversion: '1.0',
    id: uuidv7(),
    source: appointments.APPOINTMENTS_SOURCE,
    type: `appointments.${type}`,
    subject,
    time,
    datacontenttype: 'application/json',
    dataversion: 1,
    data,
  };
  contracts.assertPublishable(e);
  return e;
};

const OFFICE = 'office-psc-test';
const DEPUTY = 'official-deputy-test';
const HEAD = 'official-head-test';
const NOW = '2026-04-06T12:00:00+05:00'; // Monday, after that day's reception hours
const TUE = '2026-04-07';
const WED = '2026-04-08';
const THU = '2026-04-09';
const citizen = (n: number): string => `citizen-ref-test-${String(n).padStart(12, '0')}`;

const dailyRule = {
  ruleId: 'rule-daily-1',
  recurrence: 'daily',
  start: '10:00',
  end: '12:00',
  slotMinutes: 30,
  capacity: 2,
  mode: 'in_person',
  officeId: OFFICE,
  validFrom: '2026-04-01',
} as const;

describe('appointments read models (live projection)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let runner: ProjectionRunner;
  let queries: AppointmentsQueries;

  const project = async (e: IntegrationEnvelope): Promise<boolean> => {
    let any = false;
    for (const p of allProjections()) if (await runner.project(p, e)) any = true;
    return any;
  };
  const projectAll = async (...es: IntegrationEnvelope[]): Promise<void> => {
    for (const e of es) await project(e);
  };
  const freeOn = async (date: string, now = NOW) =>
    (await queries.freeSlots(DEPUTY, date, date, now))[0]?.slots ?? [];
  const freeAt = async (date: string, start: string, now = NOW): Promise<number> =>
    (await freeOn(date, now)).find((s) => s.start === start)?.free ?? 0;

  const slotHeld = (bookingId: string, date: string, slotStart: string, slotEnd: string, holdExpiresAt: string) =>
    envelope('SlotHeld', bookingId, { bookingId, officialId: DEPUTY, date, slotStart, slotEnd, holdExpiresAt });

  beforeAll(async () => {
    db = await createTestDatabase('appointments_read_live');
    // The event store shares the database: the read model's schema tools must leave it alone.
    const store = await PostgresEventStore.create({ connectionString: db.url, schema: 'appointments' });
    await store.appendToStream('schedule-someone', [{ type: 'Marker', data: {} }]);
    await store.close();
    orm = await openReadModelOrm({ clientUrl: db.url });
    runner = await ProjectionRunner.create(orm, { schema: READ_SCHEMA });
    queries = new AppointmentsQueries(orm);
    await projectAll(
      envelope('OfficialRegistered', DEPUTY, { officialId: DEPUTY, officeId: OFFICE, rank: 'deputy' }),
      envelope('ReceptionRulePublished', DEPUTY, { officialId: DEPUTY, rule: dailyRule }),
      envelope('OfficialRegistered', HEAD, { officialId: HEAD, officeId: OFFICE, rank: 'head' }),
    );
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('creates its tables next to the event store without touching it, also when run again concurrently', async () => {
    const [other1, other2] = await Promise.all([openReadModelOrm({ clientUrl: db.url }), openReadModelOrm({ clientUrl: db.url })]);
    await Promise.all([ensureReadModelSchema(other1), ensureReadModelSchema(other2)]);
    await other1.close(true);
    await other2.close(true);
    const em = orm.em.fork();
    const events = await em.execute<Array<{ n: string }>>('SELECT count(*) AS n FROM appointments.events');
    expect(Number(events[0]!.n)).toBe(1);
    const tables = await em.execute<Array<{ table_name: string }>>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name`,
      [READ_SCHEMA],
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual([
      'bookings',
      'notification_deliveries',
      'notifications',
      'offices',
      'official_directory',
      'official_schedules',
      'opened_days',
      'projection_checkpoints',
      'projection_inbox',
      'seats',
    ]);
  });

  it('offers the slots of the published rules on working days, after now, per date', async () => {
    const days = await queries.freeSlots(DEPUTY, '2026-04-06', '2026-04-12', NOW);
    // Monday's hours are over at NOW; Saturday and Sunday are not working days.
    expect(days.map((d) => d.date)).toEqual(['2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10']);
    expect(days[0]!.slots).toEqual([
      { start: '10:00', end: '10:30', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 2 },
      { start: '10:30', end: '11:00', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 2 },
      { start: '11:00', end: '11:30', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 2 },
      { start: '11:30', end: '12:00', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 2 },
    ]);
    // Within the day: only slots that start after now.
    const tuesdayMorning = await queries.freeSlots(DEPUTY, TUE, TUE, '2026-04-07T10:45:00+05:00');
    expect(tuesdayMorning[0]!.slots.map((s) => s.start)).toEqual(['11:00', '11:30']);
  });

  it('refuses windows longer than 31 days and unknown officials', async () => {
    await expect(queries.freeSlots(DEPUTY, '2026-04-01', '2026-05-02', NOW)).rejects.toMatchObject({ code: 'INVALID_DATE', field: 'to' });
    await expect(queries.freeSlots(DEPUTY, '2026-04-10', '2026-04-09', NOW)).rejects.toMatchObject({ code: 'INVALID_DATE' });
    expect(await queries.freeSlots(DEPUTY, '2026-04-01', '2026-05-01', NOW)).toHaveLength(18);
    await expect(queries.freeSlots('nobody', TUE, TUE, NOW)).rejects.toMatchObject({ code: 'OFFICIAL_NOT_REGISTERED' });
  });

  it('shrinks free slots as seats are held and booked, and gives them back when a hold expires or is released', async () => {
    const expires = addMinutes(NOW, 15);
    expect(await freeAt(TUE, '10:00')).toBe(2);

    await project(slotHeld('b-seat-1', TUE, '10:00', '10:30', expires));
    expect(await freeAt(TUE, '10:00')).toBe(1);

    await project(slotHeld('b-seat-2', TUE, '10:00', '10:30', expires));
    expect((await freeOn(TUE)).map((s) => s.start)).toEqual(['10:30', '11:00', '11:30']); // full: not offered

    await project(envelope('SlotBooked', 'b-seat-1', { bookingId: 'b-seat-1', officialId: DEPUTY, date: TUE, slotStart: '10:00' }));
    expect(await freeAt(TUE, '10:00')).toBe(0);

    // After b-seat-2's hold expired (no release event yet), its seat counts as free again; the booked one does not.
    const later = addMinutes(expires, 1);
    expect(await freeAt(TUE, '10:00', later)).toBe(1);

    await project(
      envelope('SlotReleased', 'b-seat-2', { bookingId: 'b-seat-2', officialId: DEPUTY, date: TUE, slotStart: '10:00', reason: 'hold_expired' }),
    );
    expect(await freeAt(TUE, '10:00')).toBe(1);

    const cancelled = envelope('SlotReleased', 'b-seat-1', {
      bookingId: 'b-seat-1',
      officialId: DEPUTY,
      date: TUE,
      slotStart: '10:00',
      reason: 'cancelled',
    });
    expect(await project(cancelled)).toBe(true);
    expect(await freeAt(TUE, '10:00')).toBe(2);

    const rows = await orm.em.fork().execute(`SELECT booking_id, status FROM ${qualified('seats')} WHERE date = ? ORDER BY booking_id`, [TUE]);
    expect(rows).toEqual([
      { booking_id: 'b-seat-1', status: 'released' },
      { booking_id: 'b-seat-2', status: 'released' },
    ]);
  });

  it('has no second effect when an envelope is delivered again', async () => {
    const held = slotHeld('b-dup-1', WED, '11:30', '12:00', addMinutes(NOW, 15));
    expect(await runner.project(seatProjection, held)).toBe(true);
    const release = envelope('SlotReleased', 'b-dup-1', { bookingId: 'b-dup-1', officialId: DEPUTY, date: WED, slotStart: '11:30', reason: 'hold_abandoned' });
    expect(await runner.project(seatProjection, release)).toBe(true);
    // The hold comes again (at-least-once delivery): it must not take the seat again.
    expect(await runner.project(seatProjection, held)).toBe(false);
    expect(await freeAt(WED, '11:30')).toBe(2);
    const seat = await orm.em.fork().execute(`SELECT status FROM ${qualified('seats')} WHERE booking_id = 'b-dup-1'`);
    expect(seat).toEqual([{ status: 'released' }]);

    const registered = envelope('ReceptionRulePublished', DEPUTY, { officialId: DEPUTY, rule: { ...dailyRule, ruleId: 'rule-dup' , start: '15:00', end: '15:30' } });
    expect(await runner.project(officialScheduleProjection, registered)).toBe(true);
    const withdrawn = envelope('ReceptionRuleWithdrawn', DEPUTY, { officialId: DEPUTY, ruleId: 'rule-dup' });
    expect(await runner.project(officialScheduleProjection, withdrawn)).toBe(true);
    expect(await runner.project(officialScheduleProjection, registered)).toBe(false);
    expect((await queries.official(DEPUTY))!.receptionRules.map((r) => r.ruleId)).toEqual(['rule-daily-1']);
  });

  it('follows a remote booking through its lifecycle in the citizen list and the agenda', async () => {
    const bookingId = 'b-life-1';
    const who = citizen(1);
    const facts = {
      bookingId,
      citizenRef: who,
      officialId: DEPUTY,
      officeId: OFFICE,
      date: THU,
      slotStart: '11:00',
      slotEnd: '11:30',
      startsAt: instantOf(THU, '11:00'),
      endsAt: instantOf(THU, '11:30'),
      mode: 'in_person' as const,
    };
    const remote = { ...facts, officeId: undefined, mode: 'remote' as const };
    delete (remote as { officeId?: string }).officeId;
    const expiresAt = addMinutes(NOW, 15);

    await project(envelope('BookingHeld', bookingId, { ...remote, expiresAt }));
    let mine = await queries.citizenBookings(who, NOW);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ bookingId, status: 'held', upcoming: true, holdExpiresAt: '2026-04-06T12:15:00+05:00', mode: 'remote' });
    expect(mine[0]!.joinOpensAt).toBeUndefined();

    const joinUrl = 'https://meet.example.kz/adal/b-life-1';
    await project(
      envelope('BookingConfirmed', bookingId, { ...remote, channel: 'remote', language: 'kk', joinUrl, confirmedAt: addMinutes(NOW, 2) }, addMinutes(NOW, 2)),
    );
    mine = await queries.citizenBookings(who, NOW);
    expect(mine[0]).toMatchObject({
      status: 'confirmed',
      channel: 'remote',
      language: 'kk',
      joinUrl,
      startsAt: '2026-04-09T11:00:00+05:00',
      joinOpensAt: '2026-04-09T10:50:00+05:00',
      upcoming: true,
      followUpRequested: false,
    });
    expect(mine[0]!.holdExpiresAt).toBeUndefined();

    // A lapsed hold of the same citizen shows neither in the list nor in the agenda.
    const lapsedFacts = { ...facts, bookingId: 'b-life-lapsed', slotStart: '10:00', slotEnd: '10:30', startsAt: instantOf(THU, '10:00'), endsAt: instantOf(THU, '10:30') };
    await project(envelope('BookingHeld', 'b-life-lapsed', { ...lapsedFacts, expiresAt }));
    await project(envelope('BookingLapsed', 'b-life-lapsed', { ...lapsedFacts, reason: 'abandoned', lapsedAt: addMinutes(NOW, 5) }));
    // A confirmed in-person booking of another citizen earlier that day.
    const other = { ...lapsedFacts, bookingId: 'b-life-other', citizenRef: citizen(2) };
    await project(envelope('BookingHeld', 'b-life-other', { ...other, expiresAt }));
    await project(envelope('BookingConfirmed', 'b-life-other', { ...other, channel: 'in_person', language: 'ru', confirmedAt: addMinutes(NOW, 3) }));

    expect((await queries.citizenBookings(who, NOW)).map((b) => b.bookingId)).toEqual([bookingId]);
    let agenda = await queries.agenda(DEPUTY, THU);
    expect(agenda.map((b) => [b.bookingId, b.slotStart, b.status])).toEqual([
      ['b-life-other', '10:00', 'confirmed'],
      [bookingId, '11:00', 'confirmed'],
    ]);
    expect(agenda[0]!.joinOpensAt).toBeUndefined();

    const during = '2026-04-09T11:01:00+05:00';
    await project(envelope('RemoteReceptionStarted', bookingId, { ...remote, startedAt: during }, during));
    expect((await queries.booking(bookingId))!.status).toBe('in_progress');
    await project(envelope('RemoteReceptionEnded', bookingId, { ...remote, endedAt: '2026-04-09T11:25:00+05:00' }));
    expect((await queries.booking(bookingId))!.status).toBe('in_progress');
    await project(envelope('ReceptionCompleted', bookingId, { ...remote, outcome: 'appeal_needed', completedAt: '2026-04-09T11:27:00+05:00' }));
    await project(envelope('FollowUpRequested', bookingId, { ...remote, outcome: 'appeal_needed', requestedAt: '2026-04-09T11:28:00+05:00' }, '2026-04-09T11:28:00+05:00'));

    const done = await queries.booking(bookingId);
    expect(done).toMatchObject({ status: 'completed', outcome: 'appeal_needed', followUpRequested: true, updatedAt: '2026-04-09T11:28:00+05:00' });
    const after = await queries.citizenBookings(who, '2026-04-09T12:00:00+05:00');
    expect(after).toEqual([expect.objectContaining({ bookingId, status: 'completed', upcoming: false })]);

    await project(envelope('BookingCancelled', 'b-life-other', { ...other, by: 'office', cancelledAt: addMinutes(NOW, 30) }));
    agenda = await queries.agenda(DEPUTY, THU);
    expect(agenda.map((b) => [b.bookingId, b.status, b.cancelledBy])).toEqual([
      ['b-life-other', 'cancelled', 'office'],
      [bookingId, 'completed', undefined],
    ]);
  });

  it('orders a citizen list upcoming first (soonest first), then past ones (latest first)', async () => {
    const who = citizen(3);
    const make = (bookingId: string, date: string, slotStart: string, slotEnd: string) => ({
      bookingId,
      citizenRef: who,
      officialId: DEPUTY,
      officeId: OFFICE,
      date,
      slotStart,
      slotEnd,
      startsAt: instantOf(date, slotStart),
      endsAt: instantOf(date, slotEnd),
      mode: 'in_person' as const,
    });
    const confirm = async (f: ReturnType<typeof make>) => {
      await project(envelope('BookingHeld', f.bookingId, { ...f, expiresAt: addMinutes(NOW, 15) }));
      await project(envelope('BookingConfirmed', f.bookingId, { ...f, channel: 'in_person', language: 'en', confirmedAt: NOW }));
    };
    await confirm(make('b-order-late', '2026-04-10', '11:30', '12:00'));
    await confirm(make('b-order-soon', '2026-04-07', '11:30', '12:00'));
    const past = make('b-order-past', '2026-04-06', '10:00', '10:30');
    await confirm(past);
    await project(envelope('BookingMarkedNoShow', past.bookingId, { ...past, markedAt: '2026-04-06T10:20:00+05:00' }));
    const list = await queries.citizenBookings(who, NOW);
    expect(list.map((b) => [b.bookingId, b.upcoming])).toEqual([
      ['b-order-soon', true],
      ['b-order-late', true],
      ['b-order-past', false],
    ]);
    expect(list[2]!.status).toBe('no_show');
  });

  it('moves a seat within a day and across days', async () => {
    const id = 'b-move-1';
    await project(slotHeld(id, WED, '10:00', '10:30', addMinutes(NOW, 15)));
    await project(envelope('SlotBooked', id, { bookingId: id, officialId: DEPUTY, date: WED, slotStart: '10:00' }));
    await project(envelope('BookingMoved', id, { bookingId: id, officialId: DEPUTY, date: WED, fromSlotStart: '10:00', toSlotStart: '10:30', toSlotEnd: '11:00' }));
    expect(await freeAt(WED, '10:00')).toBe(2);
    expect(await freeAt(WED, '10:30')).toBe(1);

    // To Friday: the new day's seat is held and booked before the old one is released.
    const FRI = '2026-04-10';
    await project(slotHeld(id, FRI, '11:00', '11:30', addMinutes(NOW, 20)));
    await project(envelope('SlotBooked', id, { bookingId: id, officialId: DEPUTY, date: FRI, slotStart: '11:00' }));
    expect(await freeAt(WED, '10:30')).toBe(1); // still taken until released
    expect(await freeAt(FRI, '11:00')).toBe(1);
    await project(envelope('SlotReleased', id, { bookingId: id, officialId: DEPUTY, date: WED, slotStart: '10:30', reason: 'rescheduled' }));
    expect(await freeAt(WED, '10:30')).toBe(2);
    expect(await freeAt(FRI, '11:00')).toBe(1);
  });

  it('withdraws rules, adds extra hours and cancels days', async () => {
    const MON = '2026-04-13';
    const TUE2 = '2026-04-14';
    await projectAll(
      envelope('ExtraReceptionHoursAdded', DEPUTY, {
        officialId: DEPUTY,
        date: MON,
        hours: { start: '15:00', end: '16:00', slotMinutes: 20, capacity: 1, mode: 'remote' },
      }),
      slotHeld('b-closed-1', TUE2, '10:00', '10:30', addMinutes(NOW, 15)),
      envelope('SlotBooked', 'b-closed-1', { bookingId: 'b-closed-1', officialId: DEPUTY, date: TUE2, slotStart: '10:00' }),
      envelope('ReceptionDayCancelled', DEPUTY, { officialId: DEPUTY, date: TUE2 }),
      envelope('ReceptionDayClosed', DEPUTY, { officialId: DEPUTY, date: TUE2, affectedBookingIds: ['b-closed-1'] }),
    );
    expect((await freeOn(MON)).map((s) => `${s.start}-${s.end} ${s.mode}`)).toEqual([
      '10:00-10:30 in_person',
      '10:30-11:00 in_person',
      '11:00-11:30 in_person',
      '11:30-12:00 in_person',
      '15:00-15:20 remote',
      '15:20-15:40 remote',
      '15:40-16:00 remote',
    ]);
    expect((await freeOn(MON)).find((s) => s.mode === 'remote')!.officeId).toBeUndefined();
    expect(await freeOn(TUE2)).toEqual([]);
    const seat = await orm.em.fork().execute(`SELECT status FROM ${qualified('seats')} WHERE booking_id = 'b-closed-1'`);
    expect(seat).toEqual([{ status: 'released' }]);

    const official = await queries.official(DEPUTY);
    expect(official!.dayOverrides[TUE2]).toEqual({ cancelled: true, extraHours: [] });
    expect(official!.dayOverrides[MON]!.extraHours).toHaveLength(1);

    await project(envelope('ReceptionRuleWithdrawn', DEPUTY, { officialId: DEPUTY, ruleId: 'rule-daily-1' }));
    expect((await freeOn(MON)).map((s) => s.start)).toEqual(['15:00', '15:20', '15:40']);
    expect(await queries.freeSlots(DEPUTY, '2026-04-15', '2026-04-17', NOW)).toEqual([]);
  });

  it('lists offices and officials with their rules; names come from the directory only', async () => {
    expect(
      await upsertOffices(orm, [
        {
          officeId: OFFICE,
          kind: 'public_service_centre',
          name: { kk: 'ХҚКО №1', ru: 'ЦОН №1', en: 'PSC No. 1' },
          address: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
          regionCode: 'KZ-71',
        },
      ]),
    ).toBe(1);
    await queries.upsertOffice({
      officeId: OFFICE,
      kind: 'public_service_centre',
      name: { kk: 'ХҚКО №1', ru: 'ЦОН №1', en: 'Public Service Centre No. 1' },
      address: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
      regionCode: 'KZ-71',
    });
    expect(await queries.offices()).toEqual([
      {
        officeId: OFFICE,
        kind: 'public_service_centre',
        name: { kk: 'ХҚКО №1', ru: 'ЦОН №1', en: 'Public Service Centre No. 1' },
        address: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
        regionCode: 'KZ-71',
      },
    ]);
    const officials = await queries.officials({ officeId: OFFICE });
    expect(officials.map((o) => [o.officialId, o.rank, o.displayName])).toEqual([
      [HEAD, 'head', null],
      [DEPUTY, 'deputy', null],
    ]);
    expect(await queries.officials({ officeId: 'elsewhere' })).toEqual([]);
    expect(await queries.official('nobody')).toBeNull();
  });

  it('keeps the checkpoint of each projection with its last event', async () => {
    const rows = await orm.em.fork().execute<Array<{ projection: string; last_event_id: string }>>(
      `SELECT projection, last_event_id FROM ${qualified('projection_checkpoints')} ORDER BY projection`,
    );
    // The reminder outbox is fed by the same pipeline (see notifications/).
    const projections: Projection[] = [bookingProjection, officialScheduleProjection, openedDayProjection, reminderProjection, seatProjection];
    expect(rows.map((r) => r.projection)).toEqual(projections.map((p) => p.name));
    for (const row of rows) expect(row.last_event_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
