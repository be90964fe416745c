import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAdapterHost } from '@nestjs/core';
import { ProblemException } from '@adal/service-kit';
import type { BudgetProjector } from '../read-models/projector.js';
import { parseCsv } from '../import/csv.js';
import { IMPORT_COLUMNS } from '../import/ledger-row.js';
import { AnswerCache } from './answer-cache.js';
import { csvDocument, csvField } from './csv.js';
import { dataPackageDescriptor, headerOf, OPEN_DATA_RESOURCES, RESOURCES, TRANSACTIONS } from './datapackage.js';
import { formatOf, languageOf, matches, pageLinks, QueryReader, weakEtag } from './http.js';
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
  const context = { synthetic: true, asOf: '2026-07-02', today: '2026-12-31' };

  it('is the share paid in percent with one decimal, null without an allocation', () => {
    expect(executionPct({ allocated: '3', committed: '0', paid: '1' })).toBe(33.3);
    expect(executionPct({ allocated: '0', committed: '0', paid: '0' })).toBeNull();
    // Beyond 2^53 the figures stay exact.
    expect(executionPct({ allocated: '900000000000000000', committed: '0', paid: '450000000000000000' })).toBe(50);
  });

  it('colours against the share of the year elapsed on the as-of date (the clock only before any event)', () => {
    // 2026-07-02 is day 183 of 365: about 50 % elapsed.
    expect(statusOf({ allocated: '100', committed: '0', paid: '41' }, 2026, context)).toBe('green');
    expect(statusOf({ allocated: '100', committed: '0', paid: '30' }, 2026, context)).toBe('yellow');
    expect(statusOf({ allocated: '100', committed: '0', paid: '20' }, 2026, context)).toBe('red');
    expect(statusOf({ allocated: '0', committed: '0', paid: '0' }, 2026, context)).toBe('none');
    expect(
      statusOf({ allocated: '100', committed: '0', paid: '20' }, 2026, { ...context, asOf: null, today: '2026-01-20' }),
    ).toBe('green');
    expect(statusOf({ allocated: '100', committed: '0', paid: '80' }, 2025, context)).toBe('yellow');
  });
});

describe('the answer cache', () => {
  it('computes once for concurrent callers, keeps answers, forgets failures', async () => {
    const cache = new AnswerCache({ maxEntries: 2 });
    let calls = 0;
    const compute = async () => {
      calls++;
      return { body: `b${calls}`, contentType: 'text/plain' };
    };
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a.body, b.body, calls]).toEqual(['b1', 'b1', 1]);
    expect(cache.peek('k')?.body).toBe('b1');
    await expect(cache.get('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.peek('bad')).toBeUndefined();
    await cache.get('k2', compute);
    await cache.get('k3', compute);
    expect(cache.size).toBe(2);
    expect(cache.peek('k')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('the regions fast path', () => {
  const cache = new AnswerCache();
  const projector = { current: () => ({ position: 7n, asOf: null, ledgerEvents: 0n }) } as unknown as BudgetProjector;
  const fastPath = new RegionsFastPath({} as HttpAdapterHost, cache, projector);
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
    const tag = regionsEtag(7n, 2026, 'json', 'kk');
    await cache.get(tag, async () => ({ body: '{"year":2026}', contentType: 'application/json; charset=utf-8' }));
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
