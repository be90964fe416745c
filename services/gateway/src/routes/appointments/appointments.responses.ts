import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { LocalizedText, RESPONSE_DATE, RESPONSE_INSTANT, RESPONSE_TIME } from '../common.responses.js';
import {
  BOOKING_LANGUAGES,
  CHANNELS,
  OFFICIAL_RANKS,
  OUTCOMES,
  RECEPTION_MODES,
  RECURRENCES,
} from './appointments.dto.js';

/**
 * Success bodies of the appointments routes, as the appointments service writes them and the
 * gateway relays them unchanged:
 * - a booking itself (`bookingView`, services/appointments/src/booking/booking.http.ts);
 * - lists from the read model (services/appointments/src/read-models/queries.ts);
 * - the reception schedule as its aggregate has it (`scheduleView`, .../schedule/schedule.http.ts).
 * Keep them in step with those files: the web client's response types are generated from these.
 */

export const BOOKING_STATUSES = [
  'held',
  'lapsed',
  'confirmed',
  'cancelled',
  'no_show',
  'in_progress',
  'completed',
] as const;
/** The read-model lists (a citizen's bookings, an agenda) leave lapsed holds out. */
export const LISTED_BOOKING_STATUSES = BOOKING_STATUSES.filter(
  (status): status is Exclude<(typeof BOOKING_STATUSES)[number], 'lapsed'> => status !== 'lapsed',
);
export const CANCELLED_BY = ['citizen', 'official', 'office'] as const;
export const OFFICE_KINDS = ['akimat', 'public_service_centre', 'anti_corruption_centre'] as const;
/** Weekly rules name their weekday; receptions are held Monday to Friday. */
export const RULE_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

const BOOKING_ID = {
  type: String,
  format: 'uuid',
  example: '0190d3a4-7b1c-7cc3-a000-000000000001',
  description: 'Booking id (UUID)',
} as const;
const OFFICIAL_ID = { type: String, example: 'official-akimat-head' } as const;
const OFFICE_ID = { type: String, example: 'office-akimat' } as const;
const JOIN_URL = {
  type: String,
  format: 'uri',
  example: 'https://video.example.kz/room/Hq3x0d1m2V8rT4cZp7sWkA',
} as const;
const DATE_KEYS = 'Keyed by date (`YYYY-MM-DD`).';

type BookingStatus = (typeof BOOKING_STATUSES)[number];
type ListedBookingStatus = (typeof LISTED_BOOKING_STATUSES)[number];
type ReceptionMode = (typeof RECEPTION_MODES)[number];
type BookingLanguage = (typeof BOOKING_LANGUAGES)[number];
type CancelledBy = (typeof CANCELLED_BY)[number];
type Outcome = (typeof OUTCOMES)[number];
type Rank = (typeof OFFICIAL_RANKS)[number];

// ---- offices ----

@ApiSchema({ description: 'An office where officials receive citizens (reference data).' })
export class Office {
  @ApiProperty({ ...OFFICE_ID })
  officeId!: string;

  @ApiProperty({ enum: OFFICE_KINDS })
  kind!: (typeof OFFICE_KINDS)[number];

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiProperty({ type: () => LocalizedText })
  address!: LocalizedText;

  @ApiProperty({ type: String, example: 'KZ-ALA' })
  regionCode!: string;
}

/** `GET /api/v1/offices` */
@ApiSchema({ description: 'All offices, by region and id.' })
export class OfficesResponse {
  @ApiProperty({ type: () => Office, isArray: true })
  offices!: Office[];
}

// ---- officials and their reception hours ----

@ApiSchema({ description: 'Reception hours cut into equal slots: `[start, end)`, local time.' })
export class ReceptionHours {
  @ApiProperty({ ...RESPONSE_TIME })
  start!: string;

  @ApiProperty({ ...RESPONSE_TIME, example: '12:00' })
  end!: string;

  @ApiProperty({ type: 'integer', example: 15, description: 'Minutes per slot' })
  slotMinutes!: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Citizens per slot' })
  capacity!: number;

  @ApiProperty({ enum: RECEPTION_MODES })
  mode!: ReceptionMode;

  @ApiPropertyOptional({ ...OFFICE_ID, description: 'Present exactly when `mode` is `in_person`' })
  officeId?: string;
}

@ApiSchema({
  description:
    'A published reception rule: recurring hours within a validity period. Requests number the weekday ' +
    '(1 = Monday); answers name it.',
})
export class ReceptionRule extends ReceptionHours {
  @ApiProperty({ type: String, example: 'wednesday-mornings' })
  ruleId!: string;

