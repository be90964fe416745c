// The open-budget map in a real Chromium against the real platform (gateway serving apps/web/dist,
// budget-ledger with its synthetic demo budget, PostgreSQL, the bus): the map draws the 20 regions
// as focusable links with the same numbers as its table; the metric, the year and the CSV links
// follow the address; a keyboard-only user drills down region → institution → the ledger history
// of a budget line; every budget page changes every text with the language and has no axe-core
// violations (WCAG 2.2 A/AA) in kk, ru and en; screenshots to docs/screens/budget-*.png.
// Needs `npm run build` first; skipped, saying why, without Chromium or without a built
// budget-ledger service that serves the open-data routes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  axeScan,
  chromiumAvailable,
  chromiumPath,
  formatViolations,
  launchBrowser,
  newPage,
  pageProblems,
  REPO_ROOT,
  screenshot,
  startPlatform,
  type Platform,
} from '@adal/testing';
import { en } from '../src/i18n/messages/en';
import { kk } from '../src/i18n/messages/kk';

/** Whether a built service's JavaScript mentions `pattern` (its routes, once written, do). */
const builtWith = (service: string, pattern: RegExp): boolean => {
  const dist = path.join(REPO_ROOT, `services/${service}/dist`);
  if (!existsSync(path.join(dist, 'main.js'))) return false;
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.js') && !f.includes('spec'),
  );
  return files.some((f) => pattern.test(readFileSync(path.join(dist, f), 'utf8')));
};

/** The budget-ledger service serves the open data (its controller names the data package), and the gateway forwards it. */
const budgetLedgerBuilt = () =>
  builtWith('budget-ledger', /datapackage\.json/) && builtWith('gateway', /open-data\/datapackage\.json/);

const hasChromium = chromiumAvailable();
const hasBudget = budgetLedgerBuilt();
if (!hasChromium) {
  process.stderr.write(
    `[skip] budget browser tests: no Chromium at ${chromiumPath()} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`,
  );
} else if (!hasBudget) {
  process.stderr.write(
    '[skip] budget browser tests: services/budget-ledger/dist (and the gateway) do not serve the open-budget routes yet (npm run build)\n',
  );
}
const describeWhenReady = hasChromium && hasBudget ? describe : describe.skip;

const LANGS = ['kk', 'ru', 'en'] as const;
/** WCAG 2.2 A and AA (axe-core's tags; 2.2 adds to 2.1). */
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

let platform: Platform;
let browser: Browser;

interface Amounts {
  allocated: string;
  committed: string;
  paid: string;
  executionPct: number | null;
}
interface RegionRow extends Amounts {
  regionId: string;
  name: { kk: string; ru: string; en: string };
  status: string;
  institutions: number;
}
interface Regions {
  synthetic: boolean;
  year: number;
  items: RegionRow[];
  totals: Amounts;
}
interface Years {
  years: number[];
  current: number;
}
interface InstitutionPage {
  items: Array<Amounts & { bin: string; lines: number }>;
  total: number;
}
interface Institution extends Amounts {
  lines: Array<{ lineId: string }>;
}
interface Line extends Amounts {
  history: Array<{ type: string }>;
}

const api = async <T>(route: string): Promise<T> => {
  const response = await fetch(`${platform.gatewayUrl}/api/v1/budget${route}`, {
    headers: { 'accept-language': 'en' },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
};

const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const url = (route: string) => `${platform.gatewayUrl}${route}`;

const ready = async (page: Page, selector?: string) => {
  await page.waitForFunction(
    () => document.querySelector('main h1') !== null && document.querySelector('.loading') === null,
    undefined,
    { timeout: 15_000 },
  );
  if (selector) await page.waitForSelector(selector, { timeout: 15_000 });
};

const tabTo = async (page: Page, selector: string, max = 80) => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
  }
  throw new Error(`the keyboard never reached ${selector}`);
};

/** Whole tenge of a tiyn string, rounded half up, as the page writes it (digits only). */
const tengeDigits = (tiyn: string) => String((BigInt(tiyn) + 50n) / 100n);
const digitsOf = (text: string | null) => (text ?? '').replace(/\D/g, '');

/** No uncaught errors, no console errors, and nothing fetched from anywhere but the platform (no tile server). */
const expectCleanPage = (page: Page, foreign: string[]) => {
  const problems = pageProblems(page);
  expect({ pageErrors: problems.pageErrors, consoleErrors: problems.consoleErrors, foreign }).toEqual({
    pageErrors: [],
    consoleErrors: [],
    foreign: [],
  });
};

