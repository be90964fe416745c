/**
 * The open budget data as a Fiscal Data Package (Frictionless Data,
 * https://specs.frictionlessdata.io/fiscal-data-package/, v0.3: a Tabular Data Package plus a
 * `model` mapping the CSV columns to measures and dimensions).
 *
 * The four resources are defined once here, each field with its Table Schema type and the way a
 * row fills it: the descriptor's schemas and the served CSV headers come from the same list, so
 * they cannot drift apart. `transactions.csv` starts with the columns of the import format
 * (docs/budget.md, "Import format"), so the export reads back as an import.
 */
import { regionById, type LocalizedText } from '../domain/index.js';
import type { InstitutionRecord, LineRow, ProgrammeRecord, TransactionRow } from '../read-models/queries.js';
import type { CsvValue } from './csv.js';
import { transactionTypeOf } from './views.js';

export type FieldType = 'string' | 'integer' | 'date' | 'year' | 'boolean';

export interface FieldDef<Row> {
  name: string;
  type: FieldType;
  description: string;
  constraints?: Record<string, unknown>;
  value: (row: Row) => CsvValue;
}

export interface ResourceDef<Row> {
  name: OpenDataResource;
  title: string;
  description: string;
  fields: readonly FieldDef<Row>[];
  primaryKey?: string | string[];
  foreignKeys?: Array<{ fields: string; reference: { resource: string; fields: string } }>;
}

export const OPEN_DATA_RESOURCES = ['institutions', 'programmes', 'budget-lines', 'transactions'] as const;
export type OpenDataResource = (typeof OPEN_DATA_RESOURCES)[number];

const BIN = { pattern: '^\\d{12}$' };
const AMOUNT = 'Tiyn (1 tenge = 100 tiyn), an exact integer';

const regionName = (regionId: string | null, language: keyof LocalizedText): string =>
  (regionId && regionById(regionId)?.name[language]) || '';

export const INSTITUTIONS: ResourceDef<InstitutionRecord> = {
  name: 'institutions',
  title: 'State institutions',
  description: 'Every state institution with a budget: BIN, names in Kazakh, Russian and English, region, level.',
  primaryKey: 'bin',
  fields: [
    {
      name: 'bin',
      type: 'string',
      description: 'Business identification number',
      constraints: { required: true, unique: true, ...BIN },
      value: (r) => r.bin,
    },
    { name: 'name_kk', type: 'string', description: 'Name in Kazakh', value: (r) => r.name.kk },
    { name: 'name_ru', type: 'string', description: 'Name in Russian', value: (r) => r.name.ru },
    { name: 'name_en', type: 'string', description: 'Name in English', value: (r) => r.name.en },
    { name: 'region_id', type: 'string', description: 'ISO 3166-2:KZ region', value: (r) => r.regionId },
    {
      name: 'region_name_kk',
      type: 'string',
      description: 'Region name in Kazakh',
      value: (r) => regionName(r.regionId, 'kk'),
    },
    {
      name: 'region_name_ru',
      type: 'string',
      description: 'Region name in Russian',
      value: (r) => regionName(r.regionId, 'ru'),
    },
    {
      name: 'region_name_en',
      type: 'string',
      description: 'Region name in English',
      value: (r) => regionName(r.regionId, 'en'),
    },
    {
      name: 'level',
      type: 'string',
      description: 'Budget level',
      constraints: { enum: ['republican', 'regional', 'district', 'rural'] },
      value: (r) => r.level,
    },
  ],
};

export const PROGRAMMES: ResourceDef<ProgrammeRecord> = {
  name: 'programmes',
  title: 'Budget programmes',
  description:
    'Budget programmes of the budget classification: administrator, programme, subprogramme, functional group.',
  primaryKey: 'programme_code',
  fields: [
    {
      name: 'programme_code',
      type: 'string',
      description: 'administrator + programme + subprogramme (9 digits)',
      constraints: { required: true, unique: true, pattern: '^\\d{9}$' },
      value: (r) => r.code,
    },
    {
      name: 'administrator',
      type: 'string',
      description: 'Budget programme administrator (3 digits)',
      value: (r) => r.administrator,
    },
    { name: 'programme', type: 'string', description: 'Programme (3 digits)', value: (r) => r.programme },
    {
      name: 'subprogramme',
      type: 'string',
      description: 'Subprogramme (3 digits, 000 when none)',
      value: (r) => r.subprogramme,
    },
    {
      name: 'functional_group',
      type: 'string',
      description: 'Functional group (01..13)',
      value: (r) => r.functionalGroup,
    },
    { name: 'name_kk', type: 'string', description: 'Name in Kazakh', value: (r) => r.name.kk },
    { name: 'name_ru', type: 'string', description: 'Name in Russian', value: (r) => r.name.ru },
    { name: 'name_en', type: 'string', description: 'Name in English', value: (r) => r.name.en },
  ],
};

