/**
 * An RFC 5545 iCalendar file for a booking, so citizens can put the reception into any calendar.
 * Pure text generation: the caller passes the localized texts and the stamp time.
 *
 * What RFC 5545 asks and we do:
 * - CRLF after every line, including the last (3.1);
 * - lines of at most 75 octets, longer ones folded with CRLF + one space (3.1). We count UTF-8
 *   octets and never cut inside a character: Kazakh letters are 2 octets, emoji 4;
 * - TEXT values escape backslash, semicolon, comma and newlines (3.3.11);
 * - DTSTART/DTEND/DTSTAMP in UTC "Z" form, which every client reads without a VTIMEZONE.
 * The UID is stable per booking, so a re-downloaded file after a reschedule (higher SEQUENCE) or a
 * cancellation (STATUS:CANCELLED) updates the entry already in the citizen's calendar.
 */
import type { Booking } from './booking/booking.js';
import { slotEndInstant, slotStartInstant } from './booking/booking.decider.js';
import type { Language } from './shared/reception.js';
import { toUtcBasicFormat, type Instant } from '@adal/domain-kit';

export const ICS_PRODUCT_ID = '-//Adal Office//Appointments//EN';
export const ICS_UID_DOMAIN = 'adal.office';
const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

export interface IcsEventInput {
  /** Becomes the UID `<bookingId>@adal.office`. */
  bookingId: string;
  start: Instant;
  end: Instant;
  /** When this file was produced (DTSTAMP), passed in: domain code reads no clock. */
  stamp: Instant;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Revision of the event for calendar clients: 0, then +1 per reschedule or cancellation. */
  sequence?: number;
  /** The language of the texts below (RFC 5545 LANGUAGE parameter). */
  language: Language;
  summary: string;
  location?: string;
  description?: string;
  /** The join link of a remote reception. */
  url?: string;
  /** Reminder before the start; default 60 minutes. Not added to a cancelled event. */
  alarmMinutesBefore?: number;
}

/** TEXT escaping (RFC 5545 3.3.11); other control characters are not allowed in TEXT and are dropped. */
export const escapeIcsText = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

const utf8Octets = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** Folds one content line to at most 75 octets per physical line (continuations start with a space). */
export const foldIcsLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
};

const alarmTrigger = (minutes: number): string => (minutes % 60 === 0 ? `-PT${minutes / 60}H` : `-PT${minutes}M`);

export const renderIcs = (event: IcsEventInput): string => {
  const lang = `;LANGUAGE=${event.language}`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.bookingId}@${ICS_UID_DOMAIN}`,
    `DTSTAMP:${toUtcBasicFormat(event.stamp)}`,
    `DTSTART:${toUtcBasicFormat(event.start)}`,
    `DTEND:${toUtcBasicFormat(event.end)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `STATUS:${event.status}`,
    `SUMMARY${lang}:${escapeIcsText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION${lang}:${escapeIcsText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION${lang}:${escapeIcsText(event.description)}`);
  // URL is a URI value, not TEXT: it is not escaped (a comma in a URL stays a comma).
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.status === 'CONFIRMED') {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION${lang}:${escapeIcsText(event.summary)}`,
      `TRIGGER:${alarmTrigger(event.alarmMinutesBefore ?? 60)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
};

export interface BookingIcsTexts {
  language: Language;
  summary: string;
  location?: string;
  description?: string;
}

/**
 * The .ics of a booking in its current state. A cancelled (or lapsed) booking gives a CANCELLED
 * event; the join link is included for remote receptions.
 */
export const bookingIcs = (booking: Booking, texts: BookingIcsTexts, stamp: Instant): string => {
  const cancelled = booking.status === 'cancelled' || booking.status === 'lapsed';
  const joinUrl = booking.mode === 'remote' ? booking.confirmation?.joinUrl : undefined;
  return renderIcs({
    bookingId: booking.bookingId,
    start: slotStartInstant(booking),
    end: slotEndInstant(booking),
    stamp,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    sequence: booking.rescheduleCount + (cancelled ? 1 : 0),
    ...texts,
    ...(joinUrl ? { url: joinUrl } : {}),
  });
};
