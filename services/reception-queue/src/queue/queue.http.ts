import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { localDateOf, requireDate, requireId } from '../domain/index.js';
import { CurrentActor, InternalCallerGuard, requireStaff, type Actor } from '../application/actor.js';
import { DomainProblemsInterceptor } from '../application/domain-problems.js';
import { QueueQueries } from '../read-models/queries.js';
import { BoardFeed } from './board-feed.js';
import { ReceptionQueue, type Body as CommandBody } from './reception-queue.js';

/** How often an idle board stream sends a comment, so proxies keep it open. */
const HEARTBEAT_MS = 15_000;

/**
 * The internal reception-queue API (docs/api.md, "Reception queue routes"); the gateway forwards
 * `/api/v1/queue/...` here. The gateway checks roles; this checks them again, and that a clerk
 * works at their own office.
 */
@Controller('v1/queue')
@UseGuards(InternalCallerGuard)
@UseInterceptors(DomainProblemsInterceptor)
export class QueueController {
  constructor(
    @Inject(ReceptionQueue) private readonly queue: ReceptionQueue,
    @Inject(QueueQueries) private readonly queries: QueueQueries,
    @Inject(BoardFeed) private readonly feed: BoardFeed,
  ) {}

  // --- office setup ---

  @Get('offices/:officeId/setup')
  async setup(@Param('officeId') officeId: string) {
    return this.queue.setup(officeId);
  }

  @Put('offices/:officeId/setup')
  async putSetup(
    @CurrentActor() actor: Actor | undefined,
    @Param('officeId') officeId: string,
    @Body() body: CommandBody,
  ) {
    requireStaff(actor, officeId, ['admin']);
    return this.queue.configure(officeId, body);
  }

  // --- tickets ---

  @Post('offices/:officeId/days/:date/tickets')
  @HttpCode(201)
  async issue(@Param('officeId') officeId: string, @Param('date') date: string, @Body() body: CommandBody) {
    return this.queue.issueTicket(officeId, date, body);
  }

  @Post('offices/:officeId/days/:date/check-ins')
  @HttpCode(201)
  async checkIn(
    @CurrentActor() actor: Actor | undefined,
    @Param('officeId') officeId: string,
    @Param('date') date: string,
    @Body() body: CommandBody,
  ) {
    requireStaff(actor, officeId);
    return this.queue.checkIn(officeId, date, body);
  }

  @Get('offices/:officeId/days/:date/tickets/:ticketId')
  async ticket(@Param('officeId') officeId: string, @Param('date') date: string, @Param('ticketId') ticketId: string) {
    return this.queue.ticket(officeId, date, ticketId);
  }

  // --- the hall board ---

  @Get('offices/:officeId/days/:date/board')
  async board(@Param('officeId') officeId: string, @Param('date') date: string) {
    return this.queue.board(officeId, date);
  }

  @Get('offices/:officeId/days/:date/board/stream')
  async boardStream(
    @Param('officeId') officeId: string,
    @Param('date') date: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.queue.board(officeId, date); // 404/422 as a problem before the stream starts
    response.status(200);
    response.setHeader('content-type', 'text/event-stream; charset=utf-8');
    response.setHeader('cache-control', 'no-cache, no-transform');
    response.setHeader('connection', 'keep-alive');
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    response.write('retry: 2000\n\n');
    let closed = false;
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const lastEventId = request.headers['last-event-id'];
    const unsubscribe = await this.feed.subscribe(
      officeId,
      date,
      (message) => {
        if (!closed)
          response.write(`id: ${message.id}\nevent: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
      },
      typeof lastEventId === 'string' ? lastEventId : undefined,
    );
    const stop = () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    };
    if (request.destroyed || response.destroyed) stop();
    response.on('close', stop);
  }

  // --- desks ---

  @Get('offices/:officeId/days/:date/desks')
  async desks(
    @CurrentActor() actor: Actor | undefined,
    @Param('officeId') officeId: string,
    @Param('date') date: string,
  ) {
    requireStaff(actor, officeId);
    return { desks: await this.queue.desks(officeId, date) };
  }

  @Get('offices/:officeId/days/:date/arrivals')
  async arrivals(
    @CurrentActor() actor: Actor | undefined,
    @Param('officeId') officeId: string,
    @Param('date') date: string,
  ) {
    requireStaff(actor, officeId);
    return { arrivals: await this.queue.arrivals(officeId, date) };
  }

  @Post('offices/:officeId/days/:date/desks/:deskId/:action')
  @HttpCode(200)
  async deskAction(
    @CurrentActor() actor: Actor | undefined,
    @Param('officeId') officeId: string,
    @Param('date') date: string,
    @Param('deskId') deskId: string,
    @Param('action') action: string,
    @Body() body: CommandBody,
  ) {
    requireStaff(actor, officeId);
    return this.queue.deskAction(officeId, date, deskId, action, body);
  }

  // --- the day, statistics ---

  @Post('offices/:officeId/days/:date/close')
  @HttpCode(200)
  async close(
    @CurrentActor() actor: Actor | undefined,
    @Param('officeId') officeId: string,
    @Param('date') date: string,
    @Body() body: CommandBody,
  ) {
    requireStaff(actor, officeId, ['admin']);
    return this.queue.closeDay(officeId, date, body);
  }

  /** Daily statistics per service (from the read model): today unless `?date=`. */
  @Get('offices/:officeId/stats')
  async stats(@Param('officeId') officeIdInput: string, @Query('date') dateInput?: string) {
    const officeId = requireId(officeIdInput, 'officeId');
    const date =
      dateInput === undefined || dateInput === '' ? localDateOf(this.queue.now()) : requireDate(dateInput, 'date');
    const order = await this.queue.setup(officeId).then(
      (setup) => setup.services.map((s) => s.serviceId),
      () => [] as string[],
    );
    return { officeId, date, services: await this.queries.stats(officeId, date, order) };
  }
}
