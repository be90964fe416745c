import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { LocalizedText, RESPONSE_DATE, RESPONSE_INSTANT, RESPONSE_TIME } from '../common.responses.js';
import {
  DAY_CLOSE_REASONS,
  PRIORITY_LEVEL_KEYS,
  QUEUE_ASSIGNMENTS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
} from './queue.dto.js';

/**
 * Success bodies of the reception queue routes, as the reception-queue service writes them and
 * the gateway relays them unchanged (docs/api.md, "Reception queue routes"). The web client's
 * response types are generated from these: keep them in step with the service.
 */

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked', 'served', 'no_show', 'closed'] as const;
/** Priorities of a ticket: a checked-in appointment, or what the citizen claimed. */
export const TICKET_PRIORITY_KINDS = ['appointment', ...TICKET_PRIORITIES, 'standard'] as const;
export const DESK_STATUSES = ['closed', 'open', 'paused'] as const;
export const DESK_TICKET_STATUSES = ['called', 'serving'] as const;
export const DAY_STATUSES = ['unopened', 'open', 'closed'] as const;
/** How a ticket came to be: a channel, or an appointment check-in. */
export const TICKET_ORIGINS = [...TICKET_CHANNELS, 'check_in'] as const;
export const STEP_RESULTS = ['transferred', 'parked', 'served', 'no_show', 'closed'] as const;
export const ARRIVAL_STATUSES = ['expected', 'cancelled', 'checked_in'] as const;

const OFFICE_ID = { type: String, example: 'office-psc' } as const;
const SERVICE_ID = { type: String, example: 'documents' } as const;
const DESK_ID = { type: String, example: 'desk-1' } as const;
const TICKET_ID = { type: String, example: '0190d3a4-7b1c-7cc3-a000-00000000000a', description: 'Ticket id' } as const;
const TICKET_NUMBER = {
  type: String,
  example: 'A-007',
  description: 'Prefix of the service and number of the day',
} as const;
const DESK_NAME = { type: String, example: '3', description: 'Desk name, as the hall board shows it' } as const;

// ---- office set-up ----

@ApiSchema({ description: 'A service of the office, with the prefix of its tickets.' })
export class QueueService {
  @ApiProperty({ ...SERVICE_ID })
  serviceId!: string;

  @ApiProperty({ type: String, example: 'A' })
  prefix!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiPropertyOptional({ type: 'integer', example: 10, description: 'Typical minutes per visit' })
  expectedMinutes?: number;
}

@ApiSchema({ description: 'A desk (window) of the office and the services it serves.' })
export class QueueDesk {
  @ApiProperty({ ...DESK_ID })
  deskId!: string;

  @ApiProperty({ ...DESK_NAME })
  name!: string;

  @ApiProperty({ type: String, isArray: true, example: ['documents'] })
  serviceIds!: string[];
}

@ApiSchema({ description: 'Opening hours of the office, local time.' })
export class QueueHours {
  @ApiProperty({ ...RESPONSE_TIME, example: '09:00' })
  open!: string;

  @ApiProperty({ type: String, example: '18:00', description: '`HH:mm`, or `24:00` for midnight' })
  close!: string;
}

@ApiSchema({ description: 'Who is called first, and how long a ticket waits for its holder.' })
export class QueuePolicy {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0, maximum: 9 },
    example: { appointment: 0, transferred: 1, disabled: 2, elderly: 2, pregnant: 2, standard: 3 },
    description: `Level per priority class (${PRIORITY_LEVEL_KEYS.join(', ')}), lower called first`,
  })
  levels!: Record<string, number>;

  @ApiProperty({ type: 'integer', example: 2, description: 'Recalls before a no-show may be marked' })
  noShowAfterRecalls!: number;

  @ApiProperty({ type: 'integer', example: 5, description: 'Minutes a parked ticket stays aside' })
  parkMinutes!: number;

  @ApiPropertyOptional({
    enum: QUEUE_ASSIGNMENTS,
    example: 'desk-calls',
    description:
      '`desk-calls`: "call next" gives the first ticket in queue order; `random`: a ticket drawn among the ' +
      'longest-waiting of the highest priority (absent: `desk-calls`)',
  })
  assignment?: (typeof QUEUE_ASSIGNMENTS)[number];
}

/** `GET|PUT /api/v1/queue/offices/{officeId}/setup` */
@ApiSchema({ description: 'How the electronic queue of an office is set up.' })
export class QueueSetup {
  @ApiProperty({ ...OFFICE_ID })
  officeId!: string;

  @ApiProperty({ type: () => QueueService, isArray: true })
  services!: QueueService[];

  @ApiProperty({ type: () => QueueDesk, isArray: true })
  desks!: QueueDesk[];

  @ApiProperty({ type: () => QueueHours })
  hours!: QueueHours;

  @ApiPropertyOptional({ type: () => QueuePolicy })
  policy?: QueuePolicy;

  @ApiPropertyOptional({ ...SERVICE_ID, description: 'The service checked-in appointments queue for' })
  appointmentServiceId?: string;
}

// ---- tickets ----

