// npm run bench:budget — the open-budget read side at national scale, in one run:
//
// 1. A synthetic ledger of BENCH_BUDGET_INSTITUTIONS institutions (17,000) and BENCH_BUDGET_EVENTS
//    ledger events (1,000,000) is appended to a fresh PostgreSQL event store through the
//    service's own command path (`loadSyntheticLedger`); not timed as part of the figures.
// 2. The ceiling: the same events read with the raw driver, a sequential keyset scan of the
//    events table (whole rows, pages of 10,000), doing nothing with them. Also the narrow scan
//    (only the columns the projector asks for), to show what the fold itself costs.
// 3. The rebuild: the map projections (regions, institutions, programmes, functional groups,
//    lines) emptied and rebuilt from position 0, in one transaction, as `rebuild.js` does.
// 4. The map API: the budget-ledger service started as its own process on that database, and
//    `GET /v1/budget/regions?year=` loaded with autocannon (BENCH_CONNECTIONS, BENCH_SECONDS).
//
// Writes bench/results/budget.json. BENCH_BUDGET_DATABASE_URL reuses a database loaded before
// (step 1 is skipped when its store already holds the events).
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PostgresEventStore } from '@adal/event-store';
import { startServiceProcess } from '@adal/testing';
import { loadSyntheticLedger } from '../services/budget-ledger/dist/generator/load.js';
import { openBudgetReadOrm } from '../services/budget-ledger/dist/read-models/orm.js';
import { rebuildBudgetReadModel, BUDGET_STORE_SCHEMA } from '../services/budget-ledger/dist/read-models/rebuild.js';
import { freshDatabase, writeResult } from './lib.js';

const INSTITUTIONS = Number(process.env.BENCH_BUDGET_INSTITUTIONS ?? 17_000);
const EVENTS = Number(process.env.BENCH_BUDGET_EVENTS ?? 1_000_000);
const YEAR = Number(process.env.BENCH_BUDGET_YEAR ?? 2026);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PAGE = 10_000;

const reused = process.env.BENCH_BUDGET_DATABASE_URL;
const db = reused ? { url: reused, drop: async () => undefined } : await freshDatabase('budget');
const log = (message) => console.log(`[bench:budget] ${message}`);

const store = await PostgresEventStore.create({ connectionString: db.url, schema: BUDGET_STORE_SCHEMA });
const pool = new pg.Pool({ connectionString: db.url, max: 4 });
const countEvents = async () =>
  Number((await pool.query(`SELECT count(*)::int AS n FROM "${BUDGET_STORE_SCHEMA}".events`)).rows[0].n);

let stored = await countEvents();
if (stored < EVENTS) {
  log(`loading ${INSTITUTIONS} institutions, ${EVENTS} ledger events (synthetic) ...`);
  let shown = 0;
  const loaded = await loadSyntheticLedger(store, {
    institutions: INSTITUTIONS,
    events: EVENTS,
    year: YEAR,
    seed: 'bench-budget',
    onProgress: ({ events }) => {
      if (events - shown >= 100_000) log(`  ${(shown = events)} events`);
    },
  });
  log(`loaded in ${(loaded.ms / 1000).toFixed(1)} s (${Math.round((loaded.events / loaded.ms) * 1000)} events/s)`);
  stored = await countEvents();
}
await pool.query(`VACUUM ANALYZE "${BUDGET_STORE_SCHEMA}".events`);

/** Keyset scan of the events table with the raw driver; returns events per second. */
const rawScan = async (columns) => {
  const started = process.hrtime.bigint();
  let after = '0';
  let rows = 0;
  for (;;) {
    const page = await pool.query({
      text: `SELECT ${columns} FROM "${BUDGET_STORE_SCHEMA}".events e
              WHERE e.global_position > $1 ORDER BY e.global_position LIMIT $2`,
      values: [after, PAGE],
      rowMode: 'array',
    });
    if (page.rows.length === 0) break;
    rows += page.rows.length;
    after = String(page.rows[page.rows.length - 1][0]);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows, seconds, perSecond: rows / seconds };
};

