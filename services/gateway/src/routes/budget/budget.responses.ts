import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { LocalizedText, RESPONSE_DATE } from '../common.responses.js';
import {
  BIN_PATTERN,
  FUNCTIONAL_GROUPS,
  INSTITUTION_LEVELS,
  LINE_ID_PATTERN,
  MAX_PAGE_SIZE,
  REGION_ID_PATTERN,
  TRANSACTION_TYPES,
} from './budget.dto.js';

/**
 * Success bodies of the open budget routes, as the budget-ledger service writes them and the
 * gateway relays them unchanged (docs/budget.md, "Public HTTP API"). Amounts are exact whole
 * numbers of tiyn (1 tenge = 100 tiyn) written as decimal strings. The web client's response
 * types are generated from these: keep them in step with the service.
 */

/** Status colour of a region or an institution (docs/budget.md, "Status colour"). */
export const BUDGET_STATUSES = ['green', 'yellow', 'red', 'none'] as const;

const AMOUNT = { type: String, pattern: '^\\d+$', description: 'Tiyn, as a decimal string' } as const;
const REGION_ID = { type: String, pattern: REGION_ID_PATTERN.source, example: 'KZ-75' } as const;
const BIN = { type: String, pattern: BIN_PATTERN.source, example: '970240000126' } as const;
const LINE_ID = { type: String, pattern: LINE_ID_PATTERN.source, example: '970240000126-253001000-2026' } as const;
const YEAR = { type: 'integer', example: 2026 } as const;
const FUNCTIONAL_GROUP = { enum: FUNCTIONAL_GROUPS, example: '04', description: 'Functional group' } as const;
const PROGRAMME_CODE = {
  type: String,
  pattern: '^\\d{9}$',
  example: '253001000',
  description: 'administrator + programme + subprogramme',
} as const;

// ---- pieces ----

/** What every answer carries. */
export class BudgetMeta {
  @ApiProperty({ type: Boolean, description: 'True while the data set is the generated demo, not real figures' })
  synthetic!: boolean;

  @ApiProperty({
    ...RESPONSE_DATE,
    nullable: true,
    description: 'Date of the last ledger event projected (null before any)',
  })
  asOf!: string | null;
}

@ApiSchema({ description: 'Allocated, committed (open commitments) and paid, with the share paid.' })
export class BudgetAmounts {
  @ApiProperty({ ...AMOUNT, example: '150000000000' })
  allocated!: string;

  @ApiProperty({ ...AMOUNT, example: '90000000000' })
  committed!: string;

  @ApiProperty({ ...AMOUNT, example: '61500000000' })
  paid!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 41,
    description: 'paid / allocated in percent; null when nothing is allocated',
  })
  executionPct!: number | null;
}

@ApiSchema({ description: 'Totals with their status colour.' })
export class BudgetTotals extends BudgetAmounts {
  @ApiProperty({ enum: BUDGET_STATUSES, description: 'green / yellow / red against the share of the year elapsed' })
  status!: (typeof BUDGET_STATUSES)[number];

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 412, description: 'Institutions with a budget' })
  institutions?: number;
}

@ApiSchema({ description: 'A programme of the budget classification, as a line refers to it.' })
export class BudgetProgrammeRef {
  @ApiProperty({ ...PROGRAMME_CODE })
  code!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiProperty({ ...FUNCTIONAL_GROUP })
  functionalGroup!: string;
}

@ApiSchema({ description: 'Totals of one functional group.' })
export class BudgetFunctionalGroupRow extends BudgetAmounts {
  @ApiProperty({ ...FUNCTIONAL_GROUP })
  functionalGroup!: string;

  @ApiPropertyOptional({ type: () => LocalizedText, description: 'Name of the functional group' })
  name?: LocalizedText;
}

// ---- years, regions ----

/** `GET /api/v1/budget/years` */
@ApiSchema({ description: 'Fiscal years with data, latest first, and the current one.' })
export class BudgetYears extends BudgetMeta {
  @ApiProperty({ type: 'integer', isArray: true, example: [2026, 2025] })
  years!: number[];

  @ApiProperty({ ...YEAR })
  current!: number;
}

