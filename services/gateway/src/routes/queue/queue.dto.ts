import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import {
  IsDateOnly,
  IsIdentifier,
  IsIntRange,
  IsOneOf,
  IsText,
  IsTimeAfter,
  IsTimeOfDay,
  IsUuid,
  Required,
  TIME_PATTERN,
  type RuleContext,
} from '../../validation/rules.js';
import { IsIdentifierList, NestedList, NestedObject } from './nested.js';

/**
 * Request shapes of the reception queue routes (docs/api.md, "Reception queue routes").
 * Validated by `RequestValidationPipe` (nested set-up objects by `validateNested`).
 */

export const TICKET_CHANNELS = ['kiosk', 'web', 'qr'] as const;
/** Priorities a citizen may claim when taking a ticket (appointment priority comes from a check-in). */
export const TICKET_PRIORITIES = ['disabled', 'elderly', 'pregnant'] as const;
/** How a clerk ends a visit. */
export const VISIT_OUTCOMES = ['served', 'consultation', 'documents_missing', 'redirected', 'refused'] as const;
/** Why a day's queue was closed (`reason` may also be free text, kept by the service as a note). */
export const DAY_CLOSE_REASONS = ['end_of_day', 'emergency', 'technical_failure', 'other'] as const;
/** What a clerk can do at a desk, one route each (`.../desks/{deskId}/{action}`). */
export const DESK_ACTIONS = [
  'open',
  'pause',
  'close',
  'call-next',
  'recall',
  'no-show',
  'start',
  'finish',
  'transfer',
  'park',
] as const;

export const TICKET_PREFIX_PATTERN = /^[A-Z]{1,2}$/;
export const MAX_QUEUE_SERVICES = 50;
export const MAX_DESKS = 200;
/**
 * How a free desk gets its next ticket: `desk-calls` (in queue order) or `random` (drawn among the
 * longest-waiting tickets of the highest priority, as many as the policy's `drawWindow`).
 */
export const QUEUE_ASSIGNMENTS = ['desk-calls', 'random'] as const;
/** Levels of the priority policy: who is called first (lower first). */
export const PRIORITY_LEVEL_KEYS = [
  'appointment',
  'transferred',
  'disabled',
  'elderly',
  'pregnant',
  'standard',
] as const;

const DATE = { type: String, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-12-01' } as const;
const TIME = { type: String, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' } as const;
const ID = { type: String, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' } as const;

/** A ticket prefix: one or two capital Latin letters (`A` documents, `B` social payments, ...). */
const IsTicketPrefix = (): PropertyDecorator => (target, property) => {
  ValidateBy(
    {
      name: 'string',
      validator: { validate: (v: unknown) => v === undefined || typeof v === 'string', defaultMessage: () => 'string' },
    },
    { context: { key: 'field.string', kind: 'type', rank: 1 } satisfies RuleContext },
  )(target, property);
  ValidateBy(
    {
      name: 'ticketPrefix',
      validator: {
        validate: (v: unknown) => typeof v !== 'string' || TICKET_PREFIX_PATTERN.test(v),
        defaultMessage: () => 'ticketPrefix',
      },
    },
    { context: { key: 'field.ticketPrefix', kind: 'value', rank: 2 } satisfies RuleContext },
  )(target, property);
};

/** When an office stops issuing tickets: `HH:mm`, or `24:00` for midnight. */
const IsClosingTime = (): PropertyDecorator => (target, property) => {
  ValidateBy(
    {
      name: 'string',
      validator: { validate: (v: unknown) => v === undefined || typeof v === 'string', defaultMessage: () => 'string' },
    },
    { context: { key: 'field.string', kind: 'type', rank: 1 } satisfies RuleContext },
  )(target, property);
  ValidateBy(
    {
      name: 'closingTime',
      validator: {
        validate: (v: unknown) => typeof v !== 'string' || v === '24:00' || TIME_PATTERN.test(v),
        defaultMessage: () => 'closingTime',
      },
    },
    { context: { key: 'field.closingTime', kind: 'value', rank: 2 } satisfies RuleContext },
  )(target, property);
};

// ---- path parameters ----

export class QueueOfficeParams {
  @ApiProperty({ ...ID, description: 'Office id', example: 'office-psc' })
  @Required()
  @IsIdentifier()
  officeId!: string;
}

export class QueueDayParams extends QueueOfficeParams {
  @ApiProperty({ ...DATE, description: 'Day of the queue (YYYY-MM-DD, Almaty)' })
  @Required()
  @IsDateOnly()
  date!: string;
}

export class QueueTicketParams extends QueueDayParams {
  @ApiProperty({ ...ID, description: 'Ticket id (as answered when the ticket was taken)' })
  @Required()
  @IsIdentifier()
  ticketId!: string;
}

export class QueueDeskParams extends QueueDayParams {
  @ApiProperty({ ...ID, description: 'Desk id (from the office set-up)', example: 'desk-1' })
  @Required()
  @IsIdentifier()
  deskId!: string;
}

// ---- queries ----

export class QueueStatsQuery {
  @ApiPropertyOptional({ ...DATE, description: 'Day of the statistics (YYYY-MM-DD); the service defaults to today' })
  @IsDateOnly()
  date?: string;
}

// ---- bodies ----

export class QueueServiceName {
  @ApiProperty({ type: String, minLength: 1, maxLength: 120, example: 'Құжаттар', description: 'Kazakh' })
  @Required()
  @IsText(1, 120)
  kk!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 120, example: 'Документы', description: 'Russian' })
  @Required()
  @IsText(1, 120)
  ru!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 120, example: 'Documents', description: 'English' })
  @Required()
  @IsText(1, 120)
  en!: string;
}

