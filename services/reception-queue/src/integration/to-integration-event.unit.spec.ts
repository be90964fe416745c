import type { RecordedEvent } from '@adal/event-store';
import { at, called, issued } from '../domain/testing/fixtures.js';
import type { OfficeDayEvent } from '../domain/index.js';
import { queueContracts, toIntegrationEvent } from './to-integration-event.js';

const recorded = (event: OfficeDayEvent, streamName = 'queueday-office-psc:2026-04-06'): RecordedEvent => ({
  id: '0190a8e0-7c1b-7000-8000-000000000001',
  type: event.type,
  data: event.data,
  metadata: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  streamName,
  revision: 3n,
  globalPosition: 10n,
  recordedAt: '2026-04-06T05:00:00.000Z',
});

describe('queue integration events', () => {
  it('publishes a check-in ticket with the opaque citizen ref, keyed by the office day', () => {
    const envelope = toIntegrationEvent(
      recorded(
        issued('t-1', 'documents', 7, 9, {
          origin: 'check_in',
          priority: 'appointment',
          bookingId: 'bk-1',
          citizenRef: 'ref-1',
        }),
      ),
    )!;
    expect(envelope).toMatchObject({
      type: 'queue.TicketIssued',
      subject: 'office-psc:2026-04-06',
      source: '/adal-office/reception-queue',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      data: {
        officeId: 'office-psc',
        date: '2026-04-06',
        number: 'A-007',
        channel: 'check_in',
        priority: 'appointment',
        citizenRef: 'ref-1',
      },
    });
    expect(() => queueContracts.assertPublishable(envelope)).not.toThrow();
  });

  it('never publishes which priority group a walk-in claimed', () => {
    const envelope = toIntegrationEvent(recorded(issued('t-2', 'documents', 1, 1, { priority: 'pregnant' })))!;
    expect(envelope.data).toMatchObject({ priority: 'special' });
    expect(JSON.stringify(envelope)).not.toContain('pregnant');
  });

  it('publishes calls and recalls as TicketCalled with the recall count', () => {
    const call = toIntegrationEvent(recorded(called('t-1', 'A-001', 'documents', 'd1')))!;
    expect(call).toMatchObject({ type: 'queue.TicketCalled', data: { recall: 0, waitSeconds: 1800 } });
    const recall = toIntegrationEvent(
      recorded({
        type: 'TicketRecalled',
        data: { ticketId: 't-1', number: 'A-001', serviceId: 'documents', deskId: 'd1', recall: 2, at: at('10:03') },
      }),
    )!;
    expect(recall).toMatchObject({ type: 'queue.TicketCalled', data: { recall: 2, calledAt: at('10:03') } });
    for (const e of [call, recall]) expect(() => queueContracts.assertPublishable(e)).not.toThrow();
  });

  it('keeps the random draw inside: a drawn call publishes the same contract as any call', () => {
    const base = called('t-1', 'A-001', 'documents', 'd1');
    const drawnCall = toIntegrationEvent(
      recorded({ ...base, data: { ...(base.data as object), drawnAmong: 3, randomDraw: 0.42 } } as typeof base),
    )!;
    expect(drawnCall.data).toEqual(toIntegrationEvent(recorded(base))!.data);
    expect(drawnCall.data).not.toHaveProperty('randomDraw');
    expect(() => queueContracts.assertPublishable(drawnCall)).not.toThrow();
  });

  it('keeps the day-close note and expected arrivals inside', () => {
    const closed = toIntegrationEvent(
      recorded({
        type: 'QueueDayClosed',
        data: {
          officeId: 'office-psc',
          date: '2026-04-06',
          reason: 'emergency',
          note: 'Су құбыры жарылды',
          closedAt: at('12:00'),
          closedTickets: [{ ticketId: 't-1', number: 'A-001', serviceId: 'documents', status: 'waiting' }],
        },
      }),
    )!;
    expect(closed.data).toEqual({
      officeId: 'office-psc',
      date: '2026-04-06',
      reason: 'emergency',
      closedAt: at('12:00'),
      closedTicketIds: ['t-1'],
    });
    expect(
      toIntegrationEvent(
        recorded({
          type: 'ArrivalExpected',
          data: {
            bookingId: 'b',
            citizenRef: 'r',
            officialId: 'o',
            slotStart: '10:00',
            slotEnd: '10:15',
            sourceId: 's',
          },
        }),
      ),
    ).toBeNull();
    expect(
      toIntegrationEvent(
        recorded({ type: 'DeskOpened', data: { deskId: 'd1', at: at('09:00') } }, 'office-office-psc'),
      ),
    ).toBeNull();
  });
});
