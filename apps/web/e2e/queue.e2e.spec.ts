// The electronic queue in a real Chromium against the real platform (gateway serving
// apps/web/dist, appointments, reception-queue, PostgreSQL, Kafka): three citizens take tickets on
// the citizen page, a clerk serves them from the console (with the keyboard only for one of
// them) while the hall board updates live over server-sent events and says each call aloud;
// each citizen's ticket page follows. A clerk checks in a citizen who booked an in-person
// reception (the booking reaches the queue through Kafka) on the check-in screen, and that ticket is
// called before the walk-ins who came earlier; the public statistics page shows the served visits.
// Every queue page in kk, ru and en: every text translated, no axe-core violations, screenshots to
// docs/screens/queue-*.png.
// Needs `npm run build` first; skipped, saying why, without Chromium or without a built
// reception-queue service that serves the queue routes.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { appointments, type IntegrationEnvelope } from '@adal/contracts';
import { KafkaMessageBus } from '@adal/messaging';
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

/** Whether the built reception-queue service has the queue routes (its board stream among them). */
const queueServiceBuilt = (): boolean => {
  const dist = path.join(REPO_ROOT, 'services/reception-queue/dist');
  if (!existsSync(path.join(dist, 'main.js'))) return false;
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  return files.some((f) => /board\/stream|['"`]stream['"`]/.test(readFileSync(path.join(dist, f), 'utf8')));
};

const hasChromium = chromiumAvailable();
const hasQueue = queueServiceBuilt();
if (!hasChromium) {
  process.stderr.write(
    `[skip] queue browser tests: no Chromium at ${chromiumPath()} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`,
  );
} else if (!hasQueue) {
  process.stderr.write(
    '[skip] queue browser tests: services/reception-queue/dist does not serve the queue routes yet (npm run build)\n',
  );
}
const describeWhenReady = hasChromium && hasQueue ? describe : describe.skip;

const OFFICE = 'office-psc';
const LANGS = ['kk', 'ru', 'en'] as const;
/**
 * The topic the queue takes appointments' events from in this test: the test plays appointments
 * and publishes a confirmed in-person booking for today (any day of the week, any hour), without
 * putting a booking appointments never made into appointments' own topic.
 */
const ARRIVALS_TOPIC = `webqueue${randomUUID().slice(0, 8)}.appointments.events`;

let platform: Platform;
let browser: Browser;
/** Visits of `documents` finished so far in this file (the statistics must show them all). */
let servedDocuments = 0;

interface Setup {
  services: Array<{ serviceId: string; prefix: string }>;
  desks: Array<{ deskId: string; name: string; serviceIds: string[] }>;
}
interface Board {
  calls: Array<{ number: string; deskName: string }>;
  waiting: Record<string, number>;
}
interface TicketView {
  number: string;
  status: string;
  position: number;
}

const almatyToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

const api = async <T>(route: string): Promise<T> => {
  const response = await fetch(`${platform.gatewayUrl}/api/v1${route}`, { headers: { 'accept-language': 'en' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
};

const send = async <T>(method: string, route: string, token: string | undefined, body?: unknown): Promise<T> => {
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

const url = (route: string) => `${platform.gatewayUrl}${route}`;

const ready = async (page: Page, selector?: string) => {
  await page.waitForFunction(
    () => document.querySelector('main h1') !== null && document.querySelector('.loading') === null,
    undefined,
    {
      timeout: 15_000,
    },
  );
  if (selector) await page.waitForSelector(selector, { timeout: 15_000 });
};

const tabTo = async (page: Page, selector: string, options: { back?: boolean; max?: number } = {}) => {
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
  }
  throw new Error(`the keyboard never reached ${selector}`);
};

const focusedAction = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.id ?? '');

/**
 * A speech synthesis that records what it is asked to say, with a Kazakh and a Russian voice
 * (headless Chromium has none): the board's announcements become observable.
 */
const recordSpeech = () => {
  const spoken: Array<{ text: string; lang: string; voice: string }> = [];
  const voices = [
    { name: 'Test Kazakh', lang: 'kk-KZ', default: false, localService: true, voiceURI: 'test-kk' },
    { name: 'Test Russian', lang: 'ru-RU', default: false, localService: true, voiceURI: 'test-ru' },
    { name: 'Test English', lang: 'en-US', default: true, localService: true, voiceURI: 'test-en' },
  ];
  // Utterances that accept the voices above (the browser's own refuses objects it did not make).
  class Utterance {
    text: string;
    lang = '';
    rate = 1;
    voice: { name: string } | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  const synth = {
    getVoices: () => voices,
    speak: (u: { text: string; lang: string; voice?: { name: string } | null }) => {
      if (u.text) spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' });
    },
    cancel: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
};

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken);

const signInUi = async (page: Page, userId: string) => {
  await page.goto(url('/sign-in'));
  await ready(page, `input[value="${userId}"]`);
  await page.check(`input[value="${userId}"]`);
  await page.click('form button[type="submit"]');
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
};

/** A citizen takes a ticket of `serviceId` on the web page; answers the ticket page's number. */
const takeTicket = async (
  page: Page,
  serviceId: string,
  priority?: string,
): Promise<{ number: string; ticketUrl: string }> => {
  await page.goto(url(`/queue?office=${OFFICE}`));
  await ready(page, `input[name="ticket-service"][value="${serviceId}"]`);
  await page.check(`input[name="ticket-service"][value="${serviceId}"]`);
  if (priority) await page.check(`input[name="ticket-priority"][value="${priority}"]`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/tickets') && r.request().method() === 'POST'),
    page.click('form button[type="submit"]'),
  ]);
  expect(response.status()).toBe(201);
  await page.waitForURL('**/tickets/**');
  await ready(page, '.ticket-number');
  return { number: (await page.textContent('.ticket-number'))!.trim(), ticketUrl: page.url() };
};

/** The API route of a ticket, from its page's address (`/queue/{office}/{date}/tickets/{id}`). */
const ticketRoute = (ticketUrl: string): string => {
  const [, office, date, , id] = new URL(ticketUrl).pathname.split('/').filter(Boolean);
  return `/queue/offices/${office}/days/${date}/tickets/${id}`;
};

const spokenCount = async (page: Page) => (await spoken(page)).length;

const clickAction = async (page: Page, action: string) => {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/${action}`) && r.request().method() === 'POST'),
    page.click(`[data-action="${action}"]`),
  ]);
  expect(response.status()).toBe(200);
};

/** No uncaught errors and no console errors, except API refusals the test provoked on purpose. */
const expectNoPageProblems = (page: Page, expectedStatuses: number[] = []) => {
  const problems = pageProblems(page);
  const consoleErrors = problems.consoleErrors.filter(
    (line) => !expectedStatuses.some((status) => line.includes(`status of ${status}`)),
  );
  expect({ pageErrors: problems.pageErrors, consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
};

/**
 * Opens `route`, then in kk, ru and en: no dictionary key missing, no axe-core violation, no error
 * shown, and no text the same in two languages (user content and `translate="no"` aside). Ends in
 * English, with a screenshot `queue-<name>` unless told otherwise.
 */
const checkEveryLanguage = async (
  page: Page,
  name: string,
  route: string,
  selector: string,
  failures: string[],
  options: { screenshot?: boolean } = {},
) => {
  await page.goto(url(route));
  await ready(page, selector);
  const texts: Record<string, Set<string>> = {};
  for (const lang of LANGS) {
    await page.click(`header button[data-lang="${lang}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await ready(page, selector);
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
  if (options.screenshot !== false) await screenshot(page, `queue-${name}`); // in English, the last language
};

/**
 * The quarter hour under way in Almaty (UTC+5): check-in is accepted from an hour before a slot
 * until its end, so the booked visitor arrives in time whenever the test runs.
 */
const slotUnderWay = (): { start: string; end: string } => {
  const almaty = new Date(Date.now() + 5 * 3_600_000);
  const minutes = almaty.getUTCHours() * 60 + almaty.getUTCMinutes();
  const start = Math.floor(minutes / 15) * 15;
  const end = Math.min(start + 15, 23 * 60 + 59);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: hhmm(start), end: hhmm(end) };
};

/** Appointments' side: a confirmed in-person booking at `OFFICE` today, published as appointments does. */
const publishConfirmedBooking = async (bookingId: string, date: string): Promise<void> => {
  const slot = slotUnderWay();
  const bus = new KafkaMessageBus({
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    clientId: `web-queue-e2e-${bookingId.slice(0, 8)}`,
  });
  try {
    const envelope: IntegrationEnvelope = {
      specversion: '1.0',
      id: randomUUID(),
      source: appointments.APPOINTMENTS_SOURCE,
      type: 'appointments.BookingConfirmed',
      subject: bookingId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      dataversion: 1,
      data: {
        bookingId,
        citizenRef: 'V2ViUXVldWVFMmVDaXRpemVuUmVmMDAx',
        officialId: 'official-psc-head',
        officeId: OFFICE,
        date,
        slotStart: slot.start,
        slotEnd: slot.end,
        startsAt: `${date}T${slot.start}:00+05:00`,
        endsAt: `${date}T${slot.end}:00+05:00`,
        mode: 'in_person',
        channel: 'in_person',
        language: 'kk',
        confirmedAt: new Date().toISOString(),
      },
    };
    await bus.publish(ARRIVALS_TOPIC, [envelope]);
  } finally {
    await bus.close();
  }
};

describeWhenReady('the electronic queue in a browser', () => {
  const today = almatyToday();
  let setup: Setup;
  let desk: Setup['desks'][number];
  let serviceId: string;

  beforeAll(async () => {
    const index = path.join(REPO_ROOT, 'apps/web/dist/index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` first`);
    [platform, browser] = await Promise.all([
      startPlatform({
        label: 'web_queue',
        telemetry: false,
        receptionQueue: true,
        receptionQueueEnv: { APPOINTMENTS_EVENTS_TOPIC: ARRIVALS_TOPIC },
      }),
      launchBrowser(),
    ]);
    const seeded = await eventually('the seeded queue set-up', () =>
      api<Setup & { officeId: string }>(`/queue/offices/${OFFICE}/setup`),
    );
    // Open all day, so the test does not depend on the hour it runs at (an admin's set-up change, as in production).
    const { officeId: _office, ...rest } = seeded;
    const admin = (
      await send<{ accessToken: string }>('POST', '/auth/dev/sign-in', undefined, { userId: 'admin-timur' })
    ).accessToken;
    setup = await send<Setup>('PUT', `/queue/offices/${OFFICE}/setup`, admin, {
      ...rest,
      hours: { open: '00:00', close: '24:00' },
    });
    desk = setup.desks[0]!;
    serviceId = desk.serviceIds[0]!;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('a clerk serves three citizens while the board updates and says each call', async () => {
    // The hall board, on a TV-sized screen, with voices to speak in.
    const board = await newPage(browser, { locale: 'kk-KZ', viewport: { width: 1920, height: 1080 } });
    await board.addInitScript(recordSpeech);
    await board.goto(url(`/queue/${OFFICE}/board`));
    await ready(board, '.board-live');

    // The clerk opens their desk.
    const clerk = await newPage(browser, { locale: 'kk-KZ' });
    await signInUi(clerk, 'clerk-marat');
    await clerk.waitForURL('**/queue/console**');
    await clerk.goto(url(`/queue/console?office=${OFFICE}&date=${today}&desk=${desk.deskId}`));
    await ready(clerk, '[data-action="open"]');
    await clickAction(clerk, 'open');
    await clerk.waitForSelector('.badge-desk-open');

    // Three citizens take tickets on the web (one as an elderly person).
    const citizens = await Promise.all(LANGS.map((lang) => newPage(browser, { locale: lang })));
    const tickets: Array<{ number: string; ticketUrl: string }> = [];
    for (const [i, page] of citizens.entries())
      tickets.push(await takeTicket(page, serviceId, i === 2 ? 'elderly' : undefined));
    expect(new Set(tickets.map((t) => t.number)).size).toBe(3);
    await clerk.waitForFunction(
      ([id]) => Number(document.querySelector(`[data-testid="waiting-${id}"]`)?.textContent ?? '0') >= 3,
      [serviceId],
    );

    const served: string[] = [];
    for (let round = 0; round < 3; round++) {
      // Call next: the board shows it and says it, the citizen's page says where to go.
      const keyboard = round === 1;
      const spokenBefore = await spokenCount(board);
      if (keyboard) {
        await clerk.focus('[data-action="close"]');
        await tabTo(clerk, '[data-action="call-next"]');
        const [response] = await Promise.all([
          clerk.waitForResponse((r) => r.url().endsWith('/call-next')),
          clerk.keyboard.press('Enter'),
        ]);
        expect(response.status()).toBe(200);
      } else {
        await clickAction(clerk, 'call-next');
      }
      await clerk.waitForSelector('[data-testid="console-ticket"]');
      const number = (await clerk.textContent('[data-testid="console-ticket"]'))!.trim();
      expect(tickets.map((t) => t.number)).toContain(number);
      expect(served).not.toContain(number);
      const citizen = citizens[tickets.findIndex((t) => t.number === number)]!;

      await board.waitForFunction(
        (n) => document.querySelector('[data-testid="board-latest"]')?.textContent?.includes(n),
        number,
        { timeout: 10_000 },
      );
      // Said twice: in Kazakh, then in Russian.
      await board.waitForFunction(
        (n) => (window as unknown as { __spoken: unknown[] }).__spoken.length >= n,
        spokenBefore + 2,
      );
      await citizen.waitForSelector('.ticket-called', { timeout: 10_000 });
      expect(await citizen.textContent('.ticket-called')).toContain(desk.name);

      if (round === 0) {
        // Call again: the board says it once more.
        const before = await spokenCount(board);
        await clickAction(clerk, 'recall');
        await board.waitForFunction(
          (n) => (window as unknown as { __spoken: unknown[] }).__spoken.length >= n + 2,
          before,
        );
      }

      if (keyboard) {
        // Focus follows the work: start, then the outcome, then finish.
        expect(await focusedAction(clerk)).toBe('start');
        await Promise.all([clerk.waitForResponse((r) => r.url().endsWith('/start')), clerk.keyboard.press('Enter')]);
        await clerk.waitForFunction(() => document.activeElement?.id === 'console-outcome');
        await clerk.selectOption('#console-outcome', 'served');
        await clerk.focus('#console-outcome');
        await clerk.keyboard.press('Tab');
        expect(await focusedAction(clerk)).toBe('finish');
        await Promise.all([clerk.waitForResponse((r) => r.url().endsWith('/finish')), clerk.keyboard.press('Enter')]);
      } else {
        await clickAction(clerk, 'start');
        await clerk.selectOption('#console-outcome', 'served');
        await clickAction(clerk, 'finish');
      }
      await clerk.waitForFunction(() => document.querySelector('[data-testid="console-ticket"]') === null);
      // Every action is announced in the live region.
      await clerk.waitForFunction(
        (n) => (document.querySelector('[data-testid="live-polite"]')?.textContent ?? '').includes(n),
        number,
      );
      await citizen.waitForFunction(
        () => document.querySelector('.ticket-called') === null && document.querySelector('.notice-success') !== null,
        undefined,
        {
          timeout: 10_000,
        },
      );
      served.push(number);
      if (serviceId === 'documents') servedDocuments++;
      const view = await api<TicketView>(ticketRoute(tickets.find((t) => t.number === number)!.ticketUrl));
      expect(view.status).toBe('served');
    }

    // Nobody waits any more; the board lists the three calls; each was said in Kazakh and Russian.
    expect(new Set(served).size).toBe(3);
    const finalBoard = await api<Board>(`/queue/offices/${OFFICE}/days/${today}/board`);
    expect(finalBoard.waiting[serviceId] ?? 0).toBe(0);
    for (const number of served) expect(finalBoard.calls.map((c) => c.number)).toContain(number);
    const said = await spoken(board);
    expect(said.filter((s) => s.lang === 'kk-KZ').length).toBeGreaterThanOrEqual(4);
    expect(said.filter((s) => s.lang === 'ru-RU').length).toBeGreaterThanOrEqual(4);
    expect(said.some((s) => s.text.includes('терезеге өтіңіз'))).toBe(true);
    expect(said.some((s) => s.text.includes('пройдите к окну'))).toBe(true);

    // "Call next" with nobody waiting: said clearly, on screen and in the live region.
    const [nobody] = await Promise.all([
      clerk.waitForResponse((r) => r.url().endsWith('/call-next')),
      clerk.click('[data-action="call-next"]'),
    ]);
    if (nobody.status() === 200) {
      await clerk.waitForFunction(
        (text) => document.querySelector('[data-testid="console-result"]')?.textContent === text,
        kk['queue.console.nobodyWaiting'],
      );
    } else {
      expect(nobody.status()).toBe(409);
      await clerk.waitForSelector('.notice-error');
      const refusal = (await clerk.textContent('.notice-error'))!.trim();
      await clerk.waitForFunction(
        (text) => (document.querySelector('[data-testid="live-assertive"]')?.textContent ?? '') === text,
        refusal,
      );
    }
    for (const page of [board, ...citizens]) expectNoPageProblems(page);
    expectNoPageProblems(clerk, [409]);
    await Promise.all([board, clerk, ...citizens].map((p) => p.context().close()));
  }, 150_000);

  it('every queue page changes every text with the language and has no axe-core violations in kk, ru and en', async () => {
    const citizen = await newPage(browser, { locale: 'kk-KZ' });
    const ticket = await takeTicket(citizen, serviceId);
    const failures: string[] = [];
    const checkPage = (page: Page, name: string, route: string, selector: string) =>
      checkEveryLanguage(page, name, route, selector, failures);

    await checkPage(citizen, 'take-ticket', `/queue?office=${OFFICE}`, 'input[name="ticket-service"]');
    await checkPage(citizen, 'my-ticket', new URL(ticket.ticketUrl).pathname, '.ticket-number');
    const board = await newPage(browser, { locale: 'kk-KZ', viewport: { width: 1920, height: 1080 } });
    await checkPage(board, 'board', `/queue/${OFFICE}/board`, '.board-waiting-list li');
    const clerk = await newPage(browser, { locale: 'kk-KZ' });
    await signInUi(clerk, 'clerk-marat');
    await checkPage(
      clerk,
      'console',
      `/queue/console?office=${OFFICE}&date=${today}&desk=${desk.deskId}`,
      '[data-action="call-next"]',
    );
    // The console with a called ticket, and the board showing it, for the docs.
    if ((await clerk.locator('[data-testid="console-ticket"]').count()) === 0) {
      if ((await clerk.getAttribute('[data-action="open"]', 'aria-disabled')) !== 'true')
        await clickAction(clerk, 'open');
      await clickAction(clerk, 'call-next');
    }
    await clerk.waitForSelector('[data-testid="console-ticket"]');
    const called = await axeScan(clerk);
    if (called.length) failures.push(`console with a called ticket: axe-core\n${formatViolations(called)}`);
    await screenshot(clerk, 'queue-console-called');
    await board.click('header button[data-lang="kk"]');
    await board.waitForSelector('[data-testid="board-latest"]');
    const boardCalled = await axeScan(board);
    if (boardCalled.length) failures.push(`board with a call: axe-core\n${formatViolations(boardCalled)}`);
    await screenshot(board, 'queue-board-called');
    await citizen.goto(ticket.ticketUrl);
    await ready(citizen, '.ticket-number');

    expect(failures).toEqual([]);
    expect(kk['queue.callAnnouncement']).toContain('{desk}');
    for (const page of [citizen, board, clerk]) expectNoPageProblems(page);
    await Promise.all([citizen, board, clerk].map((p) => p.context().close()));
  }, 150_000);

  it('a clerk checks in a booked visitor, whose ticket jumps the queue; the statistics show the served visits', async () => {
    const clerkToken = (
      await send<{ accessToken: string }>('POST', '/auth/dev/sign-in', undefined, { userId: 'clerk-marat' })
    ).accessToken;
    const failures: string[] = [];
    const day = `/queue/offices/${OFFICE}/days/${today}`;

    // Two walk-ins take tickets for documents first.
    const walkIns: string[] = [];
    for (const channel of ['kiosk', 'qr']) {
      walkIns.push(
        (await send<{ number: string }>('POST', `${day}/tickets`, undefined, { serviceId: 'documents', channel }))
          .number,
      );
    }

    // A citizen's confirmed in-person booking for today reaches the queue through Kafka.
    const bookingId = randomUUID();
    await publishConfirmedBooking(bookingId, today);
    await eventually('the booking as an expected arrival', async () => {
      const { arrivals } = await send<{ arrivals: Array<{ bookingId: string; status: string }> }>(
        'GET',
        `${day}/arrivals`,
        clerkToken,
      );
      return arrivals.find((a) => a.bookingId === bookingId && a.status === 'expected');
    });

    // The check-in screen lists them, in kk, ru and en.
    const clerk = await newPage(browser, { locale: 'kk-KZ' });
    await signInUi(clerk, 'clerk-marat');
    const row = `tr[data-booking="${bookingId}"]`;
    await checkEveryLanguage(clerk, 'check-in-list', `/queue/check-in?office=${OFFICE}&date=${today}`, row, failures, {
      screenshot: false,
    });
    // The nav leads here too, for a clerk.
    expect(await clerk.getAttribute('nav a[href="/queue/check-in"]', 'aria-current')).toBe('page');

    // Search by part of the reference as the citizen reads it out (case and dashes do not matter).
    await clerk.fill('#checkin-search', bookingId.slice(-14).toUpperCase().replace('-', ' '));
    await clerk.waitForFunction((id) => {
      const rows = [...document.querySelectorAll('tr[data-booking]')];
      return rows.length === 1 && rows[0]!.getAttribute('data-booking') === id;
    }, bookingId);
    await clerk.fill('#checkin-search', 'zzzz');
    await clerk.waitForSelector('tr[data-booking]', { state: 'detached' });
    await clerk.fill('#checkin-search', bookingId.slice(0, 8));
    await clerk.waitForSelector(row);

    // Check in with the keyboard: the ticket number, large, with appointment priority, first in line.
    await clerk.focus('#checkin-search');
    await tabTo(clerk, `${row} [data-action="check-in"]`);
    const [checkedIn] = await Promise.all([
      clerk.waitForResponse((r) => r.url().endsWith('/check-ins') && r.request().method() === 'POST'),
      clerk.keyboard.press('Enter'),
    ]);
    expect(checkedIn.status()).toBe(201);
    await clerk.waitForSelector('[data-testid="checkin-ticket"]');
    const number = (await clerk.textContent('[data-testid="checkin-ticket"]'))!.trim();
    expect(number).toMatch(/^A-\d{3}$/);
    expect(walkIns).not.toContain(number);
    await clerk.waitForFunction(() => document.activeElement?.id === 'checkin-ticket-title');
    expect((await clerk.textContent('[data-testid="checkin-position"]'))!.trim()).toBe('1');
    expect(await clerk.textContent('[data-testid="checkin-issued"]')).toContain('Booked appointment');
    const size = await clerk.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('[data-testid="checkin-ticket"]')!).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(64); // readable across a desk (4rem and more)
    await clerk.waitForFunction(
      (n) => (document.querySelector('[data-testid="live-polite"]')?.textContent ?? '').includes(n),
      number,
    );
    await clerk.waitForFunction(([r, n]) => document.querySelector(`${r} .checkin-number`)?.textContent === n, [
      row,
      number,
    ] as const);
    const issued = await axeScan(clerk);
    if (issued.length) failures.push(`check-in with an issued ticket: axe-core\n${formatViolations(issued)}`);
    await screenshot(clerk, 'queue-check-in');
    // Checking in twice gives the same ticket (a second clerk, a double click).
    const again = await send<{ number: string }>('POST', `${day}/check-ins`, clerkToken, { bookingId });
    expect(again.number).toBe(number);

    // At desk 2, "call next" gives the booked visitor first, then the walk-ins who came earlier.
    const desk2 = setup.desks.find((d) => d.deskId !== desk.deskId && d.serviceIds.includes('documents'))!;
    await clerk.goto(url(`/queue/console?office=${OFFICE}&date=${today}&desk=${desk2.deskId}`));
    await ready(clerk, '[data-action="call-next"]');
    if ((await clerk.getAttribute('[data-action="open"]', 'aria-disabled')) !== 'true')
      await clickAction(clerk, 'open');
    const calledOrder: string[] = [];
    for (let i = 0; i < 3; i++) {
      await clickAction(clerk, 'call-next');
      await clerk.waitForSelector('[data-testid="console-ticket"]');
      calledOrder.push((await clerk.textContent('[data-testid="console-ticket"]'))!.trim());
      await clickAction(clerk, 'start');
      await clerk.selectOption('#console-outcome', 'served');
      await clickAction(clerk, 'finish');
      await clerk.waitForFunction(() => document.querySelector('[data-testid="console-ticket"]') === null);
      servedDocuments++;
    }
    expect(calledOrder).toEqual([number, ...walkIns]);

    // The public statistics page: the served visits of the day, per service, in kk, ru and en.
    const figures = await eventually('the served visits in the statistics', async () => {
      const { services } = await api<{ services: Array<Record<string, number | null | string>> }>(
        `/queue/offices/${OFFICE}/stats?date=${today}`,
      );
      const documents = services.find((s) => s['serviceId'] === 'documents');
      return documents?.['served'] === servedDocuments ? documents : undefined;
    });
    expect(figures['tickets']).toBeGreaterThanOrEqual(servedDocuments);
    expect(figures['waitMedianMin']).toEqual(expect.any(Number));
    const visitor = await newPage(browser, { locale: 'kk-KZ' });
    await checkEveryLanguage(
      visitor,
      'stats',
      `/queue/${OFFICE}/stats?date=${today}`,
      '[data-service="documents"] [data-stat="served"]',
      failures,
    );
    const cell = (stat: string) => visitor.textContent(`[data-service="documents"] [data-stat="${stat}"]`);
    expect((await cell('served'))!.trim()).toBe(String(servedDocuments));
    expect((await cell('tickets'))!.trim()).toBe(String(figures['tickets']));
    expect((await cell('noShows'))!.trim()).toBe(String(figures['noShows']));
    expect((await cell('waitMedianMin'))!.trim()).toBe(
      new Intl.NumberFormat('en-GB').format(figures['waitMedianMin'] as number),
    );
    // The bars say their values in words, for those who cannot see them.
    expect(await visitor.textContent('.stats-chart')).toContain('Median:');

    expect(failures).toEqual([]);
    expectNoPageProblems(clerk);
    expectNoPageProblems(visitor);
    await Promise.all([clerk, visitor].map((p) => p.context().close()));
  }, 180_000);
});
