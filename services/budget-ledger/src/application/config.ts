export interface BudgetConfig {
  /** Shared secret the gateway sends in `x-adal-internal-token`. `INTERNAL_TOKEN`. */
  internalToken: string;
  /** Topic the relay publishes to (`BUDGET_EVENTS_TOPIC`, default `budget.events`). */
  eventsTopic: string;
  /**
   * Whether this instance relays the store to `eventsTopic` (`BUDGET_RELAY`, on unless `false`).
   * Off for a read-only replica, or a benchmark of the read side alone.
   */
  relay: boolean;
  /** Largest CSV body `POST /v1/budget/imports` accepts, bytes (`BUDGET_IMPORT_MAX_BYTES`, default 20 MiB). */
  importMaxBytes: number;
  /** Rows of one import applied at the same time, different lines only (`BUDGET_IMPORT_CONCURRENCY`, 64). */
  importConcurrency: number;
  /** Load the synthetic demo slice into an empty store at start-up (`BUDGET_SEED_DEMO`, on unless `false`). */
  seedDemo: boolean;
  /** Size of the demo slice (`BUDGET_SEED_INSTITUTIONS` 300, `BUDGET_SEED_EVENTS` 20000). */
  seedInstitutions: number;
  seedEvents: number;
  /** Fiscal year of the demo slice (`BUDGET_SEED_YEAR`, default the current year in Almaty). */
  seedYear?: number;
  /** Seed of the generator (`BUDGET_SEED_RANDOM`, default `adal-office-demo`). */
  seedRandom: string;
}
export const BUDGET_CONFIG = Symbol('BudgetConfig');

const wholeNumber = (raw: string | undefined, fallback: number, name: string, min = 0): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number >= ${min}, got "${raw}"`);
  return value;
};

const flag = (raw: string | undefined, fallback: boolean, name: string): boolean => {
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
};

export const budgetConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): BudgetConfig => {
  const production = env['NODE_ENV'] === 'production';
  const internalToken = env['INTERNAL_TOKEN'] ?? (production ? '' : 'adal-office-development-internal-token');
  if (!internalToken) throw new Error('INTERNAL_TOKEN must be set in production');
  const seedYear = env['BUDGET_SEED_YEAR']
    ? wholeNumber(env['BUDGET_SEED_YEAR'], 0, 'BUDGET_SEED_YEAR', 2000)
    : undefined;
  return {
    internalToken,
    eventsTopic: env['BUDGET_EVENTS_TOPIC'] || 'budget.events',
    relay: flag(env['BUDGET_RELAY'], true, 'BUDGET_RELAY'),
    importMaxBytes: wholeNumber(env['BUDGET_IMPORT_MAX_BYTES'], 20 * 1024 * 1024, 'BUDGET_IMPORT_MAX_BYTES', 1),
    importConcurrency: wholeNumber(env['BUDGET_IMPORT_CONCURRENCY'], 64, 'BUDGET_IMPORT_CONCURRENCY', 1),
    seedDemo: flag(env['BUDGET_SEED_DEMO'], true, 'BUDGET_SEED_DEMO'),
    seedInstitutions: wholeNumber(env['BUDGET_SEED_INSTITUTIONS'], 300, 'BUDGET_SEED_INSTITUTIONS', 1),
    seedEvents: wholeNumber(env['BUDGET_SEED_EVENTS'], 20_000, 'BUDGET_SEED_EVENTS', 2),
    ...(seedYear !== undefined ? { seedYear } : {}),
    seedRandom: env['BUDGET_SEED_RANDOM'] || 'adal-office-demo',
  };
};
