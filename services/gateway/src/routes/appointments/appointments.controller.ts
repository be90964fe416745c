import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../../auth/access.js';
import { ApiProblemResponse } from '../../problems/problem.openapi.js';
import type { GatewayRequest, GatewayResponse } from '../../http.js';
import { UpstreamClient, type ForwardParts } from '../../proxy/upstream.client.js';
import type { UpstreamName } from '../../proxy/upstreams.js';
import {
  AgendaQuery,
  BookingParams,
  CancelBookingBody,
  ConfirmBookingBody,
  FreeSlotsQuery,
  HoldSlotBody,
  OfficialParams,
  OfficialsQuery,
  OutcomeBody,
  ReceptionDayBody,
  ReceptionDayParams,
  ReceptionRuleBody,
  ReceptionRuleParams,
  RegisterOfficialBody,
  RescheduleBookingBody,
} from './appointments.dto.js';
import {
  AgendaResponse,
  Booking,
  CitizenBookingsResponse,
  FreeSlotsResponse,
  HeldBooking,
  OfficesResponse,
  OfficialDetail,
  OfficialsResponse,
  ReceptionDayChangeResponse,
  ScheduleView,
} from './appointments.responses.js';

/**
 * The appointments service's public routes (docs/api.md, "Appointments routes"). Each handler
 * declares who may call it and what it accepts; the gateway checks both, then forwards to
 * `APPOINTMENTS_URL` + `/v1/<path>` and relays the answer. Ownership of a booking ("owner",
 * "own") is the service's to check from the forwarded actor.
 */
const SERVICE: UpstreamName = 'appointments';

/** Answers every forwarded route can give besides its success and the access errors. */
const ForwardedErrors = () =>
  applyDecorators(
    ApiProblemResponse(400, 'Malformed JSON, or a field of the wrong JSON type (`errors` names each field)'),
    ApiProblemResponse(422, 'A field breaks a rule (`errors` names each field)'),
    ApiProblemResponse(503, 'The appointments service cannot be reached (`Retry-After`)'),
    ApiProblemResponse(504, 'The appointments service did not answer in time'),
  );

abstract class AppointmentsRoutes {
  constructor(protected readonly upstream: UpstreamClient) {}

  protected forward(request: GatewayRequest, response: GatewayResponse, parts?: ForwardParts): Promise<void> {
    return this.upstream.forward(SERVICE, request, response, parts);
  }
}

@ApiTags('offices')
@ForwardedErrors()
@Controller('api/v1/offices')
export class OfficesController extends AppointmentsRoutes {
  constructor(@Inject(UpstreamClient) upstream: UpstreamClient) {
    super(upstream);
  }

  @Get()
  @Endpoint({ summary: 'List the offices', access: 'anyone' })
  @ApiOkResponse({ type: OfficesResponse, description: 'Offices' })
  list(@Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }
}

@ApiTags('officials')
@ForwardedErrors()
@Controller('api/v1/officials')
export class OfficialsController extends AppointmentsRoutes {
  constructor(@Inject(UpstreamClient) upstream: UpstreamClient) {
    super(upstream);
  }

  @Get()
  @Endpoint({ summary: 'List the officials who hold receptions', access: 'anyone' })
  @ApiOkResponse({ type: OfficialsResponse, description: 'Officials' })
  list(@Query() query: OfficialsQuery, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res, { query });
  }

  @Post()
  @HttpCode(201)
  @Endpoint({ summary: 'Register an official who holds receptions', access: ['admin'] })
  @ApiBody({ type: RegisterOfficialBody })
  @ApiCreatedResponse({ type: ScheduleView, description: 'The official was registered: their (empty) schedule' })
  @ApiProblemResponse(409, 'Already registered')
  register(@Body() body: RegisterOfficialBody, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Get(':officialId')
  @Endpoint({ summary: 'One official', access: 'anyone' })
  @ApiOkResponse({ type: OfficialDetail, description: 'The official' })
  @ApiProblemResponse(404, 'No such official')
  get(@Param() _params: OfficialParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Get(':officialId/free-slots')
  @Endpoint({
    summary: 'Free reception slots of an official',
    description: 'From `from` to `to` inclusive, at most 31 days.',
    access: 'anyone',
  })
  @ApiOkResponse({ type: FreeSlotsResponse, description: 'Free slots per day' })
  freeSlots(
    @Param() _params: OfficialParams,
    @Query() query: FreeSlotsQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { query });
  }

  @Post(':officialId/reception-rules')
  @Endpoint({ summary: 'Publish a reception rule (weekly or daily hours)', access: ['official:self', 'admin'] })
  @ApiBody({ type: ReceptionRuleBody })
  @ApiCreatedResponse({ type: ScheduleView, description: 'The rule was published: the schedule now' })
  addRule(
    @Param() _params: OfficialParams,
    @Body() body: ReceptionRuleBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Delete(':officialId/reception-rules/:ruleId')
  @Endpoint({ summary: 'Withdraw a reception rule', access: ['official:self', 'admin'] })
  @ApiOkResponse({ type: ScheduleView, description: 'The rule was withdrawn: the schedule now' })
  @ApiProblemResponse(404, 'No such rule')
  removeRule(
    @Param() _params: ReceptionRuleParams,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res);
  }

  @Post(':officialId/reception-days/:date')
  @Endpoint({
    summary: 'Cancel a reception day or add extra hours to it',
    description:
      '`{ "action": "cancel" }` or `{ "action": "extra", start, end, slotMinutes, capacity, mode, officeId? }`.',
    access: ['official:self', 'admin'],
  })
  @ApiBody({ type: ReceptionDayBody })
  @ApiOkResponse({ type: ReceptionDayChangeResponse, description: 'The day was changed' })
  changeDay(
    @Param() _params: ReceptionDayParams,
    @Body() body: ReceptionDayBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Get(':officialId/agenda')
  @Endpoint({ summary: "An official's agenda for a day", access: ['official:self', 'admin', 'auditor'] })
  @ApiOkResponse({ type: AgendaResponse, description: 'Bookings of the day' })
  agenda(
    @Param() _params: OfficialParams,
    @Query() query: AgendaQuery,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { query });
  }
}

