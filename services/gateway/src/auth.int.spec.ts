// Jest on Node 20 cannot `require` ESM: hand @nestjs/throttler (CommonJS) the ESM Nest packages
// the app uses, then load the app. Plain Node (>= 20.19) needs none of this.
import { jest } from '@jest/globals';
import * as nestCommon from '@nestjs/common';
import * as nestCore from '@nestjs/core';
jest.mock('@nestjs/common', () => nestCommon);
jest.mock('@nestjs/core', () => nestCore);

import { createHmac } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { TestGateway, UpstreamStub } from './testing/harness.js';
const { call, signIn, startGateway, startUpstreamStub, TEST_ENV } = await import('./testing/harness.js');
const { decodeActor } = await import('./auth/principal.js');
const { DEMO_USERS } = await import('./auth/demo-users.js');
const { loadGatewayConfig } = await import('./config.js');

const IINS = DEMO_USERS.flatMap((u) => (u.iin ? [u.iin] : []));
const BOOKING = '0190d3a4-7b1c-7cc3-a000-000000000001';

/** The documented formula, computed independently of the gateway's code. */
const expectedCitizenRef = (iin: string): string =>
  createHmac('sha256', TEST_ENV.CITIZEN_REF_KEY).update(iin).digest('base64url').slice(0, 32);

