// The web app as citizens get it: the real platform (gateway serving apps/web/dist, appointments,
// PostgreSQL, Kafka) and a real Chromium. Needs `npm run build` and `npm run build -w @adal/web`
// first (the root `npm test` builds both); skipped, with one line saying why, without Chromium.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  axeScan,
  chromiumAvailable,
  chromiumPath,
  formatViolations,
  launchBrowser,
  newPage,
  pageProblems,
  REPO_ROOT,
  startPlatform,
  type Platform,
} from '@adal/testing';

const hasChromium = chromiumAvailable();
if (!hasChromium) {
  process.stderr.write(
    `[skip] web app smoke test: no Chromium at ${chromiumPath()} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`,
  );
}
const describeWithChromium = hasChromium ? describe : describe.skip;

describeWithChromium('the web app served by the gateway (smoke)', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    const index = path.join(REPO_ROOT, 'apps/web/dist/index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build -w @adal/web\` first`);
    platform = await startPlatform({ label: 'web_smoke', telemetry: false });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('opens / in Kazakh with a language, a main landmark, no axe-core violations and nothing blocked by the CSP', async () => {
    const page = await newPage(browser, { locale: 'kk-KZ' });
    const response = await page.goto(`${platform.gatewayUrl}/`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');

    await page.waitForSelector('main, [role="main"]', { timeout: 15_000 });
    const lang = await page.evaluate('document.documentElement.lang');
    expect(lang).toMatch(/^(kk|ru|en)\b/);
    expect(await page.locator('main, [role="main"]').count()).toBe(1);

    const violations = await axeScan(page);
    if (violations.length > 0)
      throw new Error(`axe-core found ${violations.length} violation(s):\n${formatViolations(violations)}`);

    const problems = pageProblems(page);
    // Chromium fetches /favicon.ico on its own while index.html names no icon; that is not the page failing.
    const consoleErrors = problems.consoleErrors.filter((line) => !line.endsWith('/favicon.ico)'));
    expect({ ...problems, consoleErrors }).toEqual({
      consoleErrors: [],
      pageErrors: [],
      failedRequests: [],
      errorResponses: [],
    });
  });
});
