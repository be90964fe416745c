// The helpers without any SDK: the OpenTelemetry API is a no-op, nothing may break.
import { SpanKind } from '@opentelemetry/api';
import {
  contextFromTraceparent,
  currentTraceId,
  currentTraceparent,
  linkFromTraceparent,
  spanContextFromTraceparent,
  traceparentHeaderFromContext,
  withSpanFromTraceparent,
} from './context.js';
import { traceFields } from './logging.js';
import { isTelemetryStarted, shutdownTelemetry } from './state.js';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('trace-context helpers without an SDK', () => {
  it('report nothing when no span is active', async () => {
    expect(isTelemetryStarted()).toBe(false);
    expect(currentTraceparent()).toBeUndefined();
    expect(currentTraceId()).toBeUndefined();
    expect(traceparentHeaderFromContext()).toEqual({});
    expect(traceFields()).toEqual({});
    await expect(shutdownTelemetry()).resolves.toBeUndefined();
  });

  it('parse W3C traceparents and refuse malformed or invalid ones', () => {
    expect(spanContextFromTraceparent(TRACEPARENT)).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
      isRemote: true,
    });
    expect(spanContextFromTraceparent(` ${TRACEPARENT.toUpperCase()} `)?.spanId).toBe('b7ad6b7169203331');
    for (const bad of [
      undefined,
      null,
      '',
      'nonsense',
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331',
      'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      `00-${'0'.repeat(32)}-b7ad6b7169203331-01`,
      `00-0af7651916cd43dd8448eb211c80319c-${'0'.repeat(16)}-01`,
    ]) {
      expect(spanContextFromTraceparent(bad)).toBeUndefined();
      expect(linkFromTraceparent(bad)).toBeUndefined();
    }
  });

  it('turn a traceparent into a context and back (what the relay puts into Kafka headers)', () => {
    const ctx = contextFromTraceparent(TRACEPARENT, 'vendor=1');
    expect(currentTraceparent(ctx)).toBe(TRACEPARENT);
    expect(currentTraceId(ctx)).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(traceparentHeaderFromContext(ctx)).toEqual({ traceparent: TRACEPARENT, tracestate: 'vendor=1' });
    expect(traceFields(ctx)).toEqual({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' });
  });

  it('withSpanFromTraceparent runs fn and passes its result, sync or async, and its errors on', async () => {
    expect(withSpanFromTraceparent('sync', TRACEPARENT, SpanKind.CONSUMER, { a: 1 }, () => 42)).toBe(42);
    await expect(
      withSpanFromTraceparent('async', [TRACEPARENT, undefined], SpanKind.PRODUCER, undefined, async () => 'ok'),
    ).resolves.toBe('ok');
    expect(() =>
      withSpanFromTraceparent('throws', undefined, SpanKind.CONSUMER, {}, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    await expect(
      withSpanFromTraceparent('rejects', 'garbage', SpanKind.CONSUMER, {}, async () => {
        throw new Error('async boom');
      }),
    ).rejects.toThrow('async boom');
    // The span handed to fn is a non-recording one that keeps the parent's ids.
    withSpanFromTraceparent('span', TRACEPARENT, SpanKind.CONSUMER, {}, (span) => {
      expect(span.isRecording()).toBe(false);
      expect(span.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    });
  });
});
