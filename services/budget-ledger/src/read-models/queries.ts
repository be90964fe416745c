/**
 * What the public budget API reads from `budget_read` (eventually consistent with the store).
 * Amounts come back as decimal strings of tiyn, straight from `numeric(20)`.
 *
 * Simple lookups go through MikroORM entities; lists, totals and the open-data exports are
 * plain SQL with bound parameters on the ORM's pool (sorting by execution, search in three
 * languages and keyset-paged exports are easier to say in SQL).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { Language, LocalizedText } from '../domain/index.js';
import { BudgetLineView, COUNTRY_ID, InstitutionView, PROJECTION_NAME, ProgrammeView, qualified } from './entities.js';
import { nativePoolOf } from './orm.js';

export interface Amounts {
  allocated: string;
  committed: string;
  paid: string;
}

export interface Snapshot {
  position: bigint;
  asOf: string | null;
}

/** A snapshot with the latest transaction date of one fiscal year (null when it has none). */
export interface YearSnapshot extends Snapshot {
  yearAsOf: string | null;
}

export interface RegionYearRow extends Amounts {
  regionId: string;
  institutions: number;
  lines: number;
}

export interface FunctionalGroupRow extends Amounts {
  functionalGroup: string;
}

export interface InstitutionRecord {
  bin: string;
  name: LocalizedText;
  regionId: string;
  level: string;
}

export interface InstitutionYearRow extends InstitutionRecord, Amounts {
  lines: number;
}

export interface ProgrammeRecord {
  code: string;
  administrator: string;
  programme: string;
  subprogramme: string;
  functionalGroup: string;
  name: LocalizedText;
}

export interface ProgrammeYearRow extends ProgrammeRecord, Amounts {
  lines: number;
}

export interface LineRow extends Amounts {
  lineId: string;
  bin: string;
  programmeCode: string;
  fiscalYear: number;
  regionId: string;
  level: string;
  functionalGroup: string;
  events: number;
  lastDate: string | null;
  institutionName: LocalizedText | null;
  programme: ProgrammeRecord | null;
}

export type InstitutionSort = 'name' | 'allocated' | 'paid' | 'executionPct';
export type SortOrder = 'asc' | 'desc';

export interface InstitutionFilter {
  regionId: string;
  year: number;
  q?: string;
  level?: string;
  sort: InstitutionSort;
  order: SortOrder;
  language: Language;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

/** One transaction of the ledger as `transactions.csv` carries it. */
export interface TransactionRow {
  position: string;
  revision: string;
  type: string;
  lineId: string | null;
  transactionId: string | null;
  date: string | null;
  amount: string | null;
  commitmentId: string | null;
  paymentId: string | null;
  supplierBin: string | null;
  reason: string | null;
  fiscalYear: number | null;
  bin: string | null;
  institutionName: LocalizedText;
  regionId: string | null;
  level: string | null;
  programmeCode: string | null;
  administrator: string | null;
  programme: string | null;
  subprogramme: string | null;
  functionalGroup: string | null;
  programmeName: LocalizedText;
}

const T = {
  institution: qualified('institution'),
  programme: qualified('programme'),
  line: qualified('budget_line'),
  regionYear: qualified('region_year'),
  institutionYear: qualified('institution_year'),
  programmeYear: qualified('programme_year'),
  groupYear: qualified('functional_group_year'),
  checkpoint: qualified('projection_checkpoint'),
};

const NAME_COLUMN: Record<Language, string> = { kk: 'name_kk', ru: 'name_ru', en: 'name_en' };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const names = (kk: unknown, ru: unknown, en: unknown): LocalizedText => ({
  kk: String(kk ?? ''),
  ru: String(ru ?? ''),
  en: String(en ?? ''),
});

type Row = Record<string, unknown>;

const str = (v: unknown): string => String(v ?? '');
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const amountsOf = (r: Row): Amounts => ({
  allocated: str(r['allocated'] ?? '0'),
  committed: str(r['committed'] ?? '0'),
  paid: str(r['paid'] ?? '0'),
});

const programmeOf = (r: Row, code: string): ProgrammeRecord => ({
  code,
  administrator: r['administrator'] ? str(r['administrator']) : code.slice(0, 3),
  programme: r['programme'] ? str(r['programme']) : code.slice(3, 6),
  subprogramme: r['subprogramme'] ? str(r['subprogramme']) : code.slice(6, 9),
  functionalGroup: str(r['p_functional_group'] ?? r['functional_group']),
  name: names(r['p_name_kk'], r['p_name_ru'], r['p_name_en']),
});

export class BudgetQueries {
  private constructor(
    private readonly orm: MikroORM,
    private readonly pool: pg.Pool,
    /** The PostgreSQL event store's schema, for `transactions.csv`. */
    readonly storeSchema: string,
  ) {}

