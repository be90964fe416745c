import type pg from 'pg';
import { advisoryLockKey } from './advisory-lock.js';

/** One schema migration, its SQL already rendered for the target schema. */
export interface SchemaMigration {
  version: number;
  name: string;
  sql: string;
}

export interface ApplyMigrationsOptions {
  /** The schema (an unquoted lower-case identifier): created if missing, holds `schema_migrations`. */
  schema: string;
  /** Name of the session advisory lock that serialises migrators (hashed by `advisoryLockKey`). */
  lockName: string;
  /** In version order. */
  migrations: readonly SchemaMigration[];
}

/**
 * Applies the migrations not yet recorded in `<schema>.schema_migrations`, each in its own
 * transaction together with its record, so a failed migration leaves nothing half-applied and
 * is retried on the next start. A session advisory lock on `lockName` makes concurrent
 * migrators (several processes starting at once) apply each migration exactly once.
 */
export const applyMigrations = async (pool: pg.Pool, options: ApplyMigrationsOptions): Promise<void> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new TypeError(`schema: ${JSON.stringify(options.schema)} is not a lower-case identifier`);
  const quoted = `"${options.schema}"`;
  const lock = advisoryLockKey(options.lockName);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lock]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations
           (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${quoted}.schema_migrations`);
      const applied = new Set(rows.map((r) => r.version));
      for (const migration of options.migrations) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(`INSERT INTO ${quoted}.schema_migrations (version, name) VALUES ($1, $2)`, [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lock]);
    }
  } finally {
    client.release();
  }
};