describe('gateway identity: dev sign-in, tokens, forwarded actor', () => {
  let upstream: UpstreamStub;
  let gateway: TestGateway;
  const secret = new TextEncoder().encode(TEST_ENV.JWT_SECRET);

  beforeAll(async () => {
    upstream = await startUpstreamStub();
    gateway = await startGateway({ APPOINTMENTS_URL: upstream.url });
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  beforeEach(() => upstream.reset());

  const token = (
    claims: Record<string, unknown>,
    options: { secretKey?: Uint8Array; exp?: number; iss?: string; aud?: string } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: ['citizen'], ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('citizen-aigerim')
      .setIssuer(options.iss ?? gateway.config.jwt.issuer)
      .setAudience(options.aud ?? gateway.config.jwt.audience)
      .setIssuedAt(now - 10)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(options.secretKey ?? secret);
  };

  describe('demo users', () => {
    it('has 3 citizens with fictional 12-digit IINs, a clerk, the 4 seeded officials, an admin and an auditor', () => {
      const byRole = (role: string) => DEMO_USERS.filter((u) => u.roles.includes(role as never));
      expect(byRole('citizen')).toHaveLength(3);
      expect(byRole('clerk')).toHaveLength(1);
      expect(byRole('admin')).toHaveLength(1);
      expect(byRole('auditor')).toHaveLength(1);
      expect(
        byRole('official')
          .map((u) => u.officialId)
          .sort(),
      ).toEqual(['official-acsc-head', 'official-akimat-deputy', 'official-akimat-head', 'official-psc-head']);
      for (const citizen of byRole('citizen')) {
        expect(citizen.iin).toMatch(/^\d{12}$/);
        expect(citizen.iin!.slice(2, 4)).toBe('00'); // birth month 00: no real person has it
      }
      for (const user of DEMO_USERS) {
        expect(Object.keys(user.name).sort()).toEqual(['en', 'kk', 'ru']);
        expect(Object.keys(user.description).sort()).toEqual(['en', 'kk', 'ru']);
      }
    });

    it('lists them without IINs or citizen references', async () => {
      const result = await call(gateway.base, '/api/v1/auth/dev/users');
      expect(result.status).toBe(200);
      const users = JSON.parse(result.text) as Record<string, unknown>[];
      expect(users).toHaveLength(DEMO_USERS.length);
      expect(users.find((u) => u['userId'] === 'akim-nurlan')).toMatchObject({
        roles: ['official'],
        officialId: 'official-akimat-head',
        name: { kk: 'Нұрлан Әбенов', ru: 'Нурлан Абенов', en: 'Nurlan Abenov' },
      });
      for (const user of users) {
        expect(user).not.toHaveProperty('iin');
        expect(user).not.toHaveProperty('citizenRef');
      }
      for (const iin of IINS) expect(result.text).not.toContain(iin);
    });
  });

  describe('POST /api/v1/auth/dev/sign-in', () => {
    it('issues a one-hour HS256 token for a demo user, with the profile and no IIN', async () => {
      const before = Math.floor(Date.now() / 1000);
      const result = await call(gateway.base, '/api/v1/auth/dev/sign-in', {
        method: 'POST',
        body: { userId: 'citizen-aigerim' },
      });
      expect(result.status).toBe(200);
      expect(result.headers.get('cache-control')).toBe('no-store');
      const body = result.json();
      expect(body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 3600,
        user: {
          sub: 'citizen-aigerim',
          roles: ['citizen'],
          citizenRef: expectedCitizenRef('920015400011'),
          name: { kk: 'Айгерім Сәрсенбаева', ru: 'Айгерим Сарсенбаева', en: 'Aigerim Sarsenbayeva' },
        },
      });
      const accessToken = body['accessToken'] as string;
      const [header, payload] = accessToken
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toMatchObject({
        sub: 'citizen-aigerim',
        iss: 'adal-office-gateway',
        aud: 'adal-office',
        roles: ['citizen'],
      });
      expect(payload.exp - payload.iat).toBe(3600);
      expect(payload.iat).toBeGreaterThanOrEqual(before);
      for (const iin of IINS) {
        expect(result.text).not.toContain(iin);
        expect(JSON.stringify(payload)).not.toContain(iin);
      }
    });

    it('refuses an unknown user id (422, field userId) and a missing one', async () => {
      const unknown = await call(gateway.base, '/api/v1/auth/dev/sign-in', {
        method: 'POST',
        body: { userId: 'nobody' },
        headers: { 'accept-language': 'en' },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.json()).toMatchObject({ errors: [{ field: 'userId', message: 'no demo user has this id' }] });
      const missing = await call(gateway.base, '/api/v1/auth/dev/sign-in', { method: 'POST', body: {} });
      expect(missing.status).toBe(422);
      expect(missing.json()).toMatchObject({ errors: [{ field: 'userId' }] });
    });

    it('is off, with the users list, when AUTH_DEV_SIGN_IN=false (and tokens still work)', async () => {
      const existing = await signIn(gateway.base, 'admin-timur');
      const off = await startGateway({ APPOINTMENTS_URL: upstream.url, AUTH_DEV_SIGN_IN: 'false' });
      try {
        const signInOff = await call(off.base, '/api/v1/auth/dev/sign-in', {
          method: 'POST',
          body: { userId: 'admin-timur' },
        });
        expect(signInOff.status).toBe(404);
        expect(signInOff.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const listOff = await call(off.base, '/api/v1/auth/dev/users', { headers: { 'accept-language': 'ru' } });
        expect(listOff.status).toBe(404);
        expect(listOff.json()['detail']).toBe('Вход для разработки отключён.');
        const me = await call(off.base, '/api/v1/me', { token: existing });
        expect(me.status).toBe(200);
      } finally {
        await off.close();
      }
    });

    it('is off by default in production, and production refuses development secrets', () => {
      expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
      const production = loadGatewayConfig({ ...TEST_ENV, NODE_ENV: 'production' });
      expect(production.devSignIn).toBe(false);
      expect(loadGatewayConfig({ ...TEST_ENV, NODE_ENV: 'production', AUTH_DEV_SIGN_IN: 'true' }).devSignIn).toBe(true);
      expect(loadGatewayConfig({ NODE_ENV: 'development' }).developmentDefaults).toEqual([
        'JWT_SECRET',
        'CITIZEN_REF_KEY',
        'INTERNAL_TOKEN',
      ]);
    });

    it('with AUTH_PROVIDER=oidc, uses the (unimplemented) OIDC provider: no development sign-in', async () => {
      const oidc = await startGateway({ APPOINTMENTS_URL: upstream.url, AUTH_PROVIDER: 'oidc' });
      try {
        const result = await call(oidc.base, '/api/v1/auth/dev/sign-in', {
          method: 'POST',
          body: { userId: 'admin-timur' },
        });
        expect(result.status).toBe(404);
      } finally {
        await oidc.close();
      }
    });
  });

  describe('GET /api/v1/me', () => {
    it("returns the caller's profile in their language, without an IIN", async () => {
      const official = await signIn(gateway.base, 'akim-nurlan');
      const result = await call(gateway.base, '/api/v1/me', {
        token: official,
        headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' },
      });
      expect(result.status).toBe(200);
      expect(result.json()).toMatchObject({
        sub: 'akim-nurlan',
        roles: ['official'],
        officialId: 'official-akimat-head',
        officeId: 'office-akimat',
        language: 'ru',
      });
      const citizen = await signIn(gateway.base, 'citizen-svetlana');
      const me = await call(gateway.base, '/api/v1/me', { token: citizen });
      expect(me.json()).toMatchObject({
        sub: 'citizen-svetlana',
        citizenRef: expectedCitizenRef('780021600033'),
        language: 'ru',
      });
      expect(me.json()).not.toHaveProperty('iin');
      for (const iin of IINS) expect(me.text).not.toContain(iin);
    });
  });

  describe('tokens that are refused with 401', () => {
    const expectRefused = async (authorization: string, detail: RegExp = /not valid/) => {
      const result = await call(gateway.base, '/api/v1/me', { headers: { authorization, 'accept-language': 'en' } });
      expect(result.status).toBe(401);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(result.headers.get('www-authenticate')).toBe('Bearer realm="adal-office", error="invalid_token"');
      expect(result.json()['detail']).toMatch(detail);
    };

    it('an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      await expectRefused(`Bearer ${await token({}, { exp: now - 60 })}`, /expired/);
    });

    it('a token whose payload was tampered with', async () => {
      const genuine = await signIn(gateway.base, 'citizen-aigerim');
      const [header, payload, signature] = genuine.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
      await expectRefused(`Bearer ${header}.${forged}.${signature}`);
    });

    it('a token with a flipped signature', async () => {
      const genuine = await signIn(gateway.base, 'citizen-aigerim');
      const last = genuine.at(-2) === 'A' ? 'B' : 'A';
      await expectRefused(`Bearer ${genuine.slice(0, -2)}${last}${genuine.at(-1)}`);
    });

    it('a token signed with another secret', async () => {
      await expectRefused(`Bearer ${await token({}, { secretKey: new TextEncoder().encode('x'.repeat(40)) })}`);
    });

    it('a token of another issuer or audience', async () => {
      await expectRefused(`Bearer ${await token({}, { iss: 'someone-else' })}`);
      await expectRefused(`Bearer ${await token({}, { aud: 'another-app' })}`);
    });

    it('an unsigned (alg: none) token', async () => {
      const unsecured = new UnsecuredJWT({ roles: ['admin'] })
        .setSubject('admin-timur')
        .setIssuer(gateway.config.jwt.issuer)
        .setAudience(gateway.config.jwt.audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .encode();
      await expectRefused(`Bearer ${unsecured}`);
    });

    it('a token with an unknown role, or none', async () => {
      await expectRefused(`Bearer ${await token({ roles: ['superuser'] })}`);
      await expectRefused(`Bearer ${await token({ roles: [] })}`);
    });

    it('a malformed Authorization header', async () => {
      await expectRefused('Bearer not-a-jwt');
      await expectRefused('Basic YWRtaW46YWRtaW4=');
    });

    it('an invalid token even on a public route', async () => {
      const result = await call(gateway.base, '/api/v1/offices', { headers: { authorization: 'Bearer a.b.c' } });
      expect(result.status).toBe(401);
      expect(upstream.requests).toHaveLength(0);
    });

    it('while a token the gateway signed itself is accepted', async () => {
      const result = await call(gateway.base, '/api/v1/me', { token: await token({}) });
      expect(result.status).toBe(200);
    });
  });

  describe('what the service receives', () => {
    it('a citizen: internal token, actor with citizenRef (no IIN, no name), language, traceparent, body', async () => {
      const citizen = await signIn(gateway.base, 'citizen-daniyar');
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const result = await call(gateway.base, `/api/v1/bookings/${BOOKING}/confirm`, {
        method: 'POST',
        token: citizen,
        body: { purpose: 'Вопрос о земельном участке', language: 'ru', channel: 'remote' },
        headers: { 'accept-language': 'ru-RU,ru;q=0.9,kk;q=0.8', traceparent, 'x-adal-actor': 'forged' },
      });
      expect(result.status).toBe(200);
      const received = upstream.last()!;
      expect(received.path).toBe(`/v1/bookings/${BOOKING}/confirm`);
      expect(received.headers['x-adal-internal-token']).toBe(TEST_ENV.INTERNAL_TOKEN);
      expect(received.headers['accept-language']).toBe('ru');
      expect(received.headers['traceparent']).toBe(traceparent);
      expect(received.headers['content-type']).toBe('application/json');
      expect(received.headers['authorization']).toBeUndefined();
      const actorHeader = String(received.headers['x-adal-actor']);
      expect(actorHeader).toMatch(/^[A-Za-z0-9_-]+$/); // base64url
      expect(decodeActor(actorHeader)).toEqual({
        sub: 'citizen-daniyar',
        roles: ['citizen'],
        citizenRef: expectedCitizenRef('850007300022'),
        lang: 'ru',
      });
      expect(JSON.parse(received.body)).toEqual({
        purpose: 'Вопрос о земельном участке',
        language: 'ru',
        channel: 'remote',
      });
      const everything =
        JSON.stringify(received.headers) + received.body + Buffer.from(actorHeader, 'base64url').toString();
      for (const iin of IINS) expect(everything).not.toContain(iin);
      expect(everything).not.toContain('Данияр');
      expect(everything).not.toContain('Omarov');
    });

    it("an official: officialId and officeId; the user's own language when the request names none", async () => {
      const official = await signIn(gateway.base, 'deputy-gulnar');
      await call(gateway.base, `/api/v1/bookings/${BOOKING}/no-show`, { method: 'POST', token: official });
      const received = upstream.last()!;
      expect(received.headers['accept-language']).toBe('ru');
      expect(received.body).toBe('');
      expect(decodeActor(String(received.headers['x-adal-actor']))).toEqual({
        sub: 'deputy-gulnar',
        roles: ['official'],
        officialId: 'official-akimat-deputy',
        officeId: 'office-akimat',
        lang: 'ru',
      });
    });

    it('an anonymous caller: no actor, Kazakh by default, only validated query parameters', async () => {
      await call(gateway.base, '/api/v1/officials?officeId=office-psc&utm_source=x', {
        headers: { 'x-adal-actor': 'Zm9yZ2Vk', 'x-adal-internal-token': 'guessed', cookie: 'session=1' },
      });
      const received = upstream.last()!;
      expect(received.headers['x-adal-actor']).toBeUndefined();
      expect(received.headers['cookie']).toBeUndefined();
      expect(received.headers['x-adal-internal-token']).toBe(TEST_ENV.INTERNAL_TOKEN);
      expect(received.headers['accept-language']).toBe('kk');
      expect(received.url).toBe('/v1/officials?officeId=office-psc');
    });

    it('never writes an IIN or a token to the logs', async () => {
      for (const user of DEMO_USERS) await signIn(gateway.base, user.userId);
      const citizen = await signIn(gateway.base, 'citizen-aigerim');
      await call(gateway.base, '/api/v1/bookings/mine', { token: citizen });
      expect(gateway.rawLogs.some((line) => line.includes('"context":"Access"'))).toBe(true);
      expect(gateway.rawLogs.some((line) => line.includes('development sign-in as citizen-aigerim'))).toBe(true);
      const all = gateway.rawLogs.join('\n');
      for (const iin of IINS) expect(all).not.toContain(iin);
      expect(all).not.toContain(citizen);
      expect(all).not.toContain(TEST_ENV.INTERNAL_TOKEN);
      expect(all).not.toContain('x-adal-actor');
    });
  });
});
