/**
 * The budget read model's MikroORM instance and its schema `budget_read`.
 *
 * Beware of `orm.schema.update()` without options: it diffs the WHOLE database against these
 * entities and drops every table it does not know - in a database shared with the event store
 * and other services that means their tables. So the schema is only ever updated for
 * `budget_read`, in safe mode (add, never drop), without routines or triggers.
 */
import { MikroORM, type PostgreSqlConnection } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { advisoryLockKey } from '@adal/event-store';
import { budgetReadEntities, PROJECTION_NAME, qualified, READ_SCHEMA } from './entities.js';

export interface BudgetReadOrmOptions {
  /** Default: `DATABASE_URL`. */
  clientUrl?: string;
  /** Default: `BUDGET_READ_POOL_MAX` or 10. */
  poolMax?: number;
}

const envPoolMax = (): number | undefined => {
  const value = Number(process.env['BUDGET_READ_POOL_MAX']);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};

export const createBudgetReadOrm = async (options: BudgetReadOrmOptions = {}): Promise<MikroORM> => {
  const clientUrl = options.clientUrl ?? process.env['DATABASE_URL'];
  if (!clientUrl) throw new Error('DATABASE_URL is not set: the budget read model needs PostgreSQL');
  return MikroORM.init({
    entities: budgetReadEntities,
    clientUrl,
    schema: READ_SCHEMA,
    debug: false,
    pool: { min: 0, max: options.poolMax ?? envPoolMax() ?? 10 },
    schemaGenerator: { ignoreRoutines: true, ignoreTriggers: true, ignorePolicies: true },
  });
};

/** Creates or extends the `budget_read` tables and the checkpoint row (replicas serialise on a lock). */
export const ensureBudgetReadSchema = async (orm: MikroORM): Promise<void> => {
  // Outside the locking transaction: the schema generator runs on another connection and would
  // wait for an uncommitted CREATE SCHEMA forever.
  await orm.em.fork().execute(`CREATE SCHEMA IF NOT EXISTS "${READ_SCHEMA}"`);
  await orm.em.fork().transactional(async (em) => {
    await em.execute(`SELECT pg_advisory_xact_lock(${advisoryLockKey(`adal:projections-ddl:${READ_SCHEMA}`)})`);
    await orm.schema.update({ schema: READ_SCHEMA, safe: true, dropTables: false });
  });
  await orm.em
    .fork()
    .execute(
      `INSERT INTO ${qualified('projection_checkpoint')} (name, position, ledger_events) VALUES (?, 0, 0) ON CONFLICT DO NOTHING`,
      [PROJECTION_NAME],
    );
};

export const openBudgetReadOrm = async (options: BudgetReadOrmOptions = {}): Promise<MikroORM> => {
  const orm = await createBudgetReadOrm(options);
  try {
    await ensureBudgetReadSchema(orm);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
};

/** The `pg` pool under the ORM's connection: set-based writes and scans go through it with bound parameters. */
export const nativePoolOf = (orm: MikroORM): Promise<pg.Pool> =>
  (orm.em.getConnection() as PostgreSqlConnection).getNativeClient();
