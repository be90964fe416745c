// Jest on Node 20 cannot `require` ESM: hand @nestjs/throttler (CommonJS) the ESM Nest packages
// the app uses, then load the app. Plain Node (>= 20.19) needs none of this.
import { jest } from '@jest/globals';
import * as nestCommon from '@nestjs/common';
import * as nestCore from '@nestjs/core';
jest.mock('@nestjs/common', () => nestCommon);
jest.mock('@nestjs/core', () => nestCore);

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestGateway, UpstreamStub } from './testing/harness.js';
const { call, signIn, startGateway, startUpstreamStub } = await import('./testing/harness.js');
const { rendezvousOrder } = await import('./proxy/replica-routing.js');

/**
 * Office-affine routing (docs/architecture.md, "One replica per office"): the gateway, given two
 * reception-queue replicas in `RECEPTION_QUEUE_URL`, sends every request of an office to the
 * same replica (its rendezvous owner), spreads the offices over both, fails over to the other
 * replica when the owner refuses connections, and never resends a request the owner may have
 * seen. Services without an affinity go round-robin over their replicas.
 */
const OFFICES = Array.from({ length: 16 }, (_, i) => `office-${String(i + 1).padStart(2, '0')}`);
const DATE = '2026-12-01';
const dayOf = (office: string): string => `/api/v1/queue/offices/${office}/days/${DATE}`;

/** Every kind of request of one office: reads, the hall board's stream, commands with and without sign-in. */
const requestsOf = (office: string, clerkToken: string) => [
  { path: `/api/v1/queue/offices/${office}/setup` },
  { path: `${dayOf(office)}/board` },
  { path: `${dayOf(office)}/board/stream`, headers: { accept: 'text/event-stream' } },
  { path: `${dayOf(office)}/tickets`, method: 'POST', body: { serviceId: 'documents', channel: 'kiosk' } },
  { path: `${dayOf(office)}/desks/desk-1/call-next`, method: 'POST', token: clerkToken },
  { path: `/api/v1/queue/offices/${office}/stats`, query: `?date=${DATE}` },
];

/** The offices each stub saw (from the paths it received). */
const officesSeenBy = (stub: UpstreamStub): Set<string> =>
  new Set(stub.requests.map((request) => /^\/v1\/queue\/offices\/([^/]+)/.exec(request.path)?.[1] ?? '(none)'));

