import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import {
  bookingIcs,
  DomainError,
  slotStartInstant,
  slotEndInstant,
  addMinutes,
  type Booking,
  type BookingChannel,
  type Language,
  type LocalDate,
  type LocalTime,
  type ReceptionOutcome,
} from '../domain/index.js';
import { CurrentActor, forbidden, InternalCallerGuard, requireActor, type Actor } from '../application/actor.js';
import { CLOCK, type Clock } from '../application/clock.js';
import { DomainProblemsInterceptor } from '../application/domain-problems.js';
import { joinLinkFor } from '../application/join-link.js';
import { AppointmentsQueries } from '../read-models/queries.js';
import { ReceptionBookings } from './booking.workflow.js';

/** What a caller sees of a booking; free text only for its citizen and its official. */
export const bookingView = (booking: Booking, actor: Actor) => {
  const mayReadText =
    (actor.citizenRef !== undefined && actor.citizenRef === booking.citizenRef) ||
    (actor.officialId !== undefined && actor.officialId === booking.officialId);
  const startsAt = slotStartInstant(booking);
  return {
    bookingId: booking.bookingId,
    status: booking.status,
    officialId: booking.officialId,
    ...(booking.officeId ? { officeId: booking.officeId } : {}),
    date: booking.date,
    slotStart: booking.slotStart,
    slotEnd: booking.slotEnd,
    startsAt,
    endsAt: slotEndInstant(booking),
    mode: booking.mode,
    ...(booking.status === 'held' ? { holdExpiresAt: booking.expiresAt } : {}),
    ...(booking.confirmation
      ? {
          channel: booking.confirmation.channel,
          language: booking.confirmation.language,
          ...(booking.confirmation.joinUrl
            ? { ...(mayReadText ? { joinUrl: booking.confirmation.joinUrl } : {}), joinOpensAt: addMinutes(startsAt, -10) }
            : {}),
          ...(mayReadText ? { purpose: booking.confirmation.purpose } : {}),
        }
      : {}),
    ...(booking.cancellation ? { cancelledBy: booking.cancellation.by } : {}),
    ...(booking.completion
      ? { outcome: booking.completion.outcome, ...(mayReadText ? { summary: booking.completion.summary } : {}) }
      : {}),
    ...(booking.followUpRequestedAt ? { followUpRequestedAt: booking.followUpRequestedAt } : {}),
  };
};

const ICS_TEXTS: Record<Language, { summary: string; remote: string }> = {
  kk: { summary: 'Лауазымды тұлғаның қабылдауы (Adal Office)', remote: 'Бейнебайланыс арқылы қабылдау' },
  ru: { summary: 'Приём у должностного лица (Adal Office)', remote: 'Приём по видеосвязи' },
  en: { summary: 'Reception with an official (Adal Office)', remote: 'Remote reception by video' },
};

