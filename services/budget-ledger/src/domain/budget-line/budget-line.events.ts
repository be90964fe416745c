/**
 * Events of a budget line (institution x programme x fiscal year), stream
 * `budgetline-{lineId}` with `lineId = {bin}-{programmeCode}-{fiscalYear}`.
 *
 * Every event carries the line id (so a projection or a CSV export needs no stream-name
 * parsing), the `transactionId` of the command that produced it (the idempotency key of
 * imports) and the transaction `date`. Amounts are positive decimal strings of tiyn; only the
 * amendment `delta` is signed (never 0).
 */
import type { DomainEvent } from '@adal/event-store';
import type { InstitutionLevel, LocalDate, TiynString } from '../shared/vocabulary.js';

/**
 * Where the line sits, copied onto the line when it opens (the application fills it from the
 * institution and programme streams; the decider never reads other streams).
 */
export interface LineClassification {
  bin: string;
  regionId: string;
  level: InstitutionLevel;
  administrator: string;
  programme: string;
  subprogramme: string;
  functionalGroup: string;
  fiscalYear: number;
}

interface LineEventBase {
  lineId: string;
  transactionId: string;
  date: LocalDate;
}

export interface BudgetLineOpenedData extends LineEventBase {
  line: LineClassification;
}

export interface AllocationApprovedData extends LineEventBase {
  amount: TiynString;
}

export interface AllocationAmendedData extends LineEventBase {
  /** Signed change, never 0. */
  delta: TiynString;
  /** The allocation after the change. */
  allocation: TiynString;
  reason?: string;
}

export interface CommitmentRegisteredData extends LineEventBase {
  commitmentId: string;
  amount: TiynString;
  /** Public business id of the supplier (never a person's IIN). */
  supplierBin?: string;
}

export interface CommitmentReducedData extends LineEventBase {
  commitmentId: string;
  /** How much the commitment went down by. */
  amount: TiynString;
}

export interface CommitmentCancelledData extends LineEventBase {
  commitmentId: string;
  /** The unpaid rest released back to the allocation (positive: a fully paid one cannot be cancelled). */
  released: TiynString;
}

export interface PaymentMadeData extends LineEventBase {
  commitmentId: string;
  paymentId: string;
  amount: TiynString;
}

export type BudgetLineOpened = DomainEvent<'BudgetLineOpened', BudgetLineOpenedData>;
export type AllocationApproved = DomainEvent<'AllocationApproved', AllocationApprovedData>;
export type AllocationAmended = DomainEvent<'AllocationAmended', AllocationAmendedData>;
export type CommitmentRegistered = DomainEvent<'CommitmentRegistered', CommitmentRegisteredData>;
export type CommitmentReduced = DomainEvent<'CommitmentReduced', CommitmentReducedData>;
export type CommitmentCancelled = DomainEvent<'CommitmentCancelled', CommitmentCancelledData>;
export type PaymentMade = DomainEvent<'PaymentMade', PaymentMadeData>;

export type BudgetLineEvent =
  | BudgetLineOpened
  | AllocationApproved
  | AllocationAmended
  | CommitmentRegistered
  | CommitmentReduced
  | CommitmentCancelled
  | PaymentMade;

export const BUDGET_LINE_EVENT_TYPES = [
  'BudgetLineOpened',
  'AllocationApproved',
  'AllocationAmended',
  'CommitmentRegistered',
  'CommitmentReduced',
  'CommitmentCancelled',
  'PaymentMade',
] as const satisfies readonly BudgetLineEvent['type'][];
