import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IntegrationEnvelope } from '@adal/contracts';
import { ProjectionRunner } from '@adal/read-models';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import { addMinutes, epochMsOf, instantFromEpochMs } from '../domain/index.js';
import { READ_SCHEMA } from '../read-models/entities.js';
import { upsertOffices } from '../read-models/offices.js';
import { openReadModelOrm } from '../read-models/orm.js';
import { NotificationDispatcher } from './dispatcher.js';
import { DELIVERIES_TABLE, NOTIFICATIONS_TABLE, ensureNotificationTables, notificationIdFor, type OutgoingNotification } from './notification.js';
import { reminderProjection } from './reminder.projection.js';
import { LogSender, SmtpSender, messageIdFor, senderFromEnv, type NotificationSender } from './senders.js';
import {
  FixedClock,
  TEST_OFFICE,
  bookingCancelled,
  bookingConfirmed,
  citizenRefOf,
  type TestBooking,
} from './testing/booking-events.js';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Row {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  send_at: string;
  lease_until: string | null;
  sent_at: string | null;
}

const CONFIRMED_AT = '2026-04-06T11:00:00+05:00';
const plusSeconds = (instant: string, seconds: number): string => instantFromEpochMs(epochMsOf(instant) + seconds * 1000);
const STARTS_AT = '2026-04-08T10:00:00+05:00';

