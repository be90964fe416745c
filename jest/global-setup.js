// Finds real infrastructure once per test run and hands it to every suite through env vars.
import { resolvePostgresServer } from '@adal/testing';

export default async function globalSetup() {
  if (!process.env.ADAL_TEST_POSTGRES_URL) {
    const server = await resolvePostgresServer();
    process.env.ADAL_TEST_POSTGRES_URL = server.url;
    globalThis.__adalPostgres = server;
    console.log(`\n[infra] PostgreSQL for tests: ${server.source} (${server.url.replace(/:[^:@/]+@/, ':***@')})`);
  }
}
