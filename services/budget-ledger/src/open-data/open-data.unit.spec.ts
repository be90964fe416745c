import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAdapterHost } from '@nestjs/core';
import { ProblemException } from '@adal/service-kit';
import type { BudgetProjector } from '../read-models/projector.js';
import { parseCsv } from '../import/csv.js';
import { IMPORT_COLUMNS } from '../import/ledger-row.js';
import { AnswerCache } from './answer-cache.js';
import { csvDocument, csvField, csvLine, guardCell, viewCsvDocument } from './csv.js';
import { dataPackageDescriptor, headerOf, OPEN_DATA_RESOURCES, RESOURCES, TRANSACTIONS } from './datapackage.js';
import { formatOf, languageOf, matches, pageLinks, preferredFormat, QueryReader, weakEtag } from './http.js';
import { defaultYear, earlierDate, type FiscalYears } from './fiscal-years.js';
import { regionsEtag, RegionsFastPath } from './regions-fast-path.js';
import { executionPct, statusOf } from './views.js';

describe('negotiation', () => {
  it('takes the best of kk, ru, en from Accept-Language, Kazakh by default', () => {
    expect(languageOf(undefined)).toBe('kk');
    expect(languageOf('de-DE, fr;q=0.9')).toBe('kk');
    expect(languageOf('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(languageOf('en;q=0.5, ru;q=0.7')).toBe('ru');
    expect(languageOf('EN')).toBe('en');
  });

  it('answers CSV for ?format=csv or when Accept prefers text/csv', () => {
    const reader = (query: Record<string, unknown>) => new QueryReader(query, 'en');
    expect(formatOf(reader({}), undefined)).toBe('json');
    expect(formatOf(reader({ format: 'csv' }), 'application/json')).toBe('csv');
    expect(formatOf(reader({}), 'text/csv')).toBe('csv');
    expect(formatOf(reader({}), 'application/json, text/csv;q=0.5')).toBe('json');
  });

  it('honours q-values in Accept', () => {
    expect(preferredFormat(undefined, 'text/csv;q=0')).toBe('json');
    expect(preferredFormat(undefined, 'text/csv; q=0, application/json')).toBe('json');
    expect(preferredFormat(undefined, 'application/json;q=0.4, text/csv;q=0.8')).toBe('csv');
    expect(preferredFormat(undefined, 'application/json, text/csv')).toBe('json');
    expect(preferredFormat(undefined, 'text/csv, application/json')).toBe('csv');
    expect(preferredFormat(undefined, 'text/csv;q=0.5, */*')).toBe('json');
    expect(preferredFormat(undefined, 'text/csv, */*;q=0.1')).toBe('csv');
    expect(preferredFormat(undefined, 'application/json;q=0, text/csv;q=0.1')).toBe('csv');
    expect(preferredFormat('json', 'text/csv')).toBe('json');
  });

  it('refuses control characters in a query parameter with a 400 naming the field', () => {
    for (const q of ['a\u0000', 'a\nb', '\u007f', 'x\u0085']) {
      const reader = new QueryReader({ q }, 'en');
      expect(reader.text('q', 200)).toBeUndefined();
      try {
        reader.done();
        throw new Error('no problem');
      } catch (error) {
        expect(error).toBeInstanceOf(ProblemException);
        const problem = (error as ProblemException).problem;
        expect((error as ProblemException).getStatus()).toBe(400);
        expect(problem.errors).toEqual([{ field: 'q', message: 'must not contain control characters' }]);
      }
    }
    const ru = new QueryReader({ level: 'a\u0000' }, 'ru');
    ru.choice('level', ['rural']);
    expect(() => ru.done()).toThrow(ProblemException);
  });
});

describe('query checks', () => {
  const problemOf = (run: () => void): ProblemException => {
    try {
      run();
    } catch (error) {
      return error as ProblemException;
    }
    throw new Error('no problem raised');
  };

  it('gathers every bad field: 400 when one cannot be read, else 422', () => {
    const reader = new QueryReader({ year: 'x', pageSize: '900', sort: 'size' }, 'en');
    reader.int('year', 2000, 2100);
    reader.int('pageSize', 1, 500);
    reader.choice('sort', ['name', 'paid']);
    const problem = problemOf(() => reader.done());
    expect(problem.getStatus()).toBe(400);
    expect(problem.problem.errors).toEqual([
      { field: 'year', message: 'must be a whole number' },
      { field: 'pageSize', message: 'must be between 1 and 500' },
      { field: 'sort', message: 'must be one of: name, paid' },
    ]);
    const ranged = new QueryReader({ page: '0' }, 'kk');
    ranged.int('page', 1, 10);
    expect(problemOf(() => ranged.done()).getStatus()).toBe(422);
  });

  it('reads good values and leaves absent ones undefined', () => {
    const reader = new QueryReader({ year: '2026', q: '  Алма ', level: 'rural', array: ['a', 'b'] }, 'ru');
    expect(reader.int('year', 2000, 2100)).toBe(2026);
    expect(reader.text('q', 10)).toBe('  Алма ');
    expect(reader.choice('level', ['rural'])).toBe('rural');
    expect(reader.int('page', 1, 5)).toBeUndefined();
    expect(reader.text('array', 5)).toBeUndefined();
    expect(problemOf(() => reader.done()).problem.errors).toEqual([{ field: 'array', message: 'должно быть текстом' }]);
  });
});

describe('validators and links', () => {
  it('makes weak ETags that change with the position and the request', () => {
    const tag = weakEtag(42n, ['/v1/budget/regions', 2026, 'json']);
    expect(tag).toMatch(/^W\/"[0-9a-z]+-[\w-]{16}"$/);
    expect(weakEtag(42n, ['/v1/budget/regions', 2026, 'json'])).toBe(tag);
    expect(weakEtag(43n, ['/v1/budget/regions', 2026, 'json'])).not.toBe(tag);
    expect(weakEtag(42n, ['/v1/budget/regions', 2025, 'json'])).not.toBe(tag);
    expect(matches(tag, tag)).toBe(true);
    expect(matches(`"other", ${tag.slice(2)}`, tag)).toBe(true);
    expect(matches('*', tag)).toBe(true);
    expect(matches('"nope"', tag)).toBe(false);
    expect(matches(undefined, tag)).toBe(false);
  });

  it('links the first, previous, next and last pages with the same filters', () => {
    const links = pageLinks('/v1/budget/programmes', { year: 2026, functionalGroup: undefined, q: 'a b' }, 2, 10, 45);
    expect(links).toBe(
      [
        '</v1/budget/programmes?year=2026&q=a+b&page=1&pageSize=10>; rel="first"',
        '</v1/budget/programmes?year=2026&q=a+b&page=1&pageSize=10>; rel="prev"',
        '</v1/budget/programmes?year=2026&q=a+b&page=3&pageSize=10>; rel="next"',
        '</v1/budget/programmes?year=2026&q=a+b&page=5&pageSize=10>; rel="last"',
      ].join(', '),
    );
    expect(pageLinks('/x', {}, 1, 50, 0)).toBe(
      '</x?page=1&pageSize=50>; rel="first", </x?page=1&pageSize=50>; rel="last"',
    );
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and reads back exactly', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', ' padded', '', 'Қазақ'];
    expect(values.map(csvField)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\r\nlines"',
      '" padded"',
      '',
      'Қазақ',
    ]);
    const text = csvDocument(['h1', 'h2'], [values.slice(0, 2), values.slice(2, 4), [null, 12]]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).map((r) => r.fields)).toEqual([
      ['h1', 'h2'],
      values.slice(0, 2),
      values.slice(2, 4),
      ['', '12'],
    ]);
  });

  it('guards per-view answers against formula injection, but not numbers nor the open-data files', () => {
    expect(
      ['=SUM(A1)', '+1 (kk)', '-x', '@cmd', '\tTab', '\rCR', '-500', '+12', '-1.5', 'plain', 7, -500n, null].map(
        guardCell,
      ),
    ).toEqual([
      "'=SUM(A1)",
      "'+1 (kk)",
      "'-x",
      "'@cmd",
      "'\tTab",
      "'\rCR",
      '-500',
      '+12',
      '-1.5',
      'plain',
      7,
      -500n,
      null,
    ]);
    const row = ['=HYPERLINK("x")', '-500000', '@a'];
    const guarded = viewCsvDocument(['name', 'delta_tiyn', 'reason'], [row]);
    expect(parseCsv(guarded).map((r) => r.fields)).toEqual([
      ['name', 'delta_tiyn', 'reason'],
      ['\'=HYPERLINK("x")', '-500000', "'@a"],
    ]);
    // Open-data files round-trip exactly.
    expect(parseCsv(csvLine(row)).map((r) => r.fields)).toEqual([row]);
    expect(csvDocument(['a'], [['=1']])).toBe('a\r\n=1\r\n');
  });
});

