import { createHash } from 'node:crypto';
import {
  budgetLineDecider,
  institutionDecider,
  isValidBin,
  programmeDecider,
  REGION_IDS,
  type BudgetLineState,
} from '../domain/index.js';
import { ledgerRowCsv, type LedgerRow } from '../import/ledger-row.js';
import { classificationOf, rowLineCommand } from '../application/commands.js';
import { isSyntheticName, PROGRAMMES, SYNTHETIC_LABEL } from './catalogue.js';
import {
  dateOfDay,
  lineTransactions,
  planSyntheticLedger,
  syntheticBin,
  syntheticRows,
  type SyntheticPlan,
} from './dataset.js';
import { Prng } from './prng.js';

const digest = (plan: SyntheticPlan): string => {
  const hash = createHash('sha256');
  for (const row of syntheticRows(plan)) hash.update(ledgerRowCsv(row));
  return hash.digest('hex');
};

/**
 * Folds every line of the plan through the real deciders (a refusal throws) and checks the
 * invariants after every event; answers the final line states, the event count and any violation.
 */
const replay = (plan: SyntheticPlan) => {
  const states = new Map<string, BudgetLineState>();
  const violations: string[] = [];
  let events = 0;
  for (const line of plan.lines) {
    const rows = lineTransactions(plan, line);
    const first = rows[0]!;
    const registered = [
      ...institutionDecider.decide(
        { type: 'RegisterInstitution', data: first.institution },
        institutionDecider.initialState(),
      ),
      ...programmeDecider.decide({ type: 'RegisterProgramme', data: first.programme }, programmeDecider.initialState()),
    ];
    if (registered.length !== 2) violations.push(`${line.lineId}: registration`);
    const classification = classificationOf(line.institution, line.programme, plan.year);
    let state = budgetLineDecider.initialState();
    for (const row of rows) {
      const produced = budgetLineDecider.decide(rowLineCommand(row, classification), state);
      if (produced.length === 0) violations.push(`${row.transactionId}: no event`);
      for (const event of produced) {
        state = budgetLineDecider.evolve(state, event);
        if (!(state.paid >= 0n && state.paid <= state.committed && state.committed <= state.allocation))
          violations.push(
            `${row.transactionId}: paid ${state.paid} committed ${state.committed} allocation ${state.allocation}`,
          );
      }
      events += produced.length;
    }
    for (const [id, c] of state.commitments) if (c.paid > c.amount) violations.push(`${line.lineId} ${id}: overpaid`);
    if (rows.length + 1 !== line.events)
      violations.push(`${line.lineId}: ${rows.length + 1} events, planned ${line.events}`);
    states.set(line.lineId, state);
  }
  return { states, events, violations };
};

