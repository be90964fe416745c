/**
 * For specs and benches: builds valid budget ledgers with the real deciders (in memory, refused
 * commands are skipped), then appends them to a real event store. Not used by the service.
 */
import type { DomainEvent, EventStore } from '@adal/event-store';
import {
  binCheckDigit,
  budgetLineDecider,
  budgetLineStream,
  institutionDecider,
  institutionStream,
  isDomainError,
  lineIdOf,
  programmeCodeOf,
  programmeDecider,
  programmeStream,
  type BudgetLineCommand,
  type BudgetLineState,
  type InstitutionCommand,
  type InstitutionLevel,
  type InstitutionState,
  type LineClassification,
  type LocalizedText,
  type ProgrammeCommand,
  type ProgrammeState,
} from '../../domain/index.js';

/** The `n`th checksum-valid BIN of a fictional series (`prefix` + 6 digits + check digit); distinct per `n`. */
export const testBin = (n: number, prefix = '97024'): string => {
  for (let k = 0; k < 16; k++) {
    const first11 = `${prefix}${String((n * 16 + k) % 1_000_000).padStart(6, '0')}`;
    const check = binCheckDigit(first11);
    if (check !== undefined) return `${first11}${check}`;
  }
  throw new Error(`no valid BIN for ${n}`);
};

export const names = (label: string): LocalizedText => ({
  kk: `${label} (қаз)`,
  ru: `${label} (рус)`,
  en: `${label} (eng)`,
});

export interface Append {
  stream: string;
  events: DomainEvent[];
}

interface Aggregate<Command, State> {
  stream: string;
  state: State;
  decide(command: Command, state: State): DomainEvent[];
  evolve(state: State, event: DomainEvent): State;
}

export class LedgerBuilder {
  private readonly institutions = new Map<string, Aggregate<InstitutionCommand, InstitutionState>>();
  private readonly programmes = new Map<string, Aggregate<ProgrammeCommand, ProgrammeState>>();
  private readonly lines = new Map<string, Aggregate<BudgetLineCommand, BudgetLineState>>();
  private readonly institutionData = new Map<string, { regionId: string; level: InstitutionLevel }>();
  private readonly programmeData = new Map<
    string,
    { administrator: string; programme: string; subprogramme: string; functionalGroup: string }
  >();
  private pending: Append[] = [];
  /** Commands the domain refused (skipped). */
  refused = 0;
  /** How many of each refusal code. */
  readonly refusals: Record<string, number> = {};

  private run<Command, State>(aggregate: Aggregate<Command, State>, command: Command): boolean {
    let events: DomainEvent[];
    try {
      events = aggregate.decide(command, aggregate.state);
    } catch (error) {
      if (isDomainError(error)) {
        this.refused++;
        this.refusals[error.code] = (this.refusals[error.code] ?? 0) + 1;
        return false;
      }
      throw error;
    }
    for (const event of events) aggregate.state = aggregate.evolve(aggregate.state, event);
    if (events.length > 0) this.pending.push({ stream: aggregate.stream, events });
    return events.length > 0;
  }

  registerInstitution(
    bin: string,
    regionId: string,
    level: InstitutionLevel,
    name = names(`Institution ${bin}`),
  ): boolean {
    let aggregate = this.institutions.get(bin);
    if (!aggregate) {
      aggregate = {
        stream: institutionStream(bin),
        state: institutionDecider.initialState(),
        decide: institutionDecider.decide as Aggregate<InstitutionCommand, InstitutionState>['decide'],
        evolve: institutionDecider.evolve as Aggregate<InstitutionCommand, InstitutionState>['evolve'],
      };
      this.institutions.set(bin, aggregate);
    }
    const done = this.run(aggregate, { type: 'RegisterInstitution', data: { bin, name, regionId, level } });
    if (done) this.institutionData.set(bin, { regionId, level });
    return done;
  }

  correctInstitutionName(bin: string, name: LocalizedText): boolean {
    const aggregate = this.institutions.get(bin);
    return aggregate ? this.run(aggregate, { type: 'CorrectInstitutionName', data: { bin, name } }) : false;
  }

  registerProgramme(
    administrator: string,
    programme: string,
    subprogramme: string,
    functionalGroup: string,
    name?: LocalizedText,
  ): string {
    const code = programmeCodeOf(administrator, programme, subprogramme);
    let aggregate = this.programmes.get(code);
    if (!aggregate) {
      aggregate = {
        stream: programmeStream(code),
        state: programmeDecider.initialState(),
        decide: programmeDecider.decide as Aggregate<ProgrammeCommand, ProgrammeState>['decide'],
        evolve: programmeDecider.evolve as Aggregate<ProgrammeCommand, ProgrammeState>['evolve'],
      };
      this.programmes.set(code, aggregate);
    }
    if (
      this.run(aggregate, {
        type: 'RegisterProgramme',
        data: { administrator, programme, subprogramme, functionalGroup, name: name ?? names(`Programme ${code}`) },
      })
    )
      this.programmeData.set(code, { administrator, programme, subprogramme, functionalGroup });
    return code;
  }

  /** The classification of a line of a registered institution and programme. */
  classification(bin: string, code: string, fiscalYear: number): LineClassification {
    const institution = this.institutionData.get(bin);
    const programme = this.programmeData.get(code);
    if (!institution || !programme) throw new Error(`register ${bin} and ${code} first`);
    return { bin, ...institution, ...programme, fiscalYear };
  }

  /** Runs a budget-line command; false when refused or a no-op. */
  line(lineId: string, command: BudgetLineCommand): boolean {
    let aggregate = this.lines.get(lineId);
    if (!aggregate) {
      aggregate = {
        stream: budgetLineStream(lineId),
        state: budgetLineDecider.initialState(),
        decide: budgetLineDecider.decide as Aggregate<BudgetLineCommand, BudgetLineState>['decide'],
        evolve: budgetLineDecider.evolve as Aggregate<BudgetLineCommand, BudgetLineState>['evolve'],
      };
      this.lines.set(lineId, aggregate);
    }
    return this.run(aggregate, command);
  }

  approve(cls: LineClassification, transactionId: string, amount: bigint, date: string): string {
    const lineId = lineIdOf(
      cls.bin,
      programmeCodeOf(cls.administrator, cls.programme, cls.subprogramme),
      cls.fiscalYear,
    );
    this.line(lineId, {
      type: 'ApproveAllocation',
      data: { transactionId, date, line: cls, amount: amount.toString() },
    });
    return lineId;
  }

  lineState(lineId: string): BudgetLineState | undefined {
    return this.lines.get(lineId)?.state;
  }

  lineIds(): string[] {
    return [...this.lines.keys()];
  }

  /** The appends decided since the last call, in decision order. */
  take(): Append[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** Appends in order; returns the global position of the last event appended. */
export const appendAll = async (store: EventStore, appends: readonly Append[]): Promise<bigint> => {
  let last = 0n;
  for (const append of appends) {
    const result = await store.appendToStream(append.stream, append.events);
    last = result.globalPosition;
  }
  return last;
};
