import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ProblemException, ValidationProblemException } from '@adal/service-kit';
import {
  addDays,
  daysBetween,
  isLocalDate,
  localDateOf,
  WEEKDAYS,
  type LocalDate,
  type OfficialRank,
  type ReceptionDayChange,
  type Weekday,
  type ReceptionRule,
  type ReceptionScheduleState,
} from '../domain/index.js';
import { CurrentActor, forbidden, InternalCallerGuard, requireActor, type Actor } from '../application/actor.js';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '../application/clock.js';
import { DomainProblemsInterceptor } from '../application/domain-problems.js';
import { AppointmentsQueries } from '../read-models/queries.js';
import { ReceptionSchedules } from './schedule.workflow.js';

const scheduleView = (state: ReceptionScheduleState) => ({
  officialId: state.official?.officialId,
  officeId: state.official?.officeId,
  rank: state.official?.rank,
  rules: Object.values(state.rules),
  days: state.days,
});

const mayManage = (actor: Actor, officialId: string): boolean =>
  actor.roles.includes('admin') || (actor.roles.includes('official') && actor.officialId === officialId);

/** Offices, officials, free slots (public) and reception hours (the official or an admin). */
@Controller('v1')
@UseGuards(InternalCallerGuard)
@UseInterceptors(DomainProblemsInterceptor)
export class ScheduleController {
  constructor(
    private readonly schedules: ReceptionSchedules,
    private readonly queries: AppointmentsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Get('offices')
  async offices() {
    return { offices: await this.queries.offices() };
  }

  @Get('officials')
  async officials(@Query('officeId') officeId?: string) {
    return { officials: await this.queries.officials(officeId ? { officeId } : {}) };
  }

  @Post('officials')
  @HttpCode(201)
  async register(
    @CurrentActor() caller: Actor | undefined,
    @Body() body: { officialId: string; officeId: string; rank: OfficialRank; nameKk: string; nameRu: string; nameEn: string },
  ) {
    const actor = requireActor(caller);
    if (!actor.roles.includes('admin')) throw forbidden();
    return scheduleView(
      await this.schedules.registerOfficial({
        officialId: body?.officialId,
        officeId: body?.officeId,
        rank: body?.rank,
        displayName: { kk: body?.nameKk, ru: body?.nameRu, en: body?.nameEn },
      }),
    );
  }

  @Get('officials/:officialId')
  async official(@Param('officialId') officialId: string) {
    const official = await this.queries.official(officialId);
    if (!official) throw new ProblemException({ status: 404, title: 'Not found', detail: `No official ${officialId}` });
    return official;
  }

  @Get('officials/:officialId/free-slots')
  async freeSlots(@Param('officialId') officialId: string, @Query('from') from?: string, @Query('to') to?: string) {
    const now = this.clock.now();
    const today = localDateOf(now);
    const first = from ?? today;
    const last = to ?? addDays(first, 13);
    const errors = [
      ...(isLocalDate(first) ? [] : [{ field: 'from', message: 'must be a date YYYY-MM-DD' }]),
      ...(isLocalDate(last) ? [] : [{ field: 'to', message: 'must be a date YYYY-MM-DD' }]),
    ];
    if (errors.length) throw new ValidationProblemException(errors);
    const span = daysBetween(first, last);
    if (span < 0) throw new ValidationProblemException([{ field: 'to', message: 'must not be before from' }]);
    if (span > 30) throw new ValidationProblemException([{ field: 'to', message: 'at most 31 days from `from`' }]);
    return { officialId, days: await this.queries.freeSlots(officialId, first as LocalDate, last as LocalDate, now) };
  }

  @Get('officials/:officialId/agenda')
  async agenda(@CurrentActor() caller: Actor | undefined, @Param('officialId') officialId: string, @Query('date') date?: string) {
    const actor = requireActor(caller);
    if (!mayManage(actor, officialId) && !actor.roles.includes('auditor')) throw forbidden();
    const day = date ?? localDateOf(this.clock.now());
    if (!isLocalDate(day)) throw new ValidationProblemException([{ field: 'date', message: 'must be a date YYYY-MM-DD' }]);
    return { officialId, date: day, bookings: await this.queries.agenda(officialId, day) };
  }

  @Post('officials/:officialId/reception-rules')
  @HttpCode(201)
  async publishRule(
    @CurrentActor() caller: Actor | undefined,
    @Param('officialId') officialId: string,
    @Body() body: Omit<ReceptionRule, 'ruleId' | 'weekday'> & { ruleId?: string; weekday?: number | Weekday },
  ) {
    const actor = requireActor(caller);
    if (!mayManage(actor, officialId)) throw forbidden();
    // The public API numbers weekdays ISO-style (1 = Monday); the domain names them.
    const weekday = typeof body?.weekday === 'number' ? WEEKDAYS[body.weekday - 1] : body?.weekday;
    const { officeId, weekday: _weekday, ...rest } = body ?? ({} as typeof body);
    const rule: ReceptionRule = {
      ...rest,
      ruleId: body?.ruleId ?? this.ids.next(),
      ...(weekday ? { weekday } : {}),
      ...(officeId && body?.mode !== 'remote' ? { officeId } : {}),
    };
    return scheduleView(await this.schedules.publishRule(officialId, rule));
  }

  @Delete('officials/:officialId/reception-rules/:ruleId')
  @HttpCode(200)
  async withdrawRule(@CurrentActor() caller: Actor | undefined, @Param('officialId') officialId: string, @Param('ruleId') ruleId: string) {
    const actor = requireActor(caller);
    if (!mayManage(actor, officialId)) throw forbidden();
    return scheduleView(await this.schedules.withdrawRule(officialId, ruleId));
  }

  @Post('officials/:officialId/reception-days/:date')
  @HttpCode(200)
  async changeDay(
    @CurrentActor() caller: Actor | undefined,
    @Param('officialId') officialId: string,
    @Param('date') date: string,
    @Body() body: { action: 'cancel'; reason?: string } | ({ action: 'extra' } & Omit<Extract<ReceptionDayChange, { kind: 'extra_hours' }>, 'kind'>),
  ) {
    const actor = requireActor(caller);
    if (!mayManage(actor, officialId)) throw forbidden();
    if (!isLocalDate(date)) throw new ValidationProblemException([{ field: 'date', message: 'must be a date YYYY-MM-DD' }]);
    let change: ReceptionDayChange;
    if (body?.action === 'cancel') change = { kind: 'cancel', ...(body.reason ? { reason: body.reason } : {}) };
    else if (body?.action === 'extra') {
      const { action: _action, ...hours } = body;
      change = { kind: 'extra_hours', ...hours };
    } else throw new ValidationProblemException([{ field: 'action', message: 'must be "cancel" or "extra"' }]);
    return this.schedules.changeDay(officialId, date, change);
  }
}
