// The public budget reads over real HTTP, on a Nest app with the real PostgreSQL event store and
// read model: answers, pagination with Link headers, search, sorting, CSV of every view (all
// pages, RFC 4180, names in the caller's language), ETag / 304, problems naming the field, and
// the open-data package whose every resource is served with the columns it declares.
import 'reflect-metadata';
import { Module, type INestApplication } from '@nestjs/common';
import type { EventStore } from '@adal/event-store';
import { createServiceApp, EVENT_STORE, ServiceKitModule } from '@adal/service-kit';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { REGIONS } from '../domain/index.js';
import { parseCsv } from '../import/csv.js';
import { IMPORT_COLUMNS } from '../import/ledger-row.js';
import { fixedBudgetClock } from '../read-models/config.js';
import { BudgetProjector } from '../read-models/projector.js';
import { BudgetReadModelsModule } from '../read-models/read-models.module.js';
import { appendAll, LedgerBuilder, testBin } from '../read-models/testing/ledger-builder.js';
import { OpenDataController } from './open-data.controller.js';

let database: TestDatabase;
let app: INestApplication;
let base: string;
let store: EventStore;
let projector: BudgetProjector;
const savedLogLevel = process.env['LOG_LEVEL'];

const BIN = {
  alpha: testBin(501),
  beta: testBin(502),
  gamma: testBin(503),
  delta: testBin(504),
  epsilon: testBin(505),
  astana: testBin(506),
};
const builder = new LedgerBuilder();
let lines: Record<string, string> = {};
let transactions = 0;

const LEDGER_TYPES = new Set([
  'AllocationApproved',
  'AllocationAmended',
  'CommitmentRegistered',
  'CommitmentReduced',
  'CommitmentCancelled',
  'PaymentMade',
]);

const n = (label: string, ru: string) => ({ kk: `${label} (kk)`, ru, en: label });

/** Appends what the builder decided and waits for the projection to reach it. */
const flush = async () => {
  const appends = builder.take();
  transactions += appends.flatMap((a) => a.events).filter((e) => LEDGER_TYPES.has(e.type)).length;
  const last = await appendAll(store, appends);
  await projector.waitFor(last, 20_000);
};

const commitAndPay = (lineId: string, id: string, commit: number, pay: number, date: string) => {
  builder.line(lineId, {
    type: 'RegisterCommitment',
    data: { transactionId: `${id}-c`, date, commitmentId: id, amount: String(commit) },
  });
  if (pay > 0)
    builder.line(lineId, {
      type: 'MakePayment',
      data: { transactionId: `${id}-p`, date, commitmentId: id, paymentId: `${id}-P`, amount: String(pay) },
    });
};

