// Jest on Node 20 cannot `require` ESM: hand @nestjs/throttler (CommonJS) the ESM Nest packages
// the app uses, then load the app. Plain Node (>= 20.19) needs none of this.
import { jest } from '@jest/globals';
import * as nestCommon from '@nestjs/common';
import * as nestCore from '@nestjs/core';
jest.mock('@nestjs/common', () => nestCommon);
jest.mock('@nestjs/core', () => nestCore);

import { createServer } from 'node:net';
import type { CallOptions, TestGateway, UpstreamStub } from './testing/harness.js';
const { call, signIn, startGateway, startUpstreamStub } = await import('./testing/harness.js');

const BOOKING = '0190d3a4-7b1c-7cc3-a000-000000000001';
const OFFICIAL = 'official-akimat-head';
const PROBLEM = /^application\/problem\+json/;

const RULE = {
  recurrence: 'weekly',
  weekday: 1,
  start: '09:00',
  end: '11:00',
  slotMinutes: 20,
  capacity: 2,
  mode: 'remote',
  officeId: 'office-akimat',
  validFrom: '2026-12-01',
  validTo: '2027-05-31',
};

/** A port nothing listens on. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('gateway edge: validation, errors, relaying, rate limits, OpenAPI', () => {
  let upstream: UpstreamStub;
  let gateway: TestGateway;
  let citizen: string;
  let official: string;

  beforeAll(async () => {
    upstream = await startUpstreamStub();
    gateway = await startGateway({ APPOINTMENTS_URL: upstream.url });
    citizen = await signIn(gateway.base, 'citizen-aigerim');
    official = await signIn(gateway.base, 'akim-nurlan');
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  beforeEach(() => upstream.reset());

  const problem = async (path: string, options: CallOptions & { as?: 'citizen' | 'official' } = {}) => {
    const token = options.as === 'official' ? official : options.as === 'citizen' ? citizen : undefined;
    const result = await call(gateway.base, path, {
      ...options,
      headers: { 'accept-language': 'en', ...(options.headers ?? {}) },
      ...(token ? { token } : {}),
    });
    expect(result.headers.get('content-type')).toMatch(PROBLEM);
    expect(upstream.requests).toHaveLength(0);
    return { status: result.status, body: result.json(), headers: result.headers };
  };

  const fieldsOf = (body: Record<string, unknown>) => (body['errors'] as { field: string }[]).map((e) => e.field);

  describe('validation (422 for rule violations, 400 for wrong types and malformed JSON)', () => {
    const confirm = (body: unknown, headers: Record<string, string> = {}) =>
      problem(`/api/v1/bookings/${BOOKING}/confirm`, { method: 'POST', as: 'citizen', body, headers });

    it('names each invalid field of a confirmation', async () => {
      const { status, body } = await confirm({ purpose: '   ', language: 'de' });
      expect(status).toBe(422);
      expect(body).toMatchObject({
        type: 'urn:adal-office:problem:validation',
        title: 'Your request is not valid',
        status: 422,
        detail: '3 fields are not valid.',
        instance: `/api/v1/bookings/${BOOKING}/confirm`,
        errors: [
          { field: 'purpose', message: 'must not be blank' },
          { field: 'language', message: 'must be one of: kk, ru, en' },
          { field: 'channel', message: 'is required' },
        ],
      });
    });

    it('limits the purpose to 1..1000 characters', async () => {
      const tooLong = await confirm({ purpose: 'x'.repeat(1001), language: 'kk', channel: 'in_person' });
      expect(tooLong.status).toBe(422);
      expect(tooLong.body['errors']).toEqual([{ field: 'purpose', message: 'must be 1 to 1000 characters long' }]);
      const empty = await confirm({ purpose: '', language: 'kk', channel: 'in_person' });
      expect(fieldsOf(empty.body)).toEqual(['purpose']);
    });

    it('answers 400 when a field has the wrong JSON type', async () => {
      const { status, body } = await confirm({ purpose: 42, language: 'kk', channel: null });
      expect(status).toBe(400);
      expect(body['errors']).toEqual([
        { field: 'purpose', message: 'must be a string' },
        { field: 'channel', message: 'must be a string' },
      ]);
    });

    it('answers 400 for malformed JSON, without echoing it', async () => {
      const { status, body } = await problem(`/api/v1/bookings/${BOOKING}/confirm`, {
        method: 'POST',
        as: 'citizen',
        rawBody: '{"purpose": 920015400011 oops',
        headers: { 'content-type': 'application/json' },
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({ title: 'Bad request', detail: 'The request body is not valid JSON.' });
      expect(JSON.stringify(body)).not.toContain('920015400011');
    });

    it('answers 400 when the body is not a JSON object', async () => {
      const { status, body } = await confirm(['purpose']);
      expect(status).toBe(400);
      expect(body['errors']).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    });

    it('refuses unknown fields', async () => {
      const { status, body } = await confirm({
        purpose: 'p',
        language: 'en',
        channel: 'remote',
        citizenRef: 'spoofed',
      });
      expect(status).toBe(422);
      expect(body['errors']).toEqual([{ field: 'citizenRef', message: 'is not a known field' }]);
    });

    it('refuses a body that is not JSON (415)', async () => {
      const { status, body } = await problem('/api/v1/bookings/holds', {
        method: 'POST',
        as: 'citizen',
        rawBody: 'officialId=official-akimat-head&date=2026-12-01&slotStart=10:00',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(status).toBe(415);
      expect(body['detail']).toMatch(/JSON/);
    });

    it('refuses a body that is too large (413)', async () => {
      const { status } = await confirm({ purpose: 'x'.repeat(200_000), language: 'kk', channel: 'remote' });
      expect(status).toBe(413);
    });

    it('checks dates, times and ids of a hold', async () => {
      const { status, body } = await problem('/api/v1/bookings/holds', {
        method: 'POST',
        as: 'citizen',
        body: { officialId: 'official akimat/head', date: '2026-02-30', slotStart: '24:00' },
      });
      expect(status).toBe(422);
      expect(body['errors']).toEqual([
        { field: 'officialId', message: expect.stringMatching(/^must be an identifier/) },
        { field: 'date', message: 'must be a real date in YYYY-MM-DD format' },
        { field: 'slotStart', message: 'must be a time in HH:mm format (00:00–23:59)' },
      ]);
    });

    it('checks a reschedule', async () => {
      const { status, body } = await problem(`/api/v1/bookings/${BOOKING}/reschedule`, {
        method: 'POST',
        as: 'citizen',
        body: { date: '01.12.2026', slotStart: '9:00' },
      });
      expect(status).toBe(422);
      expect(fieldsOf(body)).toEqual(['date', 'slotStart']);
    });

    it('checks the free-slots window: real dates, to not before from, at most 31 days', async () => {
      const base = `/api/v1/officials/${OFFICIAL}/free-slots`;
      const missing = await problem(base);
      expect(missing.status).toBe(422);
      expect(missing.body['errors']).toEqual([
        { field: 'from', message: 'is required' },
        { field: 'to', message: 'is required' },
      ]);
      const backwards = await problem(`${base}?from=2026-12-10&to=2026-12-01`);
      expect(backwards.body['errors']).toEqual([{ field: 'to', message: 'must not be before from' }]);
      const tooLong = await problem(`${base}?from=2026-12-01&to=2027-01-01`);
      expect(tooLong.body['errors']).toEqual([{ field: 'to', message: 'the period must not be longer than 31 days' }]);
      const badDate = await problem(`${base}?from=2026-13-01&to=2026-12-01`);
      expect(fieldsOf(badDate.body)).toEqual(['from']);
      const repeated = await problem(`${base}?from=2026-12-01&from=2026-12-02&to=2026-12-05`);
      expect(repeated.status).toBe(400);
      expect(fieldsOf(repeated.body)).toEqual(['from']);
    });

    it('checks path parameters', async () => {
      const booking = await problem('/api/v1/bookings/not-a-uuid', { as: 'citizen' });
      expect(booking.status).toBe(422);
      expect(booking.body['errors']).toEqual([{ field: 'bookingId', message: 'must be a UUID' }]);
      const day = await problem(`/api/v1/officials/${OFFICIAL}/reception-days/2026-02-29`, {
        method: 'POST',
        as: 'official',
        body: { action: 'cancel' },
      });
      expect(day.body['errors']).toEqual([{ field: 'date', message: 'must be a real date in YYYY-MM-DD format' }]);
    });

    it('checks a reception rule field by field', async () => {
      const path = `/api/v1/officials/${OFFICIAL}/reception-rules`;
      const post = (body: object) => problem(path, { method: 'POST', as: 'official', body });
      const { weekday: _weekday, ...withoutWeekday } = RULE;
      expect((await post(withoutWeekday)).body['errors']).toEqual([
        { field: 'weekday', message: 'is required when recurrence is weekly' },
      ]);
      expect((await post({ ...RULE, recurrence: 'daily' })).body['errors']).toEqual([
        { field: 'weekday', message: 'is only allowed when recurrence is weekly' },
      ]);
      expect((await post({ ...RULE, recurrence: 'monthly' })).body['errors']).toEqual([
        { field: 'recurrence', message: 'must be one of: weekly, daily' },
        { field: 'weekday', message: 'is only allowed when recurrence is weekly' },
      ]);
      const ranges = await post({ ...RULE, weekday: 8, slotMinutes: 4, capacity: 51, mode: 'hybrid' });
      expect(ranges.status).toBe(422);
      expect(ranges.body['errors']).toEqual([
        { field: 'weekday', message: 'must be an integer from 1 to 7' },
        { field: 'slotMinutes', message: 'must be an integer from 5 to 240' },
        { field: 'capacity', message: 'must be an integer from 1 to 50' },
        { field: 'mode', message: 'must be one of: in_person, remote' },
      ]);
      expect((await post({ ...RULE, slotMinutes: 241, capacity: 0 })).body['errors']).toHaveLength(2);
      expect((await post({ ...RULE, slotMinutes: 15.5 })).body['errors']).toEqual([
        { field: 'slotMinutes', message: 'must be an integer from 5 to 240' },
      ]);
      expect((await post({ ...RULE, end: '09:00' })).body['errors']).toEqual([
        { field: 'end', message: 'must be later than start' },
      ]);
      expect((await post({ ...RULE, validTo: '2026-11-30' })).body['errors']).toEqual([
        { field: 'validTo', message: 'must not be before validFrom' },
      ]);
      const { officeId: _office, validFrom: _from, ...incomplete } = RULE;
      // RULE is remote: it needs no office; an in-person rule does.
      expect(fieldsOf((await post(incomplete)).body)).toEqual(['validFrom']);
      expect(fieldsOf((await post({ ...incomplete, mode: 'in_person' })).body)).toEqual(['officeId', 'validFrom']);
      const typed = await post({ ...RULE, capacity: '2' });
      expect(typed.status).toBe(400);
      expect(typed.body['errors']).toEqual([{ field: 'capacity', message: 'must be an integer' }]);
    });

    it('accepts a valid reception rule and forwards exactly its fields', async () => {
      const daily = { ...RULE, recurrence: 'daily' } as Record<string, unknown>;
      delete daily['weekday'];
      delete daily['validTo'];
      const result = await call(gateway.base, `/api/v1/officials/${OFFICIAL}/reception-rules`, {
        method: 'POST',
        token: official,
        body: daily,
      });
      expect(result.status).toBe(200);
      expect(JSON.parse(upstream.last()!.body)).toEqual(daily);
    });

    it('checks a reception day change: cancel takes nothing else, extra takes its hours', async () => {
      const path = `/api/v1/officials/${OFFICIAL}/reception-days/2026-12-03`;
      const post = (body: object) => problem(path, { method: 'POST', as: 'official', body });
      expect((await post({ action: 'cancel', start: '10:00' })).body['errors']).toEqual([
        { field: 'start', message: 'is only allowed when action is extra' },
      ]);
      expect(fieldsOf((await post({ action: 'extra', start: '10:00' })).body)).toEqual([
        'end',
        'slotMinutes',
        'capacity',
        'mode',
      ]);
      expect((await post({ action: 'postpone' })).body['errors']).toEqual([
        { field: 'action', message: 'must be one of: cancel, extra' },
      ]);
      const extra = { action: 'extra', start: '15:00', end: '17:00', slotMinutes: 30, capacity: 1, mode: 'in_person' };
      upstream.reset();
      const ok = await call(gateway.base, path, { method: 'POST', token: official, body: extra });
      expect(ok.status).toBe(200);
      expect(JSON.parse(upstream.last()!.body)).toEqual(extra);
    });

    it('checks an outcome', async () => {
      const { status, body } = await problem(`/api/v1/bookings/${BOOKING}/outcome`, {
        method: 'POST',
        as: 'official',
        body: { outcome: 'maybe', summary: '' },
      });
      expect(status).toBe(422);
      expect(body['errors']).toEqual([
        { field: 'outcome', message: 'must be one of: resolved, explained, redirected, appeal_needed' },
        { field: 'summary', message: 'must be 1 to 2000 characters long' },
      ]);
    });

    it('checks the agenda date and the officials filter', async () => {
      const agenda = await problem(`/api/v1/officials/${OFFICIAL}/agenda?date=tomorrow`, { as: 'official' });
      expect(agenda.body['errors']).toEqual([{ field: 'date', message: 'must be a real date in YYYY-MM-DD format' }]);
      const officials = await problem('/api/v1/officials?officeId=%27%20OR%201%3D1');
      expect(fieldsOf(officials.body)).toEqual(['officeId']);
    });

    it('accepts a cancel without a body', async () => {
      const result = await call(gateway.base, `/api/v1/bookings/${BOOKING}/cancel`, { method: 'POST', token: citizen });
      expect(result.status).toBe(200);
      expect(upstream.last()!.body).toBe('{}');
    });
  });

  describe('languages', () => {
    const confirmIn = (language?: string) =>
      call(gateway.base, `/api/v1/bookings/${BOOKING}/confirm`, {
        method: 'POST',
        token: citizen,
        body: { language: 'kk', channel: 'remote' },
        headers: language ? { 'accept-language': language } : {},
      });

    it('writes titles and field messages in kk (default), ru or en', async () => {
      const kk = await confirmIn();
      expect(kk.headers.get('content-language')).toBe('kk');
      expect(kk.json()).toMatchObject({
        title: 'Сұрау деректері жарамсыз',
        errors: [{ field: 'purpose', message: 'міндетті өріс' }],
      });
      const ru = await confirmIn('ru-KZ, en;q=0.5');
      expect(ru.headers.get('content-language')).toBe('ru');
      expect(ru.json()).toMatchObject({
        title: 'Данные запроса недействительны',
        errors: [{ field: 'purpose', message: 'обязательное поле' }],
      });
      const en = await confirmIn('de-DE, en-GB;q=0.7');
      expect(en.json()).toMatchObject({
        title: 'Your request is not valid',
        errors: [{ field: 'purpose', message: 'is required' }],
      });
    });

    it("uses the signed-in user's language when the request names none", async () => {
      const svetlana = await signIn(gateway.base, 'citizen-svetlana');
      const result = await call(gateway.base, '/api/v1/bookings/holds', { method: 'POST', token: svetlana, body: {} });
      expect(result.json()['title']).toBe('Данные запроса недействительны');
    });

    it('has every text of the gateway in kk, ru and en', async () => {
      const { MESSAGES } = await import('./i18n/messages.js');
      for (const [key, text] of Object.entries(MESSAGES)) {
        for (const language of ['kk', 'ru', 'en'] as const) {
          expect([key, typeof text[language]]).toEqual([key, 'string']);
          expect(text[language].length).toBeGreaterThan(0);
        }
      }
    });
  });

  describe('errors at the edge', () => {
    it('answers an unknown route with a localized 404 problem, without echoing the query', async () => {
      const { status, body } = await problem('/api/v1/nothing/here?iin=920015400011', {
        headers: { 'accept-language': 'ru' },
      });
      expect(status).toBe(404);
      expect(body).toMatchObject({
        type: 'about:blank',
        title: 'Не найдено',
        status: 404,
        detail: 'Такого адреса нет: GET /api/v1/nothing/here.',
        instance: '/api/v1/nothing/here',
      });
      expect(JSON.stringify(body)).not.toContain('920015400011');
      const wrongMethod = await problem('/api/v1/offices', { method: 'DELETE' });
      expect(wrongMethod.status).toBe(404);
      const outside = await problem('/no-such-page');
      expect(outside.status).toBe(404);
    });

    it('keeps health working, unauthenticated and unthrottled', async () => {
      const live = await call(gateway.base, '/health');
      expect(live.status).toBe(200);
      expect(live.json()).toMatchObject({ status: 'ok' });
      const ready = await call(gateway.base, '/health/ready');
      expect(ready.status).toBe(200);
      const info = await call(gateway.base, '/');
      expect(info.json()).toMatchObject({ service: 'gateway' });
    });
  });

  describe("relaying the service's answer", () => {
    it('relays status, problem+json and body of a refusal by the service (e.g. not the owner)', async () => {
      const refusal = { type: 'about:blank', title: 'Табылмады', status: 404, detail: 'Жазба табылмады' };
      upstream.respond(() => ({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: refusal }));
      const result = await call(gateway.base, `/api/v1/bookings/${BOOKING}`, { token: citizen });
      expect(result.status).toBe(404);
      expect(result.headers.get('content-type')).toBe('application/problem+json');
      expect(result.json()).toEqual(refusal);
      upstream.respond(() => ({
        status: 403,
        headers: { 'content-type': 'application/problem+json' },
        body: { status: 403 },
      }));
      expect(
        (await call(gateway.base, `/api/v1/bookings/${BOOKING}/cancel`, { method: 'POST', token: official })).status,
      ).toBe(403);
    });

    it('relays a 201 with its Location (rewritten to the public path)', async () => {
      upstream.respond(() => ({
        status: 201,
        headers: { location: `/v1/bookings/${BOOKING}` },
        body: { bookingId: BOOKING, expiresAt: '2026-12-01T10:10:00+05:00' },
      }));
      const result = await call(gateway.base, '/api/v1/bookings/holds', {
        method: 'POST',
        token: citizen,
        body: { officialId: OFFICIAL, date: '2026-12-01', slotStart: '10:00' },
      });
      expect(result.status).toBe(201);
      expect(result.headers.get('location')).toBe(`/api/v1/bookings/${BOOKING}`);
      expect(result.json()).toEqual({ bookingId: BOOKING, expiresAt: '2026-12-01T10:10:00+05:00' });
    });

    it('relays an iCalendar file as text/calendar', async () => {
      const ics =
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Қабылдау\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
      upstream.respond(() => ({
        status: 200,
        headers: {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': 'attachment; filename="booking.ics"',
        },
        body: ics,
      }));
      const result = await call(gateway.base, `/api/v1/bookings/${BOOKING}/calendar.ics`, {
        token: citizen,
        headers: { accept: 'text/calendar' },
      });
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(result.headers.get('content-disposition')).toBe('attachment; filename="booking.ics"');
      expect(result.text).toBe(ics);
      expect(upstream.last()!.headers['accept']).toBe('text/calendar');
    });

    it('relays a 204 without a body', async () => {
      upstream.respond(() => ({ status: 204 }));
      const result = await call(gateway.base, `/api/v1/officials/${OFFICIAL}/reception-rules/rule-1`, {
        method: 'DELETE',
        token: official,
      });
      expect(result.status).toBe(204);
      expect(result.text).toBe('');
    });

    it('turns a service failure without a problem document into a 502 problem', async () => {
      upstream.respond(() => ({ status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>stack trace</h1>' }));
      const result = await call(gateway.base, '/api/v1/offices', { headers: { 'accept-language': 'en' } });
      expect(result.status).toBe(502);
      expect(result.headers.get('content-type')).toMatch(PROBLEM);
      expect(result.text).not.toContain('stack trace');
    });

    it('answers 504 when the service does not answer in time', async () => {
      const slow = await startGateway({ APPOINTMENTS_URL: upstream.url, UPSTREAM_TIMEOUT_MS: '100' });
      try {
        upstream.respond(() => ({ delayMs: 1_000, body: {} }));
        const result = await call(slow.base, '/api/v1/offices', { headers: { 'accept-language': 'en' } });
        expect(result.status).toBe(504);
        expect(result.headers.get('content-type')).toMatch(PROBLEM);
        expect(result.json()['title']).toBe('Gateway timeout');
      } finally {
        await slow.close();
      }
    });

    it('answers 503 with Retry-After when the service is down', async () => {
      const down = await startGateway({ APPOINTMENTS_URL: `http://127.0.0.1:${await closedPort()}` });
      try {
        const token = await signIn(down.base, 'citizen-aigerim');
        const result = await call(down.base, '/api/v1/bookings/mine', { token, headers: { 'accept-language': 'kk' } });
        expect(result.status).toBe(503);
        expect(result.headers.get('retry-after')).toBe('5');
        expect(result.headers.get('content-type')).toMatch(PROBLEM);
        expect(result.json()).toMatchObject({ status: 503, title: 'Қызмет уақытша қолжетімсіз' });
        // The gateway itself is still ready: it answers for the services it can reach.
        expect((await call(down.base, '/health/ready')).status).toBe(200);
      } finally {
        await down.close();
      }
    });
  });

  describe('rate limits', () => {
    it('limits anonymous callers per IP and signed-in callers per user, with 429 and Retry-After', async () => {
      const limited = await startGateway({
        APPOINTMENTS_URL: upstream.url,
        RATE_LIMIT_PER_MINUTE: '3',
        RATE_LIMIT_IP_PER_MINUTE: '2',
      });
      try {
        // Anonymous: 2 per minute from this IP (the sign-ins below count too).
        const first = await call(limited.base, '/api/v1/offices');
        expect(first.status).toBe(200);
        expect(first.headers.get('x-ratelimit-limit')).toBe('2');
        expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
        expect((await call(limited.base, '/api/v1/auth/dev/users')).status).toBe(200);
        const refused = await call(limited.base, '/api/v1/offices', { headers: { 'accept-language': 'en' } });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('content-type')).toMatch(PROBLEM);
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(refused.json()).toMatchObject({
          status: 429,
          title: 'Too many requests',
          detail: `Too many requests. Try again in ${retryAfter} s.`,
        });

        // Signed in: 3 per minute per user, whatever the IP budget.
        const tokenA = (
          await limited.app.get((await import('./auth/token.service.js')).TokenService).issue({
            sub: 'citizen-aigerim',
            roles: ['citizen'],
            name: { kk: 'A', ru: 'A', en: 'A' },
          })
        ).accessToken;
        const tokenB = (
          await limited.app.get((await import('./auth/token.service.js')).TokenService).issue({
            sub: 'citizen-daniyar',
            roles: ['citizen'],
            name: { kk: 'D', ru: 'D', en: 'D' },
          })
        ).accessToken;
        for (let i = 0; i < 3; i++)
          expect((await call(limited.base, '/api/v1/bookings/mine', { token: tokenA })).status).toBe(200);
        const userRefused = await call(limited.base, '/api/v1/me', { token: tokenA });
        expect(userRefused.status).toBe(429);
        expect(Number(userRefused.headers.get('retry-after'))).toBeGreaterThan(0);
        // Another user has their own budget.
        expect((await call(limited.base, '/api/v1/me', { token: tokenB })).status).toBe(200);
        // Health is not limited.
        for (let i = 0; i < 5; i++) expect((await call(limited.base, '/health')).status).toBe(200);
      } finally {
        await limited.close();
      }
    });

    it('counts anonymous callers by client IP, behind a trusted proxy by X-Forwarded-For', async () => {
      const proxied = await startGateway({
        APPOINTMENTS_URL: upstream.url,
        RATE_LIMIT_IP_PER_MINUTE: '1',
        TRUST_PROXY: 'loopback',
      });
      try {
        const from = (ip: string) => call(proxied.base, '/api/v1/offices', { headers: { 'x-forwarded-for': ip } });
        expect((await from('203.0.113.7')).status).toBe(200);
        expect((await from('203.0.113.7')).status).toBe(429);
        expect((await from('203.0.113.8')).status).toBe(200);
        expect((await from('2001:db8:1:2::1')).status).toBe(200);
        expect((await from('2001:db8:1:2::99')).status).toBe(429); // same /64
        // Refused tokens count against the IP too: guessing is throttled like anything else.
        const badToken = (ip: string) =>
          call(proxied.base, '/api/v1/me', { headers: { 'x-forwarded-for': ip, authorization: 'Bearer a.b.c' } });
        expect((await badToken('198.51.100.1')).status).toBe(401);
        expect((await badToken('198.51.100.1')).status).toBe(429);
      } finally {
        await proxied.close();
      }
    });

    it('reads the limits from the environment, for benchmarks too', async () => {
      const { loadGatewayConfig } = await import('./config.js');
      expect(loadGatewayConfig({}).rateLimit).toEqual({ perUser: 600, perIp: 300, openData: 3000, windowSeconds: 60 });
      expect(
        loadGatewayConfig({ RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '500000' }).rateLimit,
      ).toMatchObject({
        perUser: 1_000_000,
        perIp: 500_000,
      });
      expect(() => loadGatewayConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    });
  });

  describe('OpenAPI', () => {
    const DOCUMENTED: [string, string, string[]][] = [
      ['get', '/api/v1/offices', ['anyone']],
      ['get', '/api/v1/officials', ['anyone']],
      ['post', '/api/v1/officials', ['admin']],
      ['get', '/api/v1/officials/{officialId}', ['anyone']],
      ['get', '/api/v1/officials/{officialId}/free-slots', ['anyone']],
      ['post', '/api/v1/bookings/holds', ['citizen']],
      ['post', '/api/v1/bookings/{bookingId}/hold/extend', ['citizen:owner']],
      ['post', '/api/v1/bookings/{bookingId}/confirm', ['citizen:owner']],
      ['post', '/api/v1/bookings/{bookingId}/cancel', ['citizen:owner', 'official:own', 'admin']],
      ['post', '/api/v1/bookings/{bookingId}/reschedule', ['citizen:owner']],
      ['get', '/api/v1/bookings/mine', ['citizen']],
      ['get', '/api/v1/bookings/{bookingId}', ['citizen:owner', 'official:own', 'admin', 'auditor']],
      ['get', '/api/v1/bookings/{bookingId}/calendar.ics', ['citizen:owner']],
      ['post', '/api/v1/officials/{officialId}/reception-rules', ['official:self', 'admin']],
      ['delete', '/api/v1/officials/{officialId}/reception-rules/{ruleId}', ['official:self', 'admin']],
      ['post', '/api/v1/officials/{officialId}/reception-days/{date}', ['official:self', 'admin']],
      ['get', '/api/v1/officials/{officialId}/agenda', ['official:self', 'admin', 'auditor']],
      ['post', '/api/v1/bookings/{bookingId}/remote/start', ['official:own']],
      ['post', '/api/v1/bookings/{bookingId}/remote/end', ['official:own']],
      ['post', '/api/v1/bookings/{bookingId}/outcome', ['official:own']],
      ['post', '/api/v1/bookings/{bookingId}/no-show', ['official:own']],
      ['post', '/api/v1/bookings/{bookingId}/follow-up', ['official:own']],
      ['get', '/api/v1/queue/offices/{officeId}/setup', ['anyone']],
      ['put', '/api/v1/queue/offices/{officeId}/setup', ['admin']],
      ['post', '/api/v1/queue/offices/{officeId}/days/{date}/tickets', ['anyone']],
      ['post', '/api/v1/queue/offices/{officeId}/days/{date}/check-ins', ['clerk']],
      ['get', '/api/v1/queue/offices/{officeId}/days/{date}/tickets/{ticketId}', ['anyone']],
      ['get', '/api/v1/queue/offices/{officeId}/days/{date}/board', ['anyone']],
      ['get', '/api/v1/queue/offices/{officeId}/days/{date}/board/stream', ['anyone']],
      ['get', '/api/v1/queue/offices/{officeId}/days/{date}/desks', ['clerk', 'admin']],
      ['get', '/api/v1/queue/offices/{officeId}/days/{date}/arrivals', ['clerk', 'admin']],
      ...['open', 'pause', 'close', 'call-next', 'recall', 'no-show', 'start', 'finish', 'transfer', 'park'].map(
        (action): [string, string, string[]] => [
          'post',
          `/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}/${action}`,
          ['clerk'],
        ],
      ),
      ['post', '/api/v1/queue/offices/{officeId}/days/{date}/close', ['admin']],
      ['get', '/api/v1/queue/offices/{officeId}/stats', ['anyone']],
      // The open budget (budget-routes.int.spec.ts checks them in depth).
      ...[
        '/api/v1/budget/years',
        '/api/v1/budget/regions',
        '/api/v1/budget/regions/{regionId}',
        '/api/v1/budget/regions/{regionId}/institutions',
        '/api/v1/budget/institutions/{bin}',
        '/api/v1/budget/lines/{lineId}',
        '/api/v1/budget/programmes',
        '/api/v1/budget/functional-groups',
        '/api/v1/budget/open-data/datapackage.json',
        '/api/v1/budget/open-data/{resource}.csv',
      ].map((path): [string, string, string[]] => ['get', path, ['anyone']]),
      ...[
        '/api/v1/budget/institutions',
        '/api/v1/budget/programmes',
        '/api/v1/budget/lines/{lineId}/transactions',
        '/api/v1/budget/imports',
      ].map((path): [string, string, string[]] => ['post', path, ['admin']]),
      ['put', '/api/v1/budget/institutions/{bin}/name', ['admin']],
      ['post', '/api/v1/auth/dev/sign-in', ['anyone']],
      ['get', '/api/v1/auth/dev/users', ['anyone']],
      ['get', '/api/v1/me', ['citizen', 'clerk', 'official', 'admin', 'auditor']],
    ];

    it('lists every route with its roles and bearer auth at /api/docs-json', async () => {
      const result = await call(gateway.base, '/api/docs-json');
      expect(result.status).toBe(200);
      const doc = result.json() as {
        openapi: string;
        paths: Record<
          string,
          Record<
            string,
            { security?: unknown[]; description?: string; 'x-adal-access'?: string[]; requestBody?: unknown }
          >
        >;
        components: { securitySchemes: Record<string, unknown> };
      };
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.components.securitySchemes['bearer']).toMatchObject({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      });
      const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method} ${path}`),
      );
      expect(listed.sort()).toEqual(DOCUMENTED.map(([method, path]) => `${method} ${path}`).sort());
      for (const [method, path, access] of DOCUMENTED) {
        const operation = doc.paths[path]![method]!;
        expect([path, operation['x-adal-access']]).toEqual([path, access]);
        expect(operation.description).toMatch(/\*\*Who:\*\*/);
        if (access[0] === 'anyone') expect(operation.security).toBeUndefined();
        else expect(operation.security).toEqual([{ bearer: [] }]);
      }
      const confirm = doc.paths['/api/v1/bookings/{bookingId}/confirm']!['post'] as Record<string, unknown> & {
        responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
      };
      expect(confirm['requestBody']).toBeDefined();
      for (const status of ['400', '401', '403', '422', '429', '503']) {
        expect(confirm.responses[status]?.content?.['application/problem+json']?.schema.$ref).toBe(
          '#/components/schemas/ProblemDocument',
        );
      }
      expect((doc.components as { schemas?: Record<string, unknown> }).schemas).toHaveProperty('ProblemDocument');
    });

    it('serves Swagger UI at /api/docs', async () => {
      const result = await call(gateway.base, '/api/docs');
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toMatch(/text\/html/);
      expect(result.text).toContain('swagger-ui');
    });
  });
});