  static async create(orm: MikroORM, storeSchema: string): Promise<BudgetQueries> {
    if (!SCHEMA_NAME.test(storeSchema))
      throw new Error(`store schema "${storeSchema}" must be a lower-case identifier`);
    return new BudgetQueries(orm, await nativePoolOf(orm), storeSchema);
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  async snapshot(): Promise<Snapshot> {
    const [row] = await this.rows(`SELECT position::text AS position, as_of FROM ${T.checkpoint} WHERE name = $1`, [
      PROJECTION_NAME,
    ]);
    return { position: BigInt(str(row?.['position'] ?? '0')), asOf: strOrNull(row?.['as_of']) };
  }

  /** Fiscal years with any budget line, latest first. */
  async years(): Promise<number[]> {
    const rows = await this.rows(`SELECT DISTINCT fiscal_year FROM ${T.regionYear} ORDER BY fiscal_year DESC`);
    return rows.map((r) => Number(r['fiscal_year']));
  }

  /** The latest transaction date of a fiscal year's lines (null when it has none). */
  async yearAsOf(year: number): Promise<string | null> {
    const [row] = await this.rows(`SELECT max(last_date) AS last_date FROM ${T.line} WHERE fiscal_year = $1`, [year]);
    return strOrNull(row?.['last_date']);
  }

  /**
   * Every region with a line in the year, with the checkpoint and the year's latest transaction
   * date read in the same statement.
   */
  async regionYears(year: number): Promise<{ snapshot: YearSnapshot; rows: RegionYearRow[] }> {
    const rows = await this.rows(
      `SELECT c.position::text AS position, c.as_of,
              (SELECT max(last_date) FROM ${T.line} WHERE fiscal_year = $2) AS year_as_of,
              r.region_id, r.allocated::text AS allocated,
              r.committed::text AS committed, r.paid::text AS paid, r.institutions, r.lines
         FROM ${T.checkpoint} c LEFT JOIN ${T.regionYear} r ON r.fiscal_year = $2
        WHERE c.name = $1`,
      [PROJECTION_NAME, year],
    );
    const first = rows[0];
    return {
      snapshot: {
        position: BigInt(str(first?.['position'] ?? '0')),
        asOf: strOrNull(first?.['as_of']),
        yearAsOf: strOrNull(first?.['year_as_of']),
      },
      rows: rows
        .filter((r) => r['region_id'] !== null && r['region_id'] !== undefined)
        .map((r) => ({
          regionId: str(r['region_id']),
          ...amountsOf(r),
          institutions: Number(r['institutions']),
          lines: Number(r['lines']),
        })),
    };
  }

  async regionYear(regionId: string, year: number): Promise<RegionYearRow | undefined> {
    const [r] = await this.rows(
      `SELECT region_id, allocated::text AS allocated, committed::text AS committed, paid::text AS paid, institutions, lines
         FROM ${T.regionYear} WHERE region_id = $1 AND fiscal_year = $2`,
      [regionId, year],
    );
    return r
      ? { regionId, ...amountsOf(r), institutions: Number(r['institutions']), lines: Number(r['lines']) }
      : undefined;
  }

  /** Totals per functional group of a region (or `KZ`, the country) in a year. */
  async functionalGroups(regionId: string, year: number): Promise<FunctionalGroupRow[]> {
    const rows = await this.rows(
      `SELECT functional_group, allocated::text AS allocated, committed::text AS committed, paid::text AS paid
         FROM ${T.groupYear} WHERE region_id = $1 AND fiscal_year = $2 ORDER BY functional_group`,
      [regionId, year],
    );
    return rows.map((r) => ({ functionalGroup: str(r['functional_group']), ...amountsOf(r) }));
  }

  countryId(): string {
    return COUNTRY_ID;
  }

  /** A page of the institutions of a region in a year (`limit` undefined: all). */
  async institutions(
    filter: InstitutionFilter,
    offset: number,
    limit: number | undefined,
  ): Promise<Page<InstitutionYearRow>> {
    const params: unknown[] = [filter.regionId, filter.year];
    let where = 'iy.region_id = $1 AND iy.fiscal_year = $2';
    if (filter.level) {
      params.push(filter.level);
      where += ` AND iy.level = $${params.length}`;
    }
    const q = filter.q?.trim();
    if (q) {
      params.push(`%${likeEscape(q)}%`);
      const p = `$${params.length}`;
      where += ` AND (i.name_kk ILIKE ${p} OR i.name_ru ILIKE ${p} OR i.name_en ILIKE ${p} OR iy.bin LIKE ${p})`;
    }
    const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
    const key =
      filter.sort === 'name'
        ? `lower(coalesce(i.${NAME_COLUMN[filter.language]}, '')) ${direction}`
        : filter.sort === 'executionPct'
          ? `CASE WHEN iy.allocated > 0 THEN iy.paid / iy.allocated END ${direction} NULLS LAST`
          : `iy.${filter.sort} ${direction}`;
    let page = `ORDER BY ${key}, iy.bin`;
    if (limit !== undefined) {
      params.push(limit, offset);
      page += ` LIMIT $${params.length - 1} OFFSET $${params.length}`;
    }
    const rows = await this.rows(
      `SELECT iy.bin, i.name_kk, i.name_ru, i.name_en, iy.region_id, iy.level, iy.allocated::text AS allocated,
              iy.committed::text AS committed, iy.paid::text AS paid, iy.lines, count(*) OVER () AS total
         FROM ${T.institutionYear} iy LEFT JOIN ${T.institution} i ON i.bin = iy.bin
        WHERE ${where} ${page}`,
      params,
    );
    let total = rows.length > 0 ? Number(rows[0]!['total']) : 0;
    if (rows.length === 0 && offset > 0) {
      const countParams = limit !== undefined ? params.slice(0, -2) : params;
      const [c] = await this.rows(
        `SELECT count(*) AS total FROM ${T.institutionYear} iy LEFT JOIN ${T.institution} i ON i.bin = iy.bin WHERE ${where}`,
        countParams,
      );
      total = Number(c?.['total'] ?? 0);
    }
    return {
      total,
      rows: rows.map((r) => ({
        bin: str(r['bin']),
        name: names(r['name_kk'], r['name_ru'], r['name_en']),
        regionId: str(r['region_id']),
        level: str(r['level']),
        ...amountsOf(r),
        lines: Number(r['lines']),
      })),
    };
  }

  async institution(bin: string): Promise<InstitutionRecord | undefined> {
    const row = await this.orm.em.fork().findOne(InstitutionView, { bin });
    return row
      ? { bin: row.bin, name: names(row.nameKk, row.nameRu, row.nameEn), regionId: row.regionId, level: row.level }
      : undefined;
  }

  async institutionYear(bin: string, year: number): Promise<(Amounts & { lines: number }) | undefined> {
    const [r] = await this.rows(
      `SELECT allocated::text AS allocated, committed::text AS committed, paid::text AS paid, lines
         FROM ${T.institutionYear} WHERE bin = $1 AND fiscal_year = $2`,
      [bin, year],
    );
    return r ? { ...amountsOf(r), lines: Number(r['lines']) } : undefined;
  }

  private static lineSelect = `SELECT l.line_id, l.bin, l.programme_code, l.fiscal_year, l.region_id, l.level, l.functional_group,
         l.allocated::text AS allocated, l.committed::text AS committed, l.paid::text AS paid, l.events, l.last_date,
         i.name_kk AS i_name_kk, i.name_ru AS i_name_ru, i.name_en AS i_name_en,
         p.administrator, p.programme, p.subprogramme, p.functional_group AS p_functional_group,
         p.name_kk AS p_name_kk, p.name_ru AS p_name_ru, p.name_en AS p_name_en
    FROM ${T.line} l LEFT JOIN ${T.institution} i ON i.bin = l.bin LEFT JOIN ${T.programme} p ON p.code = l.programme_code`;

  private static lineOf(r: Row): LineRow {
    const code = str(r['programme_code']);
    return {
      lineId: str(r['line_id']),
      bin: str(r['bin']),
      programmeCode: code,
      fiscalYear: Number(r['fiscal_year']),
      regionId: str(r['region_id']),
      level: str(r['level']),
      functionalGroup: str(r['functional_group']),
      ...amountsOf(r),
      events: Number(r['events']),
      lastDate: strOrNull(r['last_date']),
      institutionName: r['i_name_kk'] === null ? null : names(r['i_name_kk'], r['i_name_ru'], r['i_name_en']),
      programme: programmeOf({ ...r, p_functional_group: r['p_functional_group'] ?? r['functional_group'] }, code),
    };
  }

  /** The lines of an institution in a year, by programme code. */
  async institutionLines(bin: string, year: number): Promise<LineRow[]> {
    const rows = await this.rows(
      `${BudgetQueries.lineSelect} WHERE l.bin = $1 AND l.fiscal_year = $2 ORDER BY l.programme_code`,
      [bin, year],
    );
    return rows.map((r) => BudgetQueries.lineOf(r));
  }

  /** A line with the checkpoint read in the same statement. */
  async line(lineId: string): Promise<{ snapshot: Snapshot; line: LineRow | undefined }> {
    const rows = await this.rows(
      `WITH c AS (SELECT position::text AS position, as_of FROM ${T.checkpoint} WHERE name = $2),
            x AS (${BudgetQueries.lineSelect} WHERE l.line_id = $1)
       SELECT c.position AS cp_position, c.as_of AS cp_as_of, x.* FROM c LEFT JOIN x ON true`,
      [lineId, PROJECTION_NAME],
    );
    const r = rows[0];
    const snapshot = { position: BigInt(str(r?.['cp_position'] ?? '0')), asOf: strOrNull(r?.['cp_as_of']) };
    return { snapshot, line: r && r['line_id'] ? BudgetQueries.lineOf(r) : undefined };
  }

  /** Does the line exist in the read model (for a fast 404)? */
  async hasLine(lineId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(BudgetLineView, { lineId })) > 0;
  }

