/**
 * Booking integration events for the notification specs: valid public envelopes (checked against
 * the contracts, as the relay would publish them). Fictional data only.
 */
import { randomUUID } from 'node:crypto';
import { appointments, ContractRegistry, type IntegrationEnvelope } from '@adal/contracts';
import { addMinutes, localDateOf, localTimeOf, type Instant } from '../../domain/index.js';

const contracts = new ContractRegistry([...appointments.appointmentsContracts]);

export const TEST_OFFICE = 'office-psc-notify';
export const TEST_OFFICIAL = 'official-deputy-notify';
export const citizenRefOf = (n: number): string => `citizen-ref-notify-${String(n).padStart(8, '0')}`;

export const envelopeOf = (type: string, subject: string, data: unknown, time: Instant): IntegrationEnvelope => {
  const envelope: IntegrationEnvelope = {
    specversion: '1.0',
    id: randomUUID(),
    source: appointments.APPOINTMENTS_SOURCE,
    type: `appointments.${type}`,
    subject,
    time,
    datacontenttype: 'application/json',
    dataversion: 1,
    data,
  };
  contracts.assertPublishable(envelope);
  return envelope;
};

export interface TestBooking {
  bookingId: string;
  citizenRef: string;
  startsAt: Instant;
  minutes?: number;
  mode?: 'in_person' | 'remote';
}

/** The booking context every booking event carries. */
export const contextOf = (booking: TestBooking): Record<string, unknown> => {
  const endsAt = addMinutes(booking.startsAt, booking.minutes ?? 30);
  const mode = booking.mode ?? 'in_person';
  return {
    bookingId: booking.bookingId,
    citizenRef: booking.citizenRef,
    officialId: TEST_OFFICIAL,
    ...(mode === 'in_person' ? { officeId: TEST_OFFICE } : {}),
    date: localDateOf(booking.startsAt),
    slotStart: localTimeOf(booking.startsAt),
    slotEnd: localTimeOf(endsAt),
    startsAt: booking.startsAt,
    endsAt,
    mode,
  };
};

export const bookingConfirmed = (
  booking: TestBooking,
  confirmedAt: Instant,
  options: { language?: 'kk' | 'ru' | 'en'; joinUrl?: string } = {},
): IntegrationEnvelope =>
  envelopeOf(
    'BookingConfirmed',
    booking.bookingId,
    {
      ...contextOf(booking),
      channel: booking.mode ?? 'in_person',
      language: options.language ?? 'kk',
      ...(options.joinUrl ? { joinUrl: options.joinUrl } : {}),
      confirmedAt,
    },
    confirmedAt,
  );

/** `booking` is the booking as it stands after the move (new `startsAt`). */
export const bookingRescheduled = (booking: TestBooking, from: TestBooking, rescheduledAt: Instant): IntegrationEnvelope => {
  const old = contextOf(from);
  return envelopeOf(
    'BookingRescheduled',
    booking.bookingId,
    {
      ...contextOf(booking),
      from: { date: old['date'], slotStart: old['slotStart'], slotEnd: old['slotEnd'] },
      rescheduledAt,
    },
    rescheduledAt,
  );
};

export const bookingCancelled = (
  booking: TestBooking,
  cancelledAt: Instant,
  by: 'citizen' | 'official' | 'office' = 'citizen',
): IntegrationEnvelope => envelopeOf('BookingCancelled', booking.bookingId, { ...contextOf(booking), by, cancelledAt }, cancelledAt);

export const bookingLapsed = (booking: TestBooking, lapsedAt: Instant): IntegrationEnvelope =>
  envelopeOf('BookingLapsed', booking.bookingId, { ...contextOf(booking), reason: 'expired', lapsedAt }, lapsedAt);

export const bookingMarkedNoShow = (booking: TestBooking, markedAt: Instant): IntegrationEnvelope =>
  envelopeOf('BookingMarkedNoShow', booking.bookingId, { ...contextOf(booking), markedAt }, markedAt);

export const receptionCompleted = (booking: TestBooking, completedAt: Instant): IntegrationEnvelope =>
  envelopeOf('ReceptionCompleted', booking.bookingId, { ...contextOf(booking), outcome: 'resolved', completedAt }, completedAt);

/** A `Clock` whose time the spec sets. */
export class FixedClock {
  constructor(private current: Instant) {}
  now(): Instant {
    return this.current;
  }
  set(instant: Instant): void {
    this.current = instant;
  }
}
