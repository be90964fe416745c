// The budget projection on real PostgreSQL, fed by the real PostgreSQL event store: totals of a
// known ledger, live following, classification look-ups across batches, rebuild from zero equal to
// the live projection (also while a live writer runs), and a property: random valid ledgers,
// projected in random page sizes partly by catch-up and partly live, give exactly the sums over
// their events.
import fc from 'fast-check';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { PostgresEventStore } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { INSTITUTION_LEVELS, REGION_IDS, type InstitutionLevel } from '../domain/index.js';
import { qualified } from './entities.js';
import { SqlLedgerSource, StoreLedgerSource, type LedgerEventSource } from './event-source.js';
import { nativePoolOf, openBudgetReadOrm } from './orm.js';
import { BudgetProjector } from './projector.js';
import { appendAll, LedgerBuilder, names, testBin } from './testing/ledger-builder.js';
import { dumpReadModel, expectedReadModel } from './testing/reference.js';
import { emptyReadModel, withTransaction } from './writer.js';

let database: TestDatabase;
let store: PostgresEventStore;
let orm: MikroORM;
let pool: pg.Pool;

const STORE_SCHEMA = 'budget_ledger';

beforeAll(async () => {
  database = await createTestDatabase('budget_projector');
  store = await PostgresEventStore.create({
    connectionString: database.url,
    schema: STORE_SCHEMA,
    pollIntervalMs: 200,
  });
  orm = await openBudgetReadOrm({ clientUrl: database.url });
  pool = await nativePoolOf(orm);
});

afterAll(async () => {
  await store?.close();
  await orm?.close();
  await database?.drop();
});

const projectorOn = (source: LedgerEventSource = new SqlLedgerSource(pool, STORE_SCHEMA), pageSize = 10_000) =>
  new BudgetProjector(pool, source, store, { pageSize, retryMs: 50, followMs: 50 });

const expectMatchesStore = async () => {
  const expected = expectedReadModel(await store.readAll());
  expect(await dumpReadModel(pool)).toEqual(expected);
  return expected;
};

/** Two regions, three institutions (one in two years), two programmes. */
const knownLedger = (builder: LedgerBuilder) => {
  const [a, b, c] = [testBin(1), testBin(2), testBin(3)];
  builder.registerInstitution(a, 'KZ-75', 'regional', {
    kk: 'Алматы, білім',
    ru: 'Управление "Образование", Алматы',
    en: 'Education, Almaty',
  });
  builder.registerInstitution(b, 'KZ-75', 'district');
  builder.registerInstitution(c, 'KZ-71', 'republican');
  const edu = builder.registerProgramme('253', '001', '000', '04');
  const health = builder.registerProgramme('253', '002', '000', '05');
  const lineA = builder.approve(builder.classification(a, edu, 2026), 'T-1', 1_000_000n, '2026-01-10');
  const lineA2 = builder.approve(builder.classification(a, health, 2026), 'T-2', 500_000n, '2026-01-11');
  const lineB = builder.approve(builder.classification(b, edu, 2026), 'T-3', 300_000n, '2026-01-12');
  const lineC = builder.approve(builder.classification(c, health, 2026), 'T-4', 2_000_000n, '2026-01-13');
  const lineA25 = builder.approve(builder.classification(a, edu, 2025), 'T-5', 700_000n, '2025-03-01');
  builder.line(lineA, {
    type: 'RegisterCommitment',
    data: { transactionId: 'T-6', date: '2026-02-01', commitmentId: 'C-1', amount: '400000' },
  });
  builder.line(lineA, {
    type: 'MakePayment',
    data: { transactionId: 'T-7', date: '2026-03-01', commitmentId: 'C-1', paymentId: 'P-1', amount: '150000' },
  });
  builder.line(lineA, {
    type: 'ReduceCommitment',
    data: { transactionId: 'T-8', date: '2026-03-05', commitmentId: 'C-1', amount: '50000' },
  });
  builder.line(lineA, {
    type: 'RegisterCommitment',
    data: { transactionId: 'T-9', date: '2026-03-06', commitmentId: 'C-2', amount: '100000' },
  });
  builder.line(lineA, {
    type: 'MakePayment',
    data: { transactionId: 'T-10', date: '2026-03-07', commitmentId: 'C-2', paymentId: 'P-2', amount: '30000' },
  });
  builder.line(lineA, {
    type: 'CancelCommitment',
    data: { transactionId: 'T-11', date: '2026-04-01', commitmentId: 'C-2' },
  });
  builder.line(lineA, {
    type: 'AmendAllocation',
    data: { transactionId: 'T-12', date: '2026-04-02', delta: '-200000', reason: 'savings' },
  });
  builder.line(lineC, {
    type: 'RegisterCommitment',
    data: { transactionId: 'T-13', date: '2026-05-01', commitmentId: 'C-1', amount: '2000000' },
  });
  builder.line(lineC, {
    type: 'MakePayment',
    data: { transactionId: 'T-14', date: '2026-05-20', commitmentId: 'C-1', paymentId: 'P-1', amount: '1000000' },
  });
  builder.correctInstitutionName(b, names('Renamed district office'));
  return { a, b, c, edu, health, lineA, lineA2, lineB, lineC, lineA25 };
};

