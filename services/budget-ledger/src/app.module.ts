import { Module } from '@nestjs/common';
import { AggregateCache, type EventStore } from '@adal/event-store';
import { EVENT_STORE, readPackageVersion, ServiceKitModule } from '@adal/service-kit';
import { BudgetLedger } from './application/budget-ledger.js';
import { CLOCK, systemClock } from './application/clock.js';
import { BUDGET_CONFIG, budgetConfigFromEnv } from './application/config.js';
import { LedgerImporter } from './import/importer.js';
import { BudgetPipeline } from './integration/pipeline.js';
import { LedgerController } from './ledger/ledger.http.js';
import { OpenDataController } from './open-data/open-data.controller.js';
import { BudgetReadModelsModule } from './read-models/read-models.module.js';
import { BudgetDemoSeeder } from './seed/demo-seeder.js';

export const SERVICE_NAME = 'budget-ledger';
export const DEFAULT_PORT = 3004;
export const SERVICE_VERSION = readPackageVersion(new URL('../package.json', import.meta.url));

/** Folded states of recently used institutions, programmes and lines: a command reads only what is new. */
const aggregates = new AggregateCache(20_000);

@Module({
  imports: [
    ServiceKitModule.forService({ name: SERVICE_NAME, version: SERVICE_VERSION }),
    BudgetReadModelsModule.forRoot(),
  ],
  controllers: [LedgerController, OpenDataController],
  providers: [
    { provide: BUDGET_CONFIG, useFactory: () => budgetConfigFromEnv() },
    { provide: CLOCK, useValue: systemClock },
    {
      provide: BudgetLedger,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new BudgetLedger(store, { cache: aggregates }),
    },
    {
      provide: LedgerImporter,
      inject: [BudgetLedger],
      useFactory: (ledger: BudgetLedger) => new LedgerImporter(ledger),
    },
    BudgetDemoSeeder,
    BudgetPipeline,
  ],
})
export class AppModule {}
