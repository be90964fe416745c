/**
 * The three read models fed by the service's public integration events (`appointments.*`).
 *
 * They run under `ProjectionRunner`, which deduplicates by envelope id (inbox row in the same
 * transaction), so a redelivered envelope never reaches `apply` twice. The handlers are still
 * written to be idempotent and tolerant of order where it is cheap: events of one aggregate
 * arrive in order, but a day's closure (keyed by the official) may interleave with seat events
 * (keyed by the booking). Every value written comes from the envelope (its `time` for
 * `updated_at`), so replaying the store gives the same rows as the live feed.
 *
 * Handlers use the `EntityManager` of the runner's transaction: lookups by primary key are served
 * from the identity map during a rebuild, and `em.find` flushes pending changes first.
 */
import { reminderProjection } from '../notifications/reminder.projection.js';
import type { ContractData, IntegrationEnvelope, appointments } from '@adal/contracts';
import type { Projection } from '@adal/read-models';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, localDateOf, type ReceptionHours, type ReceptionRule, type ReceptionSlot } from '../domain/index.js';
import {
  BookingView,
  OfficialScheduleView,
  OpenedDayView,
  SeatView,
  qualified,
  type BookingViewStatus,
  type DayOverrideView,
  type SeatViewStatus,
} from './entities.js';

type Data<C> = ContractData<C>;

const at = (instant: string): Date => new Date(instant);

// --- official schedules --------------------------------------------------------------------------

/** Day overrides and expired rules older than this (before the event's date) are dropped. */
const SCHEDULE_HISTORY_DAYS = 7;

const SCHEDULE_EVENTS = [
  'appointments.OfficialRegistered',
  'appointments.ReceptionRulePublished',
  'appointments.ReceptionRuleWithdrawn',
  'appointments.ReceptionDayCancelled',
  'appointments.ExtraReceptionHoursAdded',
] as const;

const scheduleRow = async (em: EntityManager, officialId: string, time: Date): Promise<OfficialScheduleView> =>
  (await em.findOne(OfficialScheduleView, { officialId })) ??
  em.create(OfficialScheduleView, { officialId, rules: [], dayOverrides: {}, updatedAt: time });

const sameHours = (a: ReceptionHours, b: ReceptionHours): boolean =>
  a.start === b.start && a.end === b.end && a.mode === b.mode;

/**
 * Keeps the JSON small for years of use: days and rules that ended more than a week before the
 * event are of no use to booking. Relative to the event's time (not the clock), so deterministic.
 */
const prune = (row: OfficialScheduleView, eventTime: string): void => {
  const horizon = addDays(localDateOf(eventTime), -SCHEDULE_HISTORY_DAYS);
  const days = Object.entries(row.dayOverrides).filter(([date]) => date >= horizon);
  if (days.length !== Object.keys(row.dayOverrides).length) row.dayOverrides = Object.fromEntries(days);
  const rules = row.rules.filter((rule) => rule.validTo === undefined || rule.validTo >= horizon);
  if (rules.length !== row.rules.length) row.rules = rules;
};

const applySchedule = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  const time = at(envelope.time);
  switch (envelope.type) {
    case 'appointments.OfficialRegistered': {
      const data = envelope.data as Data<typeof appointments.OfficialRegistered>;
      const row = await scheduleRow(em, data.officialId, time);
      row.officeId = data.officeId;
      row.rank = data.rank;
      row.updatedAt = time;
      return;
    }
    case 'appointments.ReceptionRulePublished': {
      const data = envelope.data as Data<typeof appointments.ReceptionRulePublished>;
      const row = await scheduleRow(em, data.officialId, time);
      const rule = data.rule as ReceptionRule;
      row.rules = [...row.rules.filter((r) => r.ruleId !== rule.ruleId), rule];
      prune(row, envelope.time);
      row.updatedAt = time;
      return;
    }
    case 'appointments.ReceptionRuleWithdrawn': {
      const data = envelope.data as Data<typeof appointments.ReceptionRuleWithdrawn>;
      const row = await scheduleRow(em, data.officialId, time);
      row.rules = row.rules.filter((r) => r.ruleId !== data.ruleId);
      prune(row, envelope.time);
      row.updatedAt = time;
      return;
    }
    case 'appointments.ReceptionDayCancelled': {
      const data = envelope.data as Data<typeof appointments.ReceptionDayCancelled>;
      const row = await scheduleRow(em, data.officialId, time);
      const day: DayOverrideView = row.dayOverrides[data.date] ?? { cancelled: false, extraHours: [] };
      row.dayOverrides = { ...row.dayOverrides, [data.date]: { ...day, cancelled: true } };
      prune(row, envelope.time);
      row.updatedAt = time;
      return;
    }
    case 'appointments.ExtraReceptionHoursAdded': {
      const data = envelope.data as Data<typeof appointments.ExtraReceptionHoursAdded>;
      const row = await scheduleRow(em, data.officialId, time);
      const day: DayOverrideView = row.dayOverrides[data.date] ?? { cancelled: false, extraHours: [] };
      const hours = data.hours as ReceptionHours;
      const extraHours = [...day.extraHours.filter((h) => !sameHours(h, hours)), hours].sort((a, b) =>
        a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
      );
      row.dayOverrides = { ...row.dayOverrides, [data.date]: { ...day, extraHours } };
      prune(row, envelope.time);
      row.updatedAt = time;
      return;
    }
    default:
      return;
  }
};