  async programme(code: string): Promise<ProgrammeRecord | undefined> {
    const row = await this.orm.em.fork().findOne(ProgrammeView, { code });
    return row
      ? {
          code: row.code,
          administrator: row.administrator,
          programme: row.programme,
          subprogramme: row.subprogramme,
          functionalGroup: row.functionalGroup,
          name: names(row.nameKk, row.nameRu, row.nameEn),
        }
      : undefined;
  }

  /** A page of programme totals in a year, by code (`limit` undefined: all). */
  async programmes(
    filter: { year: number; functionalGroup?: string },
    offset: number,
    limit: number | undefined,
  ): Promise<Page<ProgrammeYearRow>> {
    const params: unknown[] = [filter.year];
    let where = 'py.fiscal_year = $1';
    if (filter.functionalGroup) {
      params.push(filter.functionalGroup);
      where += ` AND py.functional_group = $${params.length}`;
    }
    let page = 'ORDER BY py.code';
    if (limit !== undefined) {
      params.push(limit, offset);
      page += ` LIMIT $${params.length - 1} OFFSET $${params.length}`;
    }
    const rows = await this.rows(
      `SELECT py.code, py.functional_group, p.administrator, p.programme, p.subprogramme,
              p.name_kk AS p_name_kk, p.name_ru AS p_name_ru, p.name_en AS p_name_en,
              py.allocated::text AS allocated, py.committed::text AS committed, py.paid::text AS paid, py.lines,
              count(*) OVER () AS total
         FROM ${T.programmeYear} py LEFT JOIN ${T.programme} p ON p.code = py.code
        WHERE ${where} ${page}`,
      params,
    );
    let total = rows.length > 0 ? Number(rows[0]!['total']) : 0;
    if (rows.length === 0 && offset > 0) {
      const [c] = await this.rows(
        `SELECT count(*) AS total FROM ${T.programmeYear} py WHERE ${where}`,
        limit !== undefined ? params.slice(0, -2) : params,
      );
      total = Number(c?.['total'] ?? 0);
    }
    return {
      total,
      rows: rows.map((r) => ({ ...programmeOf(r, str(r['code'])), ...amountsOf(r), lines: Number(r['lines']) })),
    };
  }

