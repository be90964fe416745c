import type { Decider } from '@adal/event-store';
import { addMinutes, instantOf, isBefore, unknownCommand, type Instant } from '@adal/domain-kit';
import { refuse } from '../shared/domain-error.js';
import { LANGUAGES, RECEPTION_MODES } from '../shared/reception.js';
import {
  optionalText,
  requireChoice,
  requireDate,
  requireHttpsUrl,
  requireId,
  requireInstant,
  requireInteger,
  requireText,
  requireTime,
} from '../shared/validation.js';
import {
  CANCELLED_BY,
  LAPSE_REASONS,
  MAX_HOLD_EXTENSIONS,
  PURPOSE_MAX_LENGTH,
  RECEPTION_OUTCOMES,
  SUMMARY_MAX_LENGTH,
  type Booking,
  type BookingCommand,
  type BookingEvent,
  type BookingFacts,
  type BookingState,
  type CancelBooking,
  type CompleteReception,
  type ConfirmBooking,
  type EndRemoteReception,
  type HoldBooking,
  type ExtendBookingHold,
  type LapseHold,
  type MarkNoShow,
  type RequestFollowUpAppeal,
  type RescheduleBooking,
  type StartRemoteReception,
} from './booking.js';

const MAX_REASON_LENGTH = 500;
/** A week of notice is the most an office may demand before a citizen cancels. */
const MAX_NOTICE_MINUTES = 7 * 24 * 60;

export const initialBookingState = (): BookingState => ({ status: 'none' });

const requireBooking = (state: BookingState): Booking =>
  state.status === 'none' ? refuse('BOOKING_NOT_FOUND', { field: 'bookingId' }) : state;

/** The instant the booked slot starts (Kazakhstan local date and time). */
export const slotStartInstant = (booking: Booking): Instant => instantOf(booking.date, booking.slotStart);
export const slotEndInstant = (booking: Booking): Instant => instantOf(booking.date, booking.slotEnd);

/**
 * The facts every event after `BookingHeld` repeats, as they stand now. Built field by field so
 * nothing else of the state (purpose, summary, ...) can slip into an event, and without an
 * `officeId` key when there is none (events must survive a JSON round trip unchanged).
 */
export const bookingFacts = (booking: Booking): BookingFacts => ({
  citizenRef: booking.citizenRef,
  officialId: booking.officialId,
  ...(booking.officeId !== undefined ? { officeId: booking.officeId } : {}),
  date: booking.date,
  slotStart: booking.slotStart,
  slotEnd: booking.slotEnd,
  mode: booking.mode,
});

const hasStarted = (booking: Booking, now: Instant): boolean => !isBefore(now, slotStartInstant(booking));

// --- decisions ----------------------------------------------------------------------------------

const holdBooking = ({ data }: HoldBooking, state: BookingState): BookingEvent[] => {
  if (state.status !== 'none') refuse('BOOKING_ALREADY_EXISTS', { field: 'bookingId' });
  const date = requireDate(data.date, 'date');
  const slotStart = requireTime(data.slotStart, 'slotStart');
  const slotEnd = requireTime(data.slotEnd, 'slotEnd');
  if (slotEnd <= slotStart) refuse('END_BEFORE_START', { field: 'slotEnd' });
  const mode = requireChoice(data.mode, RECEPTION_MODES, 'mode');
  const officeId = mode === 'in_person' ? requireId(data.officeId, 'officeId') : undefined;
  const heldAt = requireInstant(data.now, 'now');
  const expiresAt = requireInstant(data.expiresAt, 'expiresAt');
  if (!isBefore(heldAt, expiresAt)) refuse('HOLD_EXPIRY_INVALID', { field: 'expiresAt' });
  return [
    {
      type: 'BookingHeld',
      data: {
        bookingId: requireId(data.bookingId, 'bookingId'),
        citizenRef: requireId(data.citizenRef, 'citizenRef'),
        officialId: requireId(data.officialId, 'officialId'),
        date,
        slotStart,
        slotEnd,
        mode,
        ...(officeId ? { officeId } : {}),
        heldAt,
        expiresAt,
      },
    },
  ];
};

