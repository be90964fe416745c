/**
 * Budget line, stream `budgetline-{bin}-{programmeCode}-{fiscalYear}`: the allocation of one
 * institution for one programme in one fiscal year, the commitments made against it and the
 * payments made on them. Invariants (property-tested): `0 <= paid <= committed <= allocation`,
 * per commitment `paid <= amount`, every event amount positive (the amendment delta is signed,
 * never 0). A correction is always a new event, never an edit.
 *
 * Every command carries a `transactionId`; one the line has already seen decides no events, so
 * re-running an import or retrying a request is harmless.
 */
import type { Decider } from '@adal/event-store';
import { refuse } from '../shared/domain-error.js';
import { unknownCommand } from '../shared/exhaustive.js';
import { formatTenge, fromTiynString, MAX_TIYN, requireAmount, requireDelta, toTiynString } from '../shared/money.js';
import { PersistentMap, PersistentSet } from '../shared/persistent.js';
import { lineIdOf, programmeCodeOf } from '../shared/streams.js';
import {
  MAX_REASON_LENGTH,
  optionalBin,
  optionalText,
  requireBin,
  requireCode,
  requireDateInYear,
  requireFiscalYear,
  requireFunctionalGroup,
  requireId,
  requireLevel,
  requireObject,
  requireRegionId,
} from '../shared/validation.js';
import type { DomainCommand, LocalDate } from '../shared/vocabulary.js';
import type { BudgetLineEvent, LineClassification } from './budget-line.events.js';

// --- commands -----------------------------------------------------------------------------------

/** An amount from JSON or CSV: a decimal string of tiyn (preferred), a safe integer or a bigint. */
export type TiynInput = string | number | bigint;

interface LineCommandBase {
  /** 1..64 chars `[A-Za-z0-9._:/-]`, unique per line: the idempotency key. */
  transactionId: string;
  /** `YYYY-MM-DD`, within the fiscal year. */
  date: LocalDate;
}

export type ApproveAllocation = DomainCommand<
  'ApproveAllocation',
  LineCommandBase & { line: LineClassification; amount: TiynInput }
>;

export type AmendAllocation = DomainCommand<'AmendAllocation', LineCommandBase & { delta: TiynInput; reason?: string }>;

export type RegisterCommitment = DomainCommand<
  'RegisterCommitment',
  LineCommandBase & { commitmentId: string; amount: TiynInput; supplierBin?: string }
>;

export type ReduceCommitment = DomainCommand<
  'ReduceCommitment',
  LineCommandBase & { commitmentId: string; amount: TiynInput }
>;

export type CancelCommitment = DomainCommand<'CancelCommitment', LineCommandBase & { commitmentId: string }>;

export type MakePayment = DomainCommand<
  'MakePayment',
  LineCommandBase & { commitmentId: string; paymentId: string; amount: TiynInput }
>;

export type BudgetLineCommand =
  ApproveAllocation | AmendAllocation | RegisterCommitment | ReduceCommitment | CancelCommitment | MakePayment;

// --- state --------------------------------------------------------------------------------------

export interface CommitmentState {
  /** What stays committed: registered, minus reductions, minus the release on cancellation. */
  amount: bigint;
  paid: bigint;
  cancelled: boolean;
}

/**
 * Immutable: `evolve` returns a new state (folded states are cached and shared). The collections
 * are persistent, so folding a long line stays linear.
 */
export interface BudgetLineState {
  /** Set by `BudgetLineOpened`. */
  lineId?: string;
  line?: LineClassification;
  allocation: bigint;
  /** Sum of the commitments' `amount` (open commitments, including what is paid on them). */
  committed: bigint;
  paid: bigint;
  commitments: PersistentMap<string, CommitmentState>;
  paymentIds: PersistentSet<string>;
  /** Every transaction id decided on this line: a repeat decides nothing. */
  transactionIds: PersistentSet<string>;
}

