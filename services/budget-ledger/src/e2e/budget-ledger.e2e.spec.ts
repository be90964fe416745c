// The budget-ledger service as it runs: a real process on real PostgreSQL and Kafka, started with
// the demo seed on (the default). On an empty ledger it loads the synthetic slice at start-up and
// the public map answers all 20 regions with non-zero totals; started again on the same database
// it loads nothing more.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  REPO_ROOT,
  startServiceProcess,
  type RunningService,
  type TestDatabase,
} from '@adal/testing';

interface Amounts {
  allocated: string;
  committed: string;
  paid: string;
}
interface Regions {
  synthetic: boolean;
  year: number;
  items: Array<Amounts & { regionId: string; name: { kk: string; ru: string; en: string }; institutions: number }>;
  totals: Amounts & { institutions: number };
}

let database: TestDatabase;
let service: RunningService | undefined;
const run = randomUUID().slice(0, 8);

const start = () =>
  startServiceProcess({
    name: 'budget-ledger',
    entry: path.join(REPO_ROOT, 'services/budget-ledger/dist/main.js'),
    env: {
      LOG_LEVEL: 'log',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
      INTERNAL_TOKEN: 'budget-e2e-token',
      BUDGET_EVENTS_TOPIC: `budgete2e${run}.budget.events`,
    },
  });

const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${service?.lines.slice(-20).join('\n') ?? ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

/**
 * The regions once every one of them shows money allocated and paid and the projection has
 * caught up with the whole slice (all 300 institutions, the same totals twice in a row).
 */
const seededRegions = () => {
  let previous = '';
  return eventually('20 regions with non-zero totals', async () => {
    const response = await fetch(`${service!.url}/v1/budget/regions`);
    if (response.status !== 200) return undefined;
    const body = (await response.json()) as Regions;
    const full =
      body.items.length === 20 &&
      body.items.every((r) => BigInt(r.allocated) > 0n && BigInt(r.paid) > 0n) &&
      body.totals.institutions === 300;
    const totals = JSON.stringify(body.totals);
    const stable = full && totals === previous;
    previous = totals;
    return stable ? body : undefined;
  });
};

beforeAll(async () => {
  database = await createTestDatabase('budget_e2e');
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await database?.drop();
});

it('loads the synthetic demo on an empty ledger: the map shows 20 regions with non-zero totals, once', async () => {
  service = await start();
  const regions = await seededRegions();
  expect(regions.synthetic).toBe(true);
  expect(new Set(regions.items.map((r) => r.regionId)).size).toBe(20);
  for (const region of regions.items) {
    expect(BigInt(region.paid) <= BigInt(region.committed)).toBe(true);
    expect(BigInt(region.committed) <= BigInt(region.allocated)).toBe(true);
    expect(region.institutions).toBeGreaterThan(0);
  }
  const total = regions.items.reduce((sum, r) => sum + BigInt(r.allocated), 0n);
  expect(BigInt(regions.totals.allocated)).toBe(total);
  // Billions of tenge for the 300-institution slice (8.3 trillion x 300 / 17,000 ~ 146 billion).
  expect(total / 100n).toBeGreaterThan(100_000_000_000n);
  expect(service.lines.some((l) => l.includes('demo budget loaded') && l.includes('20000 events'))).toBe(true);

  // A restart finds the ledger holding data and loads nothing more.
  await service.stop();
  service = await start();
  const again = await seededRegions();
  expect(again.totals).toEqual(regions.totals);
  expect(service.lines.some((l) => l.includes('the ledger holds data'))).toBe(true);
});