@ApiSchema({ description: 'A region: its totals for the year and its status colour.' })
export class BudgetRegionRow extends BudgetAmounts {
  @ApiProperty({ ...REGION_ID })
  regionId!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiProperty({ enum: BUDGET_STATUSES })
  status!: (typeof BUDGET_STATUSES)[number];

  @ApiProperty({ type: 'integer', minimum: 0, example: 37, description: 'Institutions with a budget in the region' })
  institutions!: number;
}

/** `GET /api/v1/budget/regions` */
@ApiSchema({ description: 'All 20 regions for a year (no paging), and the country totals.' })
export class BudgetRegions extends BudgetMeta {
  @ApiProperty({ ...YEAR })
  year!: number;

  @ApiProperty({ type: () => BudgetRegionRow, isArray: true })
  items!: BudgetRegionRow[];

  @ApiProperty({ type: () => BudgetTotals })
  totals!: BudgetTotals;
}

/** `GET /api/v1/budget/regions/{regionId}` */
@ApiSchema({ description: 'A region for a year, with its totals per functional group.' })
export class BudgetRegion extends BudgetRegionRow {
  @ApiProperty({ type: Boolean })
  synthetic!: boolean;

  @ApiProperty({ ...RESPONSE_DATE, nullable: true })
  asOf!: string | null;

  @ApiProperty({ ...YEAR })
  year!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 120, description: 'Budget lines in the region' })
  lines?: number;

  @ApiProperty({ type: () => BudgetFunctionalGroupRow, isArray: true })
  functionalGroups!: BudgetFunctionalGroupRow[];
}

// ---- institutions ----

@ApiSchema({ description: 'A state institution.' })
export class BudgetInstitutionRecord {
  @ApiProperty({ ...BIN })
  bin!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiProperty({ ...REGION_ID })
  regionId!: string;

  @ApiProperty({ enum: INSTITUTION_LEVELS })
  level!: (typeof INSTITUTION_LEVELS)[number];
}

/** `PUT /api/v1/budget/institutions/{bin}/name` */
@ApiSchema({ description: 'The institution after a name correction.' })
export class BudgetInstitutionNameCorrection extends BudgetInstitutionRecord {
  @ApiProperty({ description: 'False when the names were these already (nothing was recorded)' })
  changed!: boolean;
}

@ApiSchema({ description: 'A state institution and its totals for the year.' })
export class BudgetInstitutionRow extends BudgetAmounts {
  @ApiProperty({ ...BIN })
  bin!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiProperty({ ...REGION_ID })
  regionId!: string;

  @ApiProperty({ enum: INSTITUTION_LEVELS })
  level!: (typeof INSTITUTION_LEVELS)[number];

  @ApiProperty({ enum: BUDGET_STATUSES })
  status!: (typeof BUDGET_STATUSES)[number];

  @ApiProperty({ type: 'integer', minimum: 0, example: 4, description: 'Budget lines of the institution that year' })
  lines!: number;
}

/** `GET /api/v1/budget/regions/{regionId}/institutions` */
@ApiSchema({ description: 'A page of the institutions of a region (see also the `Link` header).' })
export class BudgetInstitutionPage extends BudgetMeta {
  @ApiProperty({ type: () => BudgetInstitutionRow, isArray: true })
  items!: BudgetInstitutionRow[];

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: 50 })
  pageSize!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 37, description: 'Items over all pages' })
  total!: number;
}

@ApiSchema({ description: 'A budget line of an institution: one programme, one year.' })
export class BudgetLineRow extends BudgetAmounts {
  @ApiProperty({ ...LINE_ID })
  lineId!: string;

  @ApiProperty({ type: () => BudgetProgrammeRef })
  programme!: BudgetProgrammeRef;
}

/** `GET /api/v1/budget/institutions/{bin}` */
@ApiSchema({ description: 'An institution for a year, with its budget lines.' })
export class BudgetInstitution extends BudgetAmounts {
  @ApiProperty({ type: Boolean, description: 'True while the data set is the generated demo' })
  synthetic!: boolean;

  @ApiProperty({ ...RESPONSE_DATE, nullable: true, description: 'Date of the last ledger event projected' })
  asOf!: string | null;

  @ApiProperty({ ...YEAR })
  year!: number;

  @ApiProperty({ ...BIN })
  bin!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiProperty({ ...REGION_ID })
  regionId!: string;

