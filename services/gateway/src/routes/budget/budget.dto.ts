import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import type { MessageKey, MessageParams } from '../../i18n/messages.js';
import { IsDateOnly, IsOneOf, IsText, Required, type RuleContext } from '../../validation/rules.js';
import { NestedObject } from '../queue/nested.js';

/**
 * Request shapes of the open budget routes (docs/budget.md, "Public HTTP API"; docs/api.md,
 * "Budget routes"). Validated by `RequestValidationPipe` before anything is forwarded: a bad
 * value is a 422 naming the field (400 when it has the wrong JSON type, or a query parameter is
 * repeated); unknown query parameters are dropped, unknown body fields refused.
 *
 * Query parameters arrive as strings: numeric ones are checked as decimal integers and
 * forwarded as the caller wrote them.
 */

export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;
export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 500;

export const INSTITUTION_LEVELS = ['republican', 'regional', 'district', 'rural'] as const;
export const INSTITUTION_SORTS = ['name', 'allocated', 'paid', 'executionPct'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;
/** `?format=csv`: the same answer as CSV (all pages of a list). `Accept: text/csv` does the same. */
export const ANSWER_FORMATS = ['json', 'csv'] as const;
/** Functional groups of Kazakhstan's budget classification, `01`..`13`. */
export const FUNCTIONAL_GROUPS = Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0'));
/** The open data files (`/open-data/{resource}.csv`). */
export const OPEN_DATA_RESOURCES = ['institutions', 'programmes', 'budget-lines', 'transactions'] as const;
/** Ledger transactions of a budget line, as the command API and the import format name them. */
export const TRANSACTION_TYPES = [
  'allocation-approved',
  'allocation-amended',
  'commitment-registered',
  'commitment-reduced',
  'commitment-cancelled',
  'payment-made',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const REGION_ID_PATTERN = /^KZ-\d{2}$/;
export const BIN_PATTERN = /^\d{12}$/;
/** `{bin}-{administrator}{programme}{subprogramme}-{fiscalYear}`. */
export const LINE_ID_PATTERN = /^\d{12}-\d{9}-\d{4}$/;
export const CODE3_PATTERN = /^\d{3}$/;
/** Transaction, commitment and payment ids: 1..64 of `A-Z a-z 0-9 . _ : / -`. */
export const TRANSACTION_ID_PATTERN = /^[A-Za-z0-9._:/-]{1,64}$/;
/** A positive whole number of tiyn, as a decimal string (fits `numeric(20)`). */
export const AMOUNT_PATTERN = /^[1-9]\d{0,18}$/;
/** A signed, non-zero whole number of tiyn, as a decimal string. */
export const DELTA_PATTERN = /^-?[1-9]\d{0,18}$/;

const RANK = { required: 0, type: 1, format: 2, range: 3, relation: 4 } as const;

type Test = (value: unknown, object: Record<string, unknown>) => boolean;

/** A rule whose failure carries a message key (localized later) and a kind (400 vs 422). */
const rule = (name: string, context: RuleContext, test: Test): PropertyDecorator =>
  ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown, args) =>
          value === undefined || test(value, (args?.object ?? {}) as Record<string, unknown>),
        defaultMessage: () => context.key,
      },
    },
    { context },
  );

const combine =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };

const IsStringType = (): PropertyDecorator =>
  rule('string', { key: 'field.string', kind: 'type', rank: RANK.type }, (v) => typeof v === 'string');

/** A string matching `pattern`; the message shows an `example`, or says how many digits. */
const Matches = (
  name: string,
  pattern: RegExp,
  message: { key: MessageKey; params?: MessageParams },
): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      name,
      { key: message.key, ...(message.params ? { params: message.params } : {}), kind: 'value', rank: RANK.format },
      (v) => typeof v !== 'string' || pattern.test(v),
    ),
  );

