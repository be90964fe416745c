import { AggregateCache, aggregateStream, handleCommand, handleCommands, type EventStore } from '@adal/event-store';
import {
  addMinutes,
  bookingDecider,
  bookingStream,
  citizenBookingLimitsDecider,
  citizenBookingLimitsStream,
  DomainError,
  joinUrlFor,
  kazakhstanWorkingDays,
  receptionCalendarDecider,
  receptionCalendarStream,
  receptionScheduleDecider,
  receptionScheduleStream,
  slotsFor,
  type Booking,
  type BookingChannel,
  type BookingCommand,
  type CancelledBy,
  type Language,
  type LocalDate,
  type LocalTime,
  type ReceptionCalendarCommand,
  type ReceptionCalendarState,
  type ReceptionOutcome,
  type ReleaseReason,
} from '../domain/index.js';
import type { AppointmentsConfig } from '../application/config.js';
import type { Clock, IdGenerator } from '../application/clock.js';
import { eventMetadata } from '../application/trace.js';

export interface HoldRequest {
  citizenRef: string;
  officialId: string;
  date: LocalDate;
  slotStart: LocalTime;
}

/**
 * The booking workflow: each step is one command on one stream (see domain/index.ts for the
 * order). The scarce resource (the seat) is decided on the calendar stream, so concurrent
 * requests for one seat serialise on its expected revision: one wins, the rest are refused
 * with SLOT_FULL. A refused later step undoes the earlier ones.
 */