export class QueueServiceBody {
  @ApiProperty({ ...ID, example: 'documents' })
  @Required()
  @IsIdentifier()
  serviceId!: string;

  @ApiProperty({ type: String, pattern: TICKET_PREFIX_PATTERN.source, example: 'A', description: 'Ticket prefix' })
  @Required()
  @IsTicketPrefix()
  prefix!: string;

  @ApiProperty({ type: () => QueueServiceName })
  @Required()
  @NestedObject(() => QueueServiceName)
  name!: QueueServiceName;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 240,
    example: 10,
    description: 'Typical minutes per visit, for wait estimates until the day has its own service times (default 10)',
  })
  @IsIntRange(1, 240)
  expectedMinutes?: number;
}

export class QueueDeskBody {
  @ApiProperty({ ...ID, example: 'desk-1' })
  @Required()
  @IsIdentifier()
  deskId!: string;

  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: 40,
    example: '1',
    description: 'What the hall board shows and says',
  })
  @Required()
  @IsText(1, 40)
  name!: string;

  @ApiProperty({
    ...ID,
    isArray: true,
    example: ['documents'],
    description: 'Services this desk serves (ids of `services`)',
  })
  @Required()
  @IsIdentifierList(1, MAX_QUEUE_SERVICES)
  serviceIds!: string[];
}

export class QueueHoursBody {
  @ApiProperty({ ...TIME, example: '09:00' })
  @Required()
  @IsTimeOfDay()
  open!: string;

  @ApiProperty({
    type: String,
    pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
    example: '18:00',
    description: 'Tickets are issued before this time (`24:00`: until midnight); later than `open`',
  })
  @Required()
  @IsClosingTime()
  @IsTimeAfter('open')
  close!: string;
}

export class QueuePriorityLevelsBody {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 9, example: 0 })
  @IsIntRange(0, 9)
  appointment?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 9, example: 1 })
  @IsIntRange(0, 9)
  transferred?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 9, example: 2 })
  @IsIntRange(0, 9)
  disabled?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 9, example: 2 })
  @IsIntRange(0, 9)
  elderly?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 9, example: 2 })
  @IsIntRange(0, 9)
  pregnant?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 9, example: 3 })
  @IsIntRange(0, 9)
  standard?: number;
}

/** Who is called first; missing parts keep the defaults. */
export class QueuePolicyBody {
  @ApiPropertyOptional({
    type: () => QueuePriorityLevelsBody,
    description:
      'Level per priority class, 0..9, lower called first (default: appointment 0, transferred 1, ' +
      'disabled/elderly/pregnant 2, standard 3)',
  })
  @NestedObject(() => QueuePriorityLevelsBody)
  levels?: QueuePriorityLevelsBody;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10,
    example: 2,
    description: 'Recalls before a no-show (default 2)',
  })
  @IsIntRange(0, 10)
  noShowAfterRecalls?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 240,
    example: 5,
    description: 'Minutes a parked ticket stays aside before it is back in the queue (default 5)',
  })
  @IsIntRange(1, 240)
  parkMinutes?: number;

  @ApiPropertyOptional({
    enum: QUEUE_ASSIGNMENTS,
    example: 'random',
    description:
      'How a free desk gets its next ticket (default `desk-calls`): `desk-calls` gives the first ticket in ' +
      'queue order; `random` (anti-corruption: the citizen cannot choose the clerk, nor the clerk the ' +
      'citizen) draws it among the longest-waiting tickets of the highest priority, as many as `drawWindow`',
  })
  @IsOneOf(QUEUE_ASSIGNMENTS)
  assignment?: (typeof QUEUE_ASSIGNMENTS)[number];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2,
    maximum: 10,
    example: 3,
    description:
      'With `random` assignment: how many of the longest-waiting tickets of the highest priority a call ' +
      'draws among (default 3; fewer when fewer wait). Set by the office, not by how many desks are open',
  })
  @IsIntRange(2, 10)
  drawWindow?: number;
}

