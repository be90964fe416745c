import fc from 'fast-check';
import { csvRecord, CsvParser, parseCsv, readCsv, type CsvRecord } from './csv.js';

const fieldsOf = (records: CsvRecord[]) => records.map((r) => r.fields);

/** Feeds `text` in the given chunk sizes (cycled) and collects the records. */
const parseInChunks = (text: string, sizes: number[]): CsvRecord[] => {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    out.push(...parser.push(text.slice(at, at + size)));
    at += size;
  }
  out.push(...parser.end());
  return out;
};

describe('CSV reader (RFC 4180)', () => {
  it('reads plain records with their physical line numbers (1 = header)', () => {
    const records = parseCsv('a,b,c\n1,2,3\n4,5,6\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('accepts CRLF, LF and a lone CR as record ends, and a last record without one', () => {
    expect(fieldsOf(parseCsv('a,b\r\n1,2\r3,4\n5,6'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(parseCsv('a\r\nb\rc\nd').map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    const text = 'id,name\r\n1,"Akimat, district ""Baiterek"""\r\n2,"two\r\nlines"\r\n3,"three\nlines\nhere"\n4,end\n';
    const records = parseCsv(text);
    expect(fieldsOf(records)).toEqual([
      ['id', 'name'],
      ['1', 'Akimat, district "Baiterek"'],
      ['2', 'two\r\nlines'],
      ['3', 'three\nlines\nhere'],
      ['4', 'end'],
    ]);
    // A record starting after a quoted line break is on a later physical line.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5, 8]);
  });

  it('keeps empty fields, quoted empty fields and a trailing empty field', () => {
    expect(fieldsOf(parseCsv('a,,c,\n"",x,"",\n'))).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('skips a UTF-8 byte order mark at the start only, and blank lines', () => {
    const records = parseCsv('\uFEFFtransaction_id,date\n\nT-1,2026-01-05\r\n\r\nT-2,\uFEFF\n');
    expect(fieldsOf(records)).toEqual([
      ['transaction_id', 'date'],
      ['T-1', '2026-01-05'],
      ['T-2', '\uFEFF'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('keeps spaces (they are part of a field)', () => {
    expect(fieldsOf(parseCsv(' a , b \n'))).toEqual([[' a ', ' b ']]);
  });

  it('reports a quote inside an unquoted field and carries on at the next record', () => {
    const records = parseCsv('a,b\nx,y"z,w\nc,d\n');
    expect(records.map((r) => [r.line, r.error])).toEqual([
      [1, undefined],
      [2, { code: 'UNEXPECTED_QUOTE', column: 2 }],
      [3, undefined],
    ]);
    expect(records[2]!.fields).toEqual(['c', 'd']);
  });

  it('reports text after a closing quote', () => {
    const records = parseCsv('"ab"c,d\ne,f\n');
    expect(records[0]).toMatchObject({ line: 1, error: { code: 'TEXT_AFTER_QUOTE', column: 1 } });
    expect(records[1]).toEqual({ line: 2, fields: ['e', 'f'] });
  });

  it('reports a quote left open until the end of the text', () => {
    const records = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ line: 2, error: { code: 'UNTERMINATED_QUOTE', column: 2 } });
  });

  it('reports and skips a record longer than the limit, even with quoted line breaks in it', () => {
    const long = 'x'.repeat(50);
    const records = parseCsv(`a,b\n1,"${long}\n${long}"\n2,ok\n3,${long}${long}\n4,ok\n`, { maxRecordChars: 60 });
    expect(records.map((r) => [r.line, r.error?.code])).toEqual([
      [1, undefined],
      [2, 'RECORD_TOO_LONG'],
      [4, undefined],
      [5, 'RECORD_TOO_LONG'],
      [6, undefined],
    ]);
    expect(records[2]!.fields).toEqual(['2', 'ok']);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = '\uFEFFa,b\r\n"1\r\n2","x""y"\r\n3,4\r5,"\r"\n';
    const whole = parseCsv(text);
    for (const sizes of [[1], [2], [3], [1, 4, 2], [7]]) expect(parseInChunks(text, sizes)).toEqual(whole);
  });

  it('round-trips any records written by csvRecord, in any chunking (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'б', ',', '"', '\n', '\r', ' ', 'Ә', '1') });
    const record = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        (records, sizes) => {
          const text = records.map(csvRecord).join('');
          expect(fieldsOf(parseInChunks(text, sizes))).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes UTF-8 bytes split inside a character; invalid bytes become U+FFFD', async () => {
    const bytes = Buffer.from('bin,name\n970240000123,Әкімдік\n', 'utf8');
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    const records: CsvRecord[] = [];
    for await (const record of readCsv(chunks)) records.push(record);
    expect(fieldsOf(records)).toEqual([
      ['bin', 'name'],
      ['970240000123', 'Әкімдік'],
    ]);
    const bad: CsvRecord[] = [];
    for await (const record of readCsv([Uint8Array.of(0x61, 0x2c, 0xff, 0x0a)])) bad.push(record);
    expect(fieldsOf(bad)).toEqual([['a', '\uFFFD']]);
  });
});
