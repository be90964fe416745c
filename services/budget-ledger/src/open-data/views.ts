/**
 * The answers of the public budget API (docs/budget.md, "Public HTTP API"), as JSON objects and
 * as CSV tables of the same view. Execution and the status colour follow the domain's rule
 * (`executionShare`, `budgetStatus`): the share of fiscal year Y elapsed is measured on the
 * service clock's today (Almaty), capped to Y (1 for a past year, 0 for a future one), never on
 * event dates, so a next-year allocation cannot make this year look finished. `asOf` is the
 * earlier of today and the latest transaction date of the answer's fiscal year.
 */
import type { RecordedEvent } from '@adal/event-store';
import {
  budgetStatus,
  elapsedShareOfYear,
  executionShare,
  FUNCTIONAL_GROUPS,
  functionalGroupByCode,
  isRegionId,
  REGIONS,
  type BudgetStatus,
  type Language,
  type LocalizedText,
} from '../domain/index.js';
import type {
  Amounts,
  FunctionalGroupRow,
  InstitutionRecord,
  InstitutionYearRow,
  LineRow,
  ProgrammeRecord,
  ProgrammeYearRow,
  RegionYearRow,
} from '../read-models/queries.js';
import { viewCsvDocument, type CsvValue } from './csv.js';

export interface ViewContext {
  synthetic: boolean;
  /** Shown as `asOf`: the earlier of today and the answer's latest ledger date, null before any. */
  asOf: string | null;
  /** The service clock's date (Almaty): the elapsed share of a year is measured on it. */
  today: string;
}

export interface AmountsView {
  allocated: string;
  committed: string;
  paid: string;
  /** paid / allocated in percent, one decimal; null when nothing is allocated. */
  executionPct: number | null;
}

const ZERO: Amounts = { allocated: '0', committed: '0', paid: '0' };

export const executionPct = (amounts: Amounts): number | null => {
  const share = executionShare(BigInt(amounts.allocated), BigInt(amounts.paid));
  return share === undefined ? null : Math.round(share * 1000) / 10;
};

export const amountsView = (amounts: Amounts): AmountsView => ({
  allocated: amounts.allocated,
  committed: amounts.committed,
  paid: amounts.paid,
  executionPct: executionPct(amounts),
});

/** The status colour of totals in a fiscal year, on the service clock's today. */
export const statusOf = (amounts: Amounts, year: number, context: ViewContext): BudgetStatus =>
  budgetStatus(
    { allocated: BigInt(amounts.allocated), paid: BigInt(amounts.paid) },
    elapsedShareOfYear(year, context.today),
  );

const sum = (rows: readonly Amounts[]): Amounts => {
  let allocated = 0n;
  let committed = 0n;
  let paid = 0n;
  for (const r of rows) {
    allocated += BigInt(r.allocated);
    committed += BigInt(r.committed);
    paid += BigInt(r.paid);
  }
  return { allocated: allocated.toString(), committed: committed.toString(), paid: paid.toString() };
};

const envelope = (context: ViewContext) => ({ synthetic: context.synthetic, asOf: context.asOf });

const AMOUNT_COLUMNS = ['allocated_tiyn', 'committed_tiyn', 'paid_tiyn', 'execution_pct'] as const;
const amountCells = (a: AmountsView): CsvValue[] => [a.allocated, a.committed, a.paid, a.executionPct];

export interface CsvView {
  csv: string;
  filename: string;
}

// ---- years ----

export const yearsView = (years: readonly number[], current: number, context: ViewContext) => ({
  ...envelope(context),
  years,
  current,
});

export const yearsCsv = (years: readonly number[], current: number): CsvView => ({
  csv: viewCsvDocument(
    ['fiscal_year', 'current'],
    years.map((y) => [y, y === current]),
  ),
  filename: 'budget-years.csv',
});

// ---- regions ----

export interface RegionItem extends AmountsView {
  regionId: string;
  name: LocalizedText;
  status: BudgetStatus;
  institutions: number;
  lines: number;
}

