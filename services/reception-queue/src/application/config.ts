export type CommandMode = 'batched' | 'optimistic';

export interface QueueConfig {
  /** Shared secret the gateway sends in `x-adal-internal-token`. `INTERNAL_TOKEN`. */
  internalToken: string;
  /**
   * How commands on one day stream run (`QUEUE_COMMAND_MODE`): `batched` (default) queues them per
   * stream in the process and appends each batch once; `optimistic` runs each on its own (read,
   * decide, append, retry on conflict), like `handleCommand`. Both are safe; see hot-streams.ts.
   */
  commandMode: CommandMode;
  /** Shifts the clock (`QUEUE_CLOCK_OFFSET_MS`), for end-to-end tests and demos; not in production. */
  clockOffsetMs: number;
  /** How often a board stream looks for appends of other replicas, ms (`QUEUE_BOARD_POLL_MS`, default 1000). */
  boardPollMs: number;
  /** Topic this service publishes (`QUEUE_EVENTS_TOPIC`, default `queue.events`). */
  eventsTopic: string;
  /** Topic of appointments events (`APPOINTMENTS_EVENTS_TOPIC`, default `appointments.events`). */
  appointmentsTopic: string;
  /** Consumer group of the read models (`RECEPTION_QUEUE_READ_MODEL_GROUP`). */
  readModelGroup: string;
  /** Consumer group of the appointments consumer (`RECEPTION_QUEUE_APPOINTMENTS_GROUP`). */
  appointmentsGroup: string;
}
export const QUEUE_CONFIG = Symbol('QueueConfig');

const number = (raw: string | undefined, fallback: number, name: string, allowNegative = false): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (!allowNegative && value < 0))
    throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
};

export const queueConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): QueueConfig => {
  const production = env['NODE_ENV'] === 'production';
  const internalToken = env['INTERNAL_TOKEN'] ?? (production ? '' : 'adal-office-development-internal-token');
  if (!internalToken) throw new Error('INTERNAL_TOKEN must be set in production');
  const mode = env['QUEUE_COMMAND_MODE'] || 'batched';
  if (mode !== 'batched' && mode !== 'optimistic')
    throw new Error(`QUEUE_COMMAND_MODE must be batched or optimistic, got "${mode}"`);
  const clockOffsetMs = number(env['QUEUE_CLOCK_OFFSET_MS'], 0, 'QUEUE_CLOCK_OFFSET_MS', true);
  if (production && clockOffsetMs !== 0)
    throw new Error('QUEUE_CLOCK_OFFSET_MS is for tests and demos, not production');
  return {
    internalToken,
    commandMode: mode,
    clockOffsetMs,
    boardPollMs: Math.max(50, number(env['QUEUE_BOARD_POLL_MS'], 1000, 'QUEUE_BOARD_POLL_MS')),
    eventsTopic: env['QUEUE_EVENTS_TOPIC'] || env['RECEPTION_QUEUE_EVENTS_TOPIC'] || 'queue.events',
    appointmentsTopic: env['APPOINTMENTS_EVENTS_TOPIC'] || 'appointments.events',
    readModelGroup: env['RECEPTION_QUEUE_READ_MODEL_GROUP'] || 'reception-queue-read-models',
    appointmentsGroup: env['RECEPTION_QUEUE_APPOINTMENTS_GROUP'] || 'reception-queue-appointments',
  };
};