/** A query parameter holding a decimal integer from `min` to `max`. */
export const IsQueryInt = (min: number, max: number): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      'queryInt',
      { key: 'field.range', params: { min, max }, kind: 'value', rank: RANK.range },
      (v) => typeof v !== 'string' || (/^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max),
    ),
  );

export const IsRegionId = (): PropertyDecorator =>
  Matches('regionId', REGION_ID_PATTERN, { key: 'field.pattern', params: { example: 'KZ-75' } });
export const IsBin = (): PropertyDecorator =>
  Matches('bin', BIN_PATTERN, { key: 'field.digits', params: { count: 12 } });
export const IsLineId = (): PropertyDecorator =>
  Matches('lineId', LINE_ID_PATTERN, { key: 'field.pattern', params: { example: '970240000126-253001000-2026' } });
export const IsCode3 = (): PropertyDecorator =>
  Matches('code3', CODE3_PATTERN, { key: 'field.digits', params: { count: 3 } });
export const IsTransactionId = (): PropertyDecorator =>
  Matches('transactionId', TRANSACTION_ID_PATTERN, { key: 'field.transactionId' });
export const IsAmount = (): PropertyDecorator => Matches('amount', AMOUNT_PATTERN, { key: 'field.amount' });
export const IsDelta = (): PropertyDecorator => Matches('delta', DELTA_PATTERN, { key: 'field.delta' });

/** Required when the transaction `type` is one of `types`. */
const RequiredFor = (types: readonly TransactionType[]): PropertyDecorator =>
  ValidateBy(
    {
      name: 'requiredFor',
      validator: {
        validate: (v: unknown, args) =>
          v !== undefined || !(types as readonly unknown[]).includes((args?.object as Record<string, unknown>)['type']),
        defaultMessage: () => 'requiredFor',
      },
    },
    {
      context: {
        key: 'field.requiredFor',
        params: { other: 'type', values: types.join(', ') },
        kind: 'value',
        rank: RANK.required,
      } satisfies RuleContext,
    },
  );

/** Allowed only when the transaction `type` is one of `types`. */
const OnlyFor = (types: readonly TransactionType[]): PropertyDecorator =>
  rule(
    'onlyFor',
    { key: 'field.onlyFor', params: { other: 'type', values: types.join(', ') }, kind: 'value', rank: RANK.relation },
    (_v, o) => (types as readonly unknown[]).includes(o['type']),
  );

const YEAR = {
  type: 'integer',
  minimum: MIN_FISCAL_YEAR,
  maximum: MAX_FISCAL_YEAR,
  example: 2026,
} as const;
const REGION_ID = { type: String, pattern: REGION_ID_PATTERN.source, example: 'KZ-75' } as const;
const BIN = { type: String, pattern: BIN_PATTERN.source, example: '970240000126' } as const;
const LINE_ID = { type: String, pattern: LINE_ID_PATTERN.source, example: '970240000126-253001000-2026' } as const;
const CODE3 = { type: String, pattern: CODE3_PATTERN.source } as const;
const ID = { type: String, pattern: TRANSACTION_ID_PATTERN.source } as const;
const AMOUNT = { type: String, pattern: AMOUNT_PATTERN.source, example: '150000000' } as const;
const DATE = { type: String, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-02-14' } as const;

// ---- path parameters ----

export class BudgetRegionParams {
  @ApiProperty({ ...REGION_ID, description: 'ISO 3166-2:KZ region id (`KZ-10` ... `KZ-79`)' })
  @Required()
  @IsRegionId()
  regionId!: string;
}

export class BudgetInstitutionParams {
  @ApiProperty({ ...BIN, description: 'Business identification number of the institution (12 digits)' })
  @Required()
  @IsBin()
  bin!: string;
}

export class BudgetLineParams {
  @ApiProperty({ ...LINE_ID, description: 'Budget line: `{bin}-{administrator}{programme}{subprogramme}-{year}`' })
  @Required()
  @IsLineId()
  lineId!: string;
}

export class OpenDataResourceParams {
  @ApiProperty({ enum: OPEN_DATA_RESOURCES, description: 'Which open data file' })
  @Required()
  @IsOneOf(OPEN_DATA_RESOURCES)
  resource!: (typeof OPEN_DATA_RESOURCES)[number];
}

// ---- queries ----

export class BudgetFormatQuery {
  @ApiPropertyOptional({
    enum: ANSWER_FORMATS,
    description: '`csv`: the same answer as `text/csv` (a list: all its pages); as `Accept: text/csv` does',
  })
  @IsOneOf(ANSWER_FORMATS)
  format?: (typeof ANSWER_FORMATS)[number];
}

export class BudgetYearQuery extends BudgetFormatQuery {
  @ApiPropertyOptional({ ...YEAR, description: 'Fiscal year (default: the current one)' })
  @IsQueryInt(MIN_FISCAL_YEAR, MAX_FISCAL_YEAR)
  year?: string;
}

export class BudgetPageQuery extends BudgetYearQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, example: 1, description: 'Default 1' })
  @IsQueryInt(1, MAX_PAGE)
  page?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    example: 50,
    description: `Items per page (default 50, at most ${MAX_PAGE_SIZE})`,
  })
  @IsQueryInt(1, MAX_PAGE_SIZE)
  pageSize?: string;
}