const regionItem = (
  region: { id: string; name: LocalizedText },
  row: RegionYearRow | undefined,
  year: number,
  context: ViewContext,
): RegionItem => {
  const amounts = row ?? ZERO;
  return {
    regionId: region.id,
    name: region.name,
    ...amountsView(amounts),
    status: statusOf(amounts, year, context),
    institutions: row?.institutions ?? 0,
    lines: row?.lines ?? 0,
  };
};

/** All 20 regions (zeros where nothing is budgeted) and the country totals. */
export const regionsView = (year: number, rows: readonly RegionYearRow[], context: ViewContext) => {
  const byId = new Map(rows.map((r) => [r.regionId, r]));
  const items = REGIONS.map((region) => regionItem(region, byId.get(region.id), year, context));
  const known = rows.filter((r) => isRegionId(r.regionId));
  const totals = sum(known);
  return {
    ...envelope(context),
    year,
    items,
    totals: {
      ...amountsView(totals),
      status: statusOf(totals, year, context),
      institutions: known.reduce((n, r) => n + r.institutions, 0),
      lines: known.reduce((n, r) => n + r.lines, 0),
    },
  };
};

export const regionsCsv = (view: ReturnType<typeof regionsView>, language: Language): CsvView => ({
  csv: viewCsvDocument(
    ['fiscal_year', 'region_id', 'region_name', ...AMOUNT_COLUMNS, 'status', 'institutions', 'lines'],
    view.items.map((r) => [
      view.year,
      r.regionId,
      r.name[language],
      ...amountCells(r),
      r.status,
      r.institutions,
      r.lines,
    ]),
  ),
  filename: `budget-regions-${view.year}.csv`,
});

// ---- functional groups ----

export interface FunctionalGroupItem extends AmountsView {
  functionalGroup: string;
  name: LocalizedText;
}

/** All 13 functional groups (zeros where nothing is budgeted). */
export const functionalGroupItems = (rows: readonly FunctionalGroupRow[]): FunctionalGroupItem[] => {
  const byCode = new Map(rows.map((r) => [r.functionalGroup, r]));
  return FUNCTIONAL_GROUPS.map((group) => ({
    functionalGroup: group.code,
    name: group.name,
    ...amountsView(byCode.get(group.code) ?? ZERO),
  }));
};

const groupCells = (g: FunctionalGroupItem, language: Language): CsvValue[] => [
  g.functionalGroup,
  g.name[language],
  ...amountCells(g),
];

export const regionView = (
  region: { id: string; name: LocalizedText },
  year: number,
  row: RegionYearRow | undefined,
  groups: readonly FunctionalGroupRow[],
  context: ViewContext,
) => ({
  ...envelope(context),
  year,
  ...regionItem(region, row, year, context),
  functionalGroups: functionalGroupItems(groups),
});

/** A region's summary as CSV: one row per functional group. */
export const regionCsv = (view: ReturnType<typeof regionView>, language: Language): CsvView => ({
  csv: viewCsvDocument(
    ['fiscal_year', 'region_id', 'region_name', 'functional_group', 'functional_group_name', ...AMOUNT_COLUMNS],
    view.functionalGroups.map((g) => [view.year, view.regionId, view.name[language], ...groupCells(g, language)]),
  ),
  filename: `budget-region-${view.regionId}-${view.year}.csv`,
});

export const functionalGroupsView = (
  regionId: string,
  year: number,
  rows: readonly FunctionalGroupRow[],
  context: ViewContext,
) => ({
  ...envelope(context),
  year,
  regionId,
  items: functionalGroupItems(rows),
  totals: amountsView(sum(rows)),
});

export const functionalGroupsCsv = (view: ReturnType<typeof functionalGroupsView>, language: Language): CsvView => ({
  csv: viewCsvDocument(
    ['fiscal_year', 'region_id', 'functional_group', 'functional_group_name', ...AMOUNT_COLUMNS],
    view.items.map((g) => [view.year, view.regionId, ...groupCells(g, language)]),
  ),
  filename: `budget-functional-groups-${view.regionId}-${view.year}.csv`,
});