export const BUDGET_LINES: ResourceDef<LineRow> = {
  name: 'budget-lines',
  title: 'Budget lines',
  description:
    'One row per budget line (institution x programme x fiscal year) with its allocation, open commitments and payments.',
  primaryKey: 'line_id',
  foreignKeys: [
    { fields: 'bin', reference: { resource: 'institutions', fields: 'bin' } },
    { fields: 'programme_code', reference: { resource: 'programmes', fields: 'programme_code' } },
  ],
  fields: [
    {
      name: 'line_id',
      type: 'string',
      description: '{bin}-{programme_code}-{fiscal_year}',
      constraints: { required: true, unique: true },
      value: (r) => r.lineId,
    },
    { name: 'fiscal_year', type: 'year', description: 'Fiscal (calendar) year', value: (r) => r.fiscalYear },
    { name: 'bin', type: 'string', description: 'Institution BIN', constraints: BIN, value: (r) => r.bin },
    { name: 'programme_code', type: 'string', description: 'Budget programme', value: (r) => r.programmeCode },
    { name: 'region_id', type: 'string', description: 'ISO 3166-2:KZ region', value: (r) => r.regionId },
    { name: 'level', type: 'string', description: 'Budget level', value: (r) => r.level },
    {
      name: 'functional_group',
      type: 'string',
      description: 'Functional group (01..13)',
      value: (r) => r.functionalGroup,
    },
    {
      name: 'allocated_tiyn',
      type: 'integer',
      description: `Allocation (approved + amendments). ${AMOUNT}`,
      value: (r) => r.allocated,
    },
    { name: 'committed_tiyn', type: 'integer', description: `Open commitments. ${AMOUNT}`, value: (r) => r.committed },
    { name: 'paid_tiyn', type: 'integer', description: `Payments. ${AMOUNT}`, value: (r) => r.paid },
    { name: 'transactions', type: 'integer', description: 'Ledger transactions of the line', value: (r) => r.events },
    { name: 'last_date', type: 'date', description: 'Date of the last transaction', value: (r) => r.lastDate },
  ],
};

