/**
 * Settings of the budget read side, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `BUDGET_DATASET_SYNTHETIC` | `true` | the data set is the generated demo: every answer says `synthetic: true`, the data package says so in its title |
 * | `BUDGET_PROJECTOR` | `on` | `off`: this process only reads (another one projects) |
 * | `BUDGET_PROJECTOR_SOURCE` | `sql` | `sql`: catch-up scans the PostgreSQL store's table; `store`: through the `EventStore` port |
 * | `BUDGET_PROJECTOR_PAGE_SIZE` | `10000` | events per catch-up page / most events per live batch |
 * | `BUDGET_STORE_SCHEMA` | the service store's schema | where the events table is (`budget_ledger`) |
 */
import type { LocalDate } from '../domain/index.js';

export interface BudgetReadConfig {
  synthetic: boolean;
  projector: boolean;
  source: 'sql' | 'store';
  pageSize: number;
  storeSchema?: string;
}

export const BUDGET_READ_CONFIG = Symbol.for('adal.budget-ledger.BudgetReadConfig');

const flag = (raw: string | undefined, fallback: boolean, name: string): boolean => {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
};

export const budgetReadConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): BudgetReadConfig => {
  const source = (env['BUDGET_PROJECTOR_SOURCE'] || 'sql').trim();
  if (source !== 'sql' && source !== 'store')
    throw new Error(`BUDGET_PROJECTOR_SOURCE must be sql or store, got "${source}"`);
  const pageSize = Number(env['BUDGET_PROJECTOR_PAGE_SIZE'] || 10_000);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100_000)
    throw new Error(
      `BUDGET_PROJECTOR_PAGE_SIZE must be an integer 1..100000, got "${env['BUDGET_PROJECTOR_PAGE_SIZE']}"`,
    );
  const storeSchema = env['BUDGET_STORE_SCHEMA']?.trim();
  return {
    synthetic: flag(env['BUDGET_DATASET_SYNTHETIC'], true, 'BUDGET_DATASET_SYNTHETIC'),
    projector: flag(env['BUDGET_PROJECTOR'], true, 'BUDGET_PROJECTOR'),
    source,
    pageSize,
    ...(storeSchema ? { storeSchema } : {}),
  };
};

/** Today's date where the budget is kept: the read side's only clock. Tests inject their own. */
export interface BudgetClock {
  today(): LocalDate;
}
export const BUDGET_CLOCK = Symbol.for('adal.budget-ledger.BudgetClock');

const ALMATY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Kazakhstan (Asia/Almaty). */
export const systemBudgetClock: BudgetClock = { today: () => ALMATY.format(new Date()) };

export const fixedBudgetClock = (date: LocalDate): BudgetClock => ({ today: () => date });
