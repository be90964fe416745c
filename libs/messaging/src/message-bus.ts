import {
  CLOUDEVENTS_CONTENT_TYPE,
  ContractViolation,
  envelopeProblems,
  type ContractRegistry,
  type IntegrationEnvelope,
} from '@adal/contracts';

/**
 * The integration-event bus port. Topics are `<service>.events`; messages are CloudEvents
 * envelopes keyed by `subject` (the aggregate id), so each aggregate's events stay in order.
 * Delivery is at least once: consumers make their effects idempotent (see `Inbox`).
 *
 * Two adapters pass one conformance suite (`@adal/messaging/conformance`): Kafka
 * (`KafkaMessageBus`) and a PostgreSQL-backed log (`PostgresMessageBus`) for `npm start`
 * without `KAFKA_BROKERS`.
 */
export interface MessageBus {
  /**
   * Resolves once the broker has acknowledged every envelope (acks=all). Invalid envelopes
   * are refused with `InvalidPublishError` and then nothing of the call is published.
   */
  publish(topic: string, envelopes: readonly IntegrationEnvelope[]): Promise<void>;
  /** Starts a consumer in a group; resolves once it is subscribed and running. */
  consume(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Stops every consumer started on this bus, then disconnects. */
  close(): Promise<void>;
}

export interface MessageContext {
  topic: string;
  /** Kafka partition; always 0 on the PostgreSQL log (one ordered log per topic). */
  partition: number;
  /** Offset as a decimal string. */
  offset: string;
  /** The message key: the envelope `subject` for everything `publish` wrote. */
  key: string | null;
  headers: Record<string, string>;
  /**
   * 1 on first delivery to this handler invocation loop, up to `maxAttempts`. For `onBatch`,
   * the attempt of the whole batch (every item carries the same number).
   */
  attempt: number;
}

export type EnvelopeHandler = (envelope: IntegrationEnvelope, context: MessageContext) => Promise<void>;

/** A message as it sits in the log, before any parsing. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The value as UTF-8 text (an envelope's JSON for everything `publish` wrote). */
  value: string | null;
  headers: Record<string, string>;
}

/** Sees every message as is (no JSON parsing, no contracts); e.g. to read a dead-letter topic. */
export type RawMessageHandler = (message: ReceivedMessage, context: MessageContext) => Promise<void>;

/** One envelope of a batch, with where it came from. */
export interface BatchItem {
  envelope: IntegrationEnvelope;
  context: MessageContext;
}

/**
 * Takes several envelopes at once (e.g. to write a read model in one transaction). All items
 * of one call come from one Kafka partition / one PostgreSQL-log topic, in log order. Throwing
 * fails the whole call: make the effect all-or-nothing (one transaction) and idempotent.
 */
export type BatchHandler = (items: ReadonlyArray<BatchItem>) => Promise<void>;

/** Default `maxBatchSize`. */
export const DEFAULT_MAX_BATCH_SIZE = 500;

export interface ConsumerOptions {
  groupId: string;
  topics: readonly string[];
  /** One plain handler per event type. Types without a handler are acknowledged and skipped. */
  handlers?: Readonly<Record<string, EnvelopeHandler>>;
  /**
   * Takes every message raw instead of `handlers` (no parsing, no contract check), with the
   * same retries and dead-lettering. Meant for dead-letter topics and tooling.
   */
  onRaw?: RawMessageHandler;
  /**
   * Takes envelopes in batches instead of `handlers`/`onRaw` (give only one of them). Each call
   * holds up to `maxBatchSize` envelopes of one partition (Kafka) / one topic (PostgreSQL log),
   * in order. Poison (not JSON, not an envelope, refused by `contracts`) is dead-lettered on its
   * own and left out. A failing call is retried with the same backoff up to `maxAttempts`;
   * then the batch's envelopes are delivered one by one (`onBatch([item])`), each with its own
   * retries and dead-lettering, so one bad envelope neither blocks nor drops its neighbours.
   * Offsets are committed only once the whole batch is handled (at least once: dedupe by id).
   */
  onBatch?: BatchHandler;
  /**
   * With `onBatch`: only these event types are passed; the others are acknowledged and skipped
   * (before any contract check, so a registry needs to know only the types consumed).
   * Default: every type.
   */
  batchTypes?: readonly string[];
  /** With `onBatch`: most envelopes per call. Default 500. */
  maxBatchSize?: number;
  /** Validates and upcasts on consume; refused messages go to the dead-letter topic at once. */
  contracts?: ContractRegistry;
  /** Attempts before a failing message goes to the dead-letter topic. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt (capped at 30 s). Default 100 ms. */
  retryBackoffMs?: number;
  /** Dead-letter topic for a source topic. Default `${topic}.dlt`. */
  deadLetterTopic?: (topic: string) => string;
  /**
   * Kafka: partitions handled at the same time (each partition stays in order). Default 1.
   * The PostgreSQL log keeps one ordered log per topic and ignores it.
   */
  concurrency?: number;
}