// ---- institutions ----

export interface InstitutionItem extends AmountsView {
  bin: string;
  name: LocalizedText;
  regionId: string;
  level: string;
  status: BudgetStatus;
  lines: number;
}

export const institutionItem = (row: InstitutionYearRow, year: number, context: ViewContext): InstitutionItem => ({
  bin: row.bin,
  name: row.name,
  regionId: row.regionId,
  level: row.level,
  ...amountsView(row),
  status: statusOf(row, year, context),
  lines: row.lines,
});

export const INSTITUTION_CSV_HEADER = [
  'fiscal_year',
  'bin',
  'institution_name',
  'region_id',
  'level',
  ...AMOUNT_COLUMNS,
  'status',
  'lines',
];

export const institutionCsvRow = (item: InstitutionItem, year: number, language: Language): CsvValue[] => [
  year,
  item.bin,
  item.name[language],
  item.regionId,
  item.level,
  ...amountCells(item),
  item.status,
  item.lines,
];

export const institutionsPageView = (
  year: number,
  items: InstitutionItem[],
  page: number,
  pageSize: number,
  total: number,
  context: ViewContext,
) => ({ ...envelope(context), year, items, page, pageSize, total });

export interface LineItem extends AmountsView {
  lineId: string;
  programme: { code: string; name: LocalizedText; functionalGroup: string };
}

const programmeRef = (line: LineRow) => ({
  code: line.programmeCode,
  name: line.programme?.name ?? { kk: '', ru: '', en: '' },
  functionalGroup: line.functionalGroup,
});

export const institutionView = (
  institution: InstitutionRecord,
  year: number,
  totals: Amounts | undefined,
  lines: readonly LineRow[],
  context: ViewContext,
) => {
  const amounts = totals ?? ZERO;
  return {
    ...envelope(context),
    year,
    bin: institution.bin,
    name: institution.name,
    regionId: institution.regionId,
    level: institution.level,
    ...amountsView(amounts),
    status: statusOf(amounts, year, context),
    lines: lines.map((line): LineItem => ({
      lineId: line.lineId,
      programme: programmeRef(line),
      ...amountsView(line),
    })),
  };
};

/** An institution as CSV: one row per budget line. */
export const institutionCsv = (view: ReturnType<typeof institutionView>, language: Language): CsvView => ({
  csv: viewCsvDocument(
    [
      'fiscal_year',
      'bin',
      'institution_name',
      'line_id',
      'programme_code',
      'programme_name',
      'functional_group',
      ...AMOUNT_COLUMNS,
    ],
    view.lines.map((l) => [
      view.year,
      view.bin,
      view.name[language],
      l.lineId,
      l.programme.code,
      l.programme.name[language],
      l.programme.functionalGroup,
      ...amountCells(l),
    ]),
  ),
  filename: `budget-institution-${view.bin}-${view.year}.csv`,
});

// ---- a line and its history ----

const HISTORY_TYPES: Record<string, string> = {
  AllocationApproved: 'allocation-approved',
  AllocationAmended: 'allocation-amended',
  CommitmentRegistered: 'commitment-registered',
  CommitmentReduced: 'commitment-reduced',
  CommitmentCancelled: 'commitment-cancelled',
  PaymentMade: 'payment-made',
};

/** The command-API name of a ledger event type (`PaymentMade` → `payment-made`), if it is one. */
export const transactionTypeOf = (eventType: string): string | undefined => HISTORY_TYPES[eventType];

export interface HistoryEntry {
  /** The event's revision in the line's stream (the opening is 0, so the approval is 1). */
  position: number;
  type: string;
  date: string;
  amount?: string;
  delta?: string;
  allocation?: string;
  commitmentId?: string;
  paymentId?: string;
  supplierBin?: string;
  reason?: string;
  transactionId: string;
}