beforeAll(async () => {
  process.env['LOG_LEVEL'] = 'error';
  database = await createTestDatabase('budget_http');
  @Module({
    imports: [
      ServiceKitModule.forService({
        name: 'budget-ledger',
        version: '0.0.0-test',
        eventStore: { connectionString: database.url },
      }),
      BudgetReadModelsModule.forRoot({
        databaseUrl: database.url,
        clock: fixedBudgetClock('2026-06-30'),
        config: { synthetic: true, projector: true, pageSize: 3 },
      }),
    ],
    controllers: [OpenDataController],
  })
  class TestAppModule {}
  app = await createServiceApp({ name: 'budget-ledger', module: TestAppModule });
  await app.listen(0, '127.0.0.1');
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  store = app.get<EventStore>(EVENT_STORE);
  projector = app.get(BudgetProjector);

  builder.registerInstitution(BIN.alpha, 'KZ-75', 'regional', n('Alpha school', 'Школа Альфа'));
  builder.registerInstitution(BIN.beta, 'KZ-75', 'district', n('Beta, "clinic"', 'Поликлиника Бета'));
  builder.registerInstitution(BIN.gamma, 'KZ-75', 'rural', n('Gamma akimat', 'Акимат Гамма'));
  builder.registerInstitution(BIN.delta, 'KZ-75', 'district', n('Delta office', 'Отдел Дельта'));
  builder.registerInstitution(BIN.epsilon, 'KZ-75', 'rural', n('Epsilon library', 'Библиотека Эпсилон'));
  builder.registerInstitution(BIN.astana, 'KZ-71', 'republican', n('Ministry in Astana', 'Министерство в Астане'));
  const edu = builder.registerProgramme('253', '001', '000', '04');
  const health = builder.registerProgramme('253', '002', '000', '05');
  const culture = builder.registerProgramme('254', '001', '000', '08');
  const cls = (bin: string, code: string, year = 2026) => builder.classification(bin, code, year);
  lines = {
    alpha: builder.approve(cls(BIN.alpha, edu), 'A-1', 1_000_000n, '2026-01-10'),
    beta: builder.approve(cls(BIN.beta, health), 'B-1', 2_000_000n, '2026-01-10'),
    gamma: builder.approve(cls(BIN.gamma, edu), 'G-1', 4_000_000n, '2026-01-10'),
    delta: builder.approve(cls(BIN.delta, culture), 'D-1', 500_000n, '2026-01-10'),
    epsilon1: builder.approve(cls(BIN.epsilon, edu), 'E-1', 300_000n, '2026-01-10'),
    epsilon2: builder.approve(cls(BIN.epsilon, culture), 'E-2', 100_000n, '2026-01-10'),
    astana: builder.approve(cls(BIN.astana, health), 'S-1', 7_000_000n, '2026-01-10'),
    alpha2025: builder.approve(cls(BIN.alpha, edu, 2025), 'A25-1', 900_000n, '2025-02-01'),
  };
  commitAndPay(lines['alpha']!, 'A-C1', 800_000, 600_000, '2026-03-01');
  commitAndPay(lines['beta']!, 'B-C1', 700_000, 600_000, '2026-04-01');
  commitAndPay(lines['gamma']!, 'G-C1', 250_000, 200_000, '2026-05-01');
  builder.line(lines['delta']!, {
    type: 'AmendAllocation',
    data: { transactionId: 'D-2', date: '2026-02-01', delta: '-500000', reason: 'moved, "later"' },
  });
  commitAndPay(lines['astana']!, 'S-C1', 4_000_000, 3_500_000, '2026-06-15');
  commitAndPay(lines['alpha2025']!, 'A25-C1', 900_000, 900_000, '2025-11-30');
  builder.line(lines['gamma']!, {
    type: 'ReduceCommitment',
    data: { transactionId: 'G-2', date: '2026-05-02', commitmentId: 'G-C1', amount: '10000' },
  });
  builder.line(lines['gamma']!, {
    type: 'CancelCommitment',
    data: { transactionId: 'G-3', date: '2026-05-03', commitmentId: 'G-C1' },
  });
  expect(builder.refused).toBe(0);
  await flush();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (savedLogLevel === undefined) delete process.env['LOG_LEVEL'];
  else process.env['LOG_LEVEL'] = savedLogLevel;
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

const get = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
  const response = await fetch(`${base}/v1/budget${path}`, { headers });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: /json/.test(type) && text ? JSON.parse(text) : undefined,
  };
};

const csvRows = (text: string): string[][] => {
  const records = parseCsv(text);
  expect(records.every((r) => !r.error)).toBe(true);
  return records.map((r) => r.fields);
};

const problemFields = (answer: Answer): string[] =>
  (answer.json.errors as Array<{ field: string }>).map((e) => e.field);

