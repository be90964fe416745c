// The budget ledger's command API in process, on real PostgreSQL and real Kafka: only the gateway
// (internal token) and only an admin may write; bad input answers a problem naming the field
// (422), unknown things 404, what the ledger's state forbids 409, never a 500; a repeated command
// answers 200 and records nothing; imports take text/csv within the size limit; the relay
// publishes the ledger's events to `budget.events` (here a topic of this run) keyed by aggregate.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { KafkaMessageBus, type ReceivedMessage } from '@adal/messaging';
import { createServiceApp } from '@adal/service-kit';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { IMPORT_HEADER, ledgerRowCsv, type LedgerRow } from '../import/ledger-row.js';

const TOKEN = 'budget-http-test-token';
const run = randomUUID().slice(0, 8);
const TOPIC = `bhttp${run}.budget.events`;
const ENV = {
  INTERNAL_TOKEN: TOKEN,
  BUDGET_EVENTS_TOPIC: TOPIC,
  BUDGET_SEED_DEMO: 'false',
  BUDGET_IMPORT_MAX_BYTES: '20000',
  LOG_LEVEL: 'error',
};

const actor = (claims: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ lang: 'en', ...claims })).toString('base64url');
const ADMIN = actor({ sub: 'admin-1', roles: ['admin'] });
const ADMIN_RU = actor({ sub: 'admin-2', roles: ['admin'], lang: 'ru' });
const CLERK = actor({ sub: 'clerk-1', roles: ['clerk'] });

const BIN = '970240000126';
const OTHER_BIN = '000140000002';
const INSTITUTION = {
  bin: BIN,
  name: { kk: 'Алатау ауданы әкімдігі', ru: 'Акимат Алатауского района', en: 'Alatau district akimat' },
  regionId: 'KZ-75',
  level: 'district',
};
const PROGRAMME = {
  administrator: '261',
  programme: '001',
  subprogramme: '000',
  functionalGroup: '04',
  name: { kk: 'Жалпы білім беру', ru: 'Общее образование', en: 'General education' },
};
const LINE = `${BIN}-261001000-2026`;

interface Answer {
  status: number;
  type: string;
  json: Record<string, unknown> & { errors?: Array<{ field: string; message: string }>; code?: string };
}

let app: INestApplication;
let base: string;
let database: TestDatabase;
let bus: KafkaMessageBus;
const received: ReceivedMessage[] = [];
const saved: Record<string, string | undefined> = {};

