import { ledgerRowOf, type LedgerRow } from './event-source.js';
import { LedgerDelta, rollUp, type LineInfo } from './fold.js';

const LINE = '970240000126-253001000-2026';
const OTHER = '050140001129-253002000-2026';

const line = (bin: string, programme: string, regionId: string, functionalGroup: string) => ({
  bin,
  regionId,
  level: 'district',
  administrator: '253',
  programme,
  subprogramme: '000',
  functionalGroup,
  fiscalYear: 2026,
});

let position = 0;
const row = (type: string, data: Record<string, unknown>): LedgerRow =>
  ledgerRowOf({
    id: `e-${position}`,
    type,
    data,
    metadata: {},
    streamName: 'budgetline-x',
    revision: 0n,
    globalPosition: BigInt(++position),
    recordedAt: '2026-01-01T00:00:00.000Z',
  });

const opened = (lineId: string, cls: ReturnType<typeof line>) =>
  row('BudgetLineOpened', { lineId, transactionId: 'T', date: '2026-01-10', line: cls });
const tx = (type: string, lineId: string, date: string, fields: Record<string, string>) =>
  row(type, { lineId, transactionId: `T-${position}`, date, ...fields });

describe('LedgerDelta: the batch fold', () => {
  beforeEach(() => (position = 0));

  it('sums allocation, open commitments and payments per line, and counts transactions', () => {
    const known = new Map<string, LineInfo>();
    const delta = new LedgerDelta(0n, known).fold([
      opened(LINE, line('970240000126', '001', 'KZ-75', '04')),
      tx('AllocationApproved', LINE, '2026-01-10', { amount: '1000' }),
      tx('CommitmentRegistered', LINE, '2026-02-01', { commitmentId: 'C', amount: '600' }),
      tx('PaymentMade', LINE, '2026-03-01', { commitmentId: 'C', paymentId: 'P', amount: '100' }),
      tx('CommitmentReduced', LINE, '2026-03-02', { commitmentId: 'C', amount: '50' }),
      tx('CommitmentCancelled', LINE, '2026-03-03', { commitmentId: 'C', released: '450' }),
      tx('AllocationAmended', LINE, '2026-02-15', { delta: '-200', allocation: '800' }),
    ]);
    const d = delta.lines.get(LINE)!;
    expect([d.allocated, d.committed, d.paid, d.events, d.lastDate, d.opened]).toEqual([
      800n,
      100n,
      100n,
      6,
      '2026-03-03',
      true,
    ]);
    expect([delta.position, delta.maxDate, delta.events, delta.ledgerEvents]).toEqual([7n, '2026-03-03', 7, 6]);
    expect(known.get(LINE)).toEqual({
      bin: '970240000126',
      programmeCode: '253001000',
      fiscalYear: 2026,
      regionId: 'KZ-75',
      level: 'district',
      functionalGroup: '04',
    });
  });

  it('asks for classifications it does not know, and takes them when resolved', () => {
    const delta = new LedgerDelta(10n, new Map()).fold([tx('PaymentMade', LINE, '2026-05-01', { amount: '5' })]);
    expect(delta.missingLines()).toEqual([LINE]);
    expect(() => rollUp(delta.lines.values(), 'KZ')).toThrow(/no classification/);
    const info: LineInfo = {
      bin: '970240000126',
      programmeCode: '253001000',
      fiscalYear: 2026,
      regionId: 'KZ-75',
      level: 'district',
      functionalGroup: '04',
    };
    delta.resolve(new Map([[LINE, info]]));
    expect(delta.missingLines()).toEqual([]);
    expect(rollUp(delta.lines.values(), 'KZ').regionYears).toEqual([
      { regionId: 'KZ-75', fiscalYear: 2026, opened: 0, allocated: 0n, committed: 0n, paid: 5n },
    ]);
  });

  it('keeps the last names of an institution and its registration data', () => {
    const delta = new LedgerDelta(0n, new Map()).fold([
      row('InstitutionRegistered', {
        bin: '970240000126',
        name: { kk: 'a', ru: 'b', en: 'c' },
        regionId: 'KZ-75',
        level: 'district',
      }),
      row('InstitutionNameCorrected', { bin: '970240000126', name: { kk: 'x', ru: 'y', en: 'z' } }),
      row('InstitutionNameCorrected', { bin: '050140001129', name: { kk: 'p', ru: 'q', en: 'r' } }),
      row('ProgrammeRegistered', {
        code: '253001000',
        administrator: '253',
        programme: '001',
        subprogramme: '000',
        functionalGroup: '04',
        name: { kk: 'k', ru: 'r', en: 'e' },
      }),
      row('SomethingElse', {}),
    ]);
    expect(delta.institutions.get('970240000126')).toEqual({
      bin: '970240000126',
      name: { kk: 'x', ru: 'y', en: 'z' },
      regionId: 'KZ-75',
      level: 'district',
    });
    // A correction alone (its registration was in an earlier batch) carries no region.
    expect(delta.institutions.get('050140001129')).toEqual({
      bin: '050140001129',
      name: { kk: 'p', ru: 'q', en: 'r' },
    });
    expect(delta.programmes.get('253001000')?.functionalGroup).toBe('04');
    expect(delta.position).toBe(5n);
  });

  it('rolls line deltas up per institution, programme, region and functional group (with the country row)', () => {
    const delta = new LedgerDelta(0n, new Map()).fold([
      opened(LINE, line('970240000126', '001', 'KZ-75', '04')),
      tx('AllocationApproved', LINE, '2026-01-10', { amount: '1000' }),
      opened(OTHER, line('050140001129', '002', 'KZ-71', '05')),
      tx('AllocationApproved', OTHER, '2026-01-10', { amount: '300' }),
      tx('PaymentMade', OTHER, '2026-01-11', { amount: '30' }),
    ]);
    const up = rollUp(delta.lines.values(), 'KZ');
    expect(up.institutionYears.map((i) => [i.bin, i.allocated, i.lines])).toEqual([
      ['970240000126', 1000n, 1],
      ['050140001129', 300n, 1],
    ]);
    expect(up.regionYears.map((r) => [r.regionId, r.allocated, r.paid, r.opened])).toEqual([
      ['KZ-75', 1000n, 0n, 1],
      ['KZ-71', 300n, 30n, 1],
    ]);
    expect(up.functionalGroupYears.map((g) => [g.regionId, g.functionalGroup, g.allocated])).toEqual([
      ['KZ-75', '04', 1000n],
      ['KZ', '04', 1000n],
      ['KZ-71', '05', 300n],
      ['KZ', '05', 300n],
    ]);
  });

  it('refuses a line event without a line id or an amount (a corrupt store must stop the projection, not skew it)', () => {
    expect(() => new LedgerDelta(0n, new Map()).fold([row('PaymentMade', { amount: '1' })])).toThrow(/lineId/);
    expect(() => new LedgerDelta(0n, new Map()).fold([row('PaymentMade', { lineId: LINE })])).toThrow(/amount/);
  });
});
