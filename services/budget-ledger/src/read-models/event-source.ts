/**
 * Where the projector reads ledger events from, in global-position order, a page at a time.
 *
 * - `SqlLedgerSource` scans the PostgreSQL store's `events` table directly and only takes the
 *   fields the fold needs (`data->>'amount'` and so on, the whole `data` only for the few events
 *   that carry names or a classification). It is the fast path for catch-up and rebuild: no JSON
 *   of metadata or of most payloads crosses the wire or gets parsed in Node.
 * - `StoreLedgerSource` reads through the `EventStore` port (`readAll`), for any adapter.
 *
 * Both answer the same rows; the projector's property test runs both.
 */
import type pg from 'pg';
import type { EventStore, RecordedEvent } from '@adal/event-store';

/** One stored event, reduced to what the budget projection reads. */
export interface LedgerRow {
  /** Global position, decimal. */
  position: string;
  type: string;
  lineId: string | null;
  date: string | null;
  /** `amount`, or the signed `delta` of an amendment, or `released` of a cancellation. */
  amount: string | null;
  /** The event's data when the fold needs more than the above (line opened, institution, programme). */
  data: unknown;
}

export interface LedgerEventSource {
  /** At most `maxCount` events after position `after`, in order. */
  page(after: bigint, maxCount: number): Promise<LedgerRow[]>;
}

const NEEDS_DATA = new Set([
  'BudgetLineOpened',
  'InstitutionRegistered',
  'InstitutionNameCorrected',
  'ProgrammeRegistered',
]);

/** The amount field of each line event type. */
export const amountOf = (type: string, data: Record<string, unknown>): string | null => {
  const value =
    type === 'AllocationAmended' ? data['delta'] : type === 'CommitmentCancelled' ? data['released'] : data['amount'];
  return value === undefined || value === null ? null : String(value);
};

/** A recorded event as a ledger row (the shape `SqlLedgerSource` answers). */
export const ledgerRowOf = (event: RecordedEvent): LedgerRow => {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return {
    position: event.globalPosition.toString(),
    type: event.type,
    lineId: typeof data['lineId'] === 'string' ? data['lineId'] : null,
    date: typeof data['date'] === 'string' ? data['date'] : null,
    amount: amountOf(event.type, data),
    data: NEEDS_DATA.has(event.type) ? data : null,
  };
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

export class SqlLedgerSource implements LedgerEventSource {
  private readonly sql: string;

  /**
   * @param pool any pool on the store's database
   * @param storeSchema the PostgreSQL event store's schema (`budget_ledger`)
   */
  constructor(
    private readonly pool: pg.Pool,
    readonly storeSchema: string,
  ) {
    if (!SCHEMA_NAME.test(storeSchema))
      throw new Error(`store schema "${storeSchema}" must be a lower-case identifier`);
    // Qualified columns: an output column `global_position::text` would otherwise be what ORDER BY sorts.
    this.sql = `SELECT e.global_position::text AS pos, event_type, data->>'lineId', data->>'date',
         CASE event_type WHEN 'AllocationAmended' THEN data->>'delta'
                         WHEN 'CommitmentCancelled' THEN data->>'released'
                         ELSE data->>'amount' END,
         CASE WHEN event_type IN ('BudgetLineOpened', 'InstitutionRegistered', 'InstitutionNameCorrected',
                                  'ProgrammeRegistered') THEN data::text END
       FROM "${storeSchema}".events e WHERE e.global_position > $1 ORDER BY e.global_position LIMIT $2`;
  }

  async page(after: bigint, maxCount: number): Promise<LedgerRow[]> {
    const result = await this.pool.query<(string | null)[]>({
      text: this.sql,
      values: [after.toString(), maxCount],
      rowMode: 'array',
    });
    const rows = result.rows;
    const out = new Array<LedgerRow>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      out[i] = {
        position: r[0]!,
        type: r[1]!,
        lineId: r[2] ?? null,
        date: r[3] ?? null,
        amount: r[4] ?? null,
        data: r[5] ? JSON.parse(r[5]) : null,
      };
    }
    return out;
  }
}

export class StoreLedgerSource implements LedgerEventSource {
  constructor(private readonly store: EventStore) {}

  async page(after: bigint, maxCount: number): Promise<LedgerRow[]> {
    return (await this.store.readAll({ after, maxCount })).map(ledgerRowOf);
  }
}

/**
 * Pages after `after` until a short page, reading the next page while the caller works on the
 * current one (the database scans while Node folds).
 */
export async function* pagesOf(
  source: LedgerEventSource,
  after: bigint,
  pageSize: number,
): AsyncGenerator<LedgerRow[]> {
  let next: Promise<LedgerRow[]> | undefined = source.page(after, pageSize);
  while (next) {
    const page: LedgerRow[] = await next;
    if (page.length === 0) return;
    const last = BigInt(page[page.length - 1]!.position);
    next = page.length < pageSize ? undefined : source.page(last, pageSize);
    // A pending prefetch must not reject unobserved if the caller stops early.
    next?.catch(() => undefined);
    yield page;
  }
}