export const officialScheduleProjection: Projection = {
  name: 'official-schedules',
  tables: [qualified('official_schedules')],
  handles: SCHEDULE_EVENTS,
  apply: applySchedule,
};

// --- opened days -----------------------------------------------------------------------------------

const DAY_EVENTS = [
  'appointments.ReceptionDayOpened',
  'appointments.ReceptionSlotsAdded',
  'appointments.ReceptionDayClosed',
] as const;

const applyDay = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  const d = envelope.data as { officialId: string; date: string; slots?: ReceptionSlot[] };
  let day = await em.findOne(OpenedDayView, { officialId: d.officialId, date: d.date });
  switch (envelope.type) {
    case 'appointments.ReceptionDayOpened':
      if (!day) em.create(OpenedDayView, { officialId: d.officialId, date: d.date, slots: d.slots ?? [], closed: false });
      return;
    case 'appointments.ReceptionSlotsAdded':
      if (day) day.slots = [...day.slots, ...(d.slots ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1));
      return;
    case 'appointments.ReceptionDayClosed':
      day ??= em.create(OpenedDayView, { officialId: d.officialId, date: d.date, slots: [], closed: true });
      day.closed = true;
      return;
  }
};

export const openedDayProjection: Projection = {
  name: 'opened-days',
  tables: [qualified('opened_days')],
  handles: DAY_EVENTS,
  apply: applyDay,
};

// --- seats -----------------------------------------------------------------------------------------

const SEAT_EVENTS = [
  'appointments.SlotHeld',
  'appointments.HoldExtended',
  'appointments.SlotBooked',
  'appointments.SlotReleased',
  'appointments.BookingMoved',
  'appointments.ReceptionDayClosed',
] as const;

/**
 * Rows a batch has already loaded, per transaction's EntityManager (filled by `prefetch`):
 * `null` means "looked up, not there". Applying a batch then needs no query per event.
 */
const batchRows = new WeakMap<EntityManager, Map<string, object | null>>();
const rowsOf = (em: EntityManager): Map<string, object | null> => {
  let rows = batchRows.get(em);
  if (!rows) batchRows.set(em, (rows = new Map()));
  return rows;
};
const seatKey = (bookingId: string, date: string) => `seat:${bookingId}|${date}`;
const bookingKey = (bookingId: string) => `booking:${bookingId}`;

const findSeat = async (em: EntityManager, bookingId: string, date: string): Promise<SeatView | null> => {
  const known = batchRows.get(em);
  if (known?.has(seatKey(bookingId, date))) return known.get(seatKey(bookingId, date)) as SeatView | null;
  return em.findOne(SeatView, { bookingId, date });
};

const prefetchSeats = async (em: EntityManager, envelopes: readonly IntegrationEnvelope[]): Promise<void> => {
  const wanted = envelopes
    .filter((e) => e.type !== 'appointments.ReceptionDayClosed')
    .map((e) => e.data as { bookingId: string; date: string });
  if (wanted.length === 0) return;
  const rows = rowsOf(em);
  for (const { bookingId, date } of wanted) rows.set(seatKey(bookingId, date), null);
  for (const seat of await em.find(SeatView, { bookingId: { $in: [...new Set(wanted.map((w) => w.bookingId))] } })) {
    rows.set(seatKey(seat.bookingId, seat.date), seat);
  }
};

/** Creates a seat row and remembers it for the rest of the batch. */
const createSeat = (
  em: EntityManager,
  data: Pick<SeatView, 'bookingId' | 'date' | 'officialId' | 'slotStart' | 'status'> &
    Partial<Pick<SeatView, 'slotEnd' | 'holdExpiresAt'>>,
): SeatView => {
  const seat = em.create(SeatView, data);
  batchRows.get(em)?.set(seatKey(seat.bookingId, seat.date), seat);
  return seat;
};

