// Jest on Node 20 cannot `require` ESM: hand @nestjs/throttler (CommonJS) the ESM Nest packages
// the app uses, then load the app. Plain Node (>= 20.19) needs none of this.
import { jest } from '@jest/globals';
import * as nestCommon from '@nestjs/common';
import * as nestCore from '@nestjs/core';
jest.mock('@nestjs/common', () => nestCommon);
jest.mock('@nestjs/core', () => nestCore);

import type { TestGateway, UpstreamStub } from './testing/harness.js';
const { call, signIn, startGateway, startUpstreamStub } = await import('./testing/harness.js');
const { decodeActor } = await import('./auth/principal.js');

/**
 * Every route of docs/api.md against every kind of caller: allowed callers get the service's
 * answer (and the service gets the request), others 403, anonymous callers 401 on protected
 * routes, without the service seeing anything.
 */
type Caller = 'anonymous' | 'citizen' | 'clerk' | 'official' | 'otherOfficial' | 'admin' | 'auditor';

const USER_OF: Record<Exclude<Caller, 'anonymous'>, string> = {
  citizen: 'citizen-aigerim',
  clerk: 'clerk-marat',
  official: 'akim-nurlan', // official-akimat-head: "self" on the routes below
  otherOfficial: 'deputy-gulnar', // official-akimat-deputy
  admin: 'admin-timur',
  auditor: 'auditor-zhanna',
};
const CALLERS: Caller[] = ['anonymous', 'citizen', 'clerk', 'official', 'otherOfficial', 'admin', 'auditor'];

const BOOKING = '0190d3a4-7b1c-7cc3-a000-000000000001';
const OFFICIAL = 'official-akimat-head';
const RULE = 'rule-1';

interface RouteCase {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: object;
  /** Who may call it; `official` in an "official (self)" route means akim-nurlan only. */
  allowed: 'anyone' | Caller[];
}

const OFFICIAL_SELF_OR_ADMIN: Caller[] = ['official', 'admin'];
const OFFICIAL_OWN: Caller[] = ['official', 'otherOfficial'];

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/offices', allowed: 'anyone' },
  { method: 'GET', path: '/api/v1/officials?officeId=office-akimat', allowed: 'anyone' },
  {
    method: 'POST',
    path: '/api/v1/officials',
    body: { officialId: 'official-new', officeId: 'office-akimat', rank: 'deputy', nameKk: 'Жаңа', nameRu: 'Новый', nameEn: 'New' },
    allowed: ['admin'],
  },
  { method: 'GET', path: `/api/v1/officials/${OFFICIAL}`, allowed: 'anyone' },
  { method: 'GET', path: `/api/v1/officials/${OFFICIAL}/free-slots?from=2026-12-01&to=2026-12-31`, allowed: 'anyone' },
  {
    method: 'POST',
    path: '/api/v1/bookings/holds',
    body: { officialId: OFFICIAL, date: '2026-12-01', slotStart: '10:00' },
    allowed: ['citizen'],
  },
  { method: 'POST', path: `/api/v1/bookings/${BOOKING}/hold/extend`, allowed: ['citizen'] },
  {
    method: 'POST',
    path: `/api/v1/bookings/${BOOKING}/confirm`,
    body: { purpose: 'Land plot question', language: 'kk', channel: 'in_person' },
    allowed: ['citizen'],
  },
  {
    method: 'POST',
    path: `/api/v1/bookings/${BOOKING}/cancel`,
    body: { reason: 'Plans changed' },
    allowed: ['citizen', 'official', 'otherOfficial', 'admin'],
  },
  {
    method: 'POST',
    path: `/api/v1/bookings/${BOOKING}/reschedule`,
    body: { date: '2026-12-02', slotStart: '11:30' },
    allowed: ['citizen'],
  },
  { method: 'GET', path: '/api/v1/bookings/mine', allowed: ['citizen'] },
  {
    method: 'GET',
    path: `/api/v1/bookings/${BOOKING}`,
    allowed: ['citizen', 'official', 'otherOfficial', 'admin', 'auditor'],
  },
  { method: 'GET', path: `/api/v1/bookings/${BOOKING}/calendar.ics`, allowed: ['citizen'] },
  {
    method: 'POST',
    path: `/api/v1/officials/${OFFICIAL}/reception-rules`,
    body: {
      recurrence: 'weekly',
      weekday: 3,
      start: '10:00',
      end: '12:00',
      slotMinutes: 15,
      capacity: 1,
      mode: 'in_person',
      officeId: 'office-akimat',
      validFrom: '2026-12-01',
    },
    allowed: OFFICIAL_SELF_OR_ADMIN,
  },
  { method: 'DELETE', path: `/api/v1/officials/${OFFICIAL}/reception-rules/${RULE}`, allowed: OFFICIAL_SELF_OR_ADMIN },
  {
    method: 'POST',
    path: `/api/v1/officials/${OFFICIAL}/reception-days/2026-12-03`,
    body: { action: 'cancel' },
    allowed: OFFICIAL_SELF_OR_ADMIN,
  },
  {
    method: 'GET',
    path: `/api/v1/officials/${OFFICIAL}/agenda?date=2026-12-03`,
    allowed: ['official', 'admin', 'auditor'],
  },
  { method: 'POST', path: `/api/v1/bookings/${BOOKING}/remote/start`, allowed: OFFICIAL_OWN },
  { method: 'POST', path: `/api/v1/bookings/${BOOKING}/remote/end`, allowed: OFFICIAL_OWN },
  {
    method: 'POST',
    path: `/api/v1/bookings/${BOOKING}/outcome`,
    body: { outcome: 'resolved', summary: 'Explained the procedure' },
    allowed: OFFICIAL_OWN,
  },
  { method: 'POST', path: `/api/v1/bookings/${BOOKING}/no-show`, allowed: OFFICIAL_OWN },
  { method: 'POST', path: `/api/v1/bookings/${BOOKING}/follow-up`, allowed: OFFICIAL_OWN },
];