describe('the budget projection', () => {
  it('projects a known ledger: totals per line, region, institution, programme and functional group', async () => {
    const builder = new LedgerBuilder();
    const ids = knownLedger(builder);
    expect(builder.refused).toBe(0);
    await appendAll(store, builder.take());
    const projector = projectorOn(undefined, 7);
    expect(await projector.catchUp()).toBeGreaterThan(0n);

    const expected = await expectMatchesStore();
    // The same figures, written out by hand.
    const line = expected.lines[ids.lineA]!;
    // allocation 1 000 000 - 200 000; commitments 400 000 - 50 000 (C-1) + 100 000 - 70 000 released (C-2)
    expect([line.allocated, line.committed, line.paid, line.events]).toEqual([800_000n, 380_000n, 180_000n, 8]);
    const almaty = expected.regionYears['KZ-75|2026']!;
    expect([almaty.allocated, almaty.committed, almaty.paid, almaty.institutions, almaty.lines]).toEqual([
      1_600_000n,
      380_000n,
      180_000n,
      2,
      3,
    ]);
    expect(expected.regionYears['KZ-75|2025']).toMatchObject({ allocated: 700_000n, institutions: 1, lines: 1 });
    expect(expected.groupYears['KZ|05|2026']).toEqual({
      allocated: 2_500_000n,
      committed: 2_000_000n,
      paid: 1_000_000n,
    });
    expect(expected.institutions[ids.b]!.en).toBe('Renamed district office (eng)');
    expect(expected.asOf).toBe('2026-05-20');
    expect(projector.current()).toMatchObject({ asOf: '2026-05-20', ledgerEvents: BigInt(expected.ledgerEvents) });
  });

  it('follows live appends through the subscription, in batches', async () => {
    const projector = projectorOn();
    projector.start();
    try {
      await projector.waitFor((await store.readAll({ after: 0n })).at(-1)!.globalPosition);
      const builder = new LedgerBuilder();
      const bin = testBin(40);
      builder.registerInstitution(bin, 'KZ-10', 'rural');
      const code = builder.registerProgramme('300', '010', '000', '07');
      const lineId = builder.approve(builder.classification(bin, code, 2026), 'L-1', 90_000n, '2026-06-01');
      let last = await appendAll(store, builder.take());
      for (let i = 0; i < 30; i++) {
        builder.line(lineId, {
          type: 'RegisterCommitment',
          data: { transactionId: `L-c${i}`, date: '2026-06-02', commitmentId: `C-${i}`, amount: '1000' },
        });
        builder.line(lineId, {
          type: 'MakePayment',
          data: {
            transactionId: `L-p${i}`,
            date: '2026-06-03',
            commitmentId: `C-${i}`,
            paymentId: `P-${i}`,
            amount: '400',
          },
        });
      }
      // Appended concurrently: the projector takes whatever arrived while it wrote.
      const results = await Promise.all(builder.take().map((a) => store.appendToStream(a.stream, a.events)));
      last = results.reduce((max, r) => (r.globalPosition > max ? r.globalPosition : max), last);
      await projector.waitFor(last, 20_000);
      await expectMatchesStore();
      const [row] = (
        await pool.query(
          `SELECT committed::text, paid::text, events FROM ${qualified('budget_line')} WHERE line_id = $1`,
          [lineId],
        )
      ).rows;
      expect(row).toEqual({ committed: '30000', paid: '12000', events: 61 });
    } finally {
      await projector.stop();
    }
  });

  it('finds the classification of a line opened in an earlier batch in budget_line (a fresh process)', async () => {
    const builder = new LedgerBuilder();
    const bin = testBin(41);
    builder.registerInstitution(bin, 'KZ-79', 'district');
    const code = builder.registerProgramme('301', '001', '000', '01');
    const lineId = builder.approve(builder.classification(bin, code, 2026), 'F-1', 10_000n, '2026-07-01');
    await appendAll(store, builder.take());
    await projectorOn().catchUp();
    builder.line(lineId, {
      type: 'AmendAllocation',
      data: { transactionId: 'F-2', date: '2026-07-02', delta: '5000' },
    });
    await appendAll(store, builder.take());
    // A new projector knows no line: it must look this one up.
    await projectorOn().catchUp();
    await expectMatchesStore();
  });

  it('with two replicas, one leads and the other follows the checkpoint, then takes over', async () => {
    const first = projectorOn();
    const second = projectorOn();
    first.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    second.start();
    try {
      const builder = new LedgerBuilder();
      const bin = testBin(43);
      builder.registerInstitution(bin, 'KZ-55', 'district');
      const code = builder.registerProgramme('303', '001', '000', '09');
      const lineId = builder.approve(builder.classification(bin, code, 2026), 'H-1', 1_000n, '2026-08-10');
      let last = await appendAll(store, builder.take());
      // The follower sees the leader's progress through the checkpoint.
      await Promise.all([first.waitFor(last, 20_000), second.waitFor(last, 20_000)]);
      await first.stop();
      builder.line(lineId, {
        type: 'AmendAllocation',
        data: { transactionId: 'H-2', date: '2026-08-11', delta: '500' },
      });
      last = await appendAll(store, builder.take());
      await second.waitFor(last, 20_000);
      await expectMatchesStore();
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('rebuilds from zero to exactly what the live projection built, while a live writer runs', async () => {
    const before = await dumpReadModel(pool);
    const projector = projectorOn();
    projector.start();
    try {
      const builder = new LedgerBuilder();
      const bin = testBin(42);
      builder.registerInstitution(bin, 'KZ-47', 'regional');
      const code = builder.registerProgramme('302', '001', '000', '12');
      const lineId = builder.approve(builder.classification(bin, code, 2026), 'R-1', 10_000_000n, '2026-08-01');
      await appendAll(store, builder.take());
      const rebuilding = projectorOn().rebuild();
      for (let i = 0; i < 10; i++)
        builder.line(lineId, {
          type: 'RegisterCommitment',
          data: { transactionId: `R-c${i}`, date: '2026-08-02', commitmentId: `C-${i}`, amount: '1000' },
        });
      const last = await appendAll(store, builder.take());
      const rebuilt = await rebuilding;
      expect(rebuilt.position).toBeGreaterThan(0n);
      await projector.waitFor(last, 20_000);
      await projector.refresh();
      await projector.waitFor(last, 20_000);
      const live = await expectMatchesStore();
      expect(Object.keys(live.lines).length).toBe(Object.keys(before.lines).length + 1);
    } finally {
      await projector.stop();
    }
    const live = await dumpReadModel(pool);
    const result = await projectorOn().rebuild();
    expect(result.events).toBe((await store.readAll()).length);
    expect(await dumpReadModel(pool)).toEqual(live);
  });
});

// ---- property: random valid ledgers ----

interface Op {
  kind: 'commit' | 'reduce' | 'cancel' | 'pay' | 'amend' | 'rename' | 'approve';
  line: number;
  commitment: number;
  amount: number;
  sign: boolean;
  day: number;
}

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('commit', 'commit', 'reduce', 'cancel', 'pay', 'pay', 'amend', 'rename', 'approve'),
  line: fc.nat(20),
  commitment: fc.nat(3),
  amount: fc.integer({ min: 1, max: 3_000_000 }),
  sign: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
});

const ledgerArb = fc.record({
  institutions: fc.array(
    fc.record({ region: fc.constantFrom(...REGION_IDS), level: fc.constantFrom(...INSTITUTION_LEVELS) }),
    { minLength: 1, maxLength: 4 },
  ),
  programmes: fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 3 }),
  lines: fc.array(fc.record({ institution: fc.nat(3), programme: fc.nat(2), year: fc.constantFrom(2025, 2026) }), {
    minLength: 1,
    maxLength: 6,
  }),
  ops: fc.array(opArb, { minLength: 15, maxLength: 60, size: 'max' }),
  split: fc.double({ min: 0, max: 1, noNaN: true }),
  catchUpPage: fc.integer({ min: 1, max: 40 }),
  livePage: fc.integer({ min: 1, max: 40 }),
  viaStore: fc.boolean(),
});

