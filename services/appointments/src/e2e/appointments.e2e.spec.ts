// Citizens book receptions end to end: real gateway and appointments processes, real
// PostgreSQL, real Kafka, real OpenTelemetry export. Nothing is imitated.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { KIND, OtlpReceiver, startPlatform, type Platform } from '@adal/testing';

const DEPUTY = 'official-akimat-deputy'; // daily remote receptions, one citizen per slot

let platform: Platform;
let receiver: OtlpReceiver;
let api: string;

/** A gateway token for a synthetic citizen (the gateway trusts its own signature, nothing else). */
const citizenToken = (citizenRef: string, lang = 'ru') =>
  new SignJWT({ roles: ['citizen'], citizenRef, lang, name: { kk: 'Тест', ru: 'Тест', en: 'Test' } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(`e2e-${citizenRef}`)
    .setIssuer(platform.jwtIssuer)
    .setAudience(platform.jwtAudience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(platform.jwtSecret));

const signIn = async (userId: string): Promise<string> => {
  const response = await fetch(`${api}/api/v1/auth/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
};

/** A booking as the gateway returns it (one booking, or an item of `mine` and `agenda`). */
interface BookingBody {
  bookingId: string;
  status: string;
  officialId: string;
  date: string;
  slotStart: string;
  startsAt: string;
  expiresAt: string;
  joinUrl: string;
  joinOpensAt: string;
}

/**
 * The response bodies these tests read: a booking, a problem (RFC 9457: numeric `status`,
 * `detail`, `errors`), a list of bookings or free slots. Each test reads only the fields of the
 * kind it expects; the others are undefined at run time.
 */
interface ResponseBody extends Omit<BookingBody, 'status'> {
  status: string | number;
  detail: string;
  errors?: Array<{ field: string }>;
  bookings: BookingBody[];
  days: Array<{ date: string; slots: Array<{ start: string }> }>;
}

const call = async (method: string, route: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${api}/api/v1${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: ResponseBody;
  try {
    json = JSON.parse(text) as ResponseBody;
  } catch {
    json = undefined as unknown as ResponseBody; // not JSON (e.g. calendar.ics): tests read `text`
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', json, text };
};

const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Free slots of the deputy in the next two weeks, as [date, start] pairs. */
const freeSlots = async (): Promise<Array<{ date: string; start: string }>> => {
  const from = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10);
  const { status, json } = await call('GET', `/officials/${DEPUTY}/free-slots?from=${from}&to=${to}`);
  expect(status).toBe(200);
  return (json.days as Array<{ date: string; slots: Array<{ start: string }> }>).flatMap((d) =>
    d.slots.map((s) => ({ date: d.date, start: s.start })),
  );
};

beforeAll(async () => {
  receiver = new OtlpReceiver();
  const otlp = await receiver.start();
  platform = await startPlatform({
    label: 'appointments_e2e',
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
  });
  api = platform.gatewayUrl;
  // The seeded schedules reach the read model through the relay and Kafka.
  await eventually('seeded free slots', async () => ((await freeSlots()).length > 0 ? true : undefined), 30_000);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await receiver?.stop();
});

describe('a citizen books a reception through the gateway', () => {
  it('holds, confirms, sees it in "my bookings" with a join time, gets an .ics, reschedules and cancels', async () => {
    const token = await signIn('citizen-aigerim');
    const [first, second, third] = await freeSlots();
    const hold = await call('POST', '/bookings/holds', token, { officialId: DEPUTY, date: first!.date, slotStart: first!.start });
    expect(hold.status).toBe(201);
    expect(hold.json).toMatchObject({ status: 'held', officialId: DEPUTY, date: first!.date, slotStart: first!.start, mode: 'remote' });
    const bookingId = hold.json.bookingId as string;

    // The page's "more time" button: the hold lasts longer (WCAG 2.2.1).
    const extended = await call('POST', `/bookings/${bookingId}/hold/extend`, token);
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.json.expiresAt)).toBeGreaterThan(Date.parse(hold.json.expiresAt));

    const confirmed = await call('POST', `/bookings/${bookingId}/confirm`, token, {
      purpose: 'Жер телімін ресімдеу мәселесі',
      language: 'kk',
      channel: 'remote',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.status).toBe('confirmed');
    // An unguessable room, not derivable from the booking id that travels in events.
    expect(confirmed.json.joinUrl).toMatch(/^https:\/\/video\.example\.kz\/room\/[A-Za-z0-9_-]{22}$/);
    expect(confirmed.json.joinUrl).not.toContain(bookingId);

    const mine = await eventually('the confirmed booking in my bookings', async () => {
      const { json } = await call('GET', '/bookings/mine', token);
      const booking = json.bookings.find((b: { bookingId: string }) => b.bookingId === bookingId);
      return booking?.status === 'confirmed' ? booking : undefined;
    });
    expect(mine.joinOpensAt).toBeDefined();
    expect(Date.parse(mine.joinOpensAt)).toBe(Date.parse(mine.startsAt) - 10 * 60_000);

    const ics = await call('GET', `/bookings/${bookingId}/calendar.ics`, token);
    expect(ics.status).toBe(200);
    expect(ics.type).toContain('text/calendar');
    expect(ics.text).toContain(`UID:${bookingId}@adal.office`);
    expect(ics.text).toMatch(/BEGIN:VEVENT[\s\S]*STATUS:CONFIRMED[\s\S]*END:VEVENT/);

    // Another day: the old seat frees, the new one is taken, the booking never holds two.
    const other = [second, third].find((s) => s!.date !== first!.date) ?? second!;
    const moved = await call('POST', `/bookings/${bookingId}/reschedule`, token, { date: other.date, slotStart: other.start });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ status: 'confirmed', date: other.date, slotStart: other.start });
    await eventually('the old slot free again and the new one taken', async () => {
      const slots = await freeSlots();
      const has = (s: { date: string; start: string }) => slots.some((x) => x.date === s.date && x.start === s.start);
      return has(first!) && !has(other) ? true : undefined;
    });

    const cancelled = await call('POST', `/bookings/${bookingId}/cancel`, token, { reason: 'Мәселе шешілді' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    await eventually('the slot free after cancelling', async () =>
      (await freeSlots()).some((s) => s.date === other.date && s.start === other.start) ? true : undefined,
    );
  });

  it('200 concurrent attempts on one slot give exactly one booking and 199 clear 409 responses', async () => {
    const slot = (await freeSlots()).at(-1)!;
    const tokens = await Promise.all(Array.from({ length: 200 }, (_, i) => citizenToken(`race-citizen-${String(i).padStart(4, '0')}-${randomUUID().slice(0, 8)}`)));
    const responses = await Promise.all(
      tokens.map((token) => call('POST', '/bookings/holds', token, { officialId: DEPUTY, date: slot.date, slotStart: slot.start })),
    );
    const created = responses.filter((r) => r.status === 201);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(199);
    for (const conflict of conflicts) {
      expect(conflict.type).toContain('application/problem+json');
      expect(conflict.json.status).toBe(409);
      expect(conflict.json.detail).toEqual(expect.any(String));
    }
    expect(responses.some((r) => r.status >= 500)).toBe(false);

    const admin = await signIn('admin-timur');
    const agenda = await eventually('the one hold on the agenda', async () => {
      const { json } = await call('GET', `/officials/${DEPUTY}/agenda?date=${slot.date}`, admin);
      const here = json.bookings.filter((b: { slotStart: string }) => b.slotStart === slot.start);
      return here.length > 0 ? here : undefined;
    });
    expect(agenda).toHaveLength(1);
  });

  it('refuses bad input with a problem naming the field, never a 500, and loses nothing accepted', async () => {
    const token = await signIn('citizen-daniyar');
    const other = await signIn('citizen-svetlana');
    const [slot] = await freeSlots();
    const hold = await call('POST', '/bookings/holds', token, { officialId: DEPUTY, date: slot!.date, slotStart: slot!.start });
    expect(hold.status).toBe(201);
    const bookingId = hold.json.bookingId as string;

    const cases: Array<[string, Awaited<ReturnType<typeof call>>, number, string?]> = [
      ['malformed date and time', await call('POST', '/bookings/holds', token, { officialId: DEPUTY, date: '2026-13-45', slotStart: '25:00' }), 422, 'date'],
      ['missing official', await call('POST', '/bookings/holds', token, { date: slot!.date, slotStart: slot!.start }), 422, 'officialId'],
      ['not JSON', await call('POST', '/bookings/holds', token, '{"officialId": ', {}), 400],
      ['unknown official', await call('POST', '/bookings/holds', token, { officialId: 'official-nobody', date: slot!.date, slotStart: slot!.start }), 404, 'officialId'],
      ['a time that is not a slot', await call('POST', '/bookings/holds', token, { officialId: 'official-psc-head', date: slot!.date, slotStart: '03:07' }), 404, 'slotStart'],
      ['purpose too long', await call('POST', `/bookings/${bookingId}/confirm`, token, { purpose: 'x'.repeat(1001), language: 'kk', channel: 'remote' }), 422, 'purpose'],
      ['in person for a remote slot', await call('POST', `/bookings/${bookingId}/confirm`, token, { purpose: 'Сұрақ', language: 'kk', channel: 'in_person' }), 422],
      ["someone else's booking", await call('POST', `/bookings/${bookingId}/confirm`, other, { purpose: 'Сұрақ', language: 'kk', channel: 'remote' }), 404],
      ['unknown booking', await call('GET', `/bookings/${randomUUID()}`, token), 404],
      ['second booking with the same official within 10 days', await call('POST', '/bookings/holds', token, { officialId: DEPUTY, date: slot!.date, slotStart: (await freeSlots())[0]!.start }), 409],
    ];
    for (const [label, response, status, field] of cases) {
      expect({ label, status: response.status }).toEqual({ label, status });
      expect({ label, type: response.type }).toEqual({ label, type: expect.stringContaining('application/problem+json') });
      if (field) expect({ label, fields: response.json.errors?.map((e: { field: string }) => e.field) }).toEqual({ label, fields: expect.arrayContaining([field]) });
    }
    // Problems speak the caller's language.
    const russian = await call('POST', '/bookings/holds', token, { officialId: 'official-psc-head', date: slot!.date, slotStart: '03:07' }, { 'accept-language': 'ru' });
    expect(russian.status).toBe(404);
    expect(russian.json.detail).toMatch(/[А-Яа-яЁё]/);

    // What was accepted before is intact and can still be confirmed.
    const confirmed = await call('POST', `/bookings/${bookingId}/confirm`, token, { purpose: 'Сұрақ', language: 'kk', channel: 'remote' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.status).toBe('confirmed');
  });

  it('one trace runs from the gateway request through the append, the relay, Kafka and the read-model write', async () => {
    const token = await signIn('citizen-svetlana');
    const slot = (await freeSlots()).at(-2)!;
    const hold = await call('POST', '/bookings/holds', token, { officialId: DEPUTY, date: slot.date, slotStart: slot.start });
    expect(hold.status).toBe(201);
    const traceId = randomUUID().replace(/-/g, '');
    const traceparent = `00-${traceId}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`;
    const confirmed = await call('POST', `/bookings/${hold.json.bookingId}/confirm`, token, { purpose: 'Сұрақ', language: 'ru', channel: 'remote' }, { traceparent });
    expect(confirmed.status).toBe(200);

    const query = (span: { attributes: Record<string, unknown> }) =>
      String(span.attributes['db.query.text'] ?? span.attributes['db.statement'] ?? '');
    type Span = (typeof receiver.spans)[number];
    const path: Array<[string, string, (s: Span) => boolean]> = [
      ['gateway HTTP server span', 'gateway', (s) => s.kind === KIND.SERVER],
      ['gateway call to appointments', 'gateway', (s) => s.kind === KIND.CLIENT],
      ['appointments HTTP server span', 'appointments', (s) => s.kind === KIND.SERVER],
      ['the append', 'appointments', (s) => s.kind === KIND.CLIENT && /append_batch/.test(query(s))],
      ['the relay publish', 'appointments', (s) => s.kind === KIND.PRODUCER && /publish/.test(s.name)],
      ['the consumer', 'appointments', (s) => s.kind === KIND.CONSUMER && / process .*appointments\.BookingConfirmed/.test(s.name)],
      ['the read-model write', 'appointments', (s) => s.kind === KIND.CLIENT && /appointments_read/.test(query(s))],
    ];
    const missing = () => {
      const mine = receiver.spans.filter((s) => s.traceId === traceId);
      return path.filter(([, service, predicate]) => !mine.some((s) => s.service === service && predicate(s))).map(([what]) => what);
    };
    await eventually('the whole path in one trace', async () => (missing().length === 0 ? true : undefined), 20_000).catch(() => undefined);
    expect(missing()).toEqual([]);
    const names = receiver.spans.filter((s) => s.traceId === traceId).map((s) => `${String(s.service)}:${s.name}`);
    expect(names.length).toBeGreaterThanOrEqual(6);
  });
});
