import {
  AggregateCache,
  aggregateStream,
  handleCommand,
  handleCommands,
  type EventStore,
} from '@adal/event-store';
import {
  addMinutes,
  bookingDecider,
  bookingStream,
  citizenBookingLimitsDecider,
  citizenBookingLimitsStream,
  DomainError,
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
  type ReceptionScheduleState,
  type ReleaseReason,
} from '../domain/index.js';
import type { AppointmentsConfig } from '../application/config.js';
import type { Clock, IdGenerator } from '../application/clock.js';
import { eventMetadata } from '../application/trace.js';
import { joinLinkFor } from '../application/join-link.js';

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
const refuse = (code: 'SLOT_UNKNOWN', field: string): never => {
  throw new DomainError(code, { field });
};

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
    const schedule = await this.recentSchedule(officialId);
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
      const calendar = await this.holdSeat(officialId, date, schedule.state, {
        bookingId,
        citizenRef,
        slotStart,
        now,
        holdExpiresAt: expiresAt,
      });
      seatHeld = true;
      const slot = calendar.state.slots.find((s) => s.start === slotStart)!;
      // A fresh id: the stream cannot exist, so decide on the initial state and append with
      // `no_stream` (no read needed).
      const command: BookingCommand = {
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
      };
      const events = bookingDecider.decide(command, bookingDecider.initialState());
      await this.store.appendToStream(
        bookingStream(bookingId),
        events.map((e) => ({ type: e.type, data: e.data, metadata: eventMetadata() })),
        { expectedRevision: 'no_stream' },
      );
      const booking = { state: events.reduce(bookingDecider.evolve, bookingDecider.initialState()) };
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
    const command: BookingCommand = {
      type: 'ConfirmBooking',
      data: {
        bookingId,
        ...request,
        now,
        ...(request.channel === 'remote' ? { joinUrl: joinLinkFor(bookingId) } : {}),
      },
    };
    // Decided on the booking first (a dry run: wrong channel, bad purpose, not held are refused
    // here), so a refusal never leaves the seat booked for a booking that is not.
    if (bookingDecider.decide(command, booking).length === 0) return booking;
    await handleCommand(
      this.store,
      receptionCalendarStream(booking.officialId, booking.date),
      { type: 'ConfirmHold', data: { bookingId, now } },
      receptionCalendarDecider,
      this.options(),
    );
    try {
      return await this.onBooking(bookingId, command);
    } catch (error) {
      // The booking changed meanwhile (lapsed, cancelled): give the seat back.
      await this.releaseSeat(booking.officialId, booking.date, bookingId, 'cancelled').catch(() => undefined);
      throw error;
    }
  }

  /** Gives the citizen another `holdMinutes` to confirm (the page's "more time" button). */
  async extendHold(bookingId: string): Promise<Booking> {
    const now = this.clock.now();
    const booking = await this.load(bookingId);
    const holdExpiresAt = addMinutes(now, this.config.holdMinutes);
    const command: BookingCommand = { type: 'ExtendBookingHold', data: { bookingId, now, expiresAt: holdExpiresAt } };
    // The booking's own rules first (held, at most ten extensions), then the seat.
    if (bookingDecider.decide(command, booking).length === 0) return booking;
    await handleCommand(
      this.store,
      receptionCalendarStream(booking.officialId, booking.date),
      { type: 'ExtendHold', data: { bookingId, now, holdExpiresAt } },
      receptionCalendarDecider,
      this.options(),
    );
    return this.onBooking(bookingId, command);
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
   * Moves a confirmed booking to another slot of the same official. The booking is decided
   * first (a dry run) and switched last with the revision it was read at, so two concurrent
   * reschedules cannot both win: the loser undoes its calendar step and gets a 409.
   * Same day: one atomic calendar event. Another day: the new seat is held, the booking
   * switches (its one atomic step: never two slots, never none), then the new seat is
   * confirmed and the old released.
   */
  async reschedule(bookingId: string, to: { date: LocalDate; slotStart: LocalTime }): Promise<Booking> {
    const now = this.clock.now();
    const { state, revision } = await aggregateStream(this.store, bookingStream(bookingId), bookingDecider, this.cache);
    if (state.status === 'none') throw new DomainError('BOOKING_NOT_FOUND', { field: 'bookingId' });
    const booking = state;
    const { officialId, citizenRef } = booking;
    const schedule = await aggregateStream(this.store, receptionScheduleStream(officialId), receptionScheduleDecider, this.cache);
    const target = await this.slotOf(officialId, to.date, to.slotStart, schedule.state);
    const command: BookingCommand = {
      type: 'RescheduleBooking',
      data: { bookingId, toDate: to.date, toSlotStart: to.slotStart, toSlotEnd: target.end, now },
    };
    const events = bookingDecider.decide(command, booking); // refuses before anything moves
    if (events.length === 0) return booking;
    const switchBooking = async (): Promise<Booking> => {
      // Exactly the revision read above: a concurrent change makes this fail, never re-decide.
      await this.store.appendToStream(
        bookingStream(bookingId),
        events.map((e) => ({ type: e.type, data: e.data, metadata: eventMetadata() })),
        { expectedRevision: revision },
      );
      this.cache.delete(bookingStream(bookingId));
      return events.reduce(bookingDecider.evolve, booking as typeof state) as Booking;
    };

    if (to.date === booking.date) {
      await handleCommand(
        this.store,
        receptionCalendarStream(officialId, to.date),
        { type: 'MoveBooking', data: { bookingId, toSlotStart: to.slotStart, now } },
        receptionCalendarDecider,
        this.options(),
      );
      try {
        return await switchBooking();
      } catch (error) {
        await handleCommand(
          this.store,
          receptionCalendarStream(officialId, to.date),
          { type: 'MoveBooking', data: { bookingId, toSlotStart: booking.slotStart, now } },
          receptionCalendarDecider,
          this.options(),
        ).catch(() => undefined);
        throw error;
      }
    }

    const moveQuota = (date: LocalDate) =>
      handleCommand(
        this.store,
        citizenBookingLimitsStream(citizenRef),
        { type: 'MoveReservation', data: { citizenRef, bookingId, toDate: date, now, limits: this.config.limits } },
        citizenBookingLimitsDecider,
        this.options(),
      );
    await moveQuota(to.date);
    let result: Booking;
    try {
      await this.holdSeat(officialId, to.date, schedule.state, {
        bookingId,
        citizenRef,
        slotStart: to.slotStart,
        now,
        holdExpiresAt: addMinutes(now, this.config.holdMinutes),
      });
      try {
        result = await switchBooking();
      } catch (error) {
        await this.releaseSeat(officialId, to.date, bookingId, 'hold_abandoned').catch(() => undefined);
        throw error;
      }
    } catch (error) {
      await moveQuota(booking.date).catch(() => undefined);
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

  private readonly schedules = new Map<string, { at: number; schedule: { state: ReceptionScheduleState } }>();

  /**
   * The official's schedule, read at most once a second on the hot hold path: it changes
   * rarely, and a rule published a moment ago reaching a day's first opening a second later is
   * harmless (opened days then take extra hours).
   */
  private async recentSchedule(officialId: string): Promise<{ state: ReceptionScheduleState }> {
    const cached = this.schedules.get(officialId);
    if (cached && Date.now() - cached.at < 1000) return cached.schedule;
    const schedule = await aggregateStream(this.store, receptionScheduleStream(officialId), receptionScheduleDecider, this.cache);
    if (schedule.state.official) this.schedules.set(officialId, { at: Date.now(), schedule });
    if (this.schedules.size > 10_000) this.schedules.delete(this.schedules.keys().next().value!);
    return schedule;
  }

  /** The slot of a day as its calendar has it (once opened) or as the schedule would open it. */
  private async slotOf(officialId: string, date: LocalDate, slotStart: LocalTime, schedule: ReceptionScheduleState) {
    const calendar = await aggregateStream(this.store, receptionCalendarStream(officialId, date), receptionCalendarDecider, this.cache);
    const slots = calendar.state.status === 'unopened' ? slotsFor(schedule, date, kazakhstanWorkingDays) : calendar.state.slots;
    return slots.find((s) => s.start === slotStart) ?? refuse('SLOT_UNKNOWN', 'slotStart');
  }

  /** Holds a seat, opening the day from the schedule when it is the day's first hold. */
  private holdSeat(
    officialId: string,
    date: LocalDate,
    schedule: ReceptionScheduleState,
    hold: { bookingId: string; citizenRef: string; slotStart: LocalTime; now: string; holdExpiresAt: string },
  ) {
    return handleCommands(
      this.store,
      receptionCalendarStream(officialId, date),
      (state: ReceptionCalendarState): ReceptionCalendarCommand[] => [
        ...(state.status === 'unopened'
          ? [{ type: 'OpenReceptionDay' as const, data: { officialId, date, slots: slotsFor(schedule, date, kazakhstanWorkingDays) } }]
          : []),
        { type: 'HoldSlot', data: hold },
      ],
      receptionCalendarDecider,
      this.options(),
    );
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
    await this.releaseSeat(booking.officialId, booking.date, bookingId, 'hold_expired').catch(async (error: unknown) => {
      // A confirmation booked the seat but lost the race on the booking, which lapsed: the
      // booking is the authority, so the seat goes back.
      if (!(error instanceof DomainError && error.code === 'ALREADY_BOOKED')) throw error;
      await this.releaseSeat(booking.officialId, booking.date, bookingId, 'cancelled');
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
