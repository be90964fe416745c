// The importer against a real PostgreSQL event store: good rows go in, bad rows are reported with
// their line and column and leave no trace (not even the institution or programme they named),
// importing the same file twice changes nothing, and a generated file imported row by row ends
// up exactly as the same dataset loaded straight into a store (same streams, same event ids).
import pg from 'pg';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { BudgetLedger, newImportMemo, RowRefused } from '../application/budget-ledger.js';
import { lineTransactions, planSyntheticLedger } from '../generator/dataset.js';
import { loadSyntheticLedger } from '../generator/load.js';
import { readCsv } from './csv.js';
import { LedgerImporter, type ImportReport } from './importer.js';
import { IMPORT_HEADER, ledgerRowCsv, type LedgerRow } from './ledger-row.js';

interface Store {
  database: TestDatabase;
  pool: pg.Pool;
  store: PostgresEventStore;
}

const stores: Store[] = [];
const openStore = async (label: string): Promise<Store> => {
  const database = await createTestDatabase(label);
  const pool = new pg.Pool({ connectionString: database.url, max: 8 });
  const store = await PostgresEventStore.create({ pool, schema: 'budget_ledger' });
  const opened = { database, pool, store };
  stores.push(opened);
  return opened;
};

afterAll(async () => {
  for (const { store, pool, database } of stores) {
    await store.close();
    await pool.end();
    await database.drop();
  }
});

const eventsIn = async (store: PostgresEventStore): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: all.at(-1)?.globalPosition ?? 0n, maxCount: 5_000 });
    if (page.length === 0) return all;
    all.push(...page);
  }
};

const importText = (store: PostgresEventStore, text: string, concurrency = 8): Promise<ImportReport> =>
  new LedgerImporter(new BudgetLedger(store)).run(readCsv([Buffer.from(text, 'utf8')]), { concurrency });

// --- a small hand-written file ----------------------------------------------------------------------

const AKIMAT: LedgerRow['institution'] = {
  bin: '970240000126',
  name: { kk: 'Алатау ауданы әкімдігі', ru: 'Акимат\nАлатауского района', en: 'Alatau district akimat' },
  regionId: 'KZ-75',
  level: 'district',
};
const SCHOOLS: LedgerRow['programme'] = {
  administrator: '261',
  programme: '001',
  subprogramme: '000',
  functionalGroup: '04',
  name: { kk: 'Жалпы білім беру', ru: 'Общее образование', en: 'General education' },
};
const LINE = '970240000126-261001000-2026';
const row = (fields: Partial<LedgerRow>): LedgerRow => ({
  transactionId: 'T-0',
  date: '2026-02-01',
  type: 'allocation-approved',
  fiscalYear: 2026,
  institution: AKIMAT,
  programme: SCHOOLS,
  ...fields,
});