export class BudgetInstitutionsQuery extends BudgetPageQuery {
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 100,
    description: 'Search in the names (any language) and the BIN',
  })
  @IsText(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: INSTITUTION_LEVELS, description: 'Only institutions of this level' })
  @IsOneOf(INSTITUTION_LEVELS)
  level?: (typeof INSTITUTION_LEVELS)[number];

  @ApiPropertyOptional({ enum: INSTITUTION_SORTS, description: 'Sort key (default `name`)' })
  @IsOneOf(INSTITUTION_SORTS)
  sort?: (typeof INSTITUTION_SORTS)[number];

  @ApiPropertyOptional({ enum: SORT_ORDERS, description: 'Default `asc` for `name`, else `desc`' })
  @IsOneOf(SORT_ORDERS)
  order?: (typeof SORT_ORDERS)[number];
}

export class BudgetProgrammesQuery extends BudgetPageQuery {
  @ApiPropertyOptional({ enum: FUNCTIONAL_GROUPS, description: 'Only programmes of this functional group' })
  @IsOneOf(FUNCTIONAL_GROUPS)
  functionalGroup?: string;
}

export class BudgetFunctionalGroupsQuery extends BudgetYearQuery {
  @ApiPropertyOptional({ ...REGION_ID, description: 'Only this region (default: the whole country)' })
  @IsRegionId()
  regionId?: string;
}

// ---- command bodies ----

export class BudgetNameBody {
  @ApiProperty({ type: String, minLength: 1, maxLength: 300, description: 'Kazakh', example: 'Аудандық әкімдік' })
  @Required()
  @IsText(1, 300)
  kk!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 300, description: 'Russian', example: 'Районный акимат' })
  @Required()
  @IsText(1, 300)
  ru!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 300, description: 'English', example: 'District akimat' })
  @Required()
  @IsText(1, 300)
  en!: string;
}

/** `PUT /api/v1/budget/institutions/{bin}/name` (`CorrectInstitutionName`). */
export class CorrectInstitutionNameBody {
  @ApiProperty({ type: () => BudgetNameBody, description: 'The corrected names in Kazakh, Russian and English' })
  @Required()
  @NestedObject(() => BudgetNameBody)
  name!: BudgetNameBody;
}

/** `POST /api/v1/budget/institutions` (`RegisterInstitution`). */
export class RegisterInstitutionBody {
  @ApiProperty({ ...BIN, description: 'BIN with a valid check digit (checked by the service)' })
  @Required()
  @IsBin()
  bin!: string;

  @ApiProperty({ type: () => BudgetNameBody })
  @Required()
  @NestedObject(() => BudgetNameBody)
  name!: BudgetNameBody;