describe('the data package', () => {
  it('starts transactions.csv with the import format, and names every column once', () => {
    expect(headerOf(TRANSACTIONS).slice(0, IMPORT_COLUMNS.length)).toEqual([...IMPORT_COLUMNS]);
    for (const name of OPEN_DATA_RESOURCES) {
      const header = headerOf(RESOURCES[name]);
      expect(new Set(header).size).toBe(header.length);
    }
  });

  it('says when the data is synthetic, and gives the fiscal period of the years held', () => {
    const synthetic = dataPackageDescriptor({ synthetic: true, years: [2026, 2025], asOf: '2026-05-01', version: '1' });
    expect(synthetic.title).toMatch(/synthetic/);
    expect(synthetic.fiscalPeriod).toEqual({ start: '2025-01-01', end: '2026-12-31' });
    expect(synthetic.resources.map((r) => r.path)).toEqual([
      'institutions.csv',
      'programmes.csv',
      'budget-lines.csv',
      'transactions.csv',
    ]);
    const real = dataPackageDescriptor({ synthetic: false, years: [], asOf: null, version: '1' });
    expect(real.title).toBe('Open budget of Kazakhstan');
    expect(real.description).not.toMatch(/SYNTHETIC/);
    expect(real).not.toHaveProperty('fiscalPeriod');
  });
});

