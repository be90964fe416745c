/**
 * Writes a `LedgerDelta` to the `budget_read` tables with a handful of set-based statements
 * (`INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE SET x = t.x + excluded.x`), one per
 * table, whatever the number of events behind it, plus the checkpoint in the same transaction.
 *
 * Statements run on a `pg` client of the read model's MikroORM pool with bound array
 * parameters (MikroORM's `em.execute` inlines parameters into the SQL text).
 */
import type pg from 'pg';
import { COUNTRY_ID, PROJECTED_TABLES, PROJECTION_NAME, qualified } from './entities.js';
import { rollUp, type LedgerDelta, type LineInfo } from './fold.js';

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

/** Rows per statement: large arrays are fine for PostgreSQL, this only bounds one message. */
const CHUNK = 50_000;

const chunks = <V>(values: readonly V[]): V[][] => {
  const out: V[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
};

const columns = <V>(rows: readonly V[], pick: ReadonlyArray<(row: V) => unknown>): unknown[][] =>
  pick.map((f) => rows.map(f));

export interface Checkpoint {
  position: bigint;
  asOf: string | null;
  ledgerEvents: bigint;
}

export const readCheckpoint = async (client: pg.Pool | pg.PoolClient, forUpdate = false): Promise<Checkpoint> => {
  const { rows } = await client.query<{ position: string; as_of: string | null; ledger_events: string }>(
    `SELECT position::text, as_of, ledger_events::text FROM ${T.checkpoint} WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [PROJECTION_NAME],
  );
  const row = rows[0];
  if (!row) return { position: 0n, asOf: null, ledgerEvents: 0n };
  return { position: BigInt(row.position), asOf: row.as_of, ledgerEvents: BigInt(row.ledger_events) };
};

/** Classifications of lines already in `budget_line`. */
export const lookupLines = async (
  client: pg.Pool | pg.PoolClient,
  lineIds: readonly string[],
): Promise<Map<string, LineInfo>> => {
  const found = new Map<string, LineInfo>();
  if (lineIds.length === 0) return found;
  const { rows } = await client.query<{
    line_id: string;
    bin: string;
    programme_code: string;
    fiscal_year: number;
    region_id: string;
    level: string;
    functional_group: string;
  }>(
    `SELECT line_id, bin, programme_code, fiscal_year, region_id, level, functional_group
       FROM ${T.line} WHERE line_id = ANY($1::text[])`,
    [lineIds],
  );
  for (const r of rows)
    found.set(r.line_id, {
      bin: r.bin,
      programmeCode: r.programme_code,
      fiscalYear: r.fiscal_year,
      regionId: r.region_id,
      level: r.level,
      functionalGroup: r.functional_group,
    });
  return found;
};

const s = (v: bigint): string => v.toString();

/** Applies the delta's rows (no transaction control, no checkpoint). */
export const writeDelta = async (client: pg.PoolClient, delta: LedgerDelta): Promise<void> => {
  // Institutions: registrations (upsert) then name-only corrections (update).
  const institutions = [...delta.institutions.values()];
  const registered = institutions.filter((i) => i.regionId !== undefined);
  const renamed = institutions.filter((i) => i.regionId === undefined);
  for (const rows of chunks(registered)) {
    await client.query(
      `INSERT INTO ${T.institution} AS t (bin, name_kk, name_ru, name_en, region_id, level)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (bin) DO UPDATE SET name_kk = excluded.name_kk, name_ru = excluded.name_ru,
         name_en = excluded.name_en, region_id = excluded.region_id, level = excluded.level`,
      columns(rows, [
        (r) => r.bin,
        (r) => r.name.kk,
        (r) => r.name.ru,
        (r) => r.name.en,
        (r) => r.regionId,
        (r) => r.level,
      ]),
    );
  }
  for (const rows of chunks(renamed)) {
    await client.query(
      `UPDATE ${T.institution} AS t SET name_kk = u.kk, name_ru = u.ru, name_en = u.en
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(bin, kk, ru, en) WHERE t.bin = u.bin`,
      columns(rows, [(r) => r.bin, (r) => r.name.kk, (r) => r.name.ru, (r) => r.name.en]),
    );
  }
  for (const rows of chunks([...delta.programmes.values()])) {
    await client.query(
      `INSERT INTO ${T.programme} AS t (code, administrator, programme, subprogramme, functional_group, name_kk, name_ru, name_en)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (code) DO UPDATE SET administrator = excluded.administrator, programme = excluded.programme,
         subprogramme = excluded.subprogramme, functional_group = excluded.functional_group,
         name_kk = excluded.name_kk, name_ru = excluded.name_ru, name_en = excluded.name_en`,
      columns(rows, [
        (r) => r.code,
        (r) => r.administrator,
        (r) => r.programme,
        (r) => r.subprogramme,
        (r) => r.functionalGroup,
        (r) => r.name.kk,
        (r) => r.name.ru,
        (r) => r.name.en,
      ]),
    );
  }

  const lines = [...delta.lines.values()];
  if (lines.length === 0) return;
  const up = rollUp(lines, COUNTRY_ID);
  for (const rows of chunks(lines)) {
    await client.query(
      `INSERT INTO ${T.line} AS t (line_id, bin, programme_code, fiscal_year, region_id, level, functional_group,
                                   allocated, committed, paid, events, last_date)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
                            $8::numeric[], $9::numeric[], $10::numeric[], $11::int[], $12::text[])
       ON CONFLICT (line_id) DO UPDATE SET allocated = t.allocated + excluded.allocated,
         committed = t.committed + excluded.committed, paid = t.paid + excluded.paid,
         events = t.events + excluded.events, last_date = greatest(t.last_date, excluded.last_date)`,
      columns(rows, [
        (r) => r.lineId,
        (r) => r.info!.bin,
        (r) => r.info!.programmeCode,
        (r) => r.info!.fiscalYear,
        (r) => r.info!.regionId,
        (r) => r.info!.level,
        (r) => r.info!.functionalGroup,
        (r) => s(r.allocated),
        (r) => s(r.committed),
        (r) => s(r.paid),
        (r) => r.events,
        (r) => r.lastDate,
      ]),
    );
  }
  for (const rows of chunks(up.institutionYears)) {
    await client.query(
      `INSERT INTO ${T.institutionYear} AS t (bin, fiscal_year, region_id, level, allocated, committed, paid, lines)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[], $8::int[])
       ON CONFLICT (bin, fiscal_year) DO UPDATE SET allocated = t.allocated + excluded.allocated,
         committed = t.committed + excluded.committed, paid = t.paid + excluded.paid, lines = t.lines + excluded.lines`,
      columns(rows, [
        (r) => r.bin,
        (r) => r.fiscalYear,
        (r) => r.regionId,
        (r) => r.level,
        (r) => s(r.allocated),
        (r) => s(r.committed),
        (r) => s(r.paid),
        (r) => r.lines,
      ]),
    );
  }
  for (const rows of chunks(up.programmeYears)) {
    await client.query(
      `INSERT INTO ${T.programmeYear} AS t (code, fiscal_year, functional_group, allocated, committed, paid, lines)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::int[])
       ON CONFLICT (code, fiscal_year) DO UPDATE SET allocated = t.allocated + excluded.allocated,
         committed = t.committed + excluded.committed, paid = t.paid + excluded.paid, lines = t.lines + excluded.lines`,
      columns(rows, [
        (r) => r.code,
        (r) => r.fiscalYear,
        (r) => r.functionalGroup,
        (r) => s(r.allocated),
        (r) => s(r.committed),
        (r) => s(r.paid),
        (r) => r.lines,
      ]),
    );
  }
  for (const rows of chunks(up.functionalGroupYears)) {
    await client.query(
      `INSERT INTO ${T.groupYear} AS t (region_id, functional_group, fiscal_year, allocated, committed, paid)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::numeric[], $5::numeric[], $6::numeric[])
       ON CONFLICT (region_id, functional_group, fiscal_year) DO UPDATE SET allocated = t.allocated + excluded.allocated,
         committed = t.committed + excluded.committed, paid = t.paid + excluded.paid`,
      columns(rows, [
        (r) => r.regionId,
        (r) => r.functionalGroup,
        (r) => r.fiscalYear,
        (r) => s(r.allocated),
        (r) => s(r.committed),
        (r) => s(r.paid),
      ]),
    );
  }
  await client.query(
    `INSERT INTO ${T.regionYear} AS t (region_id, fiscal_year, allocated, committed, paid, institutions, lines)
     SELECT r, y, a, c, p, 0, 0 FROM unnest($1::text[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[]) AS u(r, y, a, c, p)
     ON CONFLICT (region_id, fiscal_year) DO UPDATE SET allocated = t.allocated + excluded.allocated,
       committed = t.committed + excluded.committed, paid = t.paid + excluded.paid`,
    columns(up.regionYears, [
      (r) => r.regionId,
      (r) => r.fiscalYear,
      (r) => s(r.allocated),
      (r) => s(r.committed),
      (r) => s(r.paid),
    ]),
  );
  // Distinct institutions and lines: recounted from institution_year where lines were opened.
  const recount = up.regionYears.filter((r) => r.opened > 0);
  if (recount.length > 0) {
    await client.query(
      `UPDATE ${T.regionYear} AS t SET institutions = c.n, lines = c.l
         FROM (SELECT i.region_id, i.fiscal_year, count(*)::int AS n, coalesce(sum(i.lines), 0)::int AS l
                 FROM ${T.institutionYear} i
                 JOIN unnest($1::text[], $2::int[]) AS k(r, y) ON i.region_id = k.r AND i.fiscal_year = k.y
                GROUP BY i.region_id, i.fiscal_year) AS c
        WHERE t.region_id = c.region_id AND t.fiscal_year = c.fiscal_year`,
      columns(recount, [(r) => r.regionId, (r) => r.fiscalYear]),
    );
  }
};

/** Moves the checkpoint to the end of the delta. */
export const writeCheckpoint = async (client: pg.PoolClient, delta: LedgerDelta): Promise<void> => {
  await client.query(
    `INSERT INTO ${T.checkpoint} AS t (name, position, as_of, ledger_events, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (name) DO UPDATE SET position = excluded.position, as_of = greatest(t.as_of, excluded.as_of),
       ledger_events = t.ledger_events + excluded.ledger_events, updated_at = now()`,
    [PROJECTION_NAME, delta.position.toString(), delta.maxDate, delta.ledgerEvents],
  );
};

/** Empties every projected table and resets the checkpoint (inside the caller's transaction). */
export const emptyReadModel = async (client: pg.PoolClient): Promise<void> => {
  // DELETE, not TRUNCATE: readers keep seeing the old rows until the rebuild commits.
  for (const table of PROJECTED_TABLES) await client.query(`DELETE FROM ${qualified(table)}`);
  await client.query(
    `UPDATE ${T.checkpoint} SET position = 0, as_of = NULL, ledger_events = 0, updated_at = now() WHERE name = $1`,
    [PROJECTION_NAME],
  );
};

export const withTransaction = async <R>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<R>): Promise<R> => {
  const client = await pool.connect();
  let result: R;
  try {
    await client.query('BEGIN');
    result = await work(client);
    await client.query('COMMIT');
  } catch (error) {
    // A client whose ROLLBACK fails is broken: it leaves the pool instead of going back.
    const broken = await client.query('ROLLBACK').then(
      () => undefined,
      (rollbackError: unknown) => (rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))),
    );
    client.release(broken);
    throw error;
  }
  client.release();
  return result;
};
