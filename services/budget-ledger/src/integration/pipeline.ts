import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type pg from 'pg';
import type { EventStore } from '@adal/event-store';
import { EventRelay, messageBusFromEnvironment, type MessageBus } from '@adal/messaging';
import { InjectEventStore, InjectPgPool } from '@adal/service-kit';
import { BUDGET_CONFIG, type BudgetConfig } from '../application/config.js';
import { BUDGET_LINE_CATEGORY, INSTITUTION_CATEGORY, PROGRAMME_CATEGORY } from '../domain/index.js';
import { budgetContracts, toIntegrationEvent } from './to-integration-event.js';

/**
 * The service's half of the event pipeline: the relay carries the ledger's public events from
 * the store to `budget.events` (Kafka, or the PostgreSQL log without `KAFKA_BROKERS`), keyed by
 * the aggregate (BIN, programme code, line id). The read models project from the store itself,
 * so this service consumes nothing; other services (transparency projections) may.
 */
@Injectable()
export class BudgetPipeline implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BudgetPipeline');
  private bus?: MessageBus;
  private relay?: EventRelay;

  constructor(
    @InjectEventStore() private readonly store: EventStore,
    @InjectPgPool() private readonly pool: pg.Pool,
    @Inject(BUDGET_CONFIG) private readonly config: BudgetConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.relay) {
      this.logger.log('relay off (BUDGET_RELAY=false): budget.events is published by another instance');
      return;
    }
    this.bus = await messageBusFromEnvironment(process.env, { clientId: 'budget-ledger' });
    this.relay = new EventRelay({
      service: 'budget-ledger',
      topic: this.config.eventsTopic,
      store: this.store,
      bus: this.bus,
      pool: this.pool,
      contracts: budgetContracts,
      toIntegrationEvent,
      filter: { categories: [INSTITUTION_CATEGORY, PROGRAMME_CATEGORY, BUDGET_LINE_CATEGORY] },
      log: (message, fields) => this.logger.log({ msg: message, ...fields }),
    });
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.bus?.close();
  }
}
