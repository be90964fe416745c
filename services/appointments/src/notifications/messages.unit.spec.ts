import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '../domain/index.js';
import { NOTIFICATION_TEXTS, formatReceptionTime, renderNotification } from './messages.js';
import { NOTIFICATION_KINDS, type NotificationPayload } from './notification.js';
import { messageIdFor } from './senders.js';

const inPerson: NotificationPayload = {
  startsAt: '2026-04-08T10:00:00+05:00',
  endsAt: '2026-04-08T10:30:00+05:00',
  mode: 'in_person',
  officeId: 'office-1',
};
const remote: NotificationPayload = {
  startsAt: '2026-04-08T05:00:00Z', // 10:00 in Astana
  endsAt: '2026-04-08T05:20:00Z',
  mode: 'remote',
  joinUrl: 'https://video.example.kz/room/b-1',
};

describe('notification texts', () => {
  it('writes the reception time in Astana time in each language', () => {
    expect(formatReceptionTime('kk', inPerson.startsAt, inPerson.endsAt)).toBe(
      '2026 жылғы 8 сәуір, сәрсенбі, 10:00–10:30 (Астана уақыты, UTC+5)',
    );
    expect(formatReceptionTime('ru', inPerson.startsAt, inPerson.endsAt)).toBe(
      'среда, 8 апреля 2026 г., 10:00–10:30 (время Астаны, UTC+5)',
    );
    expect(formatReceptionTime('en', inPerson.startsAt, inPerson.endsAt)).toBe(
      'Wednesday, 8 April 2026, 10:00–10:30 (Astana time, UTC+5)',
    );
    // An instant in UTC is shown on the Kazakhstan clock (also across midnight).
    expect(formatReceptionTime('en', '2026-12-31T19:30:00Z', '2026-12-31T20:00:00Z')).toBe(
      'Friday, 1 January 2027, 00:30–01:00 (Astana time, UTC+5)',
    );
  });

  it('tells a remote citizen when and where to join (5 minutes early)', () => {
    expect(renderNotification({ kind: 'reminder_1h', language: 'kk', payload: remote }).text).toBe(
      [
        'Еске саламыз: қабылдауыңыз жақында басталады.',
        'Уақыты: 2026 жылғы 8 сәуір, сәрсенбі, 10:00–10:20 (Астана уақыты, UTC+5).',
        'Қабылдау бейнебайланыс арқылы өтеді. Басталуына 5 минут қалғанда (сағат 09:55) мына сілтеме арқылы қосылыңыз: https://video.example.kz/room/b-1',
        'Жоспарыңыз өзгерсе, бұл уақытты басқа адам пайдалана алуы үшін жазылудан бас тартыңыз.',
      ].join('\n'),
    );
    expect(renderNotification({ kind: 'booking_confirmed', language: 'en', payload: remote }).text).toContain(
      'This is a video reception. Join 5 minutes before the start (at 09:55) using this link: https://video.example.kz/room/b-1',
    );
    const { joinUrl: _omitted, ...withoutLink } = remote;
    expect(renderNotification({ kind: 'reminder_24h', language: 'ru', payload: withoutLink }).text).toContain(
      'Подключитесь за 5 минут до начала (в 09:55) со страницы записи на сайте Adal Office.',
    );
  });

  it('names the office when it is known and asks for an identity document in person', () => {
    const office = {
      name: { kk: 'ХҚКО №1', ru: 'ЦОН №1', en: 'Public Service Centre No. 1' },
      address: { kk: 'Абай даңғылы, 10', ru: 'проспект Абая, 10', en: '10 Abay Avenue' },
    };
    expect(renderNotification({ kind: 'reminder_24h', language: 'en', payload: inPerson, office })).toEqual({
      subject: 'Appointment reminder',
      text: [
        'A reminder: you have an appointment.',
        'Time: Wednesday, 8 April 2026, 10:00–10:30 (Astana time, UTC+5).',
        'Place: Public Service Centre No. 1, 10 Abay Avenue.',
        'Please bring your identity document.',
        'If your plans have changed, please cancel the booking so that someone else can use this time.',
      ].join('\n'),
    });
    expect(renderNotification({ kind: 'reminder_24h', language: 'kk', payload: inPerson }).text).not.toContain('Орны');
  });

  it('says who cancelled', () => {
    expect(renderNotification({ kind: 'booking_cancelled', language: 'ru', payload: { ...inPerson, cancelledBy: 'citizen' } })).toEqual({
      subject: 'Запись на приём отменена',
      text: [
        'По вашей просьбе запись на приём отменена.',
        'Время: среда, 8 апреля 2026 г., 10:00–10:30 (время Астаны, UTC+5).',
        'Вы можете записаться на другое время на сайте Adal Office.',
      ].join('\n'),
    });
    expect(renderNotification({ kind: 'booking_cancelled', language: 'kk', payload: { ...inPerson, cancelledBy: 'office' } }).text).toMatch(
      /^Қабылдауға жазылуыңыз мекеме тарапынан болдырылмады\. Қолайсыздық үшін кешірім сұраймыз\./,
    );
  });

  it('renders every kind in every language with no placeholder left and no empty text', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const language of LANGUAGES) {
        for (const payload of [inPerson, remote]) {
          const { subject, text } = renderNotification({ kind, language, payload });
          expect(subject.trim()).not.toBe('');
          expect(text).not.toMatch(/[{}]|undefined| {2}/);
        }
      }
    }
    for (const [key, texts] of Object.entries(NOTIFICATION_TEXTS)) {
      const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ key, kk: placeholders(texts.kk), ru: placeholders(texts.ru) }).toEqual({
        key,
        kk: placeholders(texts.en),
        ru: placeholders(texts.en),
      });
    }
  });

  it('derives a valid, one-to-one Message-ID from the idempotency key', () => {
    expect(messageIdFor('0194f0c2-7b1e-7c3a-9d2e-1a2b3c4d5e6f:reminder_1h:2026-04-08T10:00')).toBe(
      '<0194f0c2-7b1e-7c3a-9d2e-1a2b3c4d5e6f=3Areminder_1h=3A2026-04-08T10=3A00@adal.office>',
    );
    expect(messageIdFor('a.b')).not.toBe(messageIdFor('a=2Eb'));
    expect(messageIdFor('a.b')).toMatch(/^<[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+@adal\.office>$/);
  });
});