const confirmBooking = ({ data }: ConfirmBooking, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  // Whether an expired hold may still be confirmed is the calendar's call (it knows if the seat
  // was taken meanwhile, see ConfirmHold). The booking refuses only once it has lapsed.
  if (booking.status === 'lapsed') refuse('HOLD_EXPIRED', { field: 'bookingId' });
  if (booking.status !== 'held') refuse('BOOKING_NOT_HELD', { field: 'bookingId' });
  const purpose = requireText(data.purpose, 'purpose', PURPOSE_MAX_LENGTH);
  const language = requireChoice(data.language, LANGUAGES, 'language');
  const channel = requireChoice(data.channel, RECEPTION_MODES, 'channel');
  const now = requireInstant(data.now, 'now');
  if (channel !== booking.mode) refuse('CHANNEL_MISMATCH', { field: 'channel' });
  // An in-person reception has no video room: a join link sent along is not recorded.
  const joinUrl =
    channel === 'remote'
      ? data.joinUrl === undefined || data.joinUrl === ''
        ? refuse('JOIN_URL_REQUIRED', { field: 'joinUrl' })
        : requireHttpsUrl(data.joinUrl, 'joinUrl')
      : undefined;
  return [
    {
      type: 'BookingConfirmed',
      data: {
        bookingId: booking.bookingId,
        ...bookingFacts(booking),
        purpose,
        language,
        channel,
        ...(joinUrl ? { joinUrl } : {}),
        confirmedAt: now,
      },
    },
  ];
};

const extendBookingHold = ({ data }: ExtendBookingHold, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.status !== 'held') refuse('BOOKING_NOT_HELD', { field: 'bookingId' });
  const now = requireInstant(data.now, 'now');
  const expiresAt = requireInstant(data.expiresAt, 'expiresAt');
  if (!isBefore(now, expiresAt)) refuse('HOLD_EXPIRY_INVALID', { field: 'expiresAt' });
  if (!isBefore(booking.expiresAt, expiresAt)) return []; // held at least that long already
  const extensions = (booking.holdExtensions ?? 0) + 1;
  if (extensions > MAX_HOLD_EXTENSIONS) refuse('HOLD_EXTENSION_LIMIT', { field: 'bookingId' });
  return [
    {
      type: 'BookingHoldExtended',
      data: { bookingId: booking.bookingId, ...bookingFacts(booking), expiresAt, extendedAt: now, extensions },
    },
  ];
};

const lapseHold = ({ data }: LapseHold, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.status === 'lapsed') return []; // lapsed already: the sweeper may run twice
  if (booking.status !== 'held') refuse('BOOKING_NOT_HELD', { field: 'bookingId' });
  const reason = requireChoice(data.reason, LAPSE_REASONS, 'reason');
  const now = requireInstant(data.now, 'now');
  if (reason === 'expired' && isBefore(now, booking.expiresAt)) refuse('HOLD_NOT_EXPIRED', { field: 'now' });
  return [
    { type: 'BookingLapsed', data: { bookingId: booking.bookingId, ...bookingFacts(booking), reason, lapsedAt: now } },
  ];
};

const cancelBooking = ({ data }: CancelBooking, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.status === 'cancelled') return []; // e.g. a cancelled day fanned out twice
  if (booking.status !== 'held' && booking.status !== 'confirmed')
    refuse('BOOKING_NOT_CANCELLABLE', { field: 'bookingId' });
  const by = requireChoice(data.by, CANCELLED_BY, 'by');
  const reason = optionalText(data.reason, 'reason', MAX_REASON_LENGTH);
  const now = requireInstant(data.now, 'now');
  const notice = requireInteger(data.minimumNoticeMinutes ?? 0, 'minimumNoticeMinutes', 0, MAX_NOTICE_MINUTES);
  // Citizens cancel only before the reception (and before the office's notice period); the
  // official or the office may cancel at any time, e.g. when the official falls ill.
  if (by === 'citizen') {
    if (hasStarted(booking, now)) refuse('RECEPTION_ALREADY_STARTED', { field: 'now' });
    if (notice > 0 && isBefore(addMinutes(slotStartInstant(booking), -notice), now)) {
      refuse('CANCELLATION_TOO_LATE', { field: 'now', params: { minutes: notice } });
    }
  }
  return [
    {
      type: 'BookingCancelled',
      data: {
        bookingId: booking.bookingId,
        ...bookingFacts(booking),
        by,
        ...(reason ? { reason } : {}),
        cancelledAt: now,
      },
    },
  ];
};

