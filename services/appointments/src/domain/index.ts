/**
 * The appointments domain: pure deciders (`decide(command, state) -> events`,
 * `evolve(state, event) -> state`) with no framework, clock, randomness or I/O. Time and ids come
 * in as command fields; refusals are `DomainError`s with a stable `code` (and `field`), whose
 * kk/ru/en texts are in `messages.ts`.
 *
 * Four aggregates, one stream each:
 * | aggregate             | stream                           | guards                                   |
 * |-----------------------|----------------------------------|------------------------------------------|
 * | ReceptionSchedule     | `schedule-<officialId>`          | who receives when (rules, day changes)   |
 * | ReceptionCalendar     | `calendar-<officialId>:<date>`   | seats of one day: never overbooked       |
 * | Booking               | `booking-<bookingId>`            | the citizen's appointment lifecycle      |
 * | CitizenBookingLimits  | `citizen-<citizenRef>`           | per-citizen quotas                       |
 *
 * A command never spans streams; the application runs the steps in this order, the scarce
 * resource first, and compensates backwards if a later step is refused:
 * - book:       limits.ReserveBooking -> calendar.OpenReceptionDay (if unopened, with slotsFor)
 *               -> calendar.HoldSlot -> booking.HoldBooking
 * - confirm:    booking.ConfirmBooking decided without appending (deciders are pure: a free
 *               check of purpose, language, channel) -> calendar.ConfirmHold -> booking.ConfirmBooking
 * - lapse:      calendar.ReleaseSlot(hold_expired | hold_abandoned) -> booking.LapseHold
 *               -> limits.ReleaseReservation (calendar first: it settles the race with a late
 *               confirmation - a booked seat refuses the release with ALREADY_BOOKED, a released
 *               hold refuses ConfirmHold with HOLD_EXPIRED)
 * - cancel:     booking.CancelBooking -> calendar.ReleaseSlot(cancelled) -> limits.ReleaseReservation
 * - reschedule: same day: calendar.MoveBooking -> booking.RescheduleBooking;
 *               other day: limits.MoveReservation -> target calendar HoldSlot + ConfirmHold
 *               -> booking.RescheduleBooking -> source calendar.ReleaseSlot(rescheduled)
 * - cancel day: schedule.ChangeReceptionDay(cancel) -> calendar.CancelDay -> for each affected
 *               booking: booking.CancelBooking(by office) + limits.ReleaseReservation, then notify.
 */

// time and the holiday data (@adal/domain-kit), and the working-day calendar bound to our refusals
export {
  // time
  ALMATY_UTC_OFFSET_MINUTES,
  WEEKDAYS,
  addDays,
  addMinutes,
  compareInstants,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  epochMsOf,
  instantFromEpochMs,
  instantOf,
  isAfter,
  isBefore,
  isInstant,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  minutesBetween,
  minutesOfDay,
  timeOfDay,
  toAlmatyInstant,
  toUtcBasicFormat,
  yearOf,
  type Instant,
  type LocalDate,
  type LocalTime,
  type Weekday,
  // holidays (data)
  HOLIDAYS,
  KAZAKHSTAN_PUBLIC_HOLIDAYS,
  type DayOffTransfer,
  type HolidayDefinition,
  type HolidayId,
  type HolidayKind,
  type HolidayYear,
  type PublicHoliday,
  type PublicHolidayCalendarData,
} from '@adal/domain-kit';
export * from './time/working-days.js';

// shared vocabulary, errors and messages
export * from './shared/reception.js';
export {
  DOMAIN_ERROR_KINDS,
  DomainError,
  isDomainError,
  type DomainErrorCode,
  type DomainErrorKind,
  type DomainErrorOptions,
  type MessageParams,
} from './shared/domain-error.js';
export * from './messages.js';

// reception schedule
export * from './schedule/reception-schedule.js';
export { receptionScheduleDecider, initialReceptionScheduleState } from './schedule/reception-schedule.decider.js';
export { slotsFor, cutIntoSlots, ruleAppliesOn } from './schedule/slots-for.js';

// reception calendar
export * from './calendar/reception-calendar.js';
export {
  receptionCalendarDecider,
  initialReceptionCalendarState,
  availability,
  seatsTaken,
  occupiesSeat,
  type SlotAvailability,
} from './calendar/reception-calendar.decider.js';

// booking
export * from './booking/booking.js';
export { bookingDecider, initialBookingState, slotStartInstant, slotEndInstant } from './booking/booking.decider.js';
export { joinUrlFor, DEFAULT_JOIN_URL_TEMPLATE } from './booking/join-url.js';

// citizen booking limits
export * from './citizen/citizen-booking-limits.js';
export {
  citizenBookingLimitsDecider,
  initialCitizenBookingLimitsState,
} from './citizen/citizen-booking-limits.decider.js';

// calendar files
export { bookingIcs, renderIcs, escapeIcsText, foldIcsLine, type BookingIcsTexts, type IcsEventInput } from './ics.js';
