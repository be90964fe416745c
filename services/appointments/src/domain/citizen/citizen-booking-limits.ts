/**
 * CitizenBookingLimits: the booking quota of one citizen, stream `citizen-<citizenRef>`. Limits
 * span officials and days, so they cannot live in a calendar stream; one small stream per citizen
 * makes "at most N" a single-stream decision, safe under concurrent requests like the calendar.
 *
 * `citizenRef` is a pseudonymous reference issued by the identity layer, never the IIN: it ends up
 * in a stream name, and stream names cannot be crypto-shredded.
 *
 * A reservation is taken before the calendar hold and released when the booking is cancelled or
 * its hold lapses; "active" means reserved and not released (a completed reception stays active,
 * which is exactly what makes "once per 10 days" hold after the visit too).
 */
import type { DomainEvent } from '@adal/event-store';
import type { Instant, LocalDate } from '@adal/domain-kit';
import type { DomainCommand } from '../shared/reception.js';

export interface CitizenBookingLimitsPolicy {
  /** Length of the window, in calendar days, for bookings with the same official. */
  perOfficialDays: number;
  /** Active bookings with the same official allowed within any such window. */
  perOfficialActive: number;
  /** Active bookings (any officials) on one date. */
  perDay: number;
}

/** The egov.kz rules: one active booking per official within 10 days, two bookings a day. */
export const EGOV_BOOKING_LIMITS: Readonly<CitizenBookingLimitsPolicy> = {
  perOfficialDays: 10,
  perOfficialActive: 1,
  perDay: 2,
};

export interface Reservation {
  bookingId: string;
  officialId: string;
  date: LocalDate;
  active: boolean;
}

// --- commands -----------------------------------------------------------------------------------

export type ReserveBooking = DomainCommand<
  'ReserveBooking',
  {
    citizenRef: string;
    bookingId: string;
    officialId: string;
    date: LocalDate;
    now: Instant;
    /** Defaults to `EGOV_BOOKING_LIMITS`. */
    limits?: CitizenBookingLimitsPolicy;
  }
>;

/** On cancellation or a lapsed hold. Safe to send blindly (compensation): unknown or released is a no-op. */
export type ReleaseReservation = DomainCommand<'ReleaseReservation', { citizenRef: string; bookingId: string }>;

/** On a reschedule to another date; the limits are checked for the new date. */
export type MoveReservation = DomainCommand<
  'MoveReservation',
  { citizenRef: string; bookingId: string; toDate: LocalDate; now: Instant; limits?: CitizenBookingLimitsPolicy }
>;

export type CitizenBookingLimitsCommand = ReserveBooking | ReleaseReservation | MoveReservation;

// --- events -------------------------------------------------------------------------------------

export type BookingReserved = DomainEvent<
  'BookingReserved',
  { citizenRef: string; bookingId: string; officialId: string; date: LocalDate; reservedAt: Instant }
>;
export type ReservationReleased = DomainEvent<'ReservationReleased', { citizenRef: string; bookingId: string }>;
export type ReservationMoved = DomainEvent<
  'ReservationMoved',
  { citizenRef: string; bookingId: string; officialId: string; fromDate: LocalDate; toDate: LocalDate }
>;

export type CitizenBookingLimitsEvent = BookingReserved | ReservationReleased | ReservationMoved;

// --- state --------------------------------------------------------------------------------------

export interface CitizenBookingLimitsState {
  /** Every reservation ever taken, by booking id (released ones stay, so ids are never reused). */
  reservations: Readonly<Record<string, Reservation>>;
}

export const citizenBookingLimitsStream = (citizenRef: string): string => `citizen-${citizenRef}`;
