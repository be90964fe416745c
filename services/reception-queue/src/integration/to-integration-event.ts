import { ContractRegistry, queue, type IntegrationEnvelope } from '@adal/contracts';
import type { RecordedEvent } from '@adal/event-store';
import { envelopeFrom } from '@adal/messaging';
import { officeDayKey, type OfficeDayEvent, type PriorityClass } from '../domain/index.js';

/** Every public contract of this service, for validation on publish and on consume. */
export const queueContracts = new ContractRegistry([...queue.queueContracts]);

/** Which priority group a walk-in claimed is health or age data: outside, only `special`. */
const publicPriority = (priority: PriorityClass): 'appointment' | 'special' | 'standard' =>
  priority === 'appointment' ? 'appointment' : priority === 'standard' ? 'standard' : 'special';

/**
 * Maps a stored event of a day's queue to its public integration event, or null when it stays
 * private (the day's setup, expected arrivals: appointments already published those facts).
 * Every event carries its office and date; the subject (Kafka key) is the day, so each office
 * day stays in order.
 */
export const toIntegrationEvent = (recorded: RecordedEvent): IntegrationEnvelope | null => {
  if (!recorded.streamName.startsWith('queueday-')) return null;
  const { officeId, date } = officeDayKey(recorded.streamName);
  const event = { type: recorded.type, data: recorded.data } as OfficeDayEvent;
  const day = { officeId, date };
  const publish = (type: string, data: unknown) =>
    envelopeFrom(recorded, {
      source: queue.QUEUE_SOURCE,
      type: `queue.${type}`,
      subject: `${officeId}:${date}`,
      dataversion: 1,
      data,
    });

  switch (event.type) {
    case 'TicketIssued': {
      const d = event.data;
      return publish('TicketIssued', {
        ...day,
        ticketId: d.ticketId,
        number: d.number,
        serviceId: d.serviceId,
        channel: d.origin,
        priority: publicPriority(d.priority),
        issuedAt: d.issuedAt,
        ...(d.bookingId ? { bookingId: d.bookingId } : {}),
        ...(d.citizenRef ? { citizenRef: d.citizenRef } : {}),
      });
    }
    case 'TicketCalled': {
      const { ticketId, number, serviceId, deskId, calledAt, waitSeconds } = event.data;
      return publish('TicketCalled', { ...day, ticketId, number, serviceId, deskId, calledAt, recall: 0, waitSeconds });
    }
    case 'TicketRecalled': {
      const { ticketId, number, serviceId, deskId, at, recall } = event.data;
      return publish('TicketCalled', { ...day, ticketId, number, serviceId, deskId, calledAt: at, recall });
    }
    case 'ServiceStarted':
      return publish('ServiceStarted', { ...day, ...event.data });
    case 'VisitServed':
      return publish('VisitServed', { ...day, ...event.data });
    case 'TicketNoShow':
      return publish('TicketNoShow', { ...day, ...event.data });
    case 'TicketTransferred': {
      const { ticketId, number, fromServiceId, toServiceId, deskId, at, serviceSeconds } = event.data;
      return publish('TicketTransferred', {
        ...day,
        ticketId,
        number,
        serviceId: toServiceId,
        fromServiceId,
        deskId,
        at,
        serviceSeconds,
      });
    }
    case 'TicketParked':
      return publish('TicketParked', { ...day, ...event.data });
    case 'DeskOpened':
      return publish('DeskStatusChanged', { ...day, deskId: event.data.deskId, status: 'open', at: event.data.at });
    case 'DeskPaused':
      return publish('DeskStatusChanged', { ...day, deskId: event.data.deskId, status: 'paused', at: event.data.at });
    case 'DeskClosed':
      return publish('DeskStatusChanged', { ...day, deskId: event.data.deskId, status: 'closed', at: event.data.at });
    case 'QueueDayClosed': {
      // The note is free text of the office: it stays inside.
      const { reason, closedAt, closedTickets } = event.data;
      return publish('QueueDayClosed', {
        ...day,
        reason,
        closedAt,
        closedTicketIds: closedTickets.map((t) => t.ticketId),
      });
    }
    default:
      return null;
  }
};