export const TRANSACTIONS: ResourceDef<TransactionRow> = {
  name: 'transactions',
  title: 'Ledger transactions',
  description:
    'Every ledger transaction in the order it was recorded. The first 21 columns are the import format; ' +
    'amount_tiyn is signed for allocation-amended and is the released rest for commitment-cancelled.',
  primaryKey: 'position',
  foreignKeys: [
    { fields: 'line_id', reference: { resource: 'budget-lines', fields: 'line_id' } },
    { fields: 'bin', reference: { resource: 'institutions', fields: 'bin' } },
  ],
  fields: [
    {
      name: 'transaction_id',
      type: 'string',
      description: 'Idempotency key, unique per line',
      value: (r) => r.transactionId,
    },
    { name: 'date', type: 'date', description: 'Transaction date', value: (r) => r.date },
    {
      name: 'type',
      type: 'string',
      description:
        'allocation-approved, allocation-amended, commitment-registered, commitment-reduced, commitment-cancelled, payment-made',
      value: (r) => transactionTypeOf(r.type) ?? r.type,
    },
    { name: 'fiscal_year', type: 'year', description: 'Fiscal year of the line', value: (r) => r.fiscalYear },
    { name: 'bin', type: 'string', description: 'Institution BIN', value: (r) => r.bin },
    {
      name: 'institution_name_kk',
      type: 'string',
      description: 'Institution name in Kazakh',
      value: (r) => r.institutionName.kk,
    },
    {
      name: 'institution_name_ru',
      type: 'string',
      description: 'Institution name in Russian',
      value: (r) => r.institutionName.ru,
    },
    {
      name: 'institution_name_en',
      type: 'string',
      description: 'Institution name in English',
      value: (r) => r.institutionName.en,
    },
    { name: 'region_id', type: 'string', description: 'ISO 3166-2:KZ region', value: (r) => r.regionId },
    { name: 'level', type: 'string', description: 'Budget level', value: (r) => r.level },
    {
      name: 'administrator',
      type: 'string',
      description: 'Budget programme administrator',
      value: (r) => r.administrator,
    },
    { name: 'programme', type: 'string', description: 'Programme', value: (r) => r.programme },
    { name: 'subprogramme', type: 'string', description: 'Subprogramme', value: (r) => r.subprogramme },
    {
      name: 'functional_group',
      type: 'string',
      description: 'Functional group (01..13)',
      value: (r) => r.functionalGroup,
    },
    {
      name: 'programme_name_kk',
      type: 'string',
      description: 'Programme name in Kazakh',
      value: (r) => r.programmeName.kk,
    },
    {
      name: 'programme_name_ru',
      type: 'string',
      description: 'Programme name in Russian',
      value: (r) => r.programmeName.ru,
    },
    {
      name: 'programme_name_en',
      type: 'string',
      description: 'Programme name in English',
      value: (r) => r.programmeName.en,
    },
    { name: 'amount_tiyn', type: 'integer', description: AMOUNT, value: (r) => r.amount },
    {
      name: 'commitment_id',
      type: 'string',
      description: 'Commitment (commitment and payment rows)',
      value: (r) => r.commitmentId,
    },
    { name: 'payment_id', type: 'string', description: 'Payment (payment rows)', value: (r) => r.paymentId },
    { name: 'supplier_bin', type: 'string', description: "Supplier's public business id", value: (r) => r.supplierBin },
    { name: 'line_id', type: 'string', description: 'Budget line', value: (r) => r.lineId },
    {
      name: 'position',
      type: 'integer',
      description: 'Order of recording in the whole ledger',
      value: (r) => r.position,
    },
    { name: 'reason', type: 'string', description: 'Reason of an amendment', value: (r) => r.reason },
  ],
};

export const RESOURCES = {
  institutions: INSTITUTIONS,
  programmes: PROGRAMMES,
  'budget-lines': BUDGET_LINES,
  transactions: TRANSACTIONS,
} as const;

export const isOpenDataResource = (value: string): value is OpenDataResource =>
  (OPEN_DATA_RESOURCES as readonly string[]).includes(value);

export const headerOf = (resource: ResourceDef<never> | ResourceDef<unknown>): string[] =>
  (resource.fields as ReadonlyArray<{ name: string }>).map((f) => f.name);

export const cellsOf = <Row>(resource: ResourceDef<Row>, row: Row): CsvValue[] =>
  resource.fields.map((f) => f.value(row));

const schemaOf = (resource: ResourceDef<never>) => ({
  fields: resource.fields.map((f) => ({
    name: f.name,
    type: f.type,
    ...(f.type === 'date' ? { format: 'default' } : {}),
    description: f.description,
    ...(f.constraints ? { constraints: f.constraints } : {}),
  })),
  ...(resource.primaryKey ? { primaryKey: resource.primaryKey } : {}),
  ...(resource.foreignKeys ? { foreignKeys: resource.foreignKeys } : {}),
  missingValues: [''],
});

export interface DescriptorOptions {
  synthetic: boolean;
  years: readonly number[];
  /** Date of the last ledger event projected. */
  asOf: string | null;
  version: string;
}

/** The Fiscal Data Package version the descriptor follows (its `model`; v1.0-rc replaces it with `columnType`). */
export const FISCAL_DATA_PACKAGE_VERSION = '0.3.0';

