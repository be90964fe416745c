import kafkajs from 'kafkajs';
import type {
  Admin,
  Consumer,
  EachBatchPayload,
  IHeaders,
  Kafka as KafkaClient,
  KafkaMessage,
  LogEntry,
  Producer,
  RetryOptions,
} from 'kafkajs';
import type { ContractRegistry, IntegrationEnvelope } from '@adal/contracts';
import {
  deliverBatch,
  deliverMessage,
  encodeForPublish,
  jsonMessagingLogger,
  MessageBusError,
  InvalidPublishError,
  resolveConsumerOptions,
  topicProblems,
  type ConsumerOptions,
  type MessageBus,
  type MessagingLogger,
  type MessagingLogLevel,
  type OutgoingMessage,
  type DeliveryIo,
  type ReceivedMessage,
  type ResolvedConsumerOptions,
  type RunningConsumer,
} from '../message-bus.js';

// kafkajs is CommonJS: its named exports are reachable through the default export only.
const { Kafka, Partitioners, logLevel: KafkaLogLevel } = kafkajs;

export interface KafkaMessageBusOptions {
  brokers: string[];
  clientId: string;
  /** Minimum level written (ours and kafkajs's). A kafkajs `logLevel` number is accepted too. Default `warn`. */
  logLevel?: MessagingLogLevel | number;
  /** Where log lines go. Default: JSON lines on stdout. */
  logger?: MessagingLogger;
  /** When given, `publish` also refuses envelopes their contract would not accept. */
  contracts?: ContractRegistry;
  /** Partitions for topics created on demand. Default: 1 for `*.dlt`, else 6. */
  partitions?: (topic: string) => number;
  /** kafkajs retry settings for every client. Default: 20 retries, 300 ms doubling up to 5 s (about a minute). */
  retry?: RetryOptions;
  /** TCP connect timeout. Default 3000 ms. */
  connectionTimeoutMs?: number;
  /** Largest message (key + value + headers) `publish` accepts. Default 1,000,000 bytes (the broker's default limit). */
  maxMessageBytes?: number;
  consumer?: {
    /** Default 30000 ms. */
    sessionTimeoutMs?: number;
    /** Default 3000 ms. */
    heartbeatIntervalMs?: number;
    /** Longest a fetch waits for new data; also bounds how long `stop()` waits on an idle consumer. Default 500 ms. */
    maxWaitTimeMs?: number;
    /** Committed at most this often while handling (and always after each fetched batch and on stop). Default 1000 ms. */
    autoCommitIntervalMs?: number;
  };
}

const KAFKA_LEVELS: Record<Exclude<MessagingLogLevel, 'nothing'>, number> = {
  error: KafkaLogLevel.ERROR,
  warn: KafkaLogLevel.WARN,
  info: KafkaLogLevel.INFO,
  debug: KafkaLogLevel.DEBUG,
};

const levelName = (level: MessagingLogLevel | number | undefined): MessagingLogLevel => {
  if (level === undefined) return (process.env['MESSAGING_LOG_LEVEL'] as MessagingLogLevel | undefined) ?? 'warn';
  if (typeof level === 'string') return level;
  if (level <= KafkaLogLevel.NOTHING) return 'nothing';
  if (level <= KafkaLogLevel.ERROR) return 'error';
  if (level <= KafkaLogLevel.WARN) return 'warn';
  if (level <= KafkaLogLevel.INFO) return 'info';
  return 'debug';
};

/**
 * kafkajs logs through our JSON logger. Its connection layer logs every error response at
 * ERROR although the caller retries or handles it (topic exists, coordinator loading, …);
 * those are demoted to debug.
 */
