import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentTraceId as activeOtelTraceId } from '@adal/telemetry';

/** What every log line and problem document of one request can refer to. */
export interface RequestContext {
  /** W3C trace id (32 lower-case hex digits). */
  traceId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being handled, if any. */
export const currentRequestContext = (): RequestContext | undefined => storage.getStore();

/**
 * The trace id of what is being handled: the active OpenTelemetry span's when telemetry runs
 * (so logs, problem documents and traces agree), else the request's own.
 */
export const currentTraceId = (): string | undefined => activeOtelTraceId() ?? storage.getStore()?.traceId;

/** Runs `fn` with `context` as the current request context. */
export const runWithRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE_ID = '0'.repeat(32);

/** The trace id of a W3C `traceparent` header, or undefined when the header is absent or malformed. */
export const traceIdFromTraceparent = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? TRACEPARENT.exec(value.trim().toLowerCase()) : null;
  if (!match || match[1] === 'ff' || match[2] === INVALID_TRACE_ID) return undefined;
  return match[2];
};

export const newTraceId = (): string => randomBytes(16).toString('hex');

/**
 * Connect/Express-style middleware: takes the trace id from the incoming `traceparent`
 * header (or makes one up) and keeps it for the rest of the request.
 */
export const requestContextMiddleware = (
  req: IncomingMessage,
  _res: ServerResponse,
  next: (error?: unknown) => void,
): void => {
  const traceId = activeOtelTraceId() ?? traceIdFromTraceparent(req.headers['traceparent']) ?? newTraceId();
  storage.run({ traceId }, next);
};
