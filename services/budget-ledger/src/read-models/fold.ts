/**
 * The batch fold of the budget projection: ledger events in, per-key deltas out. Pure (no I/O):
 * the projector feeds it pages of events and writes what it accumulated with a few set-based
 * upserts (writer.ts), so a million events cost a million cheap map updates, not a million
 * row writes.
 *
 * Totals follow docs/budget.md: `allocated` = approved + amendments; `committed` = open
 * commitments (registered - reduced - released by cancellations); `paid` = payments.
 */
import type { LedgerRow } from './event-source.js';

/** Where a line sits; copied from `BudgetLineOpened` and never changes for a line id. */
export interface LineInfo {
  bin: string;
  programmeCode: string;
  fiscalYear: number;
  regionId: string;
  level: string;
  functionalGroup: string;
}

export interface LineDelta {
  lineId: string;
  /** Set once known (from the page, the projector's memory or the `budget_line` table). */
  info: LineInfo | undefined;
  /** `BudgetLineOpened` is in this delta: the line is new (counts for `lines`). */
  opened: boolean;
  allocated: bigint;
  committed: bigint;
  paid: bigint;
  /** Ledger transactions (every line event but `BudgetLineOpened`). */
  events: number;
  lastDate: string | null;
}

export interface InstitutionChange {
  bin: string;
  name: { kk: string; ru: string; en: string };
  /** Present when the delta holds the registration; a name correction alone has neither. */
  regionId?: string;
  level?: string;
}

export interface ProgrammeRow {
  code: string;
  administrator: string;
  programme: string;
  subprogramme: string;
  functionalGroup: string;
  name: { kk: string; ru: string; en: string };
}

export interface TotalsDelta {
  allocated: bigint;
  committed: bigint;
  paid: bigint;
}

const LINE_EVENT_TYPES = new Set([
  'BudgetLineOpened',
  'AllocationApproved',
  'AllocationAmended',
  'CommitmentRegistered',
  'CommitmentReduced',
  'CommitmentCancelled',
  'PaymentMade',
]);

/** Is this event type one the projection folds into a line? */
export const isLineEventType = (type: string): boolean => LINE_EVENT_TYPES.has(type);

interface LocalizedName {
  kk: string;
  ru: string;
  en: string;
}

const nameOf = (value: unknown): LocalizedName => {
  const name = (value ?? {}) as Partial<LocalizedName>;
  return { kk: String(name.kk ?? ''), ru: String(name.ru ?? ''), en: String(name.en ?? '') };
};

/** `LineClassification` of a `BudgetLineOpened` event as the projection keeps it. */
export const lineInfoOf = (line: unknown): LineInfo => {
  const l = line as Record<string, unknown>;
  return {
    bin: String(l['bin']),
    programmeCode: `${String(l['administrator'])}${String(l['programme'])}${String(l['subprogramme'])}`,
    fiscalYear: Number(l['fiscalYear']),
    regionId: String(l['regionId']),
    level: String(l['level']),
    functionalGroup: String(l['functionalGroup']),
  };
};

/**
 * Deltas of one or more pages of events. `fold` the rows in order; then resolve missing line
 * classifications (`missingLines`, `resolve`) and hand it to the writer.
 */
export class LedgerDelta {
  readonly lines = new Map<string, LineDelta>();
  readonly institutions = new Map<string, InstitutionChange>();
  readonly programmes = new Map<string, ProgrammeRow>();
  /** Global position of the last event folded; `after` until one is. */
  position: bigint;
  /** Latest transaction date folded. */
  maxDate: string | null = null;
  /** Events folded (all types, including ones the projection ignores). */
  events = 0;
  /** Ledger transactions folded. */
  ledgerEvents = 0;

  /**
   * @param after the position the delta starts after (the checkpoint it applies to)
   * @param known line classifications the caller keeps across deltas; opened lines are added
   */
  constructor(
    readonly after: bigint,
    private readonly known: Map<string, LineInfo>,
  ) {
    this.position = after;
  }

  get isEmpty(): boolean {
    return this.events === 0;
  }

  private line(lineId: string): LineDelta {
    let delta = this.lines.get(lineId);
    if (!delta) {
      delta = {
        lineId,
        info: this.known.get(lineId),
        opened: false,
        allocated: 0n,
        committed: 0n,
        paid: 0n,
        events: 0,
        lastDate: null,
      };
      this.lines.set(lineId, delta);
    }
    return delta;
  }

  /** Folds rows in position order. */
  fold(rows: readonly LedgerRow[]): this {
    for (const row of rows) this.foldOne(row);
    if (rows.length > 0) this.position = BigInt(rows[rows.length - 1]!.position);
    return this;
  }

