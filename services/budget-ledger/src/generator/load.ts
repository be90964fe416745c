/**
 * Loads the synthetic dataset straight into an event store, fast: every line's transactions are
 * decided in memory by the real deciders (so the events are exactly what the commands would
 * record) and appended as one append per stream, with many streams in flight at once (the
 * PostgreSQL adapter groups concurrent appends into one transaction, ADR-2).
 *
 * Event ids are the ones the command path derives (from the stream and the transaction id, or
 * the registered data), so loading twice, or importing the same rows afterwards, records nothing
 * new. A stream that already holds other events falls back to the command path, one transaction
 * at a time.
 */
import {
  handleCommand,
  WrongExpectedVersionError,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@adal/event-store';
import {
  budgetLineDecider,
  budgetLineStream,
  institutionDecider,
  institutionStream,
  programmeCodeOf,
  programmeDecider,
  programmeStream,
  type BudgetLineEvent,
} from '../domain/index.js';
import {
  classificationOf,
  registerInstitutionCommand,
  registerProgrammeCommand,
  rowLineCommand,
} from '../application/commands.js';
import { registrationEventIds, transactionEventIds } from '../application/event-ids.js';
import { lineTransactions, planSyntheticLedger, type SyntheticOptions, type SyntheticPlan } from './dataset.js';

export interface LoadOptions extends SyntheticOptions {
  /** Appends in flight at once (the store groups up to 500 per transaction). Default 1,024. */
  concurrency?: number;
  /** Called after each batch of lines with the events appended so far. */
  onProgress?: (progress: { lines: number; events: number }) => void;
}

export interface LoadResult {
  institutions: number;
  programmes: number;
  lines: number;
  /** Ledger events appended (or found already there). */
  events: number;
  /** Total approved and amended allocation, tiyn. */
  allocated: bigint;
  year: number;
  asOf: string;
  ms: number;
}

/** Runs `work` on every item with at most `limit` in flight; the first failure stops the rest. */
export const inParallel = async <T>(
  items: Iterable<T>,
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  const iterator = items[Symbol.iterator]();
  let failed: unknown;
  const worker = async () => {
    for (let next = iterator.next(); !next.done && failed === undefined; next = iterator.next()) {
      try {
        await work(next.value);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  if (failed !== undefined) throw failed;
};

/** One registration appended blind (`no_stream`); an existing stream goes through the decider. */
const register = async <Command extends { data: unknown }, State, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  command: Command,
  decider: Decider<Command, State, Event>,
): Promise<void> => {
  const eventIds = registrationEventIds(stream, command.data);
  const events = decider.decide(command, decider.initialState());
  const ids = eventIds(events.length);
  try {
    await store.appendToStream(
      stream,
      events.map((event, i) => ({ id: ids[i]!, type: event.type, data: event.data })),
      { expectedRevision: 'no_stream' },
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    await handleCommand(store, stream, command, decider, { eventIds });
  }
};

/** The events of one planned line, decided in memory, with their ids. */
export const lineEvents = (plan: SyntheticPlan, lineNo: number) => {
  const line = plan.lines[lineNo - 1]!;
  const stream = budgetLineStream(line.lineId);
  const classification = classificationOf(line.institution, line.programme, plan.year);
  const rows = lineTransactions(plan, line);
  let state = budgetLineDecider.initialState();
  const events: Array<{ id: string; type: BudgetLineEvent['type']; data: BudgetLineEvent['data'] }> = [];
  let allocated = 0n;
  for (const row of rows) {
    const decided = budgetLineDecider.decide(rowLineCommand(row, classification), state);
    const ids = transactionEventIds(stream, row.transactionId, row.date)(decided.length);
    decided.forEach((event, i) => {
      state = budgetLineDecider.evolve(state, event);
      events.push({ id: ids[i]!, type: event.type, data: event.data });
    });
  }
  allocated += state.allocation;
  return { stream, rows, events, allocated };
};

/**
 * Generates the dataset and appends it to `store`: programmes, institutions, then every line.
 * Returns what was loaded.
 */
export const loadSyntheticLedger = async (store: EventStore, options: LoadOptions): Promise<LoadResult> => {
  const started = Date.now();
  const plan = planSyntheticLedger(options);
  const concurrency = options.concurrency ?? 1_024;

  await inParallel(plan.programmes, concurrency, (programme) =>
    register(
      store,
      programmeStream(programmeCodeOf(programme.administrator, programme.programme, programme.subprogramme)),
      registerProgrammeCommand(programme as unknown as Record<string, unknown>),
      programmeDecider,
    ),
  );
  await inParallel(plan.institutions, concurrency, ({ bin, name, regionId, level }) =>
    register(
      store,
      institutionStream(bin),
      registerInstitutionCommand({ bin, name, regionId, level }),
      institutionDecider,
    ),
  );

  let events = 0;
  let lines = 0;
  let allocated = 0n;
  const every = Math.max(1, Math.floor(plan.lines.length / 20));
  await inParallel(plan.lines, concurrency, async (line) => {
    const built = lineEvents(plan, line.lineNo);
    try {
      await store.appendToStream(built.stream, built.events, { expectedRevision: 'no_stream' });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // The stream holds other events already: record what is new, one transaction at a time.
      const classification = classificationOf(line.institution, line.programme, plan.year);
      for (const row of built.rows) {
        await handleCommand(store, built.stream, rowLineCommand(row, classification), budgetLineDecider, {
          eventIds: transactionEventIds(built.stream, row.transactionId, row.date),
        });
      }
    }
    events += built.events.length;
    allocated += built.allocated;
    if (++lines % every === 0) options.onProgress?.({ lines, events });
  });
  return {
    institutions: plan.institutions.length,
    programmes: plan.programmes.length,
    lines: plan.lines.length,
    events,
    allocated,
    year: plan.year,
    asOf: plan.asOf,
    ms: Date.now() - started,
  };
};
