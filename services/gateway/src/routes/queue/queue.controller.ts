import {
  applyDecorators,
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
} from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../../auth/access.js';
import type { GatewayRequest, GatewayResponse } from '../../http.js';
import { ApiProblemResponse } from '../../problems/problem.openapi.js';
import { UpstreamClient, type ForwardParts } from '../../proxy/upstream.client.js';
import type { UpstreamName } from '../../proxy/upstreams.js';
import { validateNested } from './nested.js';
import {
  CheckInBody,
  CloseDayBody,
  DeskTicketBody,
  FinishVisitBody,
  ParkTicketBody,
  QueueDayParams,
  QueueDeskParams,
  QueueOfficeParams,
  QueueSetupBody,
  QueueStatsQuery,
  QueueTicketParams,
  TakeTicketBody,
  TransferTicketBody,
} from './queue.dto.js';
import {
  ArrivalsResponse,
  DeskState,
  DesksResponse,
  IssuedTicket,
  QueueBoard,
  QueueDayClosed,
  QueueSetup,
  QueueStatsResponse,
  TicketView,
} from './queue.responses.js';

/**
 * The reception-queue service's public routes (docs/api.md, "Reception queue routes"): forwarded
 * to `RECEPTION_QUEUE_URL` + `/v1/<path>` exactly like the appointments routes. The hall board's
 * event stream is relayed as it comes (`UpstreamClient.stream`), never buffered.
 */
const SERVICE: UpstreamName = 'reception-queue';

const ForwardedErrors = () =>
  applyDecorators(
    ApiProblemResponse(400, 'Malformed JSON, or a field of the wrong JSON type (`errors` names each field)'),
    ApiProblemResponse(422, 'A field breaks a rule (`errors` names each field)'),
    ApiProblemResponse(503, 'The reception-queue service cannot be reached (`Retry-After`)'),
    ApiProblemResponse(504, 'The reception-queue service did not answer in time'),
  );

/** The answers of a desk action: the desk's state, or why its state (or its ticket's) forbids it. */
const DeskAction = (summary: string, description: string) =>
  applyDecorators(
    HttpCode(200),
    Endpoint({ summary, description, access: ['clerk'] }),
    ApiOkResponse({ type: DeskState, description: 'The desk after the action' }),
    ApiProblemResponse(404, 'No such office, day or desk'),
    ApiProblemResponse(409, 'The state of the desk or of its ticket forbids this action now'),
  );