describe('execution and status', () => {
  const context = { synthetic: true, asOf: '2026-06-15', today: '2026-07-02' };

  it('is the share paid in percent with one decimal, null without an allocation', () => {
    expect(executionPct({ allocated: '3', committed: '0', paid: '1' })).toBe(33.3);
    expect(executionPct({ allocated: '0', committed: '0', paid: '0' })).toBeNull();
    // Beyond 2^53 the figures stay exact.
    expect(executionPct({ allocated: '900000000000000000', committed: '0', paid: '450000000000000000' })).toBe(50);
  });

  it('colours against the share of the year elapsed on the service clock (never on event dates)', () => {
    // 2026-07-02 (today) is day 183 of 365: about 50 % elapsed.
    expect(statusOf({ allocated: '100', committed: '0', paid: '41' }, 2026, { ...context, asOf: '2027-01-15' })).toBe(
      'green',
    );
    // A future year has 0 % elapsed, a past one 100 %.
    expect(statusOf({ allocated: '100', committed: '0', paid: '0' }, 2027, context)).toBe('green');
    expect(statusOf({ allocated: '100', committed: '0', paid: '41' }, 2026, context)).toBe('green');
    expect(statusOf({ allocated: '100', committed: '0', paid: '30' }, 2026, context)).toBe('yellow');
    expect(statusOf({ allocated: '100', committed: '0', paid: '20' }, 2026, context)).toBe('red');
    expect(statusOf({ allocated: '0', committed: '0', paid: '0' }, 2026, context)).toBe('none');
    expect(
      statusOf({ allocated: '100', committed: '0', paid: '20' }, 2026, {
        ...context,
        asOf: '2026-12-01',
        today: '2026-01-20',
      }),
    ).toBe('green');
    expect(statusOf({ allocated: '100', committed: '0', paid: '80' }, 2025, context)).toBe('yellow');
  });

  it('resolves the default year and the as-of date shown', () => {
    expect(defaultYear([2027, 2026, 2025], '2026-11-20')).toBe(2026);
    expect(defaultYear([2027, 2025], '2026-11-20')).toBe(2025);
    expect(defaultYear([2027], '2026-11-20')).toBe(2027);
    expect(defaultYear([], '2026-11-20')).toBe(2026);
    expect(earlierDate('2027-01-15', '2026-11-20')).toBe('2026-11-20');
    expect(earlierDate('2026-06-15', '2026-11-20')).toBe('2026-06-15');
    expect(earlierDate(null, '2026-11-20')).toBeNull();
  });
});