  private foldOne(row: LedgerRow): void {
    this.events++;
    const type = row.type;
    if (LINE_EVENT_TYPES.has(type)) {
      const lineId = row.lineId;
      if (!lineId) throw new Error(`${type} at position ${row.position} has no lineId`);
      const line = this.line(lineId);
      if (type === 'BudgetLineOpened') {
        const data = row.data as { line?: unknown } | null;
        if (!data?.line) throw new Error(`BudgetLineOpened at position ${row.position} has no line`);
        const info = this.known.get(lineId) ?? lineInfoOf(data.line);
        this.known.set(lineId, info);
        line.info = info;
        line.opened = true;
        return;
      }
      const raw = row.amount;
      if (raw === null || raw === undefined) throw new Error(`${type} at position ${row.position} has no amount`);
      const amount = BigInt(raw);
      switch (type) {
        case 'AllocationApproved':
        case 'AllocationAmended':
          line.allocated += amount;
          break;
        case 'CommitmentRegistered':
          line.committed += amount;
          break;
        case 'CommitmentReduced':
        case 'CommitmentCancelled':
          line.committed -= amount;
          break;
        case 'PaymentMade':
          line.paid += amount;
          break;
      }
      line.events++;
      this.ledgerEvents++;
      const date = row.date;
      if (date) {
        if (line.lastDate === null || date > line.lastDate) line.lastDate = date;
        if (this.maxDate === null || date > this.maxDate) this.maxDate = date;
      }
      return;
    }
    const data = (row.data ?? {}) as Record<string, unknown>;
    switch (type) {
      case 'InstitutionRegistered': {
        const bin = String(data['bin']);
        this.institutions.set(bin, {
          bin,
          name: nameOf(data['name']),
          regionId: String(data['regionId']),
          level: String(data['level']),
        });
        return;
      }
      case 'InstitutionNameCorrected': {
        const bin = String(data['bin']);
        const earlier = this.institutions.get(bin);
        this.institutions.set(bin, { ...(earlier ?? { bin }), name: nameOf(data['name']) });
        return;
      }
      case 'ProgrammeRegistered': {
        const administrator = String(data['administrator']);
        const programme = String(data['programme']);
        const subprogramme = String(data['subprogramme']);
        const code = typeof data['code'] === 'string' ? data['code'] : `${administrator}${programme}${subprogramme}`;
        this.programmes.set(code, {
          code,
          administrator,
          programme,
          subprogramme,
          functionalGroup: String(data['functionalGroup']),
          name: nameOf(data['name']),
        });
        return;
      }
      default:
      // Not a budget event: the position still moves.
    }
  }

  /** Lines with deltas whose classification is not known yet. */
  missingLines(): string[] {
    const missing: string[] = [];
    for (const delta of this.lines.values()) if (!delta.info) missing.push(delta.lineId);
    return missing;
  }

  /** Fills classifications looked up elsewhere (they are remembered for later deltas too). */
  resolve(infos: ReadonlyMap<string, LineInfo>): void {
    for (const [lineId, info] of infos) {
      this.known.set(lineId, info);
      const delta = this.lines.get(lineId);
      if (delta) delta.info = info;
    }
  }
}

const addTotals = (into: TotalsDelta, line: LineDelta): void => {
  into.allocated += line.allocated;
  into.committed += line.committed;
  into.paid += line.paid;
};

export interface InstitutionYearDelta extends TotalsDelta {
  bin: string;
  fiscalYear: number;
  regionId: string;
  level: string;
  lines: number;
}
export interface ProgrammeYearDelta extends TotalsDelta {
  code: string;
  fiscalYear: number;
  functionalGroup: string;
  lines: number;
}
export interface RegionYearDelta extends TotalsDelta {
  regionId: string;
  fiscalYear: number;
  /** Lines opened in the delta (institutions and lines are recounted when > 0). */
  opened: number;
}
export interface FunctionalGroupYearDelta extends TotalsDelta {
  regionId: string;
  functionalGroup: string;
  fiscalYear: number;
}

export interface RolledUp {
  institutionYears: InstitutionYearDelta[];
  programmeYears: ProgrammeYearDelta[];
  regionYears: RegionYearDelta[];
  functionalGroupYears: FunctionalGroupYearDelta[];
}

/** The per-key deltas of every aggregate table, summed from the line deltas. */
export const rollUp = (lines: Iterable<LineDelta>, countryId: string): RolledUp => {
  const institutionYears = new Map<string, InstitutionYearDelta>();
  const programmeYears = new Map<string, ProgrammeYearDelta>();
  const regionYears = new Map<string, RegionYearDelta>();
  const groupYears = new Map<string, FunctionalGroupYearDelta>();
  const zero = (): TotalsDelta => ({ allocated: 0n, committed: 0n, paid: 0n });
  const group = (regionId: string, functionalGroup: string, fiscalYear: number): FunctionalGroupYearDelta => {
    const key = `${regionId}|${functionalGroup}|${fiscalYear}`;
    let row = groupYears.get(key);
    if (!row) groupYears.set(key, (row = { regionId, functionalGroup, fiscalYear, ...zero() }));
    return row;
  };
  for (const line of lines) {
    const info = line.info;
    if (!info) throw new Error(`line ${line.lineId} has no classification (no BudgetLineOpened before its events)`);
    const opened = line.opened ? 1 : 0;
    const y = info.fiscalYear;

    const iKey = `${info.bin}|${y}`;
    let institution = institutionYears.get(iKey);
    if (!institution)
      institutionYears.set(
        iKey,
        (institution = {
          bin: info.bin,
          fiscalYear: y,
          regionId: info.regionId,
          level: info.level,
          lines: 0,
          ...zero(),
        }),
      );
    addTotals(institution, line);
    institution.lines += opened;

    const pKey = `${info.programmeCode}|${y}`;
    let programme = programmeYears.get(pKey);
    if (!programme)
      programmeYears.set(
        pKey,
        (programme = {
          code: info.programmeCode,
          fiscalYear: y,
          functionalGroup: info.functionalGroup,
          lines: 0,
          ...zero(),
        }),
      );
    addTotals(programme, line);
    programme.lines += opened;

    const rKey = `${info.regionId}|${y}`;
    let region = regionYears.get(rKey);
    if (!region) regionYears.set(rKey, (region = { regionId: info.regionId, fiscalYear: y, opened: 0, ...zero() }));
    addTotals(region, line);
    region.opened += opened;

    addTotals(group(info.regionId, info.functionalGroup, y), line);
    addTotals(group(countryId, info.functionalGroup, y), line);
  }
  return {
    institutionYears: [...institutionYears.values()],
    programmeYears: [...programmeYears.values()],
    regionYears: [...regionYears.values()],
    functionalGroupYears: [...groupYears.values()],
  };
};