export const initialBudgetLineState = (): BudgetLineState => ({
  allocation: 0n,
  committed: 0n,
  paid: 0n,
  commitments: PersistentMap.empty(),
  paymentIds: PersistentSet.empty(),
  transactionIds: PersistentSet.empty(),
});

/** The line id of a classification: `{bin}-{administrator}{programme}{subprogramme}-{fiscalYear}`. */
export const lineIdOfClassification = (line: LineClassification): string =>
  lineIdOf(line.bin, programmeCodeOf(line.administrator, line.programme, line.subprogramme), line.fiscalYear);

// --- decide -------------------------------------------------------------------------------------

const validateClassification = (value: unknown): LineClassification => {
  const line = requireObject(value, 'line');
  return {
    bin: requireBin(line['bin'], 'line.bin'),
    regionId: requireRegionId(line['regionId'], 'line.regionId'),
    level: requireLevel(line['level'], 'line.level'),
    administrator: requireCode(line['administrator'], 'line.administrator'),
    programme: requireCode(line['programme'], 'line.programme'),
    subprogramme: requireCode(line['subprogramme'], 'line.subprogramme'),
    functionalGroup: requireFunctionalGroup(line['functionalGroup'], 'line.functionalGroup'),
    fiscalYear: requireFiscalYear(line['fiscalYear'], 'line.fiscalYear'),
  };
};

/** The opened line, or the refusal every command but the approval gives on an unopened one. */
const openedLine = (state: BudgetLineState): { lineId: string; line: LineClassification } =>
  state.lineId !== undefined && state.line !== undefined
    ? { lineId: state.lineId, line: state.line }
    : refuse('LINE_NOT_OPENED');

const approveAllocation = (
  { data }: ApproveAllocation,
  state: BudgetLineState,
  transactionId: string,
): BudgetLineEvent[] => {
  const line = validateClassification(data.line);
  const amount = requireAmount(data.amount, 'amount');
  const date = requireDateInYear(data.date, 'date', line.fiscalYear);
  if (state.lineId !== undefined) return refuse('ALLOCATION_ALREADY_APPROVED');
  const lineId = lineIdOfClassification(line);
  return [
    { type: 'BudgetLineOpened', data: { lineId, transactionId, date, line } },
    { type: 'AllocationApproved', data: { lineId, transactionId, date, amount: toTiynString(amount) } },
  ];
};

const amendAllocation = (
  { data }: AmendAllocation,
  state: BudgetLineState,
  transactionId: string,
): BudgetLineEvent[] => {
  const { lineId, line } = openedLine(state);
  const delta = requireDelta(data.delta, 'delta');
  const date = requireDateInYear(data.date, 'date', line.fiscalYear);
  const reason = optionalText(data.reason, 'reason', MAX_REASON_LENGTH);
  const allocation = state.allocation + delta;
  if (allocation < 0n) {
    return refuse('ALLOCATION_NEGATIVE', { field: 'delta', params: { allocation: formatTenge(state.allocation) } });
  }
  if (allocation < state.committed) {
    return refuse('ALLOCATION_BELOW_COMMITTED', {
      field: 'delta',
      params: { committed: formatTenge(state.committed) },
    });
  }
  if (allocation > MAX_TIYN)
    return refuse('AMOUNT_TOO_LARGE', { field: 'delta', params: { max: formatTenge(MAX_TIYN) } });
  return [
    {
      type: 'AllocationAmended',
      data: {
        lineId,
        transactionId,
        date,
        delta: toTiynString(delta),
        allocation: toTiynString(allocation),
        ...(reason !== undefined ? { reason } : {}),
      },
    },
  ];
};

