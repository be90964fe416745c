/**
 * ReceptionCalendar: the seats of one official on one local date, stream
 * `calendar-<officialId>:<date>`. It is the consistency boundary for slots: every hold, booking,
 * release and move of that day is decided against one stream revision, so two concurrent requests
 * for the last seat cannot both win (the second append fails on the expected revision and is
 * decided again, now seeing the slot full).
 *
 * Seats are held first (a short hold while the citizen fills in the purpose), then booked.
 * A hold past its `holdExpiresAt` no longer takes a seat - no sweeper is needed for capacity to be
 * right; the sweeper's `ReleaseSlot(hold_expired)` only tidies up and tells the booking.
 */
import type { DomainEvent } from '@adal/event-store';
import type { Instant, LocalDate, LocalTime } from '@adal/domain-kit';
import type { DomainCommand, ReceptionSlot } from '../shared/reception.js';

export type ReleaseReason = 'cancelled' | 'rescheduled' | 'hold_expired' | 'hold_abandoned';
export const RELEASE_REASONS: readonly ReleaseReason[] = ['cancelled', 'rescheduled', 'hold_expired', 'hold_abandoned'];

export type SeatStatus = 'held' | 'booked' | 'released';

/** One booking's seat in one slot. */
export interface Seat {
  bookingId: string;
  citizenRef: string;
  slotStart: LocalTime;
  status: SeatStatus;
  heldAt: Instant;
  holdExpiresAt: Instant;
  /** Why the seat was released; `day_cancelled` when the whole day was cancelled. */
  releaseReason?: ReleaseReason | 'day_cancelled';
}

/** A booking the cancelled day took away, so the application can cancel it and notify the citizen. */
export interface AffectedBooking {
  bookingId: string;
  citizenRef: string;
  slotStart: LocalTime;
  status: 'held' | 'booked';
}

// --- commands -----------------------------------------------------------------------------------

/** Freezes the day's slots (`slotsFor(schedule, date, calendar)`); a day already opened stays as it is. */
export type OpenReceptionDay = DomainCommand<
  'OpenReceptionDay',
  { officialId: string; date: LocalDate; slots: readonly ReceptionSlot[] }
>;

export type HoldSlot = DomainCommand<
  'HoldSlot',
  { bookingId: string; citizenRef: string; slotStart: LocalTime; now: Instant; holdExpiresAt: Instant }
>;

export type ConfirmHold = DomainCommand<'ConfirmHold', { bookingId: string; now: Instant }>;

/** Extra hours for a day already opened (its slots are otherwise frozen at opening). */
export type AddReceptionSlots = DomainCommand<'AddReceptionSlots', { slots: readonly ReceptionSlot[] }>;

/** More time to confirm (WCAG 2.2.1: a time limit the citizen can extend). */
export type ExtendHold = DomainCommand<'ExtendHold', { bookingId: string; now: Instant; holdExpiresAt: Instant }>;

export type ReleaseSlot = DomainCommand<'ReleaseSlot', { bookingId: string; reason: ReleaseReason }>;

/** Moves a booked seat to another slot of the same day in one event (cross-day moves: hold + release). */
export type MoveBooking = DomainCommand<'MoveBooking', { bookingId: string; toSlotStart: LocalTime; now: Instant }>;

/** Closes the day. Carries the official and date so a day can be closed before anyone opened it. */
export type CancelDay = DomainCommand<'CancelDay', { officialId: string; date: LocalDate; reason?: string }>;

export type ReceptionCalendarCommand =
  | OpenReceptionDay
  | AddReceptionSlots
  | HoldSlot
  | ConfirmHold
  | ExtendHold
  | ReleaseSlot
  | MoveBooking
  | CancelDay;

// --- events -------------------------------------------------------------------------------------

export type ReceptionDayOpened = DomainEvent<
  'ReceptionDayOpened',
  { officialId: string; date: LocalDate; slots: ReceptionSlot[] }
>;
export type SlotHeld = DomainEvent<
  'SlotHeld',
  {
    bookingId: string;
    citizenRef: string;
    slotStart: LocalTime;
    slotEnd: LocalTime;
    heldAt: Instant;
    holdExpiresAt: Instant;
  }
>;
export type ReceptionSlotsAdded = DomainEvent<'ReceptionSlotsAdded', { slots: ReceptionSlot[] }>;
export type HoldExtended = DomainEvent<
  'HoldExtended',
  { bookingId: string; slotStart: LocalTime; holdExpiresAt: Instant; extendedAt: Instant }
>;
export type SlotBooked = DomainEvent<
  'SlotBooked',
  {
    bookingId: string;
    slotStart: LocalTime;
    bookedAt: Instant;
    /** True when confirmed after the hold expired, allowed because the seat was still free. */
    confirmedAfterHoldExpired: boolean;
  }
>;
export type SlotReleased = DomainEvent<
  'SlotReleased',
  { bookingId: string; slotStart: LocalTime; reason: ReleaseReason }
>;
export type BookingMoved = DomainEvent<
  'BookingMoved',
  { bookingId: string; fromSlotStart: LocalTime; toSlotStart: LocalTime; toSlotEnd: LocalTime; movedAt: Instant }
>;
/** The day is closed: no more holds, every seat released. */
export type ReceptionDayClosed = DomainEvent<
  'ReceptionDayClosed',
  { officialId: string; date: LocalDate; reason?: string; affectedBookings: AffectedBooking[] }
>;

export type ReceptionCalendarEvent =
  | ReceptionDayOpened
  | ReceptionSlotsAdded
  | SlotHeld
  | HoldExtended
  | SlotBooked
  | SlotReleased
  | BookingMoved
  | ReceptionDayClosed;

// --- state --------------------------------------------------------------------------------------

export type ReceptionDayStatus = 'unopened' | 'open' | 'closed';

export interface ReceptionCalendarState {
  status: ReceptionDayStatus;
  officialId?: string;
  date?: LocalDate;
  /** Sorted by start; fixed when the day is opened. */
  slots: readonly ReceptionSlot[];
  /** Every seat ever held this day, by booking id (released ones stay, for idempotency). */
  seats: Readonly<Record<string, Seat>>;
}

export const receptionCalendarStream = (officialId: string, date: LocalDate): string =>
  `calendar-${officialId}:${date}`;
