/**
 * For specs: the read model as plain sums over the ledger's events (the definition in
 * docs/budget.md, written as simply as possible, independently of the projector's batch fold),
 * and the read model's tables dumped in a comparable form.
 */
import type pg from 'pg';
import type { RecordedEvent } from '@adal/event-store';
import { qualified } from '../entities.js';

export interface Totals {
  allocated: bigint;
  committed: bigint;
  paid: bigint;
}

export interface ExpectedReadModel {
  lines: Record<
    string,
    Totals & {
      events: number;
      lastDate: string | null;
      bin: string;
      regionId: string;
      year: number;
      code: string;
      group: string;
    }
  >;
  regionYears: Record<string, Totals & { institutions: number; lines: number }>;
  institutionYears: Record<string, Totals & { lines: number }>;
  programmeYears: Record<string, Totals & { lines: number }>;
  groupYears: Record<string, Totals>;
  institutions: Record<string, { kk: string; ru: string; en: string; regionId: string; level: string }>;
  programmes: Record<string, { functionalGroup: string; en: string }>;
  asOf: string | null;
  ledgerEvents: number;
}

const zero = (): Totals => ({ allocated: 0n, committed: 0n, paid: 0n });

export const expectedReadModel = (events: readonly RecordedEvent[]): ExpectedReadModel => {
  const out: ExpectedReadModel = {
    lines: {},
    regionYears: {},
    institutionYears: {},
    programmeYears: {},
    groupYears: {},
    institutions: {},
    programmes: {},
    asOf: null,
    ledgerEvents: 0,
  };
  const institutionsOf: Record<string, Set<string>> = {};
  for (const event of events) {
    const d = event.data as Record<string, unknown>;
    const text = (key: string): string => String(d[key]);
    const nameOf = () => d['name'] as { kk: string; ru: string; en: string };
    if (event.type === 'InstitutionRegistered') {
      out.institutions[text('bin')] = { ...nameOf(), regionId: text('regionId'), level: text('level') };
      continue;
    }
    if (event.type === 'InstitutionNameCorrected') {
      out.institutions[text('bin')] = { ...out.institutions[text('bin')]!, ...nameOf() };
      continue;
    }
    if (event.type === 'ProgrammeRegistered') {
      out.programmes[text('code')] = { functionalGroup: text('functionalGroup'), en: nameOf().en };
      continue;
    }
    if (event.type === 'BudgetLineOpened') {
      const l = d['line'] as Record<string, string> & { fiscalYear: number };
      out.lines[text('lineId')] = {
        ...zero(),
        events: 0,
        lastDate: null,
        bin: String(l['bin']),
        regionId: String(l['regionId']),
        year: l.fiscalYear,
        code: `${l['administrator']}${l['programme']}${l['subprogramme']}`,
        group: String(l['functionalGroup']),
      };
      continue;
    }
    const line = out.lines[text('lineId')];
    if (!line) continue;
    const amount = (key: string) => BigInt(text(key));
    switch (event.type) {
      case 'AllocationApproved':
        line.allocated += amount('amount');
        break;
      case 'AllocationAmended':
        line.allocated += amount('delta');
        break;
      case 'CommitmentRegistered':
        line.committed += amount('amount');
        break;
      case 'CommitmentReduced':
        line.committed -= amount('amount');
        break;
      case 'CommitmentCancelled':
        line.committed -= amount('released');
        break;
      case 'PaymentMade':
        line.paid += amount('amount');
        break;
      default:
        continue;
    }
    line.events++;
    out.ledgerEvents++;
    const date = text('date');
    if (!line.lastDate || date > line.lastDate) line.lastDate = date;
    if (!out.asOf || date > out.asOf) out.asOf = date;
  }
  const add = (into: Totals, from: Totals) => {
    into.allocated += from.allocated;
    into.committed += from.committed;
    into.paid += from.paid;
  };
  for (const line of Object.values(out.lines)) {
    const r = (out.regionYears[`${line.regionId}|${line.year}`] ??= { ...zero(), institutions: 0, lines: 0 });
    add(r, line);
    r.lines++;
    (institutionsOf[`${line.regionId}|${line.year}`] ??= new Set()).add(line.bin);
    const i = (out.institutionYears[`${line.bin}|${line.year}`] ??= { ...zero(), lines: 0 });
    add(i, line);
    i.lines++;
    const p = (out.programmeYears[`${line.code}|${line.year}`] ??= { ...zero(), lines: 0 });
    add(p, line);
    p.lines++;
    add((out.groupYears[`${line.regionId}|${line.group}|${line.year}`] ??= zero()), line);
    add((out.groupYears[`KZ|${line.group}|${line.year}`] ??= zero()), line);
  }
  for (const [key, set] of Object.entries(institutionsOf)) out.regionYears[key]!.institutions = set.size;
  return out;
};

