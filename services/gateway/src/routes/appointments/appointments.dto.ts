import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateNotBefore,
  IsDateOnly,
  IsIdentifier,
  IsIntRange,
  IsOneOf,
  IsText,
  IsTimeAfter,
  IsTimeOfDay,
  IsUuid,
  IsWithinDaysOf,
  OnlyWhen,
  Required,
  RequiredWhen,
} from '../../validation/rules.js';

/** Request shapes of the appointments routes (docs/api.md). Validated by `RequestValidationPipe`. */

export const BOOKING_LANGUAGES = ['kk', 'ru', 'en'] as const;
export const CHANNELS = ['in_person', 'remote'] as const;
export const OUTCOMES = ['resolved', 'explained', 'redirected', 'appeal_needed'] as const;
export const RECURRENCES = ['weekly', 'daily'] as const;
export const RECEPTION_MODES = ['in_person', 'remote'] as const;
export const DAY_ACTIONS = ['cancel', 'extra'] as const;
export const FREE_SLOTS_MAX_DAYS = 31;

const DATE = { type: String, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-12-01' } as const;
const TIME = { type: String, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', example: '10:00' } as const;
const ID = { type: String, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' } as const;

// ---- path parameters ----

export class OfficialParams {
  @ApiProperty({ ...ID, description: 'Official id', example: 'official-akimat-head' })
  @Required()
  @IsIdentifier()
  officialId!: string;
}

export class BookingParams {
  @ApiProperty({ type: String, format: 'uuid', description: 'Booking id (UUID)' })
  @Required()
  @IsUuid()
  bookingId!: string;
}

export class ReceptionRuleParams extends OfficialParams {
  @ApiProperty({ ...ID, description: 'Reception rule id' })
  @Required()
  @IsIdentifier()
  ruleId!: string;
}

export class ReceptionDayParams extends OfficialParams {
  @ApiProperty({ ...DATE, description: 'Day (YYYY-MM-DD)' })
  @Required()
  @IsDateOnly()
  date!: string;
}

// ---- queries ----

export class OfficialsQuery {
  @ApiPropertyOptional({ ...ID, description: 'Only officials of this office', example: 'office-akimat' })
  @IsIdentifier()
  officeId?: string;
}

export class FreeSlotsQuery {
  @ApiProperty({ ...DATE, description: 'First day (YYYY-MM-DD)' })
  @Required()
  @IsDateOnly()
  from!: string;

  @ApiProperty({
    ...DATE,
    example: '2026-12-07',
    description: `Last day (YYYY-MM-DD), not before \`from\`; at most ${FREE_SLOTS_MAX_DAYS} days in all`,
  })
  @Required()
  @IsDateOnly()
  @IsDateNotBefore('from')
  @IsWithinDaysOf('from', FREE_SLOTS_MAX_DAYS)
  to!: string;
}

export class AgendaQuery {
  @ApiPropertyOptional({ ...DATE, description: 'Day of the agenda (YYYY-MM-DD); the service defaults to today' })
  @IsDateOnly()
  date?: string;
}

// ---- bodies ----

export class HoldSlotBody {
  @ApiProperty({ ...ID, example: 'official-akimat-head' })
  @Required()
  @IsIdentifier()
  officialId!: string;

  @ApiProperty({ ...DATE })
  @Required()
  @IsDateOnly()
  date!: string;

  @ApiProperty({ ...TIME, description: 'Start of the slot (HH:mm, Asia/Almaty)' })
  @Required()
  @IsTimeOfDay()
  slotStart!: string;
}

export class ConfirmBookingBody {
  @ApiProperty({ type: String, minLength: 1, maxLength: 1000, example: 'Land plot allocation question' })
  @Required()
  @IsText(1, 1000, { lineBreaks: true })
  purpose!: string;

  @ApiProperty({ enum: BOOKING_LANGUAGES, description: 'Language of the reception' })
  @Required()
  @IsOneOf(BOOKING_LANGUAGES)
  language!: (typeof BOOKING_LANGUAGES)[number];

  @ApiProperty({ enum: CHANNELS })
  @Required()
  @IsOneOf(CHANNELS)
  channel!: (typeof CHANNELS)[number];
}

export class CancelBookingBody {
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 1000 })
  @IsText(1, 1000, { lineBreaks: true })
  reason?: string;
}

export class RescheduleBookingBody {
  @ApiProperty({ ...DATE })
  @Required()
  @IsDateOnly()
  date!: string;

  @ApiProperty({ ...TIME })
  @Required()
  @IsTimeOfDay()
  slotStart!: string;
}

export class ReceptionRuleBody {
  @ApiProperty({ enum: RECURRENCES, description: 'The head receives weekly, deputies and department heads daily' })
  @Required()
  @IsOneOf(RECURRENCES)
  recurrence!: (typeof RECURRENCES)[number];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 7,
    description: 'ISO weekday, 1 = Monday; required for (and only for) weekly rules',
  })
  @RequiredWhen('recurrence', 'weekly')
  @OnlyWhen('recurrence', 'weekly')
  @IsIntRange(1, 7)
  weekday?: number;

  @ApiProperty({ ...TIME })
  @Required()
  @IsTimeOfDay()
  start!: string;

  @ApiProperty({ ...TIME, example: '12:00', description: 'Later than `start`' })
  @Required()
  @IsTimeOfDay()
  @IsTimeAfter('start')
  end!: string;

  @ApiProperty({ type: 'integer', minimum: 5, maximum: 240, example: 15 })
  @Required()
  @IsIntRange(5, 240)
  slotMinutes!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 50, example: 1, description: 'Citizens per slot' })
  @Required()
  @IsIntRange(1, 50)
  capacity!: number;

  @ApiProperty({ enum: RECEPTION_MODES })
  @Required()
  @IsOneOf(RECEPTION_MODES)
  mode!: (typeof RECEPTION_MODES)[number];

  @ApiPropertyOptional({ ...ID, example: 'office-akimat', description: 'Required for in_person; ignored for remote receptions' })
  @RequiredWhen('mode', 'in_person')
  @IsIdentifier()
  officeId?: string;

  @ApiPropertyOptional({ ...ID, example: 'wednesday-mornings', description: 'Generated when absent' })
  @IsIdentifier()
  ruleId?: string;

  @ApiProperty({ ...DATE })
  @Required()
  @IsDateOnly()
  validFrom!: string;

  @ApiPropertyOptional({ ...DATE, description: 'Last day the rule applies; open-ended when absent' })
  @IsDateOnly()
  @IsDateNotBefore('validFrom')
  validTo?: string;
}

