/**
 * Test harness for the gateway's integration tests: a real HTTP server standing in for a
 * downstream service (it records what it receives and answers as told), and the real gateway
 * app on an ephemeral port pointing at it.
 *
 * Import it with `await import(...)` AFTER bridging `@nestjs/common`/`@nestjs/core` for Jest (see
 * the top of the gateway's spec files): `@nestjs/throttler` is CommonJS and requires those
 * ESM-only packages, which Jest's module system on Node 20 cannot do by itself.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { JsonLogger, type JsonLogRecord } from '@adal/service-kit';
import { createGatewayApp } from '../app.js';
import { loadGatewayConfig, type GatewayConfig } from '../config.js';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StubAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  /** Wait this long before answering. */
  delayMs?: number;
}

export type StubResponder = (request: RecordedRequest) => StubAnswer | undefined;

/** A stand-in for a downstream service: records requests, answers JSON (or as `respond` says). */
export interface UpstreamStub {
  url: string;
  requests: RecordedRequest[];
  /** Replace the answer for what follows (undefined: the default echo). */
  respond: (responder: StubResponder | undefined) => void;
  reset: () => void;
  last: () => RecordedRequest | undefined;
  close: () => Promise<void>;
}

export const startUpstreamStub = async (): Promise<UpstreamStub> => {
  const requests: RecordedRequest[] = [];
  let responder: StubResponder | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const answer: StubAnswer = responder?.(recorded) ?? {
        status: 200,
        body: { upstream: 'appointments', method: recorded.method, path: recorded.path },
      };
      const send = (): void => {
        const body =
          answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, {
          'content-type': 'application/json; charset=utf-8',
          ...(answer.headers ?? {}),
        });
        res.end(body);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (r) => {
      responder = r;
    },
    reset: () => {
      requests.length = 0;
      responder = undefined;
    },
    last: () => requests[requests.length - 1],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Environment of a test gateway (secrets are test values, not the development defaults). */
export const TEST_ENV = {
  NODE_ENV: 'test',
  JWT_SECRET: 'gateway-int-test-jwt-secret-0123456789abcdef',
  CITIZEN_REF_KEY: 'gateway-int-test-citizen-ref-key-0123456789abcdef',
  INTERNAL_TOKEN: 'gateway-int-test-internal-token',
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_IP_PER_MINUTE: '100000',
} as const;

export interface TestGateway {
  app: INestApplication;
  base: string;
  config: GatewayConfig;
  logs: JsonLogRecord[];
  /** Every log line as written. */
  rawLogs: string[];
  close: () => Promise<void>;
}

export const startGateway = async (
  env: Record<string, string> = {},
  overrides: (config: GatewayConfig) => GatewayConfig = (c) => c,
): Promise<TestGateway> => {
  const config = overrides(loadGatewayConfig({ ...TEST_ENV, ...env }));
  const logs: JsonLogRecord[] = [];
  const rawLogs: string[] = [];
  const logger = new JsonLogger('gateway', {
    levels: ['fatal', 'error', 'warn', 'log', 'debug'],
    write: (line) => {
      rawLogs.push(line);
      logs.push(JSON.parse(line) as JsonLogRecord);
    },
  });
  const app = await createGatewayApp({ config, logger });
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, base, config, logs, rawLogs, close: () => app.close() };
};

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON and other content types). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

export const call = async (base: string, path: string, options: CallOptions = {}): Promise<CallResult> => {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
};

/** A token for a demo user, through the development sign-in. */
export const signIn = async (base: string, userId: string): Promise<string> => {
  const result = await call(base, '/api/v1/auth/dev/sign-in', { method: 'POST', body: { userId } });
  if (result.status !== 200) throw new Error(`sign-in as ${userId} answered ${result.status}: ${result.text}`);
  return result.json()['accessToken'] as string;
};
