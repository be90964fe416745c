/**
 * Rebuilds the read models from the service's event store:
 *
 *   node services/reception-queue/dist/read-models/rebuild.js [queue-tickets|queue-desks|queue-service-days|all]
 *
 * Needs `DATABASE_URL` (the store is schema `reception_queue`, the read model
 * `reception_queue_read`). Each projection is rebuilt in one transaction.
 */
import { pathToFileURL } from 'node:url';
import { PostgresEventStore, type EventStore } from '@adal/event-store';
import { ProjectionRunner } from '@adal/read-models';
import type { MikroORM } from '@mikro-orm/postgresql';
import { toIntegrationEvent } from '../integration/to-integration-event.js';
import { READ_SCHEMA } from './entities.js';
import { openReadModelOrm } from './orm.js';
import { allProjections } from './projections.js';

export const QUEUE_STORE_SCHEMA = 'reception_queue';

export const rebuildReadModels = async (
  orm: MikroORM,
  store: EventStore,
  target = 'all',
): Promise<Array<{ name: string; applied: number; position: bigint }>> => {
  const projections = allProjections().filter((p) => target === 'all' || p.name === target);
  if (projections.length === 0) {
    throw new Error(
      `unknown read model "${target}"; choose one of ${allProjections()
        .map((p) => p.name)
        .join(', ')} or all`,
    );
  }
  const runner = await ProjectionRunner.create(orm, { schema: READ_SCHEMA });
  const results = [];
  for (const projection of projections)
    results.push({ name: projection.name, ...(await runner.rebuild(projection, store, toIntegrationEvent)) });
  return results;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const orm = await openReadModelOrm();
  const store = await PostgresEventStore.create({
    connectionString: process.env['DATABASE_URL']!,
    schema: QUEUE_STORE_SCHEMA,
  });
  try {
    for (const r of await rebuildReadModels(orm, store, process.argv[2] ?? 'all')) {
      console.log(`${r.name}: ${r.applied} events applied, at position ${r.position}`);
    }
  } finally {
    await store.close();
    await orm.close();
  }
}