/** The file and the line each row starts on (each row spans two lines: the Russian name has a quoted line break). */
const handWritten = () => {
  const rows: Array<{ text: string; expect?: { field: string; code: string } }> = [
    { text: ledgerRowCsv(row({ transactionId: 'T-1', amount: 1_000_000n })) },
    {
      text: ledgerRowCsv(
        row({ transactionId: 'T-2', type: 'commitment-registered', commitmentId: 'C-1', amount: 500_000n }),
      ),
    },
    {
      text: ledgerRowCsv(
        row({ transactionId: 'T-3', type: 'payment-made', commitmentId: 'C-1', paymentId: 'P-1', amount: 600_000n }),
      ),
      expect: { field: 'amount_tiyn', code: 'PAYMENT_EXCEEDS_COMMITMENT' },
    },
    {
      text: ledgerRowCsv(
        row({ transactionId: 'T-4', type: 'payment-made', commitmentId: 'C-1', paymentId: 'P-1', amount: 200_000n }),
      ),
    },
    {
      text: ledgerRowCsv(row({ transactionId: 'T-5', institution: { ...AKIMAT, bin: '970240000124' }, amount: 5n })),
      expect: { field: 'bin', code: 'INVALID_BIN' },
    },
    {
      text: ledgerRowCsv(row({ transactionId: 'T-6', type: 'commitment-registered', commitmentId: 'C-2' })).replace(
        /,,C-2,/,
        ',12.5,C-2,',
      ),
      expect: { field: 'amount_tiyn', code: 'INVALID_AMOUNT' },
    },
    {
      text: ledgerRowCsv(
        row({
          transactionId: 'T-7',
          type: 'commitment-registered',
          commitmentId: 'C-3',
          amount: 1n,
          date: '2025-12-31',
        }),
      ),
      expect: { field: 'date', code: 'DATE_OUTSIDE_FISCAL_YEAR' },
    },
    // A new institution whose transaction is refused: the institution is not registered either.
    {
      text: ledgerRowCsv(
        row({
          transactionId: 'T-8',
          institution: { ...AKIMAT, bin: '000140000002', name: { kk: 'Жаңа', ru: 'Новое', en: 'New' } },
          amount: 10n,
          date: '2027-01-10',
        }),
      ),
      expect: { field: 'date', code: 'DATE_OUTSIDE_FISCAL_YEAR' },
    },
    {
      text: ledgerRowCsv(
        row({
          transactionId: 'T-9',
          institution: { ...AKIMAT, level: 'rural' },
          type: 'allocation-amended',
          amount: 1n,
        }),
      ),
      expect: { field: 'level', code: 'INSTITUTION_EXISTS' },
    },
    {
      text: ledgerRowCsv(
        row({ transactionId: 'T-10', institution: { ...AKIMAT, bin: '000140000002', regionId: 'KZ-99' }, amount: 10n }),
      ),
      expect: { field: 'region_id', code: 'INVALID_REGION' },
    },
    {
      text: ledgerRowCsv(row({ transactionId: 'T-11', type: 'commitment-cancelled', commitmentId: 'C-404' })),
      expect: { field: 'commitment_id', code: 'COMMITMENT_NOT_FOUND' },
    },
    {
      text: ledgerRowCsv(row({ transactionId: 'T-12', type: 'allocation-amended', amount: -2_000_000n })),
      expect: { field: 'amount_tiyn', code: 'ALLOCATION_NEGATIVE' },
    },
    {
      text: ledgerRowCsv(
        row({ transactionId: 'T-13', type: 'allocation-amended', amount: 100_000n, date: '2026-05-05' }),
      ),
    },
    {
      text: ledgerRowCsv(row({ transactionId: 'T-14', amount: 1n })).replace('T-14', 'T-"14'),
      expect: { field: 'transaction_id', code: 'CSV_UNEXPECTED_QUOTE' },
    },
    // A payment on a line of a programme nobody registered: neither is recorded.
    {
      text: ledgerRowCsv(
        row({
          transactionId: 'T-15',
          type: 'payment-made',
          programme: { ...SCHOOLS, programme: '002' },
          commitmentId: 'C-1',
          paymentId: 'P-9',
          amount: 1n,
        }),
      ),
      expect: { field: 'type', code: 'LINE_NOT_OPENED' },
    },
    {
      text: ledgerRowCsv(row({ transactionId: 'T-16', type: 'allocation-approved', amount: 5n })),
      expect: { field: 'type', code: 'ALLOCATION_ALREADY_APPROVED' },
    },
  ];
  let line = 2;
  const expected: Array<{ line: number; field: string; code: string }> = [];
  for (const r of rows) {
    if (r.expect) expected.push({ line, ...r.expect });
    line += r.text.split(/\r\n|\n|\r/).length - 1;
  }
  return { text: IMPORT_HEADER + rows.map((r) => r.text).join(''), rows: rows.length, expected };
};

describe('importing a CSV file into the ledger', () => {
  let s: Store;
  let first: ImportReport;
  const file = handWritten();

  beforeAll(async () => {
    s = await openStore('budget_import');
    first = await importText(s.store, file.text);
  });

  it('applies the good rows and reports each bad one with its line, column, code and kk/ru/en text', () => {
    expect(first.rows).toBe(file.rows);
    expect(first.applied).toBe(4);
    expect(first.duplicates).toBe(0);
    expect(first.rejected.map(({ line, field, code }) => ({ line, field, code }))).toEqual(file.expected);
    for (const problem of first.rejected) {
      expect(problem.message.kk).toBeTruthy();
      expect(problem.message.ru).toBeTruthy();
      expect(problem.message.en).toBeTruthy();
      expect(new Set([problem.message.kk, problem.message.ru, problem.message.en]).size).toBe(3);
    }
  });

  it('records the good rows on their streams, the line at 1,000,000 + 100,000 allocated, 500,000 committed, 200,000 paid', async () => {
    const line = await new BudgetLedger(s.store).line(LINE);
    expect(line).toMatchObject({ allocated: '1100000', committed: '500000', paid: '200000', transactions: 4 });
    expect(line).toMatchObject({ regionId: 'KZ-75', level: 'district', functionalGroup: '04', fiscalYear: 2026 });
    expect((await s.store.readStream('institution-970240000126')).map((e) => e.type)).toEqual([
      'InstitutionRegistered',
    ]);
    expect((await s.store.readStream('institution-970240000126'))[0]!.data).toMatchObject({ name: AKIMAT.name });
    expect((await s.store.readStream('programme-261001000')).map((e) => e.type)).toEqual(['ProgrammeRegistered']);
  });

  it('leaves nothing of a row refused by a decider: no institution, no programme, no line', async () => {
    expect(await s.store.readStream('institution-000140000002')).toEqual([]);
    expect(await s.store.readStream('programme-261002000')).toEqual([]);
    expect(await s.store.readStream('budgetline-970240000126-261002000-2026')).toEqual([]);
    const streams = new Set((await eventsIn(s.store)).map((e) => e.streamName));
    expect([...streams].sort()).toEqual([
      'budgetline-970240000126-261001000-2026',
      'institution-970240000126',
      'programme-261001000',
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await eventsIn(s.store);
    const again = await importText(s.store, file.text);
    expect(again).toMatchObject({ rows: file.rows, applied: 0, duplicates: 4 });
    // The bad rows are still bad (the over-payment now also reuses P-1, which T-4 recorded); the
    // good ones are duplicates.
    const [overPayment, ...rest] = file.expected;
    expect(again.rejected.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: overPayment!.line, field: 'payment_id', code: 'PAYMENT_EXISTS' },
      ...rest,
    ]);
    const after = await eventsIn(s.store);
    expect(after.length).toBe(before.length);
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
  });

  it('refuses a file without the required columns, or without any row, changing nothing', async () => {
    const before = (await eventsIn(s.store)).length;
    const noAmount = await importText(s.store, 'transaction_id,date,type\r\nT-1,2026-01-01,allocation-approved\r\n');
    expect(noAmount.rows).toBe(0);
    expect(noAmount.rejected.map((r) => [r.line, r.code])).toContainEqual([1, 'COLUMN_MISSING']);
    expect(noAmount.rejected.map((r) => r.field)).toContain('amount_tiyn');
    expect((await importText(s.store, '')).rejected).toEqual([
      expect.objectContaining({ line: 1, code: 'EMPTY_FILE' }),
    ]);
    expect((await eventsIn(s.store)).length).toBe(before);
  });
});

