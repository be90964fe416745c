// Finds real infrastructure once per test run and hands it to every suite through env vars:
// PostgreSQL (DATABASE_URL, testcontainers, local 127.0.0.1:5432, embedded) and Kafka
// (KAFKA_BROKERS, else the project's own broker from infra/kafka/start).
import { execFileSync } from 'node:child_process';
import { resolvePostgresServer } from '@adal/testing';

export default async function globalSetup() {
  if (!process.env.ADAL_TEST_POSTGRES_URL) {
    const server = await resolvePostgresServer();
    process.env.ADAL_TEST_POSTGRES_URL = server.url;
    globalThis.__adalPostgres = server;
    console.log(`\n[infra] PostgreSQL for tests: ${server.source} (${server.url.replace(/:[^:@/]+@/, ':***@')})`);
  }
  if (!process.env.KAFKA_BROKERS) {
    const out = execFileSync('infra/kafka/start', { encoding: 'utf8', timeout: 240_000, stdio: ['ignore', 'pipe', 'inherit'] });
    process.env.KAFKA_BROKERS = out.trim().split('\n').pop().trim();
    console.log(`[infra] Kafka for tests: local broker from infra/kafka/start (${process.env.KAFKA_BROKERS})`);
  } else {
    console.log(`[infra] Kafka for tests: KAFKA_BROKERS (${process.env.KAFKA_BROKERS})`);
  }
}
