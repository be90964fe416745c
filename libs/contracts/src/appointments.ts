import { z } from 'zod';
import { defineContract, type ContractData } from './contracts.js';

/**
 * Public integration events of the appointments service, topic `appointments.events`.
 * No personal data: citizens appear only as `citizenRef`, an opaque keyed hash; free text a
 * citizen or official typed (purpose, summary, reasons) stays inside the service.
 */
export const APPOINTMENTS_SOURCE = '/adal-office/appointments';
export const APPOINTMENTS_TOPIC = 'appointments.events';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localTime = z.string().regex(/^\d{2}:\d{2}$/);
const instant = z.string().datetime({ offset: true });
const mode = z.enum(['in_person', 'remote']);
const id = z.string().min(1).max(200);
/** Opaque: an HMAC the gateway (or another identity provider) derives; never an IIN. */
const citizenRef = z.string().min(1).max(128);
const hours = z.object({
  start: localTime,
  end: localTime,
  slotMinutes: z.number().int().positive(),
  capacity: z.number().int().positive(),
  mode,
  officeId: id.optional(),
});

/** Where and when a booking takes place; carried by every booking event so consumers need no join. */
const bookingContext = {
  bookingId: id,
  citizenRef,
  officialId: id,
  officeId: id.optional(),
  date: localDate,
  slotStart: localTime,
  slotEnd: localTime,
  startsAt: instant,
  endsAt: instant,
  mode,
};

export const OfficialRegistered = defineContract('appointments.OfficialRegistered', [
  { version: 1, schema: z.object({ officialId: id, officeId: id, rank: z.enum(['head', 'deputy', 'department_head']) }) },
]);
export const ReceptionRulePublished = defineContract('appointments.ReceptionRulePublished', [
  {
    version: 1,
    schema: z.object({
      officialId: id,
      rule: hours.extend({
        ruleId: id,
        recurrence: z.enum(['weekly', 'daily']),
        weekday: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']).optional(),
        validFrom: localDate,
        validTo: localDate.optional(),
      }),
    }),
  },
]);
export const ReceptionRuleWithdrawn = defineContract('appointments.ReceptionRuleWithdrawn', [
  { version: 1, schema: z.object({ officialId: id, ruleId: id }) },
]);
export const ReceptionDayCancelled = defineContract('appointments.ReceptionDayCancelled', [
  { version: 1, schema: z.object({ officialId: id, date: localDate }) },
]);
export const ExtraReceptionHoursAdded = defineContract('appointments.ExtraReceptionHoursAdded', [
  { version: 1, schema: z.object({ officialId: id, date: localDate, hours }) },
]);

const slot = z.object({ start: localTime, end: localTime, capacity: z.number().int().positive(), mode, officeId: id.optional() });
/** The day's slots as its calendar froze them at opening (free slots follow these, not later rule changes). */
export const ReceptionDayOpened = defineContract('appointments.ReceptionDayOpened', [
  { version: 1, schema: z.object({ officialId: id, date: localDate, slots: z.array(slot) }) },
]);
export const ReceptionSlotsAdded = defineContract('appointments.ReceptionSlotsAdded', [
  { version: 1, schema: z.object({ officialId: id, date: localDate, slots: z.array(slot) }) },
]);
export const SlotHeld = defineContract('appointments.SlotHeld', [
  {
    version: 1,
    schema: z.object({ bookingId: id, officialId: id, date: localDate, slotStart: localTime, slotEnd: localTime, holdExpiresAt: instant }),
  },
]);
export const HoldExtended = defineContract('appointments.HoldExtended', [
  { version: 1, schema: z.object({ bookingId: id, officialId: id, date: localDate, slotStart: localTime, holdExpiresAt: instant }) },
]);
export const SlotBooked = defineContract('appointments.SlotBooked', [
  { version: 1, schema: z.object({ bookingId: id, officialId: id, date: localDate, slotStart: localTime }) },
]);
export const SlotReleased = defineContract('appointments.SlotReleased', [
  {
    version: 1,
    schema: z.object({
      bookingId: id,
      officialId: id,
      date: localDate,
      slotStart: localTime,
      reason: z.enum(['cancelled', 'rescheduled', 'hold_expired', 'hold_abandoned']),
    }),
  },
]);
export const BookingMoved = defineContract('appointments.BookingMoved', [
  {
    version: 1,
    schema: z.object({ bookingId: id, officialId: id, date: localDate, fromSlotStart: localTime, toSlotStart: localTime, toSlotEnd: localTime }),
  },
]);
export const ReceptionDayClosed = defineContract('appointments.ReceptionDayClosed', [
  { version: 1, schema: z.object({ officialId: id, date: localDate, affectedBookingIds: z.array(id) }) },
]);

