/**
 * Read-model tables of the budget ledger, schema `budget_read` (docs/budget.md, "Read models"),
 * declared with MikroORM `defineEntity` so the schema generator creates them (safe update only,
 * see orm.ts) and the query side can use them. They are written by `BudgetProjector` with
 * set-based SQL, straight from the service's own event store, and can be rebuilt from zero.
 *
 * Amounts are tiyn in `numeric(20)`: one amount fits a bigint, but sums of many may not.
 * Values come from the events only (never the clock), so a rebuild gives the same rows.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** The PostgreSQL schema of every budget read-model table. */
export const READ_SCHEMA = 'budget_read';

/** `"budget_read"."<table>"`, for raw SQL. */
export const qualified = (table: string): string => `"${READ_SCHEMA}"."${table}"`;

/** The id of the country row of `functional_group_year`. */
export const COUNTRY_ID = 'KZ';

/** The name of the (only) checkpoint row written by `BudgetProjector`. */
export const PROJECTION_NAME = 'budget';

const amount = () => p.decimal('string').precision(20).scale(0).default(0);

export const InstitutionView = defineEntity({
  name: 'BudgetInstitutionView',
  tableName: 'institution',
  schema: READ_SCHEMA,
  properties: {
    bin: p.string().length(12).primary(),
    nameKk: p.string().length(300),
    nameRu: p.string().length(300),
    nameEn: p.string().length(300),
    regionId: p.string().length(8),
    /** republican | regional | district | rural */
    level: p.string().length(16),
  },
  indexes: [{ properties: ['regionId'] }],
});
export type InstitutionView = InferEntity<typeof InstitutionView>;

export const ProgrammeView = defineEntity({
  name: 'BudgetProgrammeView',
  tableName: 'programme',
  schema: READ_SCHEMA,
  properties: {
    /** administrator + programme + subprogramme, 9 digits. */
    code: p.string().length(9).primary(),
    administrator: p.string().length(3),
    programme: p.string().length(3),
    subprogramme: p.string().length(3),
    functionalGroup: p.string().length(2),
    nameKk: p.string().length(300),
    nameRu: p.string().length(300),
    nameEn: p.string().length(300),
  },
});
export type ProgrammeView = InferEntity<typeof ProgrammeView>;

export const BudgetLineView = defineEntity({
  name: 'BudgetLineView',
  tableName: 'budget_line',
  schema: READ_SCHEMA,
  properties: {
    lineId: p.string().length(32).primary(),
    bin: p.string().length(12),
    programmeCode: p.string().length(9),
    fiscalYear: p.integer(),
    regionId: p.string().length(8),
    level: p.string().length(16),
    functionalGroup: p.string().length(2),
    allocated: amount(),
    /** Open commitments: registered - reduced - released by cancellations. */
    committed: amount(),
    paid: amount(),
    /** Ledger transactions on the line (every event but `BudgetLineOpened`). */
    events: p.integer().default(0),
    /** Latest transaction date, `YYYY-MM-DD`. */
    lastDate: p.string().length(10).nullable(),
  },
  indexes: [
    { properties: ['bin', 'fiscalYear'] },
    { properties: ['programmeCode', 'fiscalYear'] },
    // The latest date of a fiscal year (the `asOf` of its answers) without a scan.
    { properties: ['fiscalYear', 'lastDate'] },
  ],
});
export type BudgetLineView = InferEntity<typeof BudgetLineView>;

export const RegionYearView = defineEntity({
  name: 'BudgetRegionYearView',
  tableName: 'region_year',
  schema: READ_SCHEMA,
  properties: {
    regionId: p.string().length(8).primary(),
    fiscalYear: p.integer().primary(),
    allocated: amount(),
    committed: amount(),
    paid: amount(),
    /** Distinct institutions with a line in the region and year. */
    institutions: p.integer().default(0),
    lines: p.integer().default(0),
  },
});
export type RegionYearView = InferEntity<typeof RegionYearView>;

export const InstitutionYearView = defineEntity({
  name: 'BudgetInstitutionYearView',
  tableName: 'institution_year',
  schema: READ_SCHEMA,
  properties: {
    bin: p.string().length(12).primary(),
    fiscalYear: p.integer().primary(),
    regionId: p.string().length(8),
    level: p.string().length(16),
    allocated: amount(),
    committed: amount(),
    paid: amount(),
    lines: p.integer().default(0),
  },
  indexes: [{ properties: ['regionId', 'fiscalYear'] }],
});
export type InstitutionYearView = InferEntity<typeof InstitutionYearView>;

export const ProgrammeYearView = defineEntity({
  name: 'BudgetProgrammeYearView',
  tableName: 'programme_year',
  schema: READ_SCHEMA,
  properties: {
    code: p.string().length(9).primary(),
    fiscalYear: p.integer().primary(),
    functionalGroup: p.string().length(2),
    allocated: amount(),
    committed: amount(),
    paid: amount(),
    lines: p.integer().default(0),
  },
  indexes: [{ properties: ['fiscalYear', 'functionalGroup'] }],
});
export type ProgrammeYearView = InferEntity<typeof ProgrammeYearView>;

export const FunctionalGroupYearView = defineEntity({
  name: 'BudgetFunctionalGroupYearView',
  tableName: 'functional_group_year',
  schema: READ_SCHEMA,
  properties: {
    /** A region id, or `KZ` for the whole country. */
    regionId: p.string().length(8).primary(),
    functionalGroup: p.string().length(2).primary(),
    fiscalYear: p.integer().primary(),
    allocated: amount(),
    committed: amount(),
    paid: amount(),
  },
});
export type FunctionalGroupYearView = InferEntity<typeof FunctionalGroupYearView>;

/** Where the projection stands; moves in the same transaction as the rows it describes. */
export const ProjectionCheckpointView = defineEntity({
  name: 'BudgetProjectionCheckpoint',
  tableName: 'projection_checkpoint',
  schema: READ_SCHEMA,
  properties: {
    name: p.string().length(32).primary(),
    /** Global position of the last event projected (0 before any). */
    position: p.bigint('string').default(0),
    /** Latest ledger transaction date projected, `YYYY-MM-DD`. */
    asOf: p.string().length(10).nullable(),
    /** Ledger events projected (line events, `BudgetLineOpened` excluded). */
    ledgerEvents: p.bigint('string').default(0),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type ProjectionCheckpointView = InferEntity<typeof ProjectionCheckpointView>;

export const budgetReadEntities = [
  InstitutionView,
  ProgrammeView,
  BudgetLineView,
  RegionYearView,
  InstitutionYearView,
  ProgrammeYearView,
  FunctionalGroupYearView,
  ProjectionCheckpointView,
];

/** The tables a rebuild empties (everything but the checkpoint, which it rewrites). */
export const PROJECTED_TABLES = [
  'institution',
  'programme',
  'budget_line',
  'region_year',
  'institution_year',
  'programme_year',
  'functional_group_year',
] as const;
