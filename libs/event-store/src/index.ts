export * from './event-store.js';
export * from './errors.js';
export * from './decider.js';
export * from './validation.js';
export * from './uuid.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { advisoryLockKey } from './postgres/advisory-lock.js';
export { applyMigrations, type ApplyMigrationsOptions, type SchemaMigration } from './postgres/migrations.js';
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store.js';
