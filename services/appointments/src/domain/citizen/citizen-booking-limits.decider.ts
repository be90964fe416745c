import type { Decider } from '@adal/event-store';
import { addDays, localDateOf, unknownCommand, type LocalDate } from '@adal/domain-kit';
import { refuse } from '../shared/domain-error.js';
import { requireDate, requireId, requireInstant, requireInteger } from '../shared/validation.js';
import {
  EGOV_BOOKING_LIMITS,
  type CitizenBookingLimitsCommand,
  type CitizenBookingLimitsEvent,
  type CitizenBookingLimitsPolicy,
  type CitizenBookingLimitsState,
  type MoveReservation,
  type ReleaseReservation,
  type Reservation,
  type ReserveBooking,
} from './citizen-booking-limits.js';

export const initialCitizenBookingLimitsState = (): CitizenBookingLimitsState => ({ reservations: {} });

const validateLimits = (limits: CitizenBookingLimitsPolicy | undefined): CitizenBookingLimitsPolicy => {
  if (limits === undefined) return EGOV_BOOKING_LIMITS;
  return {
    perOfficialDays: requireInteger(limits.perOfficialDays, 'limits.perOfficialDays', 1, 366),
    perOfficialActive: requireInteger(limits.perOfficialActive, 'limits.perOfficialActive', 1, 100),
    perDay: requireInteger(limits.perDay, 'limits.perDay', 1, 100),
  };
};

const activeReservations = (state: CitizenBookingLimitsState, exceptBookingId?: string): Reservation[] =>
  Object.values(state.reservations).filter((r) => r.active && r.bookingId !== exceptBookingId);

/**
 * Refuses a reservation on `date` with `officialId` that would break a limit. The per-official
 * rule is a sliding window: no `perOfficialDays` consecutive days may hold more than
 * `perOfficialActive` active bookings with the same official. With the egov.kz default (1 per 10
 * days) that means two bookings with one official are at least 10 days apart, in either direction:
 * a booking on the 1st blocks the 2nd..10th, and a booking on the 20th blocks the 11th..19th.
 */
const refuseOverLimit = (
  others: readonly Reservation[],
  officialId: string,
  date: LocalDate,
  limits: CitizenBookingLimitsPolicy,
  field: string,
): void => {
  const sameDay = others.filter((r) => r.date === date);
  if (sameDay.length >= limits.perDay) {
    refuse('LIMIT_PER_DAY', { field, params: { limit: limits.perDay, date } });
  }
  const withOfficial = others.filter((r) => r.officialId === officialId);
  for (let offset = limits.perOfficialDays - 1; offset >= 0; offset--) {
    const windowStart = addDays(date, -offset);
    const windowEnd = addDays(windowStart, limits.perOfficialDays - 1);
    const inWindow = withOfficial.filter((r) => r.date >= windowStart && r.date <= windowEnd);
    if (inWindow.length >= limits.perOfficialActive) {
      const nearest = inWindow.map((r) => r.date).sort()[0]!;
      refuse('LIMIT_PER_OFFICIAL', {
        field,
        params: { limit: limits.perOfficialActive, days: limits.perOfficialDays, date: nearest },
      });
    }
  }
};

const reserveBooking = ({ data }: ReserveBooking, state: CitizenBookingLimitsState): CitizenBookingLimitsEvent[] => {
  const citizenRef = requireId(data.citizenRef, 'citizenRef');
  const bookingId = requireId(data.bookingId, 'bookingId');
  const officialId = requireId(data.officialId, 'officialId');
  const date = requireDate(data.date, 'date');
  const now = requireInstant(data.now, 'now');
  const limits = validateLimits(data.limits);
  const existing = state.reservations[bookingId];
  if (existing) {
    // The same reservation again (a retried request) is already in place; anything else reuses an id.
    if (existing.active && existing.officialId === officialId && existing.date === date) return [];
    refuse('RESERVATION_CONFLICT', { field: 'bookingId' });
  }
  if (date < localDateOf(now)) refuse('DATE_IN_PAST', { field: 'date' });
  refuseOverLimit(activeReservations(state), officialId, date, limits, 'date');
  return [{ type: 'BookingReserved', data: { citizenRef, bookingId, officialId, date, reservedAt: now } }];
};

const releaseReservation = (
  { data }: ReleaseReservation,
  state: CitizenBookingLimitsState,
): CitizenBookingLimitsEvent[] => {
  const citizenRef = requireId(data.citizenRef, 'citizenRef');
  const bookingId = requireId(data.bookingId, 'bookingId');
  // Compensation after a failed hold may release what was never reserved: nothing to do.
  if (!state.reservations[bookingId]?.active) return [];
  return [{ type: 'ReservationReleased', data: { citizenRef, bookingId } }];
};

const moveReservation = ({ data }: MoveReservation, state: CitizenBookingLimitsState): CitizenBookingLimitsEvent[] => {
  const citizenRef = requireId(data.citizenRef, 'citizenRef');
  const bookingId = requireId(data.bookingId, 'bookingId');
  const toDate = requireDate(data.toDate, 'toDate');
  const now = requireInstant(data.now, 'now');
  const limits = validateLimits(data.limits);
  const reservation = state.reservations[bookingId];
  if (!reservation?.active) return refuse('RESERVATION_NOT_FOUND', { field: 'bookingId' });
  if (reservation.date === toDate) return []; // a move within the day changes no limit
  if (toDate < localDateOf(now)) refuse('DATE_IN_PAST', { field: 'toDate' });
  refuseOverLimit(activeReservations(state, bookingId), reservation.officialId, toDate, limits, 'toDate');
  return [
    {
      type: 'ReservationMoved',
      data: { citizenRef, bookingId, officialId: reservation.officialId, fromDate: reservation.date, toDate },
    },
  ];
};

export const evolveCitizenBookingLimits = (
  state: CitizenBookingLimitsState,
  event: CitizenBookingLimitsEvent,
): CitizenBookingLimitsState => {
  switch (event.type) {
    case 'BookingReserved': {
      const { bookingId, officialId, date } = event.data;
      return { reservations: { ...state.reservations, [bookingId]: { bookingId, officialId, date, active: true } } };
    }
    case 'ReservationReleased': {
      const reservation = state.reservations[event.data.bookingId];
      if (!reservation) return state;
      return { reservations: { ...state.reservations, [reservation.bookingId]: { ...reservation, active: false } } };
    }
    case 'ReservationMoved': {
      const reservation = state.reservations[event.data.bookingId];
      if (!reservation) return state;
      return {
        reservations: { ...state.reservations, [reservation.bookingId]: { ...reservation, date: event.data.toDate } },
      };
    }
    default:
      return state; // an event type from a newer version: nothing this version knows to fold
  }
};

export const decideCitizenBookingLimits = (
  command: CitizenBookingLimitsCommand,
  state: CitizenBookingLimitsState,
): CitizenBookingLimitsEvent[] => {
  switch (command.type) {
    case 'ReserveBooking':
      return reserveBooking(command, state);
    case 'ReleaseReservation':
      return releaseReservation(command, state);
    case 'MoveReservation':
      return moveReservation(command, state);
    default:
      return unknownCommand(command);
  }
};

export const citizenBookingLimitsDecider: Decider<
  CitizenBookingLimitsCommand,
  CitizenBookingLimitsState,
  CitizenBookingLimitsEvent
> = {
  decide: decideCitizenBookingLimits,
  evolve: evolveCitizenBookingLimits,
  initialState: initialCitizenBookingLimitsState,
};