@ApiSchema({
  description:
    'Estimated wait in minutes from recent service times: `minutes` is the best guess, `low`..`high` the ' +
    'likely range.',
})
export class WaitEstimate {
  @ApiProperty({ type: 'integer', minimum: 0, example: 12 })
  minutes!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 8 })
  low!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 20 })
  high!: number;
}

/** `GET .../tickets/{ticketId}` */
@ApiSchema({
  description:
    'A ticket as its holder follows it. While it queues (waiting or parked): `position` (1: next) and ' +
    '`estimate`; called or being served: position 0, `calledTo` names the desk; once finished both are null.',
})
export class TicketView {
  @ApiProperty({ ...TICKET_ID })
  ticketId!: string;

  @ApiProperty({ ...TICKET_NUMBER })
  number!: string;

  @ApiProperty({ ...SERVICE_ID, description: 'The service it queues for now (changes on a transfer)' })
  serviceId!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: (typeof TICKET_STATUSES)[number];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    nullable: true,
    example: 2,
    description: 'Place among the tickets of its service (1: next; 0 while called or served; null once finished)',
  })
  position!: number | null;

  @ApiProperty({ type: () => WaitEstimate, nullable: true, description: 'Null once finished' })
  estimate!: WaitEstimate | null;

  @ApiPropertyOptional({ ...DESK_NAME, description: 'Called or being served: the desk to go to' })
  calledTo?: string;

  @ApiPropertyOptional({ ...DESK_ID, description: 'Called or being served: that desk' })
  deskId?: string;

  @ApiProperty({ ...RESPONSE_INSTANT })
  issuedAt!: string;

  @ApiPropertyOptional({ ...RESPONSE_INSTANT, description: 'Parked: back in the queue, in its place, at this moment' })
  returnsAt?: string;
}

/** `POST .../tickets`, `POST .../check-ins` */
@ApiSchema({ description: 'A ticket just issued (or the ticket of an arrival already checked in).' })
export class IssuedTicket extends TicketView {
  @ApiProperty({ enum: TICKET_PRIORITY_KINDS })
  priority!: (typeof TICKET_PRIORITY_KINDS)[number];

  @ApiProperty({ enum: TICKET_ORIGINS, description: 'Where it was taken, or `check_in` for an appointment' })
  channel!: (typeof TICKET_ORIGINS)[number];

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Check-ins: the booking' })
  bookingId?: string;
}

// ---- the hall board ----

@ApiSchema({ description: 'A call: which ticket goes to which desk (a recall is a call again).' })
export class BoardCall {
  @ApiProperty({ ...TICKET_NUMBER })
  number!: string;

  @ApiProperty({ ...DESK_ID })
  deskId!: string;

  @ApiProperty({ ...DESK_NAME })
  deskName!: string;

  @ApiPropertyOptional({ ...SERVICE_ID })
  serviceId?: string;

  @ApiProperty({ ...RESPONSE_INSTANT })
  calledAt!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: '0 for the first call, then 1, 2... for recalls',
  })
  recall!: number;
}

/** `GET .../board` (and the data of the stream's `board` events) */
@ApiSchema({ description: 'The hall board: the latest calls (latest first) and how many wait per service.' })
export class QueueBoard {
  @ApiProperty({ type: () => BoardCall, isArray: true })
  calls!: BoardCall[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    example: { documents: 4, 'social-payments': 1 },
    description: 'Tickets in the queue (waiting or parked), keyed by service id; every service of the office',
  })
  waiting!: Record<string, number>;

  @ApiProperty({ enum: DAY_STATUSES, description: 'The day: not opened yet (no ticket so far), open, or closed' })
  status!: (typeof DAY_STATUSES)[number];
}

// ---- desks ----

@ApiSchema({ description: 'A stretch of a ticket at a desk, kept when the ticket moves on.' })
export class TicketStep {
  @ApiProperty({ ...SERVICE_ID })
  serviceId!: string;

  @ApiProperty({ ...DESK_ID })
  deskId!: string;

  @ApiProperty({ ...RESPONSE_INSTANT })
  calledAt!: string;

  @ApiPropertyOptional({ ...RESPONSE_INSTANT })
  startedAt?: string;

  @ApiProperty({ ...RESPONSE_INSTANT })
  endedAt!: string;

  @ApiProperty({ enum: STEP_RESULTS })
  result!: (typeof STEP_RESULTS)[number];
}

@ApiSchema({ description: 'The ticket a desk is handling: called (the citizen is on the way) or being served.' })
export class DeskTicket {
  @ApiProperty({ ...TICKET_ID })
  ticketId!: string;

  @ApiProperty({ ...TICKET_NUMBER })
  number!: string;

  @ApiProperty({ ...SERVICE_ID })
  serviceId!: string;

  @ApiProperty({ enum: DESK_TICKET_STATUSES })
  status!: (typeof DESK_TICKET_STATUSES)[number];

  @ApiProperty({ enum: TICKET_PRIORITY_KINDS })
  priority!: (typeof TICKET_PRIORITY_KINDS)[number];

  @ApiProperty({ type: Boolean, description: 'Sent on from another service' })
  transferred!: boolean;