const CASES = ROUTES.flatMap((route) => CALLERS.map((caller) => ({ route, caller })));

describe('gateway routes × roles (docs/api.md)', () => {
  let upstream: UpstreamStub;
  let gateway: TestGateway;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    upstream = await startUpstreamStub();
    gateway = await startGateway({ APPOINTMENTS_URL: upstream.url });
    for (const [caller, userId] of Object.entries(USER_OF) as [Caller, string][]) {
      tokens.set(caller, await signIn(gateway.base, userId));
    }
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  beforeEach(() => upstream.reset());

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
        expect(result.status).toBe(200);
        expect(result.json()).toEqual({
          upstream: 'appointments',
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

  it("tells an official who addresses another official's schedule that it is not theirs", async () => {
    const result = await call(gateway.base, `/api/v1/officials/${OFFICIAL}/agenda?date=2026-12-03`, {
      token: tokens.get('otherOfficial')!,
      headers: { 'accept-language': 'en' },
    });
    expect(result.status).toBe(403);
    expect(result.json()['detail']).toBe('You can only manage your own reception schedule.');
  });

  it('lets the official manage their own schedule under their own id only', async () => {
    const own = await call(gateway.base, '/api/v1/officials/official-akimat-deputy/reception-rules/rule-9', {
      method: 'DELETE',
      token: tokens.get('otherOfficial')!,
    });
    expect(own.status).toBe(200);
    expect(upstream.last()?.path).toBe('/v1/officials/official-akimat-deputy/reception-rules/rule-9');
  });

  it('answers /api/v1/me for every role, and 401 anonymously', async () => {
    for (const caller of CALLERS) {
      const token = tokens.get(caller);
      const result = await call(gateway.base, '/api/v1/me', token ? { token } : {});
      if (caller === 'anonymous') {
        expect(result.status).toBe(401);
        continue;
      }
      expect(result.status).toBe(200);
      expect(result.json()).toMatchObject({ sub: USER_OF[caller] });
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('serves the development identity routes to anyone', async () => {
    const users = await call(gateway.base, '/api/v1/auth/dev/users');
    expect(users.status).toBe(200);
    const signedIn = await call(gateway.base, '/api/v1/auth/dev/sign-in', {
      method: 'POST',
      body: { userId: 'admin-timur' },
    });
    expect(signedIn.status).toBe(200);
  });
});
