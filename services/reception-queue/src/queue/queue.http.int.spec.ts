// The service's HTTP API in process, on real PostgreSQL and real Kafka: bad input answers a clear
// 4xx naming the field (never a 500), races over HTTP never serve a ticket twice, the board streams
// calls, the read model follows through Kafka, and a confirmed in-person booking published on the
// appointments topic becomes an expected arrival that checks in at the front of the queue.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { appointments, type IntegrationEnvelope } from '@adal/contracts';
import { uuidv7 } from '@adal/event-store';
import { KafkaMessageBus } from '@adal/messaging';
import { createServiceApp } from '@adal/service-kit';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { instantFromEpochMs, localDateOf, localTimeOf, minutesOfDay, timeOfDay } from '../domain/index.js';

const TOKEN = 'queue-http-test-token';
const run = randomUUID().slice(0, 8);
const ENV = {
  INTERNAL_TOKEN: TOKEN,
  QUEUE_EVENTS_TOPIC: `qhttp${run}.queue.events`,
  APPOINTMENTS_EVENTS_TOPIC: `qhttp${run}.appointments.events`,
  RECEPTION_QUEUE_READ_MODEL_GROUP: `qhttp${run}-read-models`,
  RECEPTION_QUEUE_APPOINTMENTS_GROUP: `qhttp${run}-appointments`,
  QUEUE_BOARD_POLL_MS: '200',
  SEED_DEMO_DATA: 'false',
  LOG_LEVEL: 'error',
};

const actor = (claims: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ lang: 'en', ...claims })).toString('base64url');
const CLERK = actor({ sub: 'clerk-1', roles: ['clerk'], officeId: 'office-http' });
const OTHER_CLERK = actor({ sub: 'clerk-2', roles: ['clerk'], officeId: 'office-elsewhere' });
const ADMIN = actor({ sub: 'admin-1', roles: ['admin'] });
const CITIZEN = actor({ sub: 'citizen-1', roles: ['citizen'], citizenRef: 'ref-1' });

interface Answer {
  status: number;
  json: Record<string, unknown> & {
    errors?: Array<{ field: string }>;
    code?: string;
    current?: { ticketId: string; number: string } | null;
  };
}

let app: INestApplication;
let base: string;
let database: TestDatabase;
let bus: KafkaMessageBus;
const saved: Record<string, string | undefined> = {};
const today = () => localDateOf(instantFromEpochMs(Date.now()));

