/**
 * The read model's MikroORM instance and its schema.
 *
 * Beware of `orm.schema.update()` without options: it diffs the WHOLE database against these
 * entities and drops every table it does not know - in a database shared with the event store that
 * means the store's tables. So the schema is only ever updated for `appointments_read`, in safe
 * mode (add tables, columns and indexes; never drop), and without touching routines or triggers.
 * A column that must change shape is a new column plus a rebuild, not an in-place alter.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { advisoryLockKey } from '@adal/event-store';
import { ensureNotificationTables } from '../notifications/notification.js';
import { READ_SCHEMA, readModelEntities } from './entities.js';

/**
 * The advisory-lock key of a text (`@adal/event-store`), re-exported for the read models: the
 * same function as `ProjectionRunner` in `@adal/read-models`, so both share a key.
 */
export { advisoryLockKey };

export interface ReadModelOrmOptions {
  /** Default: `DATABASE_URL`. */
  clientUrl?: string;
  /** Most connections in the ORM's pool. Default 10. */
  poolMax?: number;
  debug?: boolean;
}

/** Connects the read model's ORM (no schema change; see `ensureReadModelSchema`). */
export const createReadModelOrm = async (options: ReadModelOrmOptions = {}): Promise<MikroORM> => {
  const clientUrl = options.clientUrl ?? process.env['DATABASE_URL'];
  if (!clientUrl) throw new Error('DATABASE_URL is not set: the read model needs PostgreSQL');
  return MikroORM.init({
    entities: readModelEntities,
    clientUrl,
    schema: READ_SCHEMA,
    debug: options.debug ?? false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // The database is shared with the event store: never let the schema tools touch the rest.
    schemaGenerator: { ignoreRoutines: true, ignoreTriggers: true, ignorePolicies: true },
  });
};

/**
 * Creates or extends the `appointments_read` tables. Replicas starting together serialise on a
 * transaction-scoped advisory lock (held by one pooled connection while the schema tool works on
 * another, released by the commit even if this process dies).
 */
export const ensureReadModelSchema = async (orm: MikroORM): Promise<void> => {
  await orm.em.fork().transactional(async (em) => {
    // The key `ProjectionRunner.create` takes for its own tables in this schema, so the two never
    // race to create the schema itself.
    await em.execute(`SELECT pg_advisory_xact_lock(${advisoryLockKey(`adal:projections-ddl:${READ_SCHEMA}`)})`);
    await orm.schema.update({ schema: READ_SCHEMA, safe: true, dropTables: false });
    // The reminder outbox lives beside the read models and is fed by the same pipeline.
    await ensureNotificationTables(em);
  });
};

/** `createReadModelOrm` + `ensureReadModelSchema`. */
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
