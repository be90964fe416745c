/**
 * Rebuilds read models from the service's event store:
 *
 *   node services/appointments/dist/read-models/rebuild.js [official-schedules|seats|bookings|official-directory|all]
 *
 * Needs `DATABASE_URL` (the store is schema `appointments`, the read model `appointments_read`).
 * Each projection is rebuilt in one transaction: readers keep the old rows until it commits, and
 * live events wait for it and then find their ids in the fresh inbox. Offices are reference data
 * and are left alone.
 */
import { pathToFileURL } from 'node:url';
import { PostgresEventStore, type EventStore } from '@adal/event-store';
import { ProjectionRunner } from '@adal/read-models';
import type { MikroORM } from '@mikro-orm/postgresql';
import { toIntegrationEvent } from '../integration/to-integration-event.js';
import { DIRECTORY_PROJECTION, DirectoryFeed } from './directory-feed.js';
import { READ_SCHEMA } from './entities.js';
import { openReadModelOrm } from './orm.js';
import { allProjections } from './projections.js';

/** The event store schema of the appointments service. */
export const APPOINTMENTS_STORE_SCHEMA = 'appointments';

export const rebuildableReadModels = (): string[] => [...allProjections().map((p) => p.name), DIRECTORY_PROJECTION];

export interface RebuildResult {
  name: string;
  /** Events applied. */
  applied: number;
  /** Global position of the store the read model now stands at. */
  position: bigint;
}

/** Rebuilds `target` (a read-model name or `all`) with an open ORM and store. */
export const rebuildReadModels = async (
  orm: MikroORM,
  store: EventStore,
  target = 'all',
  options: { batchSize?: number; onDone?: (result: RebuildResult) => void } = {},
): Promise<RebuildResult[]> => {
  const names = target === 'all' ? rebuildableReadModels() : [target];
  const unknown = names.filter((n) => !rebuildableReadModels().includes(n));
  if (unknown.length) {
    throw new Error(`unknown read model "${unknown.join(', ')}"; choose one of ${rebuildableReadModels().join(', ')} or all`);
  }
  const runner = await ProjectionRunner.create(orm, { schema: READ_SCHEMA });
  const batch = options.batchSize ? { batchSize: options.batchSize } : {};
  const results: RebuildResult[] = [];
  for (const name of names) {
    let result: RebuildResult;
    if (name === DIRECTORY_PROJECTION) {
      const feed = await DirectoryFeed.create(orm, store);
      result = { name, ...(await feed.rebuild(batch)) };
    } else {
      const projection = allProjections().find((p) => p.name === name)!;
      result = { name, ...(await runner.rebuild(projection, store, toIntegrationEvent, batch)) };
    }
    options.onDone?.(result);
    results.push(result);
  }
  return results;
};

const main = async (argv: readonly string[]): Promise<number> => {
  const target = argv[0] ?? 'all';
  if (target === '--help' || target === '-h') {
    console.log(`usage: rebuild.js [${rebuildableReadModels().join('|')}|all]`);
    return 0;
  }
  if (target !== 'all' && !rebuildableReadModels().includes(target)) {
    console.error(`unknown read model "${target}"; usage: rebuild.js [${rebuildableReadModels().join('|')}|all]`);
    return 2;
  }
  const connectionString = process.env['DATABASE_URL'];
  if (!connectionString) {
    console.error('DATABASE_URL is not set');
    return 2;
  }
  const orm = await openReadModelOrm({ clientUrl: connectionString });
  let store: EventStore | undefined;
  try {
    store = await PostgresEventStore.create({ connectionString, schema: APPOINTMENTS_STORE_SCHEMA });
    const started = Date.now();
    await rebuildReadModels(orm, store, target, {
      onDone: (r) =>
        console.log(`${r.name}: ${r.applied} event${r.applied === 1 ? '' : 's'} applied, at store position ${r.position}`),
    });
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await store?.close();
    await orm.close(true);
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