  @ApiProperty({ enum: RECURRENCES })
  recurrence!: (typeof RECURRENCES)[number];

  @ApiPropertyOptional({ enum: RULE_WEEKDAYS, description: 'Weekly rules only' })
  weekday?: (typeof RULE_WEEKDAYS)[number];

  @ApiProperty({ ...RESPONSE_DATE, description: 'First day the rule applies' })
  validFrom!: string;

  @ApiPropertyOptional({ ...RESPONSE_DATE, example: '2027-06-30', description: 'Last day; open-ended when absent' })
  validTo?: string;
}

@ApiSchema({ description: 'An official who holds receptions, from the read model.' })
export class Official {
  @ApiProperty({ ...OFFICIAL_ID })
  officialId!: string;

  @ApiProperty({
    ...OFFICE_ID,
    nullable: true,
    description: "Null only while the official's registration has not reached the read model yet",
  })
  officeId!: string | null;

  @ApiProperty({ enum: OFFICIAL_RANKS, nullable: true, description: 'Null like `officeId`' })
  rank!: Rank | null;

  @ApiProperty({
    type: () => LocalizedText,
    nullable: true,
    description: 'Name and position; null while the directory lags behind, or when the stored name was erased',
  })
  displayName!: LocalizedText | null;

  @ApiProperty({
    type: () => ReceptionRule,
    isArray: true,
    description: 'Rules in force, by start of validity, weekday and time',
  })
  receptionRules!: ReceptionRule[];
}

/** `GET /api/v1/officials` */
@ApiSchema({ description: 'Officials (of one office when asked), by office, rank and id.' })
export class OfficialsResponse {
  @ApiProperty({ type: () => Official, isArray: true })
  officials!: Official[];
}

@ApiSchema({ description: 'One-off changes of a date in the read model.' })
export class DayOverride {
  @ApiProperty({ type: Boolean, description: 'No receptions that day' })
  cancelled!: boolean;

  @ApiProperty({ type: () => ReceptionHours, isArray: true, description: 'Hours added to that day, by start' })
  extraHours!: ReceptionHours[];
}

/** `GET /api/v1/officials/{officialId}` */
@ApiSchema({ description: 'One official with the one-off changes of recent and coming days.' })
@ApiExtraModels(DayOverride)
export class OfficialDetail extends Official {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DayOverride) },
    example: { '2026-12-02': { cancelled: true, extraHours: [] } },
    description: `Changed days. ${DATE_KEYS}`,
  })
  dayOverrides!: Record<string, DayOverride>;
}

@ApiSchema({ description: "One-off changes of a date in the official's schedule." })
export class ScheduleDayOverride {
  @ApiProperty({ type: Boolean, description: 'No receptions that day' })
  cancelled!: boolean;

  @ApiPropertyOptional({ type: String, description: 'Why the day was cancelled, when a reason was given' })
  cancelReason?: string;

  @ApiProperty({ type: () => ReceptionHours, isArray: true, description: 'Hours added to that day' })
  extraHours!: ReceptionHours[];
}

/** Registering an official, publishing or withdrawing a rule. */
@ApiSchema({
  description:
    "The official's reception schedule as it stands after the change (the name is kept by the service, never " +
    'answered).',
})
@ApiExtraModels(ScheduleDayOverride)
export class ScheduleView {
  @ApiProperty({ ...OFFICIAL_ID })
  officialId!: string;

  @ApiProperty({ ...OFFICE_ID })
  officeId!: string;

  @ApiProperty({ enum: OFFICIAL_RANKS })
  rank!: Rank;

  @ApiProperty({ type: () => ReceptionRule, isArray: true, description: 'Rules in force, in publication order' })
  rules!: ReceptionRule[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ScheduleDayOverride) },
    example: { '2026-12-02': { cancelled: true, cancelReason: 'Official trip', extraHours: [] } },
    description: `Every changed day. ${DATE_KEYS}`,
  })
  days!: Record<string, ScheduleDayOverride>;
}

/** `POST /api/v1/officials/{officialId}/reception-days/{date}` */
@ApiSchema({ description: 'What changing a reception day did.' })
export class ReceptionDayChangeResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Bookings cancelled (by the office) because the day was cancelled; empty for extra hours',
  })
  cancelledBookings!: string[];
}

// ---- free slots ----