const call = async (
  method: string,
  path: string,
  options: { as?: string; body?: unknown; token?: string | null; raw?: string } = {},
): Promise<Answer> => {
  const headers: Record<string, string> = {};
  if (options.token !== null) headers['x-adal-internal-token'] = options.token ?? TOKEN;
  if (options.as) headers['x-adal-actor'] = options.as;
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/v1/queue${path}`, {
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Answer['json']) : {} };
};

const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const setup = (officeDesks = 20) => ({
  services: [
    { serviceId: 'documents', prefix: 'A', name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' } },
    {
      serviceId: 'social',
      prefix: 'B',
      name: { kk: 'Әлеуметтік төлемдер', ru: 'Социальные выплаты', en: 'Social payments' },
    },
  ],
  desks: Array.from({ length: officeDesks }, (_, i) => ({
    deskId: `desk-${i + 1}`,
    name: `${i + 1}`,
    serviceIds: ['documents', 'social'],
  })),
  hours: { open: '00:00', close: '24:00' },
});

const day = (officeId = 'office-http') => `/offices/${officeId}/days/${today()}`;
const issue = (officeId = 'office-http', body: unknown = { serviceId: 'documents', channel: 'kiosk' }) =>
  call('POST', `${day(officeId)}/tickets`, { body });
const desk = (deskId: string, action: string, body?: unknown, officeId = 'office-http', as = CLERK) =>
  call('POST', `${day(officeId)}/desks/${deskId}/${action}`, { as, ...(body !== undefined ? { body } : {}) });

beforeAll(async () => {
  database = await createTestDatabase('queue_http');
  for (const [key, value] of Object.entries({ ...ENV, DATABASE_URL: database.url })) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  const step = (what: string) => process.env['QHTTP_DEBUG'] && console.log(`[qhttp] ${what}`);
  step('import');
  const { AppModule } = await import('../app.module.js');
  step('create');
  app = await createServiceApp({ name: 'reception-queue', module: AppModule });
  step('listen');
  await app.listen(0, '127.0.0.1');
  step('listening');
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  bus = new KafkaMessageBus({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: `qhttp-test-${run}` });
  expect((await call('PUT', '/offices/office-http/setup', { as: ADMIN, body: setup() })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await bus?.close();
  await app?.close();
  await database?.drop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('who may call', () => {
  it('answers only the gateway (the internal token)', async () => {
    expect((await call('GET', '/offices/office-http/setup', { token: null })).status).toBe(401);
    expect((await call('GET', '/offices/office-http/setup', { token: 'wrong' })).status).toBe(401);
    expect((await call('GET', '/offices/office-http/setup')).status).toBe(200);
  });

  it('lets only admins set up an office, and clerks work only at their own office', async () => {
    expect((await call('PUT', '/offices/office-http/setup', { body: setup() })).status).toBe(401);
    expect((await call('PUT', '/offices/office-http/setup', { as: CLERK, body: setup() })).status).toBe(403);
    expect((await desk('desk-1', 'open', undefined, 'office-http', OTHER_CLERK)).status).toBe(403);
    expect((await desk('desk-1', 'open', undefined, 'office-http', CITIZEN)).status).toBe(403);
    expect((await call('POST', `${day()}/desks/desk-1/open`)).status).toBe(401);
  });
});

describe('bad input: a clear 4xx naming the field, never a 500', () => {
  const cases: Array<[string, () => Promise<Answer>, number, string | undefined]> = [
    ['a ticket without a service', () => issue('office-http', { channel: 'kiosk' }), 422, 'serviceId'],
    [
      'a ticket for a service the office lacks',
      () => issue('office-http', { serviceId: 'passports', channel: 'kiosk' }),
      422,
      'serviceId',
    ],
    [
      'a ticket from an unknown channel',
      () => issue('office-http', { serviceId: 'documents', channel: 'fax' }),
      422,
      'channel',
    ],
    [
      'a ticket claiming an unknown priority',
      () => issue('office-http', { serviceId: 'documents', channel: 'web', priority: 'vip' }),
      422,
      'priority',
    ],
    [
      'a ticket claiming appointment priority',
      () => issue('office-http', { serviceId: 'documents', channel: 'web', priority: 'appointment' }),
      422,
      'priority',
    ],
    ['a JSON array instead of an object', () => issue('office-http', []), 422, 'serviceId'],
    // Express's JSON parser is strict: a bare JSON string is malformed input.
    ['a JSON string instead of an object', () => issue('office-http', 'documents'), 400, undefined],
    ['a number as the service', () => issue('office-http', { serviceId: 42, channel: 'kiosk' }), 422, 'serviceId'],
    [
      'an impossible date',
      () =>
        call('POST', '/offices/office-http/days/2026-02-30/tickets', {
          body: { serviceId: 'documents', channel: 'kiosk' },
        }),
      422,
      'date',
    ],
    [
      'a day that is not today',
      () =>
        call('POST', '/offices/office-http/days/2020-01-06/tickets', {
          body: { serviceId: 'documents', channel: 'kiosk' },
        }),
      422,
      'date',
    ],
    [
      'an office id that cannot be one',
      () =>
        call('POST', `/offices/office%3Abad/days/${today()}/tickets`, {
          body: { serviceId: 'documents', channel: 'kiosk' },
        }),
      422,
      'officeId',
    ],
    ['an office without a queue', () => issue('office-nowhere'), 404, 'officeId'],
    ['an unknown ticket', () => call('GET', `${day()}/tickets/${uuidv7()}`), 404, 'ticketId'],
    ['an unknown desk', () => desk('desk-99', 'open'), 404, 'deskId'],
    ['an unknown desk action', () => desk('desk-1', 'dance'), 404, 'action'],
    ['a finish without an outcome', () => desk('desk-1', 'finish', {}), 422, 'outcome'],
    ['a finish with an unknown outcome', () => desk('desk-1', 'finish', { outcome: 'great' }), 422, 'outcome'],
    [
      'a transfer to an unknown service',
      () => desk('desk-1', 'transfer', { serviceId: 'passports' }),
      422,
      'serviceId',
    ],
    ['a park for words of minutes', () => desk('desk-1', 'park', { minutes: 'ten' }), 422, 'minutes'],
    [
      'a check-in without a booking',
      () => call('POST', `${day()}/check-ins`, { as: CLERK, body: {} }),
      422,
      'bookingId',
    ],
    [
      'a check-in of a booking nobody expects',
      () => call('POST', `${day()}/check-ins`, { as: CLERK, body: { bookingId: uuidv7() } }),
      404,
      'bookingId',
    ],
    [
      'a day close without a reason',
      () => call('POST', '/offices/office-http/days/2020-01-06/close', { as: ADMIN, body: {} }),
      422,
      'reason',
    ],
    ['statistics of a date that is none', () => call('GET', '/offices/office-http/stats?date=yesterday'), 422, 'date'],
    [
      'a setup whose desk serves an unknown service',
      () =>
        call('PUT', '/offices/office-http/setup', {
          as: ADMIN,
          body: { ...setup(1), desks: [{ deskId: 'd1', name: '1', serviceIds: ['nope'] }] },
        }),
      422,
      'desks[0].serviceIds[0]',
    ],
    [
      'a setup with two services on one prefix',
      () =>
        call('PUT', '/offices/office-x/setup', {
          as: ADMIN,
          body: { ...setup(1), services: [setup().services[0], { ...setup().services[1], prefix: 'A' }] },
        }),
      422,
      'services[1].prefix',
    ],
    [
      'a setup closing before it opens',
      () =>
        call('PUT', '/offices/office-x/setup', {
          as: ADMIN,
          body: { ...setup(1), hours: { open: '18:00', close: '09:00' } },
        }),
      422,
      'hours.close',
    ],
    ['a setup without a body', () => call('PUT', '/offices/office-x/setup', { as: ADMIN }), 422, 'services'],
  ];

  it.each(cases)('%s', async (_what, request, status, fieldName) => {
    const { status: got, json } = await request();
    expect({ got, field: json.errors?.[0]?.field }).toEqual({ got: status, field: fieldName });
    expect(json['detail']).toEqual(expect.any(String));
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const { status, json } = await call('POST', `${day()}/tickets`, { raw: '{"serviceId": ' });
    expect(status).toBe(400);
    expect(json['type']).toBe('about:blank');
  });

  it('writes problems in the caller language', async () => {
    const { json } = await call('POST', `${day()}/desks/desk-99/open`, {
      as: actor({ sub: 'c', roles: ['clerk'], officeId: 'office-http', lang: 'kk' }),
    });
    expect(json['detail']).toBe('Бұл кеңседе мұндай терезе жоқ.');
  });
});

describe('races over HTTP', () => {
  it('a double click on "call next": one call, the other clicks 409 DESK_BUSY, never the same ticket twice', async () => {
    await call('PUT', '/offices/office-double/setup', { as: ADMIN, body: setup(2) });
    const clerk = actor({ sub: 'c', roles: ['clerk'] });
    for (let i = 0; i < 3; i++) expect((await issue('office-double')).status).toBe(201);
    expect((await desk('desk-1', 'open', undefined, 'office-double', clerk)).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => desk('desk-1', 'call-next', undefined, 'office-double', clerk)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.code === 'DESK_BUSY')).toBe(true);
    const board = await call('GET', `${day('office-double')}/board`);
    expect(board.json['waiting']).toEqual({ documents: 2, social: 0 });
  });

  it('twenty desks calling at once get twenty different tickets', async () => {
    await call('PUT', '/offices/office-twenty/setup', { as: ADMIN, body: setup(20) });
    const clerk = actor({ sub: 'c', roles: ['clerk'] });
    await Promise.all(Array.from({ length: 25 }, () => issue('office-twenty')));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => desk(`desk-${i + 1}`, 'open', undefined, 'office-twenty', clerk)),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => desk(`desk-${i + 1}`, 'call-next', undefined, 'office-twenty', clerk)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.json.current?.ticketId)).size).toBe(20);
  });

  it('finishing a ticket another desk holds answers 409; calling on a closed desk 409 too', async () => {
    const ticket = (await issue()).json;
    expect((await desk('desk-1', 'call-next')).status).toBe(409); // closed desk
    expect((await desk('desk-1', 'call-next')).json.code).toBe('DESK_CLOSED');
    await desk('desk-1', 'open');
    await desk('desk-2', 'open');
    const called = await desk('desk-1', 'call-next');
    expect(called.json.current?.ticketId).toBe(ticket['ticketId']);
    await desk('desk-1', 'start');
    const stolen = await desk('desk-2', 'finish', { outcome: 'served', ticketId: ticket['ticketId'] });
    expect(stolen.status).toBe(409);
    expect(stolen.json.code).toBe('TICKET_HELD_BY_OTHER_DESK');
    expect((await desk('desk-2', 'finish', { outcome: 'served' })).json.code).toBe('NO_CURRENT_TICKET');
    // Two finishes at once from the desk that holds it: one visit served, once.
    const [a, b] = await Promise.all([
      desk('desk-1', 'finish', { outcome: 'served', ticketId: ticket['ticketId'] }),
      desk('desk-1', 'finish', { outcome: 'served', ticketId: ticket['ticketId'] }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const seen = await call('GET', `${day()}/tickets/${ticket['ticketId'] as string}`);
    expect(seen.json).toMatchObject({ status: 'served', number: ticket['number'] });
  });
});

describe('random assignment of tickets to desks (anti-corruption)', () => {
  it('an admin turns it on in the set-up; an unknown assignment is refused naming the field', async () => {
    const refused = await call('PUT', '/offices/office-random/setup', {
      as: ADMIN,
      body: { ...setup(3), policy: { assignment: 'lottery' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors?.[0]?.field).toBe('policy.assignment');
    const put = await call('PUT', '/offices/office-random/setup', {
      as: ADMIN,
      body: { ...setup(3), policy: { assignment: 'random' } },
    });
    expect(put.status).toBe(200);
    expect(put.json['policy']).toMatchObject({ assignment: 'random', noShowAfterRecalls: 2 });
    const read = await call('GET', '/offices/office-random/setup');
    expect(read.json['policy']).toMatchObject({ assignment: 'random' });
    // Offices that say nothing keep the desks calling in order.
    expect((await call('GET', '/offices/office-http/setup')).json['policy']).toMatchObject({
      assignment: 'desk-calls',
    });
  });

  it('"call next" draws among the longest-waiting tickets, one per open desk, and still serves priority first', async () => {
    const clerk = actor({ sub: 'c', roles: ['clerk'] });
    const act = (deskId: string, action: string, body?: unknown) => desk(deskId, action, body, 'office-random', clerk);
    const waiting: string[] = [];
    for (let i = 0; i < 12; i++) waiting.push((await issue('office-random')).json['number'] as string);
    expect(waiting[0]).toBe('A-001');
    for (const id of ['desk-1', 'desk-2', 'desk-3']) expect((await act(id, 'open')).status).toBe(200);

    // Desk 1 calls and serves twelve times; desks 2 and 3 stay open and free, so each draw is
    // among the three longest-waiting tickets (fewer at the end).
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      const called = await act('desk-1', 'call-next');
      expect(called.status).toBe(200);
      const number = called.json.current!.number;
      const window = waiting.slice(0, 3);
      expect(window).toContain(number);
      waiting.splice(waiting.indexOf(number), 1);
      order.push(number);
      expect((await act('desk-1', 'start')).status).toBe(200);
      expect((await act('desk-1', 'finish', { outcome: 'served' })).status).toBe(200);
    }
    expect([...order].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`));
    // Drawn, not in arrival order: twelve calls all in order would happen about once in 100 000 runs.
    expect(order).not.toEqual([...order].sort());

    // Priority first: an elderly citizen who came after two others is called before the draw.
    await issue('office-random');
    await issue('office-random');
    const elderly = await issue('office-random', { serviceId: 'documents', channel: 'kiosk', priority: 'elderly' });
    const next = await act('desk-2', 'call-next');
    expect(next.json.current).toMatchObject({ number: elderly.json['number'], priority: 'elderly' });
  });
});