/** A replica that takes the connection and the request, then drops the connection unanswered. */
const startDroppingServer = async (): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> => {
  const seen: string[] = [];
  const server: Server = createServer((req) => {
    seen.push(`${req.method} ${req.url}`);
    req.socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

describe('gateway: one reception-queue replica per office', () => {
  let a: UpstreamStub;
  let b: UpstreamStub;
  let gateway: TestGateway;
  let clerk: string;
  let replicas: readonly string[];
  let replicaOf: Map<string, UpstreamStub>;
  let stubOf: (url: string) => UpstreamStub;

  beforeAll(async () => {
    a = await startUpstreamStub();
    b = await startUpstreamStub();
    for (const [stub, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      stub.respond((request) =>
        request.path.endsWith('/tickets') || request.path.endsWith('/call-next')
          ? { status: 201, body: { replica: name } }
          : { status: 200, body: { replica: name } },
      );
    }
    gateway = await startGateway({
      RECEPTION_QUEUE_URL: `${a.url}, ${b.url}`,
      // Another service listed twice: round-robin (no affinity), same stubs.
      APPOINTMENTS_URL: `${a.url},${b.url}`,
    });
    clerk = await signIn(gateway.base, 'clerk-marat');
    replicas = gateway.config.upstreams['reception-queue'];
    stubOf = (url) => (url === a.url ? a : b);
    replicaOf = new Map(OFFICES.map((office) => [office, stubOf(rendezvousOrder(office, replicas)[0]!)]));
  });

  afterAll(async () => {
    await gateway?.close();
    await a?.close();
    await b?.close();
  });

  beforeEach(() => {
    for (const stub of [a, b]) stub.requests.length = 0;
  });

  const send = (request: ReturnType<typeof requestsOf>[number]) =>
    call(gateway.base, `${request.path}${request.query ?? ''}`, {
      method: request.method ?? 'GET',
      body: request.body,
      token: request.token,
      headers: request.headers,
    });

  it('reads the replicas from the comma-separated RECEPTION_QUEUE_URL', () => {
    expect(replicas).toEqual([a.url, b.url]);
  });

  it('sends every request of one office to the same replica, its rendezvous owner, and spreads offices over both', async () => {
    // Interleaved, so that a replica choice depending on arrival order would show.
    for (let round = 0; round < 2; round++) {
      for (const office of OFFICES) {
        for (const request of requestsOf(office, clerk)) {
          const result = await send(request);
          expect(result.status).toBeLessThan(300);
          expect(result.json()['replica']).toBe(replicaOf.get(office) === a ? 'a' : 'b');
        }
      }
    }
    const seenByA = officesSeenBy(a);
    const seenByB = officesSeenBy(b);
    // No office reached both replicas; every office reached its owner with all its requests.
    expect([...seenByA].filter((office) => seenByB.has(office))).toEqual([]);
    for (const office of OFFICES) {
      const owner = replicaOf.get(office)!;
      expect(owner.requests.filter((request) => request.path.includes(`/offices/${office}/`))).toHaveLength(
        2 * requestsOf(office, clerk).length,
      );
    }
    // Both replicas work: 16 offices, neither takes (almost) all of them.
    expect(seenByA.size).toBeGreaterThanOrEqual(3);
    expect(seenByB.size).toBeGreaterThanOrEqual(3);
    expect(seenByA.size + seenByB.size).toBe(OFFICES.length);
    // What the replica gets is the request as a single upstream would: path, query, body, identity.
    const ticket = replicaOf.get('office-01')!.requests.find((request) => request.path.endsWith('/tickets'))!;
    expect(ticket.path).toBe(`/v1/queue/offices/office-01/days/${DATE}/tickets`);
    expect(JSON.parse(ticket.body)).toEqual({ serviceId: 'documents', channel: 'kiosk' });
    expect(ticket.headers['x-adal-internal-token']).toBe(gateway.config.internalToken);
    const stats = replicaOf.get('office-01')!.requests.find((request) => request.path.endsWith('/stats'))!;
    expect(stats.query.get('date')).toBe(DATE);
  });

  it('sends requests of services without an affinity round-robin over their replicas', async () => {
    for (let i = 0; i < 6; i++) expect((await call(gateway.base, '/api/v1/offices')).status).toBe(200);
    expect(a.requests.filter((request) => request.path === '/v1/offices')).toHaveLength(3);
    expect(b.requests.filter((request) => request.path === '/v1/offices')).toHaveLength(3);
  });

  describe('when a replica is stopped', () => {
    let stopped: UpstreamStub;
    let survivor: UpstreamStub;

    beforeAll(async () => {
      // Stop the replica owning office-01: connections to it are now refused.
      stopped = replicaOf.get('office-01')!;
      survivor = stopped === a ? b : a;
      await stopped.close();
    });

    it('fails its offices over to the other replica (every kind of request), logging it, and leaves the other offices where they are', async () => {
      const logsBefore = gateway.logs.length;
      for (const office of OFFICES) {
        for (const request of requestsOf(office, clerk)) {
          const result = await send(request);
          expect(result.status).toBeLessThan(300);
          expect(result.json()['replica']).toBe(survivor === a ? 'a' : 'b');
        }
      }
      expect(officesSeenBy(survivor)).toEqual(new Set(OFFICES));
      expect(stopped.requests).toHaveLength(0);
      const ticket = survivor.requests.find(
        (request) => request.path === `/v1/queue/offices/office-01/days/${DATE}/tickets`,
      )!;
      expect(JSON.parse(ticket.body)).toEqual({ serviceId: 'documents', channel: 'kiosk' });

      const failovers = gateway.logs
        .slice(logsBefore)
        .filter((record) => record.level === 'warn' && /replica .* is unreachable, failing over/.test(record.msg));
      const movedOffices = OFFICES.filter((office) => replicaOf.get(office) === stopped);
      expect(failovers).toHaveLength(movedOffices.length * requestsOf('x', clerk).length);
      expect(failovers[0]!.msg).toContain(
        `reception-queue replica ${stopped.url} is unreachable, failing over to ${survivor.url}`,
      );
      // The route template, never the raw path.
      expect(failovers.some((record) => record.msg.includes('/days/:date/tickets'))).toBe(true);
      expect(failovers.some((record) => record.msg.includes('office-01'))).toBe(false);
    });

    it('fails round-robin requests over too', async () => {
      for (let i = 0; i < 4; i++) expect((await call(gateway.base, '/api/v1/offices')).status).toBe(200);
      expect(survivor.requests.filter((request) => request.path === '/v1/offices')).toHaveLength(4);
    });

    it('answers 503 with Retry-After when no replica can be reached', async () => {
      const down = await startGateway({ RECEPTION_QUEUE_URL: `${stopped.url},${stopped.url.replace(/\d+$/, '9')}` });
      try {
        const result = await call(down.base, `${dayOf('office-01')}/board`);
        expect(result.status).toBe(503);
        expect(result.headers.get('retry-after')).toBe('5');
        expect((await call(down.base, `${dayOf('office-01')}/board/stream`)).status).toBe(503);
      } finally {
        await down.close();
      }
    });
  });

  it('does not resend a command to another replica when the owner may have received it', async () => {
    const dropping = await startDroppingServer();
    const other = await startUpstreamStub();
    const own = await startGateway({ RECEPTION_QUEUE_URL: `${dropping.url},${other.url}` });
    try {
      const office = OFFICES.find(
        (candidate) => rendezvousOrder(candidate, own.config.upstreams['reception-queue'])[0] === dropping.url,
      )!;
      expect(office).toBeDefined();
      const result = await call(own.base, `${dayOf(office)}/tickets`, {
        method: 'POST',
        body: { serviceId: 'documents', channel: 'kiosk' },
      });
      // The owner took the request and hung up: it may have issued the ticket, so no second one.
      expect(result.status).toBe(503);
      expect(dropping.seen).toEqual([`POST /v1/queue/offices/${office}/days/${DATE}/tickets`]);
      expect(other.requests).toHaveLength(0);
    } finally {
      await own.close();
      await other.close();
      await dropping.close();
    }
  });
});
