/**
 * RFC 4180 CSV writing: `,` separated, CRLF line ends, a field quoted when it holds a comma, a
 * quote, a line break or leading/trailing spaces, with quotes doubled. Values are written as they
 * are (no spreadsheet-formula mangling): open data must round-trip exactly.
 */

export type CsvValue = string | number | bigint | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export const csvField = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One record, CRLF-terminated. */
export const csvLine = (fields: readonly CsvValue[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** A whole (small) document: the header row, then the rows. */
export const csvDocument = (header: readonly string[], rows: Iterable<readonly CsvValue[]>): string => {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
};
