// Jest on Node 20 cannot `require` ESM: hand @nestjs/throttler (CommonJS) the ESM Nest packages
// the app uses, then load the app. Plain Node (>= 20.19) needs none of this.
import { jest } from '@jest/globals';
import * as nestCommon from '@nestjs/common';
import * as nestCore from '@nestjs/core';
jest.mock('@nestjs/common', () => nestCommon);
jest.mock('@nestjs/core', () => nestCore);

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestGateway, UpstreamStub } from './testing/harness.js';
const { call, signIn, startGateway, startUpstreamStub } = await import('./testing/harness.js');
const { decodeActor } = await import('./auth/principal.js');

/**
 * The reception queue routes of docs/api.md against every kind of caller, forwarded to
 * `RECEPTION_QUEUE_URL` (a stub here): allowed callers get the service's answer (and the service
 * the request, with the caller's identity), others 403, anonymous callers 401 on protected
 * routes, without the service seeing anything. Then validation, relayed refusals, and the hall
 * board's event stream relayed chunk by chunk.
 */
type Caller = 'anonymous' | 'citizen' | 'clerk' | 'official' | 'admin' | 'auditor';

const USER_OF: Record<Exclude<Caller, 'anonymous'>, string> = {
  citizen: 'citizen-aigerim',
  clerk: 'clerk-marat',
  official: 'akim-nurlan',
  admin: 'admin-timur',
  auditor: 'auditor-zhanna',
};
const CALLERS: Caller[] = ['anonymous', 'citizen', 'clerk', 'official', 'admin', 'auditor'];

const DAY = '/api/v1/queue/offices/office-psc/days/2026-12-01';
const TICKET = '0190d3a4-7b1c-7cc3-a000-00000000000a';
const BOOKING = '0190d3a4-7b1c-7cc3-a000-000000000001';

const SETUP = {
  services: [
    { serviceId: 'documents', prefix: 'A', name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' } },
    {
      serviceId: 'social-payments',
      prefix: 'B',
      name: { kk: 'Әлеуметтік төлемдер', ru: 'Соцвыплаты', en: 'Social payments' },
    },
  ],
  desks: [
    { deskId: 'desk-1', name: '1', serviceIds: ['documents'] },
    { deskId: 'desk-2', name: '2', serviceIds: ['documents', 'social-payments'] },
  ],
  hours: { open: '09:00', close: '18:00' },
};

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: object;
  allowed: 'anyone' | Caller[];
  status?: number;
}

const DESK_ACTIONS: RouteCase[] = [
  ...['open', 'pause', 'close', 'call-next'].map((action): RouteCase => ({
    method: 'POST',
    path: `${DAY}/desks/desk-1/${action}`,
    allowed: ['clerk'],
  })),
  // Actions on the desk's ticket name the ticket the console shows (refused when stale).
  ...['recall', 'no-show', 'start', 'park'].map((action): RouteCase => ({
    method: 'POST',
    path: `${DAY}/desks/desk-1/${action}`,
    body: { ticketId: TICKET },
    allowed: ['clerk'],
  })),
  { method: 'POST', path: `${DAY}/desks/desk-1/park`, body: { ticketId: TICKET, minutes: 10 }, allowed: ['clerk'] },
  { method: 'POST', path: `${DAY}/desks/desk-1/finish`, body: { outcome: 'served' }, allowed: ['clerk'] },
  {
    method: 'POST',
    path: `${DAY}/desks/desk-1/finish`,
    body: { ticketId: TICKET, outcome: 'consultation' },
    allowed: ['clerk'],
  },
  {
    method: 'POST',
    path: `${DAY}/desks/desk-1/transfer`,
    body: { ticketId: TICKET, serviceId: 'social-payments' },
    allowed: ['clerk'],
  },
];

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/queue/offices/office-psc/setup', allowed: 'anyone' },
  { method: 'PUT', path: '/api/v1/queue/offices/office-psc/setup', body: SETUP, allowed: ['admin'] },
  {
    method: 'POST',
    path: `${DAY}/tickets`,
    body: { serviceId: 'documents', channel: 'web' },
    allowed: 'anyone',
    status: 201,
  },
  {
    method: 'POST',
    path: `${DAY}/tickets`,
    body: { serviceId: 'documents', channel: 'kiosk', priority: 'elderly' },
    allowed: 'anyone',
    status: 201,
  },
  { method: 'POST', path: `${DAY}/check-ins`, body: { bookingId: BOOKING }, allowed: ['clerk'], status: 201 },
  {
    method: 'POST',
    path: `${DAY}/check-ins`,
    body: { bookingId: BOOKING, serviceId: 'social-payments' },
    allowed: ['clerk'],
    status: 201,
  },
  { method: 'GET', path: `${DAY}/tickets/${TICKET}`, allowed: 'anyone' },
  { method: 'GET', path: `${DAY}/board`, allowed: 'anyone' },
  { method: 'GET', path: `${DAY}/desks`, allowed: ['clerk', 'admin'] },
  { method: 'GET', path: `${DAY}/arrivals`, allowed: ['clerk', 'admin'] },
  ...DESK_ACTIONS,
  { method: 'POST', path: `${DAY}/close`, body: { reason: 'end_of_day' }, allowed: ['admin'] },
  {
    method: 'POST',
    path: `${DAY}/close`,
    body: { reason: 'Power cut in the building', kind: 'technical_failure', note: 'Generator failed too' },
    allowed: ['admin'],
  },
  { method: 'GET', path: '/api/v1/queue/offices/office-psc/stats?date=2026-12-01', allowed: 'anyone' },
];

