// The web app in a real Chromium against the real platform (gateway serving apps/web/dist,
// appointments, PostgreSQL, Kafka): a citizen books, reschedules and cancels with the keyboard
// only; an official publishes hours and completes a reception; every page changes every text
// with the language switch and has no axe-core violations in kk, ru and en (screenshots of each
// page go to docs/screens/). Needs `npm run build` first; skipped, saying why, without Chromium.
import { existsSync } from 'node:fs';
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
import { kk } from '../src/i18n/messages/kk';

const hasChromium = chromiumAvailable();
if (!hasChromium) {
  process.stderr.write(`[skip] web app browser tests: no Chromium at ${chromiumPath()} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
}
const describeWithChromium = hasChromium ? describe : describe.skip;

const HEAD = 'official-akimat-head'; // akim-nurlan: weekly, Wednesday 10:00-13:00, in person
const DEPUTY = 'official-akimat-deputy'; // deputy-gulnar: daily 15:00-17:00, remote
const LANGS = ['kk', 'ru', 'en'] as const;

let platform: Platform;
let browser: Browser;

// ---- the API, for setting up data and checking results ------------------------------------------

interface BookingBody {
  bookingId: string;
  status: string;
  date: string;
  slotStart: string;
  mode: string;
  joinUrl?: string;
  outcome?: string;
  followUpRequestedAt?: string;
}
interface FreeSlotsBody {
  days: Array<{ date: string; slots: Array<{ start: string; mode: string }> }>;
}

const call = async <T>(method: string, route: string, token?: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${platform.gatewayUrl}/api/v1${route}`, {
    method,
    headers: {
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
};

const signInApi = async (userId: string): Promise<string> =>
  (await call<{ accessToken: string }>('POST', '/auth/dev/sign-in', undefined, { userId })).accessToken;

const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> => {
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
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const almatyToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The first free slot of an official (optionally of one mode) in the next 31 days, once the read model has it. */
const firstFreeSlot = (officialId: string, mode?: string) =>
  eventually(`a free ${mode ?? ''} slot of ${officialId}`, async () => {
    const from = almatyToday();
    const free = await call<FreeSlotsBody>('GET', `/officials/${officialId}/free-slots?from=${from}&to=${plusDays(from, 30)}`);
    for (const day of free.days) {
      const slot = day.slots.find((s) => !mode || s.mode === mode);
      if (slot) return { date: day.date, slotStart: slot.start };
    }
    return undefined;
  });

/** Holds and confirms the first free slot of `officialId` for the citizen behind `token`. */
const bookByApi = async (token: string, officialId: string, mode: 'in_person' | 'remote', purpose: string) => {
  const slot = await firstFreeSlot(officialId, mode);
  const held = await call<BookingBody>('POST', '/bookings/holds', token, { officialId, ...slot });
  return call<BookingBody>('POST', `/bookings/${held.bookingId}/confirm`, token, { purpose, language: 'ru', channel: mode });
};

// ---- the browser ---------------------------------------------------------------------------------

const url = (route: string) => `${platform.gatewayUrl}${route}`;

/** Waits until the page has its content (its h1, nothing loading) plus `selector` when given. */
const ready = async (page: Page, selector?: string) => {
  await page.waitForFunction(() => document.querySelector('main h1') !== null && document.querySelector('.loading') === null, undefined, {
    timeout: 15_000,
  });
  if (selector) await page.waitForSelector(selector, { timeout: 15_000 });
};

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` (and contains `text`). */
const tabTo = async (page: Page, selector: string, options: { text?: string; back?: boolean; max?: number } = {}) => {
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate(
      ({ selector, text }) => {
        const el = document.activeElement;
        return el !== null && el.matches(selector) && (!text || (el.textContent ?? '').includes(text));
      },
      { selector, text: options.text },
    );
    if (hit) return;
  }
  throw new Error(`the keyboard never reached ${selector}${options.text ? ` with "${options.text}"` : ''}`);
};

const focused = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');

const signInUi = async (page: Page, userId: string) => {
  await page.goto(url('/sign-in'));
  await ready(page, `input[value="${userId}"]`);
  await page.check(`input[value="${userId}"]`);
  await page.click('form button[type="submit"]');
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
};

/** No uncaught errors and no console errors, except API refusals the test provoked on purpose. */
const expectNoPageProblems = (page: Page, expectedStatuses: number[] = []) => {
  const problems = pageProblems(page);
  const consoleErrors = problems.consoleErrors.filter(
    (line) => !expectedStatuses.some((status) => line.includes(`status of ${status}`)),
  );
  expect({ pageErrors: problems.pageErrors, consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
};

/** Clicks and waits for the API answer of a command whose path contains `route`; it must succeed. */
const clickAndAwait = async (page: Page, target: ReturnType<Page['locator']>, route: string) => {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.includes(route) && r.request().method() !== 'GET'),
    target.click(),
  ]);
  expect(response.status()).toBeLessThan(300);
};

describeWithChromium('the web app in a browser', () => {
  beforeAll(async () => {
    const index = path.join(REPO_ROOT, 'apps/web/dist/index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` first`);
    [platform, browser] = await Promise.all([startPlatform({ label: 'web_app', telemetry: false }), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('a citizen books, reschedules and cancels with the keyboard only', async () => {
    const page = await newPage(browser, { locale: 'kk-KZ' });
    await page.goto(url('/sign-in'));
    await ready(page, 'input[value="citizen-daniyar"]');

    // The skip link comes first and jumps to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);

    // Sign in as Daniyar: Tab into the citizens' radios, Space selects, arrow keys move on.
    await tabTo(page, 'input[name="user-citizen"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('citizen-daniyar');
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/offices');
    await ready(page, 'a[href="/offices/office-akimat"]');
    expect(await focused(page)).toBe('h1'); // focus moves to the new page's heading

    // Office, then official.
    await tabTo(page, 'a[href="/offices/office-akimat"]');
    await page.keyboard.press('Enter');
    await ready(page, `a[href="/officials/${DEPUTY}/slots"]`);
    await tabTo(page, `a[href="/officials/${DEPUTY}/slots"]`);
    await page.keyboard.press('Enter');
    await ready(page, '.slot-grid button');

    // Calendar to list with the arrow keys, then hold the first free time.
    await tabTo(page, 'input[name="slot-view"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.slot-list button');
    expect(await page.locator('.slot-grid').count()).toBe(0);
    await tabTo(page, '.slot-list button');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/confirm');
    await ready(page, '#purpose');
    await page.waitForSelector('[role="timer"]');

    // More time: the extend route answers and a screen reader hears it.
    await tabTo(page, '.hold-timer button');
    const [extended] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/hold/extend')),
      page.keyboard.press('Enter'),
    ]);
    expect(extended.status()).toBe(200);
    const extendedText = kk['hold.extended'].split('{')[0]!;
    await page.waitForFunction(
      (text) => (document.querySelector('[data-testid="live-polite"]')?.textContent ?? '').startsWith(text),
      extendedText,
    );

    // An empty purpose: the error summary takes focus and links to the field.
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getAttribute('#purpose', 'aria-invalid')).toBe('true');
    await tabTo(page, '.error-summary a');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('purpose');
    await page.keyboard.type('Уличное освещение во дворе');
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');

    // My bookings shows it confirmed.
    await page.waitForURL('**/bookings');
    await ready(page, '.booking-card .badge-confirmed');
    const bookingId = await page.evaluate(() =>
      document.querySelector('.booking-card a[href$="/reschedule"]')!.getAttribute('href')!.split('/')[2]!,
    );
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('adal.session')!) as { token: string }).token);
    const booked = await call<BookingBody>('GET', `/bookings/${bookingId}`, token);
    expect(booked.status).toBe('confirmed');

    // Reschedule: choose another free time, confirm in the dialog.
    await tabTo(page, '.booking-card a[href$="/reschedule"]');
    await page.keyboard.press('Enter');
    await ready(page, '.slot-grid button');
    await tabTo(page, '.slot-grid button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/bookings');
    await ready(page, '.booking-card .badge-confirmed');
    const moved = await call<BookingBody>('GET', `/bookings/${bookingId}`, token);
    expect(moved.status).toBe('confirmed');
    expect(`${moved.date} ${moved.slotStart}`).not.toBe(`${booked.date} ${booked.slotStart}`);

    // Cancel: the dialog starts on "keep it"; Shift+Tab reaches "yes, cancel".
    await tabTo(page, '.booking-card button.button-danger');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('button-danger'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice-success');
    await page.waitForSelector('.booking-card .badge-cancelled');
    expect((await call<BookingBody>('GET', `/bookings/${bookingId}`, token)).status).toBe('cancelled');
    expectNoPageProblems(page);
    await page.context().close();
  }, 120_000);

  it('an official publishes reception hours and completes a remote reception', async () => {
    const page = await newPage(browser, { locale: 'kk-KZ' });
    await signInUi(page, 'akim-nurlan');
    await page.goto(url('/official/hours'));
    await ready(page, 'table.data-table');

    // Hours that overlap the seeded Wednesday hours: the service's problem shows, field by field, in Kazakh.
    await page.check('#rule-recurrence'); // weekly
    await page.selectOption('#rule-weekday', '3');
    await page.fill('#rule-start', '10:00');
    await page.fill('#rule-end', '11:00');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('.error-summary a[href="#rule-start"]');
    expect(await page.getAttribute('#rule-start', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#rule-start-error')).toMatch(/[әіңғүұқөһ]/); // Kazakh letters

    // Weekly remote hours on Thursday evenings (a head receives weekly).
    await page.selectOption('#rule-weekday', '4');
    await page.fill('#rule-start', '18:00');
    await page.fill('#rule-end', '19:00');
    await page.fill('#rule-slot-minutes', '30');
    await page.check('#rule-mode-remote');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('.notice-success');
    expect(await page.locator('table.data-table tbody tr').count()).toBe(2);

    // A citizen books one of the new remote times (through the API).
    const citizen = await signInApi('citizen-aigerim');
    const booking = await bookByApi(citizen, HEAD, 'remote', 'Детская площадка');
    const official = await signInApi('akim-nurlan');
    await eventually('the booking on the agenda', async () => {
      const agenda = await call<{ bookings: BookingBody[] }>('GET', `/officials/${HEAD}/agenda?date=${booking.date}`, official);
      return agenda.bookings.some((b) => b.bookingId === booking.bookingId) ? true : undefined;
    });

    // The day's agenda: start, open the room, end, record the outcome, ask for a follow-up appeal.
    await page.click('nav a[href="/official/agenda"]');
    await ready(page, '#agenda-date');
    await page.fill('#agenda-date', booking.date);
    await page.click('.date-form button[type="submit"]');
    const card = page.locator(`article[aria-labelledby="agenda-${booking.bookingId}"]`);
    await card.locator('.badge-confirmed').waitFor();
    await clickAndAwait(page, card.locator('button.button-primary'), '/remote/start');
    await card.locator('.badge-in_progress').waitFor();
    expect(await card.locator(`a[href="${booking.joinUrl}"]`).count()).toBe(1);
    await clickAndAwait(page, card.locator('.actions button.button-secondary'), '/remote/end');
    await page.selectOption(`#outcome-${booking.bookingId}`, 'appeal_needed');
    await page.fill(`#summary-${booking.bookingId}`, 'Нужен письменный запрос в отдел ЖКХ');
    await clickAndAwait(page, card.locator('form button[type="submit"]'), '/outcome');
    await card.locator('.badge-completed').waitFor();
    await clickAndAwait(page, card.locator('.actions button.button-secondary'), '/follow-up');
    await card.locator('.badge-line').waitFor();

    const done = await call<BookingBody>('GET', `/bookings/${booking.bookingId}`, official);
    expect(done.status).toBe('completed');
    expect(done.outcome).toBe('appeal_needed');
    expect(done.followUpRequestedAt).toBeDefined();

    // Withdraw the Thursday hours again.
    await page.click('nav a[href="/official/hours"]');
    await ready(page, 'table.data-table');
    await page.locator('table.data-table tbody tr', { hasText: '18:00' }).locator('button').click();
    await page.waitForSelector('dialog[open]');
    await clickAndAwait(page, page.locator('dialog[open] button.button-danger'), '/reception-rules/');
    await page.waitForFunction(() => document.querySelectorAll('table.data-table tbody tr').length === 1);
    expectNoPageProblems(page, [409]);
    await page.context().close();
  }, 120_000);

  it('every page changes every text with the language and has no axe-core violations in kk, ru and en', async () => {
    // Data for the pages: Svetlana has a confirmed in-person booking with the akim and holds a
    // time of the deputy; the akim's agenda shows her booking.
    const svetlana = await signInApi('citizen-svetlana');
    const confirmed = await bookByApi(svetlana, HEAD, 'in_person', 'Ремонт дороги на улице Абая');
    const holdSlot = await firstFreeSlot(DEPUTY);
    const held = await call<BookingBody>('POST', '/bookings/holds', svetlana, { officialId: DEPUTY, ...holdSlot });
    await eventually('both bookings in the read model', async () => {
      const mine = await call<{ bookings: BookingBody[] }>('GET', '/bookings/mine', svetlana);
      return mine.bookings.length >= 2 ? true : undefined;
    });

    const page = await newPage(browser, { locale: 'kk-KZ' });
    const failures: string[] = [];

    /** Visits a page, switches through the languages with the header's switch, checks each. */
    const checkPage = async (name: string, route: string, selector: string) => {
      await page.goto(url(route));
      await ready(page, selector);
      const texts: Record<string, Set<string>> = {};
      const titles: string[] = [];
      for (const lang of LANGS) {
        await page.click(`header button[data-lang="${lang}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await ready(page, selector);
        expect(await page.evaluate(() => localStorage.getItem('adal.lang'))).toBe(lang);
        titles.push(await page.title());
        // Every text node with letters, except names and what people typed (marked in the markup).
        const list = await page.evaluate(() => {
          const out: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
            if (!/\p{L}/u.test(text)) continue;
            if (node.parentElement?.closest('[translate="no"], [data-content="user"], script, style')) continue;
            out.push(text);
          }
          return out;
        });
        const missing = list.filter((t) => t.includes('⟦'));
        if (missing.length) failures.push(`${name} ${lang}: missing dictionary keys ${missing.join(', ')}`);
        texts[lang] = new Set(list);
        const violations = await axeScan(page);
        if (violations.length) failures.push(`${name} ${lang}: axe-core\n${formatViolations(violations)}`);
        if (await page.locator('.notice-error').count()) failures.push(`${name} ${lang}: shows an error: ${await page.textContent('.notice-error')}`);
      }
      for (const [a, b] of [
        ['kk', 'ru'],
        ['kk', 'en'],
        ['ru', 'en'],
      ] as const) {
        const same = [...texts[a]!].filter((t) => texts[b]!.has(t));
        if (same.length) failures.push(`${name}: the same text in ${a} and ${b}: ${same.map((s) => JSON.stringify(s)).join(', ')}`);
      }
      if (new Set(titles).size !== 3) failures.push(`${name}: <title> is not translated: ${titles.join(' | ')}`);
      await screenshot(page, name); // in English, the last language
    };

    await checkPage('sign-in', '/sign-in', 'input[value="citizen-svetlana"]');
    await signInUi(page, 'citizen-svetlana');
    await checkPage('offices', '/offices', '.cards');
    await checkPage('officials', '/offices/office-akimat', '.cards');
    await checkPage('slots-calendar', `/officials/${DEPUTY}/slots`, '.slot-grid');
    await checkPage('slots-list', `/officials/${DEPUTY}/slots?view=list`, '.slot-list');
    await checkPage('hold-confirm', `/bookings/${held.bookingId}/confirm`, '#purpose');
    await checkPage('my-bookings', '/bookings', '.booking-card .badge-held');
    await checkPage('reschedule', `/bookings/${confirmed.bookingId}/reschedule`, '.slot-grid');
    await page.click('header .account button'); // sign out
    await signInUi(page, 'akim-nurlan');
    await checkPage('official-hours', '/official/hours', 'table.data-table');
    await checkPage('agenda', `/official/agenda?date=${confirmed.date}`, `#outcome-${confirmed.bookingId}`);

    expect(failures).toEqual([]);
    expectNoPageProblems(page);
    await page.context().close();
  }, 150_000);
});
