import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult as KurrentAppendResult,
  EventData,
  Filter,
  JSONType,
  KurrentDBClient,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { EventStoreError, WrongExpectedVersionError } from '../errors.js';
import {
  streamCategory,
  type AllFilter,
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionItem,
} from '../event-store.js';
import {
  DEFAULT_MAX_EVENT_BYTES,
  prepareEvents,
  validateExpectedRevision,
  validateStreamName,
  type PreparedEvent,
} from '../validation.js';

/*
 * The event store on KurrentDB (formerly EventStoreDB), through `@kurrent/kurrentdb-client`.
 *
 * How it maps onto the port, and where it cannot be the same as PostgreSQL:
 * - `globalPosition` is the KurrentDB commit position: the byte offset of the event's record in
 *   the transaction log. It increases with commit order and is unique per event (modern servers
 *   write every event as its own committed record, so commit == prepare position), but it is NOT
 *   dense: positions jump by the record size, and system records sit between user events.
 *   Only pass positions this store returned as `after`; an arbitrary number may not be a record
 *   boundary and the server then refuses the read.
 * - The log also holds system events (`$`-typed events and `$`-streams). They never leave this
 *   adapter: readAll and subscriptions skip them.
 * - Idempotency is the server's own: re-appending the same ids with the original expected revision
 *   (or `any`, best effort via the server's recent-id cache) returns the original result and writes
 *   nothing. Re-appending them at the *current* revision writes duplicates, which PostgreSQL
 *   (unique event ids) refuses.
 * - The `caughtUp` item relies on the server's caught-up signal, which KurrentDB / EventStoreDB
 *   sends from 23.10 on; older servers never signal it.
 * - The client is loaded on first use, so importing `@adal/event-store` never loads the native
 *   KurrentDB bridge for services that only use PostgreSQL.
 */

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` (the deprecated `esdb://` works too). */
  connectionString: string;
  /** Largest data + metadata of one event, in bytes. Default 1 MiB (same as PostgreSQL). */
  maxEventBytes?: number;
}

type Kurrent = typeof import('@kurrent/kurrentdb-client');

let kurrentModule: Promise<Kurrent> | undefined;

/** Loads the (CommonJS, native-backed) client once; works under Node and Jest's ESM runtime. */
const loadKurrent = (): Promise<Kurrent> => {
  kurrentModule ??= import('@kurrent/kurrentdb-client').then(
    (mod) => ((mod as unknown as { default?: Kurrent }).default ?? mod) as Kurrent,
    (error: unknown) => {
      kurrentModule = undefined;
      const wrapped = new EventStoreError(
        `KurrentDB adapter: cannot load @kurrent/kurrentdb-client (${(error as Error)?.message ?? String(error)})`,
      );
      (wrapped as Error & { cause?: unknown }).cause = error;
      throw wrapped;
    },
  );
  return kurrentModule;
};

/** Largest commit position the server can send; `-1` cast to uint64 shows up above it. */
const MAX_POSITION = 0x7fffffffffffffffn;

const isSystem = (event: RecordedEvent): boolean => event.type.startsWith('$') || event.streamName.startsWith('$');

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

const decodeJsonBytes = (bytes: Uint8Array): unknown => {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const decodeData = (isJson: boolean, data: unknown): unknown => {
  // JSON events arrive parsed; anything else written by a foreign writer arrives as bytes.
  if (!isJson && data instanceof Uint8Array) return decodeJsonBytes(data);
  return data;
};

const decodeMetadata = (metadata: unknown): EventMetadata => {
  const value = metadata instanceof Uint8Array ? decodeJsonBytes(metadata) : metadata;
  return isPlainObject(value) ? (value as EventMetadata) : {};
};

const toIso = (created: Date): string => {
  const time = created instanceof Date ? created.getTime() : Number.NaN;
  return new Date(Number.isNaN(time) ? 0 : time).toISOString();
};

/** The client's resolved event (stream read, $all read or subscription) in the port's shape. */
const toRecorded = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event) return undefined;
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    data: decodeData(event.isJson, event.data),
    metadata: decodeMetadata(event.metadata),
    streamName: event.streamId,
    revision: event.revision,
    // Stream reads carry the position from server 22.6 on; -1n only on older servers.
    globalPosition: event.position?.commit ?? resolved.commitPosition ?? -1n,
    recordedAt: toIso(event.created),
  };
};