@ApiTags('bookings')
@ForwardedErrors()
@Controller('api/v1/bookings')
export class BookingsController extends AppointmentsRoutes {
  constructor(@Inject(UpstreamClient) upstream: UpstreamClient) {
    super(upstream);
  }

  @Post('holds')
  @Endpoint({
    summary: 'Hold a free slot',
    description: 'Answers 201 `{ bookingId, expiresAt }`; confirm before the hold expires.',
    access: ['citizen'],
  })
  @ApiBody({ type: HoldSlotBody })
  @ApiCreatedResponse({ type: HeldBooking, description: 'The held booking and when the hold expires' })
  hold(@Body() body: HoldSlotBody, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Get('mine')
  @Endpoint({ summary: "The caller's bookings", access: ['citizen'] })
  @ApiOkResponse({ type: CitizenBookingsResponse, description: 'Bookings' })
  mine(@Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Get(':bookingId')
  @Endpoint({ summary: 'One booking', access: ['citizen:owner', 'official:own', 'admin', 'auditor'] })
  @ApiOkResponse({ type: Booking, description: 'The booking' })
  @ApiProblemResponse(404, 'No such booking (or not yours)')
  get(@Param() _params: BookingParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Get(':bookingId/calendar.ics')
  @Endpoint({ summary: 'The booking as an iCalendar event', access: ['citizen:owner'] })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ type: String, description: 'iCalendar (`text/calendar`)' })
  calendar(@Param() _params: BookingParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post(':bookingId/hold/extend')
  @HttpCode(200)
  @Endpoint({ summary: 'Give a held booking more time before it must be confirmed', access: ['citizen:owner'] })
  @ApiOkResponse({ type: HeldBooking, description: 'The hold now expires later' })
  @ApiProblemResponse(409, 'The hold expired and the seat was taken, or it was extended too often')
  extendHold(@Param() _params: BookingParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post(':bookingId/confirm')
  @HttpCode(200)
  @Endpoint({ summary: 'Confirm a held booking', access: ['citizen:owner'] })
  @ApiBody({ type: ConfirmBookingBody })
  @ApiOkResponse({ type: Booking, description: 'The booking is confirmed' })
  confirm(
    @Param() _params: BookingParams,
    @Body() body: ConfirmBookingBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post(':bookingId/cancel')
  @HttpCode(200)
  @Endpoint({ summary: 'Cancel a booking', access: ['citizen:owner', 'official:own', 'admin'] })
  @ApiBody({ type: CancelBookingBody, required: false })
  @ApiOkResponse({ type: Booking, description: 'The booking is cancelled' })
  cancel(
    @Param() _params: BookingParams,
    @Body() body: CancelBookingBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post(':bookingId/reschedule')
  @HttpCode(200)
  @Endpoint({ summary: 'Move a booking to another free slot', access: ['citizen:owner'] })
  @ApiBody({ type: RescheduleBookingBody })
  @ApiOkResponse({ type: Booking, description: 'The booking is moved' })
  reschedule(
    @Param() _params: BookingParams,
    @Body() body: RescheduleBookingBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post(':bookingId/remote/start')
  @HttpCode(200)
  @Endpoint({ summary: 'Start a remote (video) reception', access: ['official:own'] })
  @ApiOkResponse({ type: Booking, description: 'The reception started; the join link is in the booking' })
  remoteStart(@Param() _params: BookingParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post(':bookingId/remote/end')
  @HttpCode(200)
  @Endpoint({ summary: 'End a remote (video) reception', access: ['official:own'] })
  @ApiOkResponse({ type: Booking, description: 'The reception ended' })
  remoteEnd(@Param() _params: BookingParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post(':bookingId/outcome')
  @HttpCode(200)
  @Endpoint({ summary: 'Record the outcome of a reception', access: ['official:own'] })
  @ApiBody({ type: OutcomeBody })
  @ApiOkResponse({ type: Booking, description: 'The outcome is recorded' })
  outcome(
    @Param() _params: BookingParams,
    @Body() body: OutcomeBody,
    @Req() req: GatewayRequest,
    @Res() res: GatewayResponse,
  ): Promise<void> {
    return this.forward(req, res, { body });
  }

  @Post(':bookingId/no-show')
  @HttpCode(200)
  @Endpoint({ summary: 'Record that the citizen did not come', access: ['official:own'] })
  @ApiOkResponse({ type: Booking, description: 'The no-show is recorded' })
  noShow(@Param() _params: BookingParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }

  @Post(':bookingId/follow-up')
  @HttpCode(200)
  @Endpoint({ summary: 'Turn the reception into an appeal (follow-up)', access: ['official:own'] })
  @ApiOkResponse({ type: Booking, description: 'The follow-up is opened' })
  followUp(@Param() _params: BookingParams, @Req() req: GatewayRequest, @Res() res: GatewayResponse): Promise<void> {
    return this.forward(req, res);
  }
}

export const APPOINTMENTS_CONTROLLERS = [OfficesController, OfficialsController, BookingsController];
