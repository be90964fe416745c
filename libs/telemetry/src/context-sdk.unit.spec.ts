// The helpers with a tracer provider and an async context manager registered (what the SDK does).
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';
import {
  currentTraceparent,
  currentTraceId,
  traceparentHeaderFromContext,
  withSpanFromTraceparent,
} from './context.js';
import { traceFields } from './logging.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const contextManager = new AsyncLocalStorageContextManager().enable();

const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
const TRACE_B = '4bf92f3577b34da6a3ce929d0e0e4736';
const tp = (traceId: string, spanId: string) => `00-${traceId}-${spanId}-01`;

const finished = (name: string): ReadableSpan => {
  const span = exporter.getFinishedSpans().find((s) => s.name === name);
  if (!span) throw new Error(`no finished span ${name}`);
  return span;
};

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(async () => {
  await provider.shutdown();
  context.disable();
  trace.disable();
  propagation.disable();
});
beforeEach(() => exporter.reset());

describe('withSpanFromTraceparent with an SDK', () => {
  it('makes a span of the given kind whose parent is the traceparent, active inside fn (child spans attach)', async () => {
    let inside: { traceparent?: string; traceId?: string; fields?: object } = {};
    await withSpanFromTraceparent(
      'consume',
      tp(TRACE_A, '00000000000000a1'),
      SpanKind.CONSUMER,
      { 'messaging.system': 'kafka' },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        trace.getTracer('test').startSpan('child').end();
        inside = { traceparent: currentTraceparent(), traceId: currentTraceId(), fields: traceFields() };
      },
    );
    const span = finished('consume');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.spanContext().traceId).toBe(TRACE_A);
    expect(span.parentSpanContext?.spanId).toBe('00000000000000a1');
    expect(span.parentSpanContext?.isRemote).toBe(true);
    expect(span.attributes).toEqual({ 'messaging.system': 'kafka' });
    expect(span.links).toEqual([]);
    expect(finished('child').parentSpanContext?.spanId).toBe(span.spanContext().spanId);
    expect(inside).toEqual({
      traceparent: tp(TRACE_A, span.spanContext().spanId),
      traceId: TRACE_A,
      fields: { traceId: TRACE_A, spanId: span.spanContext().spanId },
    });
    expect(currentTraceparent()).toBeUndefined();
  });

  it('for a batch, takes the first valid traceparent as parent and links the other distinct ones', () => {
    withSpanFromTraceparent(
      'publish',
      [
        undefined,
        'garbage',
        tp(TRACE_A, '00000000000000a1'),
        tp(TRACE_B, '00000000000000b1'),
        tp(TRACE_A, '00000000000000a1'),
        tp(TRACE_B, '00000000000000b1'),
        tp(TRACE_A, '00000000000000a2'),
      ],
      SpanKind.PRODUCER,
      undefined,
      () => undefined,
    );
    const span = finished('publish');
    expect(span.kind).toBe(SpanKind.PRODUCER);
    expect(span.spanContext().traceId).toBe(TRACE_A);
    expect(span.parentSpanContext?.spanId).toBe('00000000000000a1');
    expect(span.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([
      [TRACE_B, '00000000000000b1'],
      [TRACE_A, '00000000000000a2'],
    ]);
  });

  it('links the active span when it sits in another trace (e.g. the kafkajs process span)', () => {
    const outer = trace.getTracer('test').startSpan('kafkajs process');
    context.with(trace.setSpan(context.active(), outer), () => {
      withSpanFromTraceparent('handle', tp(TRACE_B, '00000000000000b1'), SpanKind.CONSUMER, {}, () => undefined);
      withSpanFromTraceparent(
        'handle, no link',
        tp(TRACE_B, '00000000000000b1'),
        SpanKind.CONSUMER,
        {},
        () => undefined,
        { linkActiveSpan: false },
      );
      withSpanFromTraceparent('handle, no traceparent', undefined, SpanKind.CONSUMER, {}, () => undefined);
    });
    outer.end();
    expect(finished('handle').links.map((l) => l.context.spanId)).toEqual([outer.spanContext().spanId]);
    expect(finished('handle, no link').links).toEqual([]);
    // Without a usable traceparent the span is a child of the active one.
    expect(finished('handle, no traceparent').parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
  });

  it('records exceptions (thrown or rejected), sets the status to ERROR and passes the error on', async () => {
    expect(() =>
      withSpanFromTraceparent('sync fails', undefined, SpanKind.INTERNAL, {}, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    await expect(
      withSpanFromTraceparent('async fails', undefined, SpanKind.INTERNAL, {}, async () => {
        await Promise.resolve();
        throw new TypeError('async boom');
      }),
    ).rejects.toThrow('async boom');
    for (const [name, message] of [
      ['sync fails', 'boom'],
      ['async fails', 'async boom'],
    ] as const) {
      const span = finished(name);
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message });
      expect(span.events.map((e) => e.name)).toEqual(['exception']);
      expect(span.ended).toBe(true);
    }
  });

  it('traceparentHeaderFromContext gives the headers to put on an outgoing message', () => {
    withSpanFromTraceparent('send', tp(TRACE_A, '00000000000000a1'), SpanKind.PRODUCER, {}, (span) => {
      expect(traceparentHeaderFromContext()).toEqual({ traceparent: tp(TRACE_A, span.spanContext().spanId) });
    });
  });
});
