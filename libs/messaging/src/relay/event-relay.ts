import pg from 'pg';
import type { ContractRegistry, IntegrationEnvelope } from '@adal/contracts';
import { advisoryLockKey, type AllFilter, type EventStore, type RecordedEvent, type Subscription } from '@adal/event-store';
import { SpanKind, withSpanFromTraceparent } from '@adal/telemetry';
import type { MessageBus } from '../message-bus.js';

export interface EventRelayOptions {
  /** Service name: the relay's identity and, by default, its topic `<service>.events`. */
  service: string;
  store: EventStore;
  bus: MessageBus;
  /** Where the checkpoint lives and the leadership lock is taken (the service's database). */
  pool: pg.Pool;
  /** Maps a stored event to its public integration event, or null for private events. */
  toIntegrationEvent: (event: RecordedEvent) => IntegrationEnvelope | null;
  /** When given, every envelope is validated against its contract before publishing. */
  contracts?: ContractRegistry;
  topic?: string;
  /** Which stored events to look at (e.g. the service's categories). */
  filter?: AllFilter;
  /** Most envelopes per publish. Default 1000. */
  maxBatch?: number;
  /** Schema of the checkpoint table. Default `relay`. */
  schema?: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Carries a service's public events from its event store to Kafka. The store is the outbox:
 * the relay follows it from a stored checkpoint, publishes in batches, and moves the
 * checkpoint only after the broker acknowledged, so after a crash it may repeat events but
 * never skips one. One relay per service publishes at a time (a PostgreSQL advisory lock);
 * other instances wait on standby.
 */
export class EventRelay {
  private readonly abort = new AbortController();
  private running?: Promise<void>;
  private readonly topic: string;
  private readonly schema: string;
  private readonly log: NonNullable<EventRelayOptions['log']>;
  private leader = false;
  private published = 0;

  constructor(private readonly options: EventRelayOptions) {
    this.topic = options.topic ?? `${options.service}.events`;
    this.schema = options.schema ?? 'relay';
    this.log = options.log ?? (() => undefined);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  get publishedCount(): number {
    return this.published;
  }

  start(): void {
    this.running ??= this.runForever();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async runForever(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        await this.leadAndRelay();
      } catch (error) {
        this.log('relay interrupted; retrying', { error: (error as Error).message });
        await sleep(500, signal);
      }
    }
  }

  /** Waits to become the one relay of this service, then relays until stopped or demoted. */
  private async leadAndRelay(): Promise<void> {
    const { signal } = this.abort;
    const lockClient = new pg.Client(this.options.pool.options as pg.ClientConfig);
    const lost = new AbortController();
    lockClient.on('error', () => lost.abort());
    lockClient.on('end', () => lost.abort());
    await lockClient.connect();
    try {
      const key = advisoryLockKey(`adal:relay:${this.options.service}`);
      while (!signal.aborted) {
        const { rows } = await lockClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
        if (rows[0]?.ok) break;
        await sleep(1000, signal);
      }
      if (signal.aborted) return;
      this.leader = true;
      this.log('relay is leading', { service: this.options.service, topic: this.topic });
      await this.ensureCheckpointTable(lockClient);
      await this.relay(lockClient, AbortSignal.any([signal, lost.signal]));
    } finally {
      this.leader = false;
      await lockClient.end().catch(() => undefined);
    }
  }

  private async ensureCheckpointTable(client: pg.Client): Promise<void> {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${this.schema}".checkpoints
         (relay text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
  }

  private async relay(client: pg.Client, signal: AbortSignal): Promise<void> {
    const { rows } = await client.query<{ position: string }>(
      `SELECT position FROM "${this.schema}".checkpoints WHERE relay = $1`,
      [this.options.service],
    );
    let checkpoint = rows[0] ? BigInt(rows[0].position) : 0n;
    const maxBatch = this.options.maxBatch ?? 1000;
    const subscription: Subscription = this.options.store.subscribeToAll({
      after: checkpoint,
      ...(this.options.filter ? { filter: this.options.filter } : {}),
    });
    signal.addEventListener('abort', () => void subscription.stop(), { once: true });

    // The pump reads ahead while the previous batch is being published: batches form on their own.
    const buffer: RecordedEvent[] = [];
    let wake: (() => void) | undefined;
    let pumpDone = false;
    let pumpError: unknown;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    const pump = (async () => {
      try {
        for await (const item of subscription) {
          if (item.kind !== 'event') continue;
          buffer.push(item.event);
          notify();
          while (buffer.length >= maxBatch * 4 && !signal.aborted) {
            await new Promise<void>((r) => setTimeout(r, 2));
          }
        }
      } catch (error) {
        pumpError = error;
      } finally {
        pumpDone = true;
        notify();
      }
    })();

    try {
      while (!signal.aborted) {
        if (buffer.length === 0) {
          if (pumpDone) break;
          await new Promise<void>((r) => (wake = r));
          continue;
        }
        const batch = buffer.splice(0, maxBatch);
        const envelopes = batch.map(this.options.toIntegrationEvent).filter((e): e is IntegrationEnvelope => e !== null);
        for (const envelope of envelopes) this.options.contracts?.assertPublishable(envelope);
        await this.publishUntilAcknowledged(envelopes, signal);
        if (signal.aborted) break;
        checkpoint = batch[batch.length - 1]!.globalPosition;
        await client.query(
          `INSERT INTO "${this.schema}".checkpoints (relay, position) VALUES ($1, $2)
           ON CONFLICT (relay) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
          [this.options.service, checkpoint.toString()],
        );
        this.published += envelopes.length;
      }
    } finally {
      await subscription.stop();
      await pump;
    }
    if (pumpError) throw pumpError;
  }

  private async publishUntilAcknowledged(envelopes: IntegrationEnvelope[], signal: AbortSignal): Promise<void> {
    if (envelopes.length === 0) return;
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        // One producer span per batch, child of the first event's request trace, linked to the others.
        await withSpanFromTraceparent(
          `${this.topic} publish`,
          envelopes.map((e) => e.traceparent).filter((t): t is string => typeof t === 'string'),
          SpanKind.PRODUCER,
          { 'messaging.system': 'kafka', 'messaging.destination.name': this.topic, 'messaging.batch.message_count': envelopes.length },
          () => this.options.bus.publish(this.topic, envelopes),
        );
        return;
      } catch (error) {
        this.log('publish failed; retrying', { attempt, error: (error as Error).message });
        await sleep(Math.min(5000, 100 * 2 ** Math.min(attempt, 6)), signal);
      }
    }
  }
}

/** Builds the envelope for a stored event: the event id becomes the envelope id. */
export const envelopeFrom = <Data>(
  event: RecordedEvent,
  attributes: { source: string; type: string; subject: string; dataversion: number; data: Data },
): IntegrationEnvelope<Data> => ({
  specversion: '1.0',
  id: event.id,
  source: attributes.source,
  type: attributes.type,
  subject: attributes.subject,
  time: event.recordedAt,
  datacontenttype: 'application/json',
  dataversion: attributes.dataversion,
  data: attributes.data,
  ...(typeof event.metadata['traceparent'] === 'string' ? { traceparent: event.metadata['traceparent'] } : {}),
});
