/**
 * Applies an import file (docs/budget.md, "Import format") through the ledger's own commands.
 *
 * - Rows are applied in file order per stream: a row waits for every earlier row touching the
 *   same line (and, until it is registered, the same institution or programme). Rows of other
 *   lines run side by side (`concurrency`), which gives the same outcome as one by one, faster.
 * - Each row is one command, all or nothing (`BudgetLedger.applyRow`): a bad row is reported
 *   with its line number and column and leaves no trace; good rows go in.
 * - Idempotent: a transaction id the line has seen decides nothing, and a registration repeating
 *   the registered data is no event, so importing a file twice changes nothing.
 */
import { InvalidAppendError } from '@adal/event-store';
import { BudgetLedger, newImportMemo, RowRefused } from '../application/budget-ledger.js';
import { ApplicationError } from '../application/errors.js';
import type { CsvRecord } from './csv.js';
import type { LedgerRow } from './ledger-row.js';
import { columnOf, readHeader, readRow, rowProblem, type ImportHeader, type RowProblem } from './rows.js';

export interface ImportReport {
  /** Data rows read (the header not counted). */
  rows: number;
  /** Rows that recorded a transaction. */
  applied: number;
  /** Rows whose transaction id the line had already seen: nothing recorded. */
  duplicates: number;
  /** Refused rows, in file order. */
  rejected: RowProblem[];
}

export interface ImportOptions {
  /** Rows applied at the same time (of different lines). Default 64. */
  concurrency?: number;
  /**
   * Rows read ahead of the slowest unfinished one. A file lists a line's rows together; reading
   * ahead finds rows of other lines to run meanwhile. Default 4,096.
   */
  window?: number;
  /** Called now and then with the report so far (a CLI prints progress). */
  onProgress?: (report: Readonly<ImportReport>) => void;
  /** Rows between two progress calls. Default 10,000. */
  progressEvery?: number;
}

export class LedgerImporter {
  constructor(private readonly ledger: BudgetLedger) {}

  async run(
    records: AsyncIterable<CsvRecord> | Iterable<CsvRecord>,
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const concurrency = Math.max(1, options.concurrency ?? 64);
    const window = Math.max(concurrency, options.window ?? 4_096);
    let running = 0;
    const waiting: Array<() => void> = [];
    /** At most `concurrency` rows run; the others wait for their turn (or for earlier rows of their keys). */
    const turn = async (): Promise<void> => {
      if (running < concurrency) {
        running++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    };
    const done = () => {
      const next = waiting.shift();
      if (next) next();
      else running--;
    };
    const progressEvery = options.progressEvery ?? 10_000;
    const report: ImportReport = { rows: 0, applied: 0, duplicates: 0, rejected: [] };
    const memo = newImportMemo();
    /** Institutions and programmes registered (or found registered) by a finished row. */
    const settled = new Set<string>();
    /** The last queued row of each key: the next row with that key waits for it. */
    const tails = new Map<string, Promise<void>>();
    const inFlight = new Set<Promise<void>>();
    /** Resolves the reader waiting for room in the window (one waiter at most: the reading loop). */
    let room: (() => void) | undefined;
    let failure: { error: unknown } | undefined;
    let header: ImportHeader | undefined;

    const apply = async (row: LedgerRow, line: number, keys: string[]): Promise<void> => {
      if (failure) return;
      await turn();
      try {
        const outcome = await this.ledger.applyRow(row, memo);
        if (outcome === 'applied') report.applied++;
        else report.duplicates++;
        for (const key of keys) if (!key.startsWith('line:')) settled.add(key);
      } catch (error) {
        if (error instanceof RowRefused) {
          report.rejected.push(rowProblem(line, columnOf(error.part, error.refusal.field), error.refusal));
        } else if (error instanceof InvalidAppendError) {
          // Input the deciders let through but the store refuses (it should not happen): the row only.
          report.rejected.push({
            line,
            field: error.field,
            code: 'INVALID_APPEND',
            message: { kk: error.reason, ru: error.reason, en: error.reason },
          });
        } else {
          failure ??= { error };
        }
      } finally {
        done();
      }
    };

    for await (const record of records) {
      if (failure) break;
      if (!header) {
        const read = readHeader(record);
        if (Array.isArray(read)) return { ...report, rejected: read };
        header = read;
        continue;
      }
      report.rows++;
      const row = readRow(record, header);
      if (!('transactionId' in row)) {
        report.rejected.push(row);
        continue;
      }
      const code = `${row.programme.administrator}${row.programme.programme}${row.programme.subprogramme}`;
      const keys = [`line:${row.institution.bin}-${code}-${row.fiscalYear}`];
      if (!settled.has(`institution:${row.institution.bin}`)) keys.push(`institution:${row.institution.bin}`);
      if (!settled.has(`programme:${code}`)) keys.push(`programme:${code}`);
      const before = keys.map((key) => tails.get(key)).filter((p): p is Promise<void> => p !== undefined);
      const task = (before.length > 0 ? Promise.all(before) : Promise.resolve()).then(() =>
        apply(row, record.line, keys),
      );
      for (const key of keys) tails.set(key, task);
      inFlight.add(task);
      void task.then(() => {
        inFlight.delete(task);
        room?.();
        room = undefined;
        for (const key of keys) if (tails.get(key) === task) tails.delete(key);
      });
      if (inFlight.size >= window) await new Promise<void>((resolve) => (room = resolve));
      if (options.onProgress && report.rows % progressEvery === 0) options.onProgress(report);
    }
    await Promise.all(inFlight);
    if (failure) throw failure.error;
    if (!header) {
      report.rejected.push(rowProblem(1, 'transaction_id', new ApplicationError('EMPTY_FILE')));
    }
    report.rejected.sort((a, b) => a.line - b.line);
    return report;
  }
}
