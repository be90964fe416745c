// appointments -> reception-queue end to end: real gateway, appointments and reception-queue
// processes, real PostgreSQL, real Kafka. A citizen books an in-person reception through the
// gateway; the confirmed booking travels appointments' store -> relay -> Kafka -> the queue's
// consumer and becomes an expected arrival at the office on that day; on the day, the clerk checks
// the citizen in and the ticket is called before the walk-ins who came earlier.
//
// The booking is for a future day (the demo official receives on Tuesdays), so the queue process
// runs with its clock moved to ten minutes before the slot (`QUEUE_CLOCK_OFFSET_MS`).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { REPO_ROOT, startPlatform, startServiceProcess, type Platform, type RunningService } from '@adal/testing';

const OFFICIAL = 'official-psc-head'; // in person at office-psc, Tuesdays 14:00-17:00
const OFFICE = 'office-psc';

let platform: Platform;
let queue: RunningService | undefined;

const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${queue?.lines.slice(-20).join('\n') ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const gateway = async (method: string, route: string, token?: string, body?: unknown) => {
  const response = await fetch(`${platform.gatewayUrl}/api/v1${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

const clerk = Buffer.from(
  JSON.stringify({ sub: 'clerk-marat', roles: ['clerk'], officeId: OFFICE, lang: 'kk' }),
).toString('base64url');

/** The reception-queue service's internal API, called as the gateway would. */
const service = async (method: string, route: string, body?: unknown, as: string | undefined = clerk) => {
  const response = await fetch(`${queue!.url}/v1/queue${route}`, {
    method,
    headers: {
      'x-adal-internal-token': platform.internalToken,
      ...(as ? { 'x-adal-actor': as } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { current?: { number: string } },
  };
};

beforeAll(async () => {
  platform = await startPlatform({ label: 'queue_e2e', telemetry: false });
}, 120_000);

afterAll(async () => {
  await queue?.stop();
  await platform?.stop();
});

it('a confirmed in-person booking reaches the queue through Kafka and its check-in is called first', async () => {
  // 1. A citizen books an in-person reception through the gateway.
  const signIn = await gateway('POST', '/auth/dev/sign-in', undefined, { userId: 'citizen-daniyar' });
  expect(signIn.status).toBe(200);
  const token = signIn.json['accessToken'] as string;
  const from = new Date(Date.now() + 86_400_000 + 5 * 3600_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const slot = await eventually('a free in-person slot of the centre head', async () => {
    const { status, json } = await gateway('GET', `/officials/${OFFICIAL}/free-slots?from=${from}&to=${to}`);
    const days =
      status === 200 ? (json['days'] as Array<{ date: string; slots: Array<{ start: string; mode: string }> }>) : [];
    const day = days.find((d) => d.slots.some((s) => s.mode === 'in_person'));
    return day ? { date: day.date, start: day.slots.find((s) => s.mode === 'in_person')!.start } : undefined;
  });
  const hold = await gateway('POST', '/bookings/holds', token, {
    officialId: OFFICIAL,
    date: slot.date,
    slotStart: slot.start,
  });
  expect(hold.status).toBe(201);
  const bookingId = hold.json['bookingId'] as string;
  const confirmed = await gateway('POST', `/bookings/${bookingId}/confirm`, token, {
    purpose: 'Зейнетақы төлемі бойынша сұрақ',
    language: 'kk',
    channel: 'in_person',
  });
  expect(confirmed.status).toBe(200);

  // 2. The queue service, its clock on the booking's day, ten minutes before the slot.
  const slotStartsAt = Date.parse(`${slot.date}T${slot.start}:00+05:00`);
  const run = randomUUID().slice(0, 8);
  queue = await startServiceProcess({
    name: 'reception-queue',
    entry: path.join(REPO_ROOT, 'services/reception-queue/dist/main.js'),
    env: {
      LOG_LEVEL: 'warn',
      DATABASE_URL: platform.databaseUrl,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
      INTERNAL_TOKEN: platform.internalToken,
      SEED_DEMO_DATA: 'true',
      APPOINTMENTS_EVENTS_TOPIC: platform.appointmentsTopic,
      QUEUE_EVENTS_TOPIC: `queuee2e${run}.queue.events`,
      RECEPTION_QUEUE_READ_MODEL_GROUP: `queuee2e${run}-read-models`,
      RECEPTION_QUEUE_APPOINTMENTS_GROUP: `queuee2e${run}-appointments`,
      QUEUE_CLOCK_OFFSET_MS: String(slotStartsAt - 10 * 60_000 - Date.now()),
    },
  });

  // 3. Two walk-ins take tickets before the citizen arrives.
  const day = `/offices/${OFFICE}/days/${slot.date}`;
  for (const channel of ['kiosk', 'qr']) {
    const walkIn = await service('POST', `${day}/tickets`, { serviceId: 'documents', channel }, undefined);
    expect(walkIn.status).toBe(201);
  }

  // 4. The booking arrived through Kafka as an expected arrival of that day.
  const arrival = await eventually('the booking as an expected arrival', async () => {
    const { json } = await service('GET', `${day}/arrivals`);
    return (json['arrivals'] as Array<Record<string, unknown>> | undefined)?.find((a) => a['bookingId'] === bookingId);
  });
  expect(arrival).toMatchObject({ officialId: OFFICIAL, slotStart: slot.start, status: 'expected' });

  // 5. Check-in: a ticket with appointment priority, at the front of the queue.
  const ticket = await service('POST', `${day}/check-ins`, { bookingId });
  expect(ticket.status).toBe(201);
  expect(ticket.json).toMatchObject({ number: 'A-003', priority: 'appointment', position: 1, status: 'waiting' });

  // 6. The first call of the desk goes to the appointment holder, not to the earlier walk-ins.
  expect((await service('POST', `${day}/desks/desk-1/open`)).status).toBe(200);
  const called = await service('POST', `${day}/desks/desk-1/call-next`);
  expect(called.status).toBe(200);
  expect(called.json.current?.number).toBe('A-003');
  const followed = await service('GET', `${day}/tickets/${ticket.json['ticketId'] as string}`, undefined, undefined);
  expect(followed.json).toMatchObject({ status: 'called', calledTo: '1', position: 0 });

  // 7. The queue's own events went out through its relay and came back into its read model.
  await eventually('the tickets in the daily statistics', async () => {
    const { json } = await service('GET', `/offices/${OFFICE}/stats?date=${slot.date}`, undefined, undefined);
    const documents = (json['services'] as Array<Record<string, unknown>>).find((s) => s['serviceId'] === 'documents');
    return documents?.['tickets'] === 3 && documents['waitMedianMin'] !== null ? true : undefined;
  });
});
