/**
 * The platform as it runs in production, for end-to-end tests: the real appointments and
 * gateway processes, and on request the reception-queue service (`receptionQueue: true`) and the
 * budget-ledger service (`budgetLedger: true`)
 * (`services/<name>/dist/main.js`, so `npm run build` first), real PostgreSQL
 * (a fresh database per platform), the real message bus (Kafka when `KAFKA_BROKERS` is set,
 * with a topic and consumer group of its own so platforms can share one broker), and the gateway
 * serving the built web app (`apps/web/dist`, `npm run build -w @adal/web`).
 *
 *   const platform = await startPlatform();
 *   ... fetch(`${platform.gatewayUrl}/api/v1/offices`), or a browser at platform.gatewayUrl
 *   await platform.stop();
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { startServiceProcess, type RunningService } from './processes.js';

/** The repository root (this file is `libs/testing/{src,dist}/platform.*`). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface PlatformOptions {
  /** A database of the caller's (kept on stop). Default: a fresh one from `createTestDatabase`, dropped on stop. */
  databaseUrl?: string;
  /** Kafka bootstrap servers. Default: `KAFKA_BROKERS` (Jest's global setup sets it); unset: the PostgreSQL-backed log. */
  kafkaBrokers?: string;
  /** The built web app the gateway serves. Default: `<repo>/apps/web/dist`. */
  webDistDir?: string;
  /** Seed the demo offices and officials (as `npm start` does) and wait until the gateway lists them. Default: true. */
  seedDemoData?: boolean;
  /** Preload `@adal/telemetry/register` (traces go where `OTEL_EXPORTER_OTLP_ENDPOINT` in `env` says). Default: true. */
  telemetry?: boolean;
  /** More environment for both processes (e.g. `OTEL_EXPORTER_OTLP_ENDPOINT`). */
  env?: Record<string, string | undefined>;
  /**
   * Also start the reception-queue service (same database, topics and consumer groups of its
   * own, consuming this platform's appointments topic) and point the gateway at it. Default: false.
   */
  receptionQueue?: boolean;
  /**
   * Also start the budget-ledger service (same database, a topic of its own; with `seedDemoData`,
   * its synthetic demo budget, `BUDGET_SEED_DEMO`) and point the gateway at it.
   * Default: false.
   */
  budgetLedger?: boolean;
  /** More environment for one process. */
  appointmentsEnv?: Record<string, string | undefined>;
  receptionQueueEnv?: Record<string, string | undefined>;
  budgetLedgerEnv?: Record<string, string | undefined>;
  gatewayEnv?: Record<string, string | undefined>;
  /** Names the database and the Kafka topic/group, for the logs. Default `platform`. */
  label?: string;
  /** How long to wait for the seeded data to reach the gateway. Default 60 s. */
  seedTimeoutMs?: number;
}

export interface Platform {
  /** Where browsers and API clients go: `http://127.0.0.1:<port>`. */
  gatewayUrl: string;
  appointmentsUrl: string;
  databaseUrl: string;
  /** HS256 key of the gateway's tokens (to mint tokens for synthetic users). */
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** The shared secret the gateway sends to services. */
  internalToken: string;
  /** The appointments service's topic and read-model consumer group on the bus. */
  appointmentsTopic: string;
  appointmentsGroup: string;
  gateway: RunningService;
  appointments: RunningService;
  /** With `receptionQueue: true`: the reception-queue service, its topic and consumer group prefix. */
  receptionQueue?: RunningService;
  receptionQueueUrl?: string;
  queueTopic?: string;
  queueGroup?: string;
  /** With `budgetLedger: true`: the budget-ledger service and the topic it publishes. */
  budgetLedger?: RunningService;
  budgetLedgerUrl?: string;
  budgetTopic?: string;
  /** Stops the processes and drops the database it created. Safe to call twice. */
  stop: () => Promise<void>;
}

