import { HttpStatus, Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { actorOf, encodeActor } from '../auth/principal.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config.js';
import { pathOf, type GatewayRequest, type GatewayResponse } from '../http.js';
import { languageOf } from '../i18n/request-language.js';
import { GatewayProblem } from '../problems/gateway-problem.js';
import { isConnectFailure, ReplicaRouter } from './replica-routing.js';
import { affinityOf, PUBLIC_PREFIX, SERVICE_PREFIX, type UpstreamName } from './upstreams.js';

/** Headers the services read (docs/api.md, "Identity passed to services"). */
export const INTERNAL_TOKEN_HEADER = 'x-adal-internal-token';
export const ACTOR_HEADER = 'x-adal-actor';

/** Response headers worth passing back to the client. */
const RELAYED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'content-language',
  'location',
  'retry-after',
  'etag',
  'last-modified',
  'cache-control',
  'link',
  'vary',
];

/** Request headers passed on to the service as they are (conditional requests: `304 Not Modified`). */
const RELAYED_REQUEST_HEADERS = ['if-none-match'] as const;

/** What to send besides the caller's identity: the validated body and query, nothing else. */
export interface ForwardParts {
  body?: object;
  query?: object;
  /** A body sent as it is instead of JSON (e.g. a CSV file the route has read and size-checked). */
  raw?: { data: Uint8Array; contentType: string };
  /** How long the service has to answer (default `UPSTREAM_TIMEOUT_MS`); `pipe`: between two chunks too. */
  timeoutMs?: number;
}

const isJsonType = (contentType: string | null): boolean =>
  contentType !== null && /^application\/([\w.-]+\+)?json\b/i.test(contentType);

const isEventStream = (contentType: string | null): boolean =>
  contentType !== null && /^text\/event-stream\b/i.test(contentType);

/** A request prepared for a service: where (its replicas in the order to try), with which headers and body. */
interface Outgoing {
  urls: readonly URL[];
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/**
 * The network-level reason a `fetch` failed, if any. By name, not `instanceof`: undici's errors
 * may come from another realm (e.g. under a test runner's VM context).
 */
const failureOf = (error: unknown): 'timeout' | 'unreachable' | undefined => {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (name === 'TypeError') return 'unreachable'; // "fetch failed": refused, reset, DNS, body cut short...
  return undefined;
};

/**
 * Forwards a validated request to the service owning it and relays the service's answer
 * (status, content type, body) unchanged. A service that cannot be reached gives a 503 with
 * `Retry-After`; one that does not answer in time a 504; one that breaks down without a
 * problem document a 502.
 *
 * `forward` reads the whole answer before relaying it. `stream` is for server-sent events
 * (`text/event-stream`): the service's answer is relayed chunk by chunk as it arrives, never
 * buffered, for as long as both the caller and the service keep the connection open. `pipe` is
 * for downloads of any size (a CSV of every ledger event): relayed as it arrives too, but ended
 * when the service stops sending.
 */
@Injectable()
export class UpstreamClient implements OnModuleDestroy {
  private readonly logger = new Logger('Upstream');
  /** Open event streams, ended when the gateway shuts down. */
  private readonly streams = new Set<AbortController>();

  /** Which replica of each service gets a request (`replica-routing.ts`). */
  private readonly routers: Record<UpstreamName, ReplicaRouter>;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.routers = Object.fromEntries(
      (Object.keys(config.upstreams) as UpstreamName[]).map((name) => [
        name,
        new ReplicaRouter(config.upstreams[name], affinityOf(name)),
      ]),
    ) as Record<UpstreamName, ReplicaRouter>;
  }

  async forward(
    service: UpstreamName,
    request: GatewayRequest,
    response: GatewayResponse,
    parts: ForwardParts = {},
  ): Promise<void> {
    const outgoing = this.prepare(service, request, parts);
    let upstream: Response;
    let payload: Buffer;
    const started = performance.now();
    try {
      upstream = await this.send(service, request, outgoing, {
        method: request.method ?? 'GET',
        headers: outgoing.headers,
        body: outgoing.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(parts.timeoutMs ?? this.config.upstreamTimeoutMs),
      });
      payload = Buffer.from(await upstream.arrayBuffer());
    } catch (error) {
      throw this.failure(service, request, error);
    }
    this.relay(service, request, response, upstream, payload, Math.round(performance.now() - started));
  }

