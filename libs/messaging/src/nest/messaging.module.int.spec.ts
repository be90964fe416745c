import { randomUUID } from 'node:crypto';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { ContractRegistry, defineContract, type IntegrationEnvelope } from '@adal/contracts';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { kafkaBrokersForTests } from '../kafka/test-brokers.js';
import { KafkaMessageBus } from '../kafka/kafka-message-bus.js';
import type { MessageBus, MessageContext } from '../message-bus.js';
import { PostgresMessageBus } from '../postgres-log/postgres-message-bus.js';
import { MESSAGE_BUS, MessagingModule, messageBusFromEnvironment, OnIntegrationEvent } from './messaging.module.js';

const BOOKED = 'appointments.BookingConfirmed';
const CANCELLED = 'appointments.BookingCancelled';

const contracts = new ContractRegistry([
  defineContract(BOOKED, [
    { version: 1, schema: z.object({ officeId: z.string() }) },
    {
      version: 2,
      schema: z.object({ officeId: z.string(), remote: z.boolean() }),
      upcast: (v1: { officeId: string }) => ({ ...v1, remote: false }),
    },
  ]),
  defineContract(CANCELLED, [{ version: 1, schema: z.object({ reason: z.string() }) }]),
]);

const envelope = (type: string, dataversion: number, data: unknown): IntegrationEnvelope => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/adal-office/appointments',
  type,
  subject: 'booking-1',
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  dataversion,
  data,
});

@Injectable()
class ArrivalsProjector {
  readonly seen: { type: string; data: unknown; attempt: number }[] = [];

  @OnIntegrationEvent(BOOKED)
  async onBooked(envelope: IntegrationEnvelope, context: MessageContext): Promise<void> {
    this.seen.push({ type: envelope.type, data: envelope.data, attempt: context.attempt });
  }

  @OnIntegrationEvent(CANCELLED)
  async onCancelled(envelope: IntegrationEnvelope): Promise<void> {
    this.seen.push({ type: envelope.type, data: envelope.data, attempt: 0 });
  }
}

@Injectable()
class UnknownTypeHandler {
  @OnIntegrationEvent('appointments.NobodyDefinedThis')
  async handle(): Promise<void> {}
}

const waitFor = async (check: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('MessagingModule', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('bus_nest');
  });
  afterAll(async () => {
    await database?.drop();
  });

  const environments: [string, () => Promise<Record<string, string>>, abstract new (...args: never[]) => MessageBus][] =
    [
      [
        'Kafka (KAFKA_BROKERS set)',
        async () => ({ KAFKA_BROKERS: (await kafkaBrokersForTests()).join(','), DATABASE_URL: database.url }),
        KafkaMessageBus,
      ],
      [
        'PostgreSQL log (no KAFKA_BROKERS)',
        async () => ({ DATABASE_URL: database.url }),
        PostgresMessageBus as unknown as abstract new (...args: never[]) => MessageBus,
      ],
    ];

  it.each(environments)(
    'feeds @OnIntegrationEvent methods from the bus the environment names: %s',
    async (_name, environment, busClass) => {
      const env = await environment();
      const topic = `appointments-${randomUUID().slice(0, 8)}.events`;

      @Module({
        imports: [
          MessagingModule.forRoot({
            groupId: `reception-queue.arrivals-${randomUUID().slice(0, 8)}`,
            topics: [topic],
            contracts,
            bus: () => messageBusFromEnvironment(env, { clientId: 'nest-spec', logLevel: 'error' }),
          }),
        ],
        providers: [ArrivalsProjector],
      })
      class AppModule {}

      let app: INestApplicationContext | undefined = await NestFactory.createApplicationContext(AppModule, {
        logger: false,
      });
      try {
        const bus = app.get<MessageBus>(MESSAGE_BUS);
        expect(bus).toBeInstanceOf(busClass);
        await bus.publish(topic, [
          envelope(BOOKED, 1, { officeId: 'office-7' }),
          envelope(CANCELLED, 1, { reason: 'citizen asked' }),
          envelope(BOOKED, 2, { officeId: 'office-8', remote: true }),
        ]);
        const projector = app.get(ArrivalsProjector);
        await waitFor(() => projector.seen.length >= 3);
        expect(projector.seen).toEqual([
          { type: BOOKED, data: { officeId: 'office-7', remote: false }, attempt: 1 },
          { type: CANCELLED, data: { reason: 'citizen asked' }, attempt: 0 },
          { type: BOOKED, data: { officeId: 'office-8', remote: true }, attempt: 1 },
        ]);
        await app.close(); // stops the consumer, then closes the bus
        app = undefined;
        await expect(bus.publish(topic, [envelope(CANCELLED, 1, { reason: 'late' })])).rejects.toThrow(/closed/);
      } finally {
        await app?.close();
        if (env['KAFKA_BROKERS']) {
          // Keep the shared dev broker free of test topics.
          const admin = new KafkaMessageBus({
            brokers: env['KAFKA_BROKERS'].split(','),
            clientId: 'nest-spec',
          }).kafka.admin();
          await admin.connect();
          await admin.deleteTopics({ topics: [topic] }).finally(() => admin.disconnect());
        }
      }
    },
    30_000,
  );

  it('refuses to start when a handler names a type the contracts do not know', async () => {
    @Module({
      imports: [
        MessagingModule.forRoot({
          groupId: 'never-started',
          topics: ['appointments.events'],
          contracts,
          bus: () => PostgresMessageBus.create({ connectionString: database.url, logLevel: 'error' }),
        }),
      ],
      providers: [UnknownTypeHandler],
    })
    class BrokenModule {}
    await expect(
      NestFactory.createApplicationContext(BrokenModule, { logger: false, abortOnError: false }),
    ).rejects.toThrow(/appointments\.NobodyDefinedThis/);
  });

  it('says what is missing when the environment names no bus', async () => {
    await expect(messageBusFromEnvironment({}, { clientId: 'x' })).rejects.toThrow(/KAFKA_BROKERS.*DATABASE_URL/);
  });
});
