/**
 * The texts citizens receive, in Kazakh (the state language), Russian and English.
 *
 * Times are Kazakhstan local time: since 2024-03-01 the whole country is on one zone, UTC+5
 * (Asia/Almaty = Astana time), and the texts say so. Dates are written out (no relative words such
 * as "tomorrow": a retried reminder may go out later than planned). Templates avoid grammatical
 * agreement with numbers (Kazakh case suffixes after a time, Russian plural forms after a count):
 * values stand after a label ("Time: ...") or in parentheses, so every value reads correctly.
 *
 * Pure: no clock, no I/O. Only what the payload holds is rendered; no personal data.
 */
import {
  addMinutes,
  dayOfWeek,
  localDateOf,
  localTimeOf,
  type Instant,
  type Language,
  type LocalizedText,
  type Weekday,
} from '../domain/index.js';
import type { NotificationKind, NotificationOffice, NotificationPayload } from './notification.js';

/** Remote receptions: citizens are asked to join this many minutes early (the texts say "5"). */
export const JOIN_MINUTES_BEFORE = 5;

export interface RenderedNotification {
  subject: string;
  text: string;
}

export interface RenderInput {
  kind: NotificationKind;
  language: Language;
  payload: NotificationPayload;
  office?: NotificationOffice | undefined;
}

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  // Genitive: "8 апреля".
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const WEEKDAY_NAMES: Readonly<Record<Language, Readonly<Record<Weekday, string>>>> = {
  kk: {
    monday: 'дүйсенбі',
    tuesday: 'сейсенбі',
    wednesday: 'сәрсенбі',
    thursday: 'бейсенбі',
    friday: 'жұма',
    saturday: 'сенбі',
    sunday: 'жексенбі',
  },
  ru: {
    monday: 'понедельник',
    tuesday: 'вторник',
    wednesday: 'среда',
    thursday: 'четверг',
    friday: 'пятница',
    saturday: 'суббота',
    sunday: 'воскресенье',
  },
  en: {
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
    sunday: 'Sunday',
  },
};

const ZONE: LocalizedText = {
  kk: 'Астана уақыты, UTC+5',
  ru: 'время Астаны, UTC+5',
  en: 'Astana time, UTC+5',
};

/**
 * "When" of a reception in the citizen's language, in Kazakhstan time:
 * kk `2026 жылғы 8 сәуір, сәрсенбі, 10:00–10:30 (Астана уақыты, UTC+5)`,
 * ru `среда, 8 апреля 2026 г., 10:00–10:30 (время Астаны, UTC+5)`,
 * en `Wednesday, 8 April 2026, 10:00–10:30 (Astana time, UTC+5)`.
 */
