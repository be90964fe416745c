import {
  approved,
  BIN,
  committed,
  LINE,
  LINE_ID,
  opened,
  OTHER_BIN,
  paidOn,
  SUPPLIER_BIN,
} from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import {
  budgetLineDecider,
  lineIdOfClassification,
  type AmendAllocation,
  type ApproveAllocation,
  type BudgetLineCommand,
  type BudgetLineState,
  type CancelCommitment,
  type MakePayment,
  type ReduceCommitment,
  type RegisterCommitment,
} from './budget-line.decider.js';
import type { BudgetLineEvent } from './budget-line.events.js';

const { given } = specFor(budgetLineDecider);

type Overrides = Record<string, unknown>;
const command = <C extends BudgetLineCommand>(type: C['type'], data: Overrides): C => ({ type, data }) as unknown as C;

const approve = (overrides: Overrides = {}) =>
  command<ApproveAllocation>('ApproveAllocation', {
    transactionId: 'T-1',
    line: LINE,
    amount: '100000000',
    date: '2026-01-10',
    ...overrides,
  });
const amend = (overrides: Overrides = {}) =>
  command<AmendAllocation>('AmendAllocation', {
    transactionId: 'T-A',
    delta: '-20000000',
    date: '2026-06-01',
    ...overrides,
  });
const commit = (overrides: Overrides = {}) =>
  command<RegisterCommitment>('RegisterCommitment', {
    transactionId: 'T-C1',
    commitmentId: 'C1',
    amount: '30000000',
    date: '2026-02-01',
    ...overrides,
  });
const reduce = (overrides: Overrides = {}) =>
  command<ReduceCommitment>('ReduceCommitment', {
    transactionId: 'T-R',
    commitmentId: 'C1',
    amount: '5000000',
    date: '2026-04-01',
    ...overrides,
  });
const cancel = (overrides: Overrides = {}) =>
  command<CancelCommitment>('CancelCommitment', {
    transactionId: 'T-X',
    commitmentId: 'C1',
    date: '2026-05-01',
    ...overrides,
  });
const pay = (overrides: Overrides = {}) =>
  command<MakePayment>('MakePayment', {
    transactionId: 'T-P1',
    commitmentId: 'C1',
    paymentId: 'P1',
    amount: '10000000',
    date: '2026-03-01',
    ...overrides,
  });

const OPEN: BudgetLineEvent[] = [opened, approved]; // allocation 100 000 000
const WITH_C1: BudgetLineEvent[] = [...OPEN, committed('C1', '30000000')];
const WITH_C1_PAID: BudgetLineEvent[] = [...WITH_C1, paidOn('C1', 'P1', '10000000')];
const cancelledC1: BudgetLineEvent = {
  type: 'CommitmentCancelled',
  data: { lineId: LINE_ID, transactionId: 'T-X', date: '2026-05-01', commitmentId: 'C1', released: '20000000' },
};

