// The application service on a real PostgreSQL event store: races on the hot day stream, with
// one process and with two "replicas" (separate caches) sharing the store.
import { AggregateCache, PostgresEventStore, uuidv7 } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { DomainError, type Instant } from '../domain/index.js';
import { ReceptionQueue } from './reception-queue.js';

const DATE = '2026-04-06';
let now: Instant = `${DATE}T10:00:00+05:00`;
const clock = { now: () => now };
const ids = { next: () => uuidv7() };

const setupBody = (desks: number) => ({
  services: [
    { serviceId: 'documents', prefix: 'A', name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' } },
    {
      serviceId: 'social',
      prefix: 'B',
      name: { kk: 'Әлеуметтік төлемдер', ru: 'Социальные выплаты', en: 'Social payments' },
    },
  ],
  desks: Array.from({ length: desks }, (_, i) => ({
    deskId: `d${i + 1}`,
    name: `${i + 1}`,
    serviceIds: ['documents', 'social'],
  })),
  hours: { open: '08:00', close: '20:00' },
});

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

describe('ReceptionQueue on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let queue: ReceptionQueue;

  beforeAll(async () => {
    database = await createTestDatabase('queue_app');
    store = await PostgresEventStore.create({ connectionString: database.url, schema: 'reception_queue' });
    queue = new ReceptionQueue(store, clock, ids);
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('configures an office and opens its day with the first ticket', async () => {
    await queue.configure('office-race', setupBody(20));
    const ticket = await queue.issueTicket('office-race', DATE, { serviceId: 'documents', channel: 'kiosk' });
    expect(ticket).toMatchObject({
      number: 'A-001',
      status: 'waiting',
      position: 1,
      estimate: { minutes: 10, low: 0, high: 15 },
    });
    expect((await queue.dayState('office-race', DATE)).status).toBe('open');
  });

  it('refuses an office nobody configured', async () => {
    await expect(
      queue.issueTicket('office-none', DATE, { serviceId: 'documents', channel: 'kiosk' }),
    ).rejects.toMatchObject({
      code: 'OFFICE_NOT_CONFIGURED',
      field: 'officeId',
    });
  });

  it('numbers 200 concurrent tickets A-001.. without a gap or a duplicate', async () => {
    await queue.configure('office-numbers', setupBody(2));
    const tickets = await Promise.all(
      Array.from({ length: 200 }, () =>
        queue.issueTicket('office-numbers', DATE, { serviceId: 'social', channel: 'web' }),
      ),
    );
    const numbers = tickets.map((t) => t.number).sort();
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => `B-${String(i + 1).padStart(3, '0')}`));
  });

  it('a double click on "call next" calls one ticket; the other clicks are refused as DESK_BUSY', async () => {
    await queue.configure('office-double', setupBody(2));
    for (let i = 0; i < 3; i++)
      await queue.issueTicket('office-double', DATE, { serviceId: 'documents', channel: 'kiosk' });
    await queue.deskAction('office-double', DATE, 'd1', 'open', undefined);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => codeOf(queue.deskAction('office-double', DATE, 'd1', 'call-next', undefined))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'DESK_BUSY')).toHaveLength(4);
    const state = await queue.dayState('office-double', DATE);
    expect(Object.values(state.tickets).filter((t) => t.status === 'called')).toHaveLength(1);
  });

  it('twenty desks calling at once on two replicas never get the same ticket', async () => {
    await queue.configure('office-desks', setupBody(20));
    // A second "replica": its own cache, the same store.
    const other = new ReceptionQueue(store, clock, ids, new AggregateCache());
    for (let i = 0; i < 30; i++)
      await queue.issueTicket('office-desks', DATE, { serviceId: i % 2 ? 'documents' : 'social', channel: 'kiosk' });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? other : queue).deskAction('office-desks', DATE, `d${i + 1}`, 'open', undefined),
      ),
    );
    const called = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? other : queue).deskAction('office-desks', DATE, `d${i + 1}`, 'call-next', undefined),
      ),
    );
    const ticketIds = called.map((d) => d.current?.ticketId);
    expect(new Set(ticketIds).size).toBe(20);
    expect(ticketIds.every(Boolean)).toBe(true);
    const state = await other.dayState('office-desks', DATE);
    const holders = Object.values(state.desks)
      .filter((d) => d.ticketId)
      .map((d) => d.ticketId);
    expect(new Set(holders).size).toBe(20);
    expect(queue.days.conflictRetries + other.days.conflictRetries).toBeGreaterThanOrEqual(0);
  });

  it('finishing a ticket another desk holds is refused; nothing changes', async () => {
    await queue.configure('office-finish', setupBody(2));
    await queue.issueTicket('office-finish', DATE, { serviceId: 'documents', channel: 'kiosk' });
    await queue.deskAction('office-finish', DATE, 'd1', 'open', undefined);
    await queue.deskAction('office-finish', DATE, 'd2', 'open', undefined);
    const d1 = await queue.deskAction('office-finish', DATE, 'd1', 'call-next', undefined);
    await queue.deskAction('office-finish', DATE, 'd1', 'start', undefined);
    const ticketId = d1.current!.ticketId;
    await expect(
      queue.deskAction('office-finish', DATE, 'd2', 'finish', { outcome: 'served', ticketId }),
    ).rejects.toMatchObject({
      code: 'TICKET_HELD_BY_OTHER_DESK',
    });
    await expect(queue.deskAction('office-finish', DATE, 'd2', 'finish', { outcome: 'served' })).rejects.toMatchObject({
      code: 'NO_CURRENT_TICKET',
    });
    expect((await queue.ticket('office-finish', DATE, ticketId)).status).toBe('serving');
    now = `${DATE}T10:07:00+05:00`;
    const finished = await queue.deskAction('office-finish', DATE, 'd1', 'finish', { outcome: 'served', ticketId });
    expect(finished.current).toBeNull();
    // The double click: the same finish again changes nothing and answers the desk.
    expect(
      await queue.deskAction('office-finish', DATE, 'd1', 'finish', { outcome: 'served', ticketId }),
    ).toMatchObject({ deskId: 'd1', current: null });
  });

  it('in optimistic mode (each command alone) the invariants hold as well, with conflicts retried', async () => {
    const optimistic = new ReceptionQueue(store, clock, ids, new AggregateCache(), { mode: 'optimistic' });
    await optimistic.configure('office-optimistic', setupBody(10));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        optimistic.issueTicket('office-optimistic', DATE, { serviceId: 'documents', channel: 'qr' }),
      ),
    );
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        optimistic.deskAction('office-optimistic', DATE, `d${i + 1}`, 'open', undefined),
      ),
    );
    const called = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        optimistic.deskAction('office-optimistic', DATE, `d${i + 1}`, 'call-next', undefined),
      ),
    );
    expect(new Set(called.map((d) => d.current?.ticketId)).size).toBe(10);
    expect(optimistic.days.conflictRetries).toBeGreaterThan(0);
  });

  it('random assignment: each call takes its draw from the random source, and the store records the draw', async () => {
    const draws = [0.99, 0.99, 0, 0.5];
    const seeded = new ReceptionQueue(store, clock, ids, new AggregateCache(), {}, { draw: () => draws.shift()! });
    await seeded.configure('office-random', { ...setupBody(3), policy: { assignment: 'random' } });
    expect((await seeded.setup('office-random')).policy.assignment).toBe('random');
    for (let i = 0; i < 5; i++)
      await seeded.issueTicket('office-random', DATE, { serviceId: 'documents', channel: 'kiosk' });
    for (const desk of ['d1', 'd2', 'd3']) await seeded.deskAction('office-random', DATE, desk, 'open', undefined);
    // The default window (3): each call draws among the three longest-waiting tickets still waiting.
    const numbers: string[] = [];
    for (const desk of ['d1', 'd2', 'd3']) {
      numbers.push((await seeded.deskAction('office-random', DATE, desk, 'call-next', undefined)).current!.number);
    }
    // 0.99 of A-001..A-003 is A-003; then of: A-004; then 0 of: A-001.
    expect(numbers).toEqual(['A-003', 'A-004', 'A-001']);
    const events = await store.readStream(`queueday-office-random:${DATE}`);
    const calls = events
      .filter((e) => e.type === 'TicketCalled')
      .map((e) => e.data as { drawnAmong?: number; randomDraw?: number });
    expect(calls.map((c) => c.drawnAmong)).toEqual([3, 3, 3]);
    // The draw is on the event: floor(randomDraw * drawnAmong) recomputes each choice.
    expect(calls.map((c) => Math.floor(c.randomDraw! * c.drawnAmong!))).toEqual([2, 2, 0]);
  });
});
