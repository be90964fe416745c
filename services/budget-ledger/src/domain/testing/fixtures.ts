/** A fictional institution, programme and line for specs (BINs are checksum-valid, not real). */
import type {
  AllocationApproved,
  BudgetLineEvent,
  BudgetLineOpened,
  LineClassification,
} from '../budget-line/budget-line.events.js';
import type { InstitutionRegisteredData } from '../institution/institution.events.js';
import type { ProgrammeRegisteredData } from '../programme/programme.events.js';

export const BIN = '970240000126';
export const OTHER_BIN = '050140001129';
export const SUPPLIER_BIN = '990440001115';
export const YEAR = 2026;
export const LINE_ID = `${BIN}-253001000-${YEAR}`;

export const INSTITUTION: InstitutionRegisteredData = {
  bin: BIN,
  name: {
    kk: 'Алматы қаласының Білім басқармасы',
    ru: 'Управление образования города Алматы',
    en: 'Education Department of Almaty',
  },
  regionId: 'KZ-75',
  level: 'regional',
};

export const PROGRAMME: ProgrammeRegisteredData = {
  code: '253001000',
  administrator: '253',
  programme: '001',
  subprogramme: '000',
  functionalGroup: '04',
  name: {
    kk: 'Білім беру саласындағы мемлекеттік саясатты іске асыру',
    ru: 'Реализация государственной политики в сфере образования',
    en: 'Implementing state policy in education',
  },
};

export const LINE: LineClassification = {
  bin: BIN,
  regionId: 'KZ-75',
  level: 'regional',
  administrator: '253',
  programme: '001',
  subprogramme: '000',
  functionalGroup: '04',
  fiscalYear: YEAR,
};

export const opened: BudgetLineOpened = {
  type: 'BudgetLineOpened',
  data: { lineId: LINE_ID, transactionId: 'T-1', date: '2026-01-10', line: LINE },
};

/** 1 000 000.00 tenge. */
export const approved: AllocationApproved = {
  type: 'AllocationApproved',
  data: { lineId: LINE_ID, transactionId: 'T-1', date: '2026-01-10', amount: '100000000' },
};

export const committed = (
  commitmentId: string,
  amount: string,
  transactionId = `T-${commitmentId}`,
): BudgetLineEvent => ({
  type: 'CommitmentRegistered',
  data: { lineId: LINE_ID, transactionId, date: '2026-02-01', commitmentId, amount },
});

export const paidOn = (
  commitmentId: string,
  paymentId: string,
  amount: string,
  transactionId = `T-${paymentId}`,
): BudgetLineEvent => ({
  type: 'PaymentMade',
  data: { lineId: LINE_ID, transactionId, date: '2026-03-01', commitmentId, paymentId, amount },
});
