import { WrongExpectedVersionError } from './errors.js';
import type { AppendResult, EventMetadata, EventStore, ExpectedRevision, RecordedEvent } from './event-store.js';

/** A domain event as deciders see it: a type and its data, nothing about storage. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/**
 * A pure aggregate: `decide` turns a command and the current state into new events (or throws a
 * domain error), `evolve` folds one event into the state. No I/O, clock or randomness inside.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export interface StreamState<State> {
  state: State;
  /** Revision of the last event folded, or 'no_stream'. */
  revision: bigint | 'no_stream';
}

/**
 * Recently folded stream states, so a command reads only the events appended since (a busy
 * reception day holds thousands). Only a starting point: the store is always asked for newer
 * events, so other writers (replicas) are never missed. States must be immutable, which pure
 * `evolve` functions guarantee.
 */
export class AggregateCache {
  private readonly entries = new Map<string, StreamState<unknown>>();

  constructor(private readonly maxEntries = 20_000) {}

  get<State>(streamName: string): StreamState<State> | undefined {
    const entry = this.entries.get(streamName);
    if (entry) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(streamName);
      this.entries.set(streamName, entry);
    }
    return entry as StreamState<State> | undefined;
  }

  set<State>(streamName: string, entry: StreamState<State>): void {
    this.entries.delete(streamName);
    this.entries.set(streamName, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(streamName: string): void {
    this.entries.delete(streamName);
  }

  get size(): number {
    return this.entries.size;
  }
}

export const aggregateStream = async <State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  cache?: AggregateCache,
): Promise<StreamState<State>> => {
  const cached = cache?.get<State>(streamName);
  const events = await store.readStream(
    streamName,
    cached && cached.revision !== 'no_stream' ? { fromRevision: cached.revision + 1n } : {},
  );
  let state = cached && cached.revision !== 'no_stream' ? cached.state : decider.initialState();
  let revision: bigint | 'no_stream' = cached && cached.revision !== 'no_stream' ? cached.revision : 'no_stream';
  for (const recorded of events) {
    state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
    revision = recorded.revision;
  }
  if (cache && revision !== 'no_stream' && events.length > 0) cache.set(streamName, { state, revision });
  return { state, revision };
};

export interface HandleOptions {
  metadata?: EventMetadata;
  /** Ids for the new events, in order (deterministic ids make retries of one request idempotent). */
  eventIds?: (count: number) => string[];
  /** How many times to re-read and re-decide after a concurrent append. Default 3. */
  retries?: number;
  /** Folded states to start from; updated after each successful append. */
  cache?: AggregateCache;
}

export interface HandleResult<State, Event> {
  events: Event[];
  state: State;
  /** Undefined when the command produced no events. */
  appended?: AppendResult;
}

/**
 * Reads the stream, decides, appends with the read revision as the expected one. A concurrent
 * writer makes the append fail; the command is then decided again on the fresh state.
 */
export const handleCommand = <Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  command: Command,
  decider: Decider<Command, State, Event>,
  options: HandleOptions = {},
): Promise<HandleResult<State, Event>> =>
  decideAndAppend(store, streamName, (state) => decider.decide(command, state), decider, options);

/**
 * For a step that needs several commands decided in sequence on one stream and appended
 * atomically (e.g. open a day, then hold a seat in it). `plan` sees the current state and
 * returns the commands; it runs again after a concurrent append.
 */
export const handleCommands = <Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  plan: (state: State) => Command[],
  decider: Decider<Command, State, Event>,
  options: HandleOptions = {},
): Promise<HandleResult<State, Event>> =>
  decideAndAppend(
    store,
    streamName,
    (state) => {
      const events: Event[] = [];
      let current = state;
      for (const command of plan(state)) {
        const produced = decider.decide(command, current);
        events.push(...produced);
        current = produced.reduce(decider.evolve, current);
      }
      return events;
    },
    decider,
    options,
  );

const decideAndAppend = async <State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  decide: (state: State) => Event[],
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  options: HandleOptions,
): Promise<HandleResult<State, Event>> => {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const { state, revision } = await aggregateStream(store, streamName, decider, options.cache);
    const events = decide(state);
    if (events.length === 0) return { events, state };
    const ids = options.eventIds?.(events.length);
    const expectedRevision: ExpectedRevision = revision;
    try {
      const appended = await store.appendToStream(
        streamName,
        events.map((event, i) => ({
          ...(ids?.[i] ? { id: ids[i] } : {}),
          type: event.type,
          data: event.data,
          ...(options.metadata ? { metadata: options.metadata } : {}),
        })),
        { expectedRevision },
      );
      const next = events.reduce(decider.evolve, state);
      // An idempotent replay answers with the original revision: then `next` is not the stream's
      // state, so forget the stream instead of caching it.
      const expected = (revision === 'no_stream' ? -1n : revision) + BigInt(events.length);
      if (appended.nextExpectedRevision === expected) options.cache?.set(streamName, { state: next, revision: expected });
      else options.cache?.delete(streamName);
      return { events, state: next, appended };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempt < retries) {
        // Contended stream: a short random pause spreads the retries out.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
};

/** Helper for consumers of `RecordedEvent`s that only care about the domain part. */
export const toDomainEvent = <Event extends DomainEvent>(recorded: RecordedEvent): Event =>
  ({ type: recorded.type, data: recorded.data }) as Event;