describe('the answer cache', () => {
  it('computes once for concurrent callers, keeps answers, forgets failures', async () => {
    const cache = new AnswerCache();
    let calls = 0;
    const compute = async () => {
      calls++;
      return { bytes: Buffer.from(`b${calls}`), contentType: 'text/plain' };
    };
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a.bytes.toString(), b.bytes.toString(), calls]).toEqual(['b1', 'b1', 1]);
    expect(cache.peek('k')?.bytes.toString()).toBe('b1');
    await expect(cache.get('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.peek('bad')).toBeUndefined();
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });

  it('is bounded by bytes, least recently used out first, and keeps no answer over the entry limit', async () => {
    const cache = new AnswerCache({ maxBytes: 10_000, maxEntryBytes: 4_000 });
    const answer = (size: number) => async () => ({ bytes: Buffer.alloc(size, 120), contentType: 'text/plain' });
    await cache.get('a', answer(3_000));
    await cache.get('b', answer(3_000));
    await cache.get('c', answer(3_000));
    expect(cache.size).toBe(3);
    expect(cache.peek('a')).toBeDefined(); // now the most recently used
    await cache.get('d', answer(3_000)); // over 10 000 bytes: b (least recently used) goes
    expect(cache.peek('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.peek(k) !== undefined)).toEqual([true, true, true]);
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    const big = await cache.get('big', answer(5_000));
    expect(big.bytes.length).toBe(5_000);
    expect(cache.peek('big')).toBeUndefined();
    expect(cache.size).toBe(3);
  });
});

describe('the regions fast path', () => {
  const cache = new AnswerCache();
  const projector = { current: () => ({ position: 7n, asOf: null, ledgerEvents: 0n }) } as unknown as BudgetProjector;
  let defaultYearNow: number | undefined = 2026;
  const fiscalYears = { currentNow: () => defaultYearNow } as unknown as FiscalYears;
  const fastPath = new RegionsFastPath({} as HttpAdapterHost, cache, projector, fiscalYears, {
    today: () => '2026-11-20',
  });
  const call = (url: string, headers: Record<string, string> = {}, method = 'GET') => {
    const out = {
      status: 0,
      headers: {} as Record<string, unknown>,
      body: undefined as Buffer | undefined,
      ended: false,
    };
    const res = {
      set statusCode(value: number) {
        out.status = value;
      },
      setHeader: (name: string, value: unknown) => (out.headers[name.toLowerCase()] = value),
      end: (body?: Buffer) => {
        out.ended = true;
        out.body = body;
      },
    } as unknown as ServerResponse;
    const answered = fastPath.answer({ method, url, headers } as IncomingMessage, res);
    return { answered, ...out };
  };

  it('answers only cached regions answers, under the ETag the controller gives them', async () => {
    expect(call('/v1/budget/regions?year=2026').answered).toBe(false);
    const tag = regionsEtag(7n, 2026, '2026-11-20', 'json', 'kk');
    await cache.get(tag, async () => ({
      bytes: Buffer.from('{"year":2026}'),
      contentType: 'application/json; charset=utf-8',
    }));
    // The default year resolves to the same answer (same year, same day).
    expect(call('/v1/budget/regions').answered).toBe(true);
    defaultYearNow = undefined; // not known yet for this position: the application resolves it
    expect(call('/v1/budget/regions').answered).toBe(false);
    defaultYearNow = 2026;
    expect(regionsEtag(7n, 2026, '2026-11-21', 'json', 'kk')).not.toBe(tag);
    const hit = call('/v1/budget/regions?year=2026', { 'accept-language': 'ru' });
    expect(hit).toMatchObject({
      answered: true,
      status: 200,
      headers: { etag: tag, 'cache-control': 'public, max-age=30' },
    });
    expect(hit.body?.toString()).toBe('{"year":2026}');
    expect(call('/v1/budget/regions?year=2026', { 'if-none-match': tag })).toMatchObject({
      answered: true,
      status: 304,
      body: undefined,
    });
    expect(call('/v1/budget/regions?year=2026', {}, 'HEAD')).toMatchObject({
      answered: true,
      status: 200,
      body: undefined,
    });
  });

  it('leaves everything else to the application', () => {
    for (const url of [
      '/v1/budget/regions?year=2025',
      '/v1/budget/regions?year=2026&q=x',
      '/v1/budget/regions?year=abc',
      '/v1/budget/regions?year=1999',
      '/v1/budget/regions/KZ-75?year=2026',
      '/v1/budget/regionsX?year=2026',
      '/v1/budget/regions?year=2026&format=csv',
    ])
      expect(call(url).answered).toBe(false);
    expect(call('/v1/budget/regions?year=2026', {}, 'POST').answered).toBe(false);
    expect(call('/v1/budget/regions?year=2026', { accept: 'text/csv' }).answered).toBe(false);
  });
});
