import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type pg from 'pg';
import { appointments, ContractRegistry } from '@adal/contracts';
import type { EventStore } from '@adal/event-store';
import { EventRelay, messageBusFromEnvironment, type MessageBus, type RunningConsumer } from '@adal/messaging';
import type { Projection, ProjectionRunner } from '@adal/read-models';
import { InjectEventStore, InjectPgPool } from '@adal/service-kit';
import { SpanKind, withSpanFromTraceparent } from '@adal/telemetry';
import { QUEUE_CONFIG, type QueueConfig } from '../application/config.js';
import { ReceptionQueue } from '../queue/reception-queue.js';
import { PROJECTION_RUNNER, PROJECTIONS } from '../read-models/read-models.module.js';
import { applyAppointmentEvent, CONSUMED_APPOINTMENT_EVENTS } from './appointments-consumer.js';
import { queueContracts, toIntegrationEvent } from './to-integration-event.js';

const appointmentsContracts = new ContractRegistry([...appointments.appointmentsContracts]);

/**
 * The service's half of the event pipeline: the relay carries public events from the store to
 * `queue.events`; the read-model consumer applies them to the projections exactly once; the
 * appointments consumer turns confirmed in-person bookings into expected arrivals.
 */
@Injectable()
export class QueuePipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('QueuePipeline');
  private bus?: MessageBus;
  private relay?: EventRelay;
  private readonly consumers: RunningConsumer[] = [];

  constructor(
    @InjectEventStore() private readonly store: EventStore,
    @InjectPgPool() private readonly pool: pg.Pool,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    @Inject(ReceptionQueue) private readonly queue: ReceptionQueue,
    @Inject(QUEUE_CONFIG) private readonly config: QueueConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bus = await messageBusFromEnvironment(process.env, { clientId: 'reception-queue' });
    const topic = this.config.eventsTopic;
    this.relay = new EventRelay({
      service: 'reception-queue',
      topic,
      store: this.store,
      bus: this.bus,
      pool: this.pool,
      contracts: queueContracts,
      toIntegrationEvent,
      filter: { categories: ['queueday'] },
      log: (message, fields) => this.logger.log({ msg: message, ...fields }),
    });
    this.relay.start();

    const types = [...new Set(this.projections.flatMap((p) => p.handles))];
    this.consumers.push(
      await this.bus.consume({
        groupId: this.config.readModelGroup,
        topics: [topic],
        contracts: queueContracts,
        batchTypes: types,
        concurrency: 3,
        onBatch: async (items) =>
          withSpanFromTraceparent(
            `${topic} process ${[...new Set(items.map((i) => i.envelope.type))].join(',')}`,
            items.map((i) => i.envelope.traceparent).filter((t): t is string => typeof t === 'string'),
            SpanKind.CONSUMER,
            { 'messaging.system': 'kafka', 'messaging.batch.message_count': items.length },
            async () =>
              void (await this.runner.projectBatch(
                this.projections,
                items.map((i) => i.envelope),
                { source: `${items[0]!.context.topic}#${items[0]!.context.partition}` },
              )),
          ),
      }),
    );

    const onAppointment = async (envelope: Parameters<typeof applyAppointmentEvent>[1]) =>
      withSpanFromTraceparent(
        `${this.config.appointmentsTopic} process ${envelope.type}`,
        envelope.traceparent ? [envelope.traceparent] : [],
        SpanKind.CONSUMER,
        { 'messaging.system': 'kafka' },
        () => applyAppointmentEvent(this.queue, envelope, (msg, fields) => this.logger.warn({ msg, ...fields })),
      );
    this.consumers.push(
      await this.bus.consume({
        groupId: this.config.appointmentsGroup,
        topics: [this.config.appointmentsTopic],
        contracts: appointmentsContracts,
        handlers: Object.fromEntries(CONSUMED_APPOINTMENT_EVENTS.map((type) => [type, onAppointment])),
      }),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const consumer of this.consumers) await consumer.stop();
    await this.relay?.stop();
    await this.bus?.close();
  }
}
