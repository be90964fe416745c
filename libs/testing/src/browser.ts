/**
 * A real browser for end-to-end tests: Debian's Chromium (`apt-get install -y chromium`, or
 * `CHROMIUM_PATH`) driven by `playwright-core` (no browser download), axe-core accessibility
 * scans (WCAG 2.1 A and AA, the base of ST RK 2191-2023) and full-page screenshots for the docs.
 *
 *   if (!chromiumAvailable()) ... skip with one line saying why
 *   const browser = await launchBrowser();
 *   const page = await newPage(browser, { locale: 'kk' });
 *   await page.goto(platform.gatewayUrl);
 *   expect(await axeScan(page)).toEqual([]);
 *   await screenshot(page, 'home-kk');
 *   await browser.close();
 *
 * `playwright-core` and `axe-core` are loaded on first use, so importing `@adal/testing`
 * stays cheap for suites that never open a browser.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = (): string => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Whether the Chromium of `chromiumPath()` is installed (tests skip, saying so, when it is not). */
export const chromiumAvailable = (): boolean => existsSync(chromiumPath());

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-dev-shm-usage',
] as const;

/** Starts headless Chromium. Close it with `browser.close()` (it closes every page). */
export const launchBrowser = async (): Promise<Browser> => {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
};

export interface NewPageOptions {
  /** `Accept-Language` and `navigator.language`, e.g. `kk-KZ`, `ru-RU`, `en-US`. Default `kk-KZ`. */
  locale?: string;
  /** Default 1280x800. */
  viewport?: { width: number; height: number };
  /** Default `Asia/Almaty`. */
  timezoneId?: string;
  /** Anything else for the page's own browser context. */
  context?: BrowserContextOptions;
}

/**
 * What went wrong in a page so far: console errors (CSP violations among them), uncaught
 * errors, requests that failed (network) and answers with an error status (`404 GET <url>`).
 */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  errorResponses: string[];
}

const problems = new WeakMap<Page, PageProblems>();

/**
 * A page in a fresh browser context (no shared cookies or storage), in `locale` and the
 * Almaty time zone, recording its problems (`pageProblems(page)`). Closing the browser closes it;
 * `page.context().close()` closes it alone.
 */
export const newPage = async (browser: Browser, options: NewPageOptions = {}): Promise<Page> => {
  const context = await browser.newContext({
    locale: options.locale ?? 'kk-KZ',
    timezoneId: options.timezoneId ?? 'Asia/Almaty',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...options.context,
  });
  const page = await context.newPage();
  const record: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], errorResponses: [] };
  problems.set(page, record);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    record.consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      record.errorResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('requestfailed', (request) =>
    record.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  return page;
};

/** The problems `newPage` recorded for `page` (live arrays). */
export const pageProblems = (page: Page): PageProblems =>
  problems.get(page) ?? { consoleErrors: [], pageErrors: [], failedRequests: [], errorResponses: [] };

/** The WCAG 2.1 A and AA rules (ST RK 2191-2023 follows WCAG 2.1 AA). */
export const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  /** Rule id, e.g. `color-contrast`. */
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; html: string; failureSummary: string }>;
}

export interface AxeScanOptions {
  /** CSS selectors to leave out of the scan (e.g. a third-party widget). */
  exclude?: string[];
  /** Rule tags to run. Default: WCAG 2.1 A and AA. */
  tags?: readonly string[];
}

let axeSource: string | undefined;

/** `axe-core`'s browser bundle (`axe.source`), read once. */
const loadAxeSource = async (): Promise<string> => {
  if (axeSource === undefined) {
    const axe = await import('axe-core');
    axeSource = (axe as unknown as { default?: { source: string }; source?: string }).default?.source ?? axe.source;
  }
  return axeSource;
};

/**
 * Runs axe-core in the page as it is now and returns the violations (empty when none). axe is
 * injected through the DevTools protocol, so the page's Content-Security-Policy stays as strict
 * as in production.
 */
export const axeScan = async (page: Page, options: AxeScanOptions = {}): Promise<AxeViolation[]> => {
  const source = await loadAxeSource();
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(source);
  return page.evaluate(
    async ({ exclude, tags }) => {
      type Axe = {
        run: (
          context: unknown,
          options: unknown,
        ) => Promise<{
          violations: Array<{
            id: string;
            impact?: AxeViolation['impact'];
            help: string;
            helpUrl: string;
            nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
          }>;
        }>;
      };
      const axe = (globalThis as unknown as { axe: Axe }).axe;
      const context =
        exclude.length > 0
          ? { exclude: exclude.map((selector) => [selector]) }
          : (globalThis as unknown as { document: unknown }).document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
          html: n.html,
          failureSummary: n.failureSummary ?? '',
        })),
      }));
    },
    { exclude: options.exclude ?? [], tags: [...(options.tags ?? WCAG21_AA_TAGS)] },
  );
};

/** Violations as readable lines, for an assertion message or a log. */
export const formatViolations = (violations: AxeViolation[]): string =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help} ${v.helpUrl}\n` +
        v.nodes.map((n) => `  at ${n.target.join(', ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'),
    )
    .join('\n');

/** The repository's `docs/screens/` (this file is `libs/testing/{src,dist}/browser.*`). */
export const SCREENS_DIR = fileURLToPath(new URL('../../../docs/screens/', import.meta.url));

/**
 * Saves a full-page PNG of `page` as `docs/screens/<name>.png` (for the README) and returns its
 * path. Names are file-name safe: letters, digits, `.`, `_`, `-`.
 */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
    throw new Error(`screenshot name "${name}" must be a plain file name`);
  await mkdir(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
};
