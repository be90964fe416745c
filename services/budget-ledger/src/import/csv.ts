/**
 * A small RFC 4180 CSV reader: `,` separated, fields optionally quoted with `"`, a quote inside a
 * quoted field written twice (`""`), quoted fields may hold commas and line breaks, records end
 * with CRLF or LF (a lone CR too). A UTF-8 byte order mark at the very start is skipped.
 *
 * It is streaming: text goes in chunk by chunk (`push`), complete records come out, so a file of
 * any size is read with one record in memory. A malformed record does not stop the reading: it
 * comes out with `error` set and the reader carries on at the next record.
 */

export type CsvSyntaxCode = 'UNEXPECTED_QUOTE' | 'TEXT_AFTER_QUOTE' | 'UNTERMINATED_QUOTE' | 'RECORD_TOO_LONG';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts; the header is line 1. */
  line: number;
  fields: string[];
  /** Set when the record is malformed; `column` is the 1-based field where it went wrong. */
  error?: { code: CsvSyntaxCode; column: number };
}

export interface CsvParserOptions {
  /** Most characters in one record; a longer one is reported and skipped. Default 1 MiB. */
  maxRecordChars?: number;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

type State =
  /** At the start of a field. */
  | 'fieldStart'
  /** Inside an unquoted field. */
  | 'unquoted'
  /** Inside a quoted field. */
  | 'quoted'
  /** Just after a quote inside a quoted field: `"` (escaped), `,`, a line end, or an error. */
  | 'quoteInQuoted'
  /**
   * After a syntax error or an over-long record: skip to the end of the record. Quotes are
   * tracked, so a quoted line break does not split the rest of the record in two.
   */
  | 'skipping';

export class CsvParser {
  private readonly maxRecordChars: number;
  private state: State = 'fieldStart';
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  private recordLine = 1;
  /** Current physical line. */
  private line = 1;
  /** The last character of field text seen was a CR: a following LF is the same line break. */
  private afterCr = false;
  /** The previous chunk ended with a record-ending CR: an LF opening this one belongs to it. */
  private pendingRecordCr = false;
  private started = false;
  private error: CsvRecord['error'] | undefined;
  /** Inside quotes while skipping. */
  private skipQuoted = false;
  /** The current record has any content (an empty line is no record). */
  private recordHasContent = false;

  constructor(options: CsvParserOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? 1024 * 1024;
  }