@ApiSchema({ description: 'A slot with at least one free seat.' })
export class FreeSlot {
  @ApiProperty({ ...RESPONSE_TIME, description: 'Start (`slotStart` when holding it)' })
  start!: string;

  @ApiProperty({ ...RESPONSE_TIME, example: '10:15' })
  end!: string;

  @ApiProperty({ enum: RECEPTION_MODES })
  mode!: ReceptionMode;

  @ApiPropertyOptional({ ...OFFICE_ID, description: 'Where an in-person reception takes place' })
  officeId?: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'Citizens per slot' })
  capacity!: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'Seats still free' })
  free!: number;
}

@ApiSchema({ description: 'The free slots of one day, by start.' })
export class FreeSlotsDay {
  @ApiProperty({ ...RESPONSE_DATE })
  date!: string;

  @ApiProperty({ type: () => FreeSlot, isArray: true })
  slots!: FreeSlot[];
}

/** `GET /api/v1/officials/{officialId}/free-slots` */
@ApiSchema({
  description:
    'Bookable slots from `from` to `to`: only slots that start later than now and have a free seat; days ' +
    'without any are left out.',
})
export class FreeSlotsResponse {
  @ApiProperty({ ...OFFICIAL_ID })
  officialId!: string;

  @ApiProperty({ type: () => FreeSlotsDay, isArray: true, description: 'By date' })
  days!: FreeSlotsDay[];
}

// ---- bookings ----

/** Single reads and every booking command. */
@ApiSchema({
  description:
    'A booking as the caller may see it. `purpose`, `summary` and `joinUrl` are answered only to the ' +
    "booking's citizen and its official.",
})
export class Booking {
  @ApiProperty({ ...BOOKING_ID })
  bookingId!: string;

  @ApiProperty({ enum: BOOKING_STATUSES })
  status!: BookingStatus;

  @ApiProperty({ ...OFFICIAL_ID })
  officialId!: string;

  @ApiPropertyOptional({ ...OFFICE_ID, description: 'In-person bookings: where' })
  officeId?: string;

  @ApiProperty({ ...RESPONSE_DATE })
  date!: string;

  @ApiProperty({ ...RESPONSE_TIME })
  slotStart!: string;

  @ApiProperty({ ...RESPONSE_TIME, example: '10:15' })
  slotEnd!: string;

  @ApiProperty({ ...RESPONSE_INSTANT })
  startsAt!: string;

  @ApiProperty({ ...RESPONSE_INSTANT, example: '2026-12-01T10:15:00+05:00' })
  endsAt!: string;

  @ApiProperty({ enum: RECEPTION_MODES })
  mode!: ReceptionMode;

  @ApiPropertyOptional({
    ...RESPONSE_INSTANT,
    example: '2026-11-20T15:10:00+05:00',
    description: 'While held: when the hold lapses unless confirmed',
  })
  holdExpiresAt?: string;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Once confirmed' })
  channel?: ReceptionMode;

  @ApiPropertyOptional({ enum: BOOKING_LANGUAGES, description: 'Once confirmed: language of the reception' })
  language?: BookingLanguage;

  @ApiPropertyOptional({
    ...JOIN_URL,
    description: "Confirmed remote bookings: the video link (only to the booking's citizen and official)",
  })
  joinUrl?: string;

  @ApiPropertyOptional({
    ...RESPONSE_INSTANT,
    example: '2026-12-01T09:50:00+05:00',
    description: 'Confirmed remote bookings: when the call can be joined (10 minutes before `startsAt`)',
  })
  joinOpensAt?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Land plot allocation question',
    description: "Once confirmed (only to the booking's citizen and official)",
  })
  purpose?: string;

  @ApiPropertyOptional({ enum: CANCELLED_BY, description: 'Cancelled bookings: by whom' })
  cancelledBy?: CancelledBy;

  @ApiPropertyOptional({ enum: OUTCOMES, description: 'Completed receptions' })
  outcome?: Outcome;

  @ApiPropertyOptional({
    type: String,
    description: "Completed receptions: what was decided or explained (only to the booking's citizen and official)",
  })
  summary?: string;

  @ApiPropertyOptional({ ...RESPONSE_INSTANT, description: 'When the reception was turned into an appeal' })
  followUpRequestedAt?: string;
}

