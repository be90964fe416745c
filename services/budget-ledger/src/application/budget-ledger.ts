/**
 * The budget ledger's command service: every write (HTTP commands, imports) goes through here.
 * One command is one stream: read it, decide, append with the read revision (`handleCommand`,
 * retried on a concurrent append). An approval also reads the institution and programme streams
 * to build the line's classification (the decider never reads other streams).
 */
import {
  AggregateCache,
  aggregateStream,
  handleCommand,
  WrongExpectedVersionError,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@adal/event-store';
import {
  budgetLineDecider,
  budgetLineStream,
  DomainError,
  executionShare,
  institutionDecider,
  institutionStream,
  lineIdOf,
  parseLineId,
  programmeCodeOf,
  programmeDecider,
  programmeStream,
  requireBin,
  requireFiscalYear,
  requireLineId,
  toTiynString,
  type BudgetLineState,
  type CorrectInstitutionName,
  type InstitutionRegisteredData,
  type LineClassification,
  type ProgrammeRegisteredData,
} from '../domain/index.js';
import type { LedgerRow } from '../import/ledger-row.js';
import {
  asBody,
  classificationOf,
  lineCommandOf,
  registerInstitutionCommand,
  registerProgrammeCommand,
  requireTransactionType,
  rowLineCommand,
  type TransactionFields,
} from './commands.js';
import { ApplicationError, type Refusal } from './errors.js';
import { registrationEventIds, transactionEventIds } from './event-ids.js';
import { eventMetadata } from './trace.js';

/** A line as a command answers it (the gateway's `BudgetLineSummary`). Amounts are decimal strings of tiyn. */
export interface LineSummary {
  lineId: string;
  bin: string;
  programmeCode: string;
  fiscalYear: number;
  regionId: string;
  level: LineClassification['level'];
  functionalGroup: string;
  allocated: string;
  committed: string;
  paid: string;
  /** paid / allocated in percent (one decimal), null when nothing is allocated. */
  executionPct: number | null;
  /** Commitments registered (cancelled ones included). */
  commitments: number;
  payments: number;
  /** Transactions recorded on the line. */
  transactions: number;
}

export interface TransactionResult {
  /** True when the line had seen the transaction id already: nothing was recorded. */
  duplicate: boolean;
  line: LineSummary;
}

/** Which stream of an import row refused it (the importer names the CSV column from it). */
export type RowPart = 'row' | 'institution' | 'programme' | 'line';

/** A row refused by a decider or a check, and the part of the row it came from. */
export class RowRefused extends Error {
  constructor(
    readonly part: RowPart,
    readonly refusal: Refusal,
  ) {
    super(refusal.message);
    this.name = 'RowRefused';
  }
}

/**
 * What one import has already registered or found registered, keyed by the row's raw columns:
 * a row repeating them needs no read of the institution or programme stream.
 */
export interface ImportMemo {
  institutions: Map<string, InstitutionRegisteredData>;
  programmes: Map<string, ProgrammeRegisteredData>;
}

export const newImportMemo = (): ImportMemo => ({ institutions: new Map(), programmes: new Map() });

export interface BudgetLedgerOptions {
  /** Folded states, so a command reads only the events appended since. */
  cache?: AggregateCache;
  /** Re-reads after a concurrent append. Default 5. */
  retries?: number;
}

const summaryOf = (lineId: string, state: BudgetLineState): LineSummary => {
  const line = state.line!;
  const share = executionShare(state.allocation, state.paid);
  return {
    lineId,
    bin: line.bin,
    programmeCode: programmeCodeOf(line.administrator, line.programme, line.subprogramme),
    fiscalYear: line.fiscalYear,
    regionId: line.regionId,
    level: line.level,
    functionalGroup: line.functionalGroup,
    allocated: toTiynString(state.allocation),
    committed: toTiynString(state.committed),
    paid: toTiynString(state.paid),
    executionPct: share === undefined ? null : Math.round(share * 1000) / 10,
    commitments: state.commitments.size,
    payments: state.paymentIds.size,
    transactions: state.transactionIds.size,
  };
};

const refusedAs = async <T>(part: RowPart, run: () => T | Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError || error instanceof ApplicationError) throw new RowRefused(part, error);
    throw error;
  }
};

export class BudgetLedger {
  private readonly cache: AggregateCache;
  private readonly retries: number;

  constructor(
    private readonly store: EventStore,
    options: BudgetLedgerOptions = {},
  ) {
    this.cache = options.cache ?? new AggregateCache(20_000);
    this.retries = options.retries ?? 5;
  }

  // --- institutions and programmes ----------------------------------------------------------------

