// Jest on Node 20 cannot `require` ESM: hand @nestjs/throttler (CommonJS) the ESM Nest packages
// the app uses, then load the app. Plain Node (>= 20.19) needs none of this.
import { jest } from '@jest/globals';
import * as nestCommon from '@nestjs/common';
import * as nestCore from '@nestjs/core';
jest.mock('@nestjs/common', () => nestCommon);
jest.mock('@nestjs/core', () => nestCore);

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestGateway, UpstreamStub } from './testing/harness.js';
const { call, signIn, startGateway, startUpstreamStub } = await import('./testing/harness.js');
const { decodeActor } = await import('./auth/principal.js');

/**
 * The open budget routes (docs/budget.md "Public HTTP API", docs/api.md "Budget routes") against
 * every kind of caller, forwarded to `BUDGET_LEDGER_URL` (a stub here): reads are open to anyone,
 * commands to the admin. Then what is passed through unchanged (query, `ETag`/304, `Link`,
 * `Cache-Control`, CSV with `Content-Disposition`), large CSV answers relayed as they arrive,
 * the raw CSV import, validation naming the field, the open-data rate limit, OpenAPI.
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

const API = '/api/v1/budget';
const BIN = '970240000126';
const LINE = `${BIN}-253001000-2026`;

const INSTITUTION = {
  bin: BIN,
  name: { kk: 'Аудандық әкімдік', ru: 'Районный акимат', en: 'District akimat' },
  regionId: 'KZ-75',
  level: 'district',
};
const PROGRAMME = {
  administrator: '253',
  programme: '001',
  subprogramme: '000',
  functionalGroup: '04',
  name: { kk: 'Білім беру', ru: 'Образование', en: 'Education' },
};

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: object;
  allowed: 'anyone' | Caller[];
  status?: number;
}

const READS: RouteCase[] = [
  { method: 'GET', path: `${API}/years`, allowed: 'anyone' },
  { method: 'GET', path: `${API}/regions?year=2026`, allowed: 'anyone' },
  { method: 'GET', path: `${API}/regions/KZ-75?year=2026`, allowed: 'anyone' },
  {
    method: 'GET',
    path: `${API}/regions/KZ-75/institutions?year=2026&level=district&sort=paid&order=desc&page=2&pageSize=100`,
    allowed: 'anyone',
  },
  { method: 'GET', path: `${API}/institutions/${BIN}?year=2025`, allowed: 'anyone' },
  { method: 'GET', path: `${API}/lines/${LINE}`, allowed: 'anyone' },
  { method: 'GET', path: `${API}/programmes?year=2026&functionalGroup=04&page=1&pageSize=500`, allowed: 'anyone' },
  { method: 'GET', path: `${API}/functional-groups?year=2026&regionId=KZ-11`, allowed: 'anyone' },
  { method: 'GET', path: `${API}/open-data/datapackage.json`, allowed: 'anyone' },
  ...['institutions', 'programmes', 'budget-lines', 'transactions'].map((resource): RouteCase => ({
    method: 'GET',
    path: `${API}/open-data/${resource}.csv`,
    allowed: 'anyone',
  })),
];

const COMMANDS: RouteCase[] = [
  { method: 'POST', path: `${API}/institutions`, body: INSTITUTION, allowed: ['admin'], status: 201 },
  {
    method: 'PUT',
    path: `${API}/institutions/${BIN}/name`,
    body: { name: { kk: 'Аудан әкімдігі ММ', ru: 'ГУ «Районный акимат»', en: 'District akimat (state institution)' } },
    allowed: ['admin'],
  },
  { method: 'POST', path: `${API}/programmes`, body: PROGRAMME, allowed: ['admin'], status: 201 },
  {
    method: 'POST',
    path: `${API}/lines/${LINE}/transactions`,
    body: { type: 'allocation-approved', transactionId: 'KZ-2026-000001', amount: '150000000', date: '2026-01-15' },
    allowed: ['admin'],
    status: 201,
  },
  {
    method: 'POST',
    path: `${API}/lines/${LINE}/transactions`,
    body: {
      type: 'allocation-amended',
      transactionId: 'KZ-2026-000002',
      delta: '-5000000',
      date: '2026-03-01',
      reason: 'Sequestration',
    },
    allowed: ['admin'],
    status: 201,
  },
  {
    method: 'POST',
    path: `${API}/lines/${LINE}/transactions`,
    body: {
      type: 'commitment-registered',
      transactionId: 'KZ-2026-000003',
      commitmentId: 'C-17',
      amount: '40000000',
      date: '2026-03-02',
      supplierBin: '040340001233',
    },
    allowed: ['admin'],
    status: 201,
  },
  {
    method: 'POST',
    path: `${API}/lines/${LINE}/transactions`,
    body: { type: 'commitment-cancelled', transactionId: 'KZ-2026-000004', commitmentId: 'C-17', date: '2026-04-01' },
    allowed: ['admin'],
    status: 201,
  },
  {
    method: 'POST',
    path: `${API}/lines/${LINE}/transactions`,
    body: {
      type: 'payment-made',
      transactionId: 'KZ-2026-000005',
      commitmentId: 'C-18',
      paymentId: 'P-3',
      amount: '1000',
      date: '2026-04-02',
    },
    allowed: ['admin'],
    status: 201,
  },
];

const CASES = [...READS, ...COMMANDS].flatMap((route) => CALLERS.map((caller) => ({ route, caller })));

const IMPORT_CSV =
  'transaction_id,date,type,fiscal_year,bin,institution_name_kk,institution_name_ru,institution_name_en,' +
  'region_id,level,administrator,programme,subprogramme,functional_group,programme_name_kk,' +
  'programme_name_ru,programme_name_en,amount_tiyn,commitment_id,payment_id,supplier_bin\r\n' +
  `KZ-2026-000001,2026-02-14,allocation-approved,2026,${BIN},"Аудандық әкімдік","Районный акимат, ""центр""",` +
  'District akimat,KZ-75,district,253,001,000,04,Білім беру,Образование,Education,150000000,,,\r\n';

/** A stand-in for the service's big answers: writes when the test says so. */
interface ManualUpstream {
  url: string;
  requests: IncomingMessage[];
  next: (handler: (request: IncomingMessage, response: ServerResponse) => void) => void;
  close: () => Promise<void>;
}

