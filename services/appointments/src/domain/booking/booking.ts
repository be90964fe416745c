/**
 * Booking: one citizen's appointment with one official, stream `booking-<bookingId>`. It carries
 * the citizen's side of the story (purpose, language, channel, outcome) through its lifecycle:
 *
 *   held ──> confirmed ──> cancelled | no_show | completed          (in person)
 *    │           └──────> in_progress ──> completed                 (remote: the video call)
 *    ├──> lapsed      (the hold expired or was abandoned before confirmation)
 *    └──> cancelled   (e.g. the day was cancelled while the citizen was still confirming)
 *
 * The seat itself belongs to the ReceptionCalendar: the application changes the calendar first
 * (it is where capacity is decided) and then records the outcome here.
 *
 * Every event after `BookingHeld` is self-contained ("fat"): it carries the `BookingFacts` of the
 * booking as they stand when it is decided (for `BookingRescheduled`: the new slot), so a relay can
 * turn any one stored event into an integration event without reading the stream.
 *
 * Personal data: `purpose` and `summary` are free text from and about a person. They stay in this
 * stream (where the store can make them unreadable by destroying the person's key) and must never
 * be copied into integration events.
 */
import type { DomainEvent } from '@adal/event-store';
import type { Instant, LocalDate, LocalTime } from '@adal/domain-kit';
import type { DomainCommand, Language, ReceptionMode } from '../shared/reception.js';

export type BookingStatus = 'held' | 'lapsed' | 'confirmed' | 'cancelled' | 'no_show' | 'in_progress' | 'completed';

/** How the citizen asked to be received; must match the slot's mode. */
export type BookingChannel = ReceptionMode;
export type CancelledBy = 'citizen' | 'official' | 'office';
export const CANCELLED_BY: readonly CancelledBy[] = ['citizen', 'official', 'office'];
export type LapseReason = 'expired' | 'abandoned';
export const LAPSE_REASONS: readonly LapseReason[] = ['expired', 'abandoned'];
export type ReceptionOutcome = 'resolved' | 'explained' | 'redirected' | 'appeal_needed';
export const RECEPTION_OUTCOMES: readonly ReceptionOutcome[] = ['resolved', 'explained', 'redirected', 'appeal_needed'];

export const PURPOSE_MAX_LENGTH = 1000;
export const SUMMARY_MAX_LENGTH = 4000;

export interface BookedSlot {
  date: LocalDate;
  slotStart: LocalTime;
  slotEnd: LocalTime;
}

/**
 * Who, where, when and how: the facts of a booking every event after `BookingHeld` repeats, taken
 * from the booking at decide time. `officeId` is present exactly when the booking has one (in person).
 */
export type BookingFacts = {
  citizenRef: string;
  officialId: string;
  officeId?: string;
  date: LocalDate;
  slotStart: LocalTime;
  slotEnd: LocalTime;
  mode: ReceptionMode;
};

// --- commands -----------------------------------------------------------------------------------

/** Opens the booking once the calendar has held the seat (`SlotHeld`). */
export type HoldBooking = DomainCommand<
  'HoldBooking',
  {
    bookingId: string;
    citizenRef: string;
    officialId: string;
    date: LocalDate;
    slotStart: LocalTime;
    slotEnd: LocalTime;
    mode: ReceptionMode;
    officeId?: string;
    now: Instant;
    expiresAt: Instant;
  }
>;

export type ConfirmBooking = DomainCommand<
  'ConfirmBooking',
  {
    bookingId: string;
    /** What the citizen wants to discuss, 1..1000 characters. */
    purpose: string;
    language: Language;
    channel: BookingChannel;
    now: Instant;
    /** Required for remote: the application builds it with `joinUrlFor(template, bookingId)`. */
    joinUrl?: string;
  }
>;

/** The hold ended without confirmation: it expired, or the citizen walked away. */
/** More time to confirm; at most `MAX_HOLD_EXTENSIONS` times. */
export type ExtendBookingHold = DomainCommand<'ExtendBookingHold', { bookingId: string; now: Instant; expiresAt: Instant }>;
export const MAX_HOLD_EXTENSIONS = 10;

export type LapseHold = DomainCommand<'LapseHold', { bookingId: string; reason: LapseReason; now: Instant }>;

export type CancelBooking = DomainCommand<
  'CancelBooking',
  {
    bookingId: string;
    by: CancelledBy;
    reason?: string;
    now: Instant;
    /** How long before the start a citizen may still cancel (office policy). Default 0. */
    minimumNoticeMinutes?: number;
  }
>;

export type RescheduleBooking = DomainCommand<
  'RescheduleBooking',
  { bookingId: string; toDate: LocalDate; toSlotStart: LocalTime; toSlotEnd: LocalTime; now: Instant }
>;