export interface RunningConsumer {
  /** Finishes the message (or batch) in hand, commits what was handled, leaves the group. */
  stop(): Promise<void>;
}

/** Headers set on a dead-lettered message (on top of the original headers). */
export const DEAD_LETTER_HEADERS = {
  error: 'x-dead-letter-error',
  reason: 'x-dead-letter-reason',
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  attempts: 'x-attempts',
} as const;

/** Values of the `x-dead-letter-reason` header. */
export const DEAD_LETTER_REASONS = {
  /** The value is not JSON, not an envelope, or the contract refused it; never retried. */
  poison: 'poison',
  /** The handler failed `maxAttempts` times. */
  handlerFailed: 'handler-failed',
} as const;

export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[keyof typeof DEAD_LETTER_REASONS];

export class MessageBusError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MessageBusError';
  }
}

/** A publish or consume call with bad input; nothing was published. */
export class InvalidPublishError extends MessageBusError {
  constructor(readonly problems: string[]) {
    super(`Refused to publish: ${problems.join('; ')}`);
    this.name = 'InvalidPublishError';
  }
}

// ---------------------------------------------------------------------------------------------
// Adapter toolkit: what every adapter does the same way (validation, encoding, delivery loop).
// ---------------------------------------------------------------------------------------------

export type MessagingLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'nothing';

export interface MessagingLogger {
  log(level: Exclude<MessagingLogLevel, 'nothing'>, msg: string, fields?: Record<string, unknown>): void;
}

const LEVEL_RANK: Record<MessagingLogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, nothing: 100 };

/** JSON lines on stdout, `{time, level, msg, context, ...fields}`, like the services' logger. */
export const jsonMessagingLogger = (
  minimum: MessagingLogLevel = (process.env['MESSAGING_LOG_LEVEL'] as MessagingLogLevel | undefined) ?? 'warn',
  context = 'messaging',
): MessagingLogger => ({
  log(level, msg, fields = {}) {
    if (LEVEL_RANK[level] < (LEVEL_RANK[minimum] ?? LEVEL_RANK.warn)) return;
    let line: string;
    try {
      line = JSON.stringify({ time: new Date().toISOString(), level, msg, context, ...fields }, (_k, v: unknown) =>
        typeof v === 'bigint' ? v.toString() : v instanceof Error ? `${v.name}: ${v.message}` : v,
      );
    } catch {
      line = JSON.stringify({ time: new Date().toISOString(), level, msg, context });
    }
    process.stdout.write(`${line}\n`);
  },
});

/** Kafka's legal topic names; the PostgreSQL log uses the same rule so topics move freely. */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export const topicProblems = (topic: unknown, label = 'topic'): string[] =>
  typeof topic === 'string' && TOPIC_NAME.test(topic) && topic !== '.' && topic !== '..'
    ? []
    : [`${label}: must be 1-249 characters of a-z A-Z 0-9 . _ - (got ${JSON.stringify(topic)})`];