  // ---- open data exports: keyset pages, so a file of any size is never held whole ----

  async institutionsAfter(after: string, limit: number): Promise<InstitutionRecord[]> {
    const rows = await this.rows(
      `SELECT bin, name_kk, name_ru, name_en, region_id, level FROM ${T.institution} WHERE bin > $1 ORDER BY bin LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({
      bin: str(r['bin']),
      name: names(r['name_kk'], r['name_ru'], r['name_en']),
      regionId: str(r['region_id']),
      level: str(r['level']),
    }));
  }

  async programmesAfter(after: string, limit: number): Promise<ProgrammeRecord[]> {
    const rows = await this.rows(
      `SELECT code, administrator, programme, subprogramme, functional_group AS p_functional_group,
              name_kk AS p_name_kk, name_ru AS p_name_ru, name_en AS p_name_en
         FROM ${T.programme} WHERE code > $1 ORDER BY code LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => programmeOf(r, str(r['code'])));
  }

  async linesAfter(after: string, limit: number): Promise<LineRow[]> {
    const rows = await this.rows(`${BudgetQueries.lineSelect} WHERE l.line_id > $1 ORDER BY l.line_id LIMIT $2`, [
      after,
      limit,
    ]);
    return rows.map((r) => BudgetQueries.lineOf(r));
  }

