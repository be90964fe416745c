import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { actorOf, encodeActor } from '../auth/principal.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config.js';
import { pathOf, type GatewayRequest, type GatewayResponse } from '../http.js';
import { languageOf } from '../i18n/request-language.js';
import { GatewayProblem } from '../problems/gateway-problem.js';
import { PUBLIC_PREFIX, SERVICE_PREFIX, type UpstreamName } from './upstreams.js';

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
];

/** What to send besides the caller's identity: the validated body and query, nothing else. */
export interface ForwardParts {
  body?: object;
  query?: object;
}

const isJsonType = (contentType: string | null): boolean =>
  contentType !== null && /^application\/([\w.-]+\+)?json\b/i.test(contentType);

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
 */
@Injectable()
export class UpstreamClient {
  private readonly logger = new Logger('Upstream');

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async forward(
    service: UpstreamName,
    request: GatewayRequest,
    response: GatewayResponse,
    parts: ForwardParts = {},
  ): Promise<void> {
    const publicPath = pathOf(request);
    if (!publicPath.startsWith(PUBLIC_PREFIX))
      throw new Error(`cannot forward ${publicPath}: not under ${PUBLIC_PREFIX}`);
    const url = new URL(`${this.config.upstreams[service]}${SERVICE_PREFIX}${publicPath.slice(PUBLIC_PREFIX.length)}`);
    for (const [name, value] of Object.entries(parts.query ?? {})) {
      if (typeof value === 'string') url.searchParams.set(name, value);
    }

    const language = languageOf(request);
    const headers: Record<string, string> = {
      accept: typeof request.headers.accept === 'string' ? request.headers.accept : 'application/json',
      'accept-language': language,
      [INTERNAL_TOKEN_HEADER]: this.config.internalToken,
    };
    if (request.principal) headers[ACTOR_HEADER] = encodeActor(actorOf(request.principal, language));
    for (const name of ['traceparent', 'tracestate'] as const) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let body: string | undefined;
    if (parts.body !== undefined) {
      body = JSON.stringify(parts.body);
      headers['content-type'] = 'application/json';
    }

    let upstream: Response;
    let payload: Buffer;
    const started = performance.now();
    try {
      upstream = await fetch(url, {
        method: request.method ?? 'GET',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.upstreamTimeoutMs),
      });
      payload = Buffer.from(await upstream.arrayBuffer());
    } catch (error) {
      const failure = failureOf(error);
      if (!failure) throw error;
      this.logger.warn(
        `${service} ${failure === 'timeout' ? 'did not answer in time' : 'is unreachable'} (${request.method} ${typeof request.route?.path === 'string' ? request.route.path : ''})`,
      );
      if (failure === 'timeout') {
        throw new GatewayProblem({ status: HttpStatus.GATEWAY_TIMEOUT, detail: { key: 'detail.serviceTimeout' } });
      }
      const seconds = String(this.config.upstreamRetryAfterSeconds);
      throw new GatewayProblem({
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: { key: 'detail.serviceUnavailable', params: { seconds } },
        headers: { 'Retry-After': seconds },
      });
    }
    const elapsed = Math.round(performance.now() - started);

    const contentType = upstream.headers.get('content-type');
    if (upstream.status >= 500 && !isJsonType(contentType)) {
      this.logger.warn(`${service} answered ${upstream.status} without a problem document (${elapsed} ms)`);
      throw new GatewayProblem({ status: HttpStatus.BAD_GATEWAY, detail: { key: 'detail.badGateway' } });
    }

    response.statusCode = upstream.status;
    for (const name of RELAYED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value === null) continue;
      // Services speak of `/v1/...`; the client knows `/api/v1/...`.
      response.setHeader(name, name === 'location' && value.startsWith(SERVICE_PREFIX) ? `/api${value}` : value);
    }
    response.setHeader('Server-Timing', `upstream;dur=${elapsed}`);
    const noBody = upstream.status === 204 || upstream.status === 304 || request.method === 'HEAD';
    response.end(noBody ? undefined : payload);
  }
}
