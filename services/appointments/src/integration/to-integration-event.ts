import { appointments, ContractRegistry, type IntegrationEnvelope } from '@adal/contracts';
import type { RecordedEvent } from '@adal/event-store';
import { envelopeFrom } from '@adal/messaging';
import { instantOf, type BookingEvent, type ReceptionCalendarEvent, type ReceptionScheduleEvent } from '../domain/index.js';

/** Every public contract of this service, for validation on publish and on consume. */
export const appointmentsContracts = new ContractRegistry([...appointments.appointmentsContracts]);

type StoredEvent = ReceptionScheduleEvent | ReceptionCalendarEvent | BookingEvent;

/** Calendar events are keyed by their aggregate (official and day), so each day stays ordered. */
const calendarSubject = (officialId: string, date: string) => `${officialId}:${date}`;

const calendarKey = (streamName: string): { officialId: string; date: string } => {
  // calendar-<officialId>:<date>
  const id = streamName.slice('calendar-'.length);
  const colon = id.lastIndexOf(':');
  return { officialId: id.slice(0, colon), date: id.slice(colon + 1) };
};

interface Facts {
  bookingId: string;
  citizenRef: string;
  officialId: string;
  officeId?: string;
  date: string;
  slotStart: string;
  slotEnd: string;
  mode: 'in_person' | 'remote';
}

/** The booking context every public booking event carries (no free text, no personal data). */
const context = (f: Facts) => ({
  bookingId: f.bookingId,
  citizenRef: f.citizenRef,
  officialId: f.officialId,
  ...(f.officeId ? { officeId: f.officeId } : {}),
  date: f.date,
  slotStart: f.slotStart,
  slotEnd: f.slotEnd,
  startsAt: instantOf(f.date, f.slotStart),
  endsAt: instantOf(f.date, f.slotEnd),
  mode: f.mode,
});

/**
 * Maps a stored domain event to its public integration event, or null when it stays private
 * (e.g. citizen limit bookkeeping, a day opening). Purpose, summary and reasons are free text
 * and never leave the service; display names are personal data and stay too.
 */
export const toIntegrationEvent = (recorded: RecordedEvent): IntegrationEnvelope | null => {
  const event = { type: recorded.type, data: recorded.data } as StoredEvent;
  const publish = (type: string, subject: string, data: unknown) =>
    envelopeFrom(recorded, { source: appointments.APPOINTMENTS_SOURCE, type: `appointments.${type}`, subject, dataversion: 1, data });

  switch (event.type) {
    case 'OfficialRegistered': {
      const { officialId, officeId, rank } = event.data;
      return publish(event.type, officialId, { officialId, officeId, rank });
    }
    case 'ReceptionRulePublished':
      return publish(event.type, event.data.officialId, event.data);
    case 'ReceptionRuleWithdrawn':
      return publish(event.type, event.data.officialId, event.data);
    case 'ReceptionDayCancelled':
      return publish(event.type, event.data.officialId, { officialId: event.data.officialId, date: event.data.date });
    case 'ExtraReceptionHoursAdded':
      return publish(event.type, event.data.officialId, event.data);

    case 'ReceptionDayOpened': {
      const { officialId, date, slots } = event.data;
      return publish(event.type, calendarSubject(officialId, date), { officialId, date, slots });
    }
    case 'ReceptionSlotsAdded': {
      const { officialId, date } = calendarKey(recorded.streamName);
      return publish(event.type, calendarSubject(officialId, date), { officialId, date, slots: event.data.slots });
    }
    case 'SlotHeld': {
      const { officialId, date } = calendarKey(recorded.streamName);
      const { bookingId, slotStart, slotEnd, holdExpiresAt } = event.data;
      return publish(event.type, calendarSubject(officialId, date), { bookingId, officialId, date, slotStart, slotEnd, holdExpiresAt });
    }
    case 'HoldExtended': {
      const { officialId, date } = calendarKey(recorded.streamName);
      const { bookingId, slotStart, holdExpiresAt } = event.data;
      return publish(event.type, calendarSubject(officialId, date), { bookingId, officialId, date, slotStart, holdExpiresAt });
    }
    case 'SlotBooked': {
      const { officialId, date } = calendarKey(recorded.streamName);
      return publish(event.type, calendarSubject(officialId, date), { bookingId: event.data.bookingId, officialId, date, slotStart: event.data.slotStart });
    }
    case 'SlotReleased': {
      const { officialId, date } = calendarKey(recorded.streamName);
      const { bookingId, slotStart, reason } = event.data;
      return publish(event.type, calendarSubject(officialId, date), { bookingId, officialId, date, slotStart, reason });
    }
    case 'BookingMoved': {
      const { officialId, date } = calendarKey(recorded.streamName);
      const { bookingId, fromSlotStart, toSlotStart, toSlotEnd } = event.data;
      return publish(event.type, calendarSubject(officialId, date), { bookingId, officialId, date, fromSlotStart, toSlotStart, toSlotEnd });
    }
    case 'ReceptionDayClosed': {
      const { officialId, date, affectedBookings } = event.data;
      return publish(event.type, calendarSubject(officialId, date), { officialId, date, affectedBookingIds: affectedBookings.map((b) => b.bookingId) });
    }

    case 'BookingHeld':
      return publish(event.type, event.data.bookingId, { ...context(event.data), expiresAt: event.data.expiresAt });
    case 'BookingConfirmed': {
      // The join link stays inside: whoever holds it can enter a private reception.
      const { channel, language, confirmedAt } = event.data;
      return publish(event.type, event.data.bookingId, { ...context(event.data), channel, language, confirmedAt });
    }
    case 'BookingHoldExtended':
      return publish(event.type, event.data.bookingId, {
        ...context(event.data),
        expiresAt: event.data.expiresAt,
        extendedAt: event.data.extendedAt,
      });
    case 'BookingLapsed':
      return publish(event.type, event.data.bookingId, { ...context(event.data), reason: event.data.reason, lapsedAt: event.data.lapsedAt });
    case 'BookingCancelled':
      return publish(event.type, event.data.bookingId, { ...context(event.data), by: event.data.by, cancelledAt: event.data.cancelledAt });
    case 'BookingRescheduled':
      return publish(event.type, event.data.bookingId, {
        ...context(event.data),
        from: event.data.from,
        rescheduledAt: event.data.rescheduledAt,
      });
    case 'BookingMarkedNoShow':
      return publish(event.type, event.data.bookingId, { ...context(event.data), markedAt: event.data.markedAt });
    case 'RemoteReceptionStarted':
      return publish(event.type, event.data.bookingId, { ...context(event.data), startedAt: event.data.startedAt });
    case 'RemoteReceptionEnded':
      return publish(event.type, event.data.bookingId, { ...context(event.data), endedAt: event.data.endedAt });
    case 'ReceptionCompleted':
      return publish(event.type, event.data.bookingId, { ...context(event.data), outcome: event.data.outcome, completedAt: event.data.completedAt });
    case 'FollowUpRequested':
      return publish(event.type, event.data.bookingId, { ...context(event.data), outcome: event.data.outcome, requestedAt: event.data.requestedAt });
    default:
      return null;
  }
};
