import { budget, ContractRegistry, type IntegrationEnvelope } from '@adal/contracts';
import type { RecordedEvent } from '@adal/event-store';
import { envelopeFrom } from '@adal/messaging';
import {
  parseBudgetStream,
  type BudgetLineEvent,
  type InstitutionEvent,
  type ProgrammeEvent,
} from '../domain/index.js';

/** Every public contract of this service, for validation on publish and on consume. */
export const budgetContracts = new ContractRegistry([...budget.budgetContracts]);

/**
 * Maps a stored ledger event to its public integration event (topic `budget.events`), or null
 * for a stream of another service or an event type this build does not publish. The subject
 * (Kafka key) is the aggregate: the BIN, the programme code or the line id, so the transactions
 * of one line stay in order. The data is copied field by field: a field added to a domain event
 * is not published until its contract has it.
 */
export const toIntegrationEvent = (recorded: RecordedEvent): IntegrationEnvelope | null => {
  const stream = parseBudgetStream(recorded.streamName);
  if (!stream) return null;
  const publish = (type: string, subject: string, data: unknown) =>
    envelopeFrom(recorded, { source: budget.BUDGET_SOURCE, type: `budget.${type}`, subject, dataversion: 1, data });
  const event = { type: recorded.type, data: recorded.data } as InstitutionEvent | ProgrammeEvent | BudgetLineEvent;

  switch (event.type) {
    case 'InstitutionRegistered': {
      const { bin, name, regionId, level } = event.data;
      return publish('InstitutionRegistered', bin, { bin, name, regionId, level });
    }
    case 'InstitutionNameCorrected': {
      const { bin, name } = event.data;
      return publish('InstitutionNameCorrected', bin, { bin, name });
    }
    case 'ProgrammeRegistered': {
      const { code, administrator, programme, subprogramme, functionalGroup, name } = event.data;
      return publish('ProgrammeRegistered', code, {
        code,
        administrator,
        programme,
        subprogramme,
        functionalGroup,
        name,
      });
    }
    case 'BudgetLineOpened': {
      const { lineId, transactionId, date, line } = event.data;
      const { bin, regionId, level, administrator, programme, subprogramme, functionalGroup, fiscalYear } = line;
      return publish('BudgetLineOpened', lineId, {
        lineId,
        transactionId,
        date,
        line: { bin, regionId, level, administrator, programme, subprogramme, functionalGroup, fiscalYear },
      });
    }
    case 'AllocationApproved': {
      const { lineId, transactionId, date, amount } = event.data;
      return publish('AllocationApproved', lineId, { lineId, transactionId, date, amount });
    }
    case 'AllocationAmended': {
      const { lineId, transactionId, date, delta, allocation, reason } = event.data;
      return publish('AllocationAmended', lineId, {
        lineId,
        transactionId,
        date,
        delta,
        allocation,
        ...(reason !== undefined ? { reason } : {}),
      });
    }
    case 'CommitmentRegistered': {
      const { lineId, transactionId, date, commitmentId, amount, supplierBin } = event.data;
      return publish('CommitmentRegistered', lineId, {
        lineId,
        transactionId,
        date,
        commitmentId,
        amount,
        ...(supplierBin !== undefined ? { supplierBin } : {}),
      });
    }
    case 'CommitmentReduced': {
      const { lineId, transactionId, date, commitmentId, amount } = event.data;
      return publish('CommitmentReduced', lineId, { lineId, transactionId, date, commitmentId, amount });
    }
    case 'CommitmentCancelled': {
      const { lineId, transactionId, date, commitmentId, released } = event.data;
      return publish('CommitmentCancelled', lineId, { lineId, transactionId, date, commitmentId, released });
    }
    case 'PaymentMade': {
      const { lineId, transactionId, date, commitmentId, paymentId, amount } = event.data;
      return publish('PaymentMade', lineId, { lineId, transactionId, date, commitmentId, paymentId, amount });
    }
    default:
      return null;
  }
};