@ApiTags('reception queue')
@ForwardedErrors()
@Controller('api/v1/queue/offices/:officeId')
export class QueueController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  private forward(request: GatewayRequest, response: GatewayResponse, parts?: ForwardParts): Promise<void> {
    return this.upstream.forward(SERVICE, request, response, parts);
  }

  // ---- office set-up ----

  @Get('setup')
  @Endpoint({ summary: 'How the queue of an office is set up: services, desks, hours', access: 'anyone' })
  @ApiOkResponse({ type: QueueSetup, description: 'The set-up' })
  @ApiProblemResponse(404, 'The office has no electronic queue')
  setup(@Param() _params: QueueOfficeParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Put('setup')
  @Endpoint({
    summary: 'Set up the queue of an office',
    description: 'Services with their ticket prefixes, desks with the services each serves, opening hours.',
    access: ['admin'],
  })
  @ApiBody({ type: QueueSetupBody })
  @ApiOkResponse({ type: QueueSetup, description: 'The set-up now' })
  async putSetup(
    @Param() _params: QueueOfficeParams,
    @Body() body: QueueSetupBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body: await validateNested(body, QueueSetupBody) });
  }

  // ---- tickets ----

  @Post('days/:date/tickets')
  @HttpCode(201)
  @Endpoint({
    summary: 'Take a ticket',
    description: 'At a kiosk, on the web or by QR code; no sign-in needed. Keep the `ticketId` to follow the ticket.',
    access: 'anyone',
  })
  @ApiBody({ type: TakeTicketBody })
  @ApiCreatedResponse({ type: IssuedTicket, description: 'The ticket, its place in the queue and the estimated wait' })
  @ApiProblemResponse(404, 'No such office or service')
  @ApiProblemResponse(409, 'The queue of that day does not take tickets (closed)')
  takeTicket(
    @Param() _params: QueueDayParams,
    @Body() body: TakeTicketBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post('days/:date/check-ins')
  @HttpCode(201)
  @Endpoint({
    summary: 'Check in a citizen who booked an appointment',
    description: 'Issues a ticket with appointment priority for an expected arrival.',
    access: ['clerk'],
  })
  @ApiBody({ type: CheckInBody })
  @ApiCreatedResponse({ type: IssuedTicket, description: 'The ticket, with appointment priority' })
  @ApiProblemResponse(404, 'No expected arrival with this booking')
  @ApiProblemResponse(409, 'Already checked in, or the queue of that day is closed')
  checkIn(
    @Param() _params: QueueDayParams,
    @Body() body: CheckInBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Get('days/:date/tickets/:ticketId')
  @Endpoint({
    summary: 'Follow a ticket: status, place in the queue, estimated wait',
    description: 'Anyone who has the ticket id (it is not guessable).',
    access: 'anyone',
  })
  @ApiOkResponse({ type: TicketView, description: 'The ticket' })
  @ApiProblemResponse(404, 'No such ticket')
  ticket(@Param() _params: QueueTicketParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  // ---- the hall board ----

  @Get('days/:date/board')
  @Endpoint({ summary: 'The hall board: the latest calls and how many wait', access: 'anyone' })
  @ApiOkResponse({ type: QueueBoard, description: 'The board' })
  board(@Param() _params: QueueDayParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Get('days/:date/board/stream')
  @Endpoint({
    summary: 'The hall board, live (server-sent events)',
    description:
      '`text/event-stream`, relayed by the gateway as the service writes it: a `call` event (`BoardCall` as ' +
      'JSON) for each call or recall, and a `board` event (`QueueBoard` as JSON) whenever the board changes. ' +
      'Reconnect with `Last-Event-ID` as EventSource does.',
    access: 'anyone',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ type: String, description: 'An endless `text/event-stream`' })
  boardStream(
    @Param() _params: QueueDayParams,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.upstream.stream(SERVICE, req, res);
  }

  // ---- desks ----

  @Get('days/:date/desks')
  @Endpoint({ summary: 'The desks of the day and the tickets they handle', access: ['clerk', 'admin'] })
  @ApiOkResponse({ type: DesksResponse, description: 'Every desk' })
  desks(@Param() _params: QueueDayParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Get('days/:date/arrivals')
  @Endpoint({
    summary: 'The expected appointment arrivals of the day',
    description:
      'Confirmed in-person bookings at the office that day (from appointments), by slot: who can be checked in ' +
      '(`POST .../check-ins`), who was, and whose booking was cancelled. A clerk sees only their own office.',
    access: ['clerk', 'admin'],
  })
  @ApiOkResponse({ type: ArrivalsResponse, description: 'The arrivals, by slot (empty when none are expected)' })
  arrivals(@Param() _params: QueueDayParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post('days/:date/desks/:deskId/open')
  @DeskAction('Open a desk', 'The desk starts taking tickets of its services.')
  open(@Param() _params: QueueDeskParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post('days/:date/desks/:deskId/pause')
  @DeskAction('Pause a desk', 'No new calls until the desk is opened again.')
  pause(@Param() _params: QueueDeskParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post('days/:date/desks/:deskId/close')
  @DeskAction('Close a desk', 'For the rest of the day, or until it is opened again.')
  close(@Param() _params: QueueDeskParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post('days/:date/desks/:deskId/call-next')
  @DeskAction(
    'Call the next ticket to the desk',
    'By priority, among the services of the desk (or a ticket assigned at random, when the office says so).',
  )
  callNext(@Param() _params: QueueDeskParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post('days/:date/desks/:deskId/recall')
  @DeskAction('Call the current ticket again', 'The board shows and says the call again.')
  @ApiBody({ type: DeskTicketBody, required: false })
  recall(
    @Param() _params: QueueDeskParams,
    @Body() body: DeskTicketBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post('days/:date/desks/:deskId/no-show')
  @DeskAction('The called citizen did not come', 'Allowed after the number of recalls the office requires.')
  @ApiBody({ type: DeskTicketBody, required: false })
  noShow(
    @Param() _params: QueueDeskParams,
    @Body() body: DeskTicketBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post('days/:date/desks/:deskId/start')
  @DeskAction('Start serving the called citizen', 'The citizen has come to the desk.')
  @ApiBody({ type: DeskTicketBody, required: false })
  start(
    @Param() _params: QueueDeskParams,
    @Body() body: DeskTicketBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post('days/:date/desks/:deskId/finish')
  @DeskAction('Finish the visit with its outcome', 'The desk is free again.')
  @ApiBody({ type: FinishVisitBody })
  finish(
    @Param() _params: QueueDeskParams,
    @Body() body: FinishVisitBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post('days/:date/desks/:deskId/transfer')
  @DeskAction(
    'Send the citizen on to another service',
    'The ticket waits for that service, then comes back to its own service with a higher priority.',
  )
  @ApiBody({ type: TransferTicketBody })
  transfer(
    @Param() _params: QueueDeskParams,
    @Body() body: TransferTicketBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post('days/:date/desks/:deskId/park')
  @DeskAction('Park the current ticket', 'Set aside (e.g. while the citizen fetches a document); the desk is free.')
  @ApiBody({ type: ParkTicketBody, required: false })
  park(
    @Param() _params: QueueDeskParams,
    @Body() body: ParkTicketBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  // ---- the day, statistics ----

  @Post('days/:date/close')
  @HttpCode(200)
  @Endpoint({
    summary: 'Close the queue of a day',
    description: 'Tickets still open are closed with the reason given; nothing is left dangling.',
    access: ['admin'],
  })
  @ApiBody({ type: CloseDayBody })
  @ApiOkResponse({ type: QueueDayClosed, description: 'The day is closed' })
  closeDay(
    @Param() _params: QueueDayParams,
    @Body() body: CloseDayBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Get('stats')
  @Endpoint({
    summary: 'Daily statistics of an office, per service',
    description: 'Tickets, median and 90th percentile wait, median service time, no-shows.',
    access: 'anyone',
  })
  @ApiOkResponse({ type: QueueStatsResponse, description: 'The statistics' })
  stats(
    @Param() _params: QueueOfficeParams,
    @Query() query: QueueStatsQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { query });
  }
}

export const QUEUE_CONTROLLERS = [QueueController];
