/** The notification outbox: reminders projection, senders, dispatcher and the NestJS module. */
export * from './notification.js';
export * from './messages.js';
export * from './reminder.projection.js';
export * from './senders.js';
export * from './dispatcher.js';
export {
  NotificationsModule,
  NotificationsLifecycle,
  NOTIFICATION_SENDER,
  NOTIFICATION_CLOCK,
  type NotificationsModuleOptions,
} from './notifications.module.js';