describe('day close', () => {
  it('closes every ticket still open with the reason; the day then refuses work with 409', async () => {
    await call('PUT', '/offices/office-close/setup', { as: ADMIN, body: setup(2) });
    const clerk = actor({ sub: 'c', roles: ['clerk'] });
    await issue('office-close');
    await issue('office-close');
    await desk('desk-1', 'open', undefined, 'office-close', clerk);
    await desk('desk-1', 'call-next', undefined, 'office-close', clerk);
    expect(
      (await call('POST', `${day('office-close')}/close`, { as: clerk, body: { reason: 'end_of_day' } })).status,
    ).toBe(403);
    const closed = await call('POST', `${day('office-close')}/close`, {
      as: ADMIN,
      body: { reason: 'Кеңсе 18:00-де жабылды' },
    });
    expect(closed).toMatchObject({
      status: 200,
      json: { officeId: 'office-close', date: today(), reason: 'other', closedTickets: 2 },
    });
    const again = await call('POST', `${day('office-close')}/close`, { as: ADMIN, body: { reason: 'end_of_day' } });
    expect(again).toMatchObject({ status: 200, json: { closedTickets: 0 } });
    expect((await issue('office-close')).json.code).toBe('DAY_CLOSED');
    expect((await desk('desk-1', 'call-next', undefined, 'office-close', clerk)).status).toBe(409);
    const desks = await call('GET', `${day('office-close')}/desks`, { as: clerk });
    expect(
      (desks.json['desks'] as Array<{ status: string; current: unknown }>).every(
        (d) => d.status === 'closed' && d.current === null,
      ),
    ).toBe(true);
  });
});

