// Jest on Node 20 cannot `require` ESM: hand @nestjs/throttler (CommonJS) the ESM Nest packages
// the app uses, then load the app. Plain Node (>= 20.19) needs none of this.
import { jest } from '@jest/globals';
import * as nestCommon from '@nestjs/common';
import * as nestCore from '@nestjs/core';
jest.mock('@nestjs/common', () => nestCommon);
jest.mock('@nestjs/core', () => nestCore);

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestGateway } from '../testing/harness.js';
const { call, startGateway } = await import('../testing/harness.js');

const STYLE = 'body{margin:0}';
const INDEX = `<!doctype html>
<html lang="kk">
  <head>
    <meta charset="UTF-8" />
    <title>Adal Office</title>
    <style>${STYLE}</style>
    <script type="module" crossorigin src="/assets/index-AbCd1234.js"></script>
  </head>
  <body><main id="root"></main></body>
</html>
`;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const PROBLEM = /^application\/problem\+json/;

/** A raw GET (fetch would decode the body): status, headers, bytes. */
const raw = (base: string, urlPath: string, headers: Record<string, string>, method = 'GET') =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(`${base}${urlPath}`, { headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );

describe('the gateway serves the built web app', () => {
  let dist: string;
  let gateway: TestGateway;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'adal-web-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), INDEX);
    await writeFile(path.join(dist, 'assets/index-AbCd1234.js'), SCRIPT);
    await writeFile(path.join(dist, 'robots.txt'), 'User-agent: *\n');
    await writeFile(path.join(dist, '.env'), 'SECRET=1\n');
    process.env['WEB_DIST_DIR'] = dist;
    gateway = await startGateway();
  });

  afterAll(async () => {
    await gateway?.close();
    delete process.env['WEB_DIST_DIR'];
    await rm(dist, { recursive: true, force: true });
  });

  it('answers a browser at / with index.html: revalidated, strict CSP with the inline style hash, 304 when unchanged', async () => {
    const page = await call(gateway.base, '/', { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(STYLE).digest('base64');
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here

    const again = await call(gateway.base, '/', { headers: { ...HTML, 'if-none-match': page.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('falls back to index.html for the app’s own routes, never for the API, health or assets', async () => {
    for (const route of ['/bookings/0190d3a4-7b1c-7cc3-a000-000000000001', '/official/agenda', '/index.html']) {
      const page = await call(gateway.base, route, { headers: HTML });
      expect({ route, status: page.status, body: page.text }).toEqual({ route, status: 200, body: INDEX });
    }
    const api = await call(gateway.base, '/api/v1/nothing/here', { headers: HTML });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(PROBLEM);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    const shouted = await call(gateway.base, '/API/v1/nothing', { headers: HTML });
    expect(shouted.status).toBe(404);
    expect(shouted.headers.get('content-type')).toMatch(PROBLEM);
    const health = await call(gateway.base, '/health', { headers: HTML });
    expect(health.json()).toMatchObject({ status: 'ok' });
    const asset = await call(gateway.base, '/assets/index-gone0000.js', { headers: HTML });
    expect(asset.status).toBe(404);
    expect(asset.headers.get('content-type')).toMatch(PROBLEM);
  });

  it('leaves API clients alone: GET / says which service answers, unknown paths are 404 problems', async () => {
    const info = await call(gateway.base, '/');
    expect(info.json()).toMatchObject({ service: 'gateway' });
    const unknown = await call(gateway.base, '/no-such-page');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(PROBLEM);
    const named = await call(gateway.base, '/index.html');
    expect(named.text).toBe(INDEX);
    const post = await call(gateway.base, '/', { method: 'POST', headers: HTML, body: {} });
    expect(post.status).toBe(404);
  });

  it('caches content-hashed assets for a year, compressed when the browser accepts it', async () => {
    for (const encoding of ['br', 'gzip', 'identity'] as const) {
      const response = await raw(gateway.base, '/assets/index-AbCd1234.js', { 'accept-encoding': encoding });
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(response.headers['vary']).toBe('Accept-Encoding');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      const zlib = await import('node:zlib');
      const body =
        encoding === 'br'
          ? zlib.brotliDecompressSync(response.body)
          : encoding === 'gzip'
            ? zlib.gunzipSync(response.body)
            : response.body;
      expect(response.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
      expect(body.toString()).toBe(SCRIPT);
      expect(response.body.length).toBeLessThan(encoding === 'identity' ? SCRIPT.length + 1 : SCRIPT.length / 4);
    }
    const unhashed = await call(gateway.base, '/robots.txt');
    expect(unhashed.status).toBe(200);
    expect(unhashed.headers.get('cache-control')).toBe('no-cache');
    const head = await raw(gateway.base, '/assets/index-AbCd1234.js', { 'accept-encoding': 'identity' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(SCRIPT.length);
    expect(head.body.length).toBe(0);
    const headPage = await raw(gateway.base, '/bookings', HTML, 'HEAD');
    expect(headPage.status).toBe(200);
    expect(headPage.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headPage.body.length).toBe(0);
  });

  it('picks up a rebuild while running: new page, new style hash, new assets', async () => {
    const style = 'body{margin:0;color:#111}';
    await writeFile(path.join(dist, 'index.html'), INDEX.replace(STYLE, style).replace('AbCd1234', 'EfGh5678'));
    await writeFile(path.join(dist, 'assets/index-EfGh5678.js'), SCRIPT);
    try {
      const page = await call(gateway.base, '/', { headers: HTML });
      expect(page.text).toContain('/assets/index-EfGh5678.js');
      const hash = createHash('sha256').update(style).digest('base64');
      expect(page.headers.get('content-security-policy')).toContain(`style-src 'self' 'sha256-${hash}'`);
      expect((await call(gateway.base, '/assets/index-EfGh5678.js')).status).toBe(200);
    } finally {
      await writeFile(path.join(dist, 'index.html'), INDEX);
      await rm(path.join(dist, 'assets/index-EfGh5678.js'));
    }
    expect((await call(gateway.base, '/', { headers: HTML })).text).toBe(INDEX);
    expect((await call(gateway.base, '/assets/index-EfGh5678.js')).status).toBe(404);
  });

  it('never serves dotfiles or anything outside the dist folder', async () => {
    for (const route of [
      '/.env',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
    ]) {
      const response = await call(gateway.base, route);
      expect({ route, status: response.status }).toEqual({ route, status: 404 });
      expect(response.text).not.toContain('SECRET');
    }
  });
});

describe('the gateway without a built web app', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    process.env['WEB_DIST_DIR'] = path.join(tmpdir(), `adal-web-missing-${process.pid}`);
    gateway = await startGateway();
  });

  afterAll(async () => {
    await gateway?.close();
    delete process.env['WEB_DIST_DIR'];
  });

  it('answers pages with a 503 problem saying how to build it, in the caller’s language', async () => {
    for (const [language, words] of [
      ['en', /not built yet/],
      ['ru', /ещё не собрано/],
      ['kk', /жиналмаған/],
    ] as const) {
      const page = await call(gateway.base, '/bookings', { headers: { ...HTML, 'accept-language': language } });
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toMatch(PROBLEM);
      expect(page.headers.get('content-language')).toBe(language);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.json()).toMatchObject({
        type: 'urn:adal-office:problem:web-app-not-built',
        status: 503,
        detail: expect.stringMatching(words),
        instance: '/bookings',
      });
      expect(page.json()['detail']).toContain('npm run build -w @adal/web');
    }
    expect(gateway.logs.some((l) => l.level === 'warn' && String(l.msg).includes('no web app in'))).toBe(true);
  });

  it('keeps the API, health and the service info answering', async () => {
    expect((await call(gateway.base, '/health')).status).toBe(200);
    expect((await call(gateway.base, '/')).json()).toMatchObject({ service: 'gateway' });
    const api = await call(gateway.base, '/api/v1/nothing', { headers: HTML });
    expect(api.status).toBe(404);
  });
});