/** The `datapackage.json` of the open budget data (resource paths relative to it): Fiscal Data Package v0.3. */
export const dataPackageDescriptor = (options: DescriptorOptions) => {
  const first = options.years.length ? Math.min(...options.years) : undefined;
  const last = options.years.length ? Math.max(...options.years) : undefined;
  const money = { currency: 'KZT', factor: 0.01, direction: 'expenditure' } as const;
  return {
    profile: 'fiscal-data-package',
    // The descriptor follows Fiscal Data Package v0.3 (`model` with measures and dimensions).
    fiscalDataPackage: {
      version: FISCAL_DATA_PACKAGE_VERSION,
      spec: 'https://specs.frictionlessdata.io/fiscal-data-package/',
    },
    name: 'adal-office-open-budget',
    title: options.synthetic
      ? 'Open budget of Kazakhstan (synthetic demo data, not real figures)'
      : 'Open budget of Kazakhstan',
    description: [
      options.synthetic
        ? 'SYNTHETIC DATA: generated for demonstration; the institutions, programmes and amounts are not real.'
        : undefined,
      'Budget ledger of state institutions: allocations, commitments and payments per budget line ' +
        '(institution x programme x fiscal year), with every ledger transaction. Amounts are exact integers of tiyn ' +
        '(factor 0.01 to tenge, KZT).',
      options.asOf ? `Data as of ${options.asOf}.` : undefined,
    ]
      .filter(Boolean)
      .join(' '),
    version: options.version,
    countryCode: 'KZ',
    granularity: 'transactional',
    ...(first !== undefined && last !== undefined
      ? { fiscalPeriod: { start: `${first}-01-01`, end: `${last}-12-31` } }
      : {}),
    keywords: ['budget', 'fiscal', 'Kazakhstan', 'open data', ...(options.synthetic ? ['synthetic'] : [])],
    licenses: [
      {
        name: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ],
    synthetic: options.synthetic,
    resources: OPEN_DATA_RESOURCES.map((name) => {
      const resource = RESOURCES[name] as ResourceDef<never>;
      return {
        name,
        path: `${name}.csv`,
        profile: 'tabular-data-resource',
        title: resource.title,
        description: resource.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: schemaOf(resource),
      };
    }),
    model: {
      measures: {
        // One measure per phase, on the budget lines.
        allocated: {
          source: 'allocated_tiyn',
          resource: 'budget-lines',
          ...money,
          phase: 'adjusted',
          title: 'Allocated (approved, with amendments)',
        },
        committed: {
          source: 'committed_tiyn',
          resource: 'budget-lines',
          ...money,
          title: 'Committed (open commitments; no FDP phase)',
        },
        paid: { source: 'paid_tiyn', resource: 'budget-lines', ...money, phase: 'executed', title: 'Paid' },
        // Per transaction: its phase follows `type` (allocation-* adjusts, payment-made executes).
        transaction_amount: {
          source: 'amount_tiyn',
          resource: 'transactions',
          ...money,
          title: 'Transaction amount (phase by the transaction type)',
        },
      },
      dimensions: {
        date: {
          dimensionType: 'datetime',
          attributes: { date: { source: 'date', resource: 'transactions' } },
          primaryKey: 'date',
        },
        fiscal_year: {
          dimensionType: 'datetime',
          attributes: { fiscal_year: { source: 'fiscal_year', resource: 'budget-lines' } },
          primaryKey: 'fiscal_year',
        },
        administrative_classification: {
          dimensionType: 'classification',
          classificationType: 'administrative',
          attributes: {
            bin: { source: 'bin', resource: 'institutions' },
            name_kk: { source: 'name_kk', resource: 'institutions', labelfor: 'bin' },
            name_ru: { source: 'name_ru', resource: 'institutions', labelfor: 'bin' },
            name_en: { source: 'name_en', resource: 'institutions', labelfor: 'bin' },
            level: { source: 'level', resource: 'institutions' },
          },
          primaryKey: 'bin',
        },
        functional_classification: {
          dimensionType: 'classification',
          classificationType: 'functional',
          attributes: { functional_group: { source: 'functional_group', resource: 'budget-lines' } },
          primaryKey: 'functional_group',
        },
        programme: {
          dimensionType: 'activity',
          attributes: {
            programme_code: { source: 'programme_code', resource: 'programmes' },
            administrator: { source: 'administrator', resource: 'programmes' },
            programme: { source: 'programme', resource: 'programmes', parent: 'administrator' },
            subprogramme: { source: 'subprogramme', resource: 'programmes', parent: 'programme' },
            name_en: { source: 'name_en', resource: 'programmes', labelfor: 'programme_code' },
          },
          primaryKey: 'programme_code',
        },
        region: {
          dimensionType: 'location',
          attributes: {
            region_id: { source: 'region_id', resource: 'institutions' },
            region_name_en: { source: 'region_name_en', resource: 'institutions', labelfor: 'region_id' },
          },
          primaryKey: 'region_id',
        },
        transaction: {
          dimensionType: 'fact',
          attributes: {
            transaction_id: { source: 'transaction_id', resource: 'transactions' },
            type: { source: 'type', resource: 'transactions' },
            line_id: { source: 'line_id', resource: 'transactions' },
          },
          primaryKey: ['line_id', 'transaction_id'],
        },
      },
    },
  };
};
