/**
 * `npm run budget:import -- FILE [--concurrency N]`: imports a CSV file in the import format
 * (docs/budget.md) into the budget ledger's event store, exactly as `POST /v1/budget/imports`
 * does, without a size limit (the file is streamed). `FILE` `-` reads standard input.
 *
 * The store: `DATABASE_URL` (default: the embedded PostgreSQL of a running `npm start`), schema
 * `budget_ledger`. Prints progress on stderr and the report as JSON on stdout. Exit status 0 when
 * every row went in (or was a duplicate), 2 when some rows were rejected, 1 on an error.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PostgresEventStore } from '@adal/event-store';
import { eventStoreSchemaFor } from '@adal/service-kit';
import { BudgetLedger } from '../application/budget-ledger.js';
import { readCsv } from './csv.js';
import { LedgerImporter } from './importer.js';

const USAGE = 'usage: npm run budget:import -- FILE [--concurrency N]   (FILE - = standard input)';

export const defaultDatabaseUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env['DATABASE_URL'] || `postgres://postgres:postgres@127.0.0.1:${env['EMBEDDED_PG_PORT'] || 54329}/adal_office`;

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    options: { concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  const concurrency = Number(values.concurrency ?? 64);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a whole number >= 1');
  const file = positionals[0]!;
  const pool = new pg.Pool({ connectionString: defaultDatabaseUrl(), max: 8, application_name: 'budget-import' });
  const store = await PostgresEventStore.create({ pool, schema: eventStoreSchemaFor('budget-ledger') });
  try {
    const importer = new LedgerImporter(new BudgetLedger(store));
    const started = Date.now();
    const source = file === '-' ? process.stdin : createReadStream(file);
    const report = await importer.run(readCsv(source), {
      concurrency,
      onProgress: (r) =>
        process.stderr.write(
          `${r.rows} rows: ${r.applied} applied, ${r.duplicates} duplicates, ${r.rejected.length} rejected ` +
            `(${Math.round(r.rows / ((Date.now() - started) / 1000))} rows/s)\n`,
        ),
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(
      `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.rows} rows, ${report.applied} applied, ` +
        `${report.duplicates} duplicates, ${report.rejected.length} rejected\n`,
    );
    return report.rejected.length > 0 ? 2 : 0;
  } finally {
    await store.close();
    await pool.end();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`budget:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