  @ApiProperty({ ...RESPONSE_INSTANT })
  calledAt!: string;

  @ApiPropertyOptional({ ...RESPONSE_INSTANT })
  startedAt?: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Times the ticket was called again' })
  recalls!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2,
    description: 'Recalls left before only a no-show is possible',
  })
  recallsLeft!: number;

  @ApiProperty({
    type: Boolean,
    description: 'Called and recalled as often as the policy asks: a no-show may be marked',
  })
  canMarkNoShow!: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Checked-in appointments: the booking' })
  bookingId?: string;

  @ApiProperty({
    type: () => TicketStep,
    isArray: true,
    description: 'Earlier stretches at desks (transfers, parking)',
  })
  history!: TicketStep[];
}

/** Each desk action, and an item of `GET .../desks` */
@ApiSchema({ description: 'A desk today: open, paused or closed, and the ticket it handles.' })
export class DeskState {
  @ApiProperty({ ...DESK_ID })
  deskId!: string;

  @ApiProperty({ ...DESK_NAME })
  name!: string;

  @ApiProperty({ type: String, isArray: true, example: ['documents'] })
  serviceIds!: string[];

  @ApiProperty({ enum: DESK_STATUSES })
  status!: (typeof DESK_STATUSES)[number];

  @ApiPropertyOptional({ ...RESPONSE_INSTANT, description: 'Since when it has this status' })
  since?: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3, description: 'Tickets a `call-next` here could get now' })
  waiting!: number;

  @ApiProperty({ type: () => DeskTicket, nullable: true, description: 'Null when the desk is free' })
  current!: DeskTicket | null;
}

/** `GET .../desks` */
@ApiSchema({ description: 'Every desk of the office that day.' })
export class DesksResponse {
  @ApiProperty({ type: () => DeskState, isArray: true })
  desks!: DeskState[];
}

// ---- expected arrivals (appointments) ----

@ApiSchema({
  description:
    'A confirmed in-person booking at the office that day (from appointments): the citizen is expected. ' +
    'No personal data: the booking id is the reference the citizen shows.',
})
export class ExpectedArrival {
  @ApiProperty({ type: String, format: 'uuid', description: 'The booking (the reference the citizen shows)' })
  bookingId!: string;

  @ApiProperty({ type: String, example: 'official-psc-head', description: 'The official the citizen booked' })
  officialId!: string;

  @ApiProperty({ ...RESPONSE_TIME, example: '14:00', description: 'Start of the booked slot' })
  slotStart!: string;

  @ApiProperty({ ...RESPONSE_TIME, example: '14:15', description: 'End of the booked slot' })
  slotEnd!: string;

  @ApiProperty({
    enum: ARRIVAL_STATUSES,
    description: 'Still expected, cancelled (or moved to another day), or checked in (a ticket was issued)',
  })
  status!: (typeof ARRIVAL_STATUSES)[number];

  @ApiPropertyOptional({ ...TICKET_ID, description: 'Checked in: the ticket' })
  ticketId?: string;

  @ApiPropertyOptional({ ...TICKET_NUMBER, description: 'Checked in: the ticket number' })
  number?: string;
}

/** `GET .../arrivals` */
@ApiSchema({ description: 'The expected appointment arrivals of an office that day, by slot.' })
export class ArrivalsResponse {
  @ApiProperty({ type: () => ExpectedArrival, isArray: true })
  arrivals!: ExpectedArrival[];
}

// ---- day close, statistics ----

/** `POST .../close` */
@ApiSchema({ description: 'The day is closed: tickets still open were closed with the reason given.' })
export class QueueDayClosed {
  @ApiProperty({ ...OFFICE_ID })
  officeId!: string;

  @ApiProperty({ ...RESPONSE_DATE })
  date!: string;

  @ApiProperty({ enum: DAY_CLOSE_REASONS })
  reason!: (typeof DAY_CLOSE_REASONS)[number];

  @ApiPropertyOptional({ ...RESPONSE_INSTANT })
  closedAt?: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Tickets closed by the day close' })
  closedTickets!: number;
}

@ApiSchema({ description: 'Figures of one service for the day (minutes).' })
export class QueueServiceStats {
  @ApiProperty({ ...SERVICE_ID })
  serviceId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 120 })
  tickets!: number;

  @ApiProperty({ type: Number, nullable: true, example: 9.5, description: 'Median wait; null before any call' })
  waitMedianMin!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 24 })
  waitP90Min!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 7, description: 'Median service time; null before any visit' })
  serviceMedianMin!: number | null;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
  noShows!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 110, description: 'Visits finished' })
  served?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 4, description: 'Tickets sent on from other services' })
  transfersIn?: number;
}

/** `GET .../stats` */
@ApiSchema({ description: 'Daily statistics of an office, per service.' })
export class QueueStatsResponse {
  @ApiProperty({ ...OFFICE_ID })
  officeId!: string;

  @ApiProperty({ ...RESPONSE_DATE })
  date!: string;

  @ApiProperty({ type: () => QueueServiceStats, isArray: true })
  services!: QueueServiceStats[];
}
