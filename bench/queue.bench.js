// npm run bench:queue — one office day (one event stream) under 20 desks acting at once plus
// ticket issuing, against the reception-queue service's application layer on local PostgreSQL
// (the real PostgreSQL event store, no HTTP, no Kafka: this measures the hot stream).
//
// Each desk opens, then loops call-next -> start -> finish (about 1 in 20 calls ends as a
// no-show after the required recalls, 1 in 20 is transferred to the other service). Kiosks
// issue tickets while fewer than BENCH_QUEUE_TARGET wait. After BENCH_SECONDS everything stops
// and the day's state is checked: every ticket issued is served, a no-show, or still open
// (`lost_updates` counts the ones that are none of these, and tickets the bench saw finished
// that the store does not have as finished).
//
// Runs the service's default `batched` mode (commands of a stream batched into one append), then,
// for comparison, `optimistic` (each command on its own: read, decide, append, retry on conflict,
// as `handleCommand` does). BENCH_REPLICAS=2 runs two application instances (separate caches,
// like two service replicas) on one store, so appends really race.
import os from 'node:os';
import { PostgresEventStore, AggregateCache, uuidv7 } from '@adal/event-store';
import { ReceptionQueue } from '../services/reception-queue/dist/queue/reception-queue.js';
import { systemClock } from '../services/reception-queue/dist/application/clock.js';
import { localDateOf } from '../services/reception-queue/dist/domain/index.js';
import { freshDatabase, percentile, writeResult } from './lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const DESKS = Number(process.env.BENCH_DESKS ?? 20);
const KIOSKS = Number(process.env.BENCH_KIOSKS ?? 6);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 1);
const QUEUE_TARGET = Number(process.env.BENCH_QUEUE_TARGET ?? 60);
const MODES = (process.env.BENCH_MODES ?? 'batched,optimistic').split(',');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const setup = {
  services: [
    { serviceId: 'documents', prefix: 'A', name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' } },
    {
      serviceId: 'social',
      prefix: 'B',
      name: { kk: 'Әлеуметтік төлемдер', ru: 'Социальные выплаты', en: 'Social payments' },
    },
  ],
  desks: Array.from({ length: DESKS }, (_, i) => ({
    deskId: `desk-${i + 1}`,
    name: `${i + 1}`,
    serviceIds: ['documents', 'social'],
  })),
  hours: { open: '00:00', close: '24:00' },
  // Two recalls before a no-show, as offices do by default.
  policy: { noShowAfterRecalls: 2 },
};

const runMode = async (store, mode, officeId, url) => {
  const ids = { next: () => uuidv7() };
  // A replica is a process of its own: its own cache and its own store (pool and group commit).
  const stores = [store];
  for (let r = 1; r < REPLICAS; r++)
    stores.push(await PostgresEventStore.create({ connectionString: url, schema: 'reception_queue' }));
  const replicas = stores.map((s) => new ReceptionQueue(s, systemClock, ids, new AggregateCache(), { mode }));
  const [first] = replicas;
  await first.configure(officeId, setup);
  const date = localDateOf(systemClock.now());

  const latencies = [];
  const counts = { accepted: 0, refused: 0, issued: 0, served: 0, noShows: 0, transfers: 0, gaveUp: 0 };
  /**
   * One command as a client sees it, latency included. A command the service gave up on after
   * its conflict retries (HTTP 409, `concurrency-conflict`: nothing was appended) is sent again,
   * as a client would; the latency then spans every attempt.
   */
  const timed = async (operation) => {
    const started = process.hrtime.bigint();
    try {
      for (;;) {
        try {
          const result = await operation();
          counts.accepted++;
          return result;
        } catch (error) {
          if (error?.name === 'WrongExpectedVersionError') {
            counts.gaveUp++;
            continue;
          }
          counts.refused++;
          throw error;
        }
      }
    } finally {
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const refusedAs = (error) => (error && typeof error === 'object' && 'code' in error ? error.code : undefined);

  let waiting = 0;
  let running = true;
  // A few tickets before the desks open.
  for (let i = 0; i < QUEUE_TARGET / 2; i++) {
    await first.issueTicket(officeId, date, { serviceId: i % 2 ? 'documents' : 'social', channel: 'kiosk' });
    counts.issued++;
    waiting++;
  }

  const kiosk = async (k) => {
    const queue = replicas[k % REPLICAS];
    let n = 0;
    while (running) {
      if (waiting >= QUEUE_TARGET) {
        await sleep(1);
        continue;
      }
      const priority = n % 25 === 0 ? { priority: 'elderly' } : {};
      await timed(() =>
        queue.issueTicket(officeId, date, {
          serviceId: n++ % 3 ? 'documents' : 'social',
          channel: 'kiosk',
          ...priority,
        }),
      );
      counts.issued++;
      waiting++;
    }
  };

  const desk = async (d) => {
    const queue = replicas[d % REPLICAS];
    const deskId = `desk-${d + 1}`;
    await timed(() => queue.deskAction(officeId, date, deskId, 'open', undefined));
    let visit = 0;
    while (running) {
      let called;
      try {
        called = await timed(() => queue.deskAction(officeId, date, deskId, 'call-next', undefined));
      } catch (error) {
        if (refusedAs(error) === 'NO_TICKET_WAITING') {
          await sleep(5); // nobody waiting: a clerk looks again a moment later
          continue;
        }
        throw error;
      }
      waiting--;
      const ticketId = called.current.ticketId;
      visit++;
      if (visit % 20 === 7) {
        await timed(() => queue.deskAction(officeId, date, deskId, 'recall', { ticketId }));
        await timed(() => queue.deskAction(officeId, date, deskId, 'recall', { ticketId }));
        await timed(() => queue.deskAction(officeId, date, deskId, 'no-show', { ticketId }));
        counts.noShows++;
        continue;
      }
      await timed(() => queue.deskAction(officeId, date, deskId, 'start', { ticketId }));
      if (visit % 20 === 13 && called.current.serviceId === 'documents') {
        await timed(() => queue.deskAction(officeId, date, deskId, 'transfer', { ticketId, serviceId: 'social' }));
        counts.transfers++;
        waiting++;
        continue;
      }
      await timed(() => queue.deskAction(officeId, date, deskId, 'finish', { ticketId, outcome: 'served' }));
      counts.served++;
    }
  };

  const started = process.hrtime.bigint();
  const workers = [
    ...Array.from({ length: KIOSKS }, (_, k) => kiosk(k)),
    ...Array.from({ length: DESKS }, (_, d) => desk(d)),
  ];
  await sleep(SECONDS * 1000);
  running = false;
  await Promise.all(workers);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const extra of stores.slice(1)) await extra.close();

  // The day as the store has it (read from scratch, not from any cache).
  const check = new ReceptionQueue(store, systemClock, ids, new AggregateCache());
  const day = await check.dayState(officeId, date);
  const tickets = Object.values(day.tickets);
  const byStatus = tickets.reduce((acc, t) => ((acc[t.status] = (acc[t.status] ?? 0) + 1), acc), {});
  const finished = (byStatus.served ?? 0) + (byStatus.no_show ?? 0);
  const open = (byStatus.waiting ?? 0) + (byStatus.called ?? 0) + (byStatus.serving ?? 0) + (byStatus.parked ?? 0);
  const numbers = new Set(tickets.map((t) => t.number));
  const lostUpdates =
    counts.issued -
    (finished + open) + // issued tickets the day does not account for
    Math.abs((byStatus.served ?? 0) - counts.served) + // finishes the store lost (or invented)
    Math.abs((byStatus.no_show ?? 0) - counts.noShows) +
    (tickets.length - numbers.size); // a number given twice
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    mode,
    commands_per_s: Math.round(counts.accepted / seconds),
    conflict_retries: replicas.reduce((sum, q) => sum + q.days.conflictRetries, 0),
    p50_ms: Number(percentile(sorted, 50).toFixed(2)),
    p99_ms: Number(percentile(sorted, 99).toFixed(2)),
    lost_updates: lostUpdates,
    appends: replicas.reduce((sum, q) => sum + q.days.appends, 0),
    commands: counts.accepted,
    refused: counts.refused,
    gave_up_after_retries: counts.gaveUp,
    tickets_issued: counts.issued,
    tickets_served: byStatus.served ?? 0,
    no_shows: byStatus.no_show ?? 0,
    transfers: counts.transfers,
    tickets_open_at_end: open,
    seconds: Number(seconds.toFixed(1)),
  };
};

const db = await freshDatabase('queue');
const store = await PostgresEventStore.create({ connectionString: db.url, schema: 'reception_queue' });
const runs = [];
try {
  for (const mode of MODES) {
    const result = await runMode(store, mode, `office-bench-${mode}`, db.url);
    console.log(
      `${mode}: ${result.commands_per_s} commands/s, p99 ${result.p99_ms} ms, ${result.conflict_retries} conflict retries, lost ${result.lost_updates}`,
    );
    runs.push(result);
  }
} finally {
  await store.close();
  await db.drop();
}

const [main, ...others] = runs;
writeResult('queue', {
  commands_per_s: main.commands_per_s,
  conflict_retries: main.conflict_retries,
  p99_ms: main.p99_ms,
  lost_updates: main.lost_updates,
  mode: main.mode,
  p50_ms: main.p50_ms,
  appends: main.appends,
  commands_per_append: Number((main.commands / Math.max(1, main.appends)).toFixed(1)),
  tickets_issued: main.tickets_issued,
  tickets_served: main.tickets_served,
  no_shows: main.no_shows,
  transfers: main.transfers,
  tickets_open_at_end: main.tickets_open_at_end,
  refused: main.refused,
  gave_up_after_retries: main.gave_up_after_retries,
  desks: DESKS,
  kiosks: KIOSKS,
  replicas: REPLICAS,
  seconds: main.seconds,
  target: { commands_per_s: 500, lost_updates: 0 },
  ...Object.fromEntries(others.map((r) => [r.mode, r])),
  machine: { cpus: os.cpus().length, node: process.version },
  measured_at: new Date().toISOString(),
});
if (runs.some((r) => r.lost_updates !== 0)) {
  console.error('LOST UPDATES: the queue lost or duplicated work');
  process.exitCode = 1;
}
