/**
 * `npm run budget:generate -- --institutions N --events M --out FILE [--seed S] [--year Y] [--as-of DATE]`
 * writes the synthetic dataset (generator/dataset.ts) as CSV in the import format (`--out -`:
 * standard output). `--load` appends it straight into the budget ledger's event store instead
 * (`DATABASE_URL`, default the embedded PostgreSQL of a running `npm start`; schema
 * `budget_ledger`), in large concurrent batches, as the benchmark does.
 *
 * Defaults: 17,000 institutions, 1,000,000 events, seed `adal-office`, the current year in Almaty,
 * as of today (a past year: up to December 31st).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PostgresEventStore } from '@adal/event-store';
import { eventStoreSchemaFor } from '@adal/service-kit';
import { currentYear, systemClock, todayIn } from '../application/clock.js';
import { IMPORT_HEADER, ledgerRowCsv } from '../import/ledger-row.js';
import { lineTransactions, planSyntheticLedger, type SyntheticOptions } from './dataset.js';
import { loadSyntheticLedger } from './load.js';

const USAGE =
  'usage: npm run budget:generate -- [--institutions N] [--events M] (--out FILE | --load) [--seed S] [--year Y] [--as-of YYYY-MM-DD] [--concurrency C]';

const wholeNumber = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number >= 1, got "${raw}"`);
  return value;
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      institutions: { type: 'string' },
      events: { type: 'string' },
      out: { type: 'string' },
      load: { type: 'boolean' },
      seed: { type: 'string' },
      year: { type: 'string' },
      'as-of': { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (values.out === undefined) === (values.load !== true)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  const thisYear = currentYear(systemClock);
  const year = wholeNumber(values.year, thisYear, 'year');
  const asOf = values['as-of'] ?? (year === thisYear ? todayIn(systemClock) : undefined);
  const options: SyntheticOptions = {
    institutions: wholeNumber(values.institutions, 17_000, 'institutions'),
    events: wholeNumber(values.events, 1_000_000, 'events'),
    seed: values.seed ?? 'adal-office',
    year,
    ...(asOf ? { asOf } : {}),
  };
  const started = Date.now();

  if (values.load) {
    const url =
      process.env['DATABASE_URL'] ||
      `postgres://postgres:postgres@127.0.0.1:${process.env['EMBEDDED_PG_PORT'] || 54329}/adal_office`;
    const pool = new pg.Pool({ connectionString: url, max: 8, application_name: 'budget-generate' });
    const store = await PostgresEventStore.create({ pool, schema: eventStoreSchemaFor('budget-ledger') });
    try {
      const result = await loadSyntheticLedger(store, {
        ...options,
        concurrency: wholeNumber(values.concurrency, 1_024, 'concurrency'),
        onProgress: ({ lines, events }) => process.stderr.write(`${lines} lines, ${events} events\n`),
      });
      process.stderr.write(
        `loaded ${result.institutions} institutions, ${result.programmes} programmes, ${result.lines} lines, ` +
          `${result.events} events in ${(result.ms / 1000).toFixed(1)} s (${Math.round(result.events / (result.ms / 1000))} events/s)\n`,
      );
    } finally {
      await store.close();
      await pool.end();
    }
    return 0;
  }

  const plan = planSyntheticLedger(options);
  const out = values.out === '-' ? process.stdout : createWriteStream(values.out!);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(IMPORT_HEADER);
  let rows = 0;
  let buffer = '';
  for (const line of plan.lines) {
    for (const row of lineTransactions(plan, line)) {
      buffer += ledgerRowCsv(row);
      rows++;
    }
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(
    `wrote ${rows} rows (${plan.events} ledger events: ${plan.institutions.length} institutions, ` +
      `${plan.programmes.length} programmes, ${plan.lines.length} lines, ${plan.year} up to ${plan.asOf}) ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`budget:generate failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