const rescheduleBooking = ({ data }: RescheduleBooking, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.status !== 'confirmed') refuse('BOOKING_NOT_CONFIRMED', { field: 'bookingId' });
  const now = requireInstant(data.now, 'now');
  if (hasStarted(booking, now)) refuse('RECEPTION_ALREADY_STARTED', { field: 'now' });
  const toDate = requireDate(data.toDate, 'toDate');
  const toSlotStart = requireTime(data.toSlotStart, 'toSlotStart');
  const toSlotEnd = requireTime(data.toSlotEnd, 'toSlotEnd');
  if (toSlotEnd <= toSlotStart) refuse('END_BEFORE_START', { field: 'toSlotEnd' });
  if (!isBefore(now, instantOf(toDate, toSlotStart))) refuse('SLOT_IN_PAST', { field: 'toSlotStart' });
  if (toDate === booking.date && toSlotStart === booking.slotStart) refuse('SAME_SLOT', { field: 'toSlotStart' });
  const to = { date: toDate, slotStart: toSlotStart, slotEnd: toSlotEnd };
  return [
    {
      type: 'BookingRescheduled',
      data: {
        bookingId: booking.bookingId,
        ...bookingFacts({ ...booking, ...to }), // the facts of the booking once moved
        from: { date: booking.date, slotStart: booking.slotStart, slotEnd: booking.slotEnd },
        to,
        rescheduledAt: now,
      },
    },
  ];
};

const markNoShow = ({ data }: MarkNoShow, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.status !== 'confirmed') refuse('BOOKING_NOT_CONFIRMED', { field: 'bookingId' });
  const now = requireInstant(data.now, 'now');
  if (!hasStarted(booking, now)) refuse('RECEPTION_NOT_STARTED', { field: 'now' });
  return [
    { type: 'BookingMarkedNoShow', data: { bookingId: booking.bookingId, ...bookingFacts(booking), markedAt: now } },
  ];
};

const startRemoteReception = ({ data }: StartRemoteReception, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.mode !== 'remote') refuse('NOT_REMOTE', { field: 'bookingId' });
  if (booking.status === 'in_progress') return []; // the official pressed "start" twice
  if (booking.status !== 'confirmed') refuse('BOOKING_NOT_CONFIRMED', { field: 'bookingId' });
  const now = requireInstant(data.now, 'now');
  // Starting a little early is the official's call; the citizen joins by the same link.
  const joinUrl = booking.confirmation?.joinUrl ?? refuse('JOIN_URL_REQUIRED', { field: 'bookingId' });
  return [
    {
      type: 'RemoteReceptionStarted',
      data: { bookingId: booking.bookingId, ...bookingFacts(booking), joinUrl, startedAt: now },
    },
  ];
};

const endRemoteReception = ({ data }: EndRemoteReception, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.mode !== 'remote') refuse('NOT_REMOTE', { field: 'bookingId' });
  if (booking.status !== 'in_progress') refuse('RECEPTION_NOT_IN_PROGRESS', { field: 'bookingId' });
  if (booking.remoteCall?.endedAt) return []; // ended already
  const now = requireInstant(data.now, 'now');
  return [
    { type: 'RemoteReceptionEnded', data: { bookingId: booking.bookingId, ...bookingFacts(booking), endedAt: now } },
  ];
};

const completeReception = ({ data }: CompleteReception, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.status === 'completed') refuse('RECEPTION_ALREADY_COMPLETED', { field: 'bookingId' });
  const now = requireInstant(data.now, 'now');
  if (booking.mode === 'remote') {
    // A remote reception is held in the video call: it must have been started.
    if (booking.status === 'confirmed') refuse('RECEPTION_NOT_IN_PROGRESS', { field: 'bookingId' });
    if (booking.status !== 'in_progress') refuse('BOOKING_NOT_CONFIRMED', { field: 'bookingId' });
  } else {
    if (booking.status !== 'confirmed') refuse('BOOKING_NOT_CONFIRMED', { field: 'bookingId' });
    if (!hasStarted(booking, now)) refuse('RECEPTION_NOT_STARTED', { field: 'now' });
  }
  const outcome = requireChoice(data.outcome, RECEPTION_OUTCOMES, 'outcome');
  const summary = requireText(data.summary, 'summary', SUMMARY_MAX_LENGTH);
  return [
    {
      type: 'ReceptionCompleted',
      data: { bookingId: booking.bookingId, ...bookingFacts(booking), outcome, summary, completedAt: now },
    },
  ];
};

