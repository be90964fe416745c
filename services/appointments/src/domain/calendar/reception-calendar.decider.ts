import type { Decider } from '@adal/event-store';
import { instantOf, isBefore, unknownCommand, type Instant, type LocalTime } from '@adal/domain-kit';
import { refuse } from '../shared/domain-error.js';
import { RECEPTION_MODES, type ReceptionSlot } from '../shared/reception.js';
import {
  optionalText,
  requireChoice,
  requireDate,
  requireId,
  requireInstant,
  requireInteger,
  requireTime,
} from '../shared/validation.js';
import {
  RELEASE_REASONS,
  type AddReceptionSlots,
  type AffectedBooking,
  type CancelDay,
  type ConfirmHold,
  type ExtendHold,
  type HoldSlot,
  type MoveBooking,
  type OpenReceptionDay,
  type ReceptionCalendarCommand,
  type ReceptionCalendarEvent,
  type ReceptionCalendarState,
  type ReleaseSlot,
  type Seat,
} from './reception-calendar.js';

const MAX_REASON_LENGTH = 500;

export const initialReceptionCalendarState = (): ReceptionCalendarState => ({
  status: 'unopened',
  slots: [],
  seats: {},
});

// --- capacity -----------------------------------------------------------------------------------

/** A seat counts against capacity when booked, or held and the hold has not expired at `now`. */
export const occupiesSeat = (seat: Seat, now: Instant): boolean =>
  seat.status === 'booked' || (seat.status === 'held' && isBefore(now, seat.holdExpiresAt));

/** Seats of the slot taken at `now`, leaving out `exceptBookingId` (the booking asking). */
export const seatsTaken = (
  state: ReceptionCalendarState,
  slotStart: LocalTime,
  now: Instant,
  exceptBookingId?: string,
): number =>
  Object.values(state.seats).filter(
    (seat) => seat.slotStart === slotStart && seat.bookingId !== exceptBookingId && occupiesSeat(seat, now),
  ).length;

export interface SlotAvailability extends ReceptionSlot {
  free: number;
}

/** What a citizen can still pick at `now`: every slot not yet started, with its free seats. */
export const availability = (state: ReceptionCalendarState, now: Instant): SlotAvailability[] =>
  state.status !== 'open' || !state.date
    ? []
    : state.slots
        .filter((slot) => isBefore(now, instantOf(state.date!, slot.start)))
        .map((slot) => ({ ...slot, free: Math.max(0, slot.capacity - seatsTaken(state, slot.start, now)) }));

// --- guards -------------------------------------------------------------------------------------

const requireOpenDay = (state: ReceptionCalendarState): void => {
  if (state.status === 'unopened') refuse('DAY_NOT_OPENED');
  if (state.status === 'closed') refuse('DAY_CANCELLED');
};

const requireSlot = (state: ReceptionCalendarState, start: LocalTime, field: string): ReceptionSlot =>
  state.slots.find((slot) => slot.start === start) ?? refuse('SLOT_UNKNOWN', { field });

/** "Past" includes the start itself: nobody books a reception that is already under way. */
const refuseStartedSlot = (state: ReceptionCalendarState, slot: ReceptionSlot, now: Instant, field: string): void => {
  if (!isBefore(now, instantOf(state.date!, slot.start))) refuse('SLOT_IN_PAST', { field });
};

const refuseFullSlot = (
  state: ReceptionCalendarState,
  slot: ReceptionSlot,
  now: Instant,
  field: string,
  exceptBookingId?: string,
): void => {
  if (seatsTaken(state, slot.start, now, exceptBookingId) >= slot.capacity) refuse('SLOT_FULL', { field });
};