  @ApiProperty({ enum: INSTITUTION_LEVELS })
  level!: (typeof INSTITUTION_LEVELS)[number];

  @ApiProperty({ enum: BUDGET_STATUSES })
  status!: (typeof BUDGET_STATUSES)[number];

  @ApiProperty({ type: () => BudgetLineRow, isArray: true })
  lines!: BudgetLineRow[];
}

// ---- budget lines ----

@ApiSchema({
  description:
    'One ledger transaction of a line, in order (`position` 1, 2, ...). Corrections are new ' +
    'transactions (reduction, amendment, cancellation), never edits.',
})
export class BudgetHistoryEntry {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: "Position in the line's stream" })
  position!: number;

  @ApiProperty({ enum: TRANSACTION_TYPES })
  type!: (typeof TRANSACTION_TYPES)[number];

  @ApiProperty({ ...RESPONSE_DATE })
  date!: string;

  @ApiPropertyOptional({
    ...AMOUNT,
    example: '150000000',
    description: 'Tiyn (all but allocation-amended; the released rest for commitment-cancelled)',
  })
  amount?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: '^-?\\d+$',
    example: '-5000000',
    description: 'Tiyn, signed (allocation-amended)',
  })
  delta?: string;

  @ApiPropertyOptional({ ...AMOUNT, description: 'The allocation after an amendment (allocation-amended)' })
  allocation?: string;

  @ApiPropertyOptional({ type: String, example: 'C-17' })
  commitmentId?: string;

  @ApiPropertyOptional({ type: String, example: 'P-3' })
  paymentId?: string;

  @ApiPropertyOptional({ ...BIN, description: "Supplier's public business id (commitment-registered)" })
  supplierBin?: string;

  @ApiPropertyOptional({ type: String, description: 'Why (allocation-amended)' })
  reason?: string;

  @ApiProperty({ type: String, example: 'KZ-2026-000001' })
  transactionId!: string;
}

@ApiSchema({ description: 'An institution as a line refers to it.' })
export class BudgetInstitutionRef {
  @ApiProperty({ ...BIN })
  bin!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;
}

@ApiSchema({ description: 'A budget line: institution × programme × fiscal year, and its totals.' })
export class BudgetLineSummary extends BudgetAmounts {
  @ApiProperty({ ...LINE_ID })
  lineId!: string;

  @ApiProperty({ ...BIN })
  bin!: string;

  @ApiProperty({ ...YEAR })
  fiscalYear!: number;

  @ApiProperty({ ...REGION_ID })
  regionId!: string;

  @ApiProperty({ enum: INSTITUTION_LEVELS })
  level!: (typeof INSTITUTION_LEVELS)[number];

  @ApiProperty({ ...FUNCTIONAL_GROUP })
  functionalGroup!: string;

  @ApiPropertyOptional({ type: () => BudgetInstitutionRef, description: 'The institution' })
  institution?: BudgetInstitutionRef;

  @ApiPropertyOptional({ type: () => BudgetProgrammeRef, description: 'The programme' })
  programme?: BudgetProgrammeRef;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 12, description: 'Ledger events of the line' })
  events?: number;

  @ApiPropertyOptional({ ...RESPONSE_DATE, description: 'Date of its last transaction' })
  lastDate?: string;
}

/** `GET /api/v1/budget/lines/{lineId}` */
@ApiSchema({ description: 'A budget line with its whole ledger history.' })
export class BudgetLine extends BudgetLineSummary {
  @ApiProperty({ type: Boolean, description: 'True while the data set is the generated demo' })
  synthetic!: boolean;

  @ApiProperty({ ...RESPONSE_DATE, nullable: true, description: 'Date of the last ledger event projected' })
  asOf!: string | null;

  @ApiProperty({ type: () => BudgetHistoryEntry, isArray: true })
  history!: BudgetHistoryEntry[];
}

// ---- programmes, functional groups ----

@ApiSchema({ description: 'A programme of the budget classification and its totals for the year.' })
export class BudgetProgrammeRow extends BudgetAmounts {
  @ApiProperty({ ...PROGRAMME_CODE })
  code!: string;

  @ApiProperty({ type: String, example: '253' })
  administrator!: string;

  @ApiProperty({ type: String, example: '001' })
  programme!: string;

  @ApiProperty({ type: String, example: '000' })
  subprogramme!: string;

