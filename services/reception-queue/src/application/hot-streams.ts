/**
 * Commands on hot streams. Every command of an office day lands on one stream
 * (`queueday-<office>:<date>`), so 20 desks and a kiosk compete for one expected revision.
 * Running each command on its own (read, decide, append, retry on conflict — `handleCommand`)
 * is correct but wastes most appends on conflicts once a few desks act at once.
 *
 * `batched` mode (the default) queues the commands of a stream inside the process and runs them
 * as batches: the whole batch is decided in order on the cached state, each command on the state
 * its predecessors left (a refused command adds nothing), and the events of all of them are
 * appended as ONE append with the cached revision as the expected one. One round trip carries
 * the batch, and no command of this process ever conflicts with another.
 *
 * Nothing is trusted blindly: the expected revision still guards every append, so an append of
 * another replica makes ours fail; we then read what is new, decide the whole batch again and
 * retry (counted in `conflictRetries`). A command learns its outcome only after the append
 * that carries its events committed (or after the final decision, for a refusal). An error other
 * than a conflict fails the batch and forgets the cached state (the append may or may not have
 * happened; the next command reads the stream).
 *
 * The cache only moves forward: a slow reader never puts an older state back.
 */
import {
  WrongExpectedVersionError,
  type AggregateCache,
  type Decider,
  type DomainEvent,
  type EventMetadata,
  type EventStore,
  type StreamState,
} from '@adal/event-store';

export interface HotStreamOptions {
  /** `batched` (default) or `optimistic` (each command on its own, like `handleCommand`). */
  mode?: 'batched' | 'optimistic';
  /** Most commands in one batch. Default 256. */
  maxBatch?: number;
  /** Re-decisions after conflicts before giving up. Default 30. */
  retries?: number;
}

export interface HotResult<State, Event> {
  /** The events of this command (empty when it changed nothing). */
  events: Event[];
  /** The stream's state after the append that carried them (it may include later commands of the batch). */
  state: State;
  revision: bigint | 'no_stream';
}

/** Turns the current state into the commands of one request, decided and appended together. */
export type Plan<Command, State> = (state: State) => Command[];

interface Pending<Command, State, Event> {
  plan: Plan<Command, State>;
  metadata: EventMetadata | undefined;
  resolve: (result: HotResult<State, Event>) => void;
  reject: (error: unknown) => void;
}

/** How long a stream counts as written by another replica after we last saw such a write. */
const CONTENDED_MS = 2_000;

type Outcome<Event> = { events: Event[] } | { error: unknown };

