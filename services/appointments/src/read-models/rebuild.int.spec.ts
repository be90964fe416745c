import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { handleCommand, PostgresEventStore, type Decider, type DomainEvent, type EventStore } from '@adal/event-store';
import { ProjectionRunner } from '@adal/read-models';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  addDays,
  addMinutes,
  bookingDecider,
  dayOfWeek,
  instantFromEpochMs,
  instantOf,
  isWorkingDay,
  localDateOf,
  bookingStream,
  kazakhstanWorkingDays,
  receptionCalendarDecider,
  receptionCalendarStream,
  receptionScheduleDecider,
  receptionScheduleStream,
  slotsFor,
  type OfficialProfile,
  type ReceptionScheduleState,
} from '../domain/index.js';
import { toIntegrationEvent } from '../integration/to-integration-event.js';
import { DirectoryFeed } from './directory-feed.js';
import { READ_SCHEMA, qualified } from './entities.js';
import { openReadModelOrm } from './orm.js';
import { allProjections, bookingProjection } from './projections.js';
import { AppointmentsQueries } from './queries.js';
import { rebuildReadModels } from './rebuild.js';

const OFFICE = 'office-akimat-test';
/**
 * The store stamps events with the real clock (the envelope time), and the schedule view forgets
 * day overrides a week after they passed, so this suite books a Tuesday and Wednesday in the
 * future: the first working pair at least two weeks from today.
 */
const firstMonday = (): string => {
  let monday = addDays(localDateOf(instantFromEpochMs(Date.now())), 14);
  while (dayOfWeek(monday) !== 'monday' || !isWorkingDay(addDays(monday, 1)) || !isWorkingDay(addDays(monday, 2))) {
    monday = addDays(monday, 1);
  }
  return monday;
};
const MON = firstMonday();
const NOW = instantOf(MON, '12:00');
const TUE = addDays(MON, 1);
const WED = addDays(MON, 2);
const citizen = (n: number): string => `citizen-ref-rebuild-${String(n).padStart(10, '0')}`;

const deputy: OfficialProfile = {
  officialId: 'official-deputy-rb',
  officeId: OFFICE,
  rank: 'deputy',
  displayName: { kk: 'Айгерім Нұрланова', ru: 'Айгерим Нурланова', en: 'Aigerim Nurlanova' },
};
const head: OfficialProfile = {
  officialId: 'official-head-rb',
  officeId: OFFICE,
  rank: 'head',
  displayName: { kk: 'Дәурен Оспанов', ru: 'Даурен Оспанов', en: 'Dauren Ospanov' },
};

const TABLES = ['official_schedules', 'seats', 'bookings', 'official_directory'];

