import type { EventMetadata } from '@adal/event-store';
import { currentTraceparent } from '@adal/telemetry';

/** Metadata for appended events: the request's trace travels with them through the relay. */
export const eventMetadata = (correlationId?: string): EventMetadata => {
  const traceparent = currentTraceparent();
  return { ...(correlationId ? { correlationId } : {}), ...(traceparent ? { traceparent } : {}) };
};
