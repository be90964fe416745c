/**
 * appointments -> reception-queue: a confirmed in-person booking becomes an expected arrival at
 * its office on its date; a cancellation withdraws it; a reschedule moves it (to another slot of
 * the day, or to another day). The envelope id travels as `sourceId`, and the day's decider
 * ignores a source it has seen, so a redelivery (Kafka is at least once) changes nothing.
 */
import type { appointments, ContractData, IntegrationEnvelope } from '@adal/contracts';
import { isDomainError } from '../domain/index.js';
import type { ReceptionQueue } from '../queue/reception-queue.js';

export const CONSUMED_APPOINTMENT_EVENTS = [
  'appointments.BookingConfirmed',
  'appointments.BookingCancelled',
  'appointments.BookingRescheduled',
] as const;

type Confirmed = ContractData<typeof appointments.BookingConfirmed>;
type Cancelled = ContractData<typeof appointments.BookingCancelled>;
type Rescheduled = ContractData<typeof appointments.BookingRescheduled>;

export const applyAppointmentEvent = async (
  queue: ReceptionQueue,
  envelope: IntegrationEnvelope,
  log: (message: string, fields: Record<string, unknown>) => void = () => undefined,
): Promise<void> => {
  const data = envelope.data as Confirmed | Cancelled | Rescheduled;
  // Only in-person receptions at an office come to a queue.
  if (data.mode !== 'in_person' || !data.officeId) return;
  const officeId = data.officeId;
  const arrival = {
    bookingId: data.bookingId,
    citizenRef: data.citizenRef,
    officialId: data.officialId,
    slotStart: data.slotStart,
    slotEnd: data.slotEnd,
    sourceId: envelope.id,
  };
  try {
    switch (envelope.type) {
      case 'appointments.BookingConfirmed':
        await queue.expectArrival(officeId, data.date, arrival);
        return;
      case 'appointments.BookingCancelled':
        await queue.cancelArrival(officeId, data.date, {
          bookingId: data.bookingId,
          reason: 'cancelled',
          sourceId: envelope.id,
        });
        return;
      case 'appointments.BookingRescheduled': {
        const { from } = data as Rescheduled;
        if (from.date !== data.date) {
          await queue.cancelArrival(officeId, from.date, {
            bookingId: data.bookingId,
            reason: 'rescheduled',
            sourceId: envelope.id,
          });
        }
        await queue.expectArrival(officeId, data.date, arrival);
        return;
      }
      default:
        return;
    }
  } catch (error) {
    // A refusal is deterministic (e.g. an id the queue cannot use): retrying cannot help.
    if (isDomainError(error) && error.kind === 'invalid') {
      log('appointments event refused by the queue; skipped', {
        id: envelope.id,
        type: envelope.type,
        code: error.code,
        field: error.field,
      });
      return;
    }
    throw error;
  }
};
