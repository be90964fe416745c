// npm run bench:booking — bookings through the gateway at rising rates, against the real
// appointments service on local PostgreSQL and Kafka. Open loop: requests leave on schedule
// whether or not earlier ones have answered, so slow answers show in the latencies.
// Measures the accepted command (HTTP 201) and command-to-read-model-visible.
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SignJWT } from 'jose';
import { startServiceProcess } from '@adal/testing';
import { freshDatabase, percentile, writeResult } from './lib.js';

const RATES = (process.env.BENCH_RATES ?? '100,250,500,750,1000,1250,1500').split(',').map(Number);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5);
const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 24);
const JWT_SECRET = 'bench-secret-that-is-long-enough-0123456789abcdef';
const brokers = process.env.KAFKA_BROKERS ?? execFileSync('infra/kafka/start', { encoding: 'utf8' }).trim().split('\n').pop();
const run = randomUUID().slice(0, 8);

const db = await freshDatabase('booking');
const common = { DATABASE_URL: db.url, KAFKA_BROKERS: brokers, INTERNAL_TOKEN: 'bench-internal', LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true' };
const appointments = await startServiceProcess({
  name: 'appointments',
  entry: path.resolve('services/appointments/dist/main.js'),
  ...(process.env.BENCH_PROFILE ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-appt'] } : {}),
  env: { ...common, SEED_DEMO_DATA: 'true', APPOINTMENTS_EVENTS_TOPIC: `bench${run}.appointments.events`, APPOINTMENTS_READ_MODEL_GROUP: `bench${run}` },
});
const gateway = await startServiceProcess({
  name: 'gateway',
  entry: path.resolve('services/gateway/dist/main.js'),
  ...(process.env.BENCH_PROFILE ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-gw'] } : {}),
  env: { ...common, JWT_SECRET, APPOINTMENTS_URL: appointments.url, RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_IP_PER_MINUTE: '10000000' },
});
const api = `${gateway.url}/api/v1`;
const token = (claims) =>
  new SignJWT({ name: { kk: 'Бенч', ru: 'Бенч', en: 'Bench' }, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.citizenRef ?? 'bench-admin')
    .setIssuer('adal-office-gateway')
    .setAudience('adal-office')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(JWT_SECRET));
const post = (route, bearer, body) =>
  fetch(`${api}${route}`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

// Officials with long reception hours, so every booking below finds a free seat.
const admin = await token({ roles: ['admin'] });
const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
for (let i = 0; i < OFFICIALS; i++) {
  const officialId = `official-bench-${i}`;
  let r = await post('/officials', admin, { officialId, officeId: 'office-psc', rank: 'deputy', nameKk: `Бенч ${i}`, nameRu: `Бенч ${i}`, nameEn: `Bench ${i}` });
  if (r.status !== 201) throw new Error(`register ${officialId}: ${r.status} ${await r.text()}`);
  r = await post(`/officials/${officialId}/reception-rules`, admin, {
    recurrence: 'daily', start: '08:00', end: '20:00', slotMinutes: 5, capacity: 20, mode: 'in_person', officeId: 'office-psc', validFrom: today,
  });
  if (r.status !== 201) throw new Error(`rule ${officialId}: ${r.status} ${await r.text()}`);
}
const to = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
let days = [];
for (let attempt = 0; days.length === 0 && attempt < 200; attempt++) {
  const response = await fetch(`${api}/officials/official-bench-${OFFICIALS - 1}/free-slots?from=${today}&to=${to}`);
  days = response.status === 200 ? (await response.json()).days : [];
  if (days.length === 0) await new Promise((r) => setTimeout(r, 100));
}
if (days.length === 0) throw new Error('bench officials never became visible');
// Seats spread over officials, days and slots, never more than a slot's capacity; skip today.
const seats = [];
const future = days.filter((d) => d.date > today);
// Consecutive requests go to different officials and days, as real demand spreads out.
const slotsPerDay = Math.max(...future.map((d) => d.slots.length));
for (let round = 0; round < 20; round++)
  for (let s = 0; s < slotsPerDay; s++)
    for (const day of future)
      for (let i = 0; i < OFFICIALS; i++) {
        const slot = day.slots[s];
        if (slot) seats.push({ officialId: `official-bench-${i}`, date: day.date, slotStart: slot.start });
      }
let nextSeat = 0;

const pool = new pg.Pool({ connectionString: db.url, max: 2 });

const step = async (rate) => {
  const total = rate * STEP_SECONDS;
  const tokens = await Promise.all(Array.from({ length: total }, () => token({ roles: ['citizen'], citizenRef: `bench-${randomUUID().replace(/-/g, '')}` })));
  const accepted = [];
  const visibleAfter = [];
  const pending = new Map();
  let errors = 0;
  const statuses = {};
  let polling = true;
  const poller = (async () => {
    while (polling || pending.size > 0) {
      if (pending.size > 0) {
        const { rows } = await pool.query('SELECT booking_id FROM appointments_read.bookings WHERE booking_id = ANY($1)', [[...pending.keys()]]);
        const now = performance.now();
        for (const { booking_id } of rows) {
          visibleAfter.push(now - pending.get(booking_id));
          pending.delete(booking_id);
        }
      }
      await new Promise((r) => setTimeout(r, 3));
      if (!polling && performance.now() - stepEnd > 15_000) break;
    }
  })();
  let stepEnd = Infinity;
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const seat = seats[nextSeat++ % seats.length];
    const sent = performance.now();
    inflight.push(
      post('/bookings/holds', tokens[i], seat)
        .then(async (response) => {
          const body = await response.json().catch(() => ({}));
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status === 201) {
            accepted.push(performance.now() - sent);
            pending.set(body.bookingId, sent);
          } else errors++;
        })
        .catch(() => {
          errors++;
          statuses.network = (statuses.network ?? 0) + 1;
        }),
    );
  }
  await Promise.all(inflight);
  const achieved = total / ((performance.now() - started) / 1000);
  stepEnd = performance.now();
  polling = false;
  await poller;
  errors += pending.size; // never became visible
  accepted.sort((a, b) => a - b);
  visibleAfter.sort((a, b) => a - b);
  const round = (n) => (n === undefined ? null : Math.round(n * 10) / 10);
  return {
    rate,
    achieved_rate: Math.round(achieved),
    commands: total,
    errors,
    statuses,
    p50_ms: round(percentile(accepted, 50)),
    p99_ms: round(percentile(accepted, 99)),
    visible_p50_ms: round(percentile(visibleAfter, 50)),
    visible_p99_ms: round(percentile(visibleAfter, 99)),
  };
};

/** A rate is sustained when every command was accepted, the rate was really offered and answers kept up. */
const sustainedStep = (s) => s.errors === 0 && s.achieved_rate >= 0.95 * s.rate && s.p99_ms < 1000;
const steps = [];
for (const rate of RATES) {
  const result = await step(rate);
  steps.push(result);
  console.log(JSON.stringify(result));
  if (!sustainedStep(result)) break;
  await new Promise((r) => setTimeout(r, 2000)); // let the pipeline drain between steps
}
const sustained = steps.filter(sustainedStep).at(-1) ?? steps[0];
await gateway.stop();
await appointments.stop();
await pool.end();
await db.drop();
writeResult('booking', {
  rate: sustained.rate,
  achieved_rate: sustained.achieved_rate,
  p50_ms: sustained.p50_ms,
  p99_ms: sustained.p99_ms,
  visible_p50_ms: sustained.visible_p50_ms,
  visible_p99_ms: sustained.visible_p99_ms,
  command: 'POST /api/v1/bookings/holds through the gateway (reserve quota, hold seat, open booking: 3 streams)',
  steps,
  machine: { cpus: os.cpus().length, node: process.version },
  measured_at: new Date().toISOString(),
});
process.exit(0);
