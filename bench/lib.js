// Shared helpers for benchmarks: fresh databases, timing, result files and tables.
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

// Dropping a bench database (WITH FORCE) ends connections a peer library's own pool may still
// keep idle; their 'error' event must not abort the run.
process.on('uncaughtException', (error) => {
  if (/terminating connection due to administrator command/.test(String(error?.message))) return;
  throw error;
});

export const adminUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const freshDatabase = async (label) => {
  const name = `bench_${label}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
};

/** Runs `writers` loops of `perWriter` calls to `op(writer, i)`; returns operations per second. */
export const concurrently = async (writers, perWriter, op) => {
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) await op(w, i);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: (writers * perWriter) / seconds, seconds };
};

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export const writeResult = (name, result) => {
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${name}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.table(Object.fromEntries(Object.entries(result).filter(([, v]) => typeof v !== 'object')));
  console.log(`wrote ${file}`);
};