  /**
   * Relays a server-sent event stream (`GET`, `Accept: text/event-stream`). The service has
   * `UPSTREAM_TIMEOUT_MS` to answer with its headers; after that the stream stays open without
   * a time limit. Every chunk the service writes is written to the caller at once (headers
   * flushed first, no compression, `X-Accel-Buffering: no` for a reverse proxy in front).
   * When the caller goes away the service's stream is cancelled, and the other way round. An
   * answer that is not an event stream (a 404 problem, say) is relayed as `forward` would.
   */
  async stream(service: UpstreamName, request: GatewayRequest, response: GatewayResponse): Promise<void> {
    const outgoing = this.prepare(service, request, {});
    outgoing.headers['accept'] = 'text/event-stream';
    // EventSource sends it when it reconnects: the service can replay what was missed.
    const lastEventId = request.headers['last-event-id'];
    if (typeof lastEventId === 'string') outgoing.headers['last-event-id'] = lastEventId;
    const abort = new AbortController();
    let callerGone = false;
    const onClose = () => {
      callerGone = true;
      abort.abort();
    };
    response.once('close', onClose);
    this.streams.add(abort);
    const done = () => {
      response.off('close', onClose);
      this.streams.delete(abort);
      abort.abort();
    };

    const started = performance.now();
    const timer = setTimeout(
      () => abort.abort(new DOMException('no answer in time', 'TimeoutError')),
      this.config.upstreamTimeoutMs,
    );
    let upstream: Response;
    try {
      upstream = await this.send(service, request, outgoing, {
        method: 'GET',
        headers: outgoing.headers,
        redirect: 'manual',
        signal: abort.signal,
      });
    } catch (error) {
      clearTimeout(timer);
      done();
      if (callerGone) return;
      throw this.failure(service, request, error);
    }
    const elapsed = Math.round(performance.now() - started);

    if (upstream.status !== 200 || !isEventStream(upstream.headers.get('content-type')) || !upstream.body) {
      let payload: Buffer;
      try {
        payload = Buffer.from(await upstream.arrayBuffer());
      } catch (error) {
        if (callerGone) return;
        throw this.failure(service, request, error);
      } finally {
        clearTimeout(timer);
        done();
      }
      this.relay(service, request, response, upstream, payload, elapsed);
      return;
    }

    clearTimeout(timer);
    response.statusCode = 200;
    response.setHeader('Content-Type', upstream.headers.get('content-type') ?? 'text/event-stream');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('X-Accel-Buffering', 'no');
    response.setHeader('Server-Timing', `upstream;dur=${elapsed}`);
    request.socket.setNoDelay(true);
    request.socket.setTimeout(0);
    response.flushHeaders();

    const reader = upstream.body.getReader();
    try {
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished || callerGone) break;
        if (!response.write(value)) await drained(response);
      }
    } catch {
      // The service closed the stream abruptly, or the caller left: either way it is over.
    } finally {
      done();
      await reader.cancel().catch(() => undefined);
      if (!response.writableEnded) response.end();
    }
  }

  /**
   * Relays the service's answer as it arrives, never holding more than a chunk: for answers
   * that can be large (CSV downloads). The service has `timeoutMs` (default
   * `UPSTREAM_TIMEOUT_MS`) to answer with its headers and then at most that long between two
   * chunks. Status and the relayed headers (`ETag`, `Cache-Control`, `Link`, `Content-Type`,
   * `Content-Disposition`, ...) are passed on as `forward` does; so is a `304` to an
   * `If-None-Match`. When the service fails before the first chunk the caller gets the usual
   * 502/503/504 problem; when it fails later, the caller's connection is cut (never ended as if
   * the file were whole). When the caller goes away, the service's answer is cancelled.
   */
  async pipe(
    service: UpstreamName,
    request: GatewayRequest,
    response: GatewayResponse,
    parts: ForwardParts = {},
  ): Promise<void> {
    const outgoing = this.prepare(service, request, parts);
    const timeoutMs = parts.timeoutMs ?? this.config.upstreamTimeoutMs;
    const abort = new AbortController();
    let callerGone = false;
    const onClose = () => {
      if (response.writableFinished) return;
      callerGone = true;
      abort.abort();
    };
    response.once('close', onClose);
    this.streams.add(abort);
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => abort.abort(new DOMException('no answer in time', 'TimeoutError')), timeoutMs);
    };
    const done = () => {
      clearTimeout(timer);
      response.off('close', onClose);
      this.streams.delete(abort);
    };

    const started = performance.now();
    arm();
    let upstream: Response;
    try {
      upstream = await this.send(service, request, outgoing, {
        method: request.method ?? 'GET',
        headers: outgoing.headers,
        body: outgoing.body,
        redirect: 'manual',
        signal: abort.signal,
      });
    } catch (error) {
      done();
      if (callerGone) return;
      throw this.failure(service, request, error);
    }
    const elapsed = Math.round(performance.now() - started);
    const bodyless = upstream.status === 204 || upstream.status === 304 || request.method === 'HEAD';

    if (!upstream.body || bodyless || (upstream.status >= 500 && !isJsonType(upstream.headers.get('content-type')))) {
      let payload: Buffer;
      try {
        payload = Buffer.from(await upstream.arrayBuffer());
      } catch (error) {
        if (callerGone) return;
        throw this.failure(service, request, error);
      } finally {
        done();
      }
      this.relay(service, request, response, upstream, payload, elapsed);
      return;
    }

    const reader = upstream.body.getReader();
    let first: Awaited<ReturnType<typeof reader.read>>;
    try {
      arm();
      first = await reader.read();
    } catch (error) {
      done();
      if (callerGone) return;
      throw this.failure(service, request, error);
    }

    response.statusCode = upstream.status;
    this.relayHeaders(service, upstream, response);
    const length = upstream.headers.get('content-length');
    // `fetch` decodes a compressed answer: its length is only right when it was not compressed.
    if (length !== null && upstream.headers.get('content-encoding') === null)
      response.setHeader('Content-Length', length);
    response.setHeader('Server-Timing', `upstream;dur=${elapsed}`);

    let whole = first.done;
    try {
      if (!first.done && !response.write(first.value)) await drained(response);
      while (!whole && !callerGone) {
        arm();
        const { done: finished, value } = await reader.read();
        if (finished) whole = true;
        else if (!response.write(value)) await drained(response);
      }
    } catch {
      // The service broke off, stalled longer than the timeout, or the caller left.
    } finally {
      done();
      if (whole) {
        response.end();
      } else {
        await reader.cancel().catch(() => undefined);
        if (!callerGone) {
          this.logger.warn(`${service} broke off an answer (${request.method} ${routeTemplateOf(request)})`);
          response.destroy();
        }
      }
    }
  }

  /** Ends the open event streams, so that shutting down never waits for them. */
  onModuleDestroy(): void {
    for (const abort of this.streams) abort.abort();
    this.streams.clear();
  }

  private prepare(service: UpstreamName, request: GatewayRequest, parts: ForwardParts): Outgoing {
    const publicPath = pathOf(request);
    if (!publicPath.startsWith(PUBLIC_PREFIX))
      throw new Error(`cannot forward ${publicPath}: not under ${PUBLIC_PREFIX}`);
    const servicePath = `${SERVICE_PREFIX}${publicPath.slice(PUBLIC_PREFIX.length)}`;
    const urls = this.routers[service].candidates(servicePath).map((base) => new URL(`${base}${servicePath}`));
    for (const [name, value] of Object.entries(parts.query ?? {})) {
      if (typeof value === 'string') for (const url of urls) url.searchParams.set(name, value);
    }

    const language = languageOf(request);
    const headers: Record<string, string> = {
      accept: typeof request.headers.accept === 'string' ? request.headers.accept : 'application/json',
      'accept-language': language,
      [INTERNAL_TOKEN_HEADER]: this.config.internalToken,
    };
    if (request.principal) headers[ACTOR_HEADER] = encodeActor(actorOf(request.principal, language));
    for (const name of ['traceparent', 'tracestate', ...RELAYED_REQUEST_HEADERS] as const) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let body: string | Uint8Array | undefined;
    if (parts.raw !== undefined) {
      body = parts.raw.data;
      headers['content-type'] = parts.raw.contentType;
    } else if (parts.body !== undefined) {
      body = JSON.stringify(parts.body);
      headers['content-type'] = 'application/json';
    }
    return { urls, headers, body };
  }

  /**
   * `fetch` from the first replica of `outgoing`; when that one cannot be connected to (refused,
   * no such host: the request never reached it, so it is never applied twice), from the next,
   * and so on. Any other failure, or the last replica's, is thrown. One replica: just `fetch`.
   */
  private async send(
    service: UpstreamName,
    request: GatewayRequest,
    outgoing: Outgoing,
    init: RequestInit,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const url = outgoing.urls[attempt]!;
      try {
        return await fetch(url, init);
      } catch (error) {
        const next = outgoing.urls[attempt + 1];
        if (next === undefined || init.signal?.aborted || !isConnectFailure(error)) throw error;
        this.logger.warn(
          `${service} replica ${url.origin} is unreachable, failing over to ${next.origin} (${request.method} ${routeTemplateOf(request)})`,
        );
      }
    }
  }

  /** The problem to answer when the service could not be asked (rethrows anything else). */
  private failure(service: UpstreamName, request: GatewayRequest, error: unknown): GatewayProblem {
    const failure = failureOf(error);
    if (!failure) throw error;
    this.logger.warn(
      `${service} ${failure === 'timeout' ? 'did not answer in time' : 'is unreachable'} (${request.method} ${routeTemplateOf(request)})`,
    );
    if (failure === 'timeout') {
      return new GatewayProblem({ status: HttpStatus.GATEWAY_TIMEOUT, detail: { key: 'detail.serviceTimeout' } });
    }
    const seconds = String(this.config.upstreamRetryAfterSeconds);
    return new GatewayProblem({
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: { key: 'detail.serviceUnavailable', params: { seconds } },
      headers: { 'Retry-After': seconds },
    });
  }

  /**
   * Copies the headers worth passing on. Services speak of `/v1/...`; the client knows
   * `/api/v1/...`: `Location` and the targets of `Link` (relative, or on the service's own
   * origin) are rewritten.
   */
  private relayHeaders(service: UpstreamName, upstream: Response, response: GatewayResponse): void {
    for (const name of RELAYED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value === null) continue;
      if (name === 'location') response.setHeader(name, value.startsWith(SERVICE_PREFIX) ? `/api${value}` : value);
      else if (name === 'link') response.setHeader(name, this.publicLinks(service, value));
      else response.setHeader(name, value);
    }
  }

  /** `Link` targets on the service (`</v1/...>`, `<http://service/v1/...>`) as public paths. */
  private publicLinks(service: UpstreamName, value: string): string {
    const replicas = this.config.upstreams[service];
    return value.replace(/<([^>]*)>/g, (whole, target: string) => {
      const origin = replicas.find((replica) => target.startsWith(replica));
      const path = origin === undefined ? target : target.slice(origin.length);
      return path.startsWith(SERVICE_PREFIX) ? `</api${path}>` : whole;
    });
  }

  /** Relays a service's whole answer: status, the headers worth passing on, the body. */
  private relay(
    service: UpstreamName,
    request: GatewayRequest,
    response: GatewayResponse,
    upstream: Response,
    payload: Buffer,
    elapsed: number,
  ): void {
    const contentType = upstream.headers.get('content-type');
    if (upstream.status >= 500 && !isJsonType(contentType)) {
      this.logger.warn(`${service} answered ${upstream.status} without a problem document (${elapsed} ms)`);
      throw new GatewayProblem({ status: HttpStatus.BAD_GATEWAY, detail: { key: 'detail.badGateway' } });
    }

    response.statusCode = upstream.status;
    this.relayHeaders(service, upstream, response);
    response.setHeader('Server-Timing', `upstream;dur=${elapsed}`);
    const noBody = upstream.status === 204 || upstream.status === 304 || request.method === 'HEAD';
    response.end(noBody ? undefined : payload);
  }
}

/** The route template of a request (never its raw URL, which may carry personal data). */
const routeTemplateOf = (request: GatewayRequest): string =>
  typeof request.route?.path === 'string' ? request.route.path : '';

/** Resolves when `response` can take more, or when the caller has gone. */
const drained = (response: GatewayResponse): Promise<void> =>
  new Promise((resolve) => {
    const finish = () => {
      response.off('drain', finish);
      response.off('close', finish);
      resolve();
    };
    response.once('drain', finish);
    response.once('close', finish);
  });
