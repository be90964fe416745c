export {
  SpanKind,
  TRACEPARENT,
  TRACESTATE,
  TRACER_NAME,
  contextFromTraceparent,
  currentSpanId,
  currentTraceId,
  currentTraceparent,
  linkFromTraceparent,
  spanContextFromTraceparent,
  traceparentHeaderFromContext,
  withSpanFromTraceparent,
} from './context.js';
export type { Attributes, Span, SpanFromTraceparentOptions, TraceHeaders, TraceparentInput } from './context.js';
export { traceFields } from './logging.js';
export type { TraceFields } from './logging.js';
export { flushTelemetry, isTelemetryStarted, shutdownTelemetry } from './state.js';
export type { TelemetryHandle } from './state.js';