const validateSlots = (slots: readonly ReceptionSlot[] | undefined): ReceptionSlot[] => {
  if (!Array.isArray(slots)) return refuse('FIELD_REQUIRED', { field: 'slots' });
  const valid = slots.map((slot, i): ReceptionSlot => {
    const at = `slots[${i}]`;
    const start = requireTime(slot.start, `${at}.start`);
    const end = requireTime(slot.end, `${at}.end`);
    if (end <= start) refuse('END_BEFORE_START', { field: `${at}.end` });
    const capacity = requireInteger(slot.capacity, `${at}.capacity`, 1, 100);
    const mode = requireChoice(slot.mode, RECEPTION_MODES, `${at}.mode`);
    if (mode === 'remote') return { start, end, capacity, mode };
    if (slot.officeId === undefined) refuse('OFFICE_REQUIRED', { field: `${at}.officeId` });
    return { start, end, capacity, mode, officeId: requireId(slot.officeId, `${at}.officeId`) };
  });
  valid.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  valid.forEach((slot, i) => {
    const previous = valid[i - 1];
    if (previous && previous.end > slot.start)
      refuse('DUPLICATE_SLOT', { field: 'slots', params: { start: slot.start } });
  });
  return valid;
};

// --- decisions ----------------------------------------------------------------------------------

const openReceptionDay = ({ data }: OpenReceptionDay, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  // The first opening wins: slots are frozen for the day, so bookings never see them change.
  // A concurrent second opener re-decides on the opened stream and gets no events; a day
  // cancelled before anyone opened it stays closed.
  if (state.status !== 'unopened') return [];
  const officialId = requireId(data.officialId, 'officialId');
  const date = requireDate(data.date, 'date');
  return [{ type: 'ReceptionDayOpened', data: { officialId, date, slots: validateSlots(data.slots) } }];
};

const addReceptionSlots = ({ data }: AddReceptionSlots, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  // Not opened yet: the day will open from the schedule, which already holds these hours.
  if (state.status === 'unopened') return [];
  if (state.status === 'closed') refuse('DAY_CANCELLED', { field: 'date' });
  const fresh = validateSlots(data.slots).filter(
    (slot) => !state.slots.some((existing) => existing.start < slot.end && slot.start < existing.end),
  );
  return fresh.length === 0 ? [] : [{ type: 'ReceptionSlotsAdded', data: { slots: fresh } }];
};

const holdSlot = ({ data }: HoldSlot, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  requireOpenDay(state);
  const bookingId = requireId(data.bookingId, 'bookingId');
  const citizenRef = requireId(data.citizenRef, 'citizenRef');
  const slotStart = requireTime(data.slotStart, 'slotStart');
  const now = requireInstant(data.now, 'now');
  const holdExpiresAt = requireInstant(data.holdExpiresAt, 'holdExpiresAt');
  if (!isBefore(now, holdExpiresAt)) refuse('HOLD_EXPIRY_INVALID', { field: 'holdExpiresAt' });
  const existing = state.seats[bookingId];
  if (existing) refuse(existing.status === 'released' ? 'BOOKING_RELEASED' : 'ALREADY_HELD', { field: 'bookingId' });
  const slot = requireSlot(state, slotStart, 'slotStart');
  refuseStartedSlot(state, slot, now, 'slotStart');
  refuseFullSlot(state, slot, now, 'slotStart');
  return [
    {
      type: 'SlotHeld',
      data: { bookingId, citizenRef, slotStart, slotEnd: slot.end, heldAt: now, holdExpiresAt },
    },
  ];
};

const extendHold = ({ data }: ExtendHold, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  requireOpenDay(state);
  const bookingId = requireId(data.bookingId, 'bookingId');
  const now = requireInstant(data.now, 'now');
  const holdExpiresAt = requireInstant(data.holdExpiresAt, 'holdExpiresAt');
  if (!isBefore(now, holdExpiresAt)) refuse('HOLD_EXPIRY_INVALID', { field: 'holdExpiresAt' });
  const seat = state.seats[bookingId] ?? refuse('NOT_HELD', { field: 'bookingId' });
  if (seat.status === 'booked') return []; // confirmed meanwhile: nothing to extend
  if (seat.status === 'released') {
    refuse(seat.releaseReason === 'hold_expired' ? 'HOLD_EXPIRED' : 'BOOKING_RELEASED', { field: 'bookingId' });
  }
  const slot = requireSlot(state, seat.slotStart, 'bookingId');
  refuseStartedSlot(state, slot, now, 'bookingId');
  // Like a late confirmation: an expired hold may still be extended while its seat is free.
  if (!isBefore(now, seat.holdExpiresAt) && seatsTaken(state, slot.start, now, bookingId) >= slot.capacity) {
    refuse('HOLD_EXPIRED', { field: 'bookingId' });
  }
  if (!isBefore(seat.holdExpiresAt, holdExpiresAt)) return []; // already holds at least that long
  return [{ type: 'HoldExtended', data: { bookingId, slotStart: seat.slotStart, holdExpiresAt, extendedAt: now } }];
};