// Warm the cache once so every reader below finds the same pages in memory.
await rawScan('e.global_position');
const full = await rawScan('e.global_position, e.stream_name, e.stream_revision, e.event_id, e.event_type, e.data, e.metadata, e.recorded_at');
log(`raw scan (whole rows): ${full.rows} events in ${full.seconds.toFixed(2)} s`);
const narrow = await rawScan(
  `e.global_position::text, e.event_type, e.data->>'lineId', e.data->>'date', e.data->>'amount', e.data->>'delta', e.data->>'released'`,
);
log(`raw scan (projector's columns): ${narrow.rows} events in ${narrow.seconds.toFixed(2)} s`);

const orm = await openBudgetReadOrm({ clientUrl: db.url });
const rebuild = await rebuildBudgetReadModel(orm, store, { source: 'sql', pageSize: PAGE, storeSchema: BUDGET_STORE_SCHEMA });
const rebuildSeconds = rebuild.ms / 1000;
log(`rebuild: ${rebuild.events} events (${rebuild.ledgerEvents} ledger), ${rebuild.lines} lines in ${rebuildSeconds.toFixed(2)} s`);
const regionRows = Number((await pool.query(`SELECT count(*)::int AS n FROM budget_read.region_year WHERE fiscal_year = $1`, [YEAR])).rows[0].n);
await orm.close();
await store.close();

// The map API, served by the real service process on the rebuilt read model.
const service = await startServiceProcess({
  name: 'budget-ledger',
  entry: path.resolve('services/budget-ledger/dist/main.js'),
  env: {
    DATABASE_URL: db.url,
    BUDGET_SEED_DEMO: 'false',
    // The read side alone: in steady state the relay has long caught up and is idle.
    BUDGET_RELAY: 'false',
    LOG_LEVEL: 'warn',
    OTEL_SDK_DISABLED: 'true',
  },
  timeoutMs: 120_000,
});
const url = `${service.url}/v1/budget/regions?year=${YEAR}`;
const check = await fetch(url, { headers: { 'accept-language': 'ru' } });
const answer = await check.json();
if (check.status !== 200 || answer.items?.length !== 20) throw new Error(`map API answered ${check.status}: ${JSON.stringify(answer).slice(0, 300)}`);
// Warm-up, then the measured run.
await autocannon({ url, connections: CONNECTIONS, duration: 3, headers: { 'accept-language': 'ru' } });
const load = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-language': 'ru' } });
await service.stop();
await pool.end();
if (!reused) await db.drop();

const result = {
  events: rebuild.events,
  ledger_events: rebuild.ledgerEvents,
  stored_events: stored,
  institutions: INSTITUTIONS,
  regions: regionRows,
  rebuild_s: Number(rebuildSeconds.toFixed(2)),
  rebuild_events_per_s: Math.round(rebuild.events / rebuildSeconds),
  raw_scan_events_per_s: Math.round(full.perSecond),
  narrow_scan_events_per_s: Math.round(narrow.perSecond),
  rebuild_ratio: Number((rebuild.events / rebuildSeconds / full.perSecond).toFixed(3)),
  rebuild_ratio_vs_narrow_scan: Number((rebuild.events / rebuildSeconds / narrow.perSecond).toFixed(3)),
  map_api_rps: Math.round(load.requests.average),
  map_api_p50_ms: load.latency.p50,
  map_api_p99_ms: load.latency.p99,
  map_api_errors: load.errors + load.non2xx,
  map_api_connections: CONNECTIONS,
  targets: { rebuild_ratio: 0.5, rebuild_s: 20, map_api_p99_ms: 20, map_api_rps: 5000 },
  machine: { cores: (await import('node:os')).cpus().length, node: process.version },
  at: new Date().toISOString(),
};
writeResult('budget', result);
