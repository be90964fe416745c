/**
 * Where notifications go. A `NotificationSender` delivers one claimed notification under an
 * idempotency key (the notification id) and records the delivery in the ledger
 * `appointments_read.notification_deliveries` (key primary, `INSERT ... ON CONFLICT DO NOTHING`).
 * The dispatcher marks a notification sent only after `send` returns, so a process that dies in
 * between leaves it `sending`; once the lease expires another dispatcher claims it again and the
 * sender finds the key in the ledger and does not deliver a second time.
 *
 * - `LogSender` (the default): one JSON line per notification on stdout, for a log pipeline.
 * - `SmtpSender` (`SMTP_URL` set): e-mail through the national notification relay.
 */
import { joinLinkFor } from '../application/join-link.js';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { systemClock, type Clock } from '../application/clock.js';
import { renderNotification } from './messages.js';
import { DELIVERIES_TABLE, type OutgoingNotification } from './notification.js';

export type { OutgoingNotification } from './notification.js';

export interface NotificationSender {
  /** Recorded in the ledger (`sender`) and in logs. */
  name: string;
  /**
   * Delivers once per `idempotencyKey`: a second call with a key already delivered must not
   * deliver again. Throwing means "not delivered, try later" (the dispatcher retries with backoff).
   */
  send(notification: OutgoingNotification, idempotencyKey: string): Promise<void>;
  /** Releases connections (SMTP pool); called on shutdown. */
  close?(): Promise<void>;
}

// --- the delivery ledger ---------------------------------------------------------------------------

export interface DeliveryRecord {
  idempotencyKey: string;
  notificationId: string;
  sender: string;
  deliveredAt: string;
}

/** True when the key is already in the ledger (delivered by any sender, any process). */
export const isDelivered = async (em: EntityManager, idempotencyKey: string): Promise<boolean> => {
  const rows = await em.execute<unknown[]>(`SELECT 1 FROM ${DELIVERIES_TABLE} WHERE idempotency_key = ?`, [idempotencyKey], 'all');
  return rows.length > 0;
};

/** Records a delivery; false when the key was there already (`INSERT ... ON CONFLICT DO NOTHING`). */
export const recordDelivery = async (
  em: EntityManager,
  record: { idempotencyKey: string; notificationId: string; sender: string; deliveredAt: string },
): Promise<boolean> => {
  const rows = await em.execute<unknown[]>(
    `INSERT INTO ${DELIVERIES_TABLE} (idempotency_key, notification_id, sender, delivered_at)
     VALUES (?, ?, ?, ?::timestamptz) ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1`,
    [record.idempotencyKey, record.notificationId, record.sender, record.deliveredAt],
    'all',
  );
  return rows.length > 0;
};

// --- log ---------------------------------------------------------------------------------------------

export interface LogSenderOptions {
  /** Where the line goes. Default: stdout. */
  write?: (line: string) => void;
  /** `delivered_at` in the ledger. Default: the system clock. */
  clock?: Clock;
}

/**
 * Writes one JSON line per notification: the opaque `citizenRef`, kind, booking, language and the
 * rendered text (no name, address or phone: the service has none). Claiming the key in the ledger
 * and writing the line happen in one transaction: the line is written only when this transaction
 * inserted the key, and a failed commit leaves the key free for the retry. The one window left
 * (the process dies after the write and before the commit) can repeat a line, never lose one; the
 * line carries the key, so the log pipeline can drop such a repeat.
 */
export class LogSender implements NotificationSender {
  readonly name = 'log';
  private readonly write: (line: string) => void;
  private readonly clock: Clock;

  constructor(
    private readonly orm: MikroORM,
    options: LogSenderOptions = {},
  ) {
    this.write = options.write ?? ((line) => void process.stdout.write(`${line}\n`));
    this.clock = options.clock ?? systemClock;
  }

  async send(notification: OutgoingNotification, idempotencyKey: string): Promise<void> {
    const { subject, text } = renderNotification(withJoinLink(notification));
    const deliveredAt = this.clock.now();
    await this.orm.em.fork().transactional(async (em) => {
      const first = await recordDelivery(em, {
        idempotencyKey,
        notificationId: notification.id,
        sender: this.name,
        deliveredAt,
      });
      if (!first) return; // delivered before (e.g. by a process that died before marking it sent)
      this.write(
        JSON.stringify({
          time: deliveredAt,
          level: 'info',
          msg: 'notification',
          sender: this.name,
          idempotencyKey,
          notificationId: notification.id,
          kind: notification.kind,
          bookingId: notification.bookingId,
          citizenRef: notification.citizenRef,
          language: notification.language,
          subject,
          text,
        }),
      );
    });
  }
}

// --- SMTP --------------------------------------------------------------------------------------------

