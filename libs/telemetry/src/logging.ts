import { context as contextApi, isSpanContextValid, trace, type Context } from '@opentelemetry/api';

/** Trace fields of one JSON log line. */
export interface TraceFields {
  /** W3C trace id (32 lower-case hex digits). */
  traceId?: string;
  /** Span id (16 lower-case hex digits) of the span active when the line was written. */
  spanId?: string;
}

/**
 * `{ traceId, spanId }` of the active span, to spread into a JSON log record; `{}` when no
 * span is active (so the fields are simply left out).
 */
export const traceFields = (ctx: Context = contextApi.active()): TraceFields => {
  const spanContext = trace.getSpanContext(ctx);
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
};
