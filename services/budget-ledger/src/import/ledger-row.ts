/**
 * One ledger transaction as the import format carries it (docs/budget.md, "Import format"): the
 * transaction itself plus the institution and programme it belongs to, repeated on every row.
 * The importer and the synthetic generator both speak it.
 */
import { csvRecord } from './csv.js';
import type { InstitutionLevel, LocalizedText } from '../domain/index.js';

export const TRANSACTION_TYPES = [
  'allocation-approved',
  'allocation-amended',
  'commitment-registered',
  'commitment-reduced',
  'commitment-cancelled',
  'payment-made',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export interface InstitutionData {
  bin: string;
  name: LocalizedText;
  regionId: string;
  level: InstitutionLevel;
}

export interface ProgrammeData {
  administrator: string;
  programme: string;
  subprogramme: string;
  functionalGroup: string;
  name: LocalizedText;
}

export interface LedgerRow {
  transactionId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  type: TransactionType;
  fiscalYear: number;
  institution: InstitutionData;
  programme: ProgrammeData;
  /**
   * Tiyn; signed for `allocation-amended`; absent for `commitment-cancelled`. A bigint when
   * generated, the text of the cell when read from a file (the decider parses and checks it).
   */
  amount?: bigint | string;
  commitmentId?: string;
  paymentId?: string;
  supplierBin?: string;
}

/** The columns of the import format, in the order the generator writes them. */
export const IMPORT_COLUMNS = [
  'transaction_id',
  'date',
  'type',
  'fiscal_year',
  'bin',
  'institution_name_kk',
  'institution_name_ru',
  'institution_name_en',
  'region_id',
  'level',
  'administrator',
  'programme',
  'subprogramme',
  'functional_group',
  'programme_name_kk',
  'programme_name_ru',
  'programme_name_en',
  'amount_tiyn',
  'commitment_id',
  'payment_id',
  'supplier_bin',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns every file must have (`commitment_id`, `payment_id`, `supplier_bin` may be left out). */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = IMPORT_COLUMNS.filter(
  (column) => !['commitment_id', 'payment_id', 'supplier_bin'].includes(column),
);

/** The row's fields in `IMPORT_COLUMNS` order. */
export const ledgerRowFields = (row: LedgerRow): string[] => [
  row.transactionId,
  row.date,
  row.type,
  String(row.fiscalYear),
  row.institution.bin,
  row.institution.name.kk,
  row.institution.name.ru,
  row.institution.name.en,
  row.institution.regionId,
  row.institution.level,
  row.programme.administrator,
  row.programme.programme,
  row.programme.subprogramme,
  row.programme.functionalGroup,
  row.programme.name.kk,
  row.programme.name.ru,
  row.programme.name.en,
  row.amount === undefined ? '' : row.amount.toString(),
  row.commitmentId ?? '',
  row.paymentId ?? '',
  row.supplierBin ?? '',
];

export const IMPORT_HEADER = csvRecord(IMPORT_COLUMNS);

/** One CSV line (CRLF-terminated) of the import format. */
export const ledgerRowCsv = (row: LedgerRow): string => csvRecord(ledgerRowFields(row));
