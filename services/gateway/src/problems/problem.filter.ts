import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { currentTraceId, PROBLEM_CONTENT_TYPE, toProblem, type ProblemDetails } from '@adal/service-kit';
import { pathOf, type GatewayRequest, type GatewayResponse } from '../http.js';
import { languageOf } from '../i18n/request-language.js';
import type { Language } from '../i18n/language.js';
import { statusTitle, translate } from '../i18n/messages.js';
import { GatewayProblem, type GatewayProblemInit } from './gateway-problem.js';

/** What body-parser and Express put on their errors. */
interface HttpLibraryError {
  type?: unknown;
  status?: unknown;
}

/** The known client errors of Express and body-parser, as gateway problems (never echoing the input). */
const fromHttpLibrary = (exception: HttpException): GatewayProblemInit | undefined => {
  const cause = exception.cause as HttpLibraryError | undefined;
  const type = typeof cause?.type === 'string' ? cause.type : undefined;
  // By name, not `instanceof`: the error may come from another realm.
  const name = typeof cause === 'object' && cause !== null ? (cause as { name?: unknown }).name : undefined;
  if (type === 'entity.parse.failed' || (name === 'SyntaxError' && exception.getStatus() === 400)) {
    return { status: HttpStatus.BAD_REQUEST, detail: { key: 'detail.malformedJson' } };
  }
  if (name === 'URIError') return { status: HttpStatus.BAD_REQUEST, detail: { key: 'detail.malformedUrl' } };
  if (type === 'entity.too.large')
    return { status: HttpStatus.PAYLOAD_TOO_LARGE, detail: { key: 'detail.bodyTooLarge' } };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail: { key: 'detail.jsonOnly' } };
  }
  if (type === 'request.aborted' || type === 'request.size.invalid' || type === 'stream.encoding.set') {
    return { status: HttpStatus.BAD_REQUEST };
  }
  return undefined;
};

/**
 * The gateway's exception filter: every error is RFC 9457 `application/problem+json`, with
 * title, detail and field messages in the caller's language (`Accept-Language` kk/ru/en,
 * else the signed-in user's language, else Kazakh). Registered with `useGlobalFilters`, so it
 * takes precedence over service-kit's (English) `ProblemDetailsFilter`.
 */
@Catch()
export class GatewayProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<GatewayRequest>();
    const response = http.getResponse<GatewayResponse>();
    const language = languageOf(request);
    const { problem, headers } = this.toLocalizedProblem(exception, request, language);
    problem.instance = pathOf(request);
    const traceId = currentTraceId();
    if (traceId) problem.traceId = traceId;

    // Gateway problems are logged where they arise (e.g. an unreachable service); anything else
    // answered with a 5xx is a fault of ours: its message and stack go to the log, not the client.
    if (problem.status >= 500 && !(exception instanceof GatewayProblem)) {
      const error = exception instanceof Error ? exception : undefined;
      this.logger.error(
        `${request.method} ${routeOf(request)} failed with ${problem.status}: ${error ? `${error.name}: ${error.message}` : String(exception)}`,
        error?.stack,
      );
    }

    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    response.setHeader('Content-Language', language);
    response.statusCode = problem.status;
    response.end(JSON.stringify(problem));
  }

  private toLocalizedProblem(
    exception: unknown,
    request: GatewayRequest,
    language: Language,
  ): { problem: ProblemDetails; headers: Record<string, string> } {
    let init: GatewayProblemInit | undefined;
    if (exception instanceof GatewayProblem) init = exception.init;
    else if (exception instanceof HttpException) {
      init = fromHttpLibrary(exception);
      const status = exception.getStatus();
      if (!init && status === HttpStatus.NOT_FOUND && isUnknownRoute(exception, request)) {
        init = {
          status,
          detail: { key: 'detail.noSuchRoute', params: { method: request.method ?? '', path: pathOf(request) } },
        };
      }
    }
    if (init) return this.render(init, language);

    // Anything else: service-kit's mapping (409 conflicts, health 503s, bare 500s), titled in the caller's language.
    const { problem, headers } = toProblem(exception);
    problem.title = statusTitle(problem.status, language);
    if (problem.status === HttpStatus.INTERNAL_SERVER_ERROR) problem.detail = translate('detail.internal', language);
    return { problem, headers };
  }

  private render(
    init: GatewayProblemInit,
    language: Language,
  ): { problem: ProblemDetails; headers: Record<string, string> } {
    const problem: ProblemDetails = {
      type: init.type ?? 'about:blank',
      title: statusTitle(init.status, language),
      status: init.status,
    };
    if (init.errors && init.errors.length > 0) {
      problem.errors = init.errors.map((e) => ({ field: e.field, message: translate(e.key, language, e.params) }));
      const [first] = problem.errors;
      problem.detail =
        problem.errors.length === 1 && first
          ? translate('detail.oneFieldInvalid', language, { field: first.field, message: first.message })
          : translate('detail.fieldsInvalid', language, { count: problem.errors.length });
    } else if (init.detail) {
      problem.detail = translate(init.detail.key, language, init.detail.params);
    }
    return { problem, headers: { ...(init.headers ?? {}) } };
  }
}

/** Nest's own 404 for a path no route matches ("Cannot GET /x"). */
const isUnknownRoute = (exception: HttpException, request: GatewayRequest): boolean => {
  const body = exception.getResponse();
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
  return typeof message === 'string' && message.startsWith(`Cannot ${request.method ?? ''} `);
};

/** The route template, for logs (the raw path may carry ids; the query may carry personal data). */
export const routeOf = (request: GatewayRequest): string => {
  const path = request.route?.path;
  // A wildcard is a middleware's catch-all, not a route of ours.
  return typeof path === 'string' && !path.includes('*') ? path : '(no route)';
};