export const BookingHeld = defineContract('appointments.BookingHeld', [
  { version: 1, schema: z.object({ ...bookingContext, expiresAt: instant }) },
]);
export const BookingConfirmed = defineContract('appointments.BookingConfirmed', [
  {
    version: 1,
    schema: z.object({
      ...bookingContext,
      channel: mode,
      language: z.enum(['kk', 'ru', 'en']),
      joinUrl: z.string().url().optional(),
      confirmedAt: instant,
    }),
  },
]);
export const BookingHoldExtended = defineContract('appointments.BookingHoldExtended', [
  { version: 1, schema: z.object({ ...bookingContext, expiresAt: instant, extendedAt: instant }) },
]);
export const BookingLapsed = defineContract('appointments.BookingLapsed', [
  { version: 1, schema: z.object({ ...bookingContext, reason: z.enum(['expired', 'abandoned']), lapsedAt: instant }) },
]);
export const BookingCancelled = defineContract('appointments.BookingCancelled', [
  { version: 1, schema: z.object({ ...bookingContext, by: z.enum(['citizen', 'official', 'office']), cancelledAt: instant }) },
]);
export const BookingRescheduled = defineContract('appointments.BookingRescheduled', [
  {
    version: 1,
    schema: z.object({
      ...bookingContext,
      from: z.object({ date: localDate, slotStart: localTime, slotEnd: localTime }),
      rescheduledAt: instant,
    }),
  },
]);
export const BookingMarkedNoShow = defineContract('appointments.BookingMarkedNoShow', [
  { version: 1, schema: z.object({ ...bookingContext, markedAt: instant }) },
]);
export const RemoteReceptionStarted = defineContract('appointments.RemoteReceptionStarted', [
  { version: 1, schema: z.object({ ...bookingContext, startedAt: instant }) },
]);
export const RemoteReceptionEnded = defineContract('appointments.RemoteReceptionEnded', [
  { version: 1, schema: z.object({ ...bookingContext, endedAt: instant }) },
]);
export const ReceptionCompleted = defineContract('appointments.ReceptionCompleted', [
  {
    version: 1,
    schema: z.object({
      ...bookingContext,
      outcome: z.enum(['resolved', 'explained', 'redirected', 'appeal_needed']),
      completedAt: instant,
    }),
  },
]);
/** For the feedback service: a completed reception asks for a follow-up appeal. */
export const FollowUpRequested = defineContract('appointments.FollowUpRequested', [
  {
    version: 1,
    schema: z.object({
      ...bookingContext,
      outcome: z.enum(['resolved', 'explained', 'redirected', 'appeal_needed']),
      requestedAt: instant,
    }),
  },
]);

export const appointmentsContracts = [
  OfficialRegistered,
  ReceptionRulePublished,
  ReceptionRuleWithdrawn,
  ReceptionDayCancelled,
  ExtraReceptionHoursAdded,
  ReceptionDayOpened,
  ReceptionSlotsAdded,
  SlotHeld,
  HoldExtended,
  SlotBooked,
  SlotReleased,
  BookingMoved,
  ReceptionDayClosed,
  BookingHeld,
  BookingConfirmed,
  BookingHoldExtended,
  BookingLapsed,
  BookingCancelled,
  BookingRescheduled,
  BookingMarkedNoShow,
  RemoteReceptionStarted,
  RemoteReceptionEnded,
  ReceptionCompleted,
  FollowUpRequested,
] as const;

export type BookingConfirmedV1 = ContractData<typeof BookingConfirmed>;
export type BookingContext = z.infer<z.ZodObject<typeof bookingContext>>;