/** RFC 5322 `atext` (plus nothing else): what may stand in a Message-ID's left part unquoted. */
const ATEXT = /[A-Za-z0-9!#$%&'*+\-/?^_`{|}~]/;

/**
 * `<key@adal.office>`, deterministic per idempotency key, so a message re-sent after a crash has
 * the same Message-ID and receiving systems drop the copy. Characters not allowed there (the `:`
 * of our ids, `.`, `=`) become `=XX` (hex), which keeps the mapping one-to-one.
 */
export const messageIdFor = (idempotencyKey: string): string => {
  let left = '';
  for (const char of idempotencyKey) {
    left += ATEXT.test(char) ? char : [...Buffer.from(char)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return `<${left}@adal.office>`;
};

const LOCAL_PART = /^[A-Za-z0-9._-]{1,64}$/;

/** What `SmtpSender` needs of a nodemailer transport (`nodemailer.createTransport(...)`). */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close(): void;
}

export interface SmtpSenderOptions {
  /**
   * Domain of the national notification relay (`NOTIFY_RELAY_DOMAIN`). Mail goes to
   * `<citizenRef>@<domain>`: the relay resolves the opaque reference to the citizen's real
   * address (or another channel) on its side. This is the seam that keeps contact details out of
   * this service: it never holds, logs or sees an e-mail address.
   */
  relayDomain: string;
  /** `From:` (`NOTIFY_FROM`). Default `Adal Office <no-reply@adal.office>`. */
  from?: string;
  /** `delivered_at` in the ledger. Default: the system clock. */
  clock?: Clock;
}

/**
 * E-mail through the relay. Order: skip if the key is in the ledger; send with a Message-ID derived
 * from the key; record the key; return (then the dispatcher marks it sent). A crash after the SMTP
 * server accepted the message and before the ledger row commits sends it again on the retry, with
 * the same Message-ID, so the relay and mailboxes deduplicate: at least once on the wire, once in
 * the inbox. (Recording before sending would turn that window into a lost message instead.)
 */
export class SmtpSender implements NotificationSender {
  readonly name = 'smtp';
  private readonly from: string;
  private readonly clock: Clock;

  constructor(
    private readonly orm: MikroORM,
    private readonly transport: MailTransport,
    private readonly options: SmtpSenderOptions,
  ) {
    if (!/^[A-Za-z0-9.-]+$/.test(options.relayDomain)) throw new Error(`NOTIFY_RELAY_DOMAIN "${options.relayDomain}" is not a domain`);
    this.from = options.from ?? 'Adal Office <no-reply@adal.office>';
    this.clock = options.clock ?? systemClock;
  }

  async send(notification: OutgoingNotification, idempotencyKey: string): Promise<void> {
    const em = this.orm.em.fork();
    if (await isDelivered(em, idempotencyKey)) return;
    if (!LOCAL_PART.test(notification.citizenRef)) {
      throw new Error('citizenRef cannot be used as the local part of a relay address');
    }
    const { subject, text } = renderNotification(withJoinLink(notification));
    await this.transport.sendMail({
      from: this.from,
      to: `${notification.citizenRef}@${this.options.relayDomain}`,
      subject,
      text,
      messageId: messageIdFor(idempotencyKey),
      headers: {
        'Content-Language': notification.language,
        // RFC 3834: no auto-replies to a machine-sent notice.
        'Auto-Submitted': 'auto-generated',
        'X-Adal-Notification-Kind': notification.kind,
      },
    });
    await recordDelivery(em, {
      idempotencyKey,
      notificationId: notification.id,
      sender: this.name,
      deliveredAt: this.clock.now(),
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

// --- from the environment ------------------------------------------------------------------------------

/**
 * `SmtpSender` when `SMTP_URL` is set (e.g. `smtps://user:pass@relay.example.kz:465`; then
 * `NOTIFY_RELAY_DOMAIN` is required, `NOTIFY_FROM` optional), otherwise `LogSender`.
 */
export const senderFromEnv = (
  orm: MikroORM,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { clock?: Clock } = {},
): NotificationSender => {
  const smtpUrl = env['SMTP_URL']?.trim();
  if (!smtpUrl) return new LogSender(orm, options);
  const relayDomain = env['NOTIFY_RELAY_DOMAIN']?.trim();
  if (!relayDomain) throw new Error('SMTP_URL is set but NOTIFY_RELAY_DOMAIN is not: mail goes to <citizenRef>@<relay domain>');
  // Timeouts well inside the dispatcher's lease, so a dead relay fails the attempt instead of holding it.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const from = env['NOTIFY_FROM']?.trim();
  return new SmtpSender(orm, transport, { relayDomain, ...(from ? { from } : {}), ...options });
};

/** Remote receptions get their join link at send time: it is never in the events the outbox is fed from. */
function withJoinLink<T extends { bookingId: string; payload: { mode: string; joinUrl?: string } }>(notification: T): T {
  if (notification.payload.mode !== 'remote' || notification.payload.joinUrl) return notification;
  return { ...notification, payload: { ...notification.payload, joinUrl: joinLinkFor(notification.bookingId) } };
}