  @ApiProperty({ ...FUNCTIONAL_GROUP })
  functionalGroup!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;
}

/** `GET /api/v1/budget/programmes` */
@ApiSchema({ description: 'A page of programme totals (see also the `Link` header).' })
export class BudgetProgrammePage extends BudgetMeta {
  @ApiProperty({ ...YEAR })
  year!: number;

  @ApiProperty({ type: () => BudgetProgrammeRow, isArray: true })
  items!: BudgetProgrammeRow[];

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: 50 })
  pageSize!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 230, description: 'Items over all pages' })
  total!: number;
}

/** `GET /api/v1/budget/functional-groups` */
@ApiSchema({ description: 'Totals per functional group, for the country or one region.' })
export class BudgetFunctionalGroups extends BudgetMeta {
  @ApiProperty({ ...YEAR })
  year!: number;

  @ApiProperty({ type: String, example: 'KZ', description: '`KZ` for the whole country, else the region' })
  regionId!: string;

  @ApiProperty({ type: () => BudgetFunctionalGroupRow, isArray: true })
  items!: BudgetFunctionalGroupRow[];

  @ApiPropertyOptional({ type: () => BudgetAmounts })
  totals?: BudgetAmounts;
}

// ---- open data ----

@ApiSchema({ description: 'A file of the data package.' })
export class BudgetDataResource {
  @ApiProperty({ type: String, example: 'transactions' })
  name!: string;

  @ApiProperty({ type: String, example: 'transactions.csv', description: 'Relative to the descriptor' })
  path!: string;

  @ApiPropertyOptional({ type: String, example: 'text/csv' })
  mediatype?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Table Schema of the file (fields and types)',
  })
  schema?: Record<string, unknown>;
}

/** `GET /api/v1/budget/open-data/datapackage.json` */
@ApiSchema({
  description:
    'Fiscal Data Package descriptor (Frictionless Data) of the open budget data: its CSV files and how to ' +
    'read them.',
})
export class BudgetDataPackage {
  @ApiProperty({ type: String, example: 'adal-office-open-budget' })
  name!: string;

  @ApiPropertyOptional({ type: String, example: 'Open budget of Kazakhstan (synthetic demo)' })
  title?: string;

  @ApiPropertyOptional({ type: String, example: 'fiscal-data-package' })
  profile?: string;

  @ApiProperty({ type: () => BudgetDataResource, isArray: true })
  resources!: BudgetDataResource[];
}

// ---- command answers ----

/** `POST /api/v1/budget/programmes` */
@ApiSchema({ description: 'A programme of the budget classification.' })
export class BudgetProgrammeRecord {
  @ApiProperty({ ...PROGRAMME_CODE })
  code!: string;

  @ApiProperty({ type: String, example: '253' })
  administrator!: string;

  @ApiProperty({ type: String, example: '001' })
  programme!: string;

  @ApiProperty({ type: String, example: '000' })
  subprogramme!: string;

  @ApiProperty({ ...FUNCTIONAL_GROUP })
  functionalGroup!: string;

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;
}

@ApiSchema({ description: 'A row of an import that was not applied, and why.' })
export class BudgetImportRejection {
  @ApiProperty({ type: 'integer', minimum: 2, example: 17, description: 'Line of the file (1 = the header)' })
  line!: number;

  @ApiProperty({ type: String, example: 'amount_tiyn', description: 'The column at fault' })
  field!: string;

  @ApiProperty({ type: String, example: 'COMMITTED_EXCEEDS_ALLOCATION', description: 'Machine-readable reason' })
  code!: string;

  @ApiProperty({ type: () => LocalizedText, description: 'The reason in Kazakh, Russian and English' })
  message!: LocalizedText;
}

/** `POST /api/v1/budget/imports` */
@ApiSchema({ description: 'What an import did: good rows went in, bad rows are listed with their line.' })
export class BudgetImportReport {
  @ApiProperty({ type: 'integer', minimum: 0, example: 1200, description: 'Data rows read' })
  rows!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1180, description: 'Rows that changed the ledger' })
  applied!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 15,
    description: 'Rows whose transaction id the line had already seen (nothing changed)',
  })
  duplicates!: number;

  @ApiProperty({ type: () => BudgetImportRejection, isArray: true })
  rejected!: BudgetImportRejection[];
}