const registerCommitment = (
  { data }: RegisterCommitment,
  state: BudgetLineState,
  transactionId: string,
): BudgetLineEvent[] => {
  const { lineId, line } = openedLine(state);
  const commitmentId = requireId(data.commitmentId, 'commitmentId');
  const amount = requireAmount(data.amount, 'amount');
  const date = requireDateInYear(data.date, 'date', line.fiscalYear);
  const supplierBin = optionalBin(data.supplierBin, 'supplierBin');
  if (state.commitments.has(commitmentId)) return refuse('COMMITMENT_EXISTS', { field: 'commitmentId' });
  if (state.committed + amount > state.allocation) {
    return refuse('ALLOCATION_EXCEEDED', {
      field: 'amount',
      params: { available: formatTenge(state.allocation - state.committed) },
    });
  }
  return [
    {
      type: 'CommitmentRegistered',
      data: {
        lineId,
        transactionId,
        date,
        commitmentId,
        amount: toTiynString(amount),
        ...(supplierBin !== undefined ? { supplierBin } : {}),
      },
    },
  ];
};

/** A commitment payments and changes can still go to. */
const liveCommitment = (state: BudgetLineState, commitmentId: string): CommitmentState => {
  const commitment = state.commitments.get(commitmentId);
  if (!commitment) return refuse('COMMITMENT_NOT_FOUND', { field: 'commitmentId' });
  if (commitment.cancelled) return refuse('COMMITMENT_CANCELLED', { field: 'commitmentId' });
  return commitment;
};

const reduceCommitment = (
  { data }: ReduceCommitment,
  state: BudgetLineState,
  transactionId: string,
): BudgetLineEvent[] => {
  const { lineId, line } = openedLine(state);
  const commitmentId = requireId(data.commitmentId, 'commitmentId');
  const amount = requireAmount(data.amount, 'amount');
  const date = requireDateInYear(data.date, 'date', line.fiscalYear);
  const commitment = liveCommitment(state, commitmentId);
  if (commitment.amount - amount < commitment.paid) {
    return refuse('REDUCTION_BELOW_PAID', {
      field: 'amount',
      params: { paid: formatTenge(commitment.paid), max: formatTenge(commitment.amount - commitment.paid) },
    });
  }
  return [
    { type: 'CommitmentReduced', data: { lineId, transactionId, date, commitmentId, amount: toTiynString(amount) } },
  ];
};

const cancelCommitment = (
  { data }: CancelCommitment,
  state: BudgetLineState,
  transactionId: string,
): BudgetLineEvent[] => {
  const { lineId, line } = openedLine(state);
  const commitmentId = requireId(data.commitmentId, 'commitmentId');
  const date = requireDateInYear(data.date, 'date', line.fiscalYear);
  const commitment = liveCommitment(state, commitmentId);
  const released = commitment.amount - commitment.paid;
  // A release of 0 would be an event without an amount: a fully paid commitment is simply done.
  if (released === 0n) return refuse('COMMITMENT_FULLY_PAID', { field: 'commitmentId' });
  return [
    {
      type: 'CommitmentCancelled',
      data: { lineId, transactionId, date, commitmentId, released: toTiynString(released) },
    },
  ];
};

const makePayment = ({ data }: MakePayment, state: BudgetLineState, transactionId: string): BudgetLineEvent[] => {
  const { lineId, line } = openedLine(state);
  const commitmentId = requireId(data.commitmentId, 'commitmentId');
  const paymentId = requireId(data.paymentId, 'paymentId');
  const amount = requireAmount(data.amount, 'amount');
  const date = requireDateInYear(data.date, 'date', line.fiscalYear);
  const commitment = liveCommitment(state, commitmentId);
  if (state.paymentIds.has(paymentId)) return refuse('PAYMENT_EXISTS', { field: 'paymentId' });
  if (commitment.paid + amount > commitment.amount) {
    return refuse('PAYMENT_EXCEEDS_COMMITMENT', {
      field: 'amount',
      params: { unpaid: formatTenge(commitment.amount - commitment.paid) },
    });
  }
  return [
    {
      type: 'PaymentMade',
      data: { lineId, transactionId, date, commitmentId, paymentId, amount: toTiynString(amount) },
    },
  ];
};

