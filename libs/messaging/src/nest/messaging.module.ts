import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { ContractRegistry, IntegrationEnvelope } from '@adal/contracts';
import { KafkaMessageBus } from '../kafka/kafka-message-bus.js';
import type {
  ConsumerOptions,
  EnvelopeHandler,
  MessageBus,
  MessageContext,
  MessagingLogLevel,
  RunningConsumer,
} from '../message-bus.js';
import { PostgresMessageBus } from '../postgres-log/postgres-message-bus.js';

/** Injection token of the `MessageBus` (to publish, e.g. from the relay). */
export const MESSAGE_BUS = Symbol.for('adal.messaging.MessageBus');
/** Injection token of the `MessagingModuleOptions`. */
export const MESSAGING_OPTIONS = Symbol.for('adal.messaging.MessagingModuleOptions');

const HANDLER_TYPES = 'adal:messaging:integration-event-types';

type HandlerMethod = (envelope: IntegrationEnvelope, context: MessageContext) => Promise<void>;

/**
 * Marks a provider or controller method as the handler of one or more integration event
 * types: `@OnIntegrationEvent('appointments.BookingConfirmed') async onBooked(envelope, context) {}`.
 * The method stays a plain method; `MessagingModule` finds it and feeds it from the bus. Make
 * its effect idempotent (delivery is at least once; see the inbox).
 */
export const OnIntegrationEvent =
  (...types: string[]) =>
  <T extends HandlerMethod>(_target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>): void => {
    if (types.length === 0 || types.some((t) => typeof t !== 'string' || t.trim() === '')) {
      throw new Error(`@OnIntegrationEvent on ${String(key)}: name at least one event type`);
    }
    const method = descriptor.value;
    if (typeof method !== 'function') throw new Error(`@OnIntegrationEvent: ${String(key)} is not a method`);
    const previous = (Reflect.getMetadata(HANDLER_TYPES, method) as string[] | undefined) ?? [];
    Reflect.defineMetadata(HANDLER_TYPES, [...previous, ...types], method);
  };

export interface MessagingModuleOptions {
  /** The consumer group: one per service (and purpose), e.g. `reception-queue.arrivals`. */
  groupId: string;
  /** Topics to consume, e.g. `['appointments.events']`. */
  topics: readonly string[];
  /** Validates and upcasts what is consumed; handlers must only name types it knows. */
  contracts?: ContractRegistry;
  /** Builds the bus. Default: `messageBusFromEnvironment(process.env, { clientId: groupId })`. */
  bus?: () => MessageBus | Promise<MessageBus>;
  /** Retry and dead-letter tuning. */
  consumer?: Pick<ConsumerOptions, 'maxAttempts' | 'retryBackoffMs' | 'deadLetterTopic' | 'concurrency'>;
}

/**
 * The bus named by the environment: Kafka when `KAFKA_BROKERS` is set (comma-separated),
 * otherwise the PostgreSQL log on `MESSAGE_BUS_DATABASE_URL` or else `DATABASE_URL`
 * (schema `MESSAGE_BUS_SCHEMA`, default `message_bus`). Services that talk to each other must
 * share the same log, so in PostgreSQL mode they need the same database for it.
 */
export const messageBusFromEnvironment = async (
  env: Record<string, string | undefined> = process.env,
  { clientId, logLevel }: { clientId: string; logLevel?: MessagingLogLevel },
): Promise<MessageBus> => {
  const brokers =
    env['KAFKA_BROKERS']
      ?.split(',')
      .map((b) => b.trim())
      .filter(Boolean) ?? [];
  if (brokers.length) return new KafkaMessageBus({ brokers, clientId, ...(logLevel ? { logLevel } : {}) });
  const url = env['MESSAGE_BUS_DATABASE_URL'] || env['DATABASE_URL'];
  if (!url) {
    throw new Error('No message bus configured: set KAFKA_BROKERS (Kafka) or DATABASE_URL (PostgreSQL log)');
  }
  return PostgresMessageBus.create({
    connectionString: url,
    schema: env['MESSAGE_BUS_SCHEMA'] || 'message_bus',
    ...(logLevel ? { logLevel } : {}),
  });
};

/** Finds the `@OnIntegrationEvent` methods, consumes on bootstrap, stops before shutdown. */
@Injectable()
export class IntegrationEventConsumer
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('MessagingModule');
  private consumer?: RunningConsumer;

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  /** Every discovered handler by event type, e.g. for a health check or a test. */
  discoverHandlers(): Record<string, EnvelopeHandler> {
    const handlers: Record<string, EnvelopeHandler> = {};
    const owners: Record<string, string> = {};
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown> | null;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = prototype?.[name];
        if (typeof method !== 'function') continue;
        const types = Reflect.getMetadata(HANDLER_TYPES, method) as string[] | undefined;
        for (const type of types ?? []) {
          const owner = `${instance.constructor.name}.${name}`;
          if (handlers[type]) throw new Error(`Two handlers for ${type}: ${owners[type]} and ${owner}; keep one`);
          if (this.options.contracts && !this.options.contracts.has(type)) {
            throw new Error(`${owner} handles ${type}, but the contracts given to MessagingModule do not know it`);
          }
          handlers[type] = (envelope, context) => (method as HandlerMethod).call(instance, envelope, context);
          owners[type] = owner;
        }
      }
    }
    return handlers;
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      const handlers = this.discoverHandlers();
      const types = Object.keys(handlers);
      if (types.length === 0) {
        this.logger.warn(`No @OnIntegrationEvent handlers found; group ${this.options.groupId} does not consume`);
        return;
      }
      this.consumer = await this.bus.consume({
        ...this.options.consumer,
        groupId: this.options.groupId,
        topics: this.options.topics,
        handlers,
        ...(this.options.contracts ? { contracts: this.options.contracts } : {}),
      });
      this.logger.log(
        `Group ${this.options.groupId} consumes ${types.join(', ')} from ${this.options.topics.join(', ')}`,
      );
    } catch (error) {
      // A failed bootstrap is usually not followed by close(): do not leave connections open.
      await this.bus.close().catch(() => undefined);
      throw error;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

/**
 * Wires a service to the bus without it touching Kafka:
 * `MessagingModule.forRoot({ groupId, topics, contracts })` in the root module, then
 * `@OnIntegrationEvent(type)` on plain provider methods. `MESSAGE_BUS` is injectable anywhere
 * (global module) for publishing.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MESSAGE_BUS,
          useFactory: () =>
            options.bus ? options.bus() : messageBusFromEnvironment(process.env, { clientId: options.groupId }),
        },
        IntegrationEventConsumer,
      ],
      exports: [MESSAGE_BUS, MESSAGING_OPTIONS],
    };
  }
}