/** The internal booking API; the gateway checks roles, this checks ownership. */
@Controller('v1/bookings')
@UseGuards(InternalCallerGuard)
@UseInterceptors(DomainProblemsInterceptor)
export class BookingController {
  constructor(
    private readonly bookings: ReceptionBookings,
    private readonly queries: AppointmentsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('holds')
  @HttpCode(201)
  async hold(
    @CurrentActor() caller: Actor | undefined,
    @Body() body: { officialId: string; date: LocalDate; slotStart: LocalTime },
  ) {
    const actor = requireActor(caller);
    if (!actor.citizenRef) throw forbidden();
    const booking = await this.bookings.hold({
      citizenRef: actor.citizenRef,
      officialId: String(body?.officialId ?? ''),
      date: String(body?.date ?? ''),
      slotStart: String(body?.slotStart ?? ''),
    });
    return { ...bookingView(booking, actor), expiresAt: booking.expiresAt };
  }

  @Get('mine')
  async mine(@CurrentActor() caller: Actor | undefined) {
    const actor = requireActor(caller);
    if (!actor.citizenRef) throw forbidden();
    // Join links are not in the read model (they never leave the service in events): add them here.
    const bookings = await this.queries.citizenBookings(actor.citizenRef);
    return {
      bookings: bookings.map((b) =>
        b.mode === 'remote' && (b.status === 'confirmed' || b.status === 'in_progress')
          ? { ...b, joinUrl: joinLinkFor(b.bookingId) }
          : b,
      ),
    };
  }

  @Get(':bookingId')
  async get(@CurrentActor() caller: Actor | undefined, @Param('bookingId') bookingId: string) {
    const actor = requireActor(caller);
    const booking = await this.visibleTo(actor, bookingId, ['owner', 'official', 'admin', 'auditor']);
    return bookingView(booking, actor);
  }

  @Get(':bookingId/calendar.ics')
  async ics(@CurrentActor() caller: Actor | undefined, @Param('bookingId') bookingId: string, @Res() response: Response) {
    const actor = requireActor(caller);
    const booking = await this.visibleTo(actor, bookingId, ['owner']);
    const language = booking.confirmation?.language ?? actor.lang;
    const texts = ICS_TEXTS[language];
    const body = bookingIcs(
      booking,
      {
        language,
        summary: texts.summary,
        ...(booking.confirmation?.joinUrl ? { location: texts.remote } : booking.officeId ? { location: booking.officeId } : {}),
      },
      this.clock.now(),
    );
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="booking-${booking.bookingId}.ics"`);
    response.send(body);
  }

  @Post(':bookingId/confirm')
  @HttpCode(200)
  async confirm(
    @CurrentActor() caller: Actor | undefined,
    @Param('bookingId') bookingId: string,
    @Body() body: { purpose: string; language: Language; channel: BookingChannel },
  ) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['owner']);
    return bookingView(
      await this.bookings.confirm(bookingId, { purpose: body?.purpose, language: body?.language, channel: body?.channel }),
      actor,
    );
  }

  @Post(':bookingId/hold/extend')
  @HttpCode(200)
  async extendHold(@CurrentActor() caller: Actor | undefined, @Param('bookingId') bookingId: string) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['owner']);
    const booking = await this.bookings.extendHold(bookingId);
    return { ...bookingView(booking, actor), expiresAt: booking.expiresAt };
  }

  @Post(':bookingId/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentActor() caller: Actor | undefined,
    @Param('bookingId') bookingId: string,
    @Body() body: { reason?: string },
  ) {
    const actor = requireActor(caller);
    const booking = await this.visibleTo(actor, bookingId, ['owner', 'official', 'admin']);
    const by = actor.citizenRef === booking.citizenRef ? 'citizen' : actor.officialId === booking.officialId ? 'official' : 'office';
    return bookingView(await this.bookings.cancel(bookingId, by, body?.reason), actor);
  }

  @Post(':bookingId/reschedule')
  @HttpCode(200)
  async reschedule(
    @CurrentActor() caller: Actor | undefined,
    @Param('bookingId') bookingId: string,
    @Body() body: { date: LocalDate; slotStart: LocalTime },
  ) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['owner']);
    return bookingView(await this.bookings.reschedule(bookingId, { date: String(body?.date ?? ''), slotStart: String(body?.slotStart ?? '') }), actor);
  }

  @Post(':bookingId/no-show')
  @HttpCode(200)
  async noShow(@CurrentActor() caller: Actor | undefined, @Param('bookingId') bookingId: string) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['official']);
    return bookingView(await this.bookings.markNoShow(bookingId), actor);
  }

  @Post(':bookingId/remote/start')
  @HttpCode(200)
  async startRemote(@CurrentActor() caller: Actor | undefined, @Param('bookingId') bookingId: string) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['official']);
    return bookingView(await this.bookings.startRemote(bookingId), actor);
  }

  @Post(':bookingId/remote/end')
  @HttpCode(200)
  async endRemote(@CurrentActor() caller: Actor | undefined, @Param('bookingId') bookingId: string) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['official']);
    return bookingView(await this.bookings.endRemote(bookingId), actor);
  }

  @Post(':bookingId/outcome')
  @HttpCode(200)
  async outcome(
    @CurrentActor() caller: Actor | undefined,
    @Param('bookingId') bookingId: string,
    @Body() body: { outcome: ReceptionOutcome; summary: string },
  ) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['official']);
    return bookingView(await this.bookings.complete(bookingId, body?.outcome, body?.summary), actor);
  }

  @Post(':bookingId/follow-up')
  @HttpCode(200)
  async followUp(@CurrentActor() caller: Actor | undefined, @Param('bookingId') bookingId: string) {
    const actor = requireActor(caller);
    await this.visibleTo(actor, bookingId, ['official']);
    return bookingView(await this.bookings.requestFollowUp(bookingId), actor);
  }

  /**
   * Loads the booking and checks the caller may act on it. Someone else's booking answers
   * 404, like a missing one, so booking ids cannot be probed.
   */
  private async visibleTo(
    actor: Actor,
    bookingId: string,
    allowed: ReadonlyArray<'owner' | 'official' | 'admin' | 'auditor'>,
  ): Promise<Booking> {
    const booking = await this.bookings.load(bookingId);
    const ok =
      (allowed.includes('owner') && actor.citizenRef !== undefined && actor.citizenRef === booking.citizenRef) ||
      (allowed.includes('official') && actor.officialId !== undefined && actor.officialId === booking.officialId) ||
      (allowed.includes('admin') && actor.roles.includes('admin')) ||
      (allowed.includes('auditor') && actor.roles.includes('auditor'));
    if (!ok) throw new DomainError('BOOKING_NOT_FOUND', { field: 'bookingId' });
    return booking;
  }
}
