/**
 * The read model's MikroORM instance and its schema.
 *
 * Beware of `orm.schema.update()` without options: it diffs the WHOLE database against these
 * entities and drops every table it does not know - in a database shared with the event store
 * and other services that means their tables. So the schema is only ever updated for
 * `reception_queue_read`, in safe mode (add, never drop), without routines or triggers.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { advisoryLockKey } from '@adal/event-store';
import { READ_SCHEMA, readModelEntities } from './entities.js';

export interface ReadModelOrmOptions {
  /** Default: `DATABASE_URL`. */
  clientUrl?: string;
  poolMax?: number;
}

export const createReadModelOrm = async (options: ReadModelOrmOptions = {}): Promise<MikroORM> => {
  const clientUrl = options.clientUrl ?? process.env['DATABASE_URL'];
  if (!clientUrl) throw new Error('DATABASE_URL is not set: the read model needs PostgreSQL');
  return MikroORM.init({
    entities: readModelEntities,
    clientUrl,
    schema: READ_SCHEMA,
    debug: false,
    pool: { min: 0, max: options.poolMax ?? 5 },
    schemaGenerator: { ignoreRoutines: true, ignoreTriggers: true, ignorePolicies: true },
  });
};

/** Creates or extends the `reception_queue_read` tables (replicas serialise on an advisory lock). */
export const ensureReadModelSchema = async (orm: MikroORM): Promise<void> => {
  await orm.em.fork().transactional(async (em) => {
    // The key `ProjectionRunner.create` takes for its own tables in this schema.
    await em.execute(`SELECT pg_advisory_xact_lock(${advisoryLockKey(`adal:projections-ddl:${READ_SCHEMA}`)})`);
    await orm.schema.update({ schema: READ_SCHEMA, safe: true, dropTables: false });
  });
};

export const openReadModelOrm = async (options: ReadModelOrmOptions = {}): Promise<MikroORM> => {
  const orm = await createReadModelOrm(options);
  try {
    await ensureReadModelSchema(orm);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
};