  /** `RegisterInstitution`; `created` is false when the same data was registered already. */
  async registerInstitution(input: unknown): Promise<{ created: boolean; institution: InstitutionRegisteredData }> {
    const body = asBody(input);
    const bin = requireBin(body['bin'], 'bin');
    const command = registerInstitutionCommand(body);
    const stream = institutionStream(bin);
    const result = await handleCommand(this.store, stream, command, institutionDecider, {
      eventIds: registrationEventIds(stream, command.data),
      cache: this.cache,
      retries: this.retries,
      metadata: eventMetadata(),
    });
    return { created: result.events.length > 0, institution: result.state.institution! };
  }

  /**
   * `CorrectInstitutionName` (`PUT /v1/budget/institutions/{bin}/name`, body `{ name: {kk, ru, en} }`);
   * `changed` is false when the names were these already. The event ids are the store's own: a
   * re-sent correction decides nothing, and correcting back and forth records every correction.
   */
  async correctInstitutionName(
    binInput: unknown,
    input: unknown,
  ): Promise<{ changed: boolean; institution: InstitutionRegisteredData }> {
    const bin = requireBin(binInput, 'bin');
    const body = asBody(input);
    const command: CorrectInstitutionName = {
      type: 'CorrectInstitutionName',
      data: { bin, name: body['name'] as CorrectInstitutionName['data']['name'] },
    };
    const result = await handleCommand(this.store, institutionStream(bin), command, institutionDecider, {
      cache: this.cache,
      retries: this.retries,
      metadata: eventMetadata(),
    });
    return { changed: result.events.length > 0, institution: result.state.institution! };
  }

  /** `RegisterProgramme`; `created` is false when the same data was registered already. */
  async registerProgramme(input: unknown): Promise<{ created: boolean; programme: ProgrammeRegisteredData }> {
    const command = registerProgrammeCommand(asBody(input));
    // Deciding on an empty state checks every field before the code names a stream.
    const [registered] = programmeDecider.decide(command, programmeDecider.initialState());
    const stream = programmeStream(registered!.data.code);
    const result = await handleCommand(this.store, stream, command, programmeDecider, {
      eventIds: registrationEventIds(stream, command.data),
      cache: this.cache,
      retries: this.retries,
      metadata: eventMetadata(),
    });
    return { created: result.events.length > 0, programme: result.state.programme! };
  }

  // --- budget lines -------------------------------------------------------------------------------

  /** The classification of a line from its institution and programme (for an approval). */
  async classificationFor(lineId: string, field = 'lineId'): Promise<LineClassification> {
    const parts = parseLineId(lineId)!;
    const [institution, programme] = await Promise.all([
      aggregateStream(this.store, institutionStream(parts.bin), institutionDecider, this.cache),
      aggregateStream(this.store, programmeStream(parts.programmeCode), programmeDecider, this.cache),
    ]);
    if (!institution.state.institution) throw new DomainError('INSTITUTION_NOT_FOUND', { field });
    if (!programme.state.programme) throw new ApplicationError('PROGRAMME_NOT_FOUND', { field });
    return classificationOf(institution.state.institution, programme.state.programme, parts.fiscalYear);
  }

  /** One transaction on a line (`POST /v1/budget/lines/{lineId}/transactions`). */
  async recordTransaction(lineIdInput: unknown, input: unknown): Promise<TransactionResult> {
    const lineId = requireLineId(lineIdInput, 'lineId');
    const body = asBody(input);
    const fields: TransactionFields = {
      ...body,
      type: requireTransactionType(body['type'], 'type'),
    } as TransactionFields;
    const line = fields.type === 'allocation-approved' ? await this.classificationFor(lineId) : undefined;
    const stream = budgetLineStream(lineId);
    const result = await handleCommand(this.store, stream, lineCommandOf(fields, line), budgetLineDecider, {
      eventIds: transactionEventIds(stream, String(fields.transactionId), fields.date),
      cache: this.cache,
      retries: this.retries,
      metadata: eventMetadata(),
    });
    if (!result.state.line) throw new DomainError('LINE_NOT_OPENED', { field: 'lineId' });
    return { duplicate: result.events.length === 0, line: summaryOf(lineId, result.state) };
  }

  async line(lineIdInput: unknown): Promise<LineSummary> {
    const lineId = requireLineId(lineIdInput, 'lineId');
    const { state } = await aggregateStream(this.store, budgetLineStream(lineId), budgetLineDecider, this.cache);
    if (!state.line) throw new DomainError('LINE_NOT_OPENED', { field: 'lineId' });
    return summaryOf(lineId, state);
  }

  // --- import rows --------------------------------------------------------------------------------