const startManualUpstream = async (): Promise<ManualUpstream> => {
  const requests: IncomingMessage[] = [];
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  const server: Server = createServer((request, response) => {
    requests.push(request);
    if (handler) handler(request, response);
    else response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    next: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const waitFor = async (condition: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('gateway open budget routes (docs/budget.md, docs/api.md)', () => {
  let upstream: UpstreamStub;
  let gateway: TestGateway;
  const tokens = new Map<Caller, string>();

  const echo = () =>
    upstream.respond((r) => ({
      status: r.method === 'POST' && !r.path.endsWith('/imports') ? 201 : 200,
      body: { upstream: 'budget-ledger', method: r.method, path: r.path },
    }));

  beforeAll(async () => {
    upstream = await startUpstreamStub();
    // Other services elsewhere: a budget route that reached the stub went to the right service.
    gateway = await startGateway({
      BUDGET_LEDGER_URL: upstream.url,
      APPOINTMENTS_URL: 'http://127.0.0.1:9',
      RECEPTION_QUEUE_URL: 'http://127.0.0.1:9',
    });
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

  describe('routes × roles', () => {
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
            upstream: 'budget-ledger',
            method: route.method,
            path: route.path.split('?')[0]!.replace('/api/v1/', '/v1/'),
          });
          expect(upstream.requests).toHaveLength(1);
          const received = upstream.last()!;
          expect(received.method).toBe(route.method);
          // Path and query as the caller wrote them (every parameter here is a known one).
          expect(received.path).toBe(route.path.split('?')[0]!.replace('/api/v1/', '/v1/'));
          expect(Object.fromEntries(received.query)).toEqual(
            Object.fromEntries(new URL(route.path, 'http://x').searchParams),
          );
          expect(received.body === '' ? undefined : JSON.parse(received.body)).toEqual(route.body);
          expect(received.headers['x-adal-internal-token']).toBe(gateway.config.internalToken);
          const actorHeader = received.headers['x-adal-actor'];
          if (caller === 'anonymous') expect(actorHeader).toBeUndefined();
          else expect(decodeActor(String(actorHeader))).toMatchObject({ sub: USER_OF[caller] });
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

    it('refuses an import from anyone but the admin, before reading the file', async () => {
      for (const caller of ['anonymous', 'citizen', 'clerk', 'official', 'auditor'] as const) {
        const token = tokens.get(caller);
        const result = await call(gateway.base, `${API}/imports`, {
          method: 'POST',
          ...(token ? { token } : {}),
          rawBody: IMPORT_CSV,
          headers: { 'content-type': 'text/csv' },
        });
        expect([caller, result.status]).toEqual([caller, caller === 'anonymous' ? 401 : 403]);
      }
      expect(upstream.requests).toHaveLength(0);
    });

    it('knows no other budget route', async () => {
      const result = await call(gateway.base, `${API}/open-data/secrets.json`);
      expect(result.status).toBe(404);
      expect(upstream.requests).toHaveLength(0);
    });
  });

  describe('passed through unchanged', () => {
    it('forwards only the known query parameters, as written', async () => {
      const result = await call(
        gateway.base,
        `${API}/regions/KZ-75/institutions?year=2026&q=${encodeURIComponent('әкімдік "Алатау"')}&level=rural` +
          '&sort=executionPct&order=asc&page=3&pageSize=25&format=json&debug=1&admin=true',
      );
      expect(result.status).toBe(200);
      expect(Object.fromEntries(upstream.last()!.query)).toEqual({
        year: '2026',
        q: 'әкімдік "Алатау"',
        level: 'rural',
        sort: 'executionPct',
        order: 'asc',
        page: '3',
        pageSize: '25',
        format: 'json',
      });
    });

    it('relays ETag, Cache-Control and Link (made public), and the caller language', async () => {
      const page = { synthetic: true, asOf: '2026-05-31', items: [], page: 2, pageSize: 50, total: 120 };
      upstream.respond(() => ({
        headers: {
          etag: 'W/"budget-42"',
          'cache-control': 'public, max-age=30',
          link:
            '</v1/budget/regions/KZ-75/institutions?page=1&pageSize=50>; rel="first", ' +
            `<${upstream.url}/v1/budget/regions/KZ-75/institutions?page=3&pageSize=50>; rel="next", ` +
            '<https://data.egov.kz/v1/x>; rel="related"',
          vary: 'Accept',
        },
        body: page,
      }));
      const result = await call(gateway.base, `${API}/regions/KZ-75/institutions?page=2`, {
        headers: { 'accept-language': 'ru' },
      });
      expect(result.status).toBe(200);
      expect(result.json()).toEqual(page);
      expect(result.headers.get('etag')).toBe('W/"budget-42"');
      expect(result.headers.get('cache-control')).toBe('public, max-age=30');
      expect(result.headers.get('vary')).toBe('Accept');
      expect(result.headers.get('link')).toBe(
        '</api/v1/budget/regions/KZ-75/institutions?page=1&pageSize=50>; rel="first", ' +
          '</api/v1/budget/regions/KZ-75/institutions?page=3&pageSize=50>; rel="next", ' +
          '<https://data.egov.kz/v1/x>; rel="related"',
      );
      expect(result.headers.get('content-type')).toMatch(/^application\/json/);
      expect(upstream.last()!.headers['accept-language']).toBe('ru');
    });

    it('passes If-None-Match on and relays the 304 without a body', async () => {
      upstream.respond((r) =>
        r.headers['if-none-match'] === 'W/"budget-42"'
          ? { status: 304, headers: { etag: 'W/"budget-42"', 'cache-control': 'public, max-age=30' } }
          : { headers: { etag: 'W/"budget-43"' }, body: { years: [2026], current: 2026 } },
      );
      const fresh = await call(gateway.base, `${API}/years`, { headers: { 'if-none-match': 'W/"budget-42"' } });
      expect(fresh.status).toBe(304);
      expect(fresh.text).toBe('');
      expect(fresh.headers.get('etag')).toBe('W/"budget-42"');
      expect(fresh.headers.get('cache-control')).toBe('public, max-age=30');
      expect(upstream.last()!.headers['if-none-match']).toBe('W/"budget-42"');

      const stale = await call(gateway.base, `${API}/years`, { headers: { 'if-none-match': 'W/"budget-1"' } });
      expect(stale.status).toBe(200);
      expect(stale.headers.get('etag')).toBe('W/"budget-43"');
      expect(stale.json()).toEqual({ years: [2026], current: 2026 });
    });

    it('passes Accept: text/csv and ?format=csv on, and relays the CSV with its file name', async () => {
      const csv = 'region_id,allocated,committed,paid\r\nKZ-75,150000000,40000000,1000\r\n';
      upstream.respond(() => ({
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="regions-2026.csv"',
          etag: 'W/"csv-1"',
        },
        body: csv,
      }));
      const byAccept = await call(gateway.base, `${API}/regions?year=2026`, { headers: { accept: 'text/csv' } });
      expect(byAccept.status).toBe(200);
      expect(byAccept.text).toBe(csv);
      expect(byAccept.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(byAccept.headers.get('content-disposition')).toBe('attachment; filename="regions-2026.csv"');
      expect(upstream.last()!.headers['accept']).toBe('text/csv');

      const byFormat = await call(gateway.base, `${API}/regions?year=2026&format=csv`);
      expect(byFormat.text).toBe(csv);
      expect(upstream.last()!.query.get('format')).toBe('csv');
    });

    it("relays the service's refusals as they are", async () => {
      const problem = {
        type: 'about:blank',
        title: 'Табылмады',
        status: 404,
        detail: 'Мұндай бюджет желісі жоқ.',
      };
      upstream.respond(() => ({ status: 404, headers: { 'content-type': 'application/problem+json' }, body: problem }));
      const result = await call(gateway.base, `${API}/lines/${LINE}`);
      expect(result.status).toBe(404);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(result.json()).toEqual(problem);
    });

    it('answers 502 when the service breaks down without a problem document', async () => {
      upstream.respond(() => ({ status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>oops</h1>' }));
      const result = await call(gateway.base, `${API}/years`);
      expect(result.status).toBe(502);
      expect(result.text).not.toContain('oops');
    });

    it('answers 503 with Retry-After when the service is down', async () => {
      const down = await startGateway({ BUDGET_LEDGER_URL: 'http://127.0.0.1:9' });
      try {
        const result = await call(down.base, `${API}/regions`);
        expect(result.status).toBe(503);
        expect(result.headers.get('retry-after')).toBe('5');
      } finally {
        await down.close();
      }
    });
  });

  describe('large CSV answers, relayed as they arrive', () => {
    let manual: ManualUpstream;
    let streaming: TestGateway;

    beforeAll(async () => {
      manual = await startManualUpstream();
      streaming = await startGateway({ BUDGET_LEDGER_URL: manual.url, UPSTREAM_TIMEOUT_MS: '1000' });
    });

    afterAll(async () => {
      await streaming?.close();
      await manual?.close();
    });

    it('relays the first rows before the service has written the rest', async () => {
      let release: (() => void) | undefined;
      manual.next((_request, response) => {
        response.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="transactions.csv"',
        });
        response.write('transaction_id,date,type\r\nKZ-1,2026-01-15,allocation-approved\r\n');
        release = () => response.end('KZ-2,2026-02-01,commitment-registered\r\n');
      });
      const response = await fetch(`${streaming.base}${API}/open-data/transactions.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="transactions.csv"');
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('KZ-1,')) {
        const chunk = await reader.read();
        expect(chunk.done).toBe(false);
        text += decoder.decode(chunk.value, { stream: true });
      }
      // The service has not finished: the gateway held nothing back.
      expect(release).toBeDefined();
      release!();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      expect(text).toBe(
        'transaction_id,date,type\r\nKZ-1,2026-01-15,allocation-approved\r\nKZ-2,2026-02-01,commitment-registered\r\n',
      );
      expect(manual.requests.at(-1)!.url).toBe('/v1/budget/open-data/transactions.csv');
    });

    it('relays a 32 MB file intact, with its length', async () => {
      const MB = 1024 * 1024;
      const chunk = Buffer.alloc(MB);
      for (let i = 0; i < MB; i++) chunk[i] = 0x41 + (i % 26);
      const expected = createHash('sha256');
      for (let i = 0; i < 32; i++) expected.update(chunk);
      manual.next((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(32 * MB) });
        let sent = 0;
        const more = (): void => {
          while (sent < 32) {
            sent++;
            if (!response.write(chunk)) {
              response.once('drain', more);
              return;
            }
          }
          response.end();
        };
        more();
      });
      const response = await fetch(`${streaming.base}${API}/open-data/transactions.csv`);
      expect(response.headers.get('content-length')).toBe(String(32 * MB));
      const received = createHash('sha256');
      let size = 0;
      for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += part.length;
        received.update(part);
      }
      expect(size).toBe(32 * MB);
      expect(received.digest('hex')).toBe(expected.digest('hex'));
    });

    it('cuts the connection, never ends the file as if whole, when the service breaks off', async () => {
      manual.next((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.write('transaction_id\r\nKZ-1\r\n');
        setTimeout(() => response.destroy(), 50);
      });
      const response = await fetch(`${streaming.base}${API}/open-data/transactions.csv`);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    });

    it('cuts the connection when the service stalls longer than the timeout between chunks', async () => {
      manual.next((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.write('transaction_id\r\n');
        // ...and nothing more.
      });
      const started = Date.now();
      const response = await fetch(`${streaming.base}${API}/open-data/transactions.csv`);
      await expect(response.text()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(4_000);
    });

    it('answers 504 when the service sends nothing in time', async () => {
      manual.next(() => undefined);
      const result = await call(streaming.base, `${API}/open-data/budget-lines.csv`);
      expect(result.status).toBe(504);
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it("cancels the service's answer when the caller leaves", async () => {
      let closed: Promise<void> | undefined;
      manual.next((_request, response) => {
        closed = new Promise((resolve) => response.once('close', () => resolve()));
        response.writeHead(200, { 'content-type': 'text/csv' });
        const timer = setInterval(() => response.write('KZ-1,2026-01-15\r\n'), 10);
        response.once('close', () => clearInterval(timer));
      });
      const abort = new AbortController();
      const response = await fetch(`${streaming.base}${API}/open-data/transactions.csv`, { signal: abort.signal });
      const reader = response.body!.getReader();
      await reader.read();
      abort.abort();
      await waitFor(() => closed !== undefined, 'the service to answer');
      await closed;
    });
  });

  describe('the import (raw CSV)', () => {
    it('passes the file on byte for byte, as text/csv, to the admin', async () => {
      const report = { rows: 1, applied: 1, duplicates: 0, rejected: [] };
      upstream.respond(() => ({ status: 200, body: report }));
      const result = await call(gateway.base, `${API}/imports`, {
        method: 'POST',
        token: tokens.get('admin')!,
        rawBody: IMPORT_CSV,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
      expect(result.status).toBe(200);
      expect(result.json()).toEqual(report);
      const received = upstream.last()!;
      expect(received.path).toBe('/v1/budget/imports');
      expect(received.body).toBe(IMPORT_CSV);
      expect(received.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(decodeActor(String(received.headers['x-adal-actor']))).toMatchObject({ sub: 'admin-timur' });
    });

    it('refuses a body that is not CSV (415), and an empty one (422)', async () => {
      const json = await call(gateway.base, `${API}/imports`, {
        method: 'POST',
        token: tokens.get('admin')!,
        body: { rows: [] },
        headers: { 'accept-language': 'en' },
      });
      expect(json.status).toBe(415);
      expect(json.json()['detail']).toBe('Send the file as CSV (Content-Type: text/csv).');
      const empty = await call(gateway.base, `${API}/imports`, {
        method: 'POST',
        token: tokens.get('admin')!,
        rawBody: '',
        headers: { 'content-type': 'text/csv' },
      });
      expect(empty.status).toBe(422);
      expect((empty.json()['errors'] as { field: string }[]).map((e) => e.field)).toEqual(['body']);
      expect(upstream.requests).toHaveLength(0);
    });

    it('refuses a file over 20 MB (413), declared or streamed', async () => {
      const big = 'x'.repeat(20 * 1024 * 1024 + 1);
      const declared = await call(gateway.base, `${API}/imports`, {
        method: 'POST',
        token: tokens.get('admin')!,
        rawBody: big,
        headers: { 'content-type': 'text/csv' },
      });
      expect(declared.status).toBe(413);
      // Chunked: no Content-Length, counted as it arrives.
      const parts = [big.slice(0, 10 * 1024 * 1024), big.slice(10 * 1024 * 1024)];
      const chunked = await fetch(`${gateway.base}${API}/imports`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.get('admin')!}` },
        body: new ReadableStream({
          start(controller) {
            for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(upstream.requests).toHaveLength(0);
    });

    it('still refuses other routes a body that is not JSON', async () => {
      const result = await call(gateway.base, `${API}/institutions`, {
        method: 'POST',
        token: tokens.get('admin')!,
        rawBody: 'bin,name',
        headers: { 'content-type': 'text/csv' },
      });
      expect(result.status).toBe(415);
    });
  });

  describe('validation (before the service sees anything)', () => {
    const invalid: [string, { method: string; path: string; body?: unknown; as?: Caller }, number, string[]][] = [
      ['a year before 2000', { method: 'GET', path: `${API}/regions?year=1999` }, 422, ['year']],
      ['a year after 2100', { method: 'GET', path: `${API}/regions/KZ-75?year=2101` }, 422, ['year']],
      ['a year that is not a number', { method: 'GET', path: `${API}/regions?year=last` }, 422, ['year']],
      ['a repeated year', { method: 'GET', path: `${API}/regions?year=2025&year=2026` }, 400, ['year']],
      ['an unknown format', { method: 'GET', path: `${API}/regions?format=xlsx` }, 422, ['format']],
      ['a region id out of pattern', { method: 'GET', path: `${API}/regions/kz-75` }, 422, ['regionId']],
      [
        'a region id of another country',
        { method: 'GET', path: `${API}/regions/UZ-75/institutions` },
        422,
        ['regionId'],
      ],
      [
        'paging and sorting out of range',
        {
          method: 'GET',
          path: `${API}/regions/KZ-75/institutions?page=0&pageSize=501&sort=bin&order=up&level=city`,
        },
        422,
        ['level', 'sort', 'order', 'page', 'pageSize'],
      ],
      ['a page size of 0', { method: 'GET', path: `${API}/programmes?pageSize=0` }, 422, ['pageSize']],
      ['a fractional page', { method: 'GET', path: `${API}/programmes?page=1.5` }, 422, ['page']],
      [
        'an unknown functional group',
        { method: 'GET', path: `${API}/programmes?functionalGroup=14` },
        422,
        ['functionalGroup'],
      ],
      [
        'a functional-group region out of pattern',
        { method: 'GET', path: `${API}/functional-groups?regionId=KZ` },
        422,
        ['regionId'],
      ],
      ['a BIN of 11 digits', { method: 'GET', path: `${API}/institutions/97024000012` }, 422, ['bin']],
      ['a BIN with letters', { method: 'GET', path: `${API}/institutions/97024000012X` }, 422, ['bin']],
      ['a line id out of pattern', { method: 'GET', path: `${API}/lines/${BIN}-253001-2026` }, 422, ['lineId']],
      ['an unknown open data file', { method: 'GET', path: `${API}/open-data/people.csv` }, 422, ['resource']],
      ['an empty search', { method: 'GET', path: `${API}/regions/KZ-75/institutions?q=` }, 422, ['q']],
      [
        'an institution without a name, with a bad region and level',
        {
          method: 'POST',
          path: `${API}/institutions`,
          body: { bin: BIN, regionId: 'KZ-7', level: 'city' },
          as: 'admin',
        },
        422,
        ['name', 'regionId', 'level'],
      ],
      [
        'an institution with a name missing a language',
        {
          method: 'POST',
          path: `${API}/institutions`,
          body: { ...INSTITUTION, name: { kk: 'Әкімдік', ru: 'Акимат' } },
          as: 'admin',
        },
        422,
        ['name.en'],
      ],
      [
        'a name correction with an unknown field',
        {
          method: 'PUT',
          path: `${API}/institutions/${BIN}/name`,
          body: { ...INSTITUTION },
          as: 'admin',
        },
        422,
        ['bin', 'regionId', 'level'],
      ],
      [
        'a name correction missing a language',
        {
          method: 'PUT',
          path: `${API}/institutions/${BIN}/name`,
          body: { name: { kk: 'Әкімдік', ru: 'Акимат' } },
          as: 'admin',
        },
        422,
        ['name.en'],
      ],
      [
        'a name correction without a name',
        { method: 'PUT', path: `${API}/institutions/${BIN}/name`, body: {}, as: 'admin' },
        422,
        ['name'],
      ],
      [
        'a name correction on a BIN of 11 digits',
        { method: 'PUT', path: `${API}/institutions/97024000012/name`, body: { name: INSTITUTION.name }, as: 'admin' },
        422,
        ['bin'],
      ],
      [
        'an institution with a numeric BIN',
        { method: 'POST', path: `${API}/institutions`, body: { ...INSTITUTION, bin: 970240000126 }, as: 'admin' },
        400,
        ['bin'],
      ],
      [
        'a programme with bad codes',
        {
          method: 'POST',
          path: `${API}/programmes`,
          body: { ...PROGRAMME, administrator: '25', subprogramme: 'abc', functionalGroup: '00' },
          as: 'admin',
        },
        422,
        ['administrator', 'subprogramme', 'functionalGroup'],
      ],
      [
        'an allocation without an amount',
        {
          method: 'POST',
          path: `${API}/lines/${LINE}/transactions`,
          body: { type: 'allocation-approved', transactionId: 'T-1', date: '2026-01-15' },
          as: 'admin',
        },
        422,
        ['amount'],
      ],
      [
        'an amount of zero, and as a JSON number',
        {
          method: 'POST',
          path: `${API}/lines/${LINE}/transactions`,
          body: {
            type: 'commitment-registered',
            transactionId: 'T-1',
            commitmentId: 'C-1',
            amount: 0,
            date: '2026-01-15',
          },
          as: 'admin',
        },
        400,
        ['amount'],
      ],
      [
        'an amount of "0" and a bad date',
        {
          method: 'POST',
          path: `${API}/lines/${LINE}/transactions`,
          body: { type: 'allocation-approved', transactionId: 'T-1', amount: '0', date: '2026-02-30' },
          as: 'admin',
        },
        422,
        ['amount', 'date'],
      ],
      [
        'an amendment of zero, with an amount',
        {
          method: 'POST',
          path: `${API}/lines/${LINE}/transactions`,
          body: { type: 'allocation-amended', transactionId: 'T-1', delta: '0', amount: '5', date: '2026-01-15' },
          as: 'admin',
        },
        422,
        ['amount', 'delta'],
      ],
      [
        'a payment without its commitment and payment ids',
        {
          method: 'POST',
          path: `${API}/lines/${LINE}/transactions`,
          body: { type: 'payment-made', transactionId: 'T-1', amount: '100', date: '2026-01-15' },
          as: 'admin',
        },
        422,
        ['commitmentId', 'paymentId'],
      ],
      [
        'an unknown transaction type, a bad transaction id and an unknown field',
        {
          method: 'POST',
          path: `${API}/lines/${LINE}/transactions`,
          body: { type: 'refund', transactionId: 'T 1', date: '2026-01-15', iin: '900101300123' },
          as: 'admin',
        },
        422,
        ['type', 'transactionId', 'iin'],
      ],
      [
        'a supplier on a payment',
        {
          method: 'POST',
          path: `${API}/lines/${LINE}/transactions`,
          body: {
            type: 'payment-made',
            transactionId: 'T-1',
            commitmentId: 'C-1',
            paymentId: 'P-1',
            amount: '100',
            date: '2026-01-15',
            supplierBin: '040340001233',
          },
          as: 'admin',
        },
        422,
        ['supplierBin'],
      ],
      [
        'a transaction on a line id out of pattern',
        {
          method: 'POST',
          path: `${API}/lines/not-a-line/transactions`,
          body: { type: 'allocation-approved', transactionId: 'T-1', amount: '1', date: '2026-01-15' },
          as: 'admin',
        },
        422,
        ['lineId'],
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

    it("names the rule in the caller's language", async () => {
      const path = `${API}/regions/KZ-75/institutions?year=1999&pageSize=1000`;
      const expected = {
        en: ['must be an integer from 2000 to 2100', 'must be an integer from 1 to 500'],
        ru: ['должно быть целым числом от 2000 до 2100', 'должно быть целым числом от 1 до 500'],
        kk: ['2000–2100 аралығындағы бүтін сан болуы керек', '1–500 аралығындағы бүтін сан болуы керек'],
      };
      for (const [language, messages] of Object.entries(expected)) {
        const result = await call(gateway.base, path, { headers: { 'accept-language': language } });
        expect(result.status).toBe(422);
        expect(result.json()['errors']).toEqual([
          { field: 'year', message: messages[0] },
          { field: 'pageSize', message: messages[1] },
        ]);
      }
      const bin = await call(gateway.base, `${API}/institutions/123`, { headers: { 'accept-language': 'ru' } });
      expect(bin.json()['errors']).toEqual([{ field: 'bin', message: 'должно состоять из 12 цифр' }]);
      const region = await call(gateway.base, `${API}/regions/KZ-7`, { headers: { 'accept-language': 'kk' } });
      expect(region.json()['errors']).toEqual([{ field: 'regionId', message: 'KZ-75 түрінде болуы керек' }]);
      const delta = await call(gateway.base, `${API}/lines/${LINE}/transactions`, {
        method: 'POST',
        token: tokens.get('admin')!,
        body: { type: 'allocation-amended', transactionId: 'T-1', date: '2026-01-15' },
        headers: { 'accept-language': 'en' },
      });
      expect(delta.json()['errors']).toEqual([
        { field: 'delta', message: 'is required when type is one of: allocation-amended' },
      ]);
    });

    it('forwards a command with only its declared fields', async () => {
      const result = await call(gateway.base, `${API}/institutions`, {
        method: 'POST',
        token: tokens.get('admin')!,
        body: INSTITUTION,
      });
      expect(result.status).toBe(201);
      expect(JSON.parse(upstream.last()!.body)).toEqual(INSTITUTION);
      expect(upstream.last()!.headers['content-type']).toBe('application/json');
    });
  });

  describe('rate limits: open data has its own, generous budget', () => {
    it('counts budget reads apart from the rest of the API', async () => {
      const limited = await startGateway({
        BUDGET_LEDGER_URL: upstream.url,
        APPOINTMENTS_URL: upstream.url,
        RATE_LIMIT_IP_PER_MINUTE: '2',
        RATE_LIMIT_OPEN_DATA_PER_MINUTE: '5',
      });
      try {
        for (let i = 0; i < 5; i++) expect((await call(limited.base, `${API}/regions`)).status).toBe(200);
        const refused = await call(limited.base, `${API}/years`);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        // The rest of the API still has its own (smaller) budget, untouched by the downloads.
        expect((await call(limited.base, '/api/v1/offices')).status).toBe(200);
        expect((await call(limited.base, '/api/v1/offices')).status).toBe(200);
        expect((await call(limited.base, '/api/v1/offices')).status).toBe(429);
      } finally {
        await limited.close();
      }
    });

    it('is generous by default', async () => {
      const { loadGatewayConfig } = await import('./config.js');
      const limits = loadGatewayConfig({}).rateLimit;
      expect(limits.openData).toBe(3000);
      expect(limits.openData).toBeGreaterThan(limits.perIp);
      expect(loadGatewayConfig({ RATE_LIMIT_OPEN_DATA_PER_MINUTE: '100000' }).rateLimit.openData).toBe(100_000);
      expect(() => loadGatewayConfig({ RATE_LIMIT_OPEN_DATA_PER_MINUTE: '0' })).toThrow(
        /RATE_LIMIT_OPEN_DATA_PER_MINUTE/,
      );
    });
  });

  describe('OpenAPI', () => {
    type Operation = {
      description?: string;
      security?: unknown[];
      'x-adal-access'?: string[];
      parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
      requestBody?: { content: Record<string, unknown> };
      responses: Record<
        string,
        { headers?: Record<string, unknown>; content?: Record<string, { schema: Record<string, unknown> }> }
      >;
    };
    let doc: {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
    };

    beforeAll(async () => {
      doc = (await call(gateway.base, '/api/docs-json')).json() as typeof doc;
    });

    const DOCUMENTED: [string, string, string[], string][] = [
      ['get', '/api/v1/budget/years', ['anyone'], 'BudgetYears'],
      ['get', '/api/v1/budget/regions', ['anyone'], 'BudgetRegions'],
      ['get', '/api/v1/budget/regions/{regionId}', ['anyone'], 'BudgetRegion'],
      ['get', '/api/v1/budget/regions/{regionId}/institutions', ['anyone'], 'BudgetInstitutionPage'],
      ['get', '/api/v1/budget/institutions/{bin}', ['anyone'], 'BudgetInstitution'],
      ['get', '/api/v1/budget/lines/{lineId}', ['anyone'], 'BudgetLine'],
      ['get', '/api/v1/budget/programmes', ['anyone'], 'BudgetProgrammePage'],
      ['get', '/api/v1/budget/functional-groups', ['anyone'], 'BudgetFunctionalGroups'],
      ['get', '/api/v1/budget/open-data/datapackage.json', ['anyone'], 'BudgetDataPackage'],
      ['get', '/api/v1/budget/open-data/{resource}.csv', ['anyone'], ''],
      ['post', '/api/v1/budget/institutions', ['admin'], 'BudgetInstitutionRecord'],
      ['put', '/api/v1/budget/institutions/{bin}/name', ['admin'], 'BudgetInstitutionNameCorrection'],
      ['post', '/api/v1/budget/programmes', ['admin'], 'BudgetProgrammeRecord'],
      ['post', '/api/v1/budget/lines/{lineId}/transactions', ['admin'], 'BudgetLineSummary'],
      ['post', '/api/v1/budget/imports', ['admin'], 'BudgetImportReport'],
    ];

    it('lists every budget route with its access and its answer schema', () => {
      const listed = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/api/v1/budget/'))
        .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
      expect(listed.sort()).toEqual(DOCUMENTED.map(([method, path]) => `${method} ${path}`).sort());
      for (const [method, path, access, schema] of DOCUMENTED) {
        const operation = doc.paths[path]![method]!;
        expect([path, operation['x-adal-access']]).toEqual([path, access]);
        expect(operation.description).toMatch(/\*\*Who:\*\*/);
        if (access[0] === 'anyone') expect(operation.security).toBeUndefined();
        else expect(operation.security).toEqual([{ bearer: [] }]);
        const success = operation.responses[method === 'post' && !path.endsWith('/imports') ? '201' : '200']!;
        if (schema) {
          expect([path, success.content?.['application/json']?.schema['$ref']]).toEqual([
            path,
            `#/components/schemas/${schema}`,
          ]);
          expect(doc.components.schemas).toHaveProperty(schema);
        }
        expect(operation.responses['422']?.content?.['application/problem+json']).toBeDefined();
        if (method === 'get') {
          expect(operation.responses['304']).toBeDefined();
          expect(operation.parameters?.some((p) => p.in === 'header' && p.name === 'If-None-Match')).toBe(true);
          expect(success.headers).toHaveProperty('ETag');
        }
      }
    });

    it('documents the CSV answers, the paging, the queries and the raw import', () => {
      const institutions = doc.paths['/api/v1/budget/regions/{regionId}/institutions']!['get']!;
      expect(institutions.responses['200']!.content).toHaveProperty('text/csv');
      expect(institutions.responses['200']!.headers).toHaveProperty('Link');
      const query = Object.fromEntries(
        (institutions.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]),
      );
      expect(Object.keys(query).sort()).toEqual(
        ['format', 'level', 'order', 'page', 'pageSize', 'q', 'sort', 'year'].sort(),
      );
      expect(query['year']).toMatchObject({ type: 'integer', minimum: 2000, maximum: 2100 });
      expect(query['pageSize']).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
      expect(query['sort']).toMatchObject({ enum: ['name', 'allocated', 'paid', 'executionPct'] });
      const csv = doc.paths['/api/v1/budget/open-data/{resource}.csv']!['get']!;
      expect(Object.keys(csv.responses['200']!.content!)).toEqual(['text/csv']);
      expect(csv.responses['200']!.headers).toHaveProperty('Content-Disposition');
      const imports = doc.paths['/api/v1/budget/imports']!['post']!;
      expect(Object.keys(imports.requestBody!.content)).toEqual(['text/csv']);
      expect(imports.responses['413']).toBeDefined();
      // Amounts are decimal strings (tiyn), never JSON numbers.
      for (const name of ['BudgetAmounts', 'BudgetRegionRow', 'BudgetInstitutionRow', 'BudgetLine']) {
        const schema = doc.components.schemas[name]!;
        const properties = { ...(schema.properties ?? {}) };
        for (const part of (schema as { allOf?: { properties?: object }[] }).allOf ?? [])
          Object.assign(properties, part.properties ?? {});
        for (const amount of ['allocated', 'committed', 'paid']) {
          if (properties[amount]) expect([name, amount, properties[amount]!['type']]).toEqual([name, amount, 'string']);
        }
      }
      expect(doc.components.schemas['BudgetAmounts']!.properties!['allocated']!['type']).toBe('string');
    });
  });
});