export type MarkNoShow = DomainCommand<'MarkNoShow', { bookingId: string; now: Instant }>;
/** By the official, from the official console. */
export type StartRemoteReception = DomainCommand<'StartRemoteReception', { bookingId: string; now: Instant }>;
/** By the official, from the official console. */
export type EndRemoteReception = DomainCommand<'EndRemoteReception', { bookingId: string; now: Instant }>;
export type CompleteReception = DomainCommand<
  'CompleteReception',
  { bookingId: string; outcome: ReceptionOutcome; summary: string; now: Instant }
>;
/** Turns a completed reception into an appeal (handled by the feedback service). Once. */
export type RequestFollowUpAppeal = DomainCommand<'RequestFollowUpAppeal', { bookingId: string; now: Instant }>;

export type BookingCommand =
  | HoldBooking
  | ConfirmBooking
  | ExtendBookingHold
  | LapseHold
  | CancelBooking
  | RescheduleBooking
  | MarkNoShow
  | StartRemoteReception
  | EndRemoteReception
  | CompleteReception
  | RequestFollowUpAppeal;

// --- events -------------------------------------------------------------------------------------

export type BookingHeld = DomainEvent<
  'BookingHeld',
  {
    bookingId: string;
    citizenRef: string;
    officialId: string;
    date: LocalDate;
    slotStart: LocalTime;
    slotEnd: LocalTime;
    mode: ReceptionMode;
    officeId?: string;
    heldAt: Instant;
    expiresAt: Instant;
  }
>;
export type BookingConfirmed = DomainEvent<
  'BookingConfirmed',
  BookingFacts & {
    bookingId: string;
    purpose: string;
    language: Language;
    channel: BookingChannel;
    /** Present exactly for remote receptions. */
    joinUrl?: string;
    confirmedAt: Instant;
  }
>;
export type BookingHoldExtended = DomainEvent<
  'BookingHoldExtended',
  BookingFacts & { bookingId: string; expiresAt: Instant; extendedAt: Instant; extensions: number }
>;
export type BookingLapsed = DomainEvent<
  'BookingLapsed',
  BookingFacts & { bookingId: string; reason: LapseReason; lapsedAt: Instant }
>;
export type BookingCancelled = DomainEvent<
  'BookingCancelled',
  BookingFacts & { bookingId: string; by: CancelledBy; reason?: string; cancelledAt: Instant }
>;
/** Its `date`/`slotStart`/`slotEnd` are the new slot's (the same as `to`). */
export type BookingRescheduled = DomainEvent<
  'BookingRescheduled',
  BookingFacts & { bookingId: string; from: BookedSlot; to: BookedSlot; rescheduledAt: Instant }
>;
export type BookingMarkedNoShow = DomainEvent<
  'BookingMarkedNoShow',
  BookingFacts & { bookingId: string; markedAt: Instant }
>;
export type RemoteReceptionStarted = DomainEvent<
  'RemoteReceptionStarted',
  BookingFacts & { bookingId: string; joinUrl: string; startedAt: Instant }
>;
export type RemoteReceptionEnded = DomainEvent<
  'RemoteReceptionEnded',
  BookingFacts & { bookingId: string; endedAt: Instant }
>;
export type ReceptionCompleted = DomainEvent<
  'ReceptionCompleted',
  BookingFacts & { bookingId: string; outcome: ReceptionOutcome; summary: string; completedAt: Instant }
>;
export type FollowUpRequested = DomainEvent<
  'FollowUpRequested',
  BookingFacts & { bookingId: string; outcome: ReceptionOutcome; requestedAt: Instant }
>;

export type BookingEvent =
  | BookingHeld
  | BookingConfirmed
  | BookingHoldExtended
  | BookingLapsed
  | BookingCancelled
  | BookingRescheduled
  | BookingMarkedNoShow
  | RemoteReceptionStarted
  | RemoteReceptionEnded
  | ReceptionCompleted
  | FollowUpRequested;

// --- state --------------------------------------------------------------------------------------

export interface Booking extends BookingFacts {
  status: BookingStatus;
  bookingId: string;
  heldAt: Instant;
  expiresAt: Instant;
  confirmation?: {
    purpose: string;
    language: Language;
    channel: BookingChannel;
    joinUrl?: string;
    confirmedAt: Instant;
  };
  lapse?: { reason: LapseReason; lapsedAt: Instant };
  cancellation?: { by: CancelledBy; reason?: string; cancelledAt: Instant };
  /** How many times it was rescheduled (the iCalendar SEQUENCE follows it). */
  rescheduleCount: number;
  /** How often the hold was extended. */
  holdExtensions?: number;
  noShowAt?: Instant;
  remoteCall?: { startedAt: Instant; endedAt?: Instant };
  completion?: { outcome: ReceptionOutcome; summary: string; completedAt: Instant };
  followUpRequestedAt?: Instant;
}

export type BookingState = { status: 'none' } | Booking;

export const bookingStream = (bookingId: string): string => `booking-${bookingId}`;
