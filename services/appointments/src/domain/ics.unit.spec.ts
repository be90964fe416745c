import { Buffer } from 'node:buffer';
import type { Booking } from './booking/booking.js';
import { bookingIcs, escapeIcsText, foldIcsLine, renderIcs, type IcsEventInput } from './ics.js';
import { OFFICE_ID, deputyHead } from './testing/fixtures.js';

const base: IcsEventInput = {
  bookingId: 'bk-1',
  start: '2026-04-06T10:00:00+05:00',
  end: '2026-04-06T10:30:00+05:00',
  stamp: '2026-04-01T09:00:00+05:00',
  status: 'CONFIRMED',
  language: 'kk',
  summary: 'Жеке қабылдау: Айгерім Нұрланова',
  location: 'Астана, Мәңгілік Ел даңғылы, 8',
  description: 'Мақсаты: жер учаскесі',
};

const physicalLines = (ics: string): string[] => ics.split('\r\n').slice(0, -1);
const unfold = (ics: string): string[] => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);

describe('iCalendar (.ics) for a booking', () => {
  describe('given a confirmed in-person booking', () => {
    const ics = renderIcs(base);
    const lines = unfold(ics);

    it('then it is a VCALENDAR with one VEVENT and CRLF line endings', () => {
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(lines.slice(0, 5)).toEqual([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Adal Office//Appointments//EN',
        'CALSCALE:GREGORIAN',
        'BEGIN:VEVENT',
      ]);
      expect(lines.slice(-2)).toEqual(['END:VEVENT', 'END:VCALENDAR']);
    });

    it('then times are in UTC Z form and the UID is stable per booking', () => {
      expect(lines).toContain('UID:bk-1@adal.office');
      expect(lines).toContain('DTSTAMP:20260401T040000Z');
      expect(lines).toContain('DTSTART:20260406T050000Z');
      expect(lines).toContain('DTEND:20260406T053000Z');
      expect(lines).toContain('STATUS:CONFIRMED');
      expect(lines).toContain('SEQUENCE:0');
    });

    it('then the texts carry their language and are escaped', () => {
      expect(lines).toContain('SUMMARY;LANGUAGE=kk:Жеке қабылдау: Айгерім Нұрланова');
      expect(lines).toContain('LOCATION;LANGUAGE=kk:Астана\\, Мәңгілік Ел даңғылы\\, 8');
    });

    it('then a reminder fires one hour before', () => {
      const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1);
      expect(alarm).toEqual([
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'DESCRIPTION;LANGUAGE=kk:Жеке қабылдау: Айгерім Нұрланова',
        'TRIGGER:-PT1H',
        'END:VALARM',
      ]);
      expect(lines).not.toContainEqual(expect.stringMatching(/^URL/));
    });
  });

  it('given a remote booking, then URL is the join link, not escaped', () => {
    const lines = unfold(renderIcs({ ...base, url: 'https://video.example.kz/room/bk-1?a=1,2' }));
    expect(lines).toContain('URL:https://video.example.kz/room/bk-1?a=1,2');
  });

  it('given a cancelled booking, then STATUS:CANCELLED and no reminder', () => {
    const lines = unfold(renderIcs({ ...base, status: 'CANCELLED', sequence: 2 }));
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).not.toContain('BEGIN:VALARM');
  });

  it('writes other reminder offsets in minutes', () => {
    expect(unfold(renderIcs({ ...base, alarmMinutesBefore: 90 }))).toContain('TRIGGER:-PT90M');
  });

  describe('escaping (RFC 5545 3.3.11)', () => {
    it('escapes backslash, semicolon, comma and every newline form', () => {
      expect(escapeIcsText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
    });
    it('drops control characters, keeps tabs', () => {
      expect(escapeIcsText('a\u0000b\u0007c\td')).toBe('abc\td');
    });
  });

  describe('folding (75 octets, UTF-8 aware)', () => {
    it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
      expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
      expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    });

    it('never splits a Kazakh letter (2 octets) or an emoji (4 octets) and keeps every line within 75 octets', () => {
      const text = `DESCRIPTION;LANGUAGE=kk:${'Қазақстан Республикасының мемлекеттік қызметі — әділ кеңсе 🙂 '.repeat(6)}`;
      const folded = foldIcsLine(text);
      const lines = folded.split('\r\n');
      expect(lines.length).toBeGreaterThan(5);
      for (const [i, line] of lines.entries()) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no broken surrogate
        if (i > 0) expect(line.startsWith(' ')).toBe(true);
      }
      expect(folded.replace(/\r\n /g, '')).toBe(text);
    });

    it('folds every long line of a whole file', () => {
      const ics = renderIcs({ ...base, description: 'Өтініш: '.concat('ұзақ мәтін, '.repeat(40)) });
      for (const line of physicalLines(ics)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    });
  });

  describe('bookingIcs', () => {
    const booking: Booking = {
      status: 'confirmed',
      bookingId: 'bk-remote',
      citizenRef: 'cit-1',
      officialId: deputyHead.officialId,
      date: '2026-04-06',
      slotStart: '15:00',
      slotEnd: '15:20',
      mode: 'remote',
      heldAt: '2026-04-06T08:00:00+05:00',
      expiresAt: '2026-04-06T08:10:00+05:00',
      confirmation: {
        purpose: 'x',
        language: 'ru',
        channel: 'remote',
        joinUrl: 'https://video.example.kz/room/bk-remote',
        confirmedAt: '2026-04-06T08:05:00+05:00',
      },
      rescheduleCount: 1,
    };
    const texts = { language: 'ru' as const, summary: 'Дистанционный приём' };

    it('builds a confirmed remote event with the join link and the reschedule count as SEQUENCE', () => {
      const lines = unfold(bookingIcs(booking, texts, '2026-04-06T08:06:00+05:00'));
      expect(lines).toEqual(
        expect.arrayContaining([
          'UID:bk-remote@adal.office',
          'DTSTART:20260406T100000Z',
          'DTEND:20260406T102000Z',
          'SEQUENCE:1',
          'STATUS:CONFIRMED',
          'SUMMARY;LANGUAGE=ru:Дистанционный приём',
          'URL:https://video.example.kz/room/bk-remote',
        ]),
      );
    });

    it('builds a cancelled event with a higher SEQUENCE once the booking is cancelled', () => {
      const cancelled: Booking = {
        ...booking,
        mode: 'in_person',
        officeId: OFFICE_ID,
        status: 'cancelled',
        cancellation: { by: 'citizen', cancelledAt: '2026-04-06T09:00:00+05:00' },
      };
      const lines = unfold(bookingIcs(cancelled, texts, '2026-04-06T09:00:00+05:00'));
      expect(lines).toEqual(expect.arrayContaining(['STATUS:CANCELLED', 'SEQUENCE:2']));
      expect(lines.some((line) => line.startsWith('URL'))).toBe(false);
    });
  });
});
