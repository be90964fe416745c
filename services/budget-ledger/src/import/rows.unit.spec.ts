import { parseCsv } from './csv.js';
import { IMPORT_COLUMNS, IMPORT_HEADER, ledgerRowCsv, type LedgerRow } from './ledger-row.js';
import { columnOf, readHeader, readRow, type ImportHeader, type RowProblem } from './rows.js';

const header = (): ImportHeader => {
  const read = readHeader(parseCsv(IMPORT_HEADER)[0]!);
  if (Array.isArray(read)) throw new Error('header refused');
  return read;
};

const ROW: LedgerRow = {
  transactionId: 'KZ-2026-000001',
  date: '2026-02-14',
  type: 'allocation-approved',
  fiscalYear: 2026,
  institution: {
    bin: '970240000123',
    name: { kk: 'Әкімдік, "Бәйтерек"', ru: 'Акимат', en: 'Akimat' },
    regionId: 'KZ-75',
    level: 'district',
  },
  programme: {
    administrator: '253',
    programme: '001',
    subprogramme: '000',
    functionalGroup: '04',
    name: { kk: 'Білім', ru: 'Образование', en: 'Education' },
  },
  amount: 150000000n,
};

/** The record of one CSV line (after the header), as line 2 of a file. */
const record = (text: string) => ({ ...parseCsv(text)[0]!, line: 2 });
const problem = (value: LedgerRow | RowProblem): RowProblem => {
  if ('transactionId' in value) throw new Error('expected a problem, got a row');
  return value;
};

describe('import rows', () => {
  it('reads a written row back, quoted names and all', () => {
    const row = readRow(record(ledgerRowCsv(ROW)), header());
    expect(row).toEqual({ ...ROW, amount: '150000000' });
  });

  it('accepts columns in any order, in any case, with extra columns ignored and optional ones left out', () => {
    const columns = [...IMPORT_COLUMNS].filter((c) => !['commitment_id', 'payment_id', 'supplier_bin'].includes(c));
    const shuffled = [...columns].reverse();
    const read = readHeader({ line: 1, fields: [...shuffled.map((c) => c.toUpperCase()), 'comment'] });
    expect(Array.isArray(read)).toBe(false);
    const values: Record<string, string> = {
      transaction_id: 'T-1',
      date: '2026-03-01',
      type: 'allocation-amended',
      fiscal_year: '2026',
      bin: ROW.institution.bin,
      institution_name_kk: 'а',
      institution_name_ru: 'б',
      institution_name_en: 'c',
      region_id: 'KZ-10',
      level: 'rural',
      administrator: '120',
      programme: '001',
      subprogramme: '000',
      functional_group: '01',
      programme_name_kk: 'x',
      programme_name_ru: 'y',
      programme_name_en: 'z',
      amount_tiyn: '-500',
    };
    const row = readRow({ line: 5, fields: [...shuffled.map((c) => values[c]!), 'ignored'] }, read as ImportHeader);
    expect(row).toMatchObject({ transactionId: 'T-1', type: 'allocation-amended', amount: '-500', fiscalYear: 2026 });
    expect(row).not.toHaveProperty('commitmentId');
  });

  it('refuses a header without a required column, or with one twice, naming the column on line 1', () => {
    const missing = readHeader({ line: 1, fields: IMPORT_COLUMNS.filter((c) => c !== 'amount_tiyn') });
    expect(missing).toEqual([expect.objectContaining({ line: 1, field: 'amount_tiyn', code: 'COLUMN_MISSING' })]);
    const twice = readHeader({ line: 1, fields: [...IMPORT_COLUMNS, 'date'] });
    expect(twice).toEqual([expect.objectContaining({ line: 1, field: 'date', code: 'COLUMN_DUPLICATE' })]);
    const [first] = missing as RowProblem[];
    expect(first!.message.en).toContain('amount_tiyn');
    expect(first!.message.ru).toContain('amount_tiyn');
    expect(first!.message.kk).toContain('amount_tiyn');
  });

  it('reports a row with too few or too many fields', () => {
    const short = problem(readRow({ line: 7, fields: ['T-1', '2026-01-01'] }, header()));
    expect(short).toMatchObject({ line: 7, field: 'type', code: 'FIELD_COUNT' });
    expect(short.message.en).toBe(`The row has 2 fields but the header row has ${IMPORT_COLUMNS.length} columns.`);
    const long = problem(readRow({ line: 8, fields: [...Array(IMPORT_COLUMNS.length + 1)].map(() => 'x') }, header()));
    expect(long).toMatchObject({ line: 8, field: `column ${IMPORT_COLUMNS.length + 1}`, code: 'FIELD_COUNT' });
  });

  it('reports an unknown transaction type and a bad fiscal year with the domain texts', () => {
    const type = problem(readRow(record(ledgerRowCsv({ ...ROW, type: 'grant' as LedgerRow['type'] })), header()));
    expect(type).toMatchObject({ line: 2, field: 'type', code: 'INVALID_CHOICE' });
    expect(type.message.en).toContain('payment-made');
    const year = problem(readRow(record(ledgerRowCsv({ ...ROW, fiscalYear: 26 })), header()));
    expect(year).toMatchObject({ field: 'fiscal_year', code: 'INVALID_YEAR' });
    const empty = problem(readRow(record(ledgerRowCsv({ ...ROW, type: '' as LedgerRow['type'] })), header()));
    expect(empty).toMatchObject({ field: 'type', code: 'FIELD_REQUIRED' });
  });

  it('reports CSV syntax and encoding problems on the column where they are', () => {
    const fields = ledgerRowCsv(ROW).split(',');
    fields[5] = 'Әкім"дік'; // institution_name_kk
    const quote = problem(readRow(record(fields.join(',')), header()));
    expect(quote).toMatchObject({ line: 2, field: 'institution_name_kk', code: 'CSV_UNEXPECTED_QUOTE' });
    const broken = problem(readRow(record(ledgerRowCsv({ ...ROW, transactionId: 'T\uFFFD1' })), header()));
    expect(broken).toMatchObject({ field: 'transaction_id', code: 'INVALID_ENCODING' });
    for (const text of [broken.message.kk, broken.message.ru, broken.message.en])
      expect(text.length).toBeGreaterThan(10);
  });

  it('names the file column of every command field a decider may refuse', () => {
    expect(columnOf('institution', 'name.ru')).toBe('institution_name_ru');
    expect(columnOf('programme', 'name.en')).toBe('programme_name_en');
    expect(columnOf('programme', 'functionalGroup')).toBe('functional_group');
    expect(columnOf('line', 'amount')).toBe('amount_tiyn');
    expect(columnOf('line', 'delta')).toBe('amount_tiyn');
    expect(columnOf('line', 'supplierBin')).toBe('supplier_bin');
    expect(columnOf('line', 'line.fiscalYear')).toBe('fiscal_year');
    expect(columnOf('line', undefined)).toBe('type');
    expect(columnOf('institution', undefined)).toBe('bin');
    for (const part of ['row', 'institution', 'programme', 'line'] as const)
      for (const field of ['bin', 'amount', 'date', 'transactionId', 'regionId', 'level', 'name.kk']) {
        const column = columnOf(part, field);
        if (column !== field) expect(IMPORT_COLUMNS).toContain(column);
      }
  });
});
