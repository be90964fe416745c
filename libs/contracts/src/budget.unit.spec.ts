import { budgetContracts, BUDGET_SOURCE, BUDGET_TOPIC } from './budget.js';
import { ContractRegistry, ContractViolation } from './contracts.js';
import type { IntegrationEnvelope } from './envelope.js';

const registry = new ContractRegistry([...budgetContracts]);
const LINE_ID = '970240000126-253001000-2026';
const envelope = (type: string, data: unknown, subject = LINE_ID): IntegrationEnvelope => ({
  specversion: '1.0',
  id: '0190a8e0-7c1b-7000-8000-000000000001',
  source: BUDGET_SOURCE,
  type,
  subject,
  time: '2026-02-14T10:00:00+05:00',
  datacontenttype: 'application/json',
  dataversion: 1,
  data,
});
const line = { lineId: LINE_ID, transactionId: 'KZ-2026-000001', date: '2026-02-14' };
const name = { kk: 'Білім басқармасы', ru: 'Управление образования', en: 'Education Department' };

describe('budget contracts', () => {
  it('publishes on budget.events with one contract per ledger event', () => {
    expect(BUDGET_TOPIC).toBe('budget.events');
    expect(budgetContracts.map((c) => c.type)).toEqual([
      'budget.InstitutionRegistered',
      'budget.InstitutionNameCorrected',
      'budget.ProgrammeRegistered',
      'budget.BudgetLineOpened',
      'budget.AllocationApproved',
      'budget.AllocationAmended',
      'budget.CommitmentRegistered',
      'budget.CommitmentReduced',
      'budget.CommitmentCancelled',
      'budget.PaymentMade',
    ]);
    for (const contract of budgetContracts) expect(registry.latestVersion(contract.type)).toBe(1);
  });

  it.each([
    [
      'budget.InstitutionRegistered',
      { bin: '970240000126', name, regionId: 'KZ-75', level: 'district' },
      '970240000126',
    ],
    ['budget.InstitutionNameCorrected', { bin: '970240000126', name }, '970240000126'],
    [
      'budget.ProgrammeRegistered',
      { code: '253001000', administrator: '253', programme: '001', subprogramme: '000', functionalGroup: '04', name },
      '253001000',
    ],
    [
      'budget.BudgetLineOpened',
      {
        ...line,
        line: {
          bin: '970240000126',
          regionId: 'KZ-75',
          level: 'district',
          administrator: '253',
          programme: '001',
          subprogramme: '000',
          functionalGroup: '04',
          fiscalYear: 2026,
        },
      },
      LINE_ID,
    ],
    ['budget.AllocationApproved', { ...line, amount: '150000000' }, LINE_ID],
    ['budget.AllocationAmended', { ...line, delta: '-5000', allocation: '149995000', reason: 'clarified' }, LINE_ID],
    ['budget.AllocationAmended', { ...line, delta: '-149995000', allocation: '0' }, LINE_ID],
    [
      'budget.CommitmentRegistered',
      { ...line, commitmentId: 'C-17', amount: '1000', supplierBin: '990440001115' },
      LINE_ID,
    ],
    ['budget.CommitmentReduced', { ...line, commitmentId: 'C-17', amount: '100' }, LINE_ID],
    ['budget.CommitmentCancelled', { ...line, commitmentId: 'C-17', released: '900' }, LINE_ID],
    ['budget.PaymentMade', { ...line, commitmentId: 'C-17', paymentId: 'P-3', amount: '1000000000000000000' }, LINE_ID],
  ])('publishes %s v1', (type, data, subject) => {
    expect(() => registry.assertPublishable(envelope(type, data, subject))).not.toThrow();
    expect(registry.decode(envelope(type, data, subject))).toEqual({
      ok: true,
      envelope: envelope(type, data, subject),
    });
  });

  it.each([
    ['a number instead of a decimal string', 'budget.PaymentMade', { amount: 1000 }, /data\.amount/],
    ['a zero amount', 'budget.AllocationApproved', { amount: '0' }, /data\.amount/],
    ['a negative amount', 'budget.CommitmentReduced', { amount: '-5' }, /data\.amount/],
    ['a fraction', 'budget.PaymentMade', { amount: '12.50' }, /data\.amount/],
    ['more than 10^18 tiyn (20 digits)', 'budget.PaymentMade', { amount: '10000000000000000000' }, /data\.amount/],
    ['10^18 + 1 tiyn', 'budget.PaymentMade', { amount: '1000000000000000001' }, /data\.amount/],
    ['a zero delta', 'budget.AllocationAmended', { delta: '0', allocation: '10' }, /data\.delta/],
    ['a negative allocation', 'budget.AllocationAmended', { delta: '-5', allocation: '-5' }, /data\.allocation/],
    ['a line id of another shape', 'budget.PaymentMade', { lineId: '970240000126-2026' }, /data\.lineId/],
    ['a transaction id with spaces', 'budget.PaymentMade', { transactionId: 'KZ 1' }, /data\.transactionId/],
    ['a date that is not YYYY-MM-DD', 'budget.PaymentMade', { date: '14.02.2026' }, /data\.date/],
    [
      'a supplier id that is not a BIN',
      'budget.CommitmentRegistered',
      { supplierBin: '12345', amount: '1' },
      /data\.supplierBin/,
    ],
  ])('refuses %s', (_what, type, overrides, problem) => {
    const data = { ...line, commitmentId: 'C-17', paymentId: 'P-3', amount: '1', ...overrides };
    expect(() => registry.assertPublishable(envelope(type, data))).toThrow(ContractViolation);
    expect(() => registry.assertPublishable(envelope(type, data))).toThrow(problem);
  });

  it('refuses a region id or a functional group of another shape', () => {
    expect(() =>
      registry.assertPublishable(
        envelope('budget.InstitutionRegistered', { bin: '970240000126', name, regionId: 'Almaty', level: 'district' }),
      ),
    ).toThrow(/data\.regionId/);
    expect(() =>
      registry.assertPublishable(
        envelope('budget.ProgrammeRegistered', {
          code: '253001000',
          administrator: '253',
          programme: '001',
          subprogramme: '000',
          functionalGroup: '14',
          name,
        }),
      ),
    ).toThrow(/data\.functionalGroup/);
  });

  it('tells a consumer of an older build to upgrade when v2 arrives', () => {
    const decoded = registry.decode({ ...envelope('budget.PaymentMade', {}), dataversion: 2 });
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/v2 is newer than v1/);
  });
});
