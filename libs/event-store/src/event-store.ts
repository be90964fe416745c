/**
 * The event-store port. Every service appends to and reads from its own store through this
 * interface only; the PostgreSQL and KurrentDB adapters both pass `conformance/`.
 */

/** How the caller expects the stream to look before its append. */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** W3C trace context of the request that produced the event. */
  traceparent?: string;
  [key: string]: unknown;
}

/** An event as a caller hands it to `appendToStream`. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** UUID (v7 recommended). Generated when absent; re-appending the same ids is idempotent. */
  id?: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/** An event as it was stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  streamName: string;
  /** Zero-based position of the event inside its stream. */
  revision: bigint;
  /** Position in the store's total order; increases with commit order. */
  globalPosition: bigint;
  /** ISO 8601 instant the store recorded the event. */
  recordedAt: string;
}

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (pass it as the next expected revision). */
  nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  globalPosition: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive starting revision; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface AllFilter {
  /** Stream categories (the part of the stream name before the first '-'). */
  categories?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Defaults to the beginning. */
  after?: bigint;
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the global position of the last event already handled. */
  after?: bigint;
  filter?: AllFilter;
}

export type SubscriptionItem =
  | { kind: 'event'; event: RecordedEvent }
  /** Emitted once when the subscription has delivered everything that existed when it started. */
  | { kind: 'caughtUp'; position: bigint };

export interface Subscription extends AsyncIterable<SubscriptionItem> {
  /** Stops following; the iterator ends after the item in hand. */
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const streamCategory = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
};
