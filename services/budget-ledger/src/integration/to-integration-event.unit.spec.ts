import type { RecordedEvent } from '@adal/event-store';
import type { BudgetLineEvent, InstitutionEvent, ProgrammeEvent } from '../domain/index.js';
import {
  approved,
  BIN,
  committed,
  INSTITUTION,
  LINE_ID,
  opened,
  paidOn,
  PROGRAMME,
  SUPPLIER_BIN,
} from '../domain/testing/fixtures.js';
import { budgetContracts, toIntegrationEvent } from './to-integration-event.js';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const recorded = (
  event: InstitutionEvent | ProgrammeEvent | BudgetLineEvent,
  streamName = `budgetline-${LINE_ID}`,
): RecordedEvent => ({
  id: '0190a8e0-7c1b-7000-8000-000000000001',
  type: event.type,
  data: event.data,
  metadata: { traceparent: TRACEPARENT },
  streamName,
  revision: 3n,
  globalPosition: 10n,
  recordedAt: '2026-02-14T05:00:00.000Z',
});
const line = { lineId: LINE_ID, transactionId: 'T-9', date: '2026-05-01' };

describe('budget integration events', () => {
  it('publishes a registered institution keyed by its BIN, with the store event id and trace', () => {
    const envelope = toIntegrationEvent(
      recorded({ type: 'InstitutionRegistered', data: INSTITUTION }, `institution-${BIN}`),
    )!;
    expect(envelope).toEqual({
      specversion: '1.0',
      id: '0190a8e0-7c1b-7000-8000-000000000001',
      source: '/adal-office/budget-ledger',
      type: 'budget.InstitutionRegistered',
      subject: BIN,
      time: '2026-02-14T05:00:00.000Z',
      datacontenttype: 'application/json',
      dataversion: 1,
      data: INSTITUTION,
      traceparent: TRACEPARENT,
    });
    expect(() => budgetContracts.assertPublishable(envelope)).not.toThrow();
  });

  it('publishes a corrected name and a registered programme keyed by its code', () => {
    const corrected = toIntegrationEvent(
      recorded({ type: 'InstitutionNameCorrected', data: { bin: BIN, name: INSTITUTION.name } }, `institution-${BIN}`),
    )!;
    expect(corrected).toMatchObject({ type: 'budget.InstitutionNameCorrected', subject: BIN });
    const programme = toIntegrationEvent(
      recorded({ type: 'ProgrammeRegistered', data: PROGRAMME }, 'programme-253001000'),
    )!;
    expect(programme).toMatchObject({ type: 'budget.ProgrammeRegistered', subject: '253001000', data: PROGRAMME });
    for (const e of [corrected, programme]) expect(() => budgetContracts.assertPublishable(e)).not.toThrow();
  });

  it.each<[string, BudgetLineEvent]>([
    ['BudgetLineOpened', opened],
    ['AllocationApproved', approved],
    ['AllocationAmended', { type: 'AllocationAmended', data: { ...line, delta: '-5000', allocation: '99995000' } }],
    [
      'AllocationAmended',
      { type: 'AllocationAmended', data: { ...line, delta: '5000', allocation: '100005000', reason: 'clarified' } },
    ],
    ['CommitmentRegistered', committed('C1', '30000000')],
    [
      'CommitmentRegistered',
      {
        type: 'CommitmentRegistered',
        data: { ...line, commitmentId: 'C2', amount: '1', supplierBin: SUPPLIER_BIN },
      },
    ],
    ['CommitmentReduced', { type: 'CommitmentReduced', data: { ...line, commitmentId: 'C1', amount: '100' } }],
    ['CommitmentCancelled', { type: 'CommitmentCancelled', data: { ...line, commitmentId: 'C1', released: '900' } }],
    ['PaymentMade', paidOn('C1', 'P1', '10000000')],
  ])('publishes %s keyed by the line, with the same data, valid for its contract', (type, event) => {
    const envelope = toIntegrationEvent(recorded(event))!;
    expect(envelope).toMatchObject({ type: `budget.${type}`, subject: LINE_ID, dataversion: 1 });
    expect(envelope.data).toEqual(event.data);
    expect(() => budgetContracts.assertPublishable(envelope)).not.toThrow();
  });

  it('publishes no field a contract does not have', () => {
    const withExtra = { ...approved, data: { ...approved.data, internalNote: 'not for publication' } };
    const envelope = toIntegrationEvent(recorded(withExtra as BudgetLineEvent))!;
    expect(JSON.stringify(envelope)).not.toContain('internalNote');
  });

  it('ignores streams of other services and event types it does not publish', () => {
    expect(toIntegrationEvent(recorded(approved, 'queueday-office-psc:2026-04-06'))).toBeNull();
    expect(toIntegrationEvent(recorded({ type: 'LineFrozen', data: {} } as never))).toBeNull();
  });
});
