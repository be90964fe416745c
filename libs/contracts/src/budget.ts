import { z } from 'zod';
import { defineContract, type ContractData } from './contracts.js';

/**
 * Public integration events of the budget-ledger service (docs/budget.md), topic
 * `budget.events`. Keys (`subject`): the BIN for an institution, the 9-digit code for a
 * programme, the line id for every line event, so each line's transactions stay in order.
 *
 * No personal data exists here: institutions and suppliers are identified by BINs, public
 * business ids (a supplier BIN is never a person's IIN). Amounts are decimal strings of tiyn
 * (1 tenge = 100 tiyn): JSON numbers lose precision above 2^53.
 */
export const BUDGET_SOURCE = '/adal-office/budget-ledger';
export const BUDGET_TOPIC = 'budget.events';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const bin = z.string().regex(/^\d{12}$/);
const regionId = z.string().regex(/^KZ-\d{2}$/);
const level = z.enum(['republican', 'regional', 'district', 'rural']);
const code3 = z.string().regex(/^\d{3}$/);
const programmeCode = z.string().regex(/^\d{9}$/);
const functionalGroup = z.string().regex(/^(0[1-9]|1[0-3])$/);
const fiscalYear = z.number().int().min(2000).max(2100);
const lineId = z.string().regex(/^\d{12}-\d{9}-\d{4}$/);
const transactionId = z.string().regex(/^[A-Za-z0-9._:/-]{1,64}$/);
const ledgerId = z.string().regex(/^[A-Za-z0-9._:/-]{1,64}$/);
const name = z.object({
  kk: z.string().min(1).max(300),
  ru: z.string().min(1).max(300),
  en: z.string().min(1).max(300),
});
/** The ledger's bound on any amount (docs/budget.md): 10^18 tiyn. */
const MAX_TIYN = 10n ** 18n;
/** zod runs every check even after the pattern failed: only an integer may reach `BigInt`. */
const withinBound = (value: string): boolean => {
  if (!/^-?\d{1,30}$/.test(value)) return true; // the pattern reports it
  const amount = BigInt(value);
  return amount <= MAX_TIYN && amount >= -MAX_TIYN;
};
const decimal = (pattern: RegExp, what: string) =>
  z.string().regex(pattern, what).refine(withinBound, 'at most 10^18 tiyn');
const positiveTiyn = decimal(/^[1-9]\d{0,18}$/, 'a positive decimal string of tiyn');
const signedTiyn = decimal(/^-?[1-9]\d{0,18}$/, 'a non-zero signed decimal string of tiyn');
const tiyn = decimal(/^(0|[1-9]\d{0,18})$/, 'a non-negative decimal string of tiyn');

/** Every line event: which line, which source transaction (the idempotency key) and when. */
const lineEvent = { lineId, transactionId, date: localDate };

export const InstitutionRegistered = defineContract('budget.InstitutionRegistered', [
  { version: 1, schema: z.object({ bin, name, regionId, level }) },
]);

/** Region and level never change for a BIN; only names are corrected. */
export const InstitutionNameCorrected = defineContract('budget.InstitutionNameCorrected', [
  { version: 1, schema: z.object({ bin, name }) },
]);

export const ProgrammeRegistered = defineContract('budget.ProgrammeRegistered', [
  {
    version: 1,
    schema: z.object({
      code: programmeCode,
      administrator: code3,
      programme: code3,
      subprogramme: code3,
      functionalGroup,
      name,
    }),
  },
]);

/** Institution x programme x fiscal year, with where it sits (for region and group totals). */
export const BudgetLineOpened = defineContract('budget.BudgetLineOpened', [
  {
    version: 1,
    schema: z.object({
      ...lineEvent,
      line: z.object({
        bin,
        regionId,
        level,
        administrator: code3,
        programme: code3,
        subprogramme: code3,
        functionalGroup,
        fiscalYear,
      }),
    }),
  },
]);

/** IATI: budget. */
export const AllocationApproved = defineContract('budget.AllocationApproved', [
  { version: 1, schema: z.object({ ...lineEvent, amount: positiveTiyn }) },
]);

/** A signed change of the allocation; `allocation` is the total after it. */
export const AllocationAmended = defineContract('budget.AllocationAmended', [
  {
    version: 1,
    schema: z.object({ ...lineEvent, delta: signedTiyn, allocation: tiyn, reason: z.string().max(500).optional() }),
  },
]);

/** IATI: 2 Outgoing Commitment. */
export const CommitmentRegistered = defineContract('budget.CommitmentRegistered', [
  {
    version: 1,
    schema: z.object({ ...lineEvent, commitmentId: ledgerId, amount: positiveTiyn, supplierBin: bin.optional() }),
  },
]);

export const CommitmentReduced = defineContract('budget.CommitmentReduced', [
  { version: 1, schema: z.object({ ...lineEvent, commitmentId: ledgerId, amount: positiveTiyn }) },
]);

/** `released`: the unpaid rest that goes back to the allocation. */
export const CommitmentCancelled = defineContract('budget.CommitmentCancelled', [
  { version: 1, schema: z.object({ ...lineEvent, commitmentId: ledgerId, released: positiveTiyn }) },
]);

/** IATI: 4 Expenditure / 3 Disbursement. */
export const PaymentMade = defineContract('budget.PaymentMade', [
  { version: 1, schema: z.object({ ...lineEvent, commitmentId: ledgerId, paymentId: ledgerId, amount: positiveTiyn }) },
]);

export const budgetContracts = [
  InstitutionRegistered,
  InstitutionNameCorrected,
  ProgrammeRegistered,
  BudgetLineOpened,
  AllocationApproved,
  AllocationAmended,
  CommitmentRegistered,
  CommitmentReduced,
  CommitmentCancelled,
  PaymentMade,
] as const;

export type InstitutionRegisteredV1 = ContractData<typeof InstitutionRegistered>;
export type InstitutionNameCorrectedV1 = ContractData<typeof InstitutionNameCorrected>;
export type ProgrammeRegisteredV1 = ContractData<typeof ProgrammeRegistered>;
export type BudgetLineOpenedV1 = ContractData<typeof BudgetLineOpened>;
export type AllocationApprovedV1 = ContractData<typeof AllocationApproved>;
export type AllocationAmendedV1 = ContractData<typeof AllocationAmended>;
export type CommitmentRegisteredV1 = ContractData<typeof CommitmentRegistered>;
export type CommitmentReducedV1 = ContractData<typeof CommitmentReduced>;
export type CommitmentCancelledV1 = ContractData<typeof CommitmentCancelled>;
export type PaymentMadeV1 = ContractData<typeof PaymentMade>;
