import { z } from 'zod';
import { defineContract, type ContractData } from './contracts.js';

/**
 * Public integration events of the reception-queue service, topic `queue.events`, keyed by the
 * day's queue (`<officeId>:<date>`, so each office day stays in order).
 *
 * No personal data: a ticket is a number and an opaque id. A ticket from an appointment
 * check-in may carry the `citizenRef` of the booking (an opaque keyed hash, never an IIN) so the
 * feedback service can invite that citizen to rate the visit. Which priority group a walk-in
 * claimed (disability, pregnancy, age) is health or age data: it stays inside the service, and
 * events only say `special`. Free text (a day-close note) stays inside too.
 */
export const QUEUE_SOURCE = '/adal-office/reception-queue';
export const QUEUE_TOPIC = 'queue.events';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.string().datetime({ offset: true });
const id = z.string().min(1).max(200);
/** Opaque: an HMAC the gateway derives; never an IIN. */
const citizenRef = z.string().min(1).max(128);
const ticketNumber = z.string().regex(/^[A-Z]{1,2}-\d{3,}$/);
const seconds = z.number().int().nonnegative();
/** `appointment`: a checked-in booking; `special`: a priority group (which one is not published). */
const priority = z.enum(['appointment', 'special', 'standard']);
const outcome = z.enum(['served', 'consultation', 'documents_missing', 'redirected', 'refused']);

/** Where every queue event happens. */
const day = { officeId: id, date: localDate };
const ticket = { ...day, ticketId: id, number: ticketNumber, serviceId: id };

export const TicketIssued = defineContract('queue.TicketIssued', [
  {
    version: 1,
    schema: z.object({
      ...ticket,
      channel: z.enum(['kiosk', 'web', 'qr', 'check_in']),
      priority,
      issuedAt: instant,
      bookingId: id.optional(),
      citizenRef: citizenRef.optional(),
    }),
  },
]);

/** A call to a desk; `recall` counts repeated calls of the same ticket (0 = first call). */
export const TicketCalled = defineContract('queue.TicketCalled', [
  {
    version: 1,
    schema: z.object({
      ...ticket,
      deskId: id,
      calledAt: instant,
      recall: z.number().int().nonnegative(),
      waitSeconds: seconds.optional(),
    }),
  },
]);

export const ServiceStarted = defineContract('queue.ServiceStarted', [
  { version: 1, schema: z.object({ ...ticket, deskId: id, startedAt: instant }) },
]);

/** A visit served at a desk: how long the citizen waited and how long the service took. */
export const VisitServed = defineContract('queue.VisitServed', [
  {
    version: 1,
    schema: z.object({
      ...ticket,
      deskId: id,
      outcome,
      issuedAt: instant,
      calledAt: instant,
      startedAt: instant,
      finishedAt: instant,
      waitSeconds: seconds,
      serviceSeconds: seconds,
      bookingId: id.optional(),
      citizenRef: citizenRef.optional(),
    }),
  },
]);

export const TicketNoShow = defineContract('queue.TicketNoShow', [
  {
    version: 1,
    schema: z.object({
      ...ticket,
      deskId: id,
      recalls: z.number().int().nonnegative(),
      at: instant,
      waitSeconds: seconds,
    }),
  },
]);

/** The ticket (same number) now queues for another service; `serviceId` is the new one. */
export const TicketTransferred = defineContract('queue.TicketTransferred', [
  { version: 1, schema: z.object({ ...ticket, fromServiceId: id, deskId: id, at: instant, serviceSeconds: seconds }) },
]);

/** Set aside at a desk; back in its queue, in its place, at `returnsAt`. */
export const TicketParked = defineContract('queue.TicketParked', [
  { version: 1, schema: z.object({ ...ticket, deskId: id, at: instant, returnsAt: instant }) },
]);

export const DeskStatusChanged = defineContract('queue.DeskStatusChanged', [
  { version: 1, schema: z.object({ ...day, deskId: id, status: z.enum(['open', 'paused', 'closed']), at: instant }) },
]);

/** The day's queue is closed; every ticket still in it was closed with the reason. */
export const QueueDayClosed = defineContract('queue.QueueDayClosed', [
  {
    version: 1,
    schema: z.object({
      ...day,
      reason: z.enum(['end_of_day', 'emergency', 'technical_failure', 'other']),
      closedAt: instant,
      closedTicketIds: z.array(id),
    }),
  },
]);

export const queueContracts = [
  TicketIssued,
  TicketCalled,
  ServiceStarted,
  VisitServed,
  TicketNoShow,
  TicketTransferred,
  TicketParked,
  DeskStatusChanged,
  QueueDayClosed,
] as const;

export type TicketIssuedV1 = ContractData<typeof TicketIssued>;
export type VisitServedV1 = ContractData<typeof VisitServed>;