const logCreatorFor =
  (logger: MessagingLogger) =>
  () =>
  ({ namespace, level, log }: LogEntry): void => {
    const {
      message,
      timestamp: _timestamp,
      logger: _logger,
      ...extra
    } = log as unknown as Record<string, unknown> & {
      message: string;
    };
    let name: Exclude<MessagingLogLevel, 'nothing'> =
      level <= KafkaLogLevel.ERROR
        ? 'error'
        : level <= KafkaLogLevel.WARN
          ? 'warn'
          : level <= KafkaLogLevel.INFO
            ? 'info'
            : 'debug';
    if (namespace === 'Connection' && typeof message === 'string' && message.startsWith('Response ')) name = 'debug';
    // We bound producer retries on purpose: a publish must fail eventually so the relay can
    // retry it from its checkpoint (consumers deduplicate by event id anyway).
    if (typeof message === 'string' && message.startsWith('Limiting retries for the idempotent producer'))
      name = 'debug';
    logger.log(name, message, { context: 'kafkajs', namespace, ...extra });
  };

const headerText = (value: IHeaders[string]): string | undefined => {
  if (value === undefined) return undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined ? undefined : typeof last === 'string' ? last : last.toString('utf8');
};

const decodeHeaders = (headers: IHeaders | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) out[name] = text;
  }
  return out;
};

const messageBytes = (m: OutgoingMessage): number =>
  Buffer.byteLength(m.value) +
  (m.key ? Buffer.byteLength(m.key) : 0) +
  Object.entries(m.headers).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);

/** Splits a publish into sends the broker accepts (a record batch per partition stays under ~1 MB). */
const chunksOf = (messages: OutgoingMessage[], maxBytes: number): OutgoingMessage[][] => {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = messageBytes(m) + 64;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
};

const receivedOf = (topic: string, partition: number, message: KafkaMessage): ReceivedMessage => ({
  topic,
  partition,
  offset: message.offset,
  key: message.key ? message.key.toString('utf8') : null,
  value: message.value ? message.value.toString('utf8') : null,
  headers: decodeHeaders(message.headers),
});

/**
 * The message bus on Apache Kafka (kafkajs). Producer: idempotent, acks=all, one request in
 * flight, keyed by subject. Consumers: one group member per `consume`, partitions in order,
 * offsets committed only after a message (or an `onBatch` batch) was handled or dead-lettered.
 */
export class KafkaMessageBus implements MessageBus {
  /** @internal */ readonly kafka: KafkaClient;
  /** @internal */ readonly logger: MessagingLogger;
  /** @internal */ readonly options: KafkaMessageBusOptions;
  private readonly retry: RetryOptions;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly knownTopics = new Set<string>();
  private readonly creating = new Map<string, Promise<void>>();
  private readonly consumers = new Set<KafkaConsumerRunner>();
  private closed = false;