/** `POST /api/v1/bookings/holds`, `POST /api/v1/bookings/{bookingId}/hold/extend` */
@ApiSchema({ description: 'A held booking, with when the hold lapses unless confirmed.' })
export class HeldBooking extends Booking {
  @ApiProperty({
    ...RESPONSE_INSTANT,
    example: '2026-11-20T15:10:00+05:00',
    description: 'When the hold lapses unless confirmed (`holdExpiresAt` while held)',
  })
  expiresAt!: string;
}

/** A booking in a read-model list (an agenda, a citizen's bookings). */
@ApiSchema({
  description:
    'A booking from the read model (eventually consistent). Lapsed holds are left out, so `status` is never ' +
    '`lapsed` here.',
})
export class BookingListItem {
  @ApiProperty({ ...BOOKING_ID })
  bookingId!: string;

  @ApiProperty({
    type: String,
    example: 'q3TzR0cYb1mJ8vNwK2xLp5sD7fGhA9eU',
    description: 'Opaque reference of the citizen (never an IIN)',
  })
  citizenRef!: string;

  @ApiProperty({ ...OFFICIAL_ID })
  officialId!: string;

  @ApiPropertyOptional({ ...OFFICE_ID, description: 'In-person bookings: where' })
  officeId?: string;

  @ApiProperty({ ...RESPONSE_DATE })
  date!: string;

  @ApiProperty({ ...RESPONSE_TIME })
  slotStart!: string;

  @ApiProperty({ ...RESPONSE_TIME, example: '10:15' })
  slotEnd!: string;

  @ApiProperty({ ...RESPONSE_INSTANT })
  startsAt!: string;

  @ApiProperty({ ...RESPONSE_INSTANT, example: '2026-12-01T10:15:00+05:00' })
  endsAt!: string;

  @ApiProperty({ enum: RECEPTION_MODES })
  mode!: ReceptionMode;

  @ApiProperty({ enum: LISTED_BOOKING_STATUSES })
  status!: ListedBookingStatus;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Once confirmed' })
  channel?: ReceptionMode;

  @ApiPropertyOptional({ enum: BOOKING_LANGUAGES, description: 'Once confirmed: language of the reception' })
  language?: BookingLanguage;

  @ApiPropertyOptional({
    ...JOIN_URL,
    description: "The citizen's own list: remote bookings that are confirmed or in progress",
  })
  joinUrl?: string;

  @ApiPropertyOptional({
    ...RESPONSE_INSTANT,
    example: '2026-12-01T09:50:00+05:00',
    description: 'Remote bookings that are confirmed or in progress: when the call can be joined',
  })
  joinOpensAt?: string;

  @ApiPropertyOptional({
    ...RESPONSE_INSTANT,
    example: '2026-11-20T15:10:00+05:00',
    description: 'While held: when the hold lapses unless confirmed',
  })
  holdExpiresAt?: string;

  @ApiPropertyOptional({ enum: CANCELLED_BY, description: 'Cancelled bookings: by whom' })
  cancelledBy?: CancelledBy;

  @ApiPropertyOptional({ enum: OUTCOMES, description: 'Completed receptions' })
  outcome?: Outcome;

  @ApiProperty({ type: Boolean, description: 'The reception was turned into an appeal' })
  followUpRequested!: boolean;

  @ApiProperty({ ...RESPONSE_INSTANT, description: 'When the read model last changed this booking' })
  updatedAt!: string;
}

@ApiSchema({ description: "A booking in the citizen's own list." })
export class CitizenBookingListItem extends BookingListItem {
  @ApiProperty({
    type: Boolean,
    description: 'Held, confirmed or in progress and not over yet (listed first, soonest first)',
  })
  upcoming!: boolean;
}

/** `GET /api/v1/bookings/mine` */
@ApiSchema({
  description:
    "The caller's bookings: upcoming ones first (soonest first), then the rest (latest first); holds past " +
    'their expiry are left out.',
})
export class CitizenBookingsResponse {
  @ApiProperty({ type: () => CitizenBookingListItem, isArray: true })
  bookings!: CitizenBookingListItem[];
}

/** `GET /api/v1/officials/{officialId}/agenda` */
@ApiSchema({ description: "An official's day: every booking that is not a lapsed hold, by slot." })
export class AgendaResponse {
  @ApiProperty({ ...OFFICIAL_ID })
  officialId!: string;

  @ApiProperty({ ...RESPONSE_DATE, description: 'The day (today when not asked)' })
  date!: string;

  @ApiProperty({ type: () => BookingListItem, isArray: true })
  bookings!: BookingListItem[];
}