const CASES = ROUTES.flatMap((route) => CALLERS.map((caller) => ({ route, caller })));

/** A stand-in for the service's event stream, writing events when the test says so. */
interface EventSourceStub {
  url: string;
  /** Connections the stub is holding open, in arrival order. */
  connections: Array<{ request: IncomingMessage; response: ServerResponse; closed: Promise<void> }>;
  /** Answer of the next connection instead of a stream (e.g. a 404 problem). */
  refuseNext: (answer: { status: number; contentType: string; body: string } | undefined) => void;
  waitForConnection: (count: number) => Promise<void>;
  close: () => Promise<void>;
}

const startEventSourceStub = async (): Promise<EventSourceStub> => {
  const connections: EventSourceStub['connections'] = [];
  let refusal: { status: number; contentType: string; body: string } | undefined;
  const server: Server = createServer((request, response) => {
    if (refusal) {
      response.writeHead(refusal.status, { 'content-type': refusal.contentType });
      response.end(refusal.body);
      refusal = undefined;
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    response.write(': connected\n\n');
    const closed = new Promise<void>((resolve) => response.once('close', () => resolve()));
    connections.push({ request, response, closed });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    refuseNext: (answer) => {
      refusal = answer;
    },
    waitForConnection: async (count) => {
      const deadline = Date.now() + 5_000;
      while (connections.length < count) {
        if (Date.now() > deadline) throw new Error(`the stub never got connection ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Reads an event stream until `text` has arrived (or fails after a while). */
const readUntil = async (
  reader: ReadableStreamDefaultReader<Uint8Array>,
  seen: { text: string },
  text: string,
): Promise<void> => {
  const decoder = new TextDecoder();
  const deadline = Date.now() + 5_000;
  while (!seen.text.includes(text)) {
    let timer: NodeJS.Timeout | undefined;
    const chunk = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no "${text}" in time`)), deadline - Date.now());
      }),
    ]).finally(() => clearTimeout(timer));
    if (chunk.done) throw new Error(`the stream ended before "${text}" (got ${JSON.stringify(seen.text)})`);
    seen.text += decoder.decode(chunk.value, { stream: true });
  }
};