const waitFor = async (
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  logs: () => string,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Starts appointments (and reception-queue when asked), then the gateway in front; see the file comment. */
export const startPlatform = async (options: PlatformOptions = {}): Promise<Platform> => {
  const label = (options.label ?? 'platform').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const run = randomUUID().slice(0, 8);
  const seed = options.seedDemoData ?? true;
  const jwtSecret = randomBytes(32).toString('base64url');
  const internalToken = randomBytes(16).toString('base64url');
  const appointmentsTopic = `${label}${run}.appointments.events`;
  const appointmentsGroup = `${label}${run}-read-models`;
  const queueTopic = `${label}${run}.queue.events`;
  const queueGroup = `${label}${run}-queue`;
  const budgetTopic = `${label}${run}.budget.events`;
  const nodeArgs = options.telemetry === false ? [] : ['--import', '@adal/telemetry/register'];

  let database: TestDatabase | undefined;
  let appointments: RunningService | undefined;
  let receptionQueue: RunningService | undefined;
  let budgetLedger: RunningService | undefined;
  let gateway: RunningService | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await gateway?.stop();
    await Promise.all([appointments?.stop(), receptionQueue?.stop(), budgetLedger?.stop()]);
    await database?.drop();
  };

  try {
    if (!options.databaseUrl) database = await createTestDatabase(label);
    const databaseUrl = options.databaseUrl ?? database!.url;
    const kafkaBrokers = options.kafkaBrokers ?? process.env['KAFKA_BROKERS'];
    const common = {
      LOG_LEVEL: 'warn',
      ...(kafkaBrokers ? { KAFKA_BROKERS: kafkaBrokers } : {}),
      INTERNAL_TOKEN: internalToken,
      ...options.env,
    };
    appointments = await startServiceProcess({
      name: 'appointments',
      entry: path.join(REPO_ROOT, 'services/appointments/dist/main.js'),
      nodeArgs,
      env: {
        ...common,
        DATABASE_URL: databaseUrl,
        OTEL_SERVICE_NAME: 'appointments',
        SEED_DEMO_DATA: String(seed),
        APPOINTMENTS_EVENTS_TOPIC: appointmentsTopic,
        APPOINTMENTS_READ_MODEL_GROUP: appointmentsGroup,
        ...options.appointmentsEnv,
      },
    });
    if (options.receptionQueue) {
      receptionQueue = await startServiceProcess({
        name: 'reception-queue',
        entry: path.join(REPO_ROOT, 'services/reception-queue/dist/main.js'),
        nodeArgs,
        env: {
          ...common,
          DATABASE_URL: databaseUrl,
          OTEL_SERVICE_NAME: 'reception-queue',
          SEED_DEMO_DATA: String(seed),
          // What it consumes: this platform's appointments events.
          APPOINTMENTS_EVENTS_TOPIC: appointmentsTopic,
          // What it publishes, and its consumer groups: this platform's own.
          QUEUE_EVENTS_TOPIC: queueTopic,
          RECEPTION_QUEUE_EVENTS_TOPIC: queueTopic,
          RECEPTION_QUEUE_READ_MODEL_GROUP: `${queueGroup}-read-models`,
          RECEPTION_QUEUE_APPOINTMENTS_GROUP: `${queueGroup}-appointments`,
          ...options.receptionQueueEnv,
        },
      });
    }
    if (options.budgetLedger) {
      budgetLedger = await startServiceProcess({
        name: 'budget-ledger',
        entry: path.join(REPO_ROOT, 'services/budget-ledger/dist/main.js'),
        nodeArgs,
        env: {
          ...common,
          DATABASE_URL: databaseUrl,
          OTEL_SERVICE_NAME: 'budget-ledger',
          // The synthetic demo budget, loaded into the empty ledger at start-up.
          BUDGET_SEED_DEMO: String(seed),
          BUDGET_EVENTS_TOPIC: budgetTopic,
          ...options.budgetLedgerEnv,
        },
      });
    }
    gateway = await startServiceProcess({
      name: 'gateway',
      entry: path.join(REPO_ROOT, 'services/gateway/dist/main.js'),
      nodeArgs,
      env: {
        ...common,
        OTEL_SERVICE_NAME: 'gateway',
        JWT_SECRET: jwtSecret,
        APPOINTMENTS_URL: appointments.url,
        ...(receptionQueue ? { RECEPTION_QUEUE_URL: receptionQueue.url } : {}),
        ...(budgetLedger ? { BUDGET_LEDGER_URL: budgetLedger.url } : {}),
        WEB_DIST_DIR: options.webDistDir ?? path.join(REPO_ROOT, 'apps/web/dist'),
        RATE_LIMIT_PER_MINUTE: '100000',
        RATE_LIMIT_IP_PER_MINUTE: '100000',
        ...options.gatewayEnv,
      },
    });
    const gatewayUrl = gateway.url;
    if (seed) {
      // The seed reaches the read model through the relay and the bus: when the gateway lists
      // the officials, the whole path works.
      const lastLines = () => [...appointments!.lines.slice(-20), ...gateway!.lines.slice(-10)].join('\n');
      await waitFor(
        'the seeded officials through the gateway',
        async () => {
          const response = await fetch(`${gatewayUrl}/api/v1/officials`);
          if (response.status !== 200) return false;
          const body = (await response.json()) as { officials?: unknown[] };
          return (body.officials?.length ?? 0) > 0;
        },
        options.seedTimeoutMs ?? 60_000,
        lastLines,
      );
    }
    return {
      gatewayUrl,
      appointmentsUrl: appointments.url,
      databaseUrl,
      jwtSecret,
      jwtIssuer: 'adal-office-gateway',
      jwtAudience: 'adal-office',
      internalToken,
      appointmentsTopic,
      appointmentsGroup,
      gateway,
      appointments,
      ...(receptionQueue ? { receptionQueue, receptionQueueUrl: receptionQueue.url, queueTopic, queueGroup } : {}),
      ...(budgetLedger ? { budgetLedger, budgetLedgerUrl: budgetLedger.url, budgetTopic } : {}),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
};