/** Records every request that leaves the platform's origin. */
const watchForeignRequests = (page: Page): string[] => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(platform.gatewayUrl) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  return foreign;
};

describeWhenReady('the open-budget map in a browser', () => {
  let year: number;
  let regions: Regions;
  /** A region with institutions that have lines, and its first institution and line. */
  let target: { regionId: string; bin: string; lineId: string };

  beforeAll(async () => {
    const index = path.join(REPO_ROOT, 'apps/web/dist/index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` first`);
    [platform, browser] = await Promise.all([
      startPlatform({ label: 'web_budget', telemetry: false, budgetLedger: true }),
      launchBrowser(),
    ]);
    year = (await eventually('the budget years', () => api<Years>('/years'))).current;
    // The demo budget reaches the read models through the projection: wait for all 20 regions with money.
    regions = await eventually('the seeded demo budget of the 20 regions', async () => {
      const answer = await api<Regions>(`/regions?year=${year}`);
      return answer.items.length === 20 && BigInt(answer.totals.allocated) > 0n ? answer : undefined;
    });
    const candidates = [...regions.items].sort((a, b) => b.institutions - a.institutions);
    for (const region of candidates) {
      const page = await api<InstitutionPage>(
        `/regions/${region.regionId}/institutions?year=${year}&sort=name&order=asc&pageSize=20`,
      );
      const first = page.items[0];
      if (!first) continue;
      const institution = await api<Institution>(`/institutions/${first.bin}?year=${year}`);
      const line = institution.lines[0];
      if (line) {
        target = { regionId: region.regionId, bin: first.bin, lineId: line.lineId };
        break;
      }
    }
    if (!target) throw new Error('the demo budget has no institution with a budget line');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('draws the 20 regions with the numbers of its table, and the metric, year and CSV follow the address', async () => {
    const page = await newPage(browser, { locale: 'kk-KZ' });
    const foreign = watchForeignRequests(page);
    await page.goto(url('/budget'));
    await ready(page, '[data-testid="kz-map"] [data-region]');

    // 20 regions, each a focusable link named "name: value".
    const shapes = await page.$$eval('[data-testid="kz-map"] [data-region]', (nodes) =>
      nodes.map((n) => ({
        id: n.getAttribute('data-region'),
        role: n.getAttribute('role'),
        tabindex: n.getAttribute('tabindex'),
        label: n.getAttribute('aria-label') ?? '',
        drawn: (n.querySelector('path')?.getAttribute('d') ?? '').length > 100,
      })),
    );
    expect(shapes).toHaveLength(20);
    expect(new Set(shapes.map((s) => s.id))).toEqual(new Set(regions.items.map((r) => r.regionId)));
    for (const s of shapes) {
      expect({ id: s.id, role: s.role, tabindex: s.tabindex, drawn: s.drawn }).toEqual({
        id: s.id,
        role: 'link',
        tabindex: '0',
        drawn: true,
      });
      const region = regions.items.find((r) => r.regionId === s.id)!;
      expect(s.label.startsWith(`${region.name.kk}: `)).toBe(true);
    }

    // The synthetic banner exactly when the API says so; the OSM attribution with the map.
    expect(await page.locator('[data-testid="budget-synthetic"]').count()).toBe(regions.synthetic ? 1 : 0);
    expect(await page.textContent('.kz-map-attribution')).toContain('OpenStreetMap');
    expect(await page.getAttribute('.kz-map-attribution a', 'href')).toBe('https://www.openstreetmap.org/copyright');

    // The table alternative: the same 20 regions and the same totals, to the tenge.
    expect(await page.locator('[data-testid="budget-regions-table"] tbody tr').count()).toBe(20);
    for (const region of regions.items.slice(0, 5)) {
      const cells = page.locator(`[data-testid="budget-regions-table"] tr[data-region="${region.regionId}"] td`);
      expect(digitsOf(await cells.nth(0).textContent())).toBe(tengeDigits(region.allocated));
      expect(digitsOf(await cells.nth(2).textContent())).toBe(tengeDigits(region.paid));
    }
    const totals = page.locator('[data-testid="budget-regions-table"] tfoot td');
    expect(digitsOf(await totals.nth(0).textContent())).toBe(tengeDigits(regions.totals.allocated));

    // The metric: paid, then execution (its legend writes out what each colour means).
    await page.check('#budget-metric-paid');
    await page.waitForURL((u) => u.searchParams.get('metric') === 'paid');
    await page.check('#budget-metric-execution');
    await page.waitForURL((u) => u.searchParams.get('metric') === 'execution');
    const legend = await page.textContent('.budget-legend');
    for (const status of ['green', 'yellow', 'red', 'none'] as const) {
      expect(legend).toContain(kk[`budget.status.${status}`]);
      expect(legend).toContain(kk[`budget.status.${status}.meaning`]);
    }
    expect(await page.locator('.legend-status .kz-swatch').count()).toBe(4);

    // The year is in the address; a shared address opens the same view.
    const other = (await api<Years>('/years')).years.find((y) => y !== year);
    if (other) {
      await page.selectOption('[data-testid="budget-year"]', String(other));
      await page.waitForURL((u) => u.searchParams.get('year') === String(other));
      await ready(page, '[data-testid="budget-regions-table"]');
    }
    await page.goto(url(`/budget?year=${year}&metric=paid`));
    await ready(page, '[data-testid="kz-map"] [data-region]');
    expect(await page.isChecked('#budget-metric-paid')).toBe(true);

    // CSV of this view (the same API address with format=csv) and the data package.
    const csv = await page.getAttribute('[data-testid="budget-csv"]', 'href');
    expect(csv).toBe(`/api/v1/budget/regions?year=${year}&format=csv`);
    const csvAnswer = await fetch(url(csv!));
    expect(csvAnswer.status).toBe(200);
    expect(csvAnswer.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csvAnswer.text()).split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(21);
    const datapackage = await page.getAttribute('[data-testid="budget-datapackage"]', 'href');
    expect(datapackage).toBe('/api/v1/budget/open-data/datapackage.json');
    const descriptor = (await (await fetch(url(datapackage!))).json()) as { resources: unknown[] };
    expect(descriptor.resources.length).toBeGreaterThan(0);

    expectCleanPage(page, foreign);
    await page.context().close();
  }, 120_000);

  it('a keyboard-only user drills down: region → institution → the ledger history of a line', async () => {
    const page = await newPage(browser, { locale: 'kk-KZ' });
    const foreign = watchForeignRequests(page);
    await page.goto(url(`/budget?year=${year}`));
    await ready(page, '[data-testid="kz-map"] [data-region]');

    // From the metric switch, Tab through the map to the region; Space opens it.
    await page.focus('input[name="metric"]:checked');
    await tabTo(page, `[data-region="${target.regionId}"]`, 40);
    expect(await page.textContent('[data-testid="kz-map-info"]')).toBe(
      await page.getAttribute(`[data-region="${target.regionId}"]`, 'aria-label'),
    );
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.pathname === `/budget/regions/${target.regionId}`);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
    await ready(page, '[data-testid="budget-institutions-table"]');
    // The new page's heading has the focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Sort by name (a link: Enter); the focus stays on the header it sorted by.
    await tabTo(page, 'a[data-sort="name"]');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'name' && u.searchParams.get('order') === 'asc');
    await page.waitForSelector('th[aria-sort="ascending"] a[data-sort="name"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-sort'))).toBe('name');
    const names = await page.$$eval('[data-testid="budget-institutions-table"] tbody tr a.institution-link', (links) =>
      links.map((a) => a.textContent ?? ''),
    );
    expect(names.length).toBeGreaterThan(0);
    const bin = (await page.getAttribute('[data-testid="budget-institutions-table"] tbody tr', 'data-bin'))!;
    expect(bin).toMatch(/^\d{12}$/);

    // The first institution (Enter), then its first budget line (Enter).
    await tabTo(page, `tr[data-bin="${bin}"] a.institution-link`);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/budget/institutions/${bin}`);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
    await ready(page, '[data-testid="budget-lines-table"]');
    const lineId = (await page.getAttribute('[data-testid="budget-lines-table"] tbody tr', 'data-line'))!;
    await tabTo(page, `tr[data-line="${lineId}"] a.line-link`);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/budget/lines/${encodeURIComponent(lineId)}`);
    await ready(page, '[data-testid="budget-history-table"]');
    const line = await api<Line>(`/lines/${encodeURIComponent(lineId)}`);
    expect(await page.locator('[data-testid="budget-history-table"] tbody tr').count()).toBe(line.history.length);
    expect(await page.textContent('[data-testid="budget-history-table"] tbody tr:first-child')).toContain(
      kk['budget.history.type.allocation-approved'],
    );
    // The line's totals, to the tiyn.
    expect(BigInt(digitsOf(await page.textContent('[data-testid="budget-line-paid"]')))).toBe(BigInt(line.paid));
    // The breadcrumbs lead back up, and the CSV is the line's own.
    expect(await page.locator('.breadcrumbs a').count()).toBe(3);
    expect(await page.getAttribute('[data-testid="budget-csv"]', 'href')).toBe(
      `/api/v1/budget/lines/${encodeURIComponent(lineId)}?format=csv`,
    );
    await screenshot(page, 'budget-line-kk');

    // Search (keyboard again): a BIN finds its institution; the result is announced.
    await page.goto(url(`/budget/regions/${target.regionId}?year=${year}`));
    await ready(page, '[data-testid="budget-institutions-table"]');
    await page.focus('#budget-q');
    await page.keyboard.type(target.bin);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === target.bin);
    await page.waitForFunction((bin) => {
      const rows = [...document.querySelectorAll('[data-testid="budget-institutions-table"] tbody tr')];
      return rows.length === 1 && rows[0]!.getAttribute('data-bin') === bin;
    }, target.bin);
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="live-polite"]')?.textContent ?? '').length > 0,
    );

    expectCleanPage(page, foreign);
    await page.context().close();
  }, 120_000);

  it('every budget page changes every text with the language and has no axe-core violations in kk, ru and en', async () => {
    const page = await newPage(browser, { locale: 'kk-KZ' });
    const foreign = watchForeignRequests(page);
    const failures: string[] = [];

    const checkPage = async (name: string, route: string, selector: string) => {
      await page.goto(url(route));
      await ready(page, selector);
      const texts: Record<string, Set<string>> = {};
      for (const lang of LANGS) {
        await page.click(`header button[data-lang="${lang}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await ready(page, selector);
        const { list, labels } = await page.evaluate(() => {
          const out: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
            if (!/\p{L}/u.test(text)) continue;
            // Data (names, amounts, codes) and the brand are not dictionary texts.
            // The heading of a region, an institution or a line is its name (checked on the map page).
            if (node.parentElement?.closest('[translate="no"], [data-content], main h1, script, style')) continue;
            out.push(text);
          }
          const names = [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
          return { list: out, labels: names };
        });
        const missing = [...list, ...labels].filter((t) => t.includes('⟦'));
        if (missing.length) failures.push(`${name} ${lang}: missing dictionary keys ${missing.join(', ')}`);
        texts[lang] = new Set(list);
        const violations = await axeScan(page, { tags: WCAG22_AA });
        if (violations.length) failures.push(`${name} ${lang}: axe-core\n${formatViolations(violations)}`);
        if (await page.locator('.notice-error').count())
          failures.push(`${name} ${lang}: shows an error: ${await page.textContent('.notice-error')}`);
      }
      for (const [a, b] of [
        ['kk', 'ru'],
        ['kk', 'en'],
        ['ru', 'en'],
      ] as const) {
        const same = [...texts[a]!].filter((t) => texts[b]!.has(t));
        if (same.length)
          failures.push(`${name}: the same text in ${a} and ${b}: ${same.map((s) => JSON.stringify(s)).join(', ')}`);
      }
      await screenshot(page, `budget-${name}`); // in English, the last language
    };

    await checkPage('map', `/budget?year=${year}`, '[data-testid="kz-map"] [data-region]');
    // The map's accessible names follow the language too (English region names).
    const region = regions.items.find((r) => r.regionId === target.regionId)!;
    expect(await page.getAttribute(`[data-region="${region.regionId}"]`, 'aria-label')).toMatch(
      new RegExp(`^${region.name.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
    );
    expect(await page.textContent('main h1')).toBe(en['budget.map.title']);
    await checkPage('map-execution', `/budget?year=${year}&metric=execution`, '.legend-status');
    await checkPage(
      'region',
      `/budget/regions/${target.regionId}?year=${year}`,
      '[data-testid="budget-institutions-table"]',
    );
    await checkPage(
      'institution',
      `/budget/institutions/${target.bin}?year=${year}`,
      '[data-testid="budget-lines-table"]',
    );
    await checkPage(
      'line',
      `/budget/lines/${encodeURIComponent(target.lineId)}`,
      '[data-testid="budget-history-table"]',
    );

    // The map in Kazakhstan's state language, with a region in focus, for the docs.
    await page.click('header button[data-lang="kk"]');
    await page.goto(url(`/budget?year=${year}`));
    await ready(page, '[data-testid="kz-map"] [data-region]');
    await page.focus('input[name="metric"]:checked');
    await tabTo(page, `[data-region="${target.regionId}"]`, 40);
    const focused = await axeScan(page, { tags: WCAG22_AA });
    if (focused.length) failures.push(`map with a focused region: axe-core\n${formatViolations(focused)}`);
    await screenshot(page, 'budget-map-kk');

    expect(failures).toEqual([]);
    expectCleanPage(page, foreign);
    await page.context().close();
  }, 180_000);
});