/** Kafka's default `message.max.bytes` is 1 MiB for a whole record batch; stay under it. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_000_000;

/** A message ready for the log. */
export interface OutgoingMessage {
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** The headers `publish` sets next to the structured-mode envelope. */
export const cloudEventHeaders = (envelope: IntegrationEnvelope): Record<string, string> => ({
  'content-type': CLOUDEVENTS_CONTENT_TYPE,
  ce_type: envelope.type,
  ce_id: envelope.id,
  ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
});

/**
 * Validates a publish call and encodes it (structured mode: the value is the whole envelope
 * as JSON, keyed by `subject`). Throws `InvalidPublishError` listing every problem.
 */
export const encodeForPublish = (
  topic: string,
  envelopes: readonly IntegrationEnvelope[],
  {
    contracts,
    maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES,
  }: { contracts?: ContractRegistry | undefined; maxMessageBytes?: number | undefined } = {},
): OutgoingMessage[] => {
  const problems = topicProblems(topic);
  if (!Array.isArray(envelopes)) problems.push('envelopes: must be an array');
  const messages: OutgoingMessage[] = [];
  (Array.isArray(envelopes) ? envelopes : []).forEach((envelope, i) => {
    const own = envelopeProblems(envelope);
    const e = envelope as unknown as Record<string, unknown> | null;
    if (
      e &&
      typeof e === 'object' &&
      'traceparent' in e &&
      e['traceparent'] !== undefined &&
      typeof e['traceparent'] !== 'string'
    ) {
      own.push('traceparent: must be a string');
    }
    if (own.length === 0 && contracts) {
      try {
        contracts.assertPublishable(envelope);
      } catch (error) {
        if (error instanceof ContractViolation) own.push(...error.problems);
        else throw error;
      }
    }
    let value: string | undefined;
    if (own.length === 0) {
      try {
        value = JSON.stringify(envelope);
      } catch (error) {
        own.push(`data: not serialisable as JSON (${(error as Error).message})`);
      }
    }
    if (own.length === 0) {
      const message = { key: envelope.subject, value: value!, headers: cloudEventHeaders(envelope) };
      const bytes =
        Buffer.byteLength(message.value) +
        Buffer.byteLength(message.key) +
        Object.entries(message.headers).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
      if (bytes > maxMessageBytes)
        own.push(`data: the message is ${bytes} bytes, more than the ${maxMessageBytes} allowed`);
      else messages.push(message);
    }
    if (own.length) problems.push(...own.map((p) => `envelopes[${i}].${p}`));
  });
  if (problems.length) throw new InvalidPublishError(problems);
  return messages;
};

/** Consumer options with defaults applied; throws `InvalidPublishError`-style problems early. */
export interface ResolvedConsumerOptions {
  groupId: string;
  topics: string[];
  handlers: Readonly<Record<string, EnvelopeHandler>>;
  onRaw?: RawMessageHandler;
  onBatch?: BatchHandler;
  /** With `onBatch`: the types passed (undefined: all). */
  batchTypes?: ReadonlySet<string>;
  maxBatchSize: number;
  contracts?: ContractRegistry;
  maxAttempts: number;
  retryBackoffMs: number;
  deadLetterTopic: (topic: string) => string;
  concurrency: number;
}

export const MAX_RETRY_BACKOFF_MS = 30_000;

export const resolveConsumerOptions = (options: ConsumerOptions): ResolvedConsumerOptions => {
  const problems: string[] = [];
  if (typeof options?.groupId !== 'string' || options.groupId.trim() === '')
    problems.push('groupId: must be a non-empty string');
  const topics = Array.isArray(options?.topics) ? [...new Set(options.topics)] : [];
  if (topics.length === 0) problems.push('topics: name at least one topic');
  topics.forEach((t, i) => problems.push(...topicProblems(t, `topics[${i}]`)));
  const onBatch = options?.onBatch;
  if (onBatch !== undefined) {
    if (typeof onBatch !== 'function') problems.push('onBatch: must be a function');
    if (options.handlers !== undefined || options.onRaw !== undefined)
      problems.push('onBatch: give either onBatch or handlers/onRaw, not both');
  } else if (!options?.onRaw && (!options?.handlers || typeof options.handlers !== 'object')) {
    problems.push('handlers: give handlers by event type, onRaw, or onBatch');
  }
  const batchTypes = options?.batchTypes;
  if (batchTypes !== undefined) {
    if (onBatch === undefined) problems.push('batchTypes: only with onBatch');
    if (!Array.isArray(batchTypes) || batchTypes.some((t) => typeof t !== 'string' || t === ''))
      problems.push('batchTypes: must be an array of event types');
  }
  const maxBatchSize = options?.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) problems.push('maxBatchSize: must be an integer >= 1');
  const maxAttempts = options?.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) problems.push('maxAttempts: must be an integer >= 1');
  const retryBackoffMs = options?.retryBackoffMs ?? 100;
  if (!Number.isFinite(retryBackoffMs) || retryBackoffMs < 0) problems.push('retryBackoffMs: must be >= 0');
  const concurrency = options?.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) problems.push('concurrency: must be an integer >= 1');
  if (problems.length) throw new MessageBusError(`Invalid consumer options: ${problems.join('; ')}`);
  const deadLetterTopic = options.deadLetterTopic ?? ((topic: string) => `${topic}.dlt`);
  return {
    groupId: options.groupId,
    topics,
    handlers: options.handlers ?? {},
    ...(options.onRaw ? { onRaw: options.onRaw } : {}),
    ...(onBatch ? { onBatch } : {}),
    ...(onBatch && batchTypes ? { batchTypes: new Set(batchTypes) } : {}),
    maxBatchSize,
    ...(options.contracts ? { contracts: options.contracts } : {}),
    maxAttempts,
    retryBackoffMs,
    deadLetterTopic,
    concurrency,
  };
};