  constructor(options: KafkaMessageBusOptions) {
    if (!Array.isArray(options?.brokers) || options.brokers.length === 0 || options.brokers.some((b) => !b?.trim())) {
      throw new MessageBusError('KafkaMessageBus: brokers must list at least one host:port');
    }
    if (!options.clientId?.trim()) throw new MessageBusError('KafkaMessageBus: clientId must be a non-empty string');
    this.options = options;
    const minimum = levelName(options.logLevel);
    this.logger = options.logger ?? jsonMessagingLogger(minimum);
    this.retry = options.retry ?? { initialRetryTime: 300, maxRetryTime: 5000, retries: 20 };
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers.map((b) => b.trim()),
      connectionTimeout: options.connectionTimeoutMs ?? 3000,
      retry: this.retry,
      logLevel: minimum === 'nothing' ? KafkaLogLevel.NOTHING : KAFKA_LEVELS[minimum],
      logCreator: logCreatorFor(this.logger),
    });
  }

  async publish(topic: string, envelopes: readonly IntegrationEnvelope[]): Promise<void> {
    this.assertOpen();
    const messages = encodeForPublish(topic, envelopes, {
      contracts: this.options.contracts,
      maxMessageBytes: this.options.maxMessageBytes,
    });
    if (messages.length) await this.send(topic, messages);
  }

  /** Writes messages exactly as given (no envelope checks): dead letters, replays, tests. */
  async publishRaw(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const problems = topicProblems(topic);
    if (problems.length) throw new InvalidPublishError(problems);
    if (messages.length) await this.send(topic, [...messages]);
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    this.assertOpen();
    const resolved = resolveConsumerOptions(options);
    await this.ensureTopics(resolved.topics);
    const runner = new KafkaConsumerRunner(this, resolved, () => this.consumers.delete(runner));
    this.consumers.add(runner);
    try {
      await runner.start();
    } catch (error) {
      await runner.stop();
      throw error;
    }
    return { stop: () => runner.stop() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    const [producer, admin] = await Promise.all([
      this.producer?.catch(() => undefined),
      this.admin?.catch(() => undefined),
    ]);
    await Promise.all([producer?.disconnect(), admin?.disconnect()].map((p) => p?.catch(() => undefined)));
  }

  /** @internal also used for dead letters */
  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    await this.ensureTopics([topic]);
    const producer = await this.getProducer();
    for (const chunk of chunksOf(messages, 900_000)) {
      await producer.send({
        topic,
        acks: -1,
        messages: chunk.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
    }
  }

  /** Topics this bus has created or found existing (its cache). */
  get ensuredTopics(): readonly string[] {
    return [...this.knownTopics];
  }

  /** Creates missing topics (6 partitions, 1 for `*.dlt`); concurrent calls share the work. */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    await Promise.all(
      topics
        .filter((t) => !this.knownTopics.has(t))
        .map((topic) => {
          let pending = this.creating.get(topic);
          if (!pending) {
            pending = this.createTopic(topic).finally(() => this.creating.delete(topic));
            this.creating.set(topic, pending);
          }
          return pending;
        }),
    );
  }

  private async createTopic(topic: string): Promise<void> {
    const admin = await this.getAdmin();
    const numPartitions = this.options.partitions?.(topic) ?? (topic.endsWith('.dlt') ? 1 : 6);
    // One topic per call: kafkajs fails a multi-topic call when only some already exist.
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    } catch (error) {
      // A KRaft broker can answer the metadata request that follows the creation before its
      // metadata cache holds the new topic; kafkajs retries only LEADER_NOT_AVAILABLE there.
      if (!isTopicNotYetKnown(error)) throw error;
      await waitForLeaders(admin, topic);
    }
    this.knownTopics.add(topic);
  }

  private getProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: this.retry,
      });
      await producer.connect();
      return producer;
    })();
    this.producer.catch(() => (this.producer = undefined));
    return this.producer;
  }

  private getAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin({ retry: this.retry });
      await admin.connect();
      return admin;
    })();
    this.admin.catch(() => (this.admin = undefined));
    return this.admin;
  }

  private assertOpen(): void {
    if (this.closed) throw new MessageBusError('The message bus is closed');
  }
}

/**
 * One group member. kafkajs restarts a crashed consumer on retriable errors by itself; on
 * any other crash (or a failed restart) this runner builds a fresh consumer, with backoff,
 * until `stop()`.
 */
class KafkaConsumerRunner {
  private consumer?: Consumer;
  private readonly abort = new AbortController();
  private restartTimer?: NodeJS.Timeout;
  private restartDelayMs = 1000;
  private restarting?: Promise<void>;
  private stopping?: Promise<void>;

  constructor(
    private readonly bus: KafkaMessageBus,
    private readonly options: ResolvedConsumerOptions,
    private readonly onStopped: () => void,
  ) {}

