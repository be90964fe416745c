/**
 * The synthetic open-budget dataset: institutions across the 20 regions, budget lines on a fixed
 * programme catalogue, and one fiscal year of ledger transactions per line (allocation approved,
 * amendments, commitments, payments, reductions, cancellations).
 *
 * Shape, not truth. Institutions spread by population and level (most are district and rural
 * district bodies; republican ones sit mostly in Astana); allocations are log-normal with a
 * Pareto tail, scaled to a country total in the trillions of tenge (8.3 trillion for 17,000
 * institutions, the figure publicbudget.kz carried); commitments never exceed the allocation and
 * payments never exceed their commitment at any moment (every line is valid for the decider);
 * payments follow commitments through the year up to the as-of date, and each region and
 * institution has its own pace, so execution varies and some regions lag.
 *
 * Deterministic: the same options give the same dataset, byte for byte. Planning (institutions,
 * lines, allocations, event counts) is cheap and held in memory; the transactions of a line are
 * generated on demand from the line's own forked generator.
 */
import {
  binCheckDigit,
  dayOfYear,
  daysInYear,
  isLocalDate,
  lineIdOf,
  programmeCodeOf,
  REGIONS,
  regionById,
  yearOf,
  type InstitutionLevel,
  type LocalDate,
} from '../domain/index.js';
import type { InstitutionData, LedgerRow, ProgrammeData, TransactionType } from '../import/ledger-row.js';
import {
  CITIES,
  GROUP_WEIGHTS,
  institutionName,
  LEVEL_SHARES,
  LINES_PER_INSTITUTION,
  MEDIAN_LINE_TENGE,
  PROGRAMMES,
  PROGRAMMES_BY_GROUP,
  REGION_POPULATION,
} from './catalogue.js';
import { Prng, randomShares, splitWhole } from './prng.js';

export interface SyntheticOptions {
  /** How many institutions (each gets at least one budget line). */
  institutions: number;
  /**
   * How many ledger events in total: the events of the budget-line streams, `BudgetLineOpened`
   * included (an approval row gives two events, every other row one). At least 2 per institution.
   */
  events: number;
  /** Same seed, same data. Default `adal-office`. */
  seed?: string | number;
  /** The fiscal (calendar) year. */
  year: number;
  /** No transaction is dated after this day. Default: December 31st of `year`. */
  asOf?: LocalDate;
  /** Total allocation in tenge. Default: 8.3 trillion scaled by `institutions / 17,000`. */
  totalTenge?: number;
}

export interface SyntheticInstitution extends InstitutionData {
  /** 0-based position in the dataset. */
  index: number;
  /** The functional group most of its lines belong to. */
  mainGroup: string;
  /** Its pace of spending: execution is about `elapsed share of the year x pace`. */
  pace: number;
}

export interface PlannedLine {
  /** 1-based position in the dataset. */
  lineNo: number;
  lineId: string;
  institution: SyntheticInstitution;
  programme: ProgrammeData;
  /** The approved allocation, tiyn (a safe integer). */
  allocation: number;
  /** Events of the line's stream, `BudgetLineOpened` included (>= 2). */
  events: number;
}

export interface SyntheticPlan {
  seed: string;
  year: number;
  asOf: LocalDate;
  institutions: readonly SyntheticInstitution[];
  /** The programmes the lines use, by code. */
  programmes: readonly ProgrammeData[];
  lines: readonly PlannedLine[];
  /** Sum of `lines[].events`: exactly `options.events`. */
  events: number;
}

/** The country total publicbudget.kz carried, tenge, and the institutions it covered. */
const COUNTRY_TOTAL_TENGE = 8.3e12;
const COUNTRY_INSTITUTIONS = 17_000;
/** A line never holds more events than this (its folded state is copied per event). */
const MAX_EVENTS_PER_LINE = 4_000;
/** Allocations are whole thousands of tenge, at least 100,000 tenge. */
const ALLOCATION_STEP_TIYN = 100_000;
const MIN_ALLOCATION_TIYN = 10_000_000;
const TIYN_PER_TENGE = 100;

