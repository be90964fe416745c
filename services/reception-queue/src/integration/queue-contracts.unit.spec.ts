import { ContractRegistry, queue, type IntegrationEnvelope } from '@adal/contracts';
const { QUEUE_SOURCE, queueContracts } = queue;

const registry = new ContractRegistry([...queueContracts]);
const envelope = (type: string, data: unknown): IntegrationEnvelope => ({
  specversion: '1.0',
  id: '0190a8e0-7c1b-7000-8000-000000000001',
  source: QUEUE_SOURCE,
  type,
  subject: 'office-psc:2026-04-06',
  time: '2026-04-06T10:00:00+05:00',
  datacontenttype: 'application/json',
  dataversion: 1,
  data,
});
const ticket = { officeId: 'office-psc', date: '2026-04-06', ticketId: 't-1', number: 'A-007', serviceId: 'documents' };

describe('queue contracts', () => {
  it('publishes a served visit with wait and service durations', () => {
    expect(() =>
      registry.assertPublishable(
        envelope('queue.VisitServed', {
          ...ticket,
          deskId: 'd1',
          outcome: 'served',
          issuedAt: '2026-04-06T09:30:00+05:00',
          calledAt: '2026-04-06T10:00:00+05:00',
          startedAt: '2026-04-06T10:01:00+05:00',
          finishedAt: '2026-04-06T10:11:00+05:00',
          waitSeconds: 1800,
          serviceSeconds: 600,
          citizenRef: 'opaque-ref',
        }),
      ),
    ).not.toThrow();
  });

  it('refuses a priority group in clear (health or age data) and a malformed ticket number', () => {
    const issued = { ...ticket, channel: 'kiosk', issuedAt: '2026-04-06T09:30:00+05:00' };
    expect(() =>
      registry.assertPublishable(envelope('queue.TicketIssued', { ...issued, priority: 'pregnant' })),
    ).toThrow(/data\.priority/);
    expect(() =>
      registry.assertPublishable(envelope('queue.TicketIssued', { ...issued, priority: 'special', number: '7' })),
    ).toThrow(/data\.number/);
    expect(() =>
      registry.assertPublishable(envelope('queue.TicketIssued', { ...issued, priority: 'special' })),
    ).not.toThrow();
  });

  it('decodes a day close for consumers', () => {
    const decoded = registry.decode(
      envelope('queue.QueueDayClosed', {
        officeId: 'office-psc',
        date: '2026-04-06',
        reason: 'end_of_day',
        closedAt: '2026-04-06T18:00:00+05:00',
        closedTicketIds: ['t-1'],
      }),
    );
    expect(decoded.ok).toBe(true);
  });
});