  async start(): Promise<void> {
    const tuning = this.bus.options.consumer ?? {};
    const consumer = this.bus.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: tuning.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: tuning.heartbeatIntervalMs ?? 3000,
      maxWaitTimeInMs: tuning.maxWaitTimeMs ?? 500,
      allowAutoTopicCreation: false,
      retry: this.bus.options.retry ?? { initialRetryTime: 300, maxRetryTime: 5000, retries: 20 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => this.onCrash(consumer, event.payload.error, event.payload.restart));
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: tuning.autoCommitIntervalMs ?? 1000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency,
      eachBatch: (payload) => (this.options.onBatch ? this.eachEnvelopeBatch(payload) : this.eachBatch(payload)),
    });
    this.restartDelayMs = 1000;
  }

  private onCrash(consumer: Consumer, error: Error, restart: boolean): void {
    if (this.abort.signal.aborted || consumer !== this.consumer) return;
    this.bus.logger.log(
      'error',
      restart ? 'consumer crashed; kafkajs restarts it' : 'consumer crashed; restarting it',
      {
        groupId: this.options.groupId,
        error,
      },
    );
    if (!restart) this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.abort.signal.aborted) return;
    clearTimeout(this.restartTimer);
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, 30_000);
    this.restartTimer = setTimeout(() => {
      this.restarting = (async () => {
        const old = this.consumer;
        this.consumer = undefined;
        await old?.disconnect().catch(() => undefined);
        if (this.abort.signal.aborted) return;
        try {
          await this.start();
          this.bus.logger.log('info', 'consumer restarted', { groupId: this.options.groupId });
        } catch (error) {
          this.bus.logger.log('error', 'consumer restart failed; trying again', {
            groupId: this.options.groupId,
            error,
          });
          this.scheduleRestart();
        }
      })();
    }, delay);
  }

  private deliveryIo(heartbeat: () => Promise<void>, isActive?: () => boolean): DeliveryIo {
    return {
      deadLetter: (topic, dead) => this.bus.send(topic, [dead]),
      signal: this.abort.signal,
      keepAlive: heartbeat,
      ...(isActive ? { isActive } : {}),
      logger: this.bus.logger,
    };
  }

  private async eachBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.abort.signal.aborted) break;
      const outcome = await deliverMessage(
        receivedOf(batch.topic, batch.partition, message),
        this.options,
        this.deliveryIo(heartbeat),
      );
      if (outcome === 'interrupted') break;
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /**
   * `onBatch`: the fetched messages of one partition go in slices of `maxBatchSize`; each slice's
   * last offset is resolved (and committed when due) only once the whole slice was handled.
   */
  private async eachEnvelopeBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const active = () => isRunning() && !isStale() && !this.abort.signal.aborted;
    const size = this.options.maxBatchSize;
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!active()) break;
      const slice = batch.messages.slice(start, start + size);
      const { acknowledged } = await deliverBatch(
        slice.map((m) => receivedOf(batch.topic, batch.partition, m)),
        this.options,
        this.deliveryIo(heartbeat, () => isRunning() && !isStale()),
      );
      if (acknowledged > 0) resolveOffset(slice[acknowledged - 1]!.offset);
      if (acknowledged < slice.length) break; // interrupted: the rest is fetched again
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.abort.abort();
      clearTimeout(this.restartTimer);
      await this.restarting; // never rejects; a restart in progress finishes, then stops below
      try {
        // Waits for the message in hand, commits resolved offsets, leaves the group.
        await this.consumer?.disconnect();
      } catch (error) {
        this.bus.logger.log('warn', 'consumer did not disconnect cleanly', { groupId: this.options.groupId, error });
      } finally {
        this.onStopped();
      }
    })();
    return this.stopping;
  }
}

const isTopicNotYetKnown = (error: unknown): boolean =>
  ['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE'].includes(String((error as { type?: unknown }).type));

/** Waits until every partition of a just-created topic has a leader (bounded). */
const waitForLeaders = async (admin: Admin, topic: string, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const partitions = topics[0]?.partitions ?? [];
      if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return;
    } catch (error) {
      if (!isTopicNotYetKnown(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topic ${topic} has no leaders ${timeoutMs} ms after its creation`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