/** Prepared JSON → the client's event. Data is handed over parsed because the client stringifies it. */
const toEventData = (event: PreparedEvent): EventData => ({
  id: event.id,
  contentType: 'application/json',
  type: event.type,
  data: JSON.parse(event.data) as JSONType,
  // Raw bytes are stored as-is, so the metadata JSON is the caller's, serialised once.
  metadata: new Uint8Array(Buffer.from(event.metadata, 'utf8')),
});

/** Where a forward read starts so that it covers everything strictly after `after`. */
const startAfter = (after: bigint | undefined): ReadPosition =>
  after === undefined || after <= 0n ? 'start' : { commit: after, prepare: after };

interface FilterPlan {
  /** Narrows what the server sends; never wider than `accepts`. */
  server: Filter;
  /** The exact port semantics, applied to everything the server sends. */
  accepts: (event: RecordedEvent) => boolean;
}

const planFilter = (kurrent: Kurrent, filter: AllFilter | undefined): FilterPlan => {
  const categories = filter?.categories?.length ? new Set(filter.categories) : undefined;
  const types = filter?.eventTypes?.length ? new Set(filter.eventTypes) : undefined;
  const accepts = (event: RecordedEvent): boolean =>
    !isSystem(event) &&
    (categories === undefined || categories.has(streamCategory(event.streamName))) &&
    (types === undefined || types.has(event.type));
  // The server filters on one thing only: stream name prefixes, else exact types, else non-system types.
  let server: Filter;
  if (categories) server = kurrent.streamNameFilter({ prefixes: [...categories].map((c) => `${c}-`) });
  else if (types) server = kurrent.eventTypeFilter({ regex: `^(?:${[...types].map(escapeRegex).join('|')})$` });
  else server = kurrent.excludeSystemEvents();
  return { server, accepts };
};

const errorType = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as { type?: unknown }).type?.toString() : undefined;

const isStreamNotFound = (kurrent: Kurrent | undefined, error: unknown): boolean =>
  (kurrent !== undefined && error instanceof kurrent.StreamNotFoundError) || errorType(error) === 'stream-not-found';

const asActual = (state: unknown): bigint | 'no_stream' =>
  typeof state === 'bigint' && state >= 0n ? state : 'no_stream';

export class KurrentDbEventStore implements EventStore {
  private readonly connectionString: string;
  private readonly maxEventBytes: number;
  private clientPromise?: Promise<KurrentDBClient>;
  private closed = false;
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<KurrentSubscription>();

  constructor(options: KurrentDbEventStoreOptions) {
    if (typeof options?.connectionString !== 'string' || options.connectionString.length === 0) {
      throw new EventStoreError('KurrentDbEventStore needs a connectionString');
    }
    this.connectionString = options.connectionString;
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  }

  private client(): Promise<KurrentDBClient> {
    if (this.closed) return Promise.reject(new EventStoreError('The event store is closed'));
    this.clientPromise ??= loadKurrent()
      .then((kurrent) => kurrent.KurrentDBClient.connectionString(this.connectionString))
      .catch((error: unknown) => {
        this.clientPromise = undefined;
        throw error;
      });
    return this.clientPromise;
  }

  /** Keeps `close()` from disposing the client under an operation still in flight. */
  private track<T>(operation: Promise<T>): Promise<T> {
    this.inflight.add(operation);
    const forget = () => this.inflight.delete(operation);
    operation.then(forget, forget);
    return operation;
  }

  appendToStream(streamName: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.track(this.append(streamName, events, options));
  }

  private async append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw new EventStoreError('The event store is closed');
    const stream = validateStreamName(streamName);
    const expected = validateExpectedRevision(options.expectedRevision);
    const prepared = prepareEvents(events, this.maxEventBytes);
    const client = await this.client();

