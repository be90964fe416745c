import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PostgresEventStore, type EventStore } from '@adal/event-store';
import { ProjectionRunner } from '@adal/read-models';
import { EVENT_STORE } from '@adal/service-kit';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { READ_MODEL_ORM, ReadModelsModule } from '../read-models/read-models.module.js';
import { NotificationDispatcher } from './dispatcher.js';
import { DELIVERIES_TABLE, NOTIFICATIONS_TABLE, notificationIdFor } from './notification.js';
import { NOTIFICATION_SENDER, NotificationsModule, reminderProjection, type NotificationsModuleOptions } from './notifications.module.js';
import { LogSender, type NotificationSender } from './senders.js';
import { FixedClock, bookingConfirmed, citizenRefOf } from './testing/booking-events.js';

describe('NotificationsModule', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('appointments_notify_module');
    store = await PostgresEventStore.create({ connectionString: db.url, schema: 'appointments' });
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const rootModule = (notifications: DynamicModule) => {
    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class StoreModule {}

    @Module({ imports: [StoreModule, ReadModelsModule.forRoot({ databaseUrl: db.url, startDirectoryFeed: false }), notifications] })
    class RootModule {}
    return RootModule;
  };

  it('creates the outbox, starts the dispatcher on bootstrap and sends what the projection scheduled', async () => {
    const clock = new FixedClock('2026-04-06T11:00:05+05:00');
    const options: NotificationsModuleOptions = { clock, dispatcher: { pollMs: 20 } };
    const app = await NestFactory.createApplicationContext(rootModule(NotificationsModule.forRoot(options)), { logger: false });
    // The default sender (no SMTP_URL) writes JSON lines to stdout; keep the spec's output clean.
    const write = process.stdout.write.bind(process.stdout);
    const lines: string[] = [];
    process.stdout.write = ((chunk: string | Uint8Array) => {
      const text = chunk.toString();
      if (text.includes('"msg":"notification"')) lines.push(text);
      else write(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      await app.init();
      expect(app.get(NOTIFICATION_SENDER)).toBeInstanceOf(LogSender);
      const dispatcher = app.get(NotificationDispatcher);
      expect(dispatcher.isRunning).toBe(true);

      const booking = { bookingId: 'booking-module-1', citizenRef: citizenRefOf(7001), startsAt: '2026-04-08T10:00:00+05:00' };
      await app.get(ProjectionRunner).project(reminderProjection, bookingConfirmed(booking, '2026-04-06T11:00:00+05:00'));
      const orm = app.get<MikroORM>(READ_MODEL_ORM);
      const id = notificationIdFor(booking.bookingId, 'booking_confirmed');
      const statusOf = async () =>
        (await orm.em.fork().execute<Array<{ status: string }>>(`SELECT status FROM ${NOTIFICATIONS_TABLE} WHERE id = ?`, [id]))[0]?.status;
      const deadline = Date.now() + 10_000;
      while ((await statusOf()) !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await statusOf()).toBe('sent');
      const deliveries = await orm.em.fork().execute<unknown[]>(`SELECT 1 FROM ${DELIVERIES_TABLE} WHERE idempotency_key = ?`, [id]);
      expect(deliveries).toHaveLength(1);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'booking_confirmed', bookingId: 'booking-module-1', language: 'kk' });
    } finally {
      await app.close();
      process.stdout.write = write;
    }
  });

  it('leaves the dispatcher off when told to (NOTIFY_DISPATCHER=false), with the sender it is given', async () => {
    const sender: NotificationSender = { name: 'none', send: async () => undefined };
    const previous = process.env['NOTIFY_DISPATCHER'];
    process.env['NOTIFY_DISPATCHER'] = 'false';
    const app = await NestFactory.createApplicationContext(rootModule(NotificationsModule.forRoot({ sender })), { logger: false });
    try {
      await app.init();
      expect(app.get(NOTIFICATION_SENDER)).toBe(sender);
      expect(app.get(NotificationDispatcher).isRunning).toBe(false);
    } finally {
      await app.close();
      if (previous === undefined) delete process.env['NOTIFY_DISPATCHER'];
      else process.env['NOTIFY_DISPATCHER'] = previous;
    }
  });
});