describe('the board, the read model and appointments', () => {
  it('streams calls and the board to the hall screen', async () => {
    await call('PUT', '/offices/office-board/setup', { as: ADMIN, body: setup(2) });
    const clerk = actor({ sub: 'c', roles: ['clerk'] });
    await issue('office-board');
    await desk('desk-2', 'open', undefined, 'office-board', clerk);
    const controller = new AbortController();
    const response = await fetch(`${base}/v1/queue${day('office-board')}/board/stream`, {
      headers: { 'x-adal-internal-token': TOKEN },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += Buffer.from(value).toString('utf8');
      }
    };
    await readUntil(/event: board\ndata: \{"calls":\[\]/);
    await desk('desk-2', 'call-next', undefined, 'office-board', clerk);
    await readUntil(/event: call\ndata: \{"number":"A-001","deskId":"desk-2","deskName":"2"/);
    await readUntil(/event: board\ndata: \{"calls":\[\{"number":"A-001"/);
    controller.abort();
  });

  it('the read model follows through Kafka: daily statistics per service', async () => {
    const stats = await eventually('a served visit in the statistics', async () => {
      const { json } = await call('GET', '/offices/office-http/stats');
      const documents = (json['services'] as Array<Record<string, unknown>>).find(
        (s) => s['serviceId'] === 'documents',
      );
      return documents && documents['serviceMedianMin'] !== null ? json : undefined;
    });
    expect(stats).toMatchObject({ officeId: 'office-http', date: today() });
    const documents = (stats['services'] as Array<Record<string, unknown>>)[0]!;
    expect(documents).toMatchObject({ serviceId: 'documents', noShows: 0 });
    expect(documents['tickets']).toBeGreaterThanOrEqual(1);
    expect(documents['waitMedianMin']).toEqual(expect.any(Number));
  });

  it('a confirmed in-person booking (appointments.events) checks in at the front of the queue', async () => {
    await call('PUT', '/offices/office-appt/setup', { as: ADMIN, body: setup(2) });
    const clerk = actor({ sub: 'c', roles: ['clerk'], officeId: 'office-appt' });
    await issue('office-appt');
    await issue('office-appt');
    const bookingId = uuidv7();
    // Check-in is open from 60 minutes before the slot until its end: a slot around now.
    const minute = minutesOfDay(localTimeOf(instantFromEpochMs(Date.now())));
    const slotStart = timeOfDay(Math.max(0, minute - 5));
    const slotEnd = timeOfDay(Math.min(24 * 60 - 1, minute + 15));
    const context = {
      bookingId,
      citizenRef: 'Qm9va2luZ0NpdGl6ZW5SZWYtMDAwMDAx',
      officialId: 'official-psc-head',
      officeId: 'office-appt',
      date: today(),
      slotStart,
      slotEnd,
      startsAt: `${today()}T${slotStart}:00+05:00`,
      endsAt: `${today()}T${slotEnd}:00+05:00`,
      mode: 'in_person' as const,
    };
    const envelope = (type: string, data: unknown): IntegrationEnvelope => ({
      specversion: '1.0',
      id: uuidv7(),
      source: appointments.APPOINTMENTS_SOURCE,
      type,
      subject: bookingId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      dataversion: 1,
      data,
    });
    const confirmed = envelope('appointments.BookingConfirmed', {
      ...context,
      channel: 'in_person',
      language: 'kk',
      confirmedAt: new Date().toISOString(),
    });
    // Published twice: a redelivery changes nothing.
    await bus.publish(ENV.APPOINTMENTS_EVENTS_TOPIC, [confirmed, confirmed]);
    await eventually('the expected arrival', async () => {
      const { json } = await call('GET', `${day('office-appt')}/arrivals`, { as: clerk });
      return (json['arrivals'] as unknown[] | undefined)?.length === 1 ? true : undefined;
    });
    const checkedIn = await call('POST', `${day('office-appt')}/check-ins`, { as: clerk, body: { bookingId } });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.json).toMatchObject({ number: 'A-003', priority: 'appointment', position: 1, bookingId });
    // Checking in again gives the same ticket.
    expect(
      (await call('POST', `${day('office-appt')}/check-ins`, { as: clerk, body: { bookingId } })).json['ticketId'],
    ).toBe(checkedIn.json['ticketId']);
    await desk('desk-1', 'open', undefined, 'office-appt', clerk);
    expect((await desk('desk-1', 'call-next', undefined, 'office-appt', clerk)).json.current?.number).toBe('A-003');

    // A cancelled booking is no longer expected.
    const other = uuidv7();
    await bus.publish(ENV.APPOINTMENTS_EVENTS_TOPIC, [
      envelope('appointments.BookingConfirmed', {
        ...context,
        bookingId: other,
        channel: 'in_person',
        language: 'ru',
        confirmedAt: new Date().toISOString(),
      }),
      envelope('appointments.BookingCancelled', {
        ...context,
        bookingId: other,
        by: 'citizen',
        cancelledAt: new Date().toISOString(),
      }),
    ]);
    await eventually('the cancelled arrival', async () => {
      const { json } = await call('GET', `${day('office-appt')}/arrivals`, { as: clerk });
      const arrival = (json['arrivals'] as Array<{ bookingId: string; status: string }>).find(
        (a) => a.bookingId === other,
      );
      return arrival?.status === 'cancelled' ? true : undefined;
    });
    const refused = await call('POST', `${day('office-appt')}/check-ins`, { as: clerk, body: { bookingId: other } });
    expect(refused).toMatchObject({ status: 409, json: { code: 'ARRIVAL_CANCELLED' } });
  });
});