    let result: KurrentAppendResult;
    try {
      result = await client.appendToStream(stream, prepared.map(toEventData), { streamState: expected });
    } catch (error) {
      if (errorType(error) === 'wrong-expected-version') {
        throw new WrongExpectedVersionError(
          stream,
          expected,
          asActual((error as { actualState?: unknown }).actualState),
        );
      }
      throw error;
    }
    // Only when the connection string sets throwOnAppendFailure=false.
    if (!result.success) throw new WrongExpectedVersionError(stream, expected, asActual(result.nextExpectedRevision));

    // The server reports the log position of the last event written (or, for an idempotent
    // re-append, of the last original event). Should it send none, read it back.
    let globalPosition = result.position?.commit;
    if (globalPosition === undefined || globalPosition < 0n || globalPosition > MAX_POSITION) {
      globalPosition = await this.positionOf(client, stream, result.nextExpectedRevision);
    }
    return { nextExpectedRevision: result.nextExpectedRevision, globalPosition };
  }

  private async positionOf(client: KurrentDBClient, stream: string, revision: bigint): Promise<bigint> {
    for await (const resolved of client.readStream(stream, {
      direction: 'backwards',
      fromRevision: revision,
      maxCount: 1n,
    })) {
      const event = toRecorded(resolved);
      if (event) return event.globalPosition;
    }
    return -1n;
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.track(this.read(streamName, options));
  }

  private async read(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    validateStreamName(streamName);
    const backwards = options.direction === 'backwards';
    const { fromRevision, maxCount } = options;
    if (maxCount !== undefined && !(maxCount >= 1)) return [];
    if (backwards && fromRevision !== undefined && fromRevision < 0n) return [];
    let from: ReadRevision = backwards ? 'end' : 'start';
    if (fromRevision !== undefined && fromRevision >= 0n) from = fromRevision;

    const client = await this.client();
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of client.readStream(streamName, {
        direction: backwards ? 'backwards' : 'forwards',
        fromRevision: from,
        ...(maxCount !== undefined ? { maxCount: BigInt(Math.floor(maxCount)) } : {}),
      })) {
        const event = toRecorded(resolved);
        if (event) out.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(await loadKurrent().catch(() => undefined), error)) return [];
      throw error;
    }
    return out;
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.track(this.readAllEvents(options));
  }

  private async readAllEvents(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { after, maxCount } = options;
    if (maxCount !== undefined && !(maxCount >= 1)) return [];
    const kurrent = await loadKurrent();
    const client = await this.client();
    const plan = planFilter(kurrent, options.filter);
    const out: RecordedEvent[] = [];
    // No server-side maxCount: the adapter drops the `after` event and anything the server filter
    // cannot exclude, and maxCount counts only what is returned. Breaking out ends the read.
    for await (const resolved of client.readAll({
      direction: 'forwards',
      fromPosition: startAfter(after),
      filter: plan.server,
      resolveLinkTos: false,
    })) {
      const event = toRecorded(resolved);
      if (!event || (after !== undefined && event.globalPosition <= after) || !plan.accepts(event)) continue;
      out.push(event);
      if (maxCount !== undefined && out.length >= maxCount) break;
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    if (this.closed) throw new EventStoreError('The event store is closed');
    const subscription: KurrentSubscription = new KurrentSubscription(options.after, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    void (async () => {
      try {
        const kurrent = await loadKurrent();
        const client = await this.client();
        const plan = planFilter(kurrent, options.filter);
        if (subscription.isStopped) return;
        // Subscribing from a position delivers what comes after it; `attach` still drops <= after.
        const source = client.subscribeToAll({
          fromPosition: startAfter(options.after),
          filter: plan.server,
          resolveLinkTos: false,
        });
        subscription.attach(source, plan.accepts);
      } catch (error) {
        subscription.fail(error);
      }
    })();
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await Promise.allSettled([...this.inflight]);
    const client = await this.clientPromise?.catch(() => undefined);
    await client?.dispose();
  }
}

/** Items queued before the client stream is paused, and the level at which it resumes. */
const HIGH_WATER = 512;
const LOW_WATER = 128;

/**
 * Wraps the client's catch-up subscription (a Node stream that reports catching up as a
 * separate `caughtUp` event) as the port's ordered async iterable. The `caughtUp` event fires
 * while events received before it may still sit in the stream's buffer; the count of those
 * (`readableLength`) places the caught-up item exactly after them.
 */
class KurrentSubscription implements Subscription, AsyncIterator<SubscriptionItem> {
  private source?: AllStreamSubscription;
  private accepts: (event: RecordedEvent) => boolean = () => false;
  private readonly queue: SubscriptionItem[] = [];
  private wake?: () => void;
  private stopped = false;
  private ended = false;
  private failure?: { error: unknown };
  private caughtUpSent = false;
  private eventsBeforeCaughtUp?: number;
  private lastPosition: bigint;
  private paused = false;
  private stopping?: Promise<void>;

  constructor(
    private readonly after: bigint | undefined,
    private readonly onStop: () => void,
  ) {
    this.lastPosition = after ?? 0n;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  attach(source: AllStreamSubscription, accepts: (event: RecordedEvent) => boolean): void {
    // An 'error' listener first, always: an unhandled stream error would crash the process.
    source.on('error', (error: Error) => this.fail(error));
    if (this.stopped) {
      void source.unsubscribe().catch(() => undefined);
      return;
    }
    this.source = source;
    this.accepts = accepts;
    source.on('caughtUp', () => this.onCaughtUp());
    source.on('end', () => this.onEnd());
    source.on('close', () => this.onEnd());
    source.on('data', (resolved: AllStreamResolvedEvent) => this.onData(resolved));
  }

  private onData(resolved: AllStreamResolvedEvent): void {
    if (this.stopped) return;
    const event = toRecorded(resolved);
    if (event && (this.after === undefined || event.globalPosition > this.after) && this.accepts(event)) {
      this.queue.push({ kind: 'event', event });
      this.lastPosition = event.globalPosition;
    }
    if (this.eventsBeforeCaughtUp !== undefined) {
      this.eventsBeforeCaughtUp -= 1;
      if (this.eventsBeforeCaughtUp <= 0) this.pushCaughtUp();
    }
    if (!this.paused && this.queue.length >= HIGH_WATER) {
      this.paused = true;
      this.source?.pause();
    }
    this.notify();
  }

  private onCaughtUp(): void {
    // Only the first time: a subscription that falls behind and catches up again says nothing more.
    if (this.stopped || this.caughtUpSent || this.eventsBeforeCaughtUp !== undefined) return;
    const buffered = this.source?.readableLength ?? 0;
    if (buffered > 0) this.eventsBeforeCaughtUp = buffered;
    else this.pushCaughtUp();
    this.notify();
  }

  private pushCaughtUp(): void {
    this.caughtUpSent = true;
    this.eventsBeforeCaughtUp = undefined;
    this.queue.push({ kind: 'caughtUp', position: this.lastPosition });
  }

  private onEnd(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: unknown): void {
    if (this.stopped) return;
    this.failure ??= { error };
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async next(): Promise<IteratorResult<SubscriptionItem>> {
    for (;;) {
      if (this.stopped) return { done: true, value: undefined };
      const item = this.queue.shift();
      if (item !== undefined) {
        if (this.paused && this.queue.length <= LOW_WATER) {
          this.paused = false;
          this.source?.resume();
        }
        return { done: false, value: item };
      }
      if (this.failure) {
        const { error } = this.failure;
        await this.stop();
        throw error;
      }
      if (this.ended) {
        await this.stop();
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<SubscriptionItem>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    return this;
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      this.queue.length = 0;
      this.notify();
      this.onStop();
      const source = this.source;
      if (!source) return;
      await source.unsubscribe().catch(() => undefined);
      source.destroy();
    })();
    return this.stopping;
  }
}
