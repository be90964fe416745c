import { STATUS_CODES } from 'node:http';
import {
  Catch,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InvalidAppendError, WrongExpectedVersionError } from '@adal/event-store';
import { currentTraceId } from './request-context.js';

/** RFC 9457 media type. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types of our own; anything else is `about:blank` (the HTTP status says it all). */
export const ProblemTypes = {
  /** Request fields are wrong; `errors` names each one. */
  validation: 'urn:adal-office:problem:validation',
  /** Someone else changed the same thing first: re-read it and retry. */
  concurrencyConflict: 'urn:adal-office:problem:concurrency-conflict',
  /** The service is not ready to take traffic (a dependency is down or it is shutting down). */
  notReady: 'urn:adal-office:problem:not-ready',
} as const;

export interface ProblemFieldError {
  /** The field as the client knows it (a JSON path such as `slot.start`, or a header/query name). */
  field: string;
  message: string;
}

/** An RFC 9457 problem details document. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Extension: one entry per invalid field, for validation problems. */
  errors?: ProblemFieldError[];
  /** Extension: the W3C trace id, to quote to support. */
  traceId?: string;
  [extension: string]: unknown;
}

export interface ProblemInit {
  status: number;
  type?: string;
  title?: string;
  detail?: string;
  errors?: ProblemFieldError[];
  /** More members for the document (must not be one of the standard ones). */
  extensions?: Record<string, unknown>;
  /** Response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>;
}

const statusTitle = (status: number): string => STATUS_CODES[status] ?? 'Error';

/** Throw from a handler to answer with exactly this problem. */
export class ProblemException extends HttpException {
  readonly problem: ProblemInit;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title ?? statusTitle(init.status), init.status);
    this.problem = init;
  }
}

/** Bad request fields, each named. 422 unless told otherwise. */
export class ValidationProblemException extends ProblemException {
  constructor(errors: ProblemFieldError[], options: { status?: number; detail?: string } = {}) {
    super({
      status: options.status ?? HttpStatus.UNPROCESSABLE_ENTITY,
      type: ProblemTypes.validation,
      title: 'Your request is not valid',
      detail: options.detail ?? describeFieldErrors(errors),
      errors,
    });
  }
}

const describeFieldErrors = (errors: readonly ProblemFieldError[]): string =>
  errors.length === 1 ? `${errors[0]!.field}: ${errors[0]!.message}` : `${errors.length} fields are not valid`;

