/**
 * The budget read side as a NestJS module: the read model's MikroORM instance (schema
 * `budget_read`, created or extended on startup, safe mode), the `BudgetProjector` following the
 * service's own event store, `BudgetQueries`, the config (`BUDGET_DATASET_SYNTHETIC`, ...), the
 * clock, the cache of rendered answers and the fast path of `GET /v1/budget/regions`. Needs
 * `ServiceKitModule.forService(...)` (the event store) in the root module; `OpenDataController`
 * is registered by the root module next to it.
 *
 *   imports: [ServiceKitModule.forService(...), BudgetReadModelsModule.forRoot()],
 *   controllers: [OpenDataController, ...],
 */
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@adal/event-store';
import { EVENT_STORE, ServiceDatabase } from '@adal/service-kit';
import {
  BUDGET_CLOCK,
  BUDGET_READ_CONFIG,
  budgetReadConfigFromEnv,
  systemBudgetClock,
  type BudgetClock,
  type BudgetReadConfig,
} from './config.js';
import { SqlLedgerSource, StoreLedgerSource } from './event-source.js';
import { nativePoolOf, openBudgetReadOrm } from './orm.js';
import { BudgetProjector } from './projector.js';
import { BudgetQueries } from './queries.js';
import { AnswerCache } from '../open-data/answer-cache.js';
import { RegionsFastPath } from '../open-data/regions-fast-path.js';
import { FiscalYears } from '../open-data/fiscal-years.js';

export const BUDGET_READ_ORM = Symbol.for('adal.budget-ledger.ReadModelOrm');

export interface BudgetReadModelsOptions {
  /** Default: from the environment (`budgetReadConfigFromEnv`). */
  config?: Partial<BudgetReadConfig>;
  /** Default: the date in Asia/Almaty. */
  clock?: BudgetClock;
  /** Default: `DATABASE_URL`. */
  databaseUrl?: string;
}

@Injectable()
export class BudgetReadModelsLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('BudgetReadModels');
  private follower?: NodeJS.Timeout;

  constructor(
    @Inject(BUDGET_READ_ORM) private readonly orm: MikroORM,
    @Inject(BudgetProjector) private readonly projector: BudgetProjector,
    @Inject(BUDGET_READ_CONFIG) private readonly config: BudgetReadConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.refresh();
    if (this.config.projector) {
      this.projector.start();
      this.logger.log(`Budget projection following the store from position ${this.projector.current().position}`);
    } else {
      // Another process projects: keep the checkpoint (ETags, caches) fresh.
      this.follower = setInterval(() => void this.projector.refresh().catch(() => undefined), 1_000);
      this.follower.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.follower) clearInterval(this.follower);
    await this.projector.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}

@Module({})
export class BudgetReadModelsModule {
  static forRoot(options: BudgetReadModelsOptions = {}): DynamicModule {
    const providers: Provider[] = [
      {
        provide: BUDGET_READ_CONFIG,
        useFactory: (): BudgetReadConfig => ({ ...budgetReadConfigFromEnv(), ...(options.config ?? {}) }),
      },
      { provide: BUDGET_CLOCK, useValue: options.clock ?? systemBudgetClock },
      {
        provide: BUDGET_READ_ORM,
        useFactory: (): Promise<MikroORM> =>
          openBudgetReadOrm(options.databaseUrl ? { clientUrl: options.databaseUrl } : {}),
      },
      {
        provide: BudgetQueries,
        inject: [BUDGET_READ_ORM, BUDGET_READ_CONFIG, ServiceDatabase],
        useFactory: (orm: MikroORM, config: BudgetReadConfig, database: ServiceDatabase) =>
          BudgetQueries.create(orm, config.storeSchema ?? database.schema),
      },
      {
        provide: BudgetProjector,
        inject: [BUDGET_READ_ORM, BUDGET_READ_CONFIG, ServiceDatabase, EVENT_STORE],
        useFactory: async (orm: MikroORM, config: BudgetReadConfig, database: ServiceDatabase, store: EventStore) => {
          const pool = await nativePoolOf(orm);
          const source =
            config.source === 'store'
              ? new StoreLedgerSource(store)
              : new SqlLedgerSource(pool, config.storeSchema ?? database.schema);
          const logger = new Logger('BudgetProjector');
          return new BudgetProjector(pool, source, store, {
            pageSize: config.pageSize,
            logger: {
              log: (m) => logger.log(m),
              warn: (m) => logger.warn(m),
              error: (m, stack) => logger.error(m, stack),
            },
          });
        },
      },
      {
        // Rendered public answers, keyed by ETag: stale as soon as the projection moves.
        provide: AnswerCache,
        inject: [BudgetProjector],
        useFactory: (projector: BudgetProjector) => {
          const cache = new AnswerCache();
          projector.onChange(() => cache.clear());
          return cache;
        },
      },
      FiscalYears,
      RegionsFastPath,
      BudgetReadModelsLifecycle,
    ];
    return {
      module: BudgetReadModelsModule,
      global: true,
      providers,
      exports: [
        BUDGET_READ_ORM,
        BUDGET_READ_CONFIG,
        BUDGET_CLOCK,
        BudgetQueries,
        BudgetProjector,
        AnswerCache,
        FiscalYears,
      ],
    };
  }
}