export const decideBudgetLine = (command: BudgetLineCommand, state: BudgetLineState): BudgetLineEvent[] => {
  const transactionId = requireId(command.data?.transactionId, 'transactionId');
  // Idempotency comes first: a replayed transaction was decided once, whatever the line is now.
  if (state.transactionIds.has(transactionId)) return [];
  switch (command.type) {
    case 'ApproveAllocation':
      return approveAllocation(command, state, transactionId);
    case 'AmendAllocation':
      return amendAllocation(command, state, transactionId);
    case 'RegisterCommitment':
      return registerCommitment(command, state, transactionId);
    case 'ReduceCommitment':
      return reduceCommitment(command, state, transactionId);
    case 'CancelCommitment':
      return cancelCommitment(command, state, transactionId);
    case 'MakePayment':
      return makePayment(command, state, transactionId);
    default:
      return unknownCommand(command);
  }
};

// --- evolve -------------------------------------------------------------------------------------

const withTransaction = (state: BudgetLineState, transactionId: string): PersistentSet<string> =>
  state.transactionIds.with(transactionId);

const withCommitment = (
  state: BudgetLineState,
  commitmentId: string,
  change: (commitment: CommitmentState) => CommitmentState,
): PersistentMap<string, CommitmentState> => {
  const commitment = state.commitments.get(commitmentId);
  return commitment ? state.commitments.with(commitmentId, change(commitment)) : state.commitments;
};

export const evolveBudgetLine = (state: BudgetLineState, event: BudgetLineEvent): BudgetLineState => {
  switch (event.type) {
    case 'BudgetLineOpened':
      return {
        ...state,
        lineId: event.data.lineId,
        line: event.data.line,
        transactionIds: withTransaction(state, event.data.transactionId),
      };
    case 'AllocationApproved':
      return {
        ...state,
        allocation: state.allocation + fromTiynString(event.data.amount),
        transactionIds: withTransaction(state, event.data.transactionId),
      };
    case 'AllocationAmended':
      return {
        ...state,
        allocation: state.allocation + fromTiynString(event.data.delta),
        transactionIds: withTransaction(state, event.data.transactionId),
      };
    case 'CommitmentRegistered': {
      const amount = fromTiynString(event.data.amount);
      return {
        ...state,
        committed: state.committed + amount,
        commitments: state.commitments.with(event.data.commitmentId, { amount, paid: 0n, cancelled: false }),
        transactionIds: withTransaction(state, event.data.transactionId),
      };
    }
    case 'CommitmentReduced': {
      const amount = fromTiynString(event.data.amount);
      return {
        ...state,
        committed: state.committed - amount,
        commitments: withCommitment(state, event.data.commitmentId, (c) => ({ ...c, amount: c.amount - amount })),
        transactionIds: withTransaction(state, event.data.transactionId),
      };
    }
    case 'CommitmentCancelled': {
      const released = fromTiynString(event.data.released);
      return {
        ...state,
        committed: state.committed - released,
        commitments: withCommitment(state, event.data.commitmentId, (c) => ({
          ...c,
          amount: c.amount - released,
          cancelled: true,
        })),
        transactionIds: withTransaction(state, event.data.transactionId),
      };
    }
    case 'PaymentMade': {
      const amount = fromTiynString(event.data.amount);
      return {
        ...state,
        paid: state.paid + amount,
        commitments: withCommitment(state, event.data.commitmentId, (c) => ({ ...c, paid: c.paid + amount })),
        paymentIds: state.paymentIds.with(event.data.paymentId),
        transactionIds: withTransaction(state, event.data.transactionId),
      };
    }
    default:
      return state; // an event type from a newer version
  }
};

export const budgetLineDecider: Decider<BudgetLineCommand, BudgetLineState, BudgetLineEvent> = {
  decide: decideBudgetLine,
  evolve: evolveBudgetLine,
  initialState: initialBudgetLineState,
};