describe('NotificationDispatcher', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let runner: ProjectionRunner;
  let seq = 0;

  const newBooking = (extra: Partial<TestBooking> = {}): TestBooking => {
    seq++;
    return { bookingId: `booking-dispatch-${seq}`, citizenRef: citizenRefOf(1000 + seq), startsAt: STARTS_AT, ...extra };
  };
  const project = async (...envelopes: IntegrationEnvelope[]): Promise<void> => {
    for (const envelope of envelopes) await runner.project(reminderProjection, envelope);
  };
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    orm.em.fork().execute<T[]>(query, params, 'all');
  const rowOf = async (id: string): Promise<Row> =>
    (
      await sql<Row>(
        `SELECT id, status, attempts, last_error,
                to_char(send_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD"T"HH24:MI:SS"+05:00"') AS send_at,
                to_char(lease_until AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD"T"HH24:MI:SS"+05:00"') AS lease_until,
                to_char(sent_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD"T"HH24:MI:SS"+05:00"') AS sent_at
           FROM ${NOTIFICATIONS_TABLE} WHERE id = ?`,
        [id],
      )
    )[0]!;
  const deliveriesOf = (id: string) =>
    sql<{ idempotency_key: string; notification_id: string; sender: string }>(
      `SELECT idempotency_key, notification_id, sender FROM ${DELIVERIES_TABLE} WHERE idempotency_key = ?`,
      [id],
    );
  /** A LogSender whose lines the spec reads. */
  const logSender = (clock: FixedClock) => {
    const lines: Array<Record<string, unknown>> = [];
    const sender = new LogSender(orm, { clock, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    return { sender, lines };
  };
  /** Keeps the outbox to the spec's own rows: everything else is moved far into the future. */
  const isolate = async (): Promise<void> => {
    await sql(`UPDATE ${NOTIFICATIONS_TABLE} SET status = 'cancelled' WHERE status IN ('pending', 'sending')`);
  };

  beforeAll(async () => {
    db = await createTestDatabase('appointments_notify_dispatch');
    orm = await openReadModelOrm({ clientUrl: db.url });
    await ensureNotificationTables(orm);
    runner = await ProjectionRunner.create(orm, { schema: READ_SCHEMA });
    await upsertOffices(orm, [
      {
        officeId: TEST_OFFICE,
        kind: 'public_service_centre',
        name: { kk: 'Астана қаласының ХҚКО №1', ru: 'ЦОН №1 города Астаны', en: 'Public Service Centre No. 1, Astana' },
        address: { kk: 'Мәңгілік Ел даңғылы, 8', ru: 'проспект Мангилик Ел, 8', en: '8 Mangilik El Avenue' },
        regionCode: '710000000',
      },
    ]);
  });

  beforeEach(isolate);

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('sends what is due, once, at the instants of the fixed clock', async () => {
    const b = newBooking();
    await project(bookingConfirmed(b, CONFIRMED_AT, { language: 'ru' }));
    const clock = new FixedClock(addMinutes(CONFIRMED_AT, 1));
    const { sender, lines } = logSender(clock);
    const dispatcher = new NotificationDispatcher(orm, sender, clock);

    expect(await dispatcher.runOnce()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, expired: 0 });
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 0 });
    const confirmationId = notificationIdFor(b.bookingId, 'booking_confirmed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'notification',
      sender: 'log',
      idempotencyKey: confirmationId,
      notificationId: confirmationId,
      kind: 'booking_confirmed',
      bookingId: b.bookingId,
      citizenRef: b.citizenRef,
      language: 'ru',
      subject: 'Запись на приём подтверждена',
    });
    expect(lines[0]!['text']).toBe(
      [
        'Ваша запись на приём подтверждена.',
        'Время: среда, 8 апреля 2026 г., 10:00–10:30 (время Астаны, UTC+5).',
        'Место: ЦОН №1 города Астаны, проспект Мангилик Ел, 8.',
        'Возьмите с собой документ, удостоверяющий личность.',
        'Если планы изменятся, запись можно перенести или отменить на сайте Adal Office.',
      ].join('\n'),
    );
    expect(await rowOf(confirmationId)).toMatchObject({ status: 'sent', attempts: 1, sent_at: '2026-04-06T11:01:00+05:00' });
    expect(await deliveriesOf(confirmationId)).toEqual([{ idempotency_key: confirmationId, notification_id: confirmationId, sender: 'log' }]);

    // A second before the 24 h reminder nothing is due; at its instant it goes, and only it.
    clock.set('2026-04-07T09:59:59+05:00');
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 0 });
    clock.set('2026-04-07T10:00:00+05:00');
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(lines.map((l) => l['kind'])).toEqual(['booking_confirmed', 'reminder_24h']);
    clock.set('2026-04-08T09:00:00+05:00');
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(lines.map((l) => l['kind'])).toEqual(['booking_confirmed', 'reminder_24h', 'reminder_1h']);
    expect(lines[2]!['subject']).toBe('Напоминание о приёме');
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 0 });
  });

  it('tells the citizen of a cancellation and never sends the cancelled reminders', async () => {
    const b = newBooking();
    await project(bookingConfirmed(b, CONFIRMED_AT, { language: 'en' }));
    const clock = new FixedClock(CONFIRMED_AT);
    const { sender, lines } = logSender(clock);
    const dispatcher = new NotificationDispatcher(orm, sender, clock);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    await project(bookingCancelled(b, '2026-04-07T09:00:00+05:00', 'office'));
    clock.set('2026-04-08T09:30:00+05:00'); // past both reminders' times
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(lines.map((l) => l['kind'])).toEqual(['booking_confirmed', 'booking_cancelled']);
    expect(lines[1]).toMatchObject({ subject: 'Your appointment is cancelled' });
    expect(String(lines[1]!['text']).split('\n')).toEqual([
      'Your appointment has been cancelled by the office. We apologise for the inconvenience.',
      'Time: Wednesday, 8 April 2026, 10:00–10:30 (Astana time, UTC+5).',
      'You can book another time on the Adal Office website.',
    ]);
  });

  it('polls by itself once started and stops gracefully', async () => {
    const b = newBooking();
    await project(bookingConfirmed(b, CONFIRMED_AT, { language: 'en' }));
    const clock = new FixedClock('2026-04-07T10:00:00+05:00');
    const { sender, lines } = logSender(clock);
    const dispatcher = new NotificationDispatcher(orm, sender, clock, { pollMs: 20 });
    dispatcher.start();
    const deadline = Date.now() + 10_000;
    while (lines.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await dispatcher.stop();
    expect(dispatcher.isRunning).toBe(false);
    expect(lines.map((l) => l['kind']).sort()).toEqual(['booking_confirmed', 'reminder_24h']);
    expect(await rowOf(`${b.bookingId}:reminder_24h:2026-04-08T10:00`)).toMatchObject({ status: 'sent' });
  });

  it('never lets two replicas send the same notification (SKIP LOCKED)', async () => {
    const bookings = Array.from({ length: 40 }, () => newBooking());
    for (const b of bookings) await project(bookingConfirmed(b, CONFIRMED_AT));
    const clock = new FixedClock(addMinutes(CONFIRMED_AT, 1));
    const calls = new Map<string, number>();
    const counting = (inner: NotificationSender): NotificationSender => ({
      name: inner.name,
      send: async (n, key) => {
        calls.set(key, (calls.get(key) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2)); // give the other replica a chance to interleave
        await inner.send(n, key);
      },
    });
    const a = logSender(clock);
    const b = logSender(clock);
    const replicas = [a, b].map((s) => new NotificationDispatcher(orm, counting(s.sender), clock, { batchSize: 7 }));
    const drain = async (d: NotificationDispatcher): Promise<number> => {
      let total = 0;
      for (;;) {
        const { claimed } = await d.runOnce();
        if (claimed === 0) return total;
        total += claimed;
      }
    };
    const claimed = await Promise.all(replicas.map(drain));
    expect(claimed[0]! + claimed[1]!).toBe(40);
    expect(claimed.every((n) => n > 0)).toBe(true);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(40);
    expect(a.lines.length + b.lines.length).toBe(40);
    const ids = bookings.map((x) => notificationIdFor(x.bookingId, 'booking_confirmed'));
    const statuses = await sql<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM ${NOTIFICATIONS_TABLE} WHERE id IN (${ids.map(() => '?').join(', ')}) GROUP BY status`,
      ids,
    );
    expect(statuses).toEqual([{ status: 'sent', n: 40 }]);
  });

  it('backs off after a failure (2^attempts s) and gives up as failed after the fifth attempt', async () => {
    const b = newBooking();
    await project(bookingConfirmed(b, CONFIRMED_AT));
    const id = notificationIdFor(b.bookingId, 'booking_confirmed');
    const clock = new FixedClock(CONFIRMED_AT);
    let tries = 0;
    const failing: NotificationSender = {
      name: 'failing',
      send: async () => {
        tries++;
        throw new Error('relay unavailable (421)');
      },
    };
    const warnings: string[] = [];
    const dispatcher = new NotificationDispatcher(orm, failing, clock, {
      logger: { info: () => undefined, warn: (message) => warnings.push(message) },
    });
    const waits = [2, 4, 8, 16];
    for (const [i, seconds] of waits.entries()) {
      expect(await dispatcher.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
      const next = plusSeconds(clock.now(), seconds);
      expect(await rowOf(id)).toMatchObject({
        status: 'pending',
        attempts: i + 1,
        send_at: next,
        lease_until: null,
        last_error: 'relay unavailable (421)',
      });
      clock.set(plusSeconds(next, -1)); // one second early: not due yet
      expect(await dispatcher.runOnce()).toMatchObject({ claimed: 0 });
      clock.set(next);
    }
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 5, last_error: 'relay unavailable (421)' });
    clock.set(addMinutes(clock.now(), 60));
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 0 });
    expect(tries).toBe(5);
    expect(warnings).toEqual([...waits.map(() => 'notification attempt failed'), 'notification failed']);
    expect(await deliveriesOf(id)).toEqual([]);
  });

  it('does not send what comes too late: a notification whose reception has begun is dropped', async () => {
    const b = newBooking();
    await project(bookingConfirmed(b, CONFIRMED_AT));
    const clock = new FixedClock(STARTS_AT);
    const { sender, lines } = logSender(clock);
    expect(await new NotificationDispatcher(orm, sender, clock).runOnce()).toMatchObject({ claimed: 3, expired: 3 });
    expect(lines).toEqual([]);
    expect(await rowOf(`${b.bookingId}:reminder_1h:2026-04-08T10:00`)).toMatchObject({
      status: 'cancelled',
      last_error: 'expired: the reception had begun before it could be sent',
    });
  });

  it('a sender that delivered and then hung: after the lease another dispatcher finishes it without a second delivery', async () => {
    const b = newBooking();
    await project(bookingConfirmed(b, CONFIRMED_AT, { language: 'kk' }));
    const id = notificationIdFor(b.bookingId, 'booking_confirmed');
    const clock = new FixedClock(CONFIRMED_AT);
    const first = logSender(clock);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let delivered!: () => void;
    const deliveredOnce = new Promise<void>((resolve) => (delivered = resolve));
    const hanging: NotificationSender = {
      name: 'log',
      send: async (n, key) => {
        await first.sender.send(n, key);
        delivered();
        await gate;
      },
    };
    const stuck = new NotificationDispatcher(orm, hanging, clock, { leaseMs: 60_000, sendTimeoutMs: 600_000 });
    const stuckRun = stuck.runOnce();
    await deliveredOnce;
    expect(await rowOf(id)).toMatchObject({ status: 'sending', attempts: 1 });

    const laterClock = new FixedClock(plusSeconds(CONFIRMED_AT, 30));
    const second = logSender(laterClock);
    const rescuer = new NotificationDispatcher(orm, second.sender, laterClock, { leaseMs: 60_000 });
    expect(await rescuer.runOnce()).toMatchObject({ claimed: 0 }); // lease still held
    laterClock.set(plusSeconds(CONFIRMED_AT, 90));
    expect(await rescuer.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });

    release();
    expect(await stuckRun).toMatchObject({ claimed: 1, sent: 1 }); // its mark is fenced off: no harm
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(first.lines).toHaveLength(1);
    expect(second.lines).toHaveLength(0);
    expect(await deliveriesOf(id)).toHaveLength(1);
  });

  it('survives kill -9 between delivery and marking: re-claimed after the lease, delivered exactly once, ends sent', async () => {
    const b = newBooking();
    await project(bookingConfirmed(b, CONFIRMED_AT, { language: 'en' }));
    const id = notificationIdFor(b.bookingId, 'booking_confirmed');
    const leaseMs = 120_000;

    const child = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(path.join(here, '__fixtures__', 'ts-register.mjs')).href,
        path.join(here, '__fixtures__', 'crash-after-delivery.mjs'),
        db.url,
        CONFIRMED_AT,
        String(leaseMs),
      ],
      { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out: string[] = [];
    const err: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(...chunk.toString().split('\n').filter(Boolean)));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once('close', (c, s) => resolve([c, s])),
    );
    if (signal !== 'SIGKILL') throw new Error(`the fixture exited with ${code}/${signal}:\n${out.join('\n')}\n${err.join('')}`);

    // It delivered (one JSON line, one ledger row) and died before marking: the row is still leased.
    const delivered = out.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ idempotencyKey: id, kind: 'booking_confirmed', language: 'en', subject: 'Your appointment is confirmed' });
    expect(out).toContain(`delivered ${id}`);
    expect(out.some((l) => l.startsWith('survived'))).toBe(false);
    expect(await rowOf(id)).toMatchObject({ status: 'sending', attempts: 1, lease_until: addMinutes(CONFIRMED_AT, 2) });
    expect(await deliveriesOf(id)).toHaveLength(1);

    // A new dispatcher (the restarted process) leaves it alone while the lease runs...
    const clock = new FixedClock(addMinutes(CONFIRMED_AT, 1));
    const { sender, lines } = logSender(clock);
    const restarted = new NotificationDispatcher(orm, sender, clock, { leaseMs });
    expect(await restarted.runOnce()).toMatchObject({ claimed: 0 });
    // ...and claims it again once the lease has expired: the ledger knows it went out.
    clock.set(plusSeconds(CONFIRMED_AT, 150));
    expect(await restarted.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(lines).toEqual([]);
    expect(await deliveriesOf(id)).toEqual([{ idempotency_key: id, notification_id: id, sender: 'log' }]);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2, lease_until: null });
  });

  it('after a rebuild of the outbox, nothing that went out goes out again', async () => {
    const b = newBooking();
    const envelopes = [bookingConfirmed(b, CONFIRMED_AT)];
    await project(...envelopes);
    const clock = new FixedClock('2026-04-07T10:00:00+05:00');
    const { sender, lines } = logSender(clock);
    const dispatcher = new NotificationDispatcher(orm, sender, clock);
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    expect(lines.map((l) => l['kind'])).toEqual(['booking_confirmed', 'reminder_24h']);

    // What ProjectionRunner.rebuild does to the projection's tables, then the same events again.
    const em = orm.em.fork();
    await em.execute(`DELETE FROM ${NOTIFICATIONS_TABLE} WHERE booking_id = ?`, [b.bookingId]);
    await em.execute(`DELETE FROM "${READ_SCHEMA}".projection_inbox WHERE projection = ? AND event_id = ?`, [
      reminderProjection.name,
      envelopes[0]!.id,
    ]);
    await project(...envelopes);
    expect(await rowOf(notificationIdFor(b.bookingId, 'booking_confirmed'))).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    expect(lines).toHaveLength(2); // recognised by the ledger: marked sent, not delivered again
    expect(await rowOf(notificationIdFor(b.bookingId, 'booking_confirmed'))).toMatchObject({ status: 'sent' });
    clock.set('2026-04-08T09:00:00+05:00');
    expect(await dispatcher.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(lines.map((l) => l['kind'])).toEqual(['booking_confirmed', 'reminder_24h', 'reminder_1h']);
  });

  describe('SmtpSender (through a real SMTP exchange with a local sink)', () => {
    interface Received {
      from: string;
      to: string[];
      data: string;
    }
    let server: net.Server;
    let port: number;
    const received: Received[] = [];

    beforeAll(async () => {
      // The smallest SMTP server that accepts mail (RFC 5321): enough for nodemailer to hand over a message.
      server = net.createServer((socket) => {
        let buffer = '';
        let inData = false;
        let current: Received = { from: '', to: [], data: '' };
        socket.write('220 sink.test ESMTP\r\n');
        socket.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
            const line = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (inData) {
              if (line === '.') {
                inData = false;
                received.push(current);
                current = { from: '', to: [], data: '' };
                socket.write('250 2.0.0 queued\r\n');
              } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
              continue;
            }
            const verb = line.slice(0, 4).toUpperCase();
            if (verb === 'EHLO') socket.write('250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
            else if (verb === 'HELO') socket.write('250 sink.test\r\n');
            else if (verb === 'MAIL') {
              current.from = line;
              socket.write('250 2.1.0 ok\r\n');
            } else if (verb === 'RCPT') {
              current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? line);
              socket.write('250 2.1.5 ok\r\n');
            } else if (verb === 'DATA') {
              inData = true;
              socket.write('354 go ahead\r\n');
            } else if (verb === 'QUIT') socket.end('221 2.0.0 bye\r\n');
            else if (verb === 'RSET' || verb === 'NOOP') socket.write('250 2.0.0 ok\r\n');
            else socket.write('502 5.5.1 not implemented\r\n');
          }
        });
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('mails <citizenRef>@relay with a Message-ID from the idempotency key, once per key', async () => {
      const b = newBooking({ mode: 'remote' });
      await project(bookingConfirmed(b, CONFIRMED_AT, { language: 'kk', joinUrl: 'https://video.example.kz/room/abc' }));
      const id = notificationIdFor(b.bookingId, 'booking_confirmed');
      const clock = new FixedClock(CONFIRMED_AT);
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      const sender = new SmtpSender(orm, transport, { relayDomain: 'relay.notify.test', clock });
      const dispatcher = new NotificationDispatcher(orm, sender, clock);
      expect(await dispatcher.runOnce()).toMatchObject({ claimed: 1, sent: 1 });

      expect(received).toHaveLength(1);
      const mail = received[0]!;
      expect(mail.to).toEqual([`${b.citizenRef}@relay.notify.test`]);
      const unfolded = mail.data.replace(/\r\n[ \t]+/g, ' ');
      expect(unfolded).toContain(`Message-ID: ${messageIdFor(id)}`);
      expect(messageIdFor(id)).toBe(`<${b.bookingId}=3Abooking_confirmed@adal.office>`);
      expect(unfolded).toContain('Content-Language: kk');
      expect(unfolded).toContain('Auto-Submitted: auto-generated');
      expect(await deliveriesOf(id)).toEqual([{ idempotency_key: id, notification_id: id, sender: 'smtp' }]);
      expect(await rowOf(id)).toMatchObject({ status: 'sent' });

      // The same key again (a re-claim after a crash): recognised, no second message.
      const again: OutgoingNotification = {
        id,
        bookingId: b.bookingId,
        citizenRef: b.citizenRef,
        language: 'kk',
        kind: 'booking_confirmed',
        sendAt: CONFIRMED_AT,
        attempts: 2,
        payload: { startsAt: STARTS_AT, endsAt: addMinutes(STARTS_AT, 30), mode: 'remote' },
      };
      await sender.send(again, id);
      expect(received).toHaveLength(1);
      await sender.close();
    });

    it('senderFromEnv: SMTP when SMTP_URL is set (relay domain required), the log otherwise', async () => {
      expect(senderFromEnv(orm, {})).toBeInstanceOf(LogSender);
      expect(() => senderFromEnv(orm, { SMTP_URL: `smtp://127.0.0.1:${port}` })).toThrow(/NOTIFY_RELAY_DOMAIN/);
      const smtp = senderFromEnv(orm, { SMTP_URL: `smtp://127.0.0.1:${port}`, NOTIFY_RELAY_DOMAIN: 'relay.notify.test' });
      expect(smtp).toBeInstanceOf(SmtpSender);
      await smtp.close?.();
    });
  });
});
