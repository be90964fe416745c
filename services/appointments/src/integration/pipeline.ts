import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import { appointments as contracts } from '@adal/contracts';
import type { EventStore } from '@adal/event-store';
import { EventRelay, messageBusFromEnvironment, type MessageBus, type RunningConsumer } from '@adal/messaging';
import type { Projection, ProjectionRunner } from '@adal/read-models';
import { InjectEventStore, InjectPgPool } from '@adal/service-kit';
import { SpanKind, withSpanFromTraceparent } from '@adal/telemetry';
import { PROJECTION_RUNNER, PROJECTIONS } from '../read-models/read-models.module.js';
import { appointmentsContracts, toIntegrationEvent } from './to-integration-event.js';

/**
 * The service's half of the event pipeline: the relay carries public events from the event
 * store to `appointments.events`, and the read-model consumer applies them to the projections
 * exactly once. Both follow the architecture's one path (store → relay → bus → consumer), so a
 * trace runs from the HTTP request to the read-model write.
 */
@Injectable()
export class AppointmentsPipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AppointmentsPipeline');
  private bus?: MessageBus;
  private relay?: EventRelay;
  private consumer?: RunningConsumer;

  constructor(
    @InjectEventStore() private readonly store: EventStore,
    @InjectPgPool() private readonly pool: pg.Pool,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bus = await messageBusFromEnvironment(process.env, { clientId: 'appointments' });
    // Overridable so parallel environments (and test runs) can share one broker.
    const topic = process.env['APPOINTMENTS_EVENTS_TOPIC'] || contracts.APPOINTMENTS_TOPIC;
    const groupId = process.env['APPOINTMENTS_READ_MODEL_GROUP'] || 'appointments-read-models';
    this.relay = new EventRelay({
      service: 'appointments',
      topic,
      store: this.store,
      bus: this.bus,
      pool: this.pool,
      contracts: appointmentsContracts,
      toIntegrationEvent,
      filter: { categories: ['schedule', 'calendar', 'booking'] },
      log: (message, fields) => this.logger.log({ msg: message, ...fields }),
    });
    this.relay.start();

    const types = [...new Set(this.projections.flatMap((p) => p.handles))];
    // Batches: one transaction applies everything a poll delivered (per partition, in order).
    this.consumer = await this.bus.consume({
      groupId,
      topics: [topic],
      contracts: appointmentsContracts,
      batchTypes: types,
      concurrency: 3,
      onBatch: async (items) =>
        // The consumer span continues the trace of the request that produced the first event.
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
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.bus?.close();
  }
}