describe('gateway reception queue routes × roles (docs/api.md)', () => {
  let upstream: UpstreamStub;
  let gateway: TestGateway;
  const tokens = new Map<Caller, string>();

  const echo = () =>
    upstream.respond((r) => ({
      status: r.method === 'POST' && /\/(tickets|check-ins)$/.test(r.path) ? 201 : 200,
      body: { upstream: 'reception-queue', method: r.method, path: r.path },
    }));

  beforeAll(async () => {
    upstream = await startUpstreamStub();
    // Appointments elsewhere: a queue route that reached the stub went to the right service.
    gateway = await startGateway({ RECEPTION_QUEUE_URL: upstream.url, APPOINTMENTS_URL: 'http://127.0.0.1:9' });
    for (const [caller, userId] of Object.entries(USER_OF) as [Caller, string][]) {
      tokens.set(caller, await signIn(gateway.base, userId));
    }
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  beforeEach(() => {
    upstream.reset();
    echo();
  });

  it.each(CASES.map((c) => [`${c.route.method} ${c.route.path.split('?')[0]} as ${c.caller}`, c] as const))(
    '%s',
    async (_name, { route, caller }) => {
      const token = caller === 'anonymous' ? undefined : tokens.get(caller);
      const result = await call(gateway.base, route.path, {
        method: route.method,
        ...(token ? { token } : {}),
        ...(route.body ? { body: route.body } : {}),
      });
      const allowed = route.allowed === 'anyone' || route.allowed.includes(caller);

      if (allowed) {
        expect(result.status).toBe(route.status ?? 200);
        expect(result.json()).toEqual({
          upstream: 'reception-queue',
          method: route.method,
          path: route.path.split('?')[0]!.replace('/api/v1/', '/v1/'),
        });
        expect(upstream.requests).toHaveLength(1);
        const received = upstream.last()!;
        expect(received.method).toBe(route.method);
        expect(received.url).toBe(route.path.replace('/api/v1/', '/v1/'));
        expect(received.body === '' ? undefined : JSON.parse(received.body)).toEqual(route.body);
        expect(received.headers['x-adal-internal-token']).toBe(gateway.config.internalToken);
        const actorHeader = received.headers['x-adal-actor'];
        if (caller === 'anonymous') {
          expect(actorHeader).toBeUndefined();
        } else {
          expect(decodeActor(String(actorHeader))).toMatchObject({ sub: USER_OF[caller] });
        }
        return;
      }

      expect(upstream.requests).toHaveLength(0);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      if (caller === 'anonymous') {
        expect(result.status).toBe(401);
        expect(result.headers.get('www-authenticate')).toMatch(/^Bearer /);
      } else {
        expect(result.status).toBe(403);
      }
      expect(result.json()).toMatchObject({ status: result.status, instance: route.path.split('?')[0] });
    },
  );

  it("forwards the clerk's office with their identity, for the service to check", async () => {
    await call(gateway.base, `${DAY}/desks/desk-1/call-next`, { method: 'POST', token: tokens.get('clerk')! });
    expect(decodeActor(String(upstream.last()!.headers['x-adal-actor']))).toMatchObject({
      sub: 'clerk-marat',
      roles: ['clerk'],
      officeId: 'office-psc',
    });
  });

  it("documents the arrivals' answer and the assignment option in OpenAPI", async () => {
    const doc = (await call(gateway.base, '/api/docs-json')).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
      components: {
        schemas: Record<string, { properties?: Record<string, Record<string, unknown>>; required?: string[] }>;
      };
    };
    const arrivals = doc.paths['/api/v1/queue/offices/{officeId}/days/{date}/arrivals']!['get']!;
    expect(arrivals.responses['200']?.content?.['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/ArrivalsResponse' },
    });
    const { schemas } = doc.components;
    expect(schemas['ArrivalsResponse']?.properties?.['arrivals']).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/ExpectedArrival' },
    });
    expect(schemas['ExpectedArrival']?.required?.sort()).toEqual([
      'bookingId',
      'officialId',
      'slotEnd',
      'slotStart',
      'status',
    ]);
    expect(schemas['ExpectedArrival']?.properties?.['status']).toMatchObject({
      enum: ['expected', 'cancelled', 'checked_in'],
    });
    expect(schemas['QueuePolicyBody']?.properties?.['assignment']).toMatchObject({ enum: ['desk-calls', 'random'] });
    expect(schemas['QueuePolicy']?.properties?.['assignment']).toMatchObject({ enum: ['desk-calls', 'random'] });
  });

  it('knows no other desk action', async () => {
    const result = await call(gateway.base, `${DAY}/desks/desk-1/teleport`, {
      method: 'POST',
      token: tokens.get('clerk')!,
    });
    expect(result.status).toBe(404);
    expect(upstream.requests).toHaveLength(0);
  });

  describe('validation (before the service sees anything)', () => {
    const invalid: [string, { method: string; path: string; body?: unknown; as?: Caller }, number, string[]][] = [
      [
        'a date that does not exist',
        { method: 'GET', path: '/api/v1/queue/offices/office-psc/days/2026-02-30/board' },
        422,
        ['date'],
      ],
      [
        'an office id with a slash-free but bad form',
        { method: 'GET', path: '/api/v1/queue/offices/-psc/setup' },
        422,
        ['officeId'],
      ],
      [
        'a ticket without a service',
        { method: 'POST', path: `${DAY}/tickets`, body: { channel: 'web' } },
        422,
        ['serviceId'],
      ],
      [
        'a ticket from an unknown channel and priority',
        { method: 'POST', path: `${DAY}/tickets`, body: { serviceId: 'documents', channel: 'fax', priority: 'vip' } },
        422,
        ['channel', 'priority'],
      ],
      [
        'a ticket with a field of the wrong JSON type',
        { method: 'POST', path: `${DAY}/tickets`, body: { serviceId: 7, channel: 'web' } },
        400,
        ['serviceId'],
      ],
      [
        'a ticket with an unknown field',
        { method: 'POST', path: `${DAY}/tickets`, body: { serviceId: 'documents', channel: 'web', name: 'Aigerim' } },
        422,
        ['name'],
      ],
      [
        'a check-in without a booking id',
        { method: 'POST', path: `${DAY}/check-ins`, body: { bookingId: 'abc' }, as: 'clerk' },
        422,
        ['bookingId'],
      ],
      [
        'a finish without an outcome',
        { method: 'POST', path: `${DAY}/desks/desk-1/finish`, body: {}, as: 'clerk' },
        422,
        ['outcome'],
      ],
      [
        'a finish with an unknown outcome',
        { method: 'POST', path: `${DAY}/desks/desk-1/finish`, body: { outcome: 'magic' }, as: 'clerk' },
        422,
        ['outcome'],
      ],
      [
        'a recall of a ticket id that cannot be one',
        { method: 'POST', path: `${DAY}/desks/desk-1/recall`, body: { ticketId: 'not a ticket' }, as: 'clerk' },
        422,
        ['ticketId'],
      ],
      [
        'a park for too long',
        { method: 'POST', path: `${DAY}/desks/desk-1/park`, body: { minutes: 600 }, as: 'clerk' },
        422,
        ['minutes'],
      ],
      [
        'a day close of an unknown kind',
        { method: 'POST', path: `${DAY}/close`, body: { reason: 'Storm', kind: 'storm' }, as: 'admin' },
        422,
        ['kind'],
      ],
      [
        'a transfer to nowhere',
        { method: 'POST', path: `${DAY}/desks/desk-1/transfer`, body: {}, as: 'clerk' },
        422,
        ['serviceId'],
      ],
      [
        'a day close without a reason',
        { method: 'POST', path: `${DAY}/close`, body: { reason: '  ' }, as: 'admin' },
        422,
        ['reason'],
      ],
      [
        'statistics of a day that does not exist',
        { method: 'GET', path: '/api/v1/queue/offices/office-psc/stats?date=2026-13-01' },
        422,
        ['date'],
      ],
      [
        'a set-up without desks and with hours the wrong way round',
        {
          method: 'PUT',
          path: '/api/v1/queue/offices/office-psc/setup',
          body: { ...SETUP, desks: [], hours: { open: '18:00', close: '09:00' } },
          as: 'admin',
        },
        422,
        ['desks'], // nested objects are checked once the top level is right
      ],
      [
        'a set-up with hours the wrong way round',
        {
          method: 'PUT',
          path: '/api/v1/queue/offices/office-psc/setup',
          body: { ...SETUP, hours: { open: '18:00', close: '09:00' } },
          as: 'admin',
        },
        422,
        ['hours.close'],
      ],
      [
        'a set-up with bad services and desks, field by field',
        {
          method: 'PUT',
          path: '/api/v1/queue/offices/office-psc/setup',
          body: {
            ...SETUP,
            services: [
              { serviceId: 'documents', prefix: 'a1', name: { kk: 'Құжаттар', ru: '', en: 'Documents' } },
              {
                serviceId: 'social payments',
                prefix: 'B',
                name: { kk: 'Төлемдер', ru: 'Выплаты', en: 'Payments', de: 'x' },
              },
            ],
            desks: [{ deskId: 'desk-1', name: '1', serviceIds: ['documents', 'no good'] }],
          },
          as: 'admin',
        },
        422,
        [
          'services[0].prefix',
          'services[0].name.ru',
          'services[1].serviceId',
          'services[1].name.de',
          'desks[0].serviceIds',
        ],
      ],
      [
        'a set-up whose lists are not lists',
        {
          method: 'PUT',
          path: '/api/v1/queue/offices/office-psc/setup',
          body: { services: { serviceId: 'documents' }, desks: ['desk-1'], hours: '09:00-18:00' },
          as: 'admin',
        },
        400,
        ['services', 'hours'],
      ],
      [
        'a set-up whose desks are not objects',
        {
          method: 'PUT',
          path: '/api/v1/queue/offices/office-psc/setup',
          body: { ...SETUP, desks: ['desk-1', { deskId: 'desk-2', name: '2', serviceIds: 'documents' }] },
          as: 'admin',
        },
        400,
        ['desks[0]', 'desks[1].serviceIds'],
      ],
    ];

    it.each(invalid)('refuses %s', async (_name, request, status, fields) => {
      const token = request.as ? tokens.get(request.as) : undefined;
      const result = await call(gateway.base, request.path, {
        method: request.method,
        ...(token ? { token } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        headers: { 'accept-language': 'en' },
      });
      expect(result.status).toBe(status);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const errors = (result.json()['errors'] as { field: string; message: string }[]) ?? [];
      expect(errors.map((e) => e.field)).toEqual(fields);
      for (const error of errors) expect(error.message).not.toMatch(/^field\./);
      expect(upstream.requests).toHaveLength(0);
    });

    it('forwards a full set-up: expected minutes, the priority policy, hours until midnight', async () => {
      const full = {
        ...SETUP,
        services: SETUP.services.map((service, i) => ({ ...service, expectedMinutes: 8 + i })),
        hours: { open: '08:00', close: '24:00' },
        policy: {
          levels: { appointment: 0, elderly: 1 },
          noShowAfterRecalls: 3,
          parkMinutes: 10,
          assignment: 'random',
        },
        appointmentServiceId: 'documents',
      };
      const result = await call(gateway.base, '/api/v1/queue/offices/office-psc/setup', {
        method: 'PUT',
        token: tokens.get('admin')!,
        body: full,
      });
      expect(result.status).toBe(200);
      expect(JSON.parse(upstream.last()!.body)).toEqual(full);
    });

    it('refuses a policy out of range and an unknown priority level, by path', async () => {
      const result = await call(gateway.base, '/api/v1/queue/offices/office-psc/setup', {
        method: 'PUT',
        token: tokens.get('admin')!,
        body: {
          ...SETUP,
          hours: { open: '08:00', close: '24:30' },
          policy: { levels: { vip: 0, standard: 12 }, parkMinutes: 0, assignment: 'lottery' },
        },
      });
      expect(result.status).toBe(422);
      expect((result.json()['errors'] as { field: string }[]).map((e) => e.field)).toEqual([
        'hours.close',
        'policy.parkMinutes',
        'policy.assignment',
        'policy.levels.standard',
        'policy.levels.vip',
      ]);
      expect(upstream.requests).toHaveLength(0);
    });

    it('forwards a valid set-up with only the declared fields, at every level', async () => {
      const result = await call(gateway.base, '/api/v1/queue/offices/office-psc/setup', {
        method: 'PUT',
        token: tokens.get('admin')!,
        body: SETUP,
      });
      expect(result.status).toBe(200);
      expect(JSON.parse(upstream.last()!.body)).toEqual(SETUP);
    });

    it("says what is wrong in the caller's language", async () => {
      const result = await call(gateway.base, '/api/v1/queue/offices/office-psc/setup', {
        method: 'PUT',
        token: tokens.get('admin')!,
        body: { ...SETUP, services: [{ ...SETUP.services[0], prefix: 'a' }] },
        headers: { 'accept-language': 'ru' },
      });
      expect(result.status).toBe(422);
      expect(result.json()['errors']).toEqual([
        {
          field: 'services[0].prefix',
          message: 'должно состоять из одной или двух заглавных латинских букв (например, A)',
        },
      ]);
    });
  });

  describe("the service's answers", () => {
    it('relays a 409 problem of a desk action unchanged', async () => {
      const problem = {
        type: 'urn:adal-office:problem:desk-closed',
        title: 'Конфликт',
        status: 409,
        detail: 'Терезе жабық: алдымен оны ашыңыз.',
        code: 'DESK_CLOSED',
      };
      upstream.respond(() => ({ status: 409, headers: { 'content-type': 'application/problem+json' }, body: problem }));
      const result = await call(gateway.base, `${DAY}/desks/desk-1/call-next`, {
        method: 'POST',
        token: tokens.get('clerk')!,
      });
      expect(result.status).toBe(409);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(result.json()).toEqual(problem);
    });

    it('answers 503 with Retry-After when the service is down', async () => {
      const down = await startGateway({ RECEPTION_QUEUE_URL: 'http://127.0.0.1:9' });
      try {
        const result = await call(down.base, `${DAY}/board`);
        expect(result.status).toBe(503);
        expect(result.headers.get('retry-after')).toBe('5');
        const stream = await call(down.base, `${DAY}/board/stream`);
        expect(stream.status).toBe(503);
      } finally {
        await down.close();
      }
    });
  });

  describe('the hall board stream (server-sent events)', () => {
    let events: EventSourceStub;
    let streaming: TestGateway;

    beforeAll(async () => {
      events = await startEventSourceStub();
      streaming = await startGateway({ RECEPTION_QUEUE_URL: events.url, UPSTREAM_TIMEOUT_MS: '500' });
    });

    afterAll(async () => {
      await streaming?.close();
      await events?.close();
    });

    it('relays each event as soon as the service writes it, and hangs up on the service when the caller leaves', async () => {
      const abort = new AbortController();
      const response = await fetch(`${streaming.base}${DAY}/board/stream`, {
        headers: { accept: 'text/event-stream', 'last-event-id': '41' },
        signal: abort.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      expect(response.headers.get('content-length')).toBeNull();

      await events.waitForConnection(1);
      const upstreamSide = events.connections[0]!;
      expect(upstreamSide.request.url).toBe('/v1/queue/offices/office-psc/days/2026-12-01/board/stream');
      expect(upstreamSide.request.headers['accept']).toBe('text/event-stream');
      expect(upstreamSide.request.headers['last-event-id']).toBe('41');
      expect(upstreamSide.request.headers['x-adal-internal-token']).toBe(streaming.config.internalToken);

      const reader = response.body!.getReader();
      const seen = { text: '' };
      await readUntil(reader, seen, ': connected');

      // One event at a time, each read before the next is written: nothing waits for the end.
      const called = { number: 'A-001', deskName: '1', calledAt: '2026-12-01T09:01:00+05:00' };
      upstreamSide.response.write(`id: 42\nevent: call\ndata: ${JSON.stringify(called)}\n\n`);
      await readUntil(reader, seen, '"A-001"');
      upstreamSide.response.write(`id: 43\nevent: board\ndata: {"calls":[],"waiting":{"documents":2}}\n\n`);
      await readUntil(reader, seen, '"documents":2');
      expect(seen.text).toContain(`id: 42\nevent: call\ndata: ${JSON.stringify(called)}\n\n`);

      // Still open after longer than UPSTREAM_TIMEOUT_MS: only the headers are timed.
      await new Promise((resolve) => setTimeout(resolve, 700));
      upstreamSide.response.write('event: board\ndata: {"calls":[],"waiting":{}}\n\n');
      await readUntil(reader, seen, '"waiting":{}');

      abort.abort();
      await upstreamSide.closed;
    });

    it("ends the caller's stream when the service ends it (EventSource then reconnects)", async () => {
      const before = events.connections.length;
      const response = await fetch(`${streaming.base}${DAY}/board/stream`);
      await events.waitForConnection(before + 1);
      const reader = response.body!.getReader();
      await readUntil(reader, { text: '' }, ': connected');
      events.connections[before]!.response.end('event: board\ndata: {}\n\n');
      for (;;) if ((await reader.read()).done) break;
    });

    it('relays a refusal of the service as it is', async () => {
      const problem = {
        type: 'about:blank',
        title: 'Табылмады',
        status: 404,
        detail: 'Бұл мекемеде электрондық кезек жоқ.',
      };
      events.refuseNext({ status: 404, contentType: 'application/problem+json', body: JSON.stringify(problem) });
      const result = await call(streaming.base, `${DAY}/board/stream`);
      expect(result.status).toBe(404);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(result.json()).toEqual(problem);
    });

    it('validates the path like any route', async () => {
      const result = await call(streaming.base, '/api/v1/queue/offices/office-psc/days/tomorrow/board/stream');
      expect(result.status).toBe(422);
    });

    it('lets the gateway shut down while streams are open', async () => {
      const own = await startGateway({ RECEPTION_QUEUE_URL: events.url });
      const before = events.connections.length;
      const response = await fetch(`${own.base}${DAY}/board/stream`);
      await events.waitForConnection(before + 1);
      const reader = response.body!.getReader();
      await readUntil(reader, { text: '' }, ': connected');
      const started = Date.now();
      await own.close();
      expect(Date.now() - started).toBeLessThan(3_000);
      await events.connections[before]!.closed;
      await reader.cancel().catch(() => undefined);
    });
  });
});