  @ApiProperty({ ...REGION_ID, description: 'One of the 20 regions (`shared/geo/kz-regions.geojson`)' })
  @Required()
  @IsRegionId()
  regionId!: string;

  @ApiProperty({ enum: INSTITUTION_LEVELS })
  @Required()
  @IsOneOf(INSTITUTION_LEVELS)
  level!: (typeof INSTITUTION_LEVELS)[number];
}

/** `POST /api/v1/budget/programmes` (`RegisterProgramme`). */
export class RegisterProgrammeBody {
  @ApiProperty({ ...CODE3, example: '253', description: 'Budget programme administrator (3 digits)' })
  @Required()
  @IsCode3()
  administrator!: string;

  @ApiProperty({ ...CODE3, example: '001', description: 'Programme (3 digits)' })
  @Required()
  @IsCode3()
  programme!: string;

  @ApiProperty({ ...CODE3, example: '000', description: 'Subprogramme (3 digits, `000` when none)' })
  @Required()
  @IsCode3()
  subprogramme!: string;

  @ApiProperty({ enum: FUNCTIONAL_GROUPS, example: '04', description: 'Functional group' })
  @Required()
  @IsOneOf(FUNCTIONAL_GROUPS)
  functionalGroup!: string;

  @ApiProperty({ type: () => BudgetNameBody })
  @Required()
  @NestedObject(() => BudgetNameBody)
  name!: BudgetNameBody;
}

const WITH_AMOUNT: readonly TransactionType[] = [
  'allocation-approved',
  'commitment-registered',
  'commitment-reduced',
  'payment-made',
];
const ON_COMMITMENT: readonly TransactionType[] = [
  'commitment-registered',
  'commitment-reduced',
  'commitment-cancelled',
  'payment-made',
];

/** `POST /api/v1/budget/lines/{lineId}/transactions`: one ledger transaction. */
export class BudgetTransactionBody {
  @ApiProperty({ enum: TRANSACTION_TYPES })
  @Required()
  @IsOneOf(TRANSACTION_TYPES)
  type!: TransactionType;

  @ApiProperty({
    ...ID,
    example: 'KZ-2026-000001',
    description: 'Idempotency key: a transaction id the line has already seen changes nothing',
  })
  @Required()
  @IsTransactionId()
  transactionId!: string;

  @ApiPropertyOptional({
    ...AMOUNT,
    description: `Tiyn, positive (${WITH_AMOUNT.join(', ')})`,
  })
  @RequiredFor(WITH_AMOUNT)
  @IsAmount()
  @OnlyFor(WITH_AMOUNT)
  amount?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: DELTA_PATTERN.source,
    example: '-5000000',
    description: 'Tiyn, signed, not 0 (allocation-amended)',
  })
  @RequiredFor(['allocation-amended'])
  @IsDelta()
  @OnlyFor(['allocation-amended'])
  delta?: string;

  @ApiProperty({ ...DATE, description: 'Within the fiscal year of the line' })
  @Required()
  @IsDateOnly()
  date!: string;

  @ApiPropertyOptional({ ...ID, example: 'C-17', description: `The commitment (${ON_COMMITMENT.join(', ')})` })
  @RequiredFor(ON_COMMITMENT)
  @IsTransactionId()
  @OnlyFor(ON_COMMITMENT)
  commitmentId?: string;

  @ApiPropertyOptional({ ...ID, example: 'P-3', description: 'The payment (payment-made)' })
  @RequiredFor(['payment-made'])
  @IsTransactionId()
  @OnlyFor(['payment-made'])
  paymentId?: string;

  @ApiPropertyOptional({
    ...BIN,
    description: "The supplier's public business id, never a person's IIN (commitment-registered)",
  })
  @IsBin()
  @OnlyFor(['commitment-registered'])
  supplierBin?: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 500, description: 'Why (allocation-amended)' })
  @IsText(1, 500)
  @OnlyFor(['allocation-amended'])
  reason?: string;
}
