/**
 * RFC 4180 CSV writing: `,` separated, CRLF line ends, a field quoted when it holds a comma, a
 * quote, a line break or leading/trailing spaces, with quotes doubled. Values are written as they
 * are (no spreadsheet-formula mangling): open data must round-trip exactly. The per-view answers
 * (`?format=csv`) are guarded against CSV injection instead (`csvDocument(..., { guard: true })`).
 */

export type CsvValue = string | number | bigint | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export const csvField = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A text cell a spreadsheet would take as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets
 * a leading `'` (OWASP CSV injection); numbers, signed ones included (`-500`), stay as they are.
 */
export const guardCell = (value: CsvValue): CsvValue =>
  typeof value === 'string' && FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;

/** One record, CRLF-terminated. */
export const csvLine = (fields: readonly CsvValue[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** One record with every text cell guarded against formula injection. */
export const guardedCsvLine = (fields: readonly CsvValue[]): string =>
  `${fields.map((f) => csvField(guardCell(f))).join(',')}\r\n`;

/** A whole (small) document: the header row, then the rows; `guard` for answers meant for spreadsheets. */
export const csvDocument = (
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: { guard?: boolean } = {},
): string => {
  const line = options.guard ? guardedCsvLine : csvLine;
  let out = csvLine(header);
  for (const row of rows) out += line(row);
  return out;
};

/** A per-view CSV answer (`?format=csv`): guarded, unlike the open-data files. */
export const viewCsvDocument = (header: readonly string[], rows: Iterable<readonly CsvValue[]>): string =>
  csvDocument(header, rows, { guard: true });