/** The line's transactions in stream order (`BudgetLineOpened` is no transaction). */
export const historyOf = (events: readonly RecordedEvent[]): HistoryEntry[] => {
  const out: HistoryEntry[] = [];
  for (const event of events) {
    const type = HISTORY_TYPES[event.type];
    if (!type) continue;
    const d = (event.data ?? {}) as Record<string, unknown>;
    const text = (key: string): string | undefined => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
    const entry: HistoryEntry = {
      position: Number(event.revision),
      type,
      date: text('date') ?? '',
      transactionId: text('transactionId') ?? '',
    };
    if (event.type === 'AllocationAmended') {
      const delta = text('delta');
      const allocation = text('allocation');
      const reason = text('reason');
      if (delta !== undefined) entry.delta = delta;
      if (allocation !== undefined) entry.allocation = allocation;
      if (reason !== undefined) entry.reason = reason;
    } else {
      const amount = event.type === 'CommitmentCancelled' ? text('released') : text('amount');
      if (amount !== undefined) entry.amount = amount;
    }
    for (const key of ['commitmentId', 'paymentId', 'supplierBin'] as const) {
      const value = text(key);
      if (value !== undefined) entry[key] = value;
    }
    out.push(entry);
  }
  return out;
};

export const lineView = (line: LineRow, history: HistoryEntry[], context: ViewContext) => ({
  ...envelope(context),
  lineId: line.lineId,
  bin: line.bin,
  fiscalYear: line.fiscalYear,
  regionId: line.regionId,
  level: line.level,
  functionalGroup: line.functionalGroup,
  institution: { bin: line.bin, name: line.institutionName ?? { kk: '', ru: '', en: '' } },
  programme: programmeRef(line),
  ...amountsView(line),
  status: statusOf(line, line.fiscalYear, context),
  events: line.events,
  ...(line.lastDate ? { lastDate: line.lastDate } : {}),
  history,
});

/** A line as CSV: its history, one row per transaction. */
export const lineCsv = (view: ReturnType<typeof lineView>): CsvView => ({
  csv: viewCsvDocument(
    [
      'line_id',
      'position',
      'date',
      'type',
      'transaction_id',
      'amount_tiyn',
      'delta_tiyn',
      'allocation_tiyn',
      'commitment_id',
      'payment_id',
      'supplier_bin',
      'reason',
    ],
    view.history.map((h) => [
      view.lineId,
      h.position,
      h.date,
      h.type,
      h.transactionId,
      h.amount,
      h.delta,
      h.allocation,
      h.commitmentId,
      h.paymentId,
      h.supplierBin,
      h.reason,
    ]),
  ),
  filename: `budget-line-${view.lineId}.csv`,
});

// ---- programmes ----

export interface ProgrammeItem extends AmountsView {
  code: string;
  administrator: string;
  programme: string;
  subprogramme: string;
  functionalGroup: string;
  name: LocalizedText;
}

export const programmeItem = (row: ProgrammeYearRow): ProgrammeItem => ({
  code: row.code,
  administrator: row.administrator,
  programme: row.programme,
  subprogramme: row.subprogramme,
  functionalGroup: row.functionalGroup,
  name: row.name,
  ...amountsView(row),
});

export const PROGRAMME_CSV_HEADER = [
  'fiscal_year',
  'programme_code',
  'administrator',
  'programme',
  'subprogramme',
  'functional_group',
  'programme_name',
  ...AMOUNT_COLUMNS,
];

export const programmeCsvRow = (item: ProgrammeItem, year: number, language: Language): CsvValue[] => [
  year,
  item.code,
  item.administrator,
  item.programme,
  item.subprogramme,
  item.functionalGroup,
  item.name[language],
  ...amountCells(item),
];

export const programmesPageView = (
  year: number,
  items: ProgrammeItem[],
  page: number,
  pageSize: number,
  total: number,
  context: ViewContext,
) => ({ ...envelope(context), year, items, page, pageSize, total });

export const functionalGroupName = (code: string): LocalizedText | undefined => functionalGroupByCode(code)?.name;

export type { ProgrammeRecord };
