/**
 * Property tests of the budget line (docs/budget.md, Invariants): arbitrary command sequences,
 * valid and invalid, run through decide/evolve with refusals skipped, as an import would.
 * Ids come from small pools so duplicates, unknown commitments and replays happen often.
 */
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { MAX_TIYN } from '../shared/money.js';
import { LINE } from '../testing/fixtures.js';
import { budgetLineDecider, type BudgetLineCommand, type BudgetLineState } from './budget-line.decider.js';
import type { BudgetLineEvent } from './budget-line.events.js';

const transactionId = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 60 }).map((n) => `T-${n}`) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, '', 'bad id', 'x'.repeat(65)) },
);
const commitmentId = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 3 }).map((n) => `C${n}`) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 'C?') },
);
const paymentId = fc.integer({ min: 0, max: 30 }).map((n) => `P${n}`);
const date = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.integer({ min: 1, max: 28 }).map((d) => `2026-0${1 + (d % 9)}-${String(d).padStart(2, '0')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('2025-12-31', '2027-01-01', '2026-02-30', 'today') },
);
/**
 * An amount at a limit of the line, worked out when the command runs (see `atTheEdge`): the room
 * left in the allocation, or the unpaid rest of the commitment, plus -1, 0 or +1 tiyn. Blind random
 * amounts would almost never land exactly on a limit.
 */
interface Edge {
  edge: -1 | 0 | 1;
}
const edge = fc.constantFrom<Edge>({ edge: -1 }, { edge: 0 }, { edge: 1 });

/** Small amounts of comparable sizes, limits hit exactly, some huge ones and some that are not amounts. */
const amount = (max: bigint) =>
  fc.oneof(
    { weight: 8, arbitrary: edge },
    { weight: 20, arbitrary: fc.bigInt({ min: 1n, max }).map(String) },
    { weight: 2, arbitrary: fc.bigInt({ min: 1n, max }).map(Number) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        '0',
        '-7',
        '1.5',
        'abc',
        undefined,
        (MAX_TIYN + 1n).toString(),
        MAX_TIYN.toString(),
      ),
    },
  );
const delta = fc.oneof(
  { weight: 8, arbitrary: edge },
  { weight: 20, arbitrary: fc.bigInt({ min: -150n, max: 150n }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('0', 'x', `-${MAX_TIYN}`) },
);

const command = (type: BudgetLineCommand['type'], data: Record<string, unknown>): BudgetLineCommand =>
  ({ type, data }) as unknown as BudgetLineCommand;

/** Weighted towards commitments and payments: they are where the limits meet. */
const commandArb: fc.Arbitrary<BudgetLineCommand> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
      .record({ transactionId, amount: amount(400n), date })
      .map((d) => command('ApproveAllocation', { ...d, line: LINE })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ transactionId, delta, date, reason: fc.option(fc.constant('clarified'), { nil: undefined }) })
      .map((d) => command('AmendAllocation', d)),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ transactionId, commitmentId, amount: amount(150n), date })
      .map((d) => command('RegisterCommitment', d)),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ transactionId, commitmentId, amount: amount(60n), date })
      .map((d) => command('ReduceCommitment', d)),
  },
  {
    weight: 2,
    arbitrary: fc.record({ transactionId, commitmentId, date }).map((d) => command('CancelCommitment', d)),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({ transactionId, commitmentId, paymentId, amount: amount(60n), date })
      .map((d) => command('MakePayment', d)),
  },
);

const sequence = fc.array(commandArb, { minLength: 5, maxLength: 80 });

/** Mostly sequences that open the line first, so the later commands have something to act on. */
const commandsArb = fc.oneof(
  {
    weight: 4,
    arbitrary: sequence.map((rest) => [
      command('ApproveAllocation', { transactionId: 'T-open', amount: '300', date: '2026-01-05', line: LINE }),
      ...rest,
    ]),
  },
  { weight: 1, arbitrary: sequence },
);

const isEdge = (value: unknown): value is Edge => typeof value === 'object' && value !== null && 'edge' in value;

/** The command with an `Edge` amount replaced by the concrete amount at that limit of `state`. */
const atTheEdge = (cmd: BudgetLineCommand, state: BudgetLineState): BudgetLineCommand => {
  const data = cmd.data as unknown as Record<string, unknown>;
  const value = data['amount'] ?? data['delta'];
  if (!isEdge(value)) return cmd;
  const offset = BigInt(value.edge);
  const commitment = state.commitments.get(String(data['commitmentId']));
  const unpaid = commitment ? commitment.amount - commitment.paid : 0n;
  const limit: Record<BudgetLineCommand['type'], bigint> = {
    ApproveAllocation: 1n,
    // Brings the allocation to the open commitments, 1 below or 1 above.
    AmendAllocation: state.committed - state.allocation,
    RegisterCommitment: state.allocation - state.committed,
    ReduceCommitment: unpaid,
    CancelCommitment: 0n,
    MakePayment: unpaid,
  };
  const concrete = (limit[cmd.type] + offset).toString();
  return command(cmd.type, 'delta' in data ? { ...data, delta: concrete } : { ...data, amount: concrete });
};

interface Run {
  /** The commands as run, with edge amounts made concrete. */
  commands: BudgetLineCommand[];
  state: BudgetLineState;
  events: BudgetLineEvent[];
  /** Per command: the events it decided, or `undefined` when it was refused. */
  decided: (BudgetLineEvent[] | undefined)[];
}

/** Runs commands like an import: a refusal skips the command; anything else thrown fails the test. */
const run = (
  commands: readonly BudgetLineCommand[],
  from = budgetLineDecider.initialState(),
  check?: (state: BudgetLineState) => void,
): Run => {
  let state = from;
  const events: BudgetLineEvent[] = [];
  const decided: (BudgetLineEvent[] | undefined)[] = [];
  const concrete: BudgetLineCommand[] = [];
  for (const generated of commands) {
    const cmd = atTheEdge(generated, state);
    concrete.push(cmd);
    let produced: BudgetLineEvent[];
    try {
      produced = budgetLineDecider.decide(cmd, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      decided.push(undefined);
      continue;
    }
    state = produced.reduce(budgetLineDecider.evolve, state);
    events.push(...produced);
    decided.push(produced);
    check?.(state);
  }
  return { commands: concrete, state, events, decided };
};

const sum = (values: bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

const checkInvariants = (state: BudgetLineState): void => {
  expect(0n <= state.paid).toBe(true);
  expect(state.paid <= state.committed).toBe(true);
  expect(state.committed <= state.allocation).toBe(true);
  expect(state.allocation <= MAX_TIYN).toBe(true);
  for (const commitment of state.commitments.values()) {
    expect(0n <= commitment.paid).toBe(true);
    expect(commitment.paid <= commitment.amount).toBe(true);
  }
  const commitments = [...state.commitments.values()];
  expect(sum(commitments.map((c) => c.amount))).toBe(state.committed);
  expect(sum(commitments.map((c) => c.paid))).toBe(state.paid);
};

const amountOf = (event: BudgetLineEvent): bigint | undefined => {
  switch (event.type) {
    case 'AllocationApproved':
    case 'CommitmentRegistered':
    case 'CommitmentReduced':
    case 'PaymentMade':
      return BigInt(event.data.amount);
    case 'CommitmentCancelled':
      return BigInt(event.data.released);
    default:
      return undefined;
  }
};

const PARAMETERS = { numRuns: 300 };

describe('BudgetLine properties', () => {
  it('keeps 0 <= paid <= committed <= allocation and paid <= amount per commitment after every command', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        run(commands, undefined, checkInvariants);
      }),
      PARAMETERS,
    );
  });

  it('writes only positive amounts, a signed non-zero delta, and the line id and transaction id on every event', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { events, state } = run(commands);
        for (const event of events) {
          const value = amountOf(event);
          if (value !== undefined) expect(value > 0n).toBe(true);
          if (event.type === 'AllocationAmended') expect(BigInt(event.data.delta)).not.toBe(0n);
          expect(event.data.lineId).toBe(state.lineId);
          expect(event.data.transactionId).toMatch(/^[A-Za-z0-9._:/-]{1,64}$/);
          expect(event.data.date).toMatch(/^2026-/);
        }
      }),
      PARAMETERS,
    );
  });

  it('decides nothing when the same commands come again (an import run twice)', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const first = run(commands);
        // Every accepted command again: nothing new at all.
        const accepted = first.commands.filter((_, i) => first.decided[i] !== undefined);
        const again = run(accepted, first.state);
        expect(again.events).toEqual([]);
        expect(again.state).toBe(first.state);
        // The whole sequence again: no command whose transaction the line has seen decides anything
        // (one refused the first time may now succeed: the line has moved on).
        for (const cmd of first.commands) {
          const id: unknown = cmd.data.transactionId;
          if (typeof id === 'string' && first.state.transactionIds.has(id)) {
            expect(budgetLineDecider.decide(cmd, first.state)).toEqual([]);
          }
        }
      }),
      PARAMETERS,
    );
  });

  it('has totals equal to the sums of the event amounts by kind (a reference fold)', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { events, state, decided } = run(commands);
        const of = <T extends BudgetLineEvent['type']>(type: T) =>
          events.filter((e): e is Extract<BudgetLineEvent, { type: T }> => e.type === type);
        const allocation =
          sum(of('AllocationApproved').map((e) => BigInt(e.data.amount))) +
          sum(of('AllocationAmended').map((e) => BigInt(e.data.delta)));
        const committed =
          sum(of('CommitmentRegistered').map((e) => BigInt(e.data.amount))) -
          sum(of('CommitmentReduced').map((e) => BigInt(e.data.amount))) -
          sum(of('CommitmentCancelled').map((e) => BigInt(e.data.released)));
        const paid = sum(of('PaymentMade').map((e) => BigInt(e.data.amount)));
        expect({ allocation: state.allocation, committed: state.committed, paid: state.paid }).toEqual({
          allocation,
          committed,
          paid,
        });
        // Each amendment records the allocation it leads to.
        let running = 0n;
        for (const event of events) {
          if (event.type === 'AllocationApproved') running += BigInt(event.data.amount);
          if (event.type === 'AllocationAmended') {
            running += BigInt(event.data.delta);
            expect(BigInt(event.data.allocation)).toBe(running);
          }
        }
        // Every transaction id appears on the events of one command only.
        const byTransaction = new Map<string, number>();
        decided.forEach((produced, i) => {
          if (!produced || produced.length === 0) return;
          const id = produced[0]!.data.transactionId;
          expect(byTransaction.get(id) ?? i).toBe(i);
          byTransaction.set(id, i);
        });
      }),
      PARAMETERS,
    );
  });

  it('folds the same state from the events as the decisions did (events alone rebuild the line)', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { events, state } = run(commands);
        const stored = JSON.parse(JSON.stringify(events)) as BudgetLineEvent[];
        expect(stored.reduce(budgetLineDecider.evolve, budgetLineDecider.initialState())).toEqual(state);
      }),
      PARAMETERS,
    );
  });

  it('exercises the interesting paths (the generators are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(commandsArb, (commands) => {
        for (const event of run(commands).events) seen.add(event.type);
      }),
      PARAMETERS,
    );
    expect([...seen].sort()).toEqual([
      'AllocationAmended',
      'AllocationApproved',
      'BudgetLineOpened',
      'CommitmentCancelled',
      'CommitmentReduced',
      'CommitmentRegistered',
      'PaymentMade',
    ]);
  });
});