const confirmHold = ({ data }: ConfirmHold, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  requireOpenDay(state);
  const bookingId = requireId(data.bookingId, 'bookingId');
  const now = requireInstant(data.now, 'now');
  const seat = state.seats[bookingId] ?? refuse('NOT_HELD', { field: 'bookingId' });
  if (seat.status === 'booked') return []; // confirmed already: a retry changes nothing
  if (seat.status === 'released') {
    refuse(seat.releaseReason === 'hold_expired' ? 'HOLD_EXPIRED' : 'BOOKING_RELEASED', { field: 'bookingId' });
  }
  const slot = requireSlot(state, seat.slotStart, 'bookingId');
  refuseStartedSlot(state, slot, now, 'bookingId');
  // An expired hold no longer reserves its seat, but it is not void either: if nobody took the
  // seat meanwhile, confirming a few seconds late is harmless and kinder than starting over.
  // Only when the others now fill the slot has the citizen lost it.
  const holdExpired = !isBefore(now, seat.holdExpiresAt);
  if (holdExpired && seatsTaken(state, slot.start, now, bookingId) >= slot.capacity) {
    refuse('HOLD_EXPIRED', { field: 'bookingId' });
  }
  return [
    {
      type: 'SlotBooked',
      data: { bookingId, slotStart: seat.slotStart, bookedAt: now, confirmedAfterHoldExpired: holdExpired },
    },
  ];
};

const releaseSlot = ({ data }: ReleaseSlot, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  const bookingId = requireId(data.bookingId, 'bookingId');
  const reason = requireChoice(data.reason, RELEASE_REASONS, 'reason');
  const seat = state.seats[bookingId] ?? refuse('NOT_HELD', { field: 'bookingId' });
  if (seat.status === 'released') return []; // released already (also by a cancelled day)
  // The hold sweeper may race a confirmation; a booked seat is never released as a stale hold.
  if (seat.status === 'booked' && (reason === 'hold_expired' || reason === 'hold_abandoned')) {
    refuse('ALREADY_BOOKED', { field: 'reason' });
  }
  return [{ type: 'SlotReleased', data: { bookingId, slotStart: seat.slotStart, reason } }];
};

const moveBooking = ({ data }: MoveBooking, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  requireOpenDay(state);
  const bookingId = requireId(data.bookingId, 'bookingId');
  const toSlotStart = requireTime(data.toSlotStart, 'toSlotStart');
  const now = requireInstant(data.now, 'now');
  const seat = state.seats[bookingId] ?? refuse('NOT_HELD', { field: 'bookingId' });
  if (seat.status === 'released') refuse('BOOKING_RELEASED', { field: 'bookingId' });
  if (seat.status === 'held') refuse('NOT_BOOKED', { field: 'bookingId' });
  if (seat.slotStart === toSlotStart) return []; // already there: a retried move changes nothing
  const from = requireSlot(state, seat.slotStart, 'bookingId');
  const to = requireSlot(state, toSlotStart, 'toSlotStart');
  if (to.mode !== from.mode) refuse('SLOT_MODE_MISMATCH', { field: 'toSlotStart' });
  refuseStartedSlot(state, to, now, 'toSlotStart');
  refuseFullSlot(state, to, now, 'toSlotStart');
  // One event frees the old seat and takes the new one: the booking is never in two slots, nor in none.
  return [
    {
      type: 'BookingMoved',
      data: { bookingId, fromSlotStart: seat.slotStart, toSlotStart, toSlotEnd: to.end, movedAt: now },
    },
  ];
};

