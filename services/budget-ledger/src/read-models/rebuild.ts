/**
 * Rebuilds the budget read model from the service's event store:
 *
 *   node services/budget-ledger/dist/read-models/rebuild.js
 *
 * Needs `DATABASE_URL` (the store is schema `budget_ledger`, or `BUDGET_STORE_SCHEMA`; the read
 * model `budget_read`). Empties the tables and replays from position 0 in ONE transaction: readers
 * (and a running service) see the old rows until the new ones are complete; a running service's
 * projection then carries on from the rebuilt checkpoint. `BUDGET_PROJECTOR_SOURCE=store` reads
 * through the event-store port instead of scanning the events table.
 */
import { pathToFileURL } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { PostgresEventStore, type EventStore } from '@adal/event-store';
import { budgetReadConfigFromEnv, type BudgetReadConfig } from './config.js';
import { SqlLedgerSource, StoreLedgerSource } from './event-source.js';
import { nativePoolOf, openBudgetReadOrm } from './orm.js';
import { BudgetProjector, type RebuildResult } from './projector.js';

/** The PostgreSQL schema of the budget ledger's event store. */
export const BUDGET_STORE_SCHEMA = 'budget_ledger';

export const rebuildBudgetReadModel = async (
  orm: MikroORM,
  store: EventStore,
  config: Pick<BudgetReadConfig, 'source' | 'pageSize' | 'storeSchema'> = budgetReadConfigFromEnv(),
): Promise<RebuildResult> => {
  const pool = await nativePoolOf(orm);
  const source =
    config.source === 'store'
      ? new StoreLedgerSource(store)
      : new SqlLedgerSource(pool, config.storeSchema ?? BUDGET_STORE_SCHEMA);
  return new BudgetProjector(pool, source, store, { pageSize: config.pageSize }).rebuild();
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const config = budgetReadConfigFromEnv();
  const orm = await openBudgetReadOrm();
  const store = await PostgresEventStore.create({
    connectionString: process.env['DATABASE_URL']!,
    schema: config.storeSchema ?? BUDGET_STORE_SCHEMA,
  });
  try {
    const result = await rebuildBudgetReadModel(orm, store, config);
    const rate = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
    console.log(
      `budget read model rebuilt: ${result.events} events (${result.ledgerEvents} ledger transactions, ` +
        `${result.lines} lines) up to position ${result.position} in ${result.ms} ms (${rate} events/s)`,
    );
  } finally {
    await store.close();
    await orm.close();
  }
}
