import { AggregateCache, handleCommand, type EventStore } from '@adal/event-store';
import {
  bookingDecider,
  bookingStream,
  citizenBookingLimitsDecider,
  citizenBookingLimitsStream,
  cutIntoSlots,
  receptionCalendarDecider,
  receptionCalendarStream,
  receptionScheduleDecider,
  receptionScheduleStream,
  type LocalDate,
  type OfficialProfile,
  type ReceptionDayChange,
  type ReceptionRule,
  type ReceptionScheduleState,
} from '../domain/index.js';
import type { Clock } from '../application/clock.js';
import { eventMetadata } from '../application/trace.js';

/** Officials' reception hours: recurring rules and one-off changes of a day. */
export class ReceptionSchedules {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly cache: AggregateCache = new AggregateCache(),
  ) {}

  private readonly options = () => ({ metadata: eventMetadata(), retries: 5, cache: this.cache });

  async registerOfficial(profile: OfficialProfile): Promise<ReceptionScheduleState> {
    const result = await handleCommand(
      this.store,
      receptionScheduleStream(profile.officialId),
      { type: 'RegisterOfficial', data: profile },
      receptionScheduleDecider,
      this.options(),
    );
    return result.state;
  }

  async publishRule(officialId: string, rule: ReceptionRule): Promise<ReceptionScheduleState> {
    return (
      await handleCommand(
        this.store,
        receptionScheduleStream(officialId),
        { type: 'PublishReceptionRule', data: { officialId, ...rule } },
        receptionScheduleDecider,
        this.options(),
      )
    ).state;
  }

  async withdrawRule(officialId: string, ruleId: string): Promise<ReceptionScheduleState> {
    return (
      await handleCommand(
        this.store,
        receptionScheduleStream(officialId),
        { type: 'WithdrawReceptionRule', data: { officialId, ruleId } },
        receptionScheduleDecider,
        this.options(),
      )
    ).state;
  }

  /**
   * One-off change of a day. Cancelling closes the day's calendar and cancels every booking
   * on it (by the office), releasing the citizens' reservations; their notifications follow
   * from the public BookingCancelled events.
   */
  async changeDay(officialId: string, date: LocalDate, change: ReceptionDayChange): Promise<{ cancelledBookings: string[] }> {
    await handleCommand(
      this.store,
      receptionScheduleStream(officialId),
      { type: 'ChangeReceptionDay', data: { officialId, date, change } },
      receptionScheduleDecider,
      this.options(),
    );
    if (change.kind === 'extra_hours') {
      // A day already opened froze its slots: the extra hours reach it through its calendar.
      const { kind: _kind, ...hours } = change;
      await handleCommand(
        this.store,
        receptionCalendarStream(officialId, date),
        { type: 'AddReceptionSlots', data: { slots: cutIntoSlots(hours) } },
        receptionCalendarDecider,
        this.options(),
      );
      return { cancelledBookings: [] };
    }
    const closed = await handleCommand(
      this.store,
      receptionCalendarStream(officialId, date),
      { type: 'CancelDay', data: { officialId, date, ...(change.reason ? { reason: change.reason } : {}) } },
      receptionCalendarDecider,
      this.options(),
    );
    // From the calendar's state, not this call's events: a retry after a partial failure still
    // finds every booking the closed day released.
    const affected = Object.values(closed.state.seats).filter((seat) => seat.releaseReason === 'day_cancelled');
    const now = this.clock.now();
    for (const booking of affected) {
      await handleCommand(
        this.store,
        bookingStream(booking.bookingId),
        { type: 'CancelBooking', data: { bookingId: booking.bookingId, by: 'office', reason: change.reason ?? 'reception day cancelled', now } },
        bookingDecider,
        this.options(),
      );
      await handleCommand(
        this.store,
        citizenBookingLimitsStream(booking.citizenRef),
        { type: 'ReleaseReservation', data: { citizenRef: booking.citizenRef, bookingId: booking.bookingId } },
        citizenBookingLimitsDecider,
        this.options(),
      );
    }
    return { cancelledBookings: affected.map((b) => b.bookingId) };
  }
}