const cancelDay = ({ data }: CancelDay, state: ReceptionCalendarState): ReceptionCalendarEvent[] => {
  if (state.status === 'closed') return [];
  // An opened day knows who and when it is; the command's routing fields matter only before that.
  const officialId = state.officialId ?? requireId(data.officialId, 'officialId');
  const date = state.date ?? requireDate(data.date, 'date');
  const reason = optionalText(data.reason, 'reason', MAX_REASON_LENGTH);
  const affectedBookings: AffectedBooking[] = Object.values(state.seats)
    .filter((seat): seat is Seat & { status: 'held' | 'booked' } => seat.status !== 'released')
    .map(({ bookingId, citizenRef, slotStart, status }) => ({ bookingId, citizenRef, slotStart, status }));
  return [{ type: 'ReceptionDayClosed', data: { officialId, date, ...(reason ? { reason } : {}), affectedBookings } }];
};

// --- evolution ----------------------------------------------------------------------------------

const updateSeat = (
  state: ReceptionCalendarState,
  bookingId: string,
  change: Partial<Seat>,
): ReceptionCalendarState => {
  const seat = state.seats[bookingId];
  return seat ? { ...state, seats: { ...state.seats, [bookingId]: { ...seat, ...change } } } : state;
};

export const evolveReceptionCalendar = (
  state: ReceptionCalendarState,
  event: ReceptionCalendarEvent,
): ReceptionCalendarState => {
  switch (event.type) {
    case 'ReceptionDayOpened':
      return {
        ...state,
        status: 'open',
        officialId: event.data.officialId,
        date: event.data.date,
        slots: event.data.slots,
      };
    case 'SlotHeld': {
      const { bookingId, citizenRef, slotStart, heldAt, holdExpiresAt } = event.data;
      const seat: Seat = { bookingId, citizenRef, slotStart, status: 'held', heldAt, holdExpiresAt };
      return { ...state, seats: { ...state.seats, [bookingId]: seat } };
    }
    case 'ReceptionSlotsAdded':
      return {
        ...state,
        slots: [...state.slots, ...event.data.slots].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
      };
    case 'HoldExtended':
      return updateSeat(state, event.data.bookingId, { holdExpiresAt: event.data.holdExpiresAt });
    case 'SlotBooked':
      return updateSeat(state, event.data.bookingId, { status: 'booked' });
    case 'SlotReleased':
      return updateSeat(state, event.data.bookingId, { status: 'released', releaseReason: event.data.reason });
    case 'BookingMoved':
      return updateSeat(state, event.data.bookingId, { slotStart: event.data.toSlotStart });
    case 'ReceptionDayClosed': {
      const seats: Record<string, Seat> = {};
      for (const [bookingId, seat] of Object.entries(state.seats)) {
        seats[bookingId] =
          seat.status === 'released' ? seat : { ...seat, status: 'released', releaseReason: 'day_cancelled' };
      }
      return { ...state, status: 'closed', officialId: event.data.officialId, date: event.data.date, seats };
    }
    default:
      return state; // an event type from a newer version: nothing this version knows to fold
  }
};

export const decideReceptionCalendar = (
  command: ReceptionCalendarCommand,
  state: ReceptionCalendarState,
): ReceptionCalendarEvent[] => {
  switch (command.type) {
    case 'OpenReceptionDay':
      return openReceptionDay(command, state);
    case 'AddReceptionSlots':
      return addReceptionSlots(command, state);
    case 'HoldSlot':
      return holdSlot(command, state);
    case 'ConfirmHold':
      return confirmHold(command, state);
    case 'ExtendHold':
      return extendHold(command, state);
    case 'ReleaseSlot':
      return releaseSlot(command, state);
    case 'MoveBooking':
      return moveBooking(command, state);
    case 'CancelDay':
      return cancelDay(command, state);
    default:
      return unknownCommand(command);
  }
};

export const receptionCalendarDecider: Decider<
  ReceptionCalendarCommand,
  ReceptionCalendarState,
  ReceptionCalendarEvent
> = {
  decide: decideReceptionCalendar,
  evolve: evolveReceptionCalendar,
  initialState: initialReceptionCalendarState,
};