/** Resolves after `ms`, or early (with `false`) when the signal aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export type DeliveryOutcome = 'handled' | 'skipped' | 'dead-lettered' | 'interrupted';

export interface DeliveryIo {
  /** Writes to the dead-letter topic and resolves once it is durable. Throwing leaves the message unacknowledged. */
  deadLetter(topic: string, message: OutgoingMessage): Promise<void>;
  /** Aborted by `stop()`: no new retries start, the message stays unacknowledged. */
  signal: AbortSignal;
  /** Called while waiting between attempts (Kafka group heartbeats). */
  keepAlive?: () => Promise<void>;
  /** False once the messages in hand are no longer this member's (Kafka: partition revoked). */
  isActive?: () => boolean;
  logger: MessagingLogger;
}

const MAX_ERROR_HEADER_CHARS = 2000;

const errorText = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_HEADER_CHARS ? `${text.slice(0, MAX_ERROR_HEADER_CHARS)}…` : text;
};

const deadLetterMessage = (
  message: ReceivedMessage,
  reason: DeadLetterReason,
  error: string,
  attempts: number,
): OutgoingMessage => ({
  key: message.key,
  value: message.value ?? '',
  headers: {
    ...message.headers,
    [DEAD_LETTER_HEADERS.error]: error,
    [DEAD_LETTER_HEADERS.reason]: reason,
    [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
    [DEAD_LETTER_HEADERS.originalPartition]: String(message.partition),
    [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
    [DEAD_LETTER_HEADERS.attempts]: String(attempts),
  },
});

const contextOf = (message: ReceivedMessage, attempt: number): MessageContext => ({
  topic: message.topic,
  partition: message.partition,
  offset: message.offset,
  key: message.key,
  headers: message.headers,
  attempt,
});

const sendToDeadLetter = async (
  message: ReceivedMessage,
  reason: DeadLetterReason,
  error: string,
  attempts: number,
  options: ResolvedConsumerOptions,
  io: DeliveryIo,
): Promise<'dead-lettered'> => {
  const target = options.deadLetterTopic(message.topic);
  await io.deadLetter(target, deadLetterMessage(message, reason, error, attempts));
  io.logger.log('warn', 'message dead-lettered', {
    groupId: options.groupId,
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    deadLetterTopic: target,
    reason,
    attempts,
    error,
  });
  return 'dead-lettered';
};

type Decoded =
  { kind: 'envelope'; envelope: IntegrationEnvelope } | { kind: 'poison'; error: string } | { kind: 'skip' };

/**
 * Parses and checks a message: not JSON / not an envelope / refused by the contracts = poison.
 * `wanted`, when given, skips other types as soon as the type is readable (before contracts).
 */
const decodeMessage = (
  message: ReceivedMessage,
  options: ResolvedConsumerOptions,
  wanted?: (type: string) => boolean,
): Decoded => {
  let parsed: unknown;
  try {
    if (message.value === null) throw new Error('the message has no value');
    parsed = JSON.parse(message.value);
  } catch (error) {
    return { kind: 'poison', error: `value is not a JSON envelope: ${(error as Error).message}` };
  }
  if (wanted && parsed !== null && typeof parsed === 'object') {
    const type = (parsed as { type?: unknown }).type;
    if (typeof type === 'string' && !wanted(type)) return { kind: 'skip' };
  }
  if (options.contracts) {
    const decoded = options.contracts.decode(parsed);
    return decoded.ok ? { kind: 'envelope', envelope: decoded.envelope } : { kind: 'poison', error: decoded.reason };
  }
  const problems = envelopeProblems(parsed);
  if (problems.length) return { kind: 'poison', error: problems.join('; ') };
  return { kind: 'envelope', envelope: parsed as IntegrationEnvelope };
};

type AttemptsOutcome = { ok: true } | { ok: false; error: unknown } | 'interrupted';

/**
 * Runs `run(attempt)` until it resolves, at most `maxAttempts` times, waiting
 * `retryBackoffMs * 2^(attempt-1)` (capped) in between. `interrupted`: stop() came first.
 */
const withRetries = async (
  run: (attempt: number) => Promise<void>,
  options: ResolvedConsumerOptions,
  io: DeliveryIo,
  fields: Record<string, unknown>,
): Promise<AttemptsOutcome> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await run(attempt);
      return { ok: true };
    } catch (error) {
      if (attempt >= options.maxAttempts) return { ok: false, error };
      if (io.signal.aborted) return 'interrupted';
      io.logger.log('debug', 'handler failed; retrying', {
        groupId: options.groupId,
        ...fields,
        attempt,
        error: errorText(error),
      });
      let remaining = Math.min(options.retryBackoffMs * 2 ** (attempt - 1), MAX_RETRY_BACKOFF_MS);
      while (remaining > 0) {
        const step = Math.min(remaining, 1000);
        if (!(await sleep(step, io.signal))) return 'interrupted';
        remaining -= step;
        if (remaining > 0 && io.keepAlive) await io.keepAlive();
      }
    }
  }
};