export interface ProblemResponse {
  problem: ProblemDetails;
  headers: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** class-validator style messages ("slot.start must be a date") become field errors. */
const fieldErrorFromMessage = (message: string): ProblemFieldError => {
  const space = message.indexOf(' ');
  return space > 0 ? { field: message.slice(0, space), message: message.slice(space + 1) } : { field: '', message };
};

const isFieldErrorList = (value: unknown): value is ProblemFieldError[] =>
  Array.isArray(value) &&
  value.every((e) => isRecord(e) && typeof e['field'] === 'string' && typeof e['message'] === 'string');

/** A terminus health-check result (thrown as the body of a 503). */
const healthChecks = (body: Record<string, unknown>): Record<string, string> | undefined => {
  if (!['error', 'shutting_down'].includes(body['status'] as string) || !isRecord(body['details'])) return undefined;
  const checks: Record<string, string> = {};
  for (const [key, value] of Object.entries(body['details'])) {
    checks[key] = isRecord(value) && typeof value['status'] === 'string' ? value['status'] : 'unknown';
  }
  return checks;
};

const fromHttpException = (exception: HttpException): ProblemResponse => {
  const status = exception.getStatus();
  const title = statusTitle(status);
  if (exception instanceof ProblemException) {
    const { problem: p } = exception;
    const problem: ProblemDetails = {
      ...(p.extensions ?? {}),
      type: p.type ?? 'about:blank',
      title: p.title ?? title,
      status,
    };
    if (p.detail !== undefined) problem.detail = p.detail;
    if (p.errors) problem.errors = p.errors;
    return { problem, headers: { ...(p.headers ?? {}) } };
  }
  const problem: ProblemDetails = { type: 'about:blank', title, status };
  const body = exception.getResponse();
  if (typeof body === 'string') {
    if (body !== title) problem.detail = body;
  } else if (isRecord(body)) {
    const checks = healthChecks(body);
    const message = body['message'];
    if (checks) {
      problem.type = ProblemTypes.notReady;
      const down = Object.entries(checks)
        .filter(([, s]) => s !== 'up' && s !== 'degraded')
        .map(([key]) => key);
      problem.detail =
        body['status'] === 'shutting_down'
          ? 'The service is shutting down'
          : `Not ready: ${down.join(', ') || 'unknown'}`;
      problem['checks'] = checks;
    } else if (isFieldErrorList(body['errors'])) {
      problem.type = ProblemTypes.validation;
      problem.errors = body['errors'];
      problem.detail = typeof message === 'string' ? message : describeFieldErrors(body['errors']);
    } else if (Array.isArray(message) && message.every((m) => typeof m === 'string')) {
      problem.type = ProblemTypes.validation;
      problem.errors = message.map(fieldErrorFromMessage);
      problem.detail = describeFieldErrors(problem.errors);
    } else if (typeof message === 'string' && message !== title) {
      problem.detail = message;
    }
  }
  // A deliberate 500 still must not leak what went wrong inside.
  if (status === HttpStatus.INTERNAL_SERVER_ERROR) delete problem.detail;
  return { problem, headers: {} };
};

/**
 * Maps anything thrown while handling a request to a problem document. Unknown errors become
 * a bare 500: their message and stack stay in the logs.
 */
export const toProblem = (exception: unknown): ProblemResponse => {
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (exception instanceof WrongExpectedVersionError) {
    return {
      problem: {
        type: ProblemTypes.concurrencyConflict,
        title: 'The resource was changed by another request',
        status: HttpStatus.CONFLICT,
        detail: 'Someone else changed this first. Read it again and retry your request.',
        retryable: true,
      },
      headers: { 'Retry-After': '0' },
    };
  }
  if (exception instanceof InvalidAppendError) {
    const errors = [{ field: exception.field, message: exception.reason }];
    return {
      problem: {
        type: ProblemTypes.validation,
        title: 'Your request is not valid',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: describeFieldErrors(errors),
        errors,
      },
      headers: {},
    };
  }
  return {
    problem: {
      type: 'about:blank',
      title: statusTitle(HttpStatus.INTERNAL_SERVER_ERROR),
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'Something went wrong on our side. If it keeps happening, quote the trace id.',
    },
    headers: {},
  };
};

/**
 * Global exception filter answering every HTTP error as `application/problem+json`
 * (RFC 9457), including Nest's own 404 for unknown routes.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<unknown>();
    const response = http.getResponse<unknown>();
    const adapter = this.adapterHost.httpAdapter;
    const { problem, headers } = toProblem(exception);
    const method = String(adapter.getRequestMethod?.(request) ?? '');
    const url = String(adapter.getRequestUrl?.(request) ?? '');
    problem.instance = url.split('?')[0] ?? url;
    // Nest's unknown-route message repeats the whole URL; the query string may hold personal data.
    if (problem.detail === `Cannot ${method} ${url}`) problem.detail = `Cannot ${method} ${problem.instance}`;
    const traceId = currentTraceId();
    if (traceId) problem.traceId = traceId;

    if (problem.status >= 500) {
      const error = exception instanceof Error ? exception : undefined;
      this.logger.error(
        `${method} ${problem.instance} failed with ${problem.status}: ${error ? `${error.name}: ${error.message}` : String(exception)}`,
        error?.stack,
      );
    } else {
      this.logger.debug?.(`${method} ${problem.instance} answered ${problem.status} (${problem.type})`);
    }

    if (adapter.isHeadersSent(response)) {
      adapter.end(response);
      return;
    }
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
    adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    adapter.reply(response, JSON.stringify(problem), problem.status);
  }
}