const call = async (
  method: string,
  path: string,
  options: { as?: string | null; body?: unknown; raw?: string; contentType?: string; token?: string | null } = {},
): Promise<Answer> => {
  const headers: Record<string, string> = {};
  if (options.token !== null) headers['x-adal-internal-token'] = options.token ?? TOKEN;
  if (options.as !== null) headers['x-adal-actor'] = options.as ?? ADMIN;
  if (options.body !== undefined || options.raw !== undefined)
    headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${base}/v1/budget${path}`, {
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    json: text ? (JSON.parse(text) as Answer['json']) : {},
  };
};

const transaction = (body: Record<string, unknown>, lineId = LINE, as?: string) =>
  call('POST', `/lines/${lineId}/transactions`, { body, ...(as ? { as } : {}) });

const eventually = async <T>(what: string, probe: () => T | undefined, timeoutMs = 45_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  database = await createTestDatabase('budget_http');
  for (const [key, value] of Object.entries({ ...ENV, DATABASE_URL: database.url })) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  const { AppModule } = await import('../app.module.js');
  app = await createServiceApp({ name: 'budget-ledger', module: AppModule });
  await app.listen(0, '127.0.0.1');
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  bus = new KafkaMessageBus({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: `bhttp-test-${run}` });
  await bus.consume({
    groupId: `bhttp-reader-${run}`,
    topics: [TOPIC],
    onRaw: async (message) => void received.push(message),
  });
}, 120_000);

afterAll(async () => {
  await bus?.close();
  await app?.close();
  await database?.drop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('who may write', () => {
  it('answers only the gateway (the internal token)', async () => {
    expect((await call('POST', '/institutions', { body: INSTITUTION, token: null })).status).toBe(401);
    expect((await call('POST', '/institutions', { body: INSTITUTION, token: 'wrong' })).status).toBe(401);
  });

  it('lets only an admin change the ledger', async () => {
    const anonymous = await call('POST', '/institutions', { body: INSTITUTION, as: null });
    expect(anonymous.status).toBe(401);
    const clerk = await call('POST', '/institutions', { body: INSTITUTION, as: CLERK });
    expect(clerk.status).toBe(403);
    expect(clerk.type).toContain('application/problem+json');
    expect((await transaction({ type: 'allocation-approved' }, LINE, CLERK)).status).toBe(403);
    expect((await call('POST', '/imports', { raw: IMPORT_HEADER, contentType: 'text/csv', as: CLERK })).status).toBe(
      403,
    );
  });
});

describe('institutions and programmes', () => {
  it('registers an institution (201), answers 200 to the same data again and 409 to other data', async () => {
    const created = await call('POST', '/institutions', { body: INSTITUTION });
    expect(created.status).toBe(201);
    expect(created.json).toEqual(INSTITUTION);
    const again = await call('POST', '/institutions', { body: INSTITUTION });
    expect(again.status).toBe(200);
    const other = await call('POST', '/institutions', { body: { ...INSTITUTION, level: 'rural' } });
    expect(other.status).toBe(409);
    expect(other.json.code).toBe('INSTITUTION_EXISTS');
    expect(other.json.errors?.[0]?.field).toBe('level');
  });

  it('registers a programme (201), and the same again answers 200', async () => {
    const created = await call('POST', '/programmes', { body: PROGRAMME });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ code: '261001000', ...PROGRAMME });
    expect((await call('POST', '/programmes', { body: PROGRAMME })).status).toBe(200);
  });

  const cases: Array<[string, string, unknown, number, string | undefined]> = [
    ['an institution with a bad BIN checksum', '/institutions', { ...INSTITUTION, bin: '970240000123' }, 422, 'bin'],
    ['an institution without a BIN', '/institutions', { ...INSTITUTION, bin: undefined }, 422, 'bin'],
    ['an institution with a BIN as a number', '/institutions', { ...INSTITUTION, bin: 970240000126 }, 422, 'bin'],
    [
      'an institution with an empty Russian name',
      '/institutions',
      { ...INSTITUTION, bin: OTHER_BIN, name: { kk: 'а', ru: ' ', en: 'c' } },
      422,
      'name.ru',
    ],
    [
      'an institution in no region',
      '/institutions',
      { ...INSTITUTION, bin: OTHER_BIN, regionId: 'KZ-00' },
      422,
      'regionId',
    ],
    ['an institution of no level', '/institutions', { ...INSTITUTION, bin: OTHER_BIN, level: 'city' }, 422, 'level'],
    ['a JSON array instead of an institution', '/institutions', [], 422, 'bin'],
    [
      'a programme of functional group 14',
      '/programmes',
      { ...PROGRAMME, functionalGroup: '14' },
      422,
      'functionalGroup',
    ],
    ['a programme code of two digits', '/programmes', { ...PROGRAMME, programme: '01' }, 422, 'programme'],
    ['a programme without names', '/programmes', { ...PROGRAMME, programme: '009', name: undefined }, 422, 'name'],
  ];
  it.each(cases)('refuses %s', async (_what, path, body, status, field) => {
    const answer = await call('POST', path, { body });
    expect(answer.status).toBe(status);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.json.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('answers malformed JSON with 400', async () => {
    const answer = await call('POST', '/institutions', { raw: '{"bin": ' });
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
  });
});

describe('transactions on a line', () => {
  beforeAll(async () => {
    await call('POST', '/institutions', { body: INSTITUTION });
    await call('POST', '/programmes', { body: PROGRAMME });
  });

  it('approves an allocation (201) with the classification from the institution and programme', async () => {
    const answer = await transaction({
      type: 'allocation-approved',
      transactionId: 'A-1',
      amount: '150000000',
      date: '2026-01-15',
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      lineId: LINE,
      bin: BIN,
      programmeCode: '261001000',
      fiscalYear: 2026,
      regionId: 'KZ-75',
      level: 'district',
      functionalGroup: '04',
      allocated: '150000000',
      committed: '0',
      paid: '0',
      executionPct: 0,
      duplicate: false,
    });
  });

  it('answers 200 and records nothing for a transaction id the line has seen, whatever the body says', async () => {
    const again = await transaction({
      type: 'allocation-approved',
      transactionId: 'A-1',
      amount: '999',
      date: '2026-01-15',
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ duplicate: true, allocated: '150000000' });
  });

  it('records commitments and payments; amounts may be decimal strings or safe integers', async () => {
    expect(
      (
        await transaction({
          type: 'commitment-registered',
          transactionId: 'C-1',
          commitmentId: 'K-1',
          amount: 100_000_000,
          date: '2026-02-01',
          supplierBin: OTHER_BIN,
        })
      ).status,
    ).toBe(201);
    const paid = await transaction({
      type: 'payment-made',
      transactionId: 'P-1',
      commitmentId: 'K-1',
      paymentId: 'PAY-1',
      amount: '30000000',
      date: '2026-03-01',
    });
    expect(paid.status).toBe(201);
    expect(paid.json).toMatchObject({
      allocated: '150000000',
      committed: '100000000',
      paid: '30000000',
      executionPct: 20,
    });
    const amended = await transaction({
      type: 'allocation-amended',
      transactionId: 'M-1',
      delta: '-10000000',
      date: '2026-04-01',
      reason: 'Budget clarification',
    });
    expect(amended.status).toBe(201);
    expect(amended.json).toMatchObject({ allocated: '140000000' });
  });

  const refusals: Array<[string, () => Promise<Answer>, number, string, string]> = [
    [
      'a commitment over the allocation',
      () =>
        transaction({
          type: 'commitment-registered',
          transactionId: 'C-2',
          commitmentId: 'K-2',
          amount: '50000000',
          date: '2026-02-02',
        }),
      409,
      'ALLOCATION_EXCEEDED',
      'amount',
    ],
    [
      'a payment over its commitment',
      () =>
        transaction({
          type: 'payment-made',
          transactionId: 'P-2',
          commitmentId: 'K-1',
          paymentId: 'PAY-2',
          amount: '70000001',
          date: '2026-03-02',
        }),
      409,
      'PAYMENT_EXCEEDS_COMMITMENT',
      'amount',
    ],
    [
      'a payment on an unknown commitment',
      () =>
        transaction({
          type: 'payment-made',
          transactionId: 'P-3',
          commitmentId: 'K-404',
          paymentId: 'PAY-3',
          amount: '1',
          date: '2026-03-02',
        }),
      404,
      'COMMITMENT_NOT_FOUND',
      'commitmentId',
    ],
    [
      'a second approval',
      () => transaction({ type: 'allocation-approved', transactionId: 'A-2', amount: '1', date: '2026-01-16' }),
      409,
      'ALLOCATION_ALREADY_APPROVED',
      'type',
    ],
    [
      'an amendment below what is committed',
      () => transaction({ type: 'allocation-amended', transactionId: 'M-2', delta: '-40000001', date: '2026-04-02' }),
      409,
      'ALLOCATION_BELOW_COMMITTED',
      'delta',
    ],
    [
      'an amount with a fraction',
      () =>
        transaction({
          type: 'commitment-registered',
          transactionId: 'C-3',
          commitmentId: 'K-3',
          amount: '10.5',
          date: '2026-02-02',
        }),
      422,
      'INVALID_AMOUNT',
      'amount',
    ],
    [
      'an amount as an unsafe number',
      () =>
        transaction({
          type: 'commitment-registered',
          transactionId: 'C-4',
          commitmentId: 'K-4',
          amount: 2 ** 60,
          date: '2026-02-02',
        }),
      422,
      'INVALID_AMOUNT',
      'amount',
    ],
    [
      'a negative payment',
      () =>
        transaction({
          type: 'payment-made',
          transactionId: 'P-4',
          commitmentId: 'K-1',
          paymentId: 'PAY-4',
          amount: '-5',
          date: '2026-03-02',
        }),
      422,
      'AMOUNT_NOT_POSITIVE',
      'amount',
    ],
    [
      'a date of another year',
      () =>
        transaction({
          type: 'commitment-registered',
          transactionId: 'C-5',
          commitmentId: 'K-5',
          amount: '1',
          date: '2027-01-01',
        }),
      422,
      'DATE_OUTSIDE_FISCAL_YEAR',
      'date',
    ],
    [
      'an impossible date',
      () =>
        transaction({
          type: 'commitment-registered',
          transactionId: 'C-6',
          commitmentId: 'K-6',
          amount: '1',
          date: '2026-02-30',
        }),
      422,
      'INVALID_DATE',
      'date',
    ],
    [
      'no transaction id',
      () => transaction({ type: 'commitment-registered', commitmentId: 'K-7', amount: '1', date: '2026-02-03' }),
      422,
      'FIELD_REQUIRED',
      'transactionId',
    ],
    [
      'an unknown type',
      () => transaction({ type: 'grant', transactionId: 'G-1', amount: '1', date: '2026-02-03' }),
      422,
      'INVALID_CHOICE',
      'type',
    ],
    [
      'a line id that is not one',
      () =>
        transaction(
          { type: 'allocation-approved', transactionId: 'X-1', amount: '1', date: '2026-01-15' },
          'not-a-line',
        ),
      422,
      'INVALID_LINE_ID',
      'lineId',
    ],
    [
      'a line id with a bad BIN',
      () =>
        transaction(
          { type: 'allocation-approved', transactionId: 'X-1', amount: '1', date: '2026-01-15' },
          '970240000123-261001000-2026',
        ),
      422,
      'INVALID_LINE_ID',
      'lineId',
    ],
    [
      'an approval for an unregistered institution',
      () =>
        transaction(
          { type: 'allocation-approved', transactionId: 'X-2', amount: '1', date: '2026-01-15' },
          `${OTHER_BIN}-261001000-2026`,
        ),
      404,
      'INSTITUTION_NOT_FOUND',
      'lineId',
    ],
    [
      'an approval for an unregistered programme',
      () =>
        transaction(
          { type: 'allocation-approved', transactionId: 'X-3', amount: '1', date: '2026-01-15' },
          `${BIN}-261009000-2026`,
        ),
      404,
      'PROGRAMME_NOT_FOUND',
      'lineId',
    ],
    [
      'a payment on a line never opened',
      () =>
        transaction(
          {
            type: 'payment-made',
            transactionId: 'X-4',
            commitmentId: 'K-1',
            paymentId: 'PAY-1',
            amount: '1',
            date: '2026-03-02',
          },
          `${BIN}-261001000-2025`,
        ),
      404,
      'LINE_NOT_OPENED',
      'lineId',
    ],
  ];
  it.each(refusals)('refuses %s', async (_what, send, status, code, field) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.json.code).toBe(code);
    expect(answer.json.errors?.map((e) => e.field)).toEqual([field]);
  });

  it("writes problems in the caller's language", async () => {
    const answer = await transaction(
      {
        type: 'commitment-registered',
        transactionId: 'C-9',
        commitmentId: 'K-9',
        amount: '50000000',
        date: '2026-02-02',
      },
      LINE,
      ADMIN_RU,
    );
    expect(answer.status).toBe(409);
    expect(answer.json['title']).toBe('Невозможно выполнить');
    expect(String(answer.json['detail'])).toMatch(/[а-я]/);
  });

  it('left the line as the accepted transactions made it', async () => {
    const answer = await transaction({
      type: 'payment-made',
      transactionId: 'P-1',
      commitmentId: 'K-1',
      paymentId: 'PAY-1',
      amount: '30000000',
      date: '2026-03-01',
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      allocated: '140000000',
      committed: '100000000',
      paid: '30000000',
      commitments: 1,
      payments: 1,
      transactions: 4,
    });
  });
});

describe('concurrent commands on one line', () => {
  const BUSY = `${BIN}-261001000-2025`;

  beforeAll(async () => {
    const approved = await transaction(
      { type: 'allocation-approved', transactionId: 'B-1', amount: '1000', date: '2025-01-10' },
      BUSY,
    );
    expect(approved.status).toBe(201);
  });

  it('never commits more than the allocation: 20 racing commitments of 100 on 1,000', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transaction(
          {
            type: 'commitment-registered',
            transactionId: `B-C${i}`,
            commitmentId: `K-${i}`,
            amount: '100',
            date: '2025-02-01',
          },
          BUSY,
        ),
      ),
    );
    const created = answers.filter((a) => a.status === 201).length;
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(10);
    const line = await transaction(
      { type: 'commitment-registered', transactionId: 'B-C0', commitmentId: 'K-0', amount: '100', date: '2025-02-01' },
      BUSY,
    );
    expect(line.json).toMatchObject({ allocated: '1000', committed: String(created * 100), commitments: created });
  });

  it('records a transaction sent ten times at once exactly once (same ids: the store replays)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        transaction({ type: 'allocation-amended', transactionId: 'B-M1', delta: '500', date: '2025-03-01' }, BUSY),
      ),
    );
    for (const answer of answers) {
      expect([200, 201]).toContain(answer.status);
      expect(answer.json).toMatchObject({ allocated: '1500' });
    }
  });
});

describe('imports', () => {
  const row = (fields: Partial<LedgerRow>): string =>
    ledgerRowCsv({
      transactionId: 'I-1',
      date: '2026-05-01',
      type: 'commitment-registered',
      fiscalYear: 2026,
      institution: INSTITUTION as LedgerRow['institution'],
      programme: PROGRAMME,
      ...fields,
    });

  it('applies a text/csv file and reports the bad rows', async () => {
    const csv =
      IMPORT_HEADER +
      row({ transactionId: 'I-1', commitmentId: 'K-10', amount: 1_000_000n }) +
      row({ transactionId: 'I-2', commitmentId: 'K-11', amount: 999_000_000n }) +
      row({ transactionId: 'I-3', type: 'payment-made', commitmentId: 'K-10', paymentId: 'PAY-10', amount: 500_000n });
    const answer = await call('POST', '/imports', { raw: csv, contentType: 'text/csv; charset=utf-8' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ rows: 3, applied: 2, duplicates: 0 });
    expect(answer.json['rejected']).toEqual([
      {
        line: 3,
        field: 'amount_tiyn',
        code: 'ALLOCATION_EXCEEDED',
        message: { kk: expect.any(String), ru: expect.any(String), en: expect.any(String) },
      },
    ]);
    const again = await call('POST', '/imports', { raw: csv, contentType: 'text/csv' });
    expect(again.json).toMatchObject({ rows: 3, applied: 0, duplicates: 2 });
  });

  it('refuses another media type (415) and a file over the limit (413), recording nothing', async () => {
    const json = await call('POST', '/imports', { body: { rows: [] } });
    expect(json.status).toBe(415);
    expect(json.type).toContain('application/problem+json');
    const latin1 = await call('POST', '/imports', { raw: IMPORT_HEADER, contentType: 'text/csv; charset=iso-8859-1' });
    expect(latin1.status).toBe(415);
    const big = IMPORT_HEADER + row({ transactionId: 'I-9', commitmentId: 'K-99', amount: 1n }).repeat(100);
    const tooLarge = await call('POST', '/imports', { raw: big, contentType: 'text/csv' });
    expect(tooLarge.status).toBe(413);
    const line = await transaction({
      type: 'payment-made',
      transactionId: 'I-3',
      commitmentId: 'K-10',
      paymentId: 'PAY-10',
      amount: '500000',
      date: '2026-05-01',
    });
    expect(line.json).toMatchObject({ commitments: 2 }); // K-1 and K-10: nothing from the refused upload
  });
});

describe('the relay', () => {
  it('publishes the ledger events to budget.events as CloudEvents keyed by the aggregate', async () => {
    const messages = await eventually('the line events on the topic', () => {
      const line = received.filter((m) => m.key === LINE);
      return line.length >= 7 ? line : undefined;
    });
    const envelopes = messages.map(
      (m) => JSON.parse(m.value!) as { type: string; subject: string; data: Record<string, unknown> },
    );
    expect(envelopes.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'budget.BudgetLineOpened',
        'budget.AllocationApproved',
        'budget.CommitmentRegistered',
        'budget.PaymentMade',
        'budget.AllocationAmended',
      ]),
    );
    for (const envelope of envelopes) expect(envelope.subject).toBe(LINE);
    // In the ledger's order: opened, approved, committed, paid, amended, ...
    expect(envelopes.slice(0, 5).map((e) => e.type)).toEqual([
      'budget.BudgetLineOpened',
      'budget.AllocationApproved',
      'budget.CommitmentRegistered',
      'budget.PaymentMade',
      'budget.AllocationAmended',
    ]);
    expect(received.some((m) => m.key === BIN && JSON.parse(m.value!).type === 'budget.InstitutionRegistered')).toBe(
      true,
    );
    expect(
      received.some((m) => m.key === '261001000' && JSON.parse(m.value!).type === 'budget.ProgrammeRegistered'),
    ).toBe(true);
  });
});

// Last: it changes the institution's names, which the rows and bodies above repeat.
describe('correcting an institution name', () => {
  const NEW_NAME = {
    kk: 'Алатау ауданының әкімдігі ММ',
    ru: 'ГУ «Аппарат акима Алатауского района»',
    en: 'Alatau district akimat (state institution)',
  };
  const correct = (body: unknown, bin = BIN, as?: string) =>
    call('PUT', `/institutions/${bin}/name`, { body, ...(as ? { as } : {}) });

  it('lets only an admin correct it', async () => {
    expect((await correct({ name: NEW_NAME }, BIN, CLERK)).status).toBe(403);
  });

  it.each([
    ['a name missing its English text', BIN, { name: { kk: 'а', ru: 'б' } }, 422, 'name.en'],
    ['a name a spreadsheet would run', BIN, { name: { ...NEW_NAME, ru: '=HYPERLINK("x")' } }, 422, 'name.ru'],
    ['no name at all', BIN, {}, 422, 'name'],
    ['a personal IIN as the BIN', '850615310007', { name: NEW_NAME }, 422, 'bin'],
    ['a BIN never registered', OTHER_BIN, { name: NEW_NAME }, 404, 'bin'],
  ])('refuses %s', async (_what, bin, body, status, field) => {
    const answer = await correct(body, bin);
    expect(answer.status).toBe(status);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.json.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('records the correction (200), the same names again change nothing, and the read side follows', async () => {
    const corrected = await correct({ name: NEW_NAME });
    expect(corrected.status).toBe(200);
    expect(corrected.json).toEqual({ ...INSTITUTION, name: NEW_NAME, changed: true });
    const again = await correct({ name: NEW_NAME });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ changed: false });

    const deadline = Date.now() + 20_000;
    let read: Answer;
    for (;;) {
      read = await call('GET', `/institutions/${BIN}`, { as: null, token: null });
      if (read.status === 200 && (read.json['name'] as { en?: string } | undefined)?.en === NEW_NAME.en) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(read.status).toBe(200);
    expect(read.json['name']).toEqual(NEW_NAME);

    await eventually('the correction on budget.events', () =>
      received.find((m) => m.key === BIN && JSON.parse(m.value!).type === 'budget.InstitutionNameCorrected'),
    );
  });
});