/** `PUT /api/v1/queue/offices/{officeId}/setup` (admin). */
export class QueueSetupBody {
  @ApiProperty({ type: () => QueueServiceBody, isArray: true, minItems: 1, maxItems: MAX_QUEUE_SERVICES })
  @Required()
  @NestedList(() => QueueServiceBody, 1, MAX_QUEUE_SERVICES)
  services!: QueueServiceBody[];

  @ApiProperty({ type: () => QueueDeskBody, isArray: true, minItems: 1, maxItems: MAX_DESKS })
  @Required()
  @NestedList(() => QueueDeskBody, 1, MAX_DESKS)
  desks!: QueueDeskBody[];

  @ApiProperty({ type: () => QueueHoursBody })
  @Required()
  @NestedObject(() => QueueHoursBody)
  hours!: QueueHoursBody;

  @ApiPropertyOptional({ type: () => QueuePolicyBody })
  @NestedObject(() => QueuePolicyBody)
  policy?: QueuePolicyBody;

  @ApiPropertyOptional({
    ...ID,
    example: 'documents',
    description: 'The service a checked-in appointment queues for (default: the first service)',
  })
  @IsIdentifier()
  appointmentServiceId?: string;
}

export class TakeTicketBody {
  @ApiProperty({ ...ID, example: 'documents', description: 'A service of the office set-up' })
  @Required()
  @IsIdentifier()
  serviceId!: string;

  @ApiProperty({ enum: TICKET_CHANNELS, description: 'Where the ticket was taken' })
  @Required()
  @IsOneOf(TICKET_CHANNELS)
  channel!: (typeof TICKET_CHANNELS)[number];

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: 'Priority the citizen claims (checked at the desk)' })
  @IsOneOf(TICKET_PRIORITIES)
  priority?: (typeof TICKET_PRIORITIES)[number];
}

export class CheckInBody {
  @ApiProperty({ type: String, format: 'uuid', description: 'The booking of an expected arrival (appointments)' })
  @Required()
  @IsUuid()
  bookingId!: string;

  @ApiPropertyOptional({ ...ID, description: "The service to queue for (default: the office's appointment service)" })
  @IsIdentifier()
  serviceId?: string;
}

/**
 * The ticket a console shows, sent with an action on the desk's current ticket: when the desk
 * holds another ticket by now (a stale screen, a double click), the service refuses (409)
 * instead of acting on the wrong one.
 */
export class DeskTicketBody {
  @ApiPropertyOptional({ ...ID, description: "The ticket the action is meant for (the desk's current ticket)" })
  @IsIdentifier()
  ticketId?: string;
}

export class ParkTicketBody extends DeskTicketBody {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 240,
    example: 5,
    description: "Minutes before the ticket is back in the queue, in its place (default: the office's policy)",
  })
  @IsIntRange(1, 240)
  minutes?: number;
}

export class FinishVisitBody extends DeskTicketBody {
  @ApiProperty({ enum: VISIT_OUTCOMES, description: 'How the visit ended' })
  @Required()
  @IsOneOf(VISIT_OUTCOMES)
  outcome!: (typeof VISIT_OUTCOMES)[number];
}

export class TransferTicketBody extends DeskTicketBody {
  @ApiProperty({ ...ID, example: 'social-payments', description: 'The service the citizen goes on to' })
  @Required()
  @IsIdentifier()
  serviceId!: string;
}

export class CloseDayBody {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: 500,
    example: 'end_of_day',
    description: `A reason code (${DAY_CLOSE_REASONS.join(', ')}), or free text (the code is then \`kind\`, else \`other\`)`,
  })
  @Required()
  @IsText(1, 500, { lineBreaks: true })
  reason!: string;

  @ApiPropertyOptional({ enum: DAY_CLOSE_REASONS, description: 'The reason code when `reason` is free text' })
  @IsOneOf(DAY_CLOSE_REASONS)
  kind?: (typeof DAY_CLOSE_REASONS)[number];

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 500,
    description: 'A note for the office (never published)',
  })
  @IsText(1, 500, { lineBreaks: true })
  note?: string;
}