  /**
   * One import row: registers the institution and the programme the first time, then records the
   * transaction. All or nothing: when the institution or programme is new, the line command is
   * decided first, and nothing is appended unless all three are accepted (the one remaining race
   * is described in `tryRow`). Throws `RowRefused`.
   */
  async applyRow(row: LedgerRow, memo: ImportMemo): Promise<'applied' | 'duplicate'> {
    const fiscalYear = await refusedAs('row', () => requireFiscalYear(row.fiscalYear, 'fiscalYear'));
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tryRow(row, fiscalYear, memo);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < this.retries) continue;
        throw error;
      }
    }
  }

  private async tryRow(row: LedgerRow, fiscalYear: number, memo: ImportMemo): Promise<'applied' | 'duplicate'> {
    const institutionKey = JSON.stringify(row.institution);
    const programmeKey = JSON.stringify(row.programme);
    const institution = await refusedAs('institution', () =>
      this.registration(memo.institutions.get(institutionKey), () => {
        const command = registerInstitutionCommand(row.institution as unknown as Record<string, unknown>);
        return {
          stream: institutionStream(requireBin(row.institution.bin, 'bin')),
          command,
          decider: institutionDecider,
          registered: (state) => state.institution,
        };
      }),
    );
    const programme = await refusedAs('programme', () =>
      this.registration(memo.programmes.get(programmeKey), () => {
        const command = registerProgrammeCommand(row.programme as unknown as Record<string, unknown>);
        // Deciding on an empty state checks every code before they name a stream.
        const [checked] = programmeDecider.decide(command, programmeDecider.initialState());
        return {
          stream: programmeStream(checked!.data.code),
          command,
          decider: programmeDecider,
          registered: (state) => state.programme,
        };
      }),
    );

    const line = classificationOf(institution.data, programme.data, fiscalYear);
    const lineId = lineIdOf(
      line.bin,
      programmeCodeOf(line.administrator, line.programme, line.subprogramme),
      fiscalYear,
    );
    const stream = budgetLineStream(lineId);
    const command = rowLineCommand(row, line);

    const registrations = [institution, programme].filter((r) => r.append !== undefined);
    if (registrations.length > 0) {
      // A new institution or programme: decide the transaction before registering anything, so a
      // refused row leaves no trace; then register, then append exactly the decided events at the
      // revision they were decided on. The store has no multi-stream append, so one window
      // remains: another writer changes this line between the read and the line append (for a new
      // institution or programme that is a racing approval of the same line). Then the line is
      // re-decided below and may refuse the row, leaving the registrations behind. They are
      // accepted facts, not half a transaction: exactly the row's institution and programme data
      // (any other data would have been refused before), with deterministic ids, so re-importing
      // the row or registering them again records nothing new.
      const read = await refusedAs('line', () => aggregateStream(this.store, stream, budgetLineDecider, this.cache));
      const decided = await refusedAs('line', () => budgetLineDecider.decide(command, read.state));
      if (decided.length === 0) return 'duplicate'; // the line has seen the transaction: register nothing
      for (const registration of registrations) await registration.append!();
      memo.institutions.set(institutionKey, institution.data);
      memo.programmes.set(programmeKey, programme.data);
      try {
        const ids = transactionEventIds(stream, row.transactionId, row.date)(decided.length);
        const metadata = eventMetadata();
        await this.store.appendToStream(
          stream,
          decided.map((event, i) => ({ id: ids[i]!, type: event.type, data: event.data, metadata })),
          { expectedRevision: read.revision },
        );
        this.cache.delete(stream);
        return 'applied';
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        this.cache.delete(stream); // the line moved: re-read and re-decide below
      }
    }
    memo.institutions.set(institutionKey, institution.data);
    memo.programmes.set(programmeKey, programme.data);

    const result = await refusedAs('line', () =>
      handleCommand(this.store, stream, command, budgetLineDecider, {
        eventIds: transactionEventIds(stream, row.transactionId, row.date),
        cache: this.cache,
        retries: this.retries,
        metadata: eventMetadata(),
      }),
    );
    return result.events.length > 0 ? 'applied' : 'duplicate';
  }

  /**
   * An institution or programme a row names: known to this import already, found registered with
   * the same data, or new (then `append` registers it; the caller runs it once the row is accepted).
   */
  private async registration<Command extends { data: unknown }, State, Event extends DomainEvent, Data>(
    known: Data | undefined,
    describe: () => {
      stream: string;
      command: Command;
      decider: Decider<Command, State, Event>;
      registered: (state: State) => Data | undefined;
    },
  ): Promise<{ data: Data; append?: () => Promise<void> }> {
    if (known !== undefined) return { data: known };
    const { stream, command, decider, registered } = describe();
    const read = await aggregateStream(this.store, stream, decider, this.cache);
    const events = decider.decide(command, read.state);
    if (events.length === 0) return { data: registered(read.state)! };
    const next = events.reduce(decider.evolve, read.state);
    return {
      data: registered(next)!,
      append: async () => {
        const ids = registrationEventIds(stream, command.data)(events.length);
        const metadata = eventMetadata();
        await this.store.appendToStream(
          stream,
          events.map((event, i) => ({ id: ids[i]!, type: event.type, data: event.data, metadata })),
          { expectedRevision: read.revision },
        );
        this.cache.delete(stream);
      },
    };
  }
}