describe('the synthetic dataset', () => {
  const small = { institutions: 60, events: 4_000, seed: 'unit', year: 2025 };

  it('is the same for the same seed, and differs for another', () => {
    const a = digest(planSyntheticLedger(small));
    expect(digest(planSyntheticLedger(small))).toBe(a);
    expect(digest(planSyntheticLedger({ ...small, seed: 'other' }))).not.toBe(a);
  });

  it('holds exactly the requested number of events, every one accepted by the deciders with the invariants kept', () => {
    const plan = planSyntheticLedger(small);
    expect(plan.lines.reduce((sum, line) => sum + line.events, 0)).toBe(4_000);
    const { events, violations } = replay(plan);
    expect(violations).toEqual([]);
    expect(events).toBe(4_000);
  });

  it('keeps every date within the fiscal year and not after the as-of date, each line in date order', () => {
    const plan = planSyntheticLedger({ ...small, year: 2026, asOf: '2026-06-30' });
    const wrong: string[] = [];
    for (const line of plan.lines) {
      const rows = lineTransactions(plan, line);
      if (rows[0]!.type !== 'allocation-approved') wrong.push(`${line.lineId}: starts with ${rows[0]!.type}`);
      const dates = rows.map((r) => r.date);
      if ([...dates].sort().join() !== dates.join()) wrong.push(`${line.lineId}: not in date order`);
      for (const row of rows)
        if (row.date < '2026-01-01' || row.date > '2026-06-30') wrong.push(`${row.transactionId}: ${row.date}`);
    }
    expect(wrong).toEqual([]);
    expect(replay(plan).violations).toEqual([]);
  });

  it('gives valid, unique BINs and names marked synthetic in all three languages', () => {
    const plan = planSyntheticLedger(small);
    const bins = new Set(plan.institutions.map((i) => i.bin));
    expect(bins.size).toBe(plan.institutions.length);
    for (const institution of plan.institutions) {
      expect(isValidBin(institution.bin)).toBe(true);
      expect(institution.name.kk.startsWith(SYNTHETIC_LABEL.kk)).toBe(true);
      expect(institution.name.ru.startsWith(SYNTHETIC_LABEL.ru)).toBe(true);
      expect(institution.name.en.startsWith(SYNTHETIC_LABEL.en)).toBe(true);
      expect(REGION_IDS).toContain(institution.regionId);
    }
    for (const programme of PROGRAMMES) expect(isSyntheticName(programme.name)).toBe(true);
    const suppliers = [...syntheticRows(plan)].map((r) => r.supplierBin).filter((b): b is string => !!b);
    expect(suppliers.length).toBeGreaterThan(0);
    for (const bin of suppliers) {
      expect(isValidBin(bin)).toBe(true);
      expect(bins.has(bin)).toBe(false);
    }
    for (let n = 0; n < 3_000; n++) expect(isValidBin(syntheticBin(n, 0, new Prng(`bin/${n}`)))).toBe(true);
  });

  it('has about 300 programmes across the 13 functional groups', () => {
    expect(PROGRAMMES.length).toBeGreaterThanOrEqual(280);
    expect(PROGRAMMES.length).toBeLessThanOrEqual(340);
    expect(new Set(PROGRAMMES.map((p) => p.functionalGroup)).size).toBe(13);
    const codes = PROGRAMMES.map((p) => `${p.administrator}${p.programme}${p.subprogramme}`);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{9}$/);
  });

  it('refuses options it cannot honour', () => {
    expect(() => planSyntheticLedger({ ...small, events: 100 })).toThrow(RangeError);
    expect(() => planSyntheticLedger({ ...small, institutions: 0 })).toThrow(RangeError);
    expect(() => planSyntheticLedger({ ...small, asOf: '2024-12-31' })).toThrow(RangeError);
  });

  it('writes day numbers as calendar dates, leap years included', () => {
    expect(dateOfDay(2026, 1)).toBe('2026-01-01');
    expect(dateOfDay(2026, 59)).toBe('2026-02-28');
    expect(dateOfDay(2026, 60)).toBe('2026-03-01');
    expect(dateOfDay(2024, 60)).toBe('2024-02-29');
    expect(dateOfDay(2024, 366)).toBe('2024-12-31');
  });

  describe('at country scale (2,000 institutions, 100,000 events)', () => {
    const plan = planSyntheticLedger({ institutions: 2_000, events: 100_000, seed: 'scale', year: 2025 });
    const rows: LedgerRow[] = [...syntheticRows(plan)];

    it('spreads institutions over all 20 regions, more where more people live, at realistic level shares', () => {
      const byRegion = new Map<string, number>();
      for (const i of plan.institutions) byRegion.set(i.regionId, (byRegion.get(i.regionId) ?? 0) + 1);
      expect(byRegion.size).toBe(20);
      expect(byRegion.get('KZ-61')!).toBeGreaterThan(3 * byRegion.get('KZ-62')!); // Turkistan vs Ulytau
      const share = (level: string) =>
        plan.institutions.filter((i) => i.level === level).length / plan.institutions.length;
      expect(share('rural')).toBeGreaterThan(0.35);
      expect(share('rural')).toBeLessThan(0.5);
      expect(share('district')).toBeGreaterThan(0.3);
      expect(share('republican')).toBeLessThan(0.08);
      // Republican bodies sit mostly in the capital; rural districts never in the three cities.
      const republican = plan.institutions.filter((i) => i.level === 'republican');
      expect(republican.filter((i) => i.regionId === 'KZ-71').length / republican.length).toBeGreaterThan(0.5);
      expect(
        plan.institutions.some((i) => i.level === 'rural' && ['KZ-71', 'KZ-75', 'KZ-79'].includes(i.regionId)),
      ).toBe(false);
      expect(plan.programmes.length).toBeGreaterThan(250);
    });

    it('allocates about 8.3 trillion tenge x 2,000 / 17,000 with a heavy tail', () => {
      const allocations = plan.lines.map((l) => l.allocation).sort((a, b) => b - a);
      const total = allocations.reduce((s, a) => s + a, 0) / 100;
      expect(total / ((8.3e12 * 2_000) / 17_000)).toBeGreaterThan(0.97);
      expect(total / ((8.3e12 * 2_000) / 17_000)).toBeLessThan(1.03);
      const top1 = allocations.slice(0, Math.ceil(allocations.length / 100)).reduce((s, a) => s + a, 0);
      expect(top1 / (total * 100)).toBeGreaterThan(0.15);
      const median = allocations[Math.floor(allocations.length / 2)]!;
      expect((total * 100) / allocations.length / median).toBeGreaterThan(3);
    });

    it('pays through the year: more paid each quarter, about 90% of the allocation by the year end', () => {
      const paidBy = [0, 0, 0, 0];
      let allocated = 0n;
      for (const row of rows) {
        if (row.type === 'allocation-approved' || row.type === 'allocation-amended') allocated += row.amount as bigint;
        if (row.type !== 'payment-made') continue;
        const quarter = Math.floor((Number(row.date.slice(5, 7)) - 1) / 3);
        paidBy[quarter]! += Number(row.amount) / 100;
      }
      for (const paid of paidBy) expect(paid).toBeGreaterThan(0);
      expect(paidBy[3]!).toBeGreaterThan(paidBy[0]!);
      const execution = paidBy.reduce((s, p) => s + p, 0) / (Number(allocated) / 100);
      expect(execution).toBeGreaterThan(0.8);
      expect(execution).toBeLessThanOrEqual(1);
      const types = new Set(rows.map((r) => r.type));
      expect([...types].sort()).toEqual([
        'allocation-amended',
        'allocation-approved',
        'commitment-cancelled',
        'commitment-reduced',
        'commitment-registered',
        'payment-made',
      ]);
    });

    it('is valid for the deciders from the first event to the last', () => {
      const { events, violations } = replay(plan);
      expect(violations).toEqual([]);
      expect(events).toBe(100_000);
    });
  });
});