/**
 * Delivers one message: parse → contract decode (refusal = poison, dead-lettered at once) →
 * handler by type, retried with exponential backoff → dead-lettered after `maxAttempts`.
 * Resolves when the message may be acknowledged, except for `interrupted` (stop() came
 * between attempts: leave it unacknowledged so the group sees it again).
 */
export const deliverMessage = async (
  message: ReceivedMessage,
  options: ResolvedConsumerOptions,
  io: DeliveryIo,
): Promise<DeliveryOutcome> => {
  if (options.onBatch) return (await deliverBatch([message], options, io)).acknowledged ? 'handled' : 'interrupted';
  let run: (context: MessageContext) => Promise<void>;
  if (options.onRaw) {
    const onRaw = options.onRaw;
    run = (context) => onRaw(message, context);
  } else {
    const decoded = decodeMessage(message, options);
    if (decoded.kind === 'poison')
      return sendToDeadLetter(message, DEAD_LETTER_REASONS.poison, decoded.error, 0, options, io);
    if (decoded.kind === 'skip') return 'skipped';
    const { envelope } = decoded;
    const handler = options.handlers[envelope.type];
    if (!handler) return 'skipped';
    run = (context) => handler(envelope, context);
  }

  const outcome = await withRetries((attempt) => run(contextOf(message, attempt)), options, io, {
    topic: message.topic,
    offset: message.offset,
  });
  if (outcome === 'interrupted') return 'interrupted';
  if (outcome.ok) return 'handled';
  return sendToDeadLetter(
    message,
    DEAD_LETTER_REASONS.handlerFailed,
    errorText(outcome.error),
    options.maxAttempts,
    options,
    io,
  );
};