const RELEASED: SeatViewStatus = 'released';

const applySeat = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  switch (envelope.type) {
    case 'appointments.SlotHeld': {
      const d = envelope.data as Data<typeof appointments.SlotHeld>;
      const seat = await findSeat(em, d.bookingId, d.date);
      if (!seat) {
        createSeat(em, {
          bookingId: d.bookingId,
          date: d.date,
          officialId: d.officialId,
          slotStart: d.slotStart,
          slotEnd: d.slotEnd,
          status: 'held',
          holdExpiresAt: at(d.holdExpiresAt),
        });
        return;
      }
      if (seat.status === 'booked') return; // a late copy of the hold never un-books a seat
      Object.assign(seat, {
        officialId: d.officialId,
        slotStart: d.slotStart,
        slotEnd: d.slotEnd,
        status: 'held',
        holdExpiresAt: at(d.holdExpiresAt),
      });
      return;
    }
    case 'appointments.HoldExtended': {
      const d = envelope.data as Data<typeof appointments.HoldExtended>;
      const seat = await findSeat(em, d.bookingId, d.date);
      if (seat?.status === 'held') seat.holdExpiresAt = at(d.holdExpiresAt);
      return;
    }
    case 'appointments.SlotBooked': {
      const d = envelope.data as Data<typeof appointments.SlotBooked>;
      const seat = await findSeat(em, d.bookingId, d.date);
      if (!seat) {
        createSeat(em, {
          bookingId: d.bookingId,
          date: d.date,
          officialId: d.officialId,
          slotStart: d.slotStart,
          status: 'booked',
        });
        return;
      }
      if (seat.status === RELEASED) return; // released (e.g. the day closed) stays released
      seat.status = 'booked';
      seat.slotStart = d.slotStart;
      return;
    }
    case 'appointments.SlotReleased': {
      const d = envelope.data as Data<typeof appointments.SlotReleased>;
      const seat = await findSeat(em, d.bookingId, d.date);
      if (!seat) {
        createSeat(em, {
          bookingId: d.bookingId,
          date: d.date,
          officialId: d.officialId,
          slotStart: d.slotStart,
          status: RELEASED,
        });
        return;
      }
      seat.status = RELEASED;
      return;
    }
    case 'appointments.BookingMoved': {
      const d = envelope.data as Data<typeof appointments.BookingMoved>;
      const seat = await findSeat(em, d.bookingId, d.date);
      if (!seat) {
        createSeat(em, {
          bookingId: d.bookingId,
          date: d.date,
          officialId: d.officialId,
          slotStart: d.toSlotStart,
          slotEnd: d.toSlotEnd,
          status: 'booked',
        });
        return;
      }
      seat.slotStart = d.toSlotStart;
      seat.slotEnd = d.toSlotEnd;
      return;
    }
    case 'appointments.ReceptionDayClosed': {
      const d = envelope.data as Data<typeof appointments.ReceptionDayClosed>;
      // Every seat of the day is released (the affected bookings are exactly the held and booked
      // ones). A seat event of that day arriving later is harmless: the schedule view already
      // marks the day cancelled (the schedule is cancelled before the calendar closes), so the
      // day offers no slots.
      const seats = await em.find(SeatView, { officialId: d.officialId, date: d.date, status: { $ne: RELEASED } });
      for (const seat of seats) seat.status = RELEASED;
      for (const bookingId of d.affectedBookingIds) {
        const seat = await findSeat(em, bookingId, d.date);
        if (seat) seat.status = RELEASED;
      }
      return;
    }
    default:
      return;
  }
};

export const seatProjection: Projection = {
  name: 'seats',
  tables: [qualified('seats')],
  handles: SEAT_EVENTS,
  apply: applySeat,
  prefetch: prefetchSeats,
};

// --- bookings --------------------------------------------------------------------------------------

const BOOKING_EVENTS = [
  'appointments.BookingHeld',
  'appointments.BookingHoldExtended',
  'appointments.BookingConfirmed',
  'appointments.BookingLapsed',
  'appointments.BookingCancelled',
  'appointments.BookingRescheduled',
  'appointments.BookingMarkedNoShow',
  'appointments.RemoteReceptionStarted',
  'appointments.RemoteReceptionEnded',
  'appointments.ReceptionCompleted',
  'appointments.FollowUpRequested',
] as const;

/** The status of a booking first seen through this event (normally `BookingHeld` comes first). */
const INITIAL_STATUS: Readonly<Record<string, BookingViewStatus>> = {
  'appointments.BookingHeld': 'held',
  'appointments.BookingHoldExtended': 'held',
  'appointments.RemoteReceptionEnded': 'in_progress',
  'appointments.FollowUpRequested': 'completed',
};