  /** Feeds the next piece of text; answers the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.pendingRecordCr && i < chunk.length) {
      // A CRLF split across two chunks: the LF was counted with the CR.
      this.pendingRecordCr = false;
      if (chunk.charCodeAt(i) === LF) i++;
    }
    const n = chunk.length;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case 'fieldStart':
          if (c === QUOTE) {
            this.state = 'quoted';
            this.recordHasContent = true;
            i++;
          } else if (c === COMMA) {
            this.recordHasContent = true;
            this.endField();
            i++;
          } else if (c === LF || c === CR) {
            i = this.endRecord(chunk, i, out);
          } else {
            this.state = 'unquoted';
            this.recordHasContent = true;
          }
          break;
        case 'unquoted': {
          // Take the run of plain characters at once.
          let j = i;
          while (j < n) {
            const d = chunk.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
            j++;
          }
          if (j > i) {
            this.append(chunk.slice(i, j));
            i = j;
            if (this.state !== 'unquoted') break; // the record became too long
          }
          if (i >= n) break;
          const d = chunk.charCodeAt(i);
          if (d === COMMA) {
            this.endField();
            this.state = 'fieldStart';
            i++;
          } else if (d === QUOTE) {
            this.fail('UNEXPECTED_QUOTE', false);
            i++;
          } else {
            i = this.endRecord(chunk, i, out);
          }
          break;
        }
        case 'quoted': {
          const q = chunk.indexOf('"', i);
          const end = q < 0 ? n : q;
          if (end > i) {
            const text = chunk.slice(i, end);
            this.countLineBreaks(text);
            this.append(text);
            if (this.state !== 'quoted') {
              i = end; // too long: the skipper takes over, inside the quotes
              break;
            }
          }
          if (q < 0) {
            i = n;
          } else {
            this.state = 'quoteInQuoted';
            i = q + 1;
          }
          break;
        }
        case 'quoteInQuoted':
          if (c === QUOTE) {
            this.append('"');
            if (this.state === 'quoteInQuoted') this.state = 'quoted';
            i++;
          } else if (c === COMMA) {
            this.endField();
            this.state = 'fieldStart';
            i++;
          } else if (c === LF || c === CR) {
            i = this.endRecord(chunk, i, out);
          } else {
            this.fail('TEXT_AFTER_QUOTE', false);
          }
          break;
        case 'skipping':
          if (c === QUOTE) {
            this.skipQuoted = !this.skipQuoted;
            this.afterCr = false;
            i++;
          } else if ((c === LF || c === CR) && !this.skipQuoted) {
            i = this.endRecord(chunk, i, out);
          } else {
            this.countLineBreak(c);
            i++;
          }
          break;
      }
    }
    return out;
  }

  /** The text is over: answers the last record, if any. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === 'quoted' || (this.state === 'skipping' && this.skipQuoted)) {
      if (!this.error) this.error = { code: 'UNTERMINATED_QUOTE', column: this.fields.length + 1 };
    }
    if (this.recordHasContent || this.fields.length > 0) {
      this.endField();
      this.emit(out);
    }
    this.state = 'fieldStart';
    this.afterCr = false;
    this.pendingRecordCr = false;
    return out;
  }

  private append(text: string): void {
    this.recordChars += text.length;
    if (this.recordChars > this.maxRecordChars) {
      const quoted = this.state === 'quoted' || this.state === 'quoteInQuoted';
      this.fail('RECORD_TOO_LONG', quoted);
      return;
    }
    this.field += text;
  }

  private countLineBreak(c: number): void {
    if (c === CR) this.line++;
    else if (c === LF && !this.afterCr) this.line++;
    this.afterCr = c === CR;
  }

  private countLineBreaks(text: string): void {
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      this.afterCr = false;
      return;
    }
    for (let k = 0; k < text.length; k++) this.countLineBreak(text.charCodeAt(k));
  }

  private fail(code: CsvSyntaxCode, insideQuotes: boolean): void {
    if (!this.error) this.error = { code, column: this.fields.length + 1 };
    this.field = '';
    this.skipQuoted = insideQuotes;
    this.state = 'skipping';
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  /** Ends the record at the CR, LF or CRLF at `i`; answers the index after the line break. */
  private endRecord(chunk: string, i: number, out: CsvRecord[]): number {
    let next = i + 1;
    if (chunk.charCodeAt(i) === CR) {
      if (next < chunk.length) {
        if (chunk.charCodeAt(next) === LF) next++;
      } else {
        this.pendingRecordCr = true; // an LF opening the next chunk belongs to this line break
      }
    }
    if (this.recordHasContent || this.fields.length > 0) {
      this.endField();
      this.emit(out);
    }
    this.line++;
    this.recordLine = this.line;
    this.afterCr = false;
    this.state = 'fieldStart';
    return next;
  }

  private emit(out: CsvRecord[]): void {
    const record: CsvRecord = { line: this.recordLine, fields: this.fields };
    if (this.error) record.error = this.error;
    out.push(record);
    this.fields = [];
    this.field = '';
    this.recordChars = 0;
    this.recordHasContent = false;
    this.skipQuoted = false;
    this.error = undefined;
  }
}

/**
 * Reads records from text or bytes arriving in chunks (a file stream, an HTTP body). Bytes are
 * decoded as UTF-8; an invalid sequence becomes U+FFFD, which row validation then refuses.
 */
export async function* readCsv(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvParserOptions = {},
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options);
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    for (const record of parser.push(text)) yield record;
  }
  const rest = decoder.decode();
  if (rest) for (const record of parser.push(rest)) yield record;
  for (const record of parser.end()) yield record;
}

/** All records of a whole text (tests, small bodies). */
export const parseCsv = (text: string, options: CsvParserOptions = {}): CsvRecord[] => {
  const parser = new CsvParser(options);
  return [...parser.push(text), ...parser.end()];
};

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ') ? `"${value.replace(/"/g, '""')}"` : value;

/** One record, CRLF-terminated as RFC 4180 says. */
export const csvRecord = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`;
