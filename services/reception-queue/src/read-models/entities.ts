/**
 * Read-model tables of the reception-queue service, schema `reception_queue_read` (MikroORM
 * `defineEntity`, no decorators), fed by the service's public events (`queue.*`) through the
 * relay and the bus, exactly once (`ProjectionRunner`). Every table can be emptied and rebuilt
 * from the event store (`rebuild.ts`).
 *
 * Values come from the events (their times, the envelope time for `updated_at`), never from the
 * clock, so a rebuild gives the same rows.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** The PostgreSQL schema of every read-model table of this service. */
export const READ_SCHEMA = 'reception_queue_read';

/** `"reception_queue_read"."<table>"`, for raw SQL and `Projection.tables`. */
export const qualified = (table: string): string => `"${READ_SCHEMA}"."${table}"`;

/** The live queue and the day's tickets: one row per ticket. */
export const QueueTicketView = defineEntity({
  name: 'QueueTicketView',
  tableName: 'tickets',
  schema: READ_SCHEMA,
  properties: {
    ticketId: p.string().primary(),
    officeId: p.string(),
    date: p.string().length(10),
    number: p.string().length(16),
    /** The service it queues for now (changes on transfer). */
    serviceId: p.string(),
    /** The service it was issued for. */
    firstServiceId: p.string(),
    /** kiosk | web | qr | check_in */
    channel: p.string().length(16),
    /** appointment | special | standard */
    priority: p.string().length(16),
    /** waiting | called | serving | parked | served | no_show | closed */
    status: p.string().length(16),
    deskId: p.string().nullable(),
    issuedAt: p.datetime(),
    calledAt: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    returnsAt: p.datetime().nullable(),
    recalls: p.integer().default(0),
    transfers: p.integer().default(0),
    outcome: p.string().length(32).nullable(),
    waitSeconds: p.integer().nullable(),
    serviceSeconds: p.integer().nullable(),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['officeId', 'date', 'status'] }],
});
export type QueueTicketView = InferEntity<typeof QueueTicketView>;

/** Desk states of a day. */
export const QueueDeskView = defineEntity({
  name: 'QueueDeskView',
  tableName: 'desks',
  schema: READ_SCHEMA,
  properties: {
    officeId: p.string().primary(),
    date: p.string().length(10).primary(),
    deskId: p.string().primary(),
    /** open | paused | closed */
    status: p.string().length(16),
    ticketId: p.string().nullable(),
    number: p.string().length(16).nullable(),
    updatedAt: p.datetime(),
  },
});
export type QueueDeskView = InferEntity<typeof QueueDeskView>;

/**
 * Daily figures per office and service. The samples (seconds) are kept so the median and p90
 * are exact; a busy service has a few thousand a day.
 */
export const QueueServiceDayView = defineEntity({
  name: 'QueueServiceDayView',
  tableName: 'service_days',
  schema: READ_SCHEMA,
  properties: {
    officeId: p.string().primary(),
    date: p.string().length(10).primary(),
    serviceId: p.string().primary(),
    /** Tickets issued for the service. */
    tickets: p.integer().default(0),
    /** Tickets transferred to it from another service. */
    transfersIn: p.integer().default(0),
    served: p.integer().default(0),
    noShows: p.integer().default(0),
    /** Wait of every first call of a ticket in this service's queue. */
    waitSamples: p.json<number[]>().columnType('jsonb'),
    /** Service time of every visit served. */
    serviceSamples: p.json<number[]>().columnType('jsonb'),
    updatedAt: p.datetime(),
  },
});
export type QueueServiceDayView = InferEntity<typeof QueueServiceDayView>;

export const readModelEntities = [QueueTicketView, QueueDeskView, QueueServiceDayView];
