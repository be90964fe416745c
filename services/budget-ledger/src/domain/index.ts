/**
 * The budget-ledger domain (docs/budget.md): pure deciders (`decide(command, state) -> events`,
 * `evolve(state, event) -> state`) with no framework, clock, randomness or I/O. Dates come in as
 * command fields; refusals are `DomainError`s with a stable `code` (and `field`), whose kk/ru/en
 * texts are in `messages.ts`. Amounts are `bigint` tiyn in code, decimal strings in events.
 *
 * Three aggregates, one stream each:
 * | aggregate   | stream                                  | guards                                        |
 * |-------------|-----------------------------------------|-----------------------------------------------|
 * | Institution | `institution-{bin}`                     | BIN checksum, region, level, names            |
 * | Programme   | `programme-{code}`                      | classification codes, functional group, names |
 * | BudgetLine  | `budgetline-{bin}-{code}-{fiscalYear}`  | paid <= committed <= allocation, idempotency  |
 */

// shared vocabulary, reference data, errors and messages
export * from './shared/vocabulary.js';
export * from './shared/regions.js';
export * from './shared/functional-groups.js';
export * from './shared/bin.js';
export * from './shared/dates.js';
export * from './shared/money.js';
export * from './shared/streams.js';
export * from './shared/status.js';
export * from './shared/persistent.js';
export {
  DOMAIN_ERROR_KINDS,
  DomainError,
  isDomainError,
  type DomainErrorCode,
  type DomainErrorKind,
  type DomainErrorOptions,
  type MessageParams,
} from './shared/domain-error.js';
export * from './messages.js';

// institution
export * from './institution/institution.events.js';
export * from './institution/institution.decider.js';

// programme
export * from './programme/programme.events.js';
export * from './programme/programme.decider.js';

// budget line
export * from './budget-line/budget-line.events.js';
export * from './budget-line/budget-line.decider.js';

// input guards, for the edge (path parameters, import rows)
export {
  requireBin,
  requireDate,
  requireFiscalYear,
  requireId,
  requireRegionId,
  requireLevel,
  requireFunctionalGroup,
  requireLineId,
  MAX_NAME_LENGTH,
} from './shared/validation.js';
