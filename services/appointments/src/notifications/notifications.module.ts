/**
 * Notifications as a NestJS module: the outbox tables (created on startup, safely), the sender
 * (`senderFromEnv`: SMTP through the national relay when `SMTP_URL` is set, else JSON log lines)
 * and the `NotificationDispatcher`, started on bootstrap unless `NOTIFY_DISPATCHER=false` and
 * stopped before shutdown (it finishes the batch in hand first, then the sender is closed).
 *
 * Needs `READ_MODEL_ORM` from the (global) `ReadModelsModule`. The outbox is written by
 * `reminderProjection`, which belongs in the pipeline's projection list (exported here).
 *
 * Env: `NOTIFY_DISPATCHER` (default on), `NOTIFY_POLL_MS` (1000), `NOTIFY_LEASE_MS` (300000),
 * `NOTIFY_BATCH_SIZE` (50), `NOTIFY_MAX_ATTEMPTS` (5), `SMTP_URL`, `NOTIFY_RELAY_DOMAIN`, `NOTIFY_FROM`.
 */
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { systemClock, type Clock } from '../application/clock.js';
import { READ_MODEL_ORM } from '../read-models/read-models.module.js';
import { NotificationDispatcher, dispatcherOptionsFromEnv, type NotificationDispatcherOptions } from './dispatcher.js';
import { ensureNotificationTables } from './notification.js';
import { senderFromEnv, type NotificationSender } from './senders.js';

export { reminderProjection } from './reminder.projection.js';
export { ensureNotificationTables } from './notification.js';

/** Injection token of the `NotificationSender`. */
export const NOTIFICATION_SENDER = Symbol.for('adal.appointments.NotificationSender');
/** Injection token of the `Clock` the dispatcher uses. */
export const NOTIFICATION_CLOCK = Symbol.for('adal.appointments.NotificationClock');
const NOTIFICATIONS_OPTIONS = Symbol.for('adal.appointments.NotificationsOptions');

export interface NotificationsModuleOptions {
  /** Default: the system clock. */
  clock?: Clock;
  /** Default: `senderFromEnv(orm)`. */
  sender?: NotificationSender;
  /** Default: true unless `NOTIFY_DISPATCHER=false`. */
  startDispatcher?: boolean;
  /** Default: `dispatcherOptionsFromEnv()`. */
  dispatcher?: NotificationDispatcherOptions;
}

const dispatcherEnabled = (options: NotificationsModuleOptions): boolean =>
  options.startDispatcher ?? process.env['NOTIFY_DISPATCHER']?.trim().toLowerCase() !== 'false';

@Injectable()
export class NotificationsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(NotificationDispatcher) private readonly dispatcher: NotificationDispatcher,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!dispatcherEnabled(this.options)) {
      this.logger.log('Notification dispatcher is off (NOTIFY_DISPATCHER=false)');
      return;
    }
    this.dispatcher.start();
    this.logger.log(`Notification dispatcher started (sender "${this.sender.name}", every ${this.dispatcher.pollMs} ms)`);
  }

  /** Before the read-model ORM closes (its `onApplicationShutdown`). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.dispatcher.stop();
    await this.sender.close?.();
  }
}

const providersFor = (options: NotificationsModuleOptions): Provider[] => [
  { provide: NOTIFICATIONS_OPTIONS, useValue: options },
  { provide: NOTIFICATION_CLOCK, useValue: options.clock ?? systemClock },
  {
    provide: NOTIFICATION_SENDER,
    inject: [READ_MODEL_ORM, NOTIFICATION_CLOCK],
    useFactory: async (orm: MikroORM, clock: Clock): Promise<NotificationSender> => {
      // Idempotent and safe (CREATE ... IF NOT EXISTS under the schema's DDL lock).
      await ensureNotificationTables(orm);
      return options.sender ?? senderFromEnv(orm, process.env, { clock });
    },
  },
  {
    provide: NotificationDispatcher,
    inject: [READ_MODEL_ORM, NOTIFICATION_SENDER, NOTIFICATION_CLOCK],
    useFactory: (orm: MikroORM, sender: NotificationSender, clock: Clock) => {
      const logger = new Logger('NotificationDispatcher');
      return new NotificationDispatcher(orm, sender, clock, {
        ...(options.dispatcher ?? dispatcherOptionsFromEnv()),
        logger: options.dispatcher?.logger ?? {
          info: (message, fields) => logger.log({ msg: message, ...fields }),
          warn: (message, fields) => logger.warn({ msg: message, ...fields }),
        },
      });
    },
  },
  NotificationsLifecycle,
];

const EXPORTS = [NotificationDispatcher, NOTIFICATION_SENDER, NOTIFICATION_CLOCK];

/** `imports: [NotificationsModule]` (everything from the environment) or `NotificationsModule.forRoot(options)`. */
@Module({ providers: providersFor({}), exports: EXPORTS })
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions = {}): DynamicModule {
    return { module: NotificationsModule, providers: providersFor(options), exports: EXPORTS };
  }
}