describe('rebuilding the appointments read models from the event store', () => {
  let db: TestDatabase;
  let store: EventStore;
  let orm: MikroORM;
  let runner: ProjectionRunner;
  let feed: DirectoryFeed;

  const run = async <C, S, E extends DomainEvent>(stream: string, decider: Decider<C, S, E>, command: C): Promise<S> =>
    (await handleCommand(store, stream, command, decider)).state;

  const snapshot = async (): Promise<Record<string, unknown[]>> => {
    const em = orm.em.fork();
    const result: Record<string, unknown[]> = {};
    for (const table of TABLES) result[table] = await em.execute(`SELECT * FROM ${qualified(table)} ORDER BY 1, 2`);
    return result;
  };

  /** Live path: every stored event through the mapper and the runner, as the consumer does. */
  const projectStore = async (): Promise<number> => {
    let applied = 0;
    for (const event of await store.readAll()) {
      const envelope = toIntegrationEvent(event);
      if (!envelope) continue;
      for (const projection of allProjections()) if (await runner.project(projection, envelope)) applied++;
    }
    return applied;
  };

  const waitFor = async (check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('appointments_read_rebuild');
    store = await PostgresEventStore.create({ connectionString: db.url, schema: 'appointments' });
    orm = await openReadModelOrm({ clientUrl: db.url });
    runner = await ProjectionRunner.create(orm, { schema: READ_SCHEMA });
    feed = await DirectoryFeed.create(orm, store, { retryDelayMs: 100 });

    // The schedule: a deputy receiving daily 10:00-12:00 in 30-minute slots for two citizens at once.
    await run(receptionScheduleStream(deputy.officialId), receptionScheduleDecider, { type: 'RegisterOfficial', data: deputy });
    const schedule: ReceptionScheduleState = await run(receptionScheduleStream(deputy.officialId), receptionScheduleDecider, {
      type: 'PublishReceptionRule',
      data: {
        officialId: deputy.officialId,
        ruleId: 'rule-rb-1',
        recurrence: 'daily',
        start: '10:00',
        end: '12:00',
        slotMinutes: 30,
        capacity: 2,
        mode: 'in_person',
        validFrom: MON,
      },
    });

    // Tuesday: b1 is held and confirmed; b2 is held and abandoned.
    const tuesday = receptionCalendarStream(deputy.officialId, TUE);
    await run(tuesday, receptionCalendarDecider, {
      type: 'OpenReceptionDay',
      data: { officialId: deputy.officialId, date: TUE, slots: slotsFor(schedule, TUE, kazakhstanWorkingDays) },
    });
    const expiresAt = addMinutes(NOW, 15);
    const hold = async (bookingId: string, who: string, date: string, slotStart: string, slotEnd: string) => {
      await run(receptionCalendarStream(deputy.officialId, date), receptionCalendarDecider, {
        type: 'HoldSlot',
        data: { bookingId, citizenRef: who, slotStart, now: NOW, holdExpiresAt: expiresAt },
      });
      await run(bookingStream(bookingId), bookingDecider, {
        type: 'HoldBooking',
        data: {
          bookingId,
          citizenRef: who,
          officialId: deputy.officialId,
          date,
          slotStart,
          slotEnd,
          mode: 'in_person',
          officeId: OFFICE,
          now: NOW,
          expiresAt,
        },
      });
    };
    await hold('b-rb-1', citizen(1), TUE, '10:00', '10:30');
    const confirmedAt = addMinutes(NOW, 2);
    await run(tuesday, receptionCalendarDecider, { type: 'ConfirmHold', data: { bookingId: 'b-rb-1', now: confirmedAt } });
    await run(bookingStream('b-rb-1'), bookingDecider, {
      type: 'ConfirmBooking',
      data: { bookingId: 'b-rb-1', purpose: 'Land plot question', language: 'ru', channel: 'in_person', now: confirmedAt },
    });
    await hold('b-rb-2', citizen(2), TUE, '10:00', '10:30');
    await run(tuesday, receptionCalendarDecider, { type: 'ReleaseSlot', data: { bookingId: 'b-rb-2', reason: 'hold_abandoned' } });
    await run(bookingStream('b-rb-2'), bookingDecider, {
      type: 'LapseHold',
      data: { bookingId: 'b-rb-2', reason: 'abandoned', now: addMinutes(NOW, 3) },
    });

    // Wednesday: b3 is held, then the day is cancelled.
    await run(receptionCalendarStream(deputy.officialId, WED), receptionCalendarDecider, {
      type: 'OpenReceptionDay',
      data: { officialId: deputy.officialId, date: WED, slots: slotsFor(schedule, WED, kazakhstanWorkingDays) },
    });
    await hold('b-rb-3', citizen(3), WED, '11:00', '11:30');
    await run(receptionScheduleStream(deputy.officialId), receptionScheduleDecider, {
      type: 'ChangeReceptionDay',
      data: { officialId: deputy.officialId, date: WED, change: { kind: 'cancel', reason: 'Session of the maslikhat' } },
    });
    await run(receptionCalendarStream(deputy.officialId, WED), receptionCalendarDecider, {
      type: 'CancelDay',
      data: { officialId: deputy.officialId, date: WED },
    });
    await run(bookingStream('b-rb-3'), bookingDecider, {
      type: 'CancelBooking',
      data: { bookingId: 'b-rb-3', by: 'office', now: addMinutes(NOW, 10) },
    });
  });

  afterAll(async () => {
    await feed?.stop();
    await store?.close();
    await orm?.close(true);
    await db?.drop();
  });

  it('gives the same rows as the live projection, and the live path keeps working after it', async () => {
    expect(await projectStore()).toBeGreaterThan(10);
    feed.start();
    await feed.whenCaughtUp();

    const queries = new AppointmentsQueries(orm);
    expect(await queries.freeSlots(deputy.officialId, TUE, WED, NOW)).toEqual([
      {
        date: TUE,
        slots: [
          { start: '10:00', end: '10:30', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 1 },
          { start: '10:30', end: '11:00', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 2 },
          { start: '11:00', end: '11:30', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 2 },
          { start: '11:30', end: '12:00', mode: 'in_person', officeId: OFFICE, capacity: 2, free: 2 },
        ],
      },
    ]);
    expect((await queries.agenda(deputy.officialId, TUE)).map((b) => [b.bookingId, b.status, b.language])).toEqual([
      ['b-rb-1', 'confirmed', 'ru'],
    ]);
    expect((await queries.citizenBookings(citizen(3), NOW)).map((b) => [b.bookingId, b.status, b.cancelledBy])).toEqual([
      ['b-rb-3', 'cancelled', 'office'],
    ]);
    expect(await queries.officials()).toEqual([
      {
        officialId: deputy.officialId,
        officeId: OFFICE,
        rank: 'deputy',
        displayName: deputy.displayName,
        receptionRules: [expect.objectContaining({ ruleId: 'rule-rb-1', recurrence: 'daily', officeId: OFFICE })],
      },
    ]);

    const live = await snapshot();
    expect(live['seats']).toHaveLength(3);
    expect(live['bookings']).toHaveLength(3);

    const results = await rebuildReadModels(orm, store, 'all');
    expect(results.map((r) => [r.name, r.applied])).toEqual([
      ['official-schedules', 3],
      ['opened-days', 3],
      ['seats', 6],
      ['bookings', 6],
      ['reminders', 3],
      ['official-directory', 1],
    ]);
    const head = await store.readAll({ after: 0n });
    const lastPosition = head[head.length - 1]!.globalPosition;
    for (const r of results.slice(0, 4)) expect(r.position).toBe(lastPosition);
    expect(await snapshot()).toEqual(live);

    // Envelopes already applied are recognised after the rebuild (the inbox was rebuilt too).
    const confirmed = (await store.readStream(bookingStream('b-rb-1'))).find((e) => e.type === 'BookingConfirmed')!;
    expect(await runner.project(bookingProjection, toIntegrationEvent(confirmed)!)).toBe(false);
  });

  it('keeps the directory following the store after a rebuild, exactly once by position', async () => {
    await run(receptionScheduleStream(head.officialId), receptionScheduleDecider, { type: 'RegisterOfficial', data: head });
    const queries = new AppointmentsQueries(orm);
    await waitFor(async () => Boolean((await queries.official(head.officialId))?.displayName));
    expect(await queries.official(head.officialId)).toEqual({
      officialId: head.officialId,
      officeId: OFFICE,
      rank: 'head',
      displayName: head.displayName,
      receptionRules: [],
      dayOverrides: {},
    });
    const registered = (await store.readStream(receptionScheduleStream(head.officialId)))[0]!;
    await waitFor(async () => (await feed.checkpoint()) === registered.globalPosition);
    expect(await feed.apply(registered)).toBe(false);

    const [rebuilt] = await rebuildReadModels(orm, store, 'official-directory');
    expect(rebuilt).toEqual({ name: 'official-directory', applied: 2, position: registered.globalPosition });
    const directory = await orm.em.fork().execute(`SELECT official_id, display_name FROM ${qualified('official_directory')} ORDER BY 1`);
    expect(directory).toEqual([
      { official_id: deputy.officialId, display_name: deputy.displayName },
      { official_id: head.officialId, display_name: head.displayName },
    ]);
    await expect(rebuildReadModels(orm, store, 'no-such-model')).rejects.toThrow(/unknown read model/);
  });
});
