/**
 * Read-model tables of the appointments service, schema `appointments_read` (MikroORM
 * `defineEntity`, no decorators). Every table here can be emptied and rebuilt from the event
 * store (`rebuild.ts`), except `offices`, which is reference data (see `offices.ts`).
 *
 * Columns hold what the HTTP side reads; instants are `timestamptz`, local dates `date`, local
 * times `HH:mm` text. Values that come from events are copied as the events carry them (the
 * envelope time for `updated_at`), never from the clock, so a rebuild gives the same rows.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import type {
  LocalizedText,
  OfficialRank,
  ReceptionHours,
  ReceptionRule,
  ReceptionSlot,
} from '../domain/index.js';

/** The PostgreSQL schema of every read-model table of this service. */
export const READ_SCHEMA = 'appointments_read';

/** `"appointments_read"."<table>"`, for raw SQL and `Projection.tables`. */
export const qualified = (table: string): string => `"${READ_SCHEMA}"."${table}"`;

/** One date's changes in the schedule view (`day_overrides`). */
export interface DayOverrideView {
  cancelled: boolean;
  extraHours: ReceptionHours[];
}

// --- official schedules --------------------------------------------------------------------------

export const OfficialScheduleView = defineEntity({
  name: 'OfficialScheduleView',
  tableName: 'official_schedules',
  schema: READ_SCHEMA,
  properties: {
    officialId: p.string().primary(),
    /** Null only until `OfficialRegistered` arrives (events of one official arrive in order). */
    officeId: p.string().nullable(),
    rank: p.string().nullable(),
    /** The rules in force: published and not withdrawn, in publication order. */
    rules: p.json<ReceptionRule[]>().columnType('jsonb'),
    /** `{ "<date>": { cancelled, extraHours[] } }` */
    dayOverrides: p.json<Record<string, DayOverrideView>>().columnType('jsonb'),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['officeId'] }],
});
export type OfficialScheduleView = InferEntity<typeof OfficialScheduleView>;

// --- seats -----------------------------------------------------------------------------------------

export type SeatViewStatus = 'held' | 'booked' | 'released';

/**
 * One booking's seat on one day. The key is (booking_id, date), not booking_id alone: a
 * reschedule to another day holds the seat of the new day before it releases the old one, so
 * for a moment one booking has a seat on two days (as in the two calendars).
 */
export const SeatView = defineEntity({
  name: 'SeatView',
  tableName: 'seats',
  schema: READ_SCHEMA,
  properties: {
    bookingId: p.string().primary(),
    date: p.date().primary(),
    officialId: p.string(),
    slotStart: p.string().length(5),
    /** Null only when `SlotBooked` arrived without its `SlotHeld` (it does not carry the end). */
    slotEnd: p.string().length(5).nullable(),
    /** held | booked | released */
    status: p.string().length(16),
    holdExpiresAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['officialId', 'date'] }],
});
export type SeatView = InferEntity<typeof SeatView>;

// --- bookings --------------------------------------------------------------------------------------

export type BookingViewStatus =
  'held' | 'lapsed' | 'confirmed' | 'cancelled' | 'no_show' | 'in_progress' | 'completed';

export const BookingView = defineEntity({
  name: 'BookingView',
  tableName: 'bookings',
  schema: READ_SCHEMA,
  properties: {
    bookingId: p.string().primary(),
    citizenRef: p.string().length(64),
    officialId: p.string(),
    officeId: p.string().nullable(),
    date: p.date(),
    slotStart: p.string().length(5),
    slotEnd: p.string().length(5),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    /** in_person | remote */
    mode: p.string().length(16),
    /** in_person | remote; set on confirmation. */
    channel: p.string().length(16).nullable(),
    /** kk | ru | en; set on confirmation. */
    language: p.string().length(2).nullable(),
    /** held | lapsed | confirmed | cancelled | no_show | in_progress | completed */
    status: p.string().length(16),
    joinUrl: p.text().nullable(),
    holdExpiresAt: p.datetime().nullable(),
    /** citizen | official | office */
    cancelledBy: p.string().length(16).nullable(),
    /** resolved | explained | redirected | appeal_needed */
    outcome: p.string().length(32).nullable(),
    followUpRequested: p.boolean().default(false),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['citizenRef'] }, { properties: ['officialId', 'date'] }],
});
export type BookingView = InferEntity<typeof BookingView>;

// --- official directory ----------------------------------------------------------------------------

/**
 * Who the officials are, with their names. Names are personal data and never travel in
 * integration events, so this table is fed from the service's own event store (`DirectoryFeed`).
 */
export const OfficialDirectoryView = defineEntity({
  name: 'OfficialDirectoryView',
  tableName: 'official_directory',
  schema: READ_SCHEMA,
  properties: {
    officialId: p.string().primary(),
    officeId: p.string(),
    rank: p.string().length(32),
    /** `{ kk, ru, en }`; null when the stored name is no longer readable (erased). */
    displayName: p.json<LocalizedText>().columnType('jsonb').nullable(),
  },
  indexes: [{ properties: ['officeId'] }],
});
export type OfficialDirectoryView = InferEntity<typeof OfficialDirectoryView>;

// --- offices (reference data) ----------------------------------------------------------------------

export type OfficeKind = 'akimat' | 'public_service_centre' | 'anti_corruption_centre';
export const OFFICE_KINDS: readonly OfficeKind[] = ['akimat', 'public_service_centre', 'anti_corruption_centre'];

/** Offices are reference data maintained by upsert (demo seed, admin), not event-sourced. */
export const OfficeView = defineEntity({
  name: 'OfficeView',
  tableName: 'offices',
  schema: READ_SCHEMA,
  properties: {
    officeId: p.string().primary(),
    /** akimat | public_service_centre | anti_corruption_centre */
    kind: p.string().length(32),
    name: p.json<LocalizedText>().columnType('jsonb'),
    address: p.json<LocalizedText>().columnType('jsonb'),
    regionCode: p.string().length(32),
  },
  indexes: [{ properties: ['regionCode'] }],
});
export type OfficeView = InferEntity<typeof OfficeView>;

/** Every entity of the read model, for `MikroORM.init({ entities })`. */
/** A day whose calendar is open: its slots are frozen there, so free slots must follow them. */
export const OpenedDayView = defineEntity({
  name: 'OpenedDayView',
  tableName: 'opened_days',
  schema: READ_SCHEMA,
  properties: {
    officialId: p.string().primary(),
    date: p.string().primary(),
    slots: p.json<ReceptionSlot[]>().columnType('jsonb'),
    closed: p.boolean(),
  },
});
export type OpenedDayView = InferEntity<typeof OpenedDayView>;

export const readModelEntities = [OfficialScheduleView, SeatView, BookingView, OfficialDirectoryView, OfficeView, OpenedDayView];

/** Ranks an official may have (re-exported for DTO typing). */
export type { OfficialRank };