/** Statuses after which nothing but a follow-up changes (a late copy of an earlier event must not revive). */
const FINAL: readonly string[] = ['lapsed', 'cancelled', 'no_show', 'completed'];

const applyBooking = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  if (!(BOOKING_EVENTS as readonly string[]).includes(envelope.type)) return;
  // Every booking event is "fat": it carries the booking's facts as they stand after it.
  const facts = envelope.data as appointments.BookingContext;
  const time = at(envelope.time);
  const context = {
    citizenRef: facts.citizenRef,
    officialId: facts.officialId,
    officeId: facts.officeId ?? null,
    date: facts.date,
    slotStart: facts.slotStart,
    slotEnd: facts.slotEnd,
    startsAt: at(facts.startsAt),
    endsAt: at(facts.endsAt),
    mode: facts.mode,
  };
  const known = batchRows.get(em);
  let row = known?.has(bookingKey(facts.bookingId))
    ? (known.get(bookingKey(facts.bookingId)) as BookingView | null)
    : await em.findOne(BookingView, { bookingId: facts.bookingId });
  if (!row) {
    row = em.create(BookingView, {
      bookingId: facts.bookingId,
      ...context,
      status: INITIAL_STATUS[envelope.type] ?? 'confirmed',
      followUpRequested: false,
      updatedAt: time,
    });
    known?.set(bookingKey(facts.bookingId), row);
  } else {
    Object.assign(row, context);
  }
  const setStatus = (status: BookingViewStatus): void => {
    row.status = status;
  };

  switch (envelope.type) {
    case 'appointments.BookingHeld': {
      const d = envelope.data as Data<typeof appointments.BookingHeld>;
      if (row.status === 'held') row.holdExpiresAt = at(d.expiresAt);
      break;
    }
    case 'appointments.BookingConfirmed': {
      const d = envelope.data as Data<typeof appointments.BookingConfirmed>;
      if (row.status === 'held' || row.status === 'confirmed') setStatus('confirmed');
      row.channel = d.channel;
      row.language = d.language;
      row.joinUrl = d.joinUrl ?? null;
      break;
    }
    case 'appointments.BookingHoldExtended': {
      const d = envelope.data as Data<typeof appointments.BookingHoldExtended>;
      if (row.status === 'held') row.holdExpiresAt = at(d.expiresAt);
      break;
    }
    case 'appointments.BookingLapsed':
      setStatus('lapsed');
      break;
    case 'appointments.BookingCancelled': {
      const d = envelope.data as Data<typeof appointments.BookingCancelled>;
      setStatus('cancelled');
      row.cancelledBy = d.by;
      break;
    }
    case 'appointments.BookingRescheduled':
      break; // the new slot is in the facts, already applied
    case 'appointments.BookingMarkedNoShow':
      setStatus('no_show');
      break;
    case 'appointments.RemoteReceptionStarted':
      if (!FINAL.includes(row.status)) setStatus('in_progress');
      break;
    case 'appointments.RemoteReceptionEnded':
      break; // still in progress until the official records the outcome
    case 'appointments.ReceptionCompleted': {
      const d = envelope.data as Data<typeof appointments.ReceptionCompleted>;
      setStatus('completed');
      row.outcome = d.outcome;
      break;
    }
    case 'appointments.FollowUpRequested': {
      const d = envelope.data as Data<typeof appointments.FollowUpRequested>;
      row.followUpRequested = true;
      row.outcome = d.outcome;
      break;
    }
  }
  row.updatedAt = time;
};

const prefetchBookings = async (em: EntityManager, envelopes: readonly IntegrationEnvelope[]): Promise<void> => {
  const ids = [...new Set(envelopes.map((e) => (e.data as { bookingId: string }).bookingId))];
  if (ids.length === 0) return;
  const rows = rowsOf(em);
  for (const id of ids) rows.set(bookingKey(id), null);
  for (const row of await em.find(BookingView, { bookingId: { $in: ids } })) rows.set(bookingKey(row.bookingId), row);
};

export const bookingProjection: Projection = {
  name: 'bookings',
  tables: [qualified('bookings')],
  handles: BOOKING_EVENTS,
  apply: applyBooking,
  prefetch: prefetchBookings,
};

/** The projections fed by integration events, in a stable order. */
export const allProjections = (): Projection[] => [
  officialScheduleProjection,
  openedDayProjection,
  seatProjection,
  bookingProjection,
  reminderProjection,
];