export const OFFICIAL_RANKS = ['head', 'deputy', 'department_head'] as const;

/** An official who holds receptions (admin). The name is kept by the service, never published. */
export class RegisterOfficialBody {
  @ApiProperty({ ...ID, example: 'official-akimat-head' })
  @Required()
  @IsIdentifier()
  officialId!: string;

  @ApiProperty({ ...ID, example: 'office-akimat' })
  @Required()
  @IsIdentifier()
  officeId!: string;

  @ApiProperty({ enum: OFFICIAL_RANKS, description: 'Heads receive weekly; deputies and department heads daily' })
  @Required()
  @IsOneOf(OFFICIAL_RANKS)
  rank!: (typeof OFFICIAL_RANKS)[number];

  @ApiProperty({ type: String, example: 'Нұрлан Әбенов, аудан әкімі', description: 'Name and position in Kazakh' })
  @Required()
  @IsText(1, 200)
  nameKk!: string;

  @ApiProperty({ type: String, example: 'Нурлан Абенов, аким района' })
  @Required()
  @IsText(1, 200)
  nameRu!: string;

  @ApiProperty({ type: String, example: 'Nurlan Abenov, District Akim' })
  @Required()
  @IsText(1, 200)
  nameEn!: string;
}

export class ReceptionDayBody {
  @ApiProperty({ enum: DAY_ACTIONS, description: '`cancel` the day, or add `extra` reception hours' })
  @Required()
  @IsOneOf(DAY_ACTIONS)
  action!: (typeof DAY_ACTIONS)[number];

  @ApiPropertyOptional({ ...TIME, description: 'extra only' })
  @RequiredWhen('action', 'extra')
  @OnlyWhen('action', 'extra')
  @IsTimeOfDay()
  start?: string;

  @ApiPropertyOptional({ ...TIME, example: '12:00', description: 'extra only; later than `start`' })
  @RequiredWhen('action', 'extra')
  @OnlyWhen('action', 'extra')
  @IsTimeOfDay()
  @IsTimeAfter('start')
  end?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 5, maximum: 240, description: 'extra only' })
  @RequiredWhen('action', 'extra')
  @OnlyWhen('action', 'extra')
  @IsIntRange(5, 240)
  slotMinutes?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, description: 'extra only' })
  @RequiredWhen('action', 'extra')
  @OnlyWhen('action', 'extra')
  @IsIntRange(1, 50)
  capacity?: number;

  @ApiPropertyOptional({ enum: RECEPTION_MODES, description: 'extra only' })
  @RequiredWhen('action', 'extra')
  @OnlyWhen('action', 'extra')
  @IsOneOf(RECEPTION_MODES)
  mode?: (typeof RECEPTION_MODES)[number];

  @ApiPropertyOptional({ ...ID, description: 'extra only; defaults to the office of the official' })
  @OnlyWhen('action', 'extra')
  @IsIdentifier()
  officeId?: string;
}

export class OutcomeBody {
  @ApiProperty({ enum: OUTCOMES })
  @Required()
  @IsOneOf(OUTCOMES)
  outcome!: (typeof OUTCOMES)[number];

  @ApiProperty({ type: String, minLength: 1, maxLength: 2000, description: 'What was decided or explained' })
  @Required()
  @IsText(1, 2000, { lineBreaks: true })
  summary!: string;
}
