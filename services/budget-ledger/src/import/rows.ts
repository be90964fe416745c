/**
 * From CSV records to ledger rows: the header, then each row checked for what the file itself
 * can get wrong (syntax, encoding, the number of fields, the transaction type, the fiscal year).
 * Everything else is checked by the deciders when the row is applied; their field names are
 * turned back into the file's column names here, so a problem always names a column.
 */
import { isDomainError, requireFiscalYear, type LocalizedText } from '../domain/index.js';
import type { RowPart } from '../application/budget-ledger.js';
import { requireTransactionType } from '../application/commands.js';
import { ApplicationError, messagesOf, type Refusal } from '../application/errors.js';
import type { CsvRecord } from './csv.js';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS, type ImportColumn, type LedgerRow } from './ledger-row.js';

/** One refused row of an import report: `line` is the file's line (1 = the header). */
export interface RowProblem {
  line: number;
  /** The column (or `column N` past the header's columns). */
  field: string;
  code: string;
  message: LocalizedText;
}

export const rowProblem = (line: number, field: string, refusal: Refusal): RowProblem => ({
  line,
  field,
  code: refusal.code,
  message: messagesOf(refusal),
});

export interface ImportHeader {
  /** Position of each known column in a record. */
  index: ReadonlyMap<ImportColumn, number>;
  /** The header's own names, for problems about any field. */
  names: readonly string[];
}

const KNOWN = new Set<string>(IMPORT_COLUMNS);

/** The header row, or the problems that stop the whole file (missing or repeated columns). */
export const readHeader = (record: CsvRecord): ImportHeader | RowProblem[] => {
  const names = record.fields.map((name) => name.trim().toLowerCase());
  const problems: RowProblem[] = [];
  if (record.error) {
    problems.push(syntaxProblem(record, names));
    return problems;
  }
  const index = new Map<ImportColumn, number>();
  names.forEach((name, i) => {
    if (!KNOWN.has(name)) return; // extra columns are allowed and ignored
    if (index.has(name as ImportColumn)) {
      problems.push(
        rowProblem(record.line, name, new ApplicationError('COLUMN_DUPLICATE', { params: { column: name } })),
      );
    } else index.set(name as ImportColumn, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column))
      problems.push(rowProblem(record.line, column, new ApplicationError('COLUMN_MISSING', { params: { column } })));
  }
  return problems.length > 0 ? problems : { index, names };
};

const columnName = (names: readonly string[], position: number): string => names[position] || `column ${position + 1}`;

const syntaxProblem = (record: CsvRecord, names: readonly string[]): RowProblem => {
  const { code, column } = record.error!;
  const refusal =
    code === 'RECORD_TOO_LONG'
      ? new ApplicationError('CSV_RECORD_TOO_LONG', { params: { max: 1024 * 1024 } })
      : new ApplicationError(`CSV_${code}`);
  return rowProblem(record.line, columnName(names, column - 1), refusal);
};

/** A data row as a `LedgerRow` (raw cell text; the deciders check the values), or its problem. */
export const readRow = (record: CsvRecord, header: ImportHeader): LedgerRow | RowProblem => {
  if (record.error) return syntaxProblem(record, header.names);
  const { fields } = record;
  if (fields.length !== header.names.length) {
    const field = columnName(header.names, Math.min(fields.length, header.names.length));
    return rowProblem(
      record.line,
      field,
      new ApplicationError('FIELD_COUNT', { params: { found: fields.length, expected: header.names.length } }),
    );
  }
  const broken = fields.findIndex((value) => value.includes('\uFFFD'));
  if (broken >= 0)
    return rowProblem(record.line, columnName(header.names, broken), new ApplicationError('INVALID_ENCODING'));

  const cell = (column: ImportColumn): string => {
    const at = header.index.get(column);
    return at === undefined ? '' : fields[at]!.trim();
  };
  const optional = (column: ImportColumn): string | undefined => cell(column) || undefined;
  try {
    const type = requireTransactionType(cell('type'), 'type');
    const fiscalYear = requireFiscalYear(cell('fiscal_year'), 'fiscal_year');
    const amount = optional('amount_tiyn');
    const commitmentId = optional('commitment_id');
    const paymentId = optional('payment_id');
    const supplierBin = optional('supplier_bin');
    return {
      transactionId: cell('transaction_id'),
      date: cell('date'),
      type,
      fiscalYear,
      institution: {
        bin: cell('bin'),
        name: { kk: cell('institution_name_kk'), ru: cell('institution_name_ru'), en: cell('institution_name_en') },
        regionId: cell('region_id'),
        level: cell('level') as LedgerRow['institution']['level'],
      },
      programme: {
        administrator: cell('administrator'),
        programme: cell('programme'),
        subprogramme: cell('subprogramme'),
        functionalGroup: cell('functional_group'),
        name: { kk: cell('programme_name_kk'), ru: cell('programme_name_ru'), en: cell('programme_name_en') },
      },
      ...(amount !== undefined ? { amount } : {}),
      ...(commitmentId !== undefined ? { commitmentId } : {}),
      ...(paymentId !== undefined ? { paymentId } : {}),
      ...(supplierBin !== undefined ? { supplierBin } : {}),
    };
  } catch (error) {
    if (isDomainError(error)) return rowProblem(record.line, error.field ?? 'type', error);
    throw error;
  }
};

/** The command fields of each part of a row, as the file's columns. */
const COLUMN_OF: Record<RowPart, Readonly<Record<string, ImportColumn>>> = {
  row: { fiscalYear: 'fiscal_year' },
  institution: {
    bin: 'bin',
    name: 'institution_name_kk',
    'name.kk': 'institution_name_kk',
    'name.ru': 'institution_name_ru',
    'name.en': 'institution_name_en',
    regionId: 'region_id',
    level: 'level',
  },
  programme: {
    administrator: 'administrator',
    programme: 'programme',
    subprogramme: 'subprogramme',
    functionalGroup: 'functional_group',
    name: 'programme_name_kk',
    'name.kk': 'programme_name_kk',
    'name.ru': 'programme_name_ru',
    'name.en': 'programme_name_en',
  },
  line: {
    transactionId: 'transaction_id',
    date: 'date',
    amount: 'amount_tiyn',
    delta: 'amount_tiyn',
    commitmentId: 'commitment_id',
    paymentId: 'payment_id',
    supplierBin: 'supplier_bin',
    line: 'bin',
    'line.bin': 'bin',
    'line.regionId': 'region_id',
    'line.level': 'level',
    'line.administrator': 'administrator',
    'line.programme': 'programme',
    'line.subprogramme': 'subprogramme',
    'line.functionalGroup': 'functional_group',
    'line.fiscalYear': 'fiscal_year',
  },
};

/** The column a refusal is about when it names no field. */
const DEFAULT_COLUMN: Record<RowPart, ImportColumn> = {
  row: 'fiscal_year',
  institution: 'bin',
  programme: 'programme',
  line: 'type',
};

export const columnOf = (part: RowPart, field: string | undefined): string =>
  field === undefined ? DEFAULT_COLUMN[part] : (COLUMN_OF[part][field] ?? field);