describe('BudgetLine', () => {
  it('names the line by institution, programme code and year', () => {
    expect(lineIdOfClassification(LINE)).toBe(`${BIN}-253001000-2026`);
  });

  describe('ApproveAllocation', () => {
    it('opens the line and approves its allocation', () => {
      const state = given([]).when(approve()).then([opened, approved]);
      expect(state.lineId).toBe(LINE_ID);
      expect(state.line).toEqual(LINE);
      expect(state.allocation).toBe(100000000n);
      expect(state.committed).toBe(0n);
      expect(state.paid).toBe(0n);
    });

    it('takes the amount as a number or a bigint as well, and writes a decimal string', () => {
      given([])
        .when(approve({ amount: 100000000 }))
        .then([opened, approved]);
      given([])
        .when(approve({ amount: 100000000n }))
        .then([opened, approved]);
    });

    it('takes the fiscal year as a 4-digit string from a CSV', () => {
      given([])
        .when(approve({ line: { ...LINE, fiscalYear: '2026' } }))
        .then([opened, approved]);
    });

    it('decides nothing for a transaction it has seen (an import run twice)', () => {
      given(OPEN).when(approve()).then([]);
    });

    it('refuses a second approval: an allocation changes by amendment', () => {
      given(OPEN)
        .when(approve({ transactionId: 'T-2' }))
        .then('ALLOCATION_ALREADY_APPROVED');
    });

    it.each([
      [{ amount: '0' }, 'AMOUNT_NOT_POSITIVE', 'amount'],
      [{ amount: '-5' }, 'AMOUNT_NOT_POSITIVE', 'amount'],
      [{ amount: '1000000000000000001' }, 'AMOUNT_TOO_LARGE', 'amount'],
      [{ amount: '12.50' }, 'INVALID_AMOUNT', 'amount'],
      [{ amount: undefined }, 'FIELD_REQUIRED', 'amount'],
      [{ date: '2025-12-31' }, 'DATE_OUTSIDE_FISCAL_YEAR', 'date'],
      [{ date: '2027-01-01' }, 'DATE_OUTSIDE_FISCAL_YEAR', 'date'],
      [{ date: '2026-02-30' }, 'INVALID_DATE', 'date'],
      [{ date: undefined }, 'FIELD_REQUIRED', 'date'],
      [{ transactionId: undefined }, 'FIELD_REQUIRED', 'transactionId'],
      [{ transactionId: 'T 1' }, 'INVALID_ID', 'transactionId'],
      [{ transactionId: 'T'.repeat(65) }, 'INVALID_ID', 'transactionId'],
      [{ line: undefined }, 'FIELD_REQUIRED', 'line'],
      [{ line: { ...LINE, bin: '970240000123' } }, 'INVALID_BIN', 'line.bin'],
      [{ line: { ...LINE, regionId: 'KZ-99' } }, 'INVALID_REGION', 'line.regionId'],
      [{ line: { ...LINE, level: 'city' } }, 'INVALID_CHOICE', 'line.level'],
      [{ line: { ...LINE, administrator: '2530' } }, 'INVALID_CODE', 'line.administrator'],
      [{ line: { ...LINE, programme: '1' } }, 'INVALID_CODE', 'line.programme'],
      [{ line: { ...LINE, subprogramme: '' } }, 'FIELD_REQUIRED', 'line.subprogramme'],
      [{ line: { ...LINE, functionalGroup: '00' } }, 'INVALID_FUNCTIONAL_GROUP', 'line.functionalGroup'],
      [{ line: { ...LINE, fiscalYear: 1999 } }, 'INVALID_YEAR', 'line.fiscalYear'],
      [{ line: { ...LINE, fiscalYear: 2026.5 } }, 'INVALID_YEAR', 'line.fiscalYear'],
    ])('refuses %j with %s naming %s', (overrides, code, field) => {
      given([])
        .when(approve(overrides))
        .then({ code: code as never, field });
    });

    it('accepts transaction ids of the import alphabet up to 64 characters', () => {
      const transactionId = `KZ-2026/000001:a.b_${'x'.repeat(45)}`;
      expect(transactionId).toHaveLength(64);
      given([])
        .when(approve({ transactionId }))
        .then([
          { ...opened, data: { ...opened.data, transactionId } },
          { ...approved, data: { ...approved.data, transactionId } },
        ] as BudgetLineEvent[]);
    });
  });

  describe('AmendAllocation', () => {
    it('cuts the allocation and records the new total', () => {
      const state = given(OPEN)
        .when(amend({ reason: ' Budget clarification ' }))
        .then([
          {
            type: 'AllocationAmended',
            data: {
              lineId: LINE_ID,
              transactionId: 'T-A',
              date: '2026-06-01',
              delta: '-20000000',
              allocation: '80000000',
              reason: 'Budget clarification',
            },
          },
        ]);
      expect(state.allocation).toBe(80000000n);
    });

    it('raises the allocation; no reason, no field', () => {
      given(OPEN)
        .when(amend({ delta: '5000' }))
        .then([
          {
            type: 'AllocationAmended',
            data: { lineId: LINE_ID, transactionId: 'T-A', date: '2026-06-01', delta: '5000', allocation: '100005000' },
          },
        ]);
    });

    it('may cut down to exactly the open commitments', () => {
      const state = given(WITH_C1)
        .when(amend({ delta: '-70000000' }))
        .then([expect.anything() as never]);
      expect(state.allocation).toBe(30000000n);
    });

    it('decides nothing for a transaction it has seen', () => {
      given(OPEN)
        .when(amend({ transactionId: 'T-1' }))
        .then([]);
    });

    it.each(['=cmd|calc', '+1', '-1', '@A1', '\tcut'])('refuses a reason a spreadsheet would run (%j)', (reason) => {
      given(OPEN)
        .when(amend({ reason }))
        .then({ code: 'TEXT_FORMULA_START', field: 'reason' });
    });

    it('refuses a reason longer than 500 characters', () => {
      given(OPEN)
        .when(amend({ reason: 'я'.repeat(501) }))
        .then({ code: 'TEXT_TOO_LONG', field: 'reason' });
    });

    it('refuses to amend a line that is not open', () => {
      given([]).when(amend()).then('LINE_NOT_OPENED');
    });

    it('refuses an allocation below zero', () => {
      given(OPEN)
        .when(amend({ delta: '-100000001' }))
        .then({ code: 'ALLOCATION_NEGATIVE', field: 'delta' });
    });

    it('refuses an allocation below the open commitments', () => {
      given(WITH_C1)
        .when(amend({ delta: '-70000001' }))
        .then({ code: 'ALLOCATION_BELOW_COMMITTED', field: 'delta' });
    });

    it('refuses an allocation above 10^18 tiyn', () => {
      given(OPEN)
        .when(amend({ delta: (10n ** 18n).toString() }))
        .then({ code: 'AMOUNT_TOO_LARGE', field: 'delta' });
    });

    it.each([
      [{ delta: '0' }, 'DELTA_ZERO', 'delta'],
      [{ delta: 'minus five' }, 'INVALID_AMOUNT', 'delta'],
      [{ date: '2027-01-01' }, 'DATE_OUTSIDE_FISCAL_YEAR', 'date'],
    ])('refuses %j with %s naming %s', (overrides, code, field) => {
      given(OPEN)
        .when(amend(overrides))
        .then({ code: code as never, field });
    });
  });

  describe('RegisterCommitment', () => {
    it('commits part of the allocation', () => {
      const state = given(OPEN)
        .when(commit({ supplierBin: SUPPLIER_BIN }))
        .then([
          {
            type: 'CommitmentRegistered',
            data: {
              lineId: LINE_ID,
              transactionId: 'T-C1',
              date: '2026-02-01',
              commitmentId: 'C1',
              amount: '30000000',
              supplierBin: SUPPLIER_BIN,
            },
          },
        ]);
      expect(state.committed).toBe(30000000n);
      expect(state.commitments.get('C1')).toEqual({ amount: 30000000n, paid: 0n, cancelled: false });
    });

    it('may commit the whole allocation', () => {
      given(OPEN)
        .when(commit({ amount: '100000000' }))
        .then([committed('C1', '100000000', 'T-C1')]);
    });

    it('decides nothing for a transaction it has seen', () => {
      given(WITH_C1).when(commit()).then([]);
    });

    it('refuses a commitment beyond the allocation', () => {
      const refused = given(WITH_C1).when(commit({ transactionId: 'T-C2', commitmentId: 'C2', amount: '70000001' }));
      refused.then({ code: 'ALLOCATION_EXCEEDED', field: 'amount' });
    });

    it('tells how much is still available, in tenge', () => {
      const state = [...WITH_C1].reduce(budgetLineDecider.evolve, budgetLineDecider.initialState());
      expect(() =>
        budgetLineDecider.decide(commit({ transactionId: 'T-C2', commitmentId: 'C2', amount: '70000001' }), state),
      ).toThrow('The commitment exceeds the allocation: 700000.00 ₸ is available.');
    });

    it('refuses a commitment id the line already has, even a cancelled one', () => {
      given([...WITH_C1, cancelledC1])
        .when(commit({ transactionId: 'T-C1b', amount: '1' }))
        .then({ code: 'COMMITMENT_EXISTS', field: 'commitmentId' });
    });

    it('refuses to commit on a line that is not open', () => {
      given([]).when(commit()).then('LINE_NOT_OPENED');
    });

    it.each([
      [{ commitmentId: undefined }, 'FIELD_REQUIRED', 'commitmentId'],
      [{ commitmentId: 'C 1' }, 'INVALID_ID', 'commitmentId'],
      [{ amount: '0' }, 'AMOUNT_NOT_POSITIVE', 'amount'],
      [{ amount: '1e3' }, 'INVALID_AMOUNT', 'amount'],
      [{ date: '2025-02-01' }, 'DATE_OUTSIDE_FISCAL_YEAR', 'date'],
      [{ supplierBin: '123456789012' }, 'INVALID_BIN', 'supplierBin'],
      // A person's IIN passes the checksum: refused, so personal data never enters an event.
      [{ supplierBin: '850615310007' }, 'BIN_IS_PERSONAL_IIN', 'supplierBin'],
    ])('refuses %j with %s naming %s', (overrides, code, field) => {
      given(OPEN)
        .when(commit(overrides))
        .then({ code: code as never, field });
    });
  });

  describe('ReduceCommitment', () => {
    it('reduces a commitment and frees the allocation', () => {
      const state = given(WITH_C1_PAID)
        .when(reduce())
        .then([
          {
            type: 'CommitmentReduced',
            data: { lineId: LINE_ID, transactionId: 'T-R', date: '2026-04-01', commitmentId: 'C1', amount: '5000000' },
          },
        ]);
      expect(state.committed).toBe(25000000n);
      expect(state.commitments.get('C1')).toEqual({ amount: 25000000n, paid: 10000000n, cancelled: false });
    });

    it('may reduce down to exactly what is paid', () => {
      const state = given(WITH_C1_PAID)
        .when(reduce({ amount: '20000000' }))
        .then([expect.anything() as never]);
      expect(state.commitments.get('C1')?.amount).toBe(10000000n);
    });

    it('decides nothing for a transaction it has seen', () => {
      given(WITH_C1_PAID)
        .when(reduce({ transactionId: 'T-P1' }))
        .then([]);
    });

    it('refuses to go below what is paid on the commitment', () => {
      given(WITH_C1_PAID)
        .when(reduce({ amount: '20000001' }))
        .then({ code: 'REDUCTION_BELOW_PAID', field: 'amount' });
    });

    it('refuses an unknown commitment', () => {
      given(WITH_C1)
        .when(reduce({ commitmentId: 'C9' }))
        .then({ code: 'COMMITMENT_NOT_FOUND', field: 'commitmentId' });
    });

    it('refuses a cancelled commitment', () => {
      given([...WITH_C1, cancelledC1])
        .when(reduce({ transactionId: 'T-R2' }))
        .then({ code: 'COMMITMENT_CANCELLED', field: 'commitmentId' });
    });

    it('refuses on a line that is not open', () => {
      given([]).when(reduce()).then('LINE_NOT_OPENED');
    });

    it.each([
      [{ amount: '-1' }, 'AMOUNT_NOT_POSITIVE', 'amount'],
      [{ date: 'tomorrow' }, 'INVALID_DATE', 'date'],
      [{ commitmentId: '' }, 'FIELD_REQUIRED', 'commitmentId'],
    ])('refuses %j with %s naming %s', (overrides, code, field) => {
      given(WITH_C1)
        .when(reduce(overrides))
        .then({ code: code as never, field });
    });
  });

  describe('CancelCommitment', () => {
    it('cancels a commitment and releases the unpaid rest', () => {
      const state = given(WITH_C1_PAID).when(cancel()).then([cancelledC1]);
      expect(state.committed).toBe(10000000n);
      expect(state.paid).toBe(10000000n);
      expect(state.commitments.get('C1')).toEqual({ amount: 10000000n, paid: 10000000n, cancelled: true });
    });

    it('decides nothing for a transaction it has seen', () => {
      given([...WITH_C1_PAID, cancelledC1])
        .when(cancel())
        .then([]);
    });

    it('refuses a commitment cancelled before', () => {
      given([...WITH_C1_PAID, cancelledC1])
        .when(cancel({ transactionId: 'T-X2' }))
        .then({ code: 'COMMITMENT_CANCELLED', field: 'commitmentId' });
    });

    it('refuses a fully paid commitment: nothing to release', () => {
      given([...WITH_C1, paidOn('C1', 'P1', '30000000')])
        .when(cancel())
        .then({ code: 'COMMITMENT_FULLY_PAID', field: 'commitmentId' });
    });

    it('refuses an unknown commitment', () => {
      given(OPEN).when(cancel()).then({ code: 'COMMITMENT_NOT_FOUND', field: 'commitmentId' });
    });

    it('refuses on a line that is not open', () => {
      given([]).when(cancel()).then('LINE_NOT_OPENED');
    });

    it.each([
      [{ date: '2026-1-5' }, 'INVALID_DATE', 'date'],
      [{ commitmentId: 'C1?' }, 'INVALID_ID', 'commitmentId'],
    ])('refuses %j with %s naming %s', (overrides, code, field) => {
      given(WITH_C1)
        .when(cancel(overrides))
        .then({ code: code as never, field });
    });
  });

  describe('MakePayment', () => {
    it('pays on a commitment', () => {
      const state = given(WITH_C1)
        .when(pay())
        .then([paidOn('C1', 'P1', '10000000', 'T-P1')]);
      expect(state.paid).toBe(10000000n);
      expect(state.commitments.get('C1')?.paid).toBe(10000000n);
    });

    it('may pay a commitment in full', () => {
      given(WITH_C1_PAID)
        .when(pay({ transactionId: 'T-P2', paymentId: 'P2', amount: '20000000' }))
        .then([paidOn('C1', 'P2', '20000000', 'T-P2')]);
    });

    it('decides nothing for a transaction it has seen', () => {
      given(WITH_C1_PAID).when(pay()).then([]);
    });

    it('refuses to pay more than the unpaid rest', () => {
      given(WITH_C1_PAID)
        .when(pay({ transactionId: 'T-P2', paymentId: 'P2', amount: '20000001' }))
        .then({ code: 'PAYMENT_EXCEEDS_COMMITMENT', field: 'amount' });
    });

    it('refuses a payment id the line already has', () => {
      given(WITH_C1_PAID)
        .when(pay({ transactionId: 'T-P2', amount: '1' }))
        .then({ code: 'PAYMENT_EXISTS', field: 'paymentId' });
    });

    it('refuses an unknown commitment', () => {
      given(WITH_C1)
        .when(pay({ commitmentId: 'C2' }))
        .then({ code: 'COMMITMENT_NOT_FOUND', field: 'commitmentId' });
    });

    it('refuses a cancelled commitment', () => {
      given([...WITH_C1_PAID, cancelledC1])
        .when(pay({ transactionId: 'T-P2', paymentId: 'P2', amount: '1' }))
        .then({ code: 'COMMITMENT_CANCELLED', field: 'commitmentId' });
    });

    it('refuses on a line that is not open', () => {
      given([]).when(pay()).then('LINE_NOT_OPENED');
    });

    it.each([
      [{ paymentId: undefined }, 'FIELD_REQUIRED', 'paymentId'],
      [{ paymentId: 'P#1' }, 'INVALID_ID', 'paymentId'],
      [{ amount: '0' }, 'AMOUNT_NOT_POSITIVE', 'amount'],
      [{ amount: 0.5 }, 'INVALID_AMOUNT', 'amount'],
      [{ date: '2026-12-32' }, 'INVALID_DATE', 'date'],
      [{ date: '2025-12-31' }, 'DATE_OUTSIDE_FISCAL_YEAR', 'date'],
    ])('refuses %j with %s naming %s', (overrides, code, field) => {
      given(WITH_C1)
        .when(pay(overrides))
        .then({ code: code as never, field });
    });
  });

  it('keeps transaction ids per line: another line may reuse one', () => {
    const otherLine = { ...LINE, bin: OTHER_BIN };
    given([])
      .when(approve({ line: otherLine }))
      .then([
        { ...opened, data: { ...opened.data, lineId: `${OTHER_BIN}-253001000-2026`, line: otherLine } },
        { ...approved, data: { ...approved.data, lineId: `${OTHER_BIN}-253001000-2026` } },
      ] as BudgetLineEvent[]);
  });

  it('refuses an unknown command type as a programming error, not a domain refusal', () => {
    const state = OPEN.reduce(budgetLineDecider.evolve, budgetLineDecider.initialState());
    expect(() =>
      budgetLineDecider.decide({ type: 'Embezzle', data: { transactionId: 'T-9' } } as never, state),
    ).toThrow(TypeError);
  });

  it('ignores an event type from a newer version', () => {
    const state = budgetLineDecider.initialState();
    expect(budgetLineDecider.evolve(state, { type: 'LineFrozen', data: {} } as never)).toBe(state);
  });

  it('never changes a folded state (states are cached and shared)', () => {
    const before = WITH_C1.reduce(budgetLineDecider.evolve, budgetLineDecider.initialState());
    const contents = (state: BudgetLineState) => ({
      totals: [state.allocation, state.committed, state.paid],
      commitments: [...state.commitments],
      paymentIds: [...state.paymentIds],
      transactionIds: [...state.transactionIds],
    });
    const snapshot = contents(before);
    const paid = budgetLineDecider.evolve(before, paidOn('C1', 'P1', '10000000'));
    // Folding the cached state again with other events (a retry after a concurrent append).
    const cancelled = budgetLineDecider.evolve(before, cancelledC1);
    expect(contents(before)).toEqual(snapshot);
    expect(paid.commitments.get('C1')).toEqual({ amount: 30000000n, paid: 10000000n, cancelled: false });
    expect(paid.paymentIds.has('P1')).toBe(true);
    expect(cancelled.commitments.get('C1')).toEqual({ amount: 10000000n, paid: 0n, cancelled: true });
    expect(cancelled.paymentIds.has('P1')).toBe(false);
    expect(cancelled.transactionIds.has('T-P1')).toBe(false);
    expect(budgetLineDecider.evolve(paid, cancelledC1).commitments.get('C1')?.cancelled).toBe(true);
  });
});