export class ReceptionBookings {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly config: AppointmentsConfig,
    private readonly cache: AggregateCache = new AggregateCache(),
  ) {}

  private readonly options = () => ({ metadata: eventMetadata(), retries: 8, cache: this.cache });

  async hold(request: HoldRequest): Promise<Booking> {
    const now = this.clock.now();
    const bookingId = this.ids.next();
    const expiresAt = addMinutes(now, this.config.holdMinutes);
    const { citizenRef, officialId, date, slotStart } = request;

    // The schedule is needed to know the official and, on a day's first hold, to open it.
    const schedule = await aggregateStream(this.store, receptionScheduleStream(officialId), receptionScheduleDecider, this.cache);
    if (!schedule.state.official) throw new DomainError('OFFICIAL_NOT_REGISTERED', { field: 'officialId' });

    await handleCommand(
      this.store,
      citizenBookingLimitsStream(citizenRef),
      { type: 'ReserveBooking', data: { citizenRef, bookingId, officialId, date, now, limits: this.config.limits } },
      citizenBookingLimitsDecider,
      this.options(),
    );
    let seatHeld = false;
    try {
      const calendar = await handleCommands(
        this.store,
        receptionCalendarStream(officialId, date),
        (state: ReceptionCalendarState): ReceptionCalendarCommand[] => [
          ...(state.status === 'unopened'
            ? [{ type: 'OpenReceptionDay' as const, data: { officialId, date, slots: slotsFor(schedule.state, date, kazakhstanWorkingDays) } }]
            : []),
          { type: 'HoldSlot', data: { bookingId, citizenRef, slotStart, now, holdExpiresAt: expiresAt } },
        ],
        receptionCalendarDecider,
        this.options(),
      );
      seatHeld = true;
      const slot = calendar.state.slots.find((s) => s.start === slotStart)!;
      const booking = await handleCommand(
        this.store,
        bookingStream(bookingId),
        {
          type: 'HoldBooking',
          data: {
            bookingId,
            citizenRef,
            officialId,
            date,
            slotStart,
            slotEnd: slot.end,
            mode: slot.mode,
            ...(slot.officeId ? { officeId: slot.officeId } : {}),
            now,
            expiresAt,
          },
        },
        bookingDecider,
        this.options(),
      );
      return booking.state as Booking;
    } catch (error) {
      if (seatHeld) await this.releaseSeat(officialId, date, bookingId, 'hold_abandoned').catch(() => undefined);
      await this.releaseReservation(citizenRef, bookingId).catch(() => undefined);
      throw error;
    }
  }

  async confirm(
    bookingId: string,
    request: { purpose: string; language: Language; channel: BookingChannel },
  ): Promise<Booking> {
    const now = this.clock.now();
    const booking = await this.load(bookingId);
    await handleCommand(
      this.store,
      receptionCalendarStream(booking.officialId, booking.date),
      { type: 'ConfirmHold', data: { bookingId, now } },
      receptionCalendarDecider,
      this.options(),
    );
    return this.onBooking(bookingId, {
      type: 'ConfirmBooking',
      data: {
        bookingId,
        ...request,
        now,
        ...(request.channel === 'remote' ? { joinUrl: joinUrlFor(this.config.joinUrlTemplate, bookingId) } : {}),
      },
    });
  }

  /** Gives the citizen another `holdMinutes` to confirm (the page's "more time" button). */
  async extendHold(bookingId: string): Promise<Booking> {
    const now = this.clock.now();
    const booking = await this.load(bookingId);
    const holdExpiresAt = addMinutes(now, this.config.holdMinutes);
    // The seat first: if it was lost meanwhile, the booking keeps its old expiry and lapses.
    await handleCommand(
      this.store,
      receptionCalendarStream(booking.officialId, booking.date),
      { type: 'ExtendHold', data: { bookingId, now, holdExpiresAt } },
      receptionCalendarDecider,
      this.options(),
    );
    return this.onBooking(bookingId, { type: 'ExtendBookingHold', data: { bookingId, now, expiresAt: holdExpiresAt } });
  }

  async cancel(bookingId: string, by: CancelledBy, reason?: string): Promise<Booking> {
    const now = this.clock.now();
    const result = await this.onBooking(bookingId, {
      type: 'CancelBooking',
      data: {
        bookingId,
        by,
        now,
        ...(reason ? { reason } : {}),
        ...(by === 'citizen' ? { minimumNoticeMinutes: this.config.cancelNoticeMinutes } : {}),
      },
    });
    await this.releaseSeat(result.officialId, result.date, bookingId, 'cancelled');
    await this.releaseReservation(result.citizenRef, bookingId);
    return result;
  }

  /**
   * Moves a confirmed booking to another slot of the same official. Same day: one atomic
   * calendar event. Another day: the new seat is held, the booking switches (its one atomic
   * step: never two slots, never none), then the new seat is confirmed and the old released.
   */
  async reschedule(bookingId: string, to: { date: LocalDate; slotStart: LocalTime }): Promise<Booking> {
    const now = this.clock.now();
    const booking = await this.load(bookingId);
    const { officialId, citizenRef } = booking;
    if (booking.status !== 'confirmed') throw new DomainError('BOOKING_NOT_CONFIRMED');

    if (to.date === booking.date) {
      const moved = await handleCommand(
        this.store,
        receptionCalendarStream(officialId, to.date),
        { type: 'MoveBooking', data: { bookingId, toSlotStart: to.slotStart, now } },
        receptionCalendarDecider,
        this.options(),
      );
      const slot = moved.state.slots.find((s) => s.start === to.slotStart)!;
      return this.onBooking(bookingId, {
        type: 'RescheduleBooking',
        data: { bookingId, toDate: to.date, toSlotStart: to.slotStart, toSlotEnd: slot.end, now },
      });
    }

    const schedule = await aggregateStream(this.store, receptionScheduleStream(officialId), receptionScheduleDecider, this.cache);
    await handleCommand(
      this.store,
      citizenBookingLimitsStream(citizenRef),
      { type: 'MoveReservation', data: { citizenRef, bookingId, toDate: to.date, now, limits: this.config.limits } },
      citizenBookingLimitsDecider,
      this.options(),
    );
    let target: ReceptionCalendarState;
    try {
      target = (
        await handleCommands(
          this.store,
          receptionCalendarStream(officialId, to.date),
          (state: ReceptionCalendarState): ReceptionCalendarCommand[] => [
            ...(state.status === 'unopened'
              ? [{ type: 'OpenReceptionDay' as const, data: { officialId, date: to.date, slots: slotsFor(schedule.state, to.date, kazakhstanWorkingDays) } }]
              : []),
            {
              type: 'HoldSlot',
              data: { bookingId, citizenRef, slotStart: to.slotStart, now, holdExpiresAt: addMinutes(now, this.config.holdMinutes) },
            },
          ],
          receptionCalendarDecider,
          this.options(),
        )
      ).state;
    } catch (error) {
      await handleCommand(
        this.store,
        citizenBookingLimitsStream(citizenRef),
        { type: 'MoveReservation', data: { citizenRef, bookingId, toDate: booking.date, now, limits: this.config.limits } },
        citizenBookingLimitsDecider,
        this.options(),
      ).catch(() => undefined);
      throw error;
    }
    const slot = target.slots.find((s) => s.start === to.slotStart)!;
    let result: Booking;
    try {
      result = await this.onBooking(bookingId, {
        type: 'RescheduleBooking',
        data: { bookingId, toDate: to.date, toSlotStart: to.slotStart, toSlotEnd: slot.end, now },
      });
    } catch (error) {
      await this.releaseSeat(officialId, to.date, bookingId, 'hold_abandoned').catch(() => undefined);
      throw error;
    }
    await handleCommand(
      this.store,
      receptionCalendarStream(officialId, to.date),
      { type: 'ConfirmHold', data: { bookingId, now } },
      receptionCalendarDecider,
      this.options(),
    );
    await this.releaseSeat(officialId, booking.date, bookingId, 'rescheduled');
    return result;
  }

  markNoShow(bookingId: string): Promise<Booking> {
    return this.onBooking(bookingId, { type: 'MarkNoShow', data: { bookingId, now: this.clock.now() } });
  }

  startRemote(bookingId: string): Promise<Booking> {
    return this.onBooking(bookingId, { type: 'StartRemoteReception', data: { bookingId, now: this.clock.now() } });
  }

  endRemote(bookingId: string): Promise<Booking> {
    return this.onBooking(bookingId, { type: 'EndRemoteReception', data: { bookingId, now: this.clock.now() } });
  }

  complete(bookingId: string, outcome: ReceptionOutcome, summary: string): Promise<Booking> {
    return this.onBooking(bookingId, {
      type: 'CompleteReception',
      data: { bookingId, outcome, summary, now: this.clock.now() },
    });
  }

  requestFollowUp(bookingId: string): Promise<Booking> {
    return this.onBooking(bookingId, { type: 'RequestFollowUpAppeal', data: { bookingId, now: this.clock.now() } });
  }

  /**
   * Lapses a hold whose time ran out: the booking lapses, its seat and reservation are
   * released. Every step is idempotent, so sweeping twice (or from two replicas) is harmless.
   */
  async lapseExpiredHold(bookingId: string): Promise<void> {
    const now = this.clock.now();
    const booking = await this.load(bookingId);
    if (booking.status === 'held') {
      await this.onBooking(bookingId, { type: 'LapseHold', data: { bookingId, reason: 'expired', now } });
    } else if (booking.status !== 'lapsed') {
      return;
    }
    await this.releaseSeat(booking.officialId, booking.date, bookingId, 'hold_expired').catch((error: unknown) => {
      // A late confirmation won the race for the seat; the calendar keeps it booked.
      if (!(error instanceof DomainError && error.code === 'ALREADY_BOOKED')) throw error;
    });
    await this.releaseReservation(booking.citizenRef, bookingId);
  }

  /** The booking's current state, or BOOKING_NOT_FOUND. */
  async load(bookingId: string): Promise<Booking> {
    const { state } = await aggregateStream(this.store, bookingStream(bookingId), bookingDecider, this.cache);
    if (state.status === 'none') throw new DomainError('BOOKING_NOT_FOUND', { field: 'bookingId' });
    return state;
  }

  private async onBooking(bookingId: string, command: BookingCommand): Promise<Booking> {
    const result = await handleCommand(this.store, bookingStream(bookingId), command, bookingDecider, this.options());
    if (result.state.status === 'none') throw new DomainError('BOOKING_NOT_FOUND', { field: 'bookingId' });
    return result.state;
  }

  private async releaseSeat(officialId: string, date: LocalDate, bookingId: string, reason: ReleaseReason): Promise<void> {
    await handleCommand(
      this.store,
      receptionCalendarStream(officialId, date),
      { type: 'ReleaseSlot', data: { bookingId, reason } },
      receptionCalendarDecider,
      this.options(),
    );
  }

  private async releaseReservation(citizenRef: string, bookingId: string): Promise<void> {
    await handleCommand(
      this.store,
      citizenBookingLimitsStream(citizenRef),
      { type: 'ReleaseReservation', data: { citizenRef, bookingId } },
      citizenBookingLimitsDecider,
      this.options(),
    );
  }
}
