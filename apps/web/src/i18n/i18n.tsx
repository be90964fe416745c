/**
 * Three languages: Kazakh (the state language, default), Russian, English. Every visible string
 * comes from a dictionary (`messages/*.ts`, identical key sets, checked by the compiler and a unit
 * test); dates, times and numbers go through `Intl` with the locale of the language and the
 * Asia/Almaty time zone. The choice is remembered in localStorage and set on `<html lang>`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages/en';
import { kk, type MessageKey } from './messages/kk';
import { ru } from './messages/ru';
import { intlKnowsKazakh, KK_MONTHS, KK_MONTHS_SHORT, KK_WEEKDAYS, KK_WEEKDAYS_SHORT } from './kk-calendar';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
export const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };
export const TIME_ZONE = 'Asia/Almaty';
/** Kazakhstan is on UTC+5 all year; the API speaks local times with this offset. */
export const ALMATY_OFFSET = '+05:00';
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { kk, ru, en };
export type { MessageKey };

const STORAGE_KEY = 'adal.lang';

export const isLang = (value: unknown): value is Lang => value === 'kk' || value === 'ru' || value === 'en';

const storedLang = (): Lang => {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : 'kk';
  } catch {
    return 'kk';
  }
};

export type Params = Record<string, string | number>;

/** `{name}` placeholders filled from `params`; a missing key shows as `⟦key⟧` (tests look for it). */
export const translate = (lang: Lang, key: MessageKey, params?: Params): string => {
  const template = DICTIONARIES[lang][key] as string | undefined;
  if (template === undefined) return `⟦${key}⟧`;
  return params ? template.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all)) : template;
};

export type LocalizedText = { kk: string; ru: string; en: string };

/** `YYYY-MM-DD` (a day in Almaty) as an instant at noon, safe to format in Asia/Almaty. */
const noonOf = (date: string) => new Date(`${date}T12:00:00${ALMATY_OFFSET}`);
/** `YYYY-MM-DD` + `HH:mm` local time in Almaty as an instant. */
export const instantOf = (date: string, time: string) => new Date(`${date}T${time}:00${ALMATY_OFFSET}`);

/** Today's date in Almaty, `YYYY-MM-DD`. */
export const todayInAlmaty = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** `date` + `days`, `YYYY-MM-DD` (calendar arithmetic in UTC, no time zone surprises). */
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** ISO weekday of a date, 1 = Monday .. 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/**
 * A Monday for formatting a bare time of day (`HH:mm`) or a weekday: after Kazakhstan moved to
 * UTC+5 everywhere (1 March 2024), so Asia/Almaty shows the time unchanged.
 */
export const REFERENCE_MONDAY = '2025-01-06';

export interface Formatters {
  /** "Monday, 23 November 2026" */
  date: (date: string) => string;
  /** "23 November 2026" (no weekday: fits after a preposition) */
  day: (date: string) => string;
  /** "Mon 23 Nov" */
  dayShort: (date: string) => string;
  /** "Monday" for an ISO weekday number (1 = Monday). */
  weekday: (isoDay: number) => string;
  /** Local time `HH:mm` of a day, as the locale writes it. */
  time: (date: string, time: string) => string;
  /** Time of an ISO instant, in Almaty. */
  instantTime: (iso: string) => string;
  /** Date and time of an ISO instant, in Almaty. */
  dateTime: (iso: string) => string;
  number: (value: number) => string;
  /** m:ss of a duration in milliseconds. */
  clock: (ms: number) => string;
}

/** Year, month (1-12), day, ISO weekday and time of an instant in Almaty, from `Intl`. */
const almatyParts = (() => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (date: Date) => {
    const get = (type: string) => parts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
    const ymd = `${get('year')}-${get('month').padStart(2, '0')}-${get('day').padStart(2, '0')}`;
    return { year: get('year'), month: Number(get('month')), day: get('day'), weekday: isoWeekday(ymd), hm: `${get('hour')}:${get('minute')}` };
  };
})();

let kazakhChecked: boolean | undefined;
const kazakhNative = () => (kazakhChecked ??= intlKnowsKazakh());

const makeFormatters = (lang: Lang): Formatters => {
  // Kazakh through Intl when the browser has the data; otherwise CLDR's Kazakh patterns with names
  // from kk-calendar.ts and numbers from Intl (Russian separators: the same as Kazakh ones).
  const fallback = lang === 'kk' && !kazakhNative();
  const locale = LOCALES[lang];
  const tz = { timeZone: TIME_ZONE } as const;
  const long = new Intl.DateTimeFormat(locale, { ...tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const short = new Intl.DateTimeFormat(locale, { ...tz, weekday: 'short', day: 'numeric', month: 'short' });
  const plain = new Intl.DateTimeFormat(locale, { ...tz, day: 'numeric', month: 'long', year: 'numeric' });
  const weekdayOnly = new Intl.DateTimeFormat(locale, { ...tz, weekday: 'long' });
  const hm = new Intl.DateTimeFormat(locale, { ...tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const full = new Intl.DateTimeFormat(locale, { ...tz, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const numberLocale = fallback ? LOCALES.ru : locale;
  const num = new Intl.NumberFormat(numberLocale);
  const two = new Intl.NumberFormat(numberLocale, { minimumIntegerDigits: 2 });
  const kkLong = (d: Date) => {
    const p = almatyParts(d);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}, ${KK_WEEKDAYS[p.weekday - 1]}`;
  };
  const kkPlain = (d: Date) => {
    const p = almatyParts(d);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}`;
  };
  const kkShort = (d: Date) => {
    const p = almatyParts(d);
    return `${p.day} ${KK_MONTHS_SHORT[p.month - 1]}, ${KK_WEEKDAYS_SHORT[p.weekday - 1]}`;
  };
  const kkFull = (d: Date) => {
    const p = almatyParts(d);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}, ${p.hm}`;
  };
  return {
    date: (date) => (fallback ? kkLong(noonOf(date)) : long.format(noonOf(date))),
    day: (date) => (fallback ? kkPlain(noonOf(date)) : plain.format(noonOf(date))),
    dayShort: (date) => (fallback ? kkShort(noonOf(date)) : short.format(noonOf(date))),
    weekday: (isoDay) => (fallback ? KK_WEEKDAYS[isoDay - 1]! : weekdayOnly.format(noonOf(addDays(REFERENCE_MONDAY, isoDay - 1)))),
    time: (date, time) => hm.format(instantOf(date, time)),
    instantTime: (iso) => hm.format(new Date(iso)),
    dateTime: (iso) => (fallback ? kkFull(new Date(iso)) : full.format(new Date(iso))),
    number: (value) => num.format(value),
    clock: (ms) => {
      const seconds = Math.max(0, Math.ceil(ms / 1000));
      return `${num.format(Math.floor(seconds / 60))}:${two.format(seconds % 60)}`;
    },
  };
};

interface I18nValue {
  lang: Lang;
  locale: string;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  fmt: Formatters;
  /** The text of API data (names, addresses) in the current language. */
  pick: (text: LocalizedText | null | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      lang,
      locale: LOCALES[lang],
      setLang,
      t: (key, params) => translate(lang, key, params),
      fmt: makeFormatters(lang),
      pick: (text, fallback = '') => (text ? text[lang] || text.kk || fallback : fallback),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18nValue => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};

/** The language chosen before React starts (for the API client's first requests). */
export const initialLang = storedLang;