describe('a row whose line moves between its decision and its append', () => {
  it('is re-decided on the line; what stays is only its own registrations, once', async () => {
    const r = await openStore('budget_import_race');
    const rival = new BudgetLedger(r.store);
    let raced = false;
    // Another writer approves the same line right while this row registers its programme.
    const racing = new Proxy(r.store, {
      get(target, property) {
        if (property === 'appendToStream') {
          return async (...args: Parameters<EventStore['appendToStream']>) => {
            if (!raced && args[0].startsWith('programme-')) {
              raced = true;
              await rival.applyRow(row({ transactionId: 'T-rival', amount: 7n }), newImportMemo());
            }
            return target.appendToStream(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

    const refused = await new BudgetLedger(racing)
      .applyRow(row({ transactionId: 'T-mine', amount: 5n }), newImportMemo())
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(raced).toBe(true);
    expect(refused).toBeInstanceOf(RowRefused);
    expect((refused as RowRefused).part).toBe('line');
    expect((refused as RowRefused).refusal.code).toBe('ALLOCATION_ALREADY_APPROVED');

    const line = await rival.line(LINE);
    expect(line).toMatchObject({ allocated: '7', transactions: 1 });
    expect((await r.store.readStream('institution-970240000126')).map((e) => e.type)).toEqual(['InstitutionRegistered']);
    expect((await r.store.readStream('programme-261001000')).map((e) => e.type)).toEqual(['ProgrammeRegistered']);
  });
});

describe('a generated dataset', () => {
  const options = { institutions: 25, events: 1_500, seed: 'import-int', year: 2026, asOf: '2026-09-30' };
  const plan = planSyntheticLedger(options);
  const csv = IMPORT_HEADER + plan.lines.flatMap((line) => lineTransactions(plan, line).map(ledgerRowCsv)).join('');

  it('imported row by row (16 at a time) gives exactly the streams and event ids of a direct load', async () => {
    const imported = await openStore('budget_import_gen');
    const loaded = await openStore('budget_load_gen');
    const report = await importText(imported.store, csv, 16);
    expect(report.rejected).toEqual([]);
    expect(report.applied).toBe(1_500 - plan.lines.length);
    const result = await loadSyntheticLedger(loaded.store, { ...options, concurrency: 64 });
    expect(result).toMatchObject({ institutions: 25, lines: plan.lines.length, events: 1_500 });

    const byStream = (events: RecordedEvent[]) =>
      events.map((e) => `${e.streamName}#${e.revision} ${e.id} ${e.type} ${JSON.stringify(e.data)}`).sort();
    const fromImport = byStream(await eventsIn(imported.store));
    expect(fromImport).toEqual(byStream(await eventsIn(loaded.store)));
    expect(fromImport.filter((e) => e.startsWith('budgetline-')).length).toBe(1_500);

    // Loading it again, or importing it after the load, records nothing new.
    await loadSyntheticLedger(loaded.store, { ...options, concurrency: 64 });
    const again = await importText(loaded.store, csv, 16);
    expect(again).toMatchObject({ applied: 0, duplicates: 1_500 - plan.lines.length, rejected: [] });
    expect(byStream(await eventsIn(loaded.store))).toEqual(fromImport);
  });
});