const LEVELS: readonly InstitutionLevel[] = ['republican', 'regional', 'district', 'rural'];
const GROUPS = [...PROGRAMMES_BY_GROUP.keys()];

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The date of day `n` (1-based) of `year`, without `Date` (no host time zone involved). */
export const dateOfDay = (year: number, n: number): LocalDate => {
  const months = [31, daysInYear(year) === 366 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let day = n;
  let month = 0;
  while (month < 11 && day > months[month]!) day -= months[month++]!;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * A checksum-valid BIN: registration year and month, `4` (a legal entity), an attribute digit and
 * a 5-digit serial. `attribute * 100000 + serial` is unique per `number`, so BINs never collide;
 * a year-month without a valid check digit moves on to the next month.
 */
export const syntheticBin = (number: number, attribute: number, rng: Prng): string => {
  const serial = String(number % 100_000).padStart(5, '0');
  const attr = String((attribute + Math.floor(number / 100_000)) % 10);
  let month = rng.int(0, 28 * 12 - 1); // 1995-01 .. 2022-12
  for (;;) {
    const year = 1995 + Math.floor(month / 12);
    const first11 = `${String(year % 100).padStart(2, '0')}${String((month % 12) + 1).padStart(2, '0')}4${attr}${serial}`;
    const check = binCheckDigit(first11);
    if (check !== undefined) return `${first11}${check}`;
    month = (month + 1) % (28 * 12);
  }
};

const normaliseOptions = (options: SyntheticOptions) => {
  const { institutions, events, year } = options;
  if (!Number.isInteger(institutions) || institutions < 1)
    throw new RangeError('institutions must be a whole number >= 1');
  if (institutions > 400_000) throw new RangeError('institutions must be at most 400,000');
  if (!Number.isInteger(events) || events < 2 * institutions)
    throw new RangeError(`events must be a whole number >= 2 x institutions (${2 * institutions})`);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError('year must be 2000..2100');
  const asOf = options.asOf ?? `${year}-12-31`;
  if (!isLocalDate(asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD, got "${asOf}"`);
  if (yearOf(asOf) < year) throw new RangeError(`asOf ${asOf} is before the fiscal year ${year}`);
  const asOfDay = yearOf(asOf) > year ? daysInYear(year) : dayOfYear(asOf);
  const totalTenge = options.totalTenge ?? (COUNTRY_TOTAL_TENGE * institutions) / COUNTRY_INSTITUTIONS;
  if (!(totalTenge > 0)) throw new RangeError('totalTenge must be positive');
  return {
    institutions,
    events,
    year,
    asOf: dateOfDay(year, asOfDay),
    asOfDay,
    totalTenge,
    seed: String(options.seed ?? 'adal-office'),
  };
};

/** Plans the dataset: institutions, lines, allocations and how many events each line gets. */
export const planSyntheticLedger = (options: SyntheticOptions): SyntheticPlan => {
  const o = normaliseOptions(options);
  const root = new Prng(o.seed);

  // Each region spends at its own pace (a few lag behind).
  const regionRng = root.fork('regions');
  const regionPace = new Map(REGIONS.map((r) => [r.id, clamp(0.95 + 0.07 * regionRng.normal(), 0.7, 1.03)]));

  const regionWeights = (level: InstitutionLevel): number[] =>
    REGIONS.map((r) => {
      const people = Math.pow(REGION_POPULATION[r.id] ?? 500, 0.8);
      if (level === 'republican') return r.id === 'KZ-71' ? 60 : r.id === 'KZ-75' ? 10 : people / 100;
      if (level === 'rural') return CITIES.has(r.id) ? 0 : Math.pow(REGION_POPULATION[r.id] ?? 500, 0.9);
      return people;
    });
  const weightsByLevel = new Map(LEVELS.map((level) => [level, regionWeights(level)]));
  const levelWeights = LEVELS.map((level) => LEVEL_SHARES[level]);

  // 1. Institutions.
  const institutions: SyntheticInstitution[] = [];
  for (let index = 0; index < o.institutions; index++) {
    const rng = root.fork(`institution/${index}`);
    const level = LEVELS[rng.weightedIndex(levelWeights)]!;
    const region = REGIONS[rng.weightedIndex(weightsByLevel.get(level)!)]!;
    const mainGroup = GROUPS[rng.weightedIndex(GROUP_WEIGHTS[level])]!;
    institutions.push({
      index,
      bin: syntheticBin(index, 0, rng),
      name: institutionName(level, mainGroup, index + 1, regionById(region.id)!.name),
      regionId: region.id,
      level,
      mainGroup,
      pace: clamp(regionPace.get(region.id)! * (1 + 0.08 * rng.normal()), 0.3, 1),
    });
  }

  // 2. How many lines each holds; fewer when the events would not give every line a few.
  const lineRng = root.fork('line-counts');
  const counts = institutions.map((inst) => 1 + lineRng.poisson(LINES_PER_INSTITUTION[inst.level] - 1));
  const maxLines = Math.max(o.institutions, Math.floor(o.events / 6));
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total > maxLines) {
    const factor = (maxLines - o.institutions) / (total - o.institutions);
    for (let i = 0; i < counts.length; i++) counts[i] = 1 + Math.floor((counts[i]! - 1) * factor);
  }

  // 3. Which programmes: mostly the institution's main group, some administration, the rest by level.
  const used = new Map<string, ProgrammeData>();
  const raw: Array<{ institution: SyntheticInstitution; programme: ProgrammeData; size: number }> = [];
  for (const inst of institutions) {
    const rng = root.fork(`lines/${inst.index}`);
    const chosen = new Map<string, ProgrammeData>();
    const want = Math.min(counts[inst.index]!, PROGRAMMES.length);
    for (let attempt = 0; chosen.size < want && attempt < want * 20; attempt++) {
      const roll = rng.next();
      const group =
        roll < 0.6 ? inst.mainGroup : roll < 0.72 ? '01' : GROUPS[rng.weightedIndex(GROUP_WEIGHTS[inst.level])]!;
      const programme = rng.pick(PROGRAMMES_BY_GROUP.get(group)!);
      chosen.set(programmeCodeOf(programme.administrator, programme.programme, programme.subprogramme), programme);
    }
    for (const [code, programme] of [...chosen].sort(([a], [b]) => (a < b ? -1 : 1))) {
      used.set(code, programme);
      const tail = inst.level === 'republican' && rng.chance(0.15) ? rng.pareto(1, 1.2) : 1;
      raw.push({ institution: inst, programme, size: MEDIAN_LINE_TENGE[inst.level] * rng.logNormal(0, 1.1) * tail });
    }
  }

  // 4. Allocations scaled to the total; events in proportion to size^0.4 (big lines are busier).
  const rawTotal = raw.reduce((sum, line) => sum + line.size, 0);
  const scale = (o.totalTenge * TIYN_PER_TENGE) / rawTotal;
  const allocations = raw.map((line) =>
    Math.max(MIN_ALLOCATION_TIYN, Math.round((line.size * scale) / ALLOCATION_STEP_TIYN) * ALLOCATION_STEP_TIYN),
  );
  const eventRng = root.fork('event-counts');
  const weights = allocations.map((a) => Math.pow(a, 0.4) * eventRng.logNormal(0, 0.4));
  const extras = distribute(o.events - 2 * raw.length, weights, MAX_EVENTS_PER_LINE - 2);

  const lines: PlannedLine[] = raw.map((line, i) => ({
    lineNo: i + 1,
    lineId: lineIdOf(
      line.institution.bin,
      programmeCodeOf(line.programme.administrator, line.programme.programme, line.programme.subprogramme),
      o.year,
    ),
    institution: line.institution,
    programme: line.programme,
    allocation: allocations[i]!,
    events: 2 + extras[i]!,
  }));
  return {
    seed: o.seed,
    year: o.year,
    asOf: o.asOf,
    institutions,
    programmes: [...used.values()],
    lines,
    events: o.events,
  };
};

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder), none above `cap`
 * while the others have room: the parts sum to `total` exactly.
 */
const distribute = (total: number, weights: readonly number[], cap: number): number[] => {
  const parts = weights.map(() => 0);
  let remaining = total;
  let open = weights.map((_, i) => i);
  while (remaining > 0 && open.length > 0) {
    const sum = open.reduce((s, i) => s + weights[i]!, 0);
    const exact = open.map((i) => (remaining * weights[i]!) / sum);
    const floors = exact.map(Math.floor);
    let left = remaining - floors.reduce((s, f) => s + f, 0);
    const order = exact.map((e, k) => [e - floors[k]!, k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, k] of order) {
      if (left === 0) break;
      floors[k]!++;
      left--;
    }
    let given = 0;
    open.forEach((i, k) => {
      const add = Math.min(floors[k]!, cap - parts[i]!);
      parts[i]! += add;
      given += add;
    });
    remaining -= given;
    const next = open.filter((i) => parts[i]! < cap);
    if (next.length === open.length && given === 0) break;
    open = next;
  }
  if (remaining > 0) throw new RangeError('too many events for the lines (each line holds at most 4,000)');
  return parts;
};

// --- one line's transactions --------------------------------------------------------------------

/** Same-day order: approval, amendments, commitments, payments, reductions, cancellations. */
const RANK: Record<TransactionType, number> = {
  'allocation-approved': 0,
  'allocation-amended': 1,
  'commitment-registered': 2,
  'payment-made': 3,
  'commitment-reduced': 4,
  'commitment-cancelled': 5,
};

interface Op {
  day: number;
  type: TransactionType;
  seq?: number;
  amount?: number;
  commitmentId?: string;
  paymentId?: string;
  supplierBin?: string;
}

/** Sorted uniform days in [from, to]. */
const days = (rng: Prng, count: number, from: number, to: number, skew = 1): number[] =>
  Array.from({ length: count }, () => from + Math.floor(Math.pow(rng.next(), skew) * (to - from + 1))).sort(
    (a, b) => a - b,
  );

/** Whole tenge, as tiyn. */
const tenge = (tiyn: number): number => Math.floor(tiyn / TIYN_PER_TENGE);

/**
 * The transactions of one line, in the order the ledger applies them. Valid by construction:
 * commitments stay within the lowest allocation the line ever has, payments within their
 * commitment, reductions above what is paid, cancellations after the last payment.
 */
export const lineTransactions = (plan: SyntheticPlan, line: PlannedLine): LedgerRow[] => {
  const rng = new Prng(`${plan.seed}/line/${line.lineNo}`);
  const asOfDay = yearOf(plan.asOf) > plan.year ? daysInYear(plan.year) : dayOfYear(plan.asOf);
  const elapsed = asOfDay / daysInYear(plan.year);
  const ops: Op[] = [];
  let seq = 0;
  const add = (op: Op) => {
    op.seq = seq++;
    ops.push(op);
  };

  const approvedOn = Math.min(asOfDay, rng.int(3, 20));
  const allocation = line.allocation;
  add({ day: approvedOn, type: 'allocation-approved', amount: allocation });
  let extra = line.events - 2;
  const firstLater = Math.min(approvedOn + 1, asOfDay);

  // Amendments (budget clarifications): mostly increases; a decrease never goes below what is
  // committed because commitments stay within the lowest allocation of the year.
  const amendments = extra >= 8 ? (rng.chance(0.4) ? 1 : 0) + (extra >= 30 && rng.chance(0.3) ? 1 : 0) : 0;
  let current = allocation;
  let lowest = allocation;
  for (const day of days(rng, amendments, firstLater, asOfDay)) {
    const up = rng.chance(0.75);
    const size = Math.max(
      1,
      Math.round((allocation * (up ? rng.uniform(0.02, 0.15) : rng.uniform(0.01, 0.06))) / ALLOCATION_STEP_TIYN),
    );
    const delta = (up ? 1 : -1) * size * ALLOCATION_STEP_TIYN;
    if (current + delta <= 0) continue;
    current += delta;
    lowest = Math.min(lowest, current);
    add({ day, type: 'allocation-amended', amount: delta });
  }
  const finalAllocation = current;
  // Amendments skipped above come back as commitments and payments.
  extra = line.events - 2 - (ops.length - 1);
  if (extra === 0) return toRows(plan, line, ops);

  // How the rest splits: commitments, payments, a few reductions and cancellations.
  let commitments = Math.max(1, Math.round(extra * rng.uniform(0.25, 0.4)));
  let reductions = extra >= 10 ? Math.floor(commitments * 0.05) + (rng.chance(0.3) ? 1 : 0) : 0;
  let cancellations = extra >= 10 ? Math.floor(commitments * 0.04) + (rng.chance(0.25) ? 1 : 0) : 0;
  let payments = extra - commitments - reductions - cancellations;
  if (payments < 0) {
    reductions = 0;
    cancellations = 0;
    payments = extra - commitments;
  }
  // Execution target of this line: the share of the year gone by, at the institution's pace.
  const execution = clamp(elapsed * line.institution.pace * (1 + 0.1 * rng.normal()), 0, 1);
  const committedTotal = tenge(lowest * rng.uniform(Math.max(0.85, Math.min(1, execution)), 1));
  let paidTotal = Math.min(tenge(finalAllocation * execution), committedTotal);
  if (paidTotal < payments) {
    // Nothing (or next to nothing) to pay yet: those events become commitments.
    commitments += payments;
    payments = 0;
    paidTotal = 0;
  }
  if (committedTotal < commitments) throw new RangeError(`line ${line.lineId}: allocation too small for its events`);

  const amounts = splitWhole(committedTotal, randomShares(rng, commitments, 1), 1);
  const committedOn = days(rng, commitments, approvedOn, asOfDay, 1.4);
  const paid = amounts.map(() => 0);
  const counts = amounts.map(() => 0);
  const lastPaid = amounts.map((_, j) => committedOn[j]!);
  const supplierPool = Math.max(50, Math.floor(plan.institutions.length / 3));

  // Payments go to the earliest commitments, in proportion to their amount.
  const payees = Math.min(commitments, payments);
  if (payees > 0) {
    const payeeAmounts = amounts.slice(0, payees);
    const payeeTotal = payeeAmounts.reduce((s, a) => s + a, 0);
    const toPay = Math.min(paidTotal, payeeTotal);
    const paymentCounts = splitWhole(
      payments,
      payeeAmounts.map((a) => a / payeeTotal),
      1,
    );
    for (let j = 0; j < payees; j++) {
      const ratio = (toPay / payeeTotal) * rng.uniform(0.85, 1.15);
      paid[j] = Math.min(amounts[j]!, Math.max(paymentCounts[j]!, Math.floor(amounts[j]! * ratio)));
      counts[j] = paymentCounts[j]!;
    }
    // Every payment is at least one tenge: a commitment too small for its pieces passes some on.
    const largest = paid.indexOf(Math.max(...paid.slice(0, payees)));
    for (let j = 0; j < payees; j++) {
      if (counts[j]! > paid[j]! && j !== largest) {
        counts[largest]! += counts[j]! - paid[j]!;
        counts[j] = paid[j]!;
      }
    }
    if (counts[largest]! > paid[largest]!)
      throw new RangeError(`line ${line.lineId}: too many payments for its amounts`);
  }

  // Reductions and cancellations need an unpaid rest; without one, those events become payments.
  const reduced = new Map<number, { day: number; amount: number }>();
  let spare = 0;
  const withRest = () => amounts.map((a, j) => j).filter((j) => amounts[j]! - paid[j]! >= 2 && !reduced.has(j));
  for (let k = 0; k < reductions; k++) {
    const candidates = withRest();
    if (candidates.length === 0) {
      spare++;
      continue;
    }
    const j = rng.pick(candidates);
    const rest = amounts[j]! - paid[j]!;
    const amount = clamp(Math.floor(rest * rng.uniform(0.1, 0.7)), 1, rest - 1);
    reduced.set(j, { day: rng.int(committedOn[j]!, asOfDay), amount });
  }
  const cancelled = new Set<number>();
  for (let k = 0; k < cancellations; k++) {
    const candidates = amounts
      .map((_, j) => j)
      .filter((j) => !cancelled.has(j) && amounts[j]! - (reduced.get(j)?.amount ?? 0) - paid[j]! > 0);
    if (candidates.length === 0) {
      spare++;
      continue;
    }
    cancelled.add(rng.pick(candidates));
  }
  if (spare > 0) {
    // More pieces for a commitment that has payments; failing that, small increases of the allocation.
    const payee = counts.findIndex((c, j) => c > 0 && paid[j]! >= c + spare);
    if (payee >= 0) counts[payee]! += spare;
    else
      for (const day of days(rng, spare, firstLater, asOfDay))
        add({ day, type: 'allocation-amended', amount: rng.int(1, 100) * ALLOCATION_STEP_TIYN });
  }

  // Write it all out.
  let paymentNo = 0;
  for (let j = 0; j < commitments; j++) {
    const commitmentId = `C-${j + 1}`;
    add({
      day: committedOn[j]!,
      type: 'commitment-registered',
      amount: amounts[j]! * TIYN_PER_TENGE,
      commitmentId,
      ...(rng.chance(0.6) ? { supplierBin: supplierBin(plan.seed, rng.int(0, supplierPool - 1)) } : {}),
    });
    if (counts[j]! > 0) {
      const pieces = splitWhole(paid[j]!, randomShares(rng, counts[j]!, 0.6), 1);
      const on = days(rng, counts[j]!, committedOn[j]!, asOfDay);
      pieces.forEach((piece, k) => {
        add({
          day: on[k]!,
          type: 'payment-made',
          amount: piece * TIYN_PER_TENGE,
          commitmentId,
          paymentId: `P-${++paymentNo}`,
        });
      });
      lastPaid[j] = on[on.length - 1]!;
    }
    const reduction = reduced.get(j);
    if (reduction)
      add({ day: reduction.day, type: 'commitment-reduced', amount: reduction.amount * TIYN_PER_TENGE, commitmentId });
    if (cancelled.has(j)) {
      const after = Math.max(lastPaid[j]!, reduction?.day ?? 0);
      add({ day: rng.int(after, asOfDay), type: 'commitment-cancelled', commitmentId });
    }
  }
  return toRows(plan, line, ops);
};

/** The BIN of synthetic supplier `n` (attribute digit 5+, apart from institutions'). */
const supplierBin = (seed: string, n: number): string => syntheticBin(n, 5, new Prng(`${seed}/supplier/${n}`));

const toRows = (plan: SyntheticPlan, line: PlannedLine, ops: Op[]): LedgerRow[] => {
  ops.sort((a, b) => a.day - b.day || RANK[a.type] - RANK[b.type] || a.seq! - b.seq!);
  const { index: _index, mainGroup: _group, pace: _pace, ...institution } = line.institution;
  const lineNo = String(line.lineNo).padStart(6, '0');
  return ops.map((op, k): LedgerRow => ({
    transactionId: `SYN-${plan.year}-${lineNo}-${String(k + 1).padStart(4, '0')}`,
    date: dateOfDay(plan.year, op.day),
    type: op.type,
    fiscalYear: plan.year,
    institution,
    programme: line.programme,
    ...(op.amount !== undefined ? { amount: BigInt(op.amount) } : {}),
    ...(op.commitmentId !== undefined ? { commitmentId: op.commitmentId } : {}),
    ...(op.paymentId !== undefined ? { paymentId: op.paymentId } : {}),
    ...(op.supplierBin !== undefined ? { supplierBin: op.supplierBin } : {}),
  }));
};

/** Every transaction of the dataset, line after line. */
export function* syntheticRows(plan: SyntheticPlan): Generator<LedgerRow> {
  for (const line of plan.lines) yield* lineTransactions(plan, line);
}