const requestFollowUpAppeal = ({ data }: RequestFollowUpAppeal, state: BookingState): BookingEvent[] => {
  const booking = requireBooking(state);
  if (booking.status !== 'completed' || !booking.completion) refuse('RECEPTION_NOT_COMPLETED', { field: 'bookingId' });
  if (booking.followUpRequestedAt) refuse('FOLLOW_UP_ALREADY_REQUESTED', { field: 'bookingId' });
  const now = requireInstant(data.now, 'now');
  return [
    {
      type: 'FollowUpRequested',
      data: {
        bookingId: booking.bookingId,
        ...bookingFacts(booking),
        outcome: booking.completion!.outcome,
        requestedAt: now,
      },
    },
  ];
};

// --- evolution ----------------------------------------------------------------------------------

const change = (state: BookingState, update: (booking: Booking) => Booking): BookingState =>
  state.status === 'none' ? state : update(state);

export const evolveBooking = (state: BookingState, event: BookingEvent): BookingState => {
  switch (event.type) {
    case 'BookingHeld':
      return { status: 'held', ...event.data, rescheduleCount: 0 };
    case 'BookingConfirmed': {
      // The repeated facts are ignored: they are what the state already holds.
      const { purpose, language, channel, joinUrl, confirmedAt } = event.data;
      const confirmation = { purpose, language, channel, ...(joinUrl ? { joinUrl } : {}), confirmedAt };
      return change(state, (b) => ({ ...b, status: 'confirmed', confirmation }));
    }
    case 'BookingHoldExtended':
      return change(state, (b) => ({ ...b, expiresAt: event.data.expiresAt, holdExtensions: event.data.extensions }));
    case 'BookingLapsed':
      return change(state, (b) => ({
        ...b,
        status: 'lapsed',
        lapse: { reason: event.data.reason, lapsedAt: event.data.lapsedAt },
      }));
    case 'BookingCancelled': {
      const { by, reason, cancelledAt } = event.data;
      const cancellation = { by, ...(reason ? { reason } : {}), cancelledAt };
      return change(state, (b) => ({ ...b, status: 'cancelled', cancellation }));
    }
    case 'BookingRescheduled':
      return change(state, (b) => ({ ...b, ...event.data.to, rescheduleCount: b.rescheduleCount + 1 }));
    case 'BookingMarkedNoShow':
      return change(state, (b) => ({ ...b, status: 'no_show', noShowAt: event.data.markedAt }));
    case 'RemoteReceptionStarted':
      return change(state, (b) => ({ ...b, status: 'in_progress', remoteCall: { startedAt: event.data.startedAt } }));
    case 'RemoteReceptionEnded':
      return change(state, (b) => ({
        ...b,
        remoteCall: { startedAt: b.remoteCall?.startedAt ?? event.data.endedAt, endedAt: event.data.endedAt },
      }));
    case 'ReceptionCompleted': {
      const { outcome, summary, completedAt } = event.data;
      return change(state, (b) => ({ ...b, status: 'completed', completion: { outcome, summary, completedAt } }));
    }
    case 'FollowUpRequested':
      return change(state, (b) => ({ ...b, followUpRequestedAt: event.data.requestedAt }));
    default:
      return state; // an event type from a newer version: nothing this version knows to fold
  }
};

export const decideBooking = (command: BookingCommand, state: BookingState): BookingEvent[] => {
  switch (command.type) {
    case 'HoldBooking':
      return holdBooking(command, state);
    case 'ConfirmBooking':
      return confirmBooking(command, state);
    case 'ExtendBookingHold':
      return extendBookingHold(command, state);
    case 'LapseHold':
      return lapseHold(command, state);
    case 'CancelBooking':
      return cancelBooking(command, state);
    case 'RescheduleBooking':
      return rescheduleBooking(command, state);
    case 'MarkNoShow':
      return markNoShow(command, state);
    case 'StartRemoteReception':
      return startRemoteReception(command, state);
    case 'EndRemoteReception':
      return endRemoteReception(command, state);
    case 'CompleteReception':
      return completeReception(command, state);
    case 'RequestFollowUpAppeal':
      return requestFollowUpAppeal(command, state);
    default:
      return unknownCommand(command);
  }
};

export const bookingDecider: Decider<BookingCommand, BookingState, BookingEvent> = {
  decide: decideBooking,
  evolve: evolveBooking,
  initialState: initialBookingState,
};
