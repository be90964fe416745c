/**
 * Trace-context helpers our code calls. They only use `@opentelemetry/api` and the W3C
 * trace-context codec, so they work whether or not the SDK was started: without it the API
 * is a no-op (spans do not record), but a `traceparent` that came in is still carried on,
 * so the trace id survives hops through a process that exports nothing.
 */
import {
  context as contextApi,
  defaultTextMapGetter,
  defaultTextMapSetter,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanContext,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export { SpanKind };
export type { Attributes, Span };

/** Name of the tracer our own spans (relay, consumers) are created with. */
export const TRACER_NAME = '@adal/telemetry';

/** W3C trace-context header names, as they travel in HTTP and Kafka headers and event metadata. */
export const TRACEPARENT = 'traceparent';
export const TRACESTATE = 'tracestate';

/** Just the W3C `traceparent`/`tracestate` headers. */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

/** One parent, or a batch of them (the first valid one is the parent, the others become links). */
export type TraceparentInput = string | null | undefined | ReadonlyArray<string | null | undefined>;

const w3c = new W3CTraceContextPropagator();

const TRACEPARENT_FORMAT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The span context of a W3C `traceparent` (remote), or undefined when it is absent or malformed. */
export const spanContextFromTraceparent = (
  traceparent: string | null | undefined,
  tracestate?: string | null,
): SpanContext | undefined => {
  if (typeof traceparent !== 'string') return undefined;
  const value = traceparent.trim().toLowerCase();
  if (!TRACEPARENT_FORMAT.test(value)) return undefined;
  const carrier: Record<string, string> = { [TRACEPARENT]: value };
  if (tracestate) carrier[TRACESTATE] = tracestate;
  const extracted = trace.getSpanContext(w3c.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter));
  return extracted && isSpanContextValid(extracted) ? extracted : undefined;
};

/** `ctx` (default: the active context) with `traceparent` as its remote parent; `ctx` itself when the header is unusable. */
export const contextFromTraceparent = (
  traceparent: string | null | undefined,
  tracestate?: string | null,
  ctx: Context = contextApi.active(),
): Context => {
  const spanContext = spanContextFromTraceparent(traceparent, tracestate);
  return spanContext ? trace.setSpanContext(ctx, spanContext) : ctx;
};

/**
 * The `traceparent`/`tracestate` of `ctx` (default: the active context) — `{}` when there is
 * no valid span in it. Use for outgoing Kafka headers.
 */
export const traceparentHeaderFromContext = (ctx: Context = contextApi.active()): TraceHeaders => {
  const carrier: Record<string, string> = {};
  w3c.inject(ctx, carrier, defaultTextMapSetter);
  const headers: TraceHeaders = {};
  if (carrier[TRACEPARENT]) headers.traceparent = carrier[TRACEPARENT];
  if (carrier[TRACESTATE]) headers.tracestate = carrier[TRACESTATE];
  return headers;
};

/** The W3C `traceparent` of the active span (for event metadata on append), if there is one. */
export const currentTraceparent = (ctx: Context = contextApi.active()): string | undefined =>
  traceparentHeaderFromContext(ctx).traceparent;

const activeSpanContext = (ctx: Context = contextApi.active()): SpanContext | undefined => {
  const spanContext = trace.getSpanContext(ctx);
  return spanContext && isSpanContextValid(spanContext) ? spanContext : undefined;
};

/** Trace id (32 lower-case hex digits) of the active span, if there is one. */
export const currentTraceId = (ctx?: Context): string | undefined => activeSpanContext(ctx)?.traceId;

/** Span id (16 lower-case hex digits) of the active span, if there is one. */
export const currentSpanId = (ctx?: Context): string | undefined => activeSpanContext(ctx)?.spanId;

/** A span link to the span of a `traceparent`, or undefined when it is absent or malformed. */
export const linkFromTraceparent = (
  traceparent: string | null | undefined,
  attributes?: Attributes,
): Link | undefined => {
  const spanContext = spanContextFromTraceparent(traceparent);
  if (!spanContext) return undefined;
  return attributes ? { context: spanContext, attributes } : { context: spanContext };
};

const sameSpan = (a: SpanContext, b: SpanContext): boolean => a.traceId === b.traceId && a.spanId === b.spanId;

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

const recordError = (span: Span, error: unknown): void => {
  if (error instanceof Error) {
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  } else {
    span.recordException(String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
  }
};

export interface SpanFromTraceparentOptions {
  /** Extra links (e.g. to the span that delivered a message when it sits in another trace). */
  links?: Link[];
  /**
   * Link to the span active when this one starts, if it belongs to another trace than the given
   * parent (e.g. the Kafka instrumentation's own `process` span). Default: true.
   */
  linkActiveSpan?: boolean;
}

/**
 * Runs `fn` inside a new span `name` of `kind` whose parent is `traceparent` (for a batch: the
 * first valid one; the others become links). Without a usable traceparent the span is a child
 * of the active context (or a root). pg/kafkajs/http spans started inside `fn` attach to it.
 * An exception (thrown or rejected) is recorded on the span and passed on; the span ends when
 * `fn` returns or its promise settles.
 *
 * Relay, per publish batch: `withSpanFromTraceparent('appointments.events publish', events.map(e => e.traceparent), SpanKind.PRODUCER, {...}, () => bus.publish(...))`.
 * Consumer, per message: `withSpanFromTraceparent('appointments.events process', envelope.traceparent, SpanKind.CONSUMER, {...}, () => project(envelope))`.
 */
export function withSpanFromTraceparent<T>(
  name: string,
  traceparent: TraceparentInput,
  kind: SpanKind,
  attributes: Attributes | undefined,
  fn: (span: Span) => T,
  options: SpanFromTraceparentOptions = {},
): T {
  const candidates = typeof traceparent === 'string' || traceparent == null ? [traceparent] : traceparent;
  let parent: SpanContext | undefined;
  const links: Link[] = [];
  for (const candidate of candidates) {
    const spanContext = spanContextFromTraceparent(candidate);
    if (!spanContext) continue;
    if (!parent) parent = spanContext;
    else if (!sameSpan(parent, spanContext) && !links.some((link) => sameSpan(link.context, spanContext))) {
      links.push({ context: spanContext });
    }
  }
  const active = contextApi.active();
  const activeSpan = activeSpanContext(active);
  if (parent && activeSpan && options.linkActiveSpan !== false && activeSpan.traceId !== parent.traceId) {
    links.push({ context: activeSpan });
  }
  links.push(...(options.links ?? []));

  const parentContext = parent ? trace.setSpanContext(active, parent) : active;
  const tracer = trace.getTracer(TRACER_NAME);
  const spanOptions = { kind, ...(attributes ? { attributes } : {}), ...(links.length > 0 ? { links } : {}) };
  const span = tracer.startSpan(name, spanOptions, parentContext);
  const spanContext = trace.setSpan(parentContext, span);

  let result: T;
  try {
    result = contextApi.with(spanContext, fn, undefined, span);
  } catch (error) {
    recordError(span, error);
    span.end();
    throw error;
  }
  if (!isPromiseLike(result)) {
    span.end();
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      recordError(span, error);
      span.end();
      throw error;
    },
  ) as T;
}