  /** Ledger transactions (line events but `BudgetLineOpened`) after `after`, up to `upTo`. */
  async transactionsAfter(after: bigint, upTo: bigint, limit: number): Promise<TransactionRow[]> {
    const rows = await this.rows(
      `SELECT e.global_position::text AS pos, e.stream_revision::text AS revision, e.event_type,
              e.data->>'lineId' AS line_id, e.data->>'transactionId' AS transaction_id, e.data->>'date' AS date,
              CASE e.event_type WHEN 'AllocationAmended' THEN e.data->>'delta'
                                WHEN 'CommitmentCancelled' THEN e.data->>'released'
                                ELSE e.data->>'amount' END AS amount,
              e.data->>'commitmentId' AS commitment_id, e.data->>'paymentId' AS payment_id,
              e.data->>'supplierBin' AS supplier_bin, e.data->>'reason' AS reason,
              l.fiscal_year, l.bin, l.region_id, l.level, l.programme_code, l.functional_group,
              i.name_kk AS i_name_kk, i.name_ru AS i_name_ru, i.name_en AS i_name_en,
              p.administrator, p.programme, p.subprogramme,
              p.name_kk AS p_name_kk, p.name_ru AS p_name_ru, p.name_en AS p_name_en
         FROM "${this.storeSchema}".events e
         LEFT JOIN ${T.line} l ON l.line_id = e.data->>'lineId'
         LEFT JOIN ${T.institution} i ON i.bin = l.bin
         LEFT JOIN ${T.programme} p ON p.code = l.programme_code
        WHERE e.global_position > $1 AND e.global_position <= $2 AND e.category = 'budgetline'
          AND e.event_type <> 'BudgetLineOpened'
        ORDER BY e.global_position LIMIT $3`,
      [after.toString(), upTo.toString(), limit],
    );
    return rows.map((r) => {
      const code = strOrNull(r['programme_code']);
      return {
        position: str(r['pos']),
        revision: str(r['revision']),
        type: str(r['event_type']),
        lineId: strOrNull(r['line_id']),
        transactionId: strOrNull(r['transaction_id']),
        date: strOrNull(r['date']),
        amount: strOrNull(r['amount']),
        commitmentId: strOrNull(r['commitment_id']),
        paymentId: strOrNull(r['payment_id']),
        supplierBin: strOrNull(r['supplier_bin']),
        reason: strOrNull(r['reason']),
        fiscalYear: r['fiscal_year'] === null ? null : Number(r['fiscal_year']),
        bin: strOrNull(r['bin']),
        institutionName: names(r['i_name_kk'], r['i_name_ru'], r['i_name_en']),
        regionId: strOrNull(r['region_id']),
        level: strOrNull(r['level']),
        programmeCode: code,
        administrator: strOrNull(r['administrator']) ?? code?.slice(0, 3) ?? null,
        programme: strOrNull(r['programme']) ?? code?.slice(3, 6) ?? null,
        subprogramme: strOrNull(r['subprogramme']) ?? code?.slice(6, 9) ?? null,
        functionalGroup: strOrNull(r['functional_group']),
        programmeName: names(r['p_name_kk'], r['p_name_ru'], r['p_name_en']),
      };
    });
  }
}