/** The read model's tables in the same shape as `expectedReadModel`. */
export const dumpReadModel = async (pool: pg.Pool): Promise<ExpectedReadModel> => {
  const q = async (sql: string) => (await pool.query<Record<string, string | number | null>>(sql)).rows;
  const totals = (r: Record<string, unknown>): Totals => ({
    allocated: BigInt(String(r['allocated'])),
    committed: BigInt(String(r['committed'])),
    paid: BigInt(String(r['paid'])),
  });
  const out: ExpectedReadModel = {
    lines: {},
    regionYears: {},
    institutionYears: {},
    programmeYears: {},
    groupYears: {},
    institutions: {},
    programmes: {},
    asOf: null,
    ledgerEvents: 0,
  };
  for (const r of await q(`SELECT * FROM ${qualified('budget_line')}`))
    out.lines[String(r['line_id'])] = {
      ...totals(r),
      events: Number(r['events']),
      lastDate: r['last_date'] === null ? null : String(r['last_date']),
      bin: String(r['bin']),
      regionId: String(r['region_id']),
      year: Number(r['fiscal_year']),
      code: String(r['programme_code']),
      group: String(r['functional_group']),
    };
  for (const r of await q(`SELECT * FROM ${qualified('region_year')}`))
    out.regionYears[`${r['region_id']}|${r['fiscal_year']}`] = {
      ...totals(r),
      institutions: Number(r['institutions']),
      lines: Number(r['lines']),
    };
  for (const r of await q(`SELECT * FROM ${qualified('institution_year')}`))
    out.institutionYears[`${r['bin']}|${r['fiscal_year']}`] = { ...totals(r), lines: Number(r['lines']) };
  for (const r of await q(`SELECT * FROM ${qualified('programme_year')}`))
    out.programmeYears[`${r['code']}|${r['fiscal_year']}`] = { ...totals(r), lines: Number(r['lines']) };
  for (const r of await q(`SELECT * FROM ${qualified('functional_group_year')}`))
    out.groupYears[`${r['region_id']}|${r['functional_group']}|${r['fiscal_year']}`] = totals(r);
  for (const r of await q(`SELECT * FROM ${qualified('institution')}`))
    out.institutions[String(r['bin'])] = {
      kk: String(r['name_kk']),
      ru: String(r['name_ru']),
      en: String(r['name_en']),
      regionId: String(r['region_id']),
      level: String(r['level']),
    };
  for (const r of await q(`SELECT * FROM ${qualified('programme')}`))
    out.programmes[String(r['code'])] = { functionalGroup: String(r['functional_group']), en: String(r['name_en']) };
  const [c] = await q(`SELECT as_of, ledger_events FROM ${qualified('projection_checkpoint')} WHERE name = 'budget'`);
  out.asOf = c?.['as_of'] === null || c?.['as_of'] === undefined ? null : String(c['as_of']);
  out.ledgerEvents = Number(c?.['ledger_events'] ?? 0);
  return out;
};