export interface BatchDelivery {
  /**
   * How many of the messages, from the first, may be acknowledged: all of them, unless stop()
   * (or a lost partition) interrupted the batch; then the ones before the unfinished part.
   */
  acknowledged: number;
}

/**
 * Delivers messages of one partition (in log order) through `options.onBatch`: poison is
 * dead-lettered on its own and left out; unwanted types are skipped; the rest goes to
 * `onBatch` in one call, retried with backoff up to `maxAttempts`. If it still fails, each
 * envelope is delivered alone (`onBatch([item])`) with its own retries and dead-lettering.
 */
export const deliverBatch = async (
  messages: readonly ReceivedMessage[],
  options: ResolvedConsumerOptions,
  io: DeliveryIo,
): Promise<BatchDelivery> => {
  const onBatch = options.onBatch;
  if (!onBatch) throw new MessageBusError('deliverBatch: the consumer has no onBatch');
  const types = options.batchTypes;
  const wanted = types ? (type: string) => types.has(type) : undefined;

  const items: { index: number; message: ReceivedMessage; envelope: IntegrationEnvelope }[] = [];
  for (const [index, message] of messages.entries()) {
    const decoded = decodeMessage(message, options, wanted);
    if (decoded.kind === 'poison')
      await sendToDeadLetter(message, DEAD_LETTER_REASONS.poison, decoded.error, 0, options, io);
    else if (decoded.kind === 'envelope') items.push({ index, message, envelope: decoded.envelope });
  }
  if (items.length === 0) return { acknowledged: messages.length };

  const first = items[0]!.message;
  const last = items[items.length - 1]!.message;
  const whole = await withRetries(
    (attempt) => onBatch(items.map((i) => ({ envelope: i.envelope, context: contextOf(i.message, attempt) }))),
    options,
    io,
    {
      topic: first.topic,
      partition: first.partition,
      offset: first.offset,
      lastOffset: last.offset,
      size: items.length,
    },
  );
  if (whole === 'interrupted') return { acknowledged: items[0]!.index };
  if (whole.ok) return { acknowledged: messages.length };
  if (items.length === 1) {
    await sendToDeadLetter(
      first,
      DEAD_LETTER_REASONS.handlerFailed,
      errorText(whole.error),
      options.maxAttempts,
      options,
      io,
    );
    return { acknowledged: messages.length };
  }

  io.logger.log('warn', 'batch failed; delivering its envelopes one by one', {
    groupId: options.groupId,
    topic: first.topic,
    partition: first.partition,
    offset: first.offset,
    lastOffset: last.offset,
    size: items.length,
    error: errorText(whole.error),
  });
  for (const item of items) {
    if (io.signal.aborted || (io.isActive && !io.isActive())) return { acknowledged: item.index };
    const single = await withRetries(
      (attempt) => onBatch([{ envelope: item.envelope, context: contextOf(item.message, attempt) }]),
      options,
      io,
      { topic: item.message.topic, partition: item.message.partition, offset: item.message.offset },
    );
    if (single === 'interrupted') return { acknowledged: item.index };
    if (!single.ok) {
      await sendToDeadLetter(
        item.message,
        DEAD_LETTER_REASONS.handlerFailed,
        errorText(single.error),
        options.maxAttempts,
        options,
        io,
      );
    }
    if (io.keepAlive) await io.keepAlive();
  }
  return { acknowledged: messages.length };
};