export const formatReceptionTime = (language: Language, startsAt: Instant, endsAt: Instant): string => {
  const date = localDateOf(startsAt);
  const [year, month, day] = [date.slice(0, 4), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const monthName = MONTHS[language][month - 1]!;
  const weekday = WEEKDAY_NAMES[language][dayOfWeek(date)];
  const hours = `${localTimeOf(startsAt)}–${localTimeOf(endsAt)}`;
  switch (language) {
    case 'kk':
      return `${year} жылғы ${day} ${monthName}, ${weekday}, ${hours} (${ZONE.kk})`;
    case 'ru':
      return `${weekday}, ${day} ${monthName} ${year} г., ${hours} (${ZONE.ru})`;
    case 'en':
      return `${weekday}, ${day} ${monthName} ${year}, ${hours} (${ZONE.en})`;
  }
};

const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** Every fixed phrase, in the three languages. `Record<..., LocalizedText>`: none can be missing. */
export const NOTIFICATION_TEXTS = {
  subjectConfirmed: {
    kk: 'Қабылдауға жазылу расталды',
    ru: 'Запись на приём подтверждена',
    en: 'Your appointment is confirmed',
  },
  subjectReminder: {
    kk: 'Қабылдау туралы еске салу',
    ru: 'Напоминание о приёме',
    en: 'Appointment reminder',
  },
  subjectCancelled: {
    kk: 'Қабылдауға жазылу болдырылмады',
    ru: 'Запись на приём отменена',
    en: 'Your appointment is cancelled',
  },
  leadConfirmed: {
    kk: 'Қабылдауға жазылуыңыз расталды.',
    ru: 'Ваша запись на приём подтверждена.',
    en: 'Your appointment is confirmed.',
  },
  leadReminder24h: {
    kk: 'Еске саламыз: сіз қабылдауға жазылғансыз.',
    ru: 'Напоминаем: вы записаны на приём.',
    en: 'A reminder: you have an appointment.',
  },
  leadReminder1h: {
    kk: 'Еске саламыз: қабылдауыңыз жақында басталады.',
    ru: 'Напоминаем: ваш приём скоро начнётся.',
    en: 'A reminder: your appointment starts soon.',
  },
  leadCancelledByCitizen: {
    kk: 'Өтінішіңіз бойынша қабылдауға жазылуыңыз болдырылмады.',
    ru: 'По вашей просьбе запись на приём отменена.',
    en: 'Your appointment has been cancelled at your request.',
  },
  leadCancelledByOffice: {
    kk: 'Қабылдауға жазылуыңыз мекеме тарапынан болдырылмады. Қолайсыздық үшін кешірім сұраймыз.',
    ru: 'Ваша запись на приём отменена учреждением. Приносим извинения за неудобства.',
    en: 'Your appointment has been cancelled by the office. We apologise for the inconvenience.',
  },
  time: {
    kk: 'Уақыты: {when}.',
    ru: 'Время: {when}.',
    en: 'Time: {when}.',
  },
  place: {
    kk: 'Орны: {name}, {address}.',
    ru: 'Место: {name}, {address}.',
    en: 'Place: {name}, {address}.',
  },
  bringId: {
    kk: 'Жеке басыңызды куәландыратын құжатты ала келіңіз.',
    ru: 'Возьмите с собой документ, удостоверяющий личность.',
    en: 'Please bring your identity document.',
  },
  remoteWithLink: {
    kk: 'Қабылдау бейнебайланыс арқылы өтеді. Басталуына 5 минут қалғанда (сағат {joinAt}) мына сілтеме арқылы қосылыңыз: {joinUrl}',
    ru: 'Приём пройдёт по видеосвязи. Подключитесь за 5 минут до начала (в {joinAt}) по ссылке: {joinUrl}',
    en: 'This is a video reception. Join 5 minutes before the start (at {joinAt}) using this link: {joinUrl}',
  },
  remoteWithoutLink: {
    kk: 'Қабылдау бейнебайланыс арқылы өтеді. Басталуына 5 минут қалғанда (сағат {joinAt}) Adal Office сайтындағы жазылу бетінен қосылыңыз.',
    ru: 'Приём пройдёт по видеосвязи. Подключитесь за 5 минут до начала (в {joinAt}) со страницы записи на сайте Adal Office.',
    en: 'This is a video reception. Join 5 minutes before the start (at {joinAt}) from your booking page on the Adal Office website.',
  },
  tailConfirmed: {
    kk: 'Жоспарыңыз өзгерсе, жазылуды Adal Office сайтында басқа уақытқа ауыстыруға немесе одан бас тартуға болады.',
    ru: 'Если планы изменятся, запись можно перенести или отменить на сайте Adal Office.',
    en: 'If your plans change, you can reschedule or cancel the booking on the Adal Office website.',
  },
  tailReminder: {
    kk: 'Жоспарыңыз өзгерсе, бұл уақытты басқа адам пайдалана алуы үшін жазылудан бас тартыңыз.',
    ru: 'Если планы изменились, пожалуйста, отмените запись, чтобы этим временем мог воспользоваться другой человек.',
    en: 'If your plans have changed, please cancel the booking so that someone else can use this time.',
  },
  tailCancelled: {
    kk: 'Adal Office сайтында басқа уақытқа жазыла аласыз.',
    ru: 'Вы можете записаться на другое время на сайте Adal Office.',
    en: 'You can book another time on the Adal Office website.',
  },
} as const satisfies Record<string, LocalizedText>;

type TextKey = keyof typeof NOTIFICATION_TEXTS;

/** Where and how: the office (in person) or the join instructions (remote). */
const venueLines = (input: RenderInput, t: (key: TextKey, values?: Record<string, string>) => string): string[] => {
  const { payload, office, language } = input;
  if (payload.mode === 'remote') {
    const joinAt = localTimeOf(addMinutes(payload.startsAt, -JOIN_MINUTES_BEFORE));
    return payload.joinUrl
      ? [t('remoteWithLink', { joinAt, joinUrl: payload.joinUrl })]
      : [t('remoteWithoutLink', { joinAt })];
  }
  const lines: string[] = [];
  if (office) lines.push(t('place', { name: office.name[language], address: office.address[language] }));
  lines.push(t('bringId'));
  return lines;
};

/** The subject and plain text of a notification in its language. */
export const renderNotification = (input: RenderInput): RenderedNotification => {
  const t = (key: TextKey, values: Record<string, string> = {}): string => fill(NOTIFICATION_TEXTS[key][input.language], values);
  const when = t('time', { when: formatReceptionTime(input.language, input.payload.startsAt, input.payload.endsAt) });
  let subject: string;
  let lines: string[];
  switch (input.kind) {
    case 'booking_confirmed':
      subject = t('subjectConfirmed');
      lines = [t('leadConfirmed'), when, ...venueLines(input, t), t('tailConfirmed')];
      break;
    case 'reminder_24h':
    case 'reminder_1h':
      subject = t('subjectReminder');
      lines = [
        t(input.kind === 'reminder_24h' ? 'leadReminder24h' : 'leadReminder1h'),
        when,
        ...venueLines(input, t),
        t('tailReminder'),
      ];
      break;
    case 'booking_cancelled':
      subject = t('subjectCancelled');
      lines = [
        t(input.payload.cancelledBy === 'citizen' ? 'leadCancelledByCitizen' : 'leadCancelledByOffice'),
        when,
        t('tailCancelled'),
      ];
      break;
  }
  return { subject, text: lines.join('\n') };
};