describe('years and regions', () => {
  it('lists the fiscal years with data and the current one', async () => {
    const answer = await get('/years');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ synthetic: true, asOf: '2026-06-15', years: [2026, 2025], current: 2026 });
  });

  it('answers all 20 regions with totals, execution and the status colour on the as-of date', async () => {
    const answer = await get('/regions?year=2026');
    expect(answer.status).toBe(200);
    const body = answer.json;
    expect(body).toMatchObject({ synthetic: true, asOf: '2026-06-15', year: 2026 });
    expect(body.items.map((r: { regionId: string }) => r.regionId)).toEqual(REGIONS.map((r) => r.id));
    const almaty = body.items.find((r: { regionId: string }) => r.regionId === 'KZ-75');
    // allocations 1 000 000 + 2 000 000 + 4 000 000 + 0 + 300 000 + 100 000; payments 600 000 + 600 000 + 200 000
    expect(almaty).toMatchObject({
      name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
      allocated: '7400000',
      committed: '1700000',
      paid: '1400000',
      executionPct: 18.9,
      institutions: 5,
      lines: 6,
    });
    // 18.9 % paid against 166/365 of the year gone (45.5 %): more than 25 points behind.
    expect(almaty.status).toBe('red');
    // 50 % paid against 45.5 % elapsed.
    expect(body.items.find((r: { regionId: string }) => r.regionId === 'KZ-71')).toMatchObject({
      status: 'green',
      executionPct: 50,
      institutions: 1,
    });
    expect(body.items.find((r: { regionId: string }) => r.regionId === 'KZ-10')).toMatchObject({
      allocated: '0',
      executionPct: null,
      status: 'none',
      institutions: 0,
    });
    expect(body.totals).toMatchObject({ allocated: '14400000', paid: '4900000', institutions: 6, executionPct: 34 });
    expect(answer.headers.get('cache-control')).toBe('public, max-age=30');
    expect(answer.headers.get('etag')).toMatch(/^W\/"/);
  });

  it('defaults to the current year and counts a past year as fully elapsed', async () => {
    expect((await get('/regions')).json.year).toBe(2026);
    const past = await get('/regions?year=2025');
    // Everything paid in a past year: green.
    expect(past.json.items.find((r: { regionId: string }) => r.regionId === 'KZ-75')).toMatchObject({
      paid: '900000',
      executionPct: 100,
      status: 'green',
    });
  });

  it('answers 304 to its own ETag until the projection moves, then a new one', async () => {
    const first = await get('/regions?year=2026');
    const etag = first.headers.get('etag')!;
    const again = await get('/regions?year=2026', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // Another view has another tag.
    expect((await get('/regions?year=2025')).headers.get('etag')).not.toBe(etag);

    commitAndPay(lines['epsilon1']!, 'E-C1', 100_000, 50_000, '2026-06-10');
    await flush();
    const moved = await get('/regions?year=2026', { 'if-none-match': etag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect(moved.json.items.find((r: { regionId: string }) => r.regionId === 'KZ-75').paid).toBe('1450000');
  });

  it('answers a repeated request the same from memory (the fast path) as the first time', async () => {
    const first = await get('/regions?year=2025', { 'accept-language': 'en' });
    const again = await get('/regions?year=2025', { 'accept-language': 'ru' });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    for (const header of ['etag', 'cache-control', 'vary', 'content-type', 'content-length'])
      expect(again.headers.get(header)).toBe(first.headers.get(header));
    const csvFirst = await get('/regions?year=2025&format=csv', { 'accept-language': 'en' });
    const csvAgain = await get('/regions?year=2025&format=csv', { 'accept-language': 'en' });
    expect(csvAgain.text).toBe(csvFirst.text);
    expect(csvAgain.headers.get('content-disposition')).toBe('attachment; filename="budget-regions-2025.csv"');
    // Unknown parameters take the usual route and give the same answer.
    expect((await get('/regions?year=2025&utm=x')).text).toBe(first.text);
  });

  it('refuses a bad year naming the field: 400 for a non-number, 422 out of range', async () => {
    const bad = await get('/regions?year=abc', { 'accept-language': 'ru' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(problemFields(bad)).toEqual(['year']);
    expect(bad.json.errors[0].message).toBe('должно быть целым числом');
    const early = await get('/regions?year=1999');
    expect(early.status).toBe(422);
    expect(problemFields(early)).toEqual(['year']);
    expect(early.json.errors[0].message).toBe('2000 мен 2100 аралығында болуы керек');
  });

  it('is CSV with ?format=csv or Accept: text/csv, names in the caller language, one row per region', async () => {
    const byParam = await get('/regions?year=2026&format=csv', { 'accept-language': 'ru' });
    expect(byParam.status).toBe(200);
    expect(byParam.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csvRows(byParam.text);
    expect(rows[0]).toEqual([
      'fiscal_year',
      'region_id',
      'region_name',
      'allocated_tiyn',
      'committed_tiyn',
      'paid_tiyn',
      'execution_pct',
      'status',
      'institutions',
      'lines',
    ]);
    expect(rows).toHaveLength(21);
    expect(rows.find((r) => r[1] === 'KZ-11')![2]).toBe('Акмолинская область');
    const byAccept = await get('/regions?year=2026', { accept: 'text/csv', 'accept-language': 'en-GB,en;q=0.9' });
    expect(csvRows(byAccept.text).find((r) => r[1] === 'KZ-11')![2]).toBe('Akmola Region');
    expect(byAccept.headers.get('etag')).not.toBe(byParam.headers.get('etag'));
    // Kazakh by default.
    expect(csvRows((await get('/regions?year=2026&format=csv')).text).find((r) => r[1] === 'KZ-11')![2]).toBe(
      'Ақмола облысы',
    );
    expect((await get('/regions?format=xml')).status).toBe(422);
  });

  it('answers a region with its 13 functional groups, and 404 for an unknown region', async () => {
    const answer = await get('/regions/KZ-75?year=2026');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      regionId: 'KZ-75',
      year: 2026,
      allocated: '7400000',
      institutions: 5,
      lines: 6,
    });
    expect(answer.json.functionalGroups).toHaveLength(13);
    const education = answer.json.functionalGroups.find((g: { functionalGroup: string }) => g.functionalGroup === '04');
    expect(education).toMatchObject({ allocated: '5300000', name: { en: 'Education' } });
    const missing = await get('/regions/KZ-00', { 'accept-language': 'en' });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ status: 404, detail: 'There is no such region' });
    const csv = csvRows((await get('/regions/KZ-75?year=2026&format=csv', { 'accept-language': 'en' })).text);
    expect(csv).toHaveLength(14);
    expect(csv.find((r) => r[3] === '04')!.slice(4, 6)).toEqual(['Education', '5300000']);
  });

  it('answers functional-group totals for the country or a region', async () => {
    const country = await get('/functional-groups?year=2026');
    expect(country.json).toMatchObject({ regionId: 'KZ', year: 2026, totals: { allocated: '14400000' } });
    expect(country.json.items.find((g: { functionalGroup: string }) => g.functionalGroup === '05').allocated).toBe(
      '9000000',
    );
    const astana = await get('/functional-groups?year=2026&regionId=KZ-71');
    expect(astana.json.totals.allocated).toBe('7000000');
    const bad = await get('/functional-groups?regionId=KZ-00');
    expect(bad.status).toBe(422);
    expect(problemFields(bad)).toEqual(['regionId']);
  });
});

describe('institutions of a region', () => {
  const page = (query: string, headers: Record<string, string> = {}) =>
    get(`/regions/KZ-75/institutions?year=2026&${query}`, headers);
  const bins = (answer: Answer) => answer.json.items.map((i: { bin: string }) => i.bin);

  it('sorts by name in the caller language by default, with totals, status and lines', async () => {
    const answer = await page('', { 'accept-language': 'en' });
    expect(answer.json).toMatchObject({ page: 1, pageSize: 50, total: 5, year: 2026, synthetic: true });
    expect(bins(answer)).toEqual([BIN.alpha, BIN.beta, BIN.delta, BIN.epsilon, BIN.gamma]);
    expect(answer.json.items[0]).toMatchObject({
      bin: BIN.alpha,
      level: 'regional',
      allocated: '1000000',
      paid: '600000',
      executionPct: 60,
      status: 'green',
      lines: 1,
    });
    expect(answer.json.items.find((i: { bin: string }) => i.bin === BIN.delta)).toMatchObject({
      allocated: '0',
      executionPct: null,
      status: 'none',
    });
    expect(answer.json.items.find((i: { bin: string }) => i.bin === BIN.epsilon)).toMatchObject({
      allocated: '400000',
      lines: 2,
    });
    // In Russian the order follows the Russian names.
    expect(bins(await page('', { 'accept-language': 'ru' }))).toEqual([
      BIN.gamma,
      BIN.epsilon,
      BIN.delta,
      BIN.beta,
      BIN.alpha,
    ]);
  });

  it('sorts by allocated, paid and execution, either way (no allocation last)', async () => {
    expect(bins(await page('sort=allocated'))).toEqual([BIN.gamma, BIN.beta, BIN.alpha, BIN.epsilon, BIN.delta]);
    expect(bins(await page('sort=allocated&order=asc'))).toEqual([
      BIN.delta,
      BIN.epsilon,
      BIN.alpha,
      BIN.beta,
      BIN.gamma,
    ]);
    expect(bins(await page('sort=executionPct'))).toEqual([BIN.alpha, BIN.beta, BIN.epsilon, BIN.gamma, BIN.delta]);
    expect(bins(await page('sort=executionPct&order=asc'))).toEqual([
      BIN.gamma,
      BIN.epsilon,
      BIN.beta,
      BIN.alpha,
      BIN.delta,
    ]);
    expect(
      bins(await page('sort=paid'))
        .slice(0, 2)
        .sort(),
    ).toEqual([BIN.alpha, BIN.beta].sort());
  });

  it('pages with a Link header to first, prev, next and last', async () => {
    const first = await page('sort=allocated&pageSize=2', { 'accept-language': 'en' });
    expect(first.json).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(bins(first)).toEqual([BIN.gamma, BIN.beta]);
    const link = first.headers.get('link')!;
    expect(link).toContain('rel="first"');
    expect(link).toContain('rel="next"');
    expect(link).toContain('rel="last"');
    expect(link).not.toContain('rel="prev"');
    const next = /<([^>]+)>; rel="next"/.exec(link)![1]!;
    expect(next.startsWith('/v1/budget/regions/KZ-75/institutions?')).toBe(true);
    const second = (await fetch(`${base}${next}`).then((r) => r.json())) as Answer['json'];
    expect(second).toMatchObject({ page: 2, total: 5 });
    expect(second.items.map((i: { bin: string }) => i.bin)).toEqual([BIN.alpha, BIN.epsilon]);
    const last = await page('sort=allocated&pageSize=2&page=3');
    expect(bins(last)).toEqual([BIN.delta]);
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    const beyond = await page('pageSize=2&page=9');
    expect(beyond.json).toMatchObject({ items: [], total: 5 });
  });

  it('searches names in any language (case-insensitive) and the BIN, and filters by level', async () => {
    expect(bins(await page(`q=${encodeURIComponent('альфа')}`))).toEqual([BIN.alpha]);
    expect(bins(await page(`q=${encodeURIComponent('GAMMA')}`))).toEqual([BIN.gamma]);
    expect(bins(await page(`q=${encodeURIComponent('(kk)')}&level=rural`, { 'accept-language': 'en' }))).toEqual([
      BIN.epsilon,
      BIN.gamma,
    ]);
    expect(bins(await page(`q=${BIN.beta}`))).toEqual([BIN.beta]);
    expect(bins(await page(`q=${encodeURIComponent('%')}`))).toEqual([]);
    expect((await page('level=district')).json.total).toBe(2);
  });

  it('refuses bad parameters naming each field; 404 for an unknown region', async () => {
    const wrong = await page('sort=size&pageSize=1000&order=up');
    expect(wrong.status).toBe(422);
    expect(problemFields(wrong).sort()).toEqual(['order', 'pageSize', 'sort']);
    const typed = await page('pageSize=ten&page=1');
    expect(typed.status).toBe(400);
    expect(problemFields(typed)).toEqual(['pageSize']);
    expect((await page('page=0')).status).toBe(422);
    expect((await page('level=city')).status).toBe(422);
    expect((await get('/regions/KZ-99/institutions')).status).toBe(404);
  });

  it('is CSV of all pages with the same filters, quoting per RFC 4180', async () => {
    const answer = await page('sort=allocated&pageSize=2&format=csv', { 'accept-language': 'en' });
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    expect(answer.text).toContain('"Beta, ""clinic"""');
    const rows = csvRows(answer.text);
    expect(rows[0]).toEqual([
      'fiscal_year',
      'bin',
      'institution_name',
      'region_id',
      'level',
      'allocated_tiyn',
      'committed_tiyn',
      'paid_tiyn',
      'execution_pct',
      'status',
      'lines',
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual([BIN.gamma, BIN.beta, BIN.alpha, BIN.epsilon, BIN.delta]);
    expect(rows.find((r) => r[1] === BIN.beta)![2]).toBe('Beta, "clinic"');
    const filtered = csvRows((await page('level=rural', { accept: 'text/csv' })).text);
    expect(filtered).toHaveLength(3);
  });
});

describe('an institution and a line', () => {
  it('answers an institution with its lines for a year, CSV of its lines, 404 for an unknown BIN', async () => {
    const answer = await get(`/institutions/${BIN.epsilon}?year=2026`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      bin: BIN.epsilon,
      regionId: 'KZ-75',
      level: 'rural',
      year: 2026,
      allocated: '400000',
    });
    expect(answer.json.lines.map((l: { lineId: string }) => l.lineId)).toEqual([lines['epsilon1'], lines['epsilon2']]);
    expect(answer.json.lines[0].programme).toMatchObject({
      code: '253001000',
      functionalGroup: '04',
      name: { en: 'Programme 253001000 (eng)' },
    });
    const past = await get(`/institutions/${BIN.alpha}?year=2025`);
    expect(past.json).toMatchObject({ allocated: '900000', paid: '900000', status: 'green' });
    const csv = csvRows((await get(`/institutions/${BIN.epsilon}?year=2026&format=csv`)).text);
    expect(csv.slice(1).map((r) => r[3])).toEqual([lines['epsilon1'], lines['epsilon2']]);
    expect((await get(`/institutions/${testBin(999)}`)).status).toBe(404);
    expect((await get('/institutions/12345')).status).toBe(404);
  });

  it('answers a line with its history read from the store, in stream order', async () => {
    const answer = await get(`/lines/${lines['gamma']}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      lineId: lines['gamma'],
      bin: BIN.gamma,
      fiscalYear: 2026,
      allocated: '4000000',
      committed: '200000',
      paid: '200000',
      events: 5,
    });
    expect(answer.json.history).toEqual([
      { position: 1, type: 'allocation-approved', date: '2026-01-10', amount: '4000000', transactionId: 'G-1' },
      {
        position: 2,
        type: 'commitment-registered',
        date: '2026-05-01',
        amount: '250000',
        commitmentId: 'G-C1',
        transactionId: 'G-C1-c',
      },
      {
        position: 3,
        type: 'payment-made',
        date: '2026-05-01',
        amount: '200000',
        commitmentId: 'G-C1',
        paymentId: 'G-C1-P',
        transactionId: 'G-C1-p',
      },
      {
        position: 4,
        type: 'commitment-reduced',
        date: '2026-05-02',
        amount: '10000',
        commitmentId: 'G-C1',
        transactionId: 'G-2',
      },
      {
        position: 5,
        type: 'commitment-cancelled',
        date: '2026-05-03',
        amount: '40000',
        commitmentId: 'G-C1',
        transactionId: 'G-3',
      },
    ]);
    const amended = await get(`/lines/${lines['delta']}`);
    expect(amended.json.history[1]).toMatchObject({
      type: 'allocation-amended',
      delta: '-500000',
      allocation: '0',
      reason: 'moved, "later"',
    });
    expect(amended.json.history[1]).not.toHaveProperty('amount');
    const csv = csvRows((await get(`/lines/${lines['delta']}?format=csv`)).text);
    expect(csv[2]!.slice(3, 8)).toEqual(['allocation-amended', 'D-2', '', '-500000', '0']);
    expect(csv[2]![11]).toBe('moved, "later"');
    expect((await get(`/lines/${testBin(998)}-253001000-2026`)).status).toBe(404);
    expect((await get('/lines/not-a-line')).status).toBe(404);
  });

  it('pages programme totals and filters them by functional group', async () => {
    const all = await get('/programmes?year=2026&pageSize=2');
    expect(all.json).toMatchObject({ year: 2026, page: 1, pageSize: 2, total: 3 });
    expect(all.json.items.map((p: { code: string }) => p.code)).toEqual(['253001000', '253002000']);
    expect(all.json.items[1]).toMatchObject({
      administrator: '253',
      programme: '002',
      subprogramme: '000',
      functionalGroup: '05',
      allocated: '9000000',
    });
    expect(all.headers.get('link')).toContain('rel="next"');
    const culture = await get('/programmes?year=2026&functionalGroup=08');
    expect(culture.json.items.map((p: { code: string }) => p.code)).toEqual(['254001000']);
    expect((await get('/programmes?functionalGroup=14')).status).toBe(422);
    expect(csvRows((await get('/programmes?year=2026&pageSize=1&format=csv')).text)).toHaveLength(4);
  });
});

describe('open data', () => {
  it('describes a Fiscal Data Package marked synthetic, and serves every resource with the declared columns', async () => {
    const answer = await get('/open-data/datapackage.json');
    expect(answer.status).toBe(200);
    const descriptor = answer.json;
    expect(descriptor).toMatchObject({
      profile: 'fiscal-data-package',
      name: 'adal-office-open-budget',
      synthetic: true,
      countryCode: 'KZ',
    });
    expect(descriptor.title).toMatch(/synthetic/i);
    expect(descriptor.description).toMatch(/SYNTHETIC/);
    expect(descriptor.fiscalPeriod).toEqual({ start: '2025-01-01', end: '2026-12-31' });
    expect(Object.values(descriptor.model.measures)).not.toHaveLength(0);
    for (const measure of Object.values(descriptor.model.measures) as Array<Record<string, unknown>>)
      expect(measure).toMatchObject({ currency: 'KZT', factor: 0.01 });
    expect(Object.keys(descriptor.model.dimensions)).toEqual(
      expect.arrayContaining([
        'date',
        'administrative_classification',
        'functional_classification',
        'programme',
        'region',
      ]),
    );
    const resourceNames = descriptor.resources.map((r: { name: string }) => r.name);
    expect(resourceNames).toEqual(['institutions', 'programmes', 'budget-lines', 'transactions']);
    const fieldsOf: Record<string, string[]> = {};
    for (const resource of descriptor.resources) {
      const file = await get(`/open-data/${resource.path}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${resource.path}"`);
      const rows = csvRows(file.text);
      const fields = resource.schema.fields.map((f: { name: string }) => f.name);
      expect(rows[0]).toEqual(fields);
      expect(rows.slice(1).every((r) => r.length === fields.length)).toBe(true);
      fieldsOf[resource.name] = fields;
      // Every measure and dimension attribute names a column of its resource (or of one that has it).
      for (const measure of Object.values(descriptor.model.measures) as Array<{ source: string; resource: string }>)
        if (measure.resource === resource.name) expect(fields).toContain(measure.source);
    }
    const everyField = new Set(Object.values(fieldsOf).flat());
    for (const dimension of Object.values(descriptor.model.dimensions) as Array<{
      attributes: Record<string, { source: string; resource?: string }>;
    }>)
      for (const attribute of Object.values(dimension.attributes))
        expect(attribute.resource ? fieldsOf[attribute.resource] : [...everyField]).toContain(attribute.source);
  });

  it('exports every institution, programme, line and ledger transaction; transactions read as the import format', async () => {
    const institutions = csvRows((await get('/open-data/institutions.csv')).text);
    expect(
      institutions
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(Object.values(BIN).sort());
    expect(institutions.find((r) => r[0] === BIN.beta)!.slice(1, 4)).toEqual([
      'Beta, "clinic" (kk)',
      'Поликлиника Бета',
      'Beta, "clinic"',
    ]);
    expect(csvRows((await get('/open-data/programmes.csv')).text)).toHaveLength(4);
    const budgetLines = csvRows((await get('/open-data/budget-lines.csv')).text);
    expect(
      budgetLines
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(Object.values(lines).sort());
    const gamma = budgetLines.find((r) => r[0] === lines['gamma'])!;
    // The cancellation released the unpaid rest: what was paid stays committed.
    expect(gamma.slice(7, 10)).toEqual(['4000000', '200000', '200000']);

    const txText = (await get('/open-data/transactions.csv')).text;
    const tx = csvRows(txText);
    expect(tx[0]!.slice(0, IMPORT_COLUMNS.length)).toEqual([...IMPORT_COLUMNS]);
    expect(tx).toHaveLength(transactions + 1);
    const positions = tx.slice(1).map((r) => Number(r[22]));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const cancel = tx.find((r) => r[0] === 'G-3')!;
    expect([cancel[2], cancel[3], cancel[4], cancel[8], cancel[13], cancel[17], cancel[18]]).toEqual([
      'commitment-cancelled',
      '2026',
      BIN.gamma,
      'KZ-75',
      '04',
      '40000',
      'G-C1',
    ]);
    expect(tx.find((r) => r[0] === 'D-2')![17]).toBe('-500000');
  });

  it('tags files with an ETag (304 when held) and answers 404 for an unknown file', async () => {
    const first = await get('/open-data/budget-lines.csv');
    expect((await get('/open-data/budget-lines.csv', { 'if-none-match': first.headers.get('etag')! })).status).toBe(
      304,
    );
    expect((await get('/open-data/nothing.csv')).status).toBe(404);
    expect((await get('/open-data/institutions.json')).status).toBe(404);
  });
});

describe('review fixes', () => {
  it('declares a Fiscal Data Package v0.3 model: every attribute with its resource, one measure per phase', async () => {
    const descriptor = (await get('/open-data/datapackage.json')).json;
    expect(descriptor.fiscalDataPackage).toMatchObject({ version: '0.3.0' });
    const measures = descriptor.model.measures as Record<string, { resource?: string; phase?: string }>;
    expect(measures['allocated']).toMatchObject({ resource: 'budget-lines', phase: 'adjusted' });
    expect(measures['paid']).toMatchObject({ resource: 'budget-lines', phase: 'executed' });
    expect(measures['committed']).toMatchObject({ resource: 'budget-lines' });
    expect(measures).not.toHaveProperty('amount');
    for (const measure of Object.values(measures)) expect(measure.resource).toEqual(expect.any(String));
    for (const dimension of Object.values(descriptor.model.dimensions) as Array<{
      attributes: Record<string, { resource?: string }>;
    }>)
      for (const attribute of Object.values(dimension.attributes))
        expect(attribute.resource).toEqual(expect.any(String));
  });

  it('refuses a control character in q with a 400 naming the field, JSON and CSV alike', async () => {
    for (const suffix of ['', '&format=csv']) {
      const answer = await get(`/regions/KZ-75/institutions?q=a%00${suffix}`, { 'accept-language': 'en' });
      expect(answer.status).toBe(400);
      expect(problemFields(answer)).toEqual(['q']);
      expect(answer.headers.get('etag')).toBeNull();
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers 404 (no ETag, no-store) to If-None-Match: * for an unknown institution or line', async () => {
    for (const path of [`/institutions/${testBin(999)}`, `/lines/${testBin(998)}-253001000-2026`]) {
      const answer = await get(path, { 'if-none-match': '*' });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('etag')).toBeNull();
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const known = await get(`/institutions/${BIN.alpha}`, { 'if-none-match': '*' });
    expect(known.status).toBe(304);
  });

  it('honours q=0 for text/csv in Accept', async () => {
    const answer = await get('/regions?year=2026', { accept: 'text/csv;q=0, application/json;q=0.5' });
    expect(answer.headers.get('content-type')).toMatch(/json/);
    expect((await get('/regions?year=2026', { accept: 'text/csv' })).headers.get('content-type')).toMatch(/csv/);
  });

  it('guards text cells of a per-view CSV, but keeps negative amounts as numbers', async () => {
    const history = csvRows((await get(`/lines/${lines['delta']}?format=csv`)).text);
    const header = history[0]!;
    const amended = history.find((r) => r[header.indexOf('transaction_id')] === 'D-2')!;
    expect(amended[header.indexOf('delta_tiyn')]).toBe('-500000');
  });

  it("keeps this year's statuses and as-of date when a next-year allocation is approved", async () => {
    const statuses = (body: { items: Array<{ regionId: string; status: string }> }) =>
      Object.fromEntries(body.items.map((i) => [i.regionId, i.status]));
    const before = (await get('/regions?year=2026')).json;
    const institutionsBefore = (await get('/regions/KZ-75/institutions?year=2026')).json;
    const byDefault = await get('/regions');
    expect(before.asOf).toBe('2026-06-15');
    expect(statuses(before)['KZ-71']).toBe('green');

    builder.approve(builder.classification(BIN.astana, '253002000', 2027), 'S27-1', 8_000_000n, '2027-01-05');
    expect(builder.refused).toBe(0);
    await flush();

    const after = (await get('/regions?year=2026')).json;
    expect(statuses(after)).toEqual(statuses(before));
    expect(after.totals.status).toBe(before.totals.status);
    expect(after.asOf).toBe('2026-06-15');
    const institutionsAfter = (await get('/regions/KZ-75/institutions?year=2026')).json;
    expect(institutionsAfter.items.map((i: { status: string }) => i.status)).toEqual(
      institutionsBefore.items.map((i: { status: string }) => i.status),
    );
    // The default year is still this one (the clock's), under a new tag (the projection moved).
    const defaultAfter = await get('/regions');
    expect(defaultAfter.json.year).toBe(2026);
    expect(defaultAfter.headers.get('etag')).not.toBe(byDefault.headers.get('etag'));
    // The next year: nothing elapsed yet (green), as of today at the latest, never a future date.
    const next = (await get('/regions?year=2027')).json;
    expect(next.asOf).toBe('2026-06-30');
    expect(statuses(next)['KZ-71']).toBe('green');
    expect((await get('/years')).json).toMatchObject({ years: [2027, 2026, 2025], current: 2026, asOf: '2026-06-30' });
  });
});
