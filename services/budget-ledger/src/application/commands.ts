/**
 * From the outside (an HTTP body, an import row) to domain commands. Only shapes are mapped here:
 * every value is validated by the deciders, which name the field they refuse.
 */
import {
  DomainError,
  type BudgetLineCommand,
  type InstitutionLevel,
  type LineClassification,
  type LocalizedText,
  type RegisterInstitution,
  type RegisterProgramme,
  type TiynInput,
} from '../domain/index.js';
import { TRANSACTION_TYPES, type LedgerRow, type TransactionType } from '../import/ledger-row.js';

export type Body = Record<string, unknown>;

/** A JSON body as an object: anything else (an array, a string, nothing) reads as `{}`. */
export const asBody = (value: unknown): Body =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {};

/** The localized name of a body, kept as given (the decider checks it, and names `name` when it is absent). */
const nameOf = (value: unknown): LocalizedText => value as LocalizedText;

export const registerInstitutionCommand = (body: Body): RegisterInstitution => ({
  type: 'RegisterInstitution',
  data: {
    bin: body['bin'] as string,
    name: nameOf(body['name']),
    regionId: body['regionId'] as string,
    level: body['level'] as InstitutionLevel,
  },
});

export const registerProgrammeCommand = (body: Body): RegisterProgramme => ({
  type: 'RegisterProgramme',
  data: {
    administrator: body['administrator'] as string,
    programme: body['programme'] as string,
    subprogramme: body['subprogramme'] as string,
    functionalGroup: body['functionalGroup'] as string,
    name: nameOf(body['name']),
  },
});

export const isTransactionType = (value: unknown): value is TransactionType =>
  typeof value === 'string' && (TRANSACTION_TYPES as readonly string[]).includes(value);

export const requireTransactionType = (value: unknown, field: string): TransactionType => {
  if (value === undefined || value === null || value === '') throw new DomainError('FIELD_REQUIRED', { field });
  if (!isTransactionType(value))
    throw new DomainError('INVALID_CHOICE', { field, params: { allowed: TRANSACTION_TYPES.join(', ') } });
  return value;
};

/** The fields of a transaction, whatever carried them. */
export interface TransactionFields {
  type: TransactionType;
  transactionId: unknown;
  date: unknown;
  amount?: unknown;
  delta?: unknown;
  commitmentId?: unknown;
  paymentId?: unknown;
  supplierBin?: unknown;
  reason?: unknown;
}

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * The budget-line command of a transaction. `line` is needed by an approval only (the
 * application reads it from the institution and programme streams).
 */
export const lineCommandOf = (fields: TransactionFields, line?: LineClassification): BudgetLineCommand => {
  const transactionId = fields.transactionId as string;
  const date = fields.date as string;
  const amount = fields.amount as TiynInput;
  const commitmentId = fields.commitmentId as string;
  switch (fields.type) {
    case 'allocation-approved':
      return { type: 'ApproveAllocation', data: { transactionId, date, line: line as LineClassification, amount } };
    case 'allocation-amended': {
      const delta = (present(fields.delta) ? fields.delta : fields.amount) as TiynInput;
      return present(fields.reason)
        ? { type: 'AmendAllocation', data: { transactionId, date, delta, reason: fields.reason as string } }
        : { type: 'AmendAllocation', data: { transactionId, date, delta } };
    }
    case 'commitment-registered':
      return present(fields.supplierBin)
        ? {
            type: 'RegisterCommitment',
            data: { transactionId, date, commitmentId, amount, supplierBin: fields.supplierBin as string },
          }
        : { type: 'RegisterCommitment', data: { transactionId, date, commitmentId, amount } };
    case 'commitment-reduced':
      return { type: 'ReduceCommitment', data: { transactionId, date, commitmentId, amount } };
    case 'commitment-cancelled':
      return { type: 'CancelCommitment', data: { transactionId, date, commitmentId } };
    case 'payment-made':
      return {
        type: 'MakePayment',
        data: { transactionId, date, commitmentId, paymentId: fields.paymentId as string, amount },
      };
  }
};

/** The command of an import row (or a generated one). */
export const rowLineCommand = (row: LedgerRow, line?: LineClassification): BudgetLineCommand =>
  lineCommandOf(
    {
      type: row.type,
      transactionId: row.transactionId,
      date: row.date,
      amount: row.amount,
      commitmentId: row.commitmentId,
      paymentId: row.paymentId,
      supplierBin: row.supplierBin,
    },
    line,
  );

/** The classification a line opens with: the institution's place and the programme's codes. */
export const classificationOf = (
  institution: { bin: string; regionId: string; level: InstitutionLevel },
  programme: { administrator: string; programme: string; subprogramme: string; functionalGroup: string },
  fiscalYear: number,
): LineClassification => ({
  bin: institution.bin,
  regionId: institution.regionId,
  level: institution.level,
  administrator: programme.administrator,
  programme: programme.programme,
  subprogramme: programme.subprogramme,
  functionalGroup: programme.functionalGroup,
  fiscalYear,
});