describe('property: the projection of a random valid ledger equals the sums over its events', () => {
  let run = 0;
  const seen: Record<string, number> = {};

  afterAll(() => {
    // The generated ledgers exercise every kind of transaction, not just refusals.
    for (const type of [
      'AllocationAmended',
      'CommitmentRegistered',
      'CommitmentReduced',
      'CommitmentCancelled',
      'PaymentMade',
    ])
      expect(seen[type] ?? 0).toBeGreaterThan(0);
  });

  it('holds for catch-up and live projection in random page sizes, and for a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, async (spec) => {
        run++;
        // A store of its own per run; the read model is emptied.
        const runStore = await PostgresEventStore.create({
          connectionString: database.url,
          schema: `budget_prop_${run}`,
          pollIntervalMs: 100,
        });
        try {
          await withTransaction(pool, (client) => emptyReadModel(client));
          const builder = new LedgerBuilder();
          const bins = spec.institutions.map((inst, i) => {
            const bin = testBin(1000 + run * 10 + i);
            builder.registerInstitution(bin, inst.region, inst.level as InstitutionLevel);
            return bin;
          });
          const codes = spec.programmes.map((group, i) =>
            builder.registerProgramme('400', String(100 + i), '000', String(group).padStart(2, '0')),
          );
          const lineIds: string[] = [];
          const seq = { n: 0 };
          const tx = () => `P-${++seq.n}`;
          for (const l of spec.lines) {
            const cls = builder.classification(
              bins[l.institution % bins.length]!,
              codes[l.programme % codes.length]!,
              l.year,
            );
            lineIds.push(builder.approve(cls, tx(), 10_000_000n, `${l.year}-01-05`));
          }
          const unique = [...new Set(lineIds)];
          for (const op of spec.ops) {
            const lineId = unique[op.line % unique.length]!;
            const year = lineId.slice(-4);
            const date = `${year}-0${1 + (op.day % 9)}-${String(op.day).padStart(2, '0')}`;
            const commitmentId = `C-${op.commitment}`;
            const amount = String(op.amount);
            // Reductions and payments small enough that many fit their commitment.
            const part = String(1 + (op.amount % 300_000));
            switch (op.kind) {
              case 'commit':
                builder.line(lineId, {
                  type: 'RegisterCommitment',
                  data: { transactionId: tx(), date, commitmentId, amount },
                });
                break;
              case 'reduce':
                builder.line(lineId, {
                  type: 'ReduceCommitment',
                  data: { transactionId: tx(), date, commitmentId, amount: part },
                });
                break;
              case 'cancel':
                builder.line(lineId, { type: 'CancelCommitment', data: { transactionId: tx(), date, commitmentId } });
                break;
              case 'pay':
                builder.line(lineId, {
                  type: 'MakePayment',
                  data: { transactionId: tx(), date, commitmentId, paymentId: `P-${seq.n}`, amount: part },
                });
                break;
              case 'amend':
                builder.line(lineId, {
                  type: 'AmendAllocation',
                  data: { transactionId: tx(), date, delta: `${op.sign ? '' : '-'}${amount}` },
                });
                break;
              case 'rename':
                builder.correctInstitutionName(bins[op.line % bins.length]!, names(`Renamed ${op.amount}`));
                break;
              case 'approve':
                // A second approval of an opened line is refused by the domain.
                builder.approve(
                  builder.classification(bins[0]!, codes[0]!, 2026),
                  tx(),
                  BigInt(op.amount),
                  '2026-02-02',
                );
                break;
            }
          }
          const appends = builder.take();
          const cut = Math.floor(appends.length * spec.split);
          const source = spec.viaStore
            ? new StoreLedgerSource(runStore)
            : new SqlLedgerSource(pool, `budget_prop_${run}`);
          const projector = new BudgetProjector(pool, source, runStore, { pageSize: spec.catchUpPage, retryMs: 20 });
          await appendAll(runStore, appends.slice(0, cut));
          await projector.catchUp();
          const live = new BudgetProjector(pool, source, runStore, {
            pageSize: spec.livePage,
            retryMs: 20,
            followMs: 20,
          });
          live.start();
          try {
            const last = await appendAll(runStore, appends.slice(cut));
            if (last > 0n) await live.waitFor(last, 20_000);
          } finally {
            await live.stop();
          }
          const all = await runStore.readAll();
          for (const event of all) seen[event.type] = (seen[event.type] ?? 0) + 1;
          const expected = expectedReadModel(all);
          const projected = await dumpReadModel(pool);
          expect(projected).toEqual(expected);
          await new BudgetProjector(pool, source, runStore, { pageSize: 1 + (spec.livePage % 7) }).rebuild();
          expect(await dumpReadModel(pool)).toEqual(projected);
        } finally {
          await runStore.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