export class HotStreams<Command, State, Event extends DomainEvent> {
  /** Appends that failed on the expected revision and were decided again. */
  conflictRetries = 0;
  appends = 0;
  private readonly queues = new Map<string, Pending<Command, State, Event>[]>();
  private readonly mode: 'batched' | 'optimistic';
  private readonly maxBatch: number;
  private readonly retries: number;
  private readonly listeners = new Set<(stream: string) => void>();
  /** When a read last found events another writer appended, per stream (ms since the epoch). */
  private readonly foreignWrites = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, State, Event>,
    private readonly cache: AggregateCache,
    options: HotStreamOptions = {},
  ) {
    this.mode = options.mode ?? 'batched';
    this.maxBatch = options.maxBatch ?? 256;
    this.retries = options.retries ?? 30;
  }

  /** Called after every successful append of this process (e.g. to wake the board streams). */
  onAppended(listener: (stream: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The cached state, if any (no I/O; possibly behind other replicas). */
  peek(stream: string): StreamState<State> | undefined {
    return this.cache.get<State>(stream);
  }

  /** The stream's current state: the cached one plus whatever the store has that is newer. */
  async read(stream: string): Promise<StreamState<State>> {
    const cached = this.cache.get<State>(stream);
    const from = cached && cached.revision !== 'no_stream' ? cached.revision + 1n : undefined;
    const events = await this.store.readStream(stream, from === undefined ? {} : { fromRevision: from });
    if (cached && events.length > 0) this.foreignWrites.set(stream, Date.now());
    let state = cached && cached.revision !== 'no_stream' ? cached.state : this.decider.initialState();
    let revision: bigint | 'no_stream' = cached && cached.revision !== 'no_stream' ? cached.revision : 'no_stream';
    for (const recorded of events) {
      state = this.decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
      revision = recorded.revision;
    }
    if (revision !== 'no_stream') this.remember(stream, { state, revision });
    return { state, revision };
  }

  /** Decides `plan` on the stream's state and appends its events; see the file comment. */
  execute(stream: string, plan: Plan<Command, State>, metadata?: EventMetadata): Promise<HotResult<State, Event>> {
    return new Promise((resolve, reject) => {
      const pending: Pending<Command, State, Event> = { plan, metadata, resolve, reject };
      if (this.mode === 'optimistic') {
        void this.runAlone(stream, pending);
        return;
      }
      const queue = this.queues.get(stream);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(stream, [pending]);
      void this.drain(stream);
    });
  }

  private remember(stream: string, entry: StreamState<State>): void {
    const current = this.cache.get<State>(stream);
    if (
      !current ||
      current.revision === 'no_stream' ||
      (entry.revision !== 'no_stream' && entry.revision > current.revision)
    ) {
      this.cache.set(stream, entry);
    }
  }

  private async drain(stream: string): Promise<void> {
    const queue = this.queues.get(stream)!;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, this.maxBatch);
        await this.runBatch(stream, batch, false, queue);
      }
    } finally {
      // No await between the last check and here: nothing can have been queued meanwhile.
      this.queues.delete(stream);
    }
  }

  private async runAlone(stream: string, pending: Pending<Command, State, Event>): Promise<void> {
    await this.runBatch(stream, [pending], true);
  }

  /** Decides every plan in order on `state`; a refused plan adds nothing and leaves the state as it was. */
  private decideAll(
    state: State,
    batch: readonly Pending<Command, State, Event>[],
  ): {
    state: State;
    outcomes: Outcome<Event>[];
    events: Array<{ event: Event; metadata: EventMetadata | undefined }>;
  } {
    const outcomes: Outcome<Event>[] = [];
    const events: Array<{ event: Event; metadata: EventMetadata | undefined }> = [];
    let current = state;
    for (const pending of batch) {
      try {
        const produced: Event[] = [];
        let next = current;
        for (const command of pending.plan(current)) {
          const decided = this.decider.decide(command, next);
          for (const event of decided) next = this.decider.evolve(next, event);
          produced.push(...decided);
        }
        current = next;
        outcomes.push({ events: produced });
        for (const event of produced) events.push({ event, metadata: pending.metadata });
      } catch (error) {
        outcomes.push({ error });
      }
    }
    return { state: current, outcomes, events };
  }

  /**
   * `waiting`: the stream's queue in batched mode. After a conflict the commands that queued
   * meanwhile join the batch being retried, so a contended stream gets bigger batches, not longer queues.
   */
  private async runBatch(
    stream: string,
    batch: Pending<Command, State, Event>[],
    alone: boolean,
    waiting?: Pending<Command, State, Event>[],
  ): Promise<void> {
    try {
      // A stream another writer (a replica) appended to lately is read before deciding, as the other
      // side does after losing a race: otherwise the winner, deciding on its cache at once, wins
      // every race and starves the other replica.
      const contended = Date.now() - (this.foreignWrites.get(stream) ?? 0) < CONTENDED_MS;
      let current = (!alone && !contended && this.cache.get<State>(stream)) || (await this.read(stream));
      for (let attempt = 0; ; attempt++) {
        const decided = this.decideAll(current.state, batch);
        const settle = (revision: bigint | 'no_stream') =>
          batch.forEach((pending, i) => {
            const outcome = decided.outcomes[i]!;
            if ('error' in outcome) pending.reject(outcome.error);
            else pending.resolve({ events: outcome.events, state: decided.state, revision });
          });
        if (decided.events.length === 0) return settle(current.revision);
        try {
          const appended = await this.store.appendToStream(
            stream,
            decided.events.map(({ event, metadata }) => ({
              type: event.type,
              data: event.data,
              ...(metadata ? { metadata } : {}),
            })),
            { expectedRevision: current.revision },
          );
          this.appends++;
          const expected = (current.revision === 'no_stream' ? -1n : current.revision) + BigInt(decided.events.length);
          if (appended.nextExpectedRevision === expected)
            this.remember(stream, { state: decided.state, revision: expected });
          else this.cache.delete(stream);
          settle(appended.nextExpectedRevision);
          for (const listener of this.listeners) listener(stream);
          return;
        } catch (error) {
          if (error instanceof WrongExpectedVersionError && attempt < this.retries) {
            this.conflictRetries++;
            // Another writer (a replica, or everyone when alone) won: a short random pause, growing
            // with the attempts, lets it finish instead of colliding again at once.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * (attempt + 1)));
            if (waiting && waiting.length > 0 && batch.length < this.maxBatch) {
              batch.push(...waiting.splice(0, this.maxBatch - batch.length));
            }
            current = await this.read(stream);
            continue;
          }
          throw error;
        }
      }
    } catch (error) {
      this.cache.delete(stream);
      for (const pending of batch) pending.reject(error);
    }
  }
}
