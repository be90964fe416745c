/**
 * Money and shares of the open budget. The API speaks exact tiyn (1 tenge = 100 tiyn) as decimal
 * strings; tenge come from BigInt arithmetic (never a float division of the whole amount), and
 * only the compact form ("1,2 трлн ₸") goes through a `Number`, where a rounding of the last
 * digits cannot show.
 */
import type { Lang } from '../../i18n/i18n';

/** Number locales (as i18n's LOCALES): Kazakh writes numbers as Russian does, space groups and comma decimals. */
const LOCALES: Record<Lang, string> = { kk: 'ru-KZ', ru: 'ru-KZ', en: 'en-GB' };

const DIGITS = /^-?\d+$/;

/** A tiyn string (or number) as a BigInt; anything else is 0. */
export const tiynOf = (value: string | number | bigint | null | undefined): bigint => {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  if (typeof value === 'string' && DIGITS.test(value.trim())) return BigInt(value.trim());
  return 0n;
};

/** Whole tenge, rounded half away from zero. */
export const tengeOf = (tiyn: bigint): bigint => {
  const negative = tiyn < 0n;
  const abs = negative ? -tiyn : tiyn;
  const tenge = (abs + 50n) / 100n;
  return negative ? -tenge : tenge;
};

/** The exact amount in tenge as a decimal string (`"-1234.05"`), for Intl's exact string formatting. */
export const exactTenge = (tiyn: bigint): string => {
  const negative = tiyn < 0n;
  const abs = negative ? -tiyn : tiyn;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

/** Kazakh units, so the compact form never depends on the browser's Kazakh locale data. */
const KK_UNITS: Array<[bigint, string]> = [
  [1_000_000_000_000n, 'трлн'],
  [1_000_000_000n, 'млрд'],
  [1_000_000n, 'млн'],
  [1_000n, 'мың'],
];

export interface MoneyFormat {
  /** "1 234 568 ₸": whole tenge, every digit. */
  full: (tiyn: bigint) => string;
  /** "1 234 567,89 ₸": to the tiyn. */
  exact: (tiyn: bigint) => string;
  /** "1,2 трлн ₸" / "₸1.2tn". */
  compact: (tiyn: bigint) => string;
  /** "42,4 %" of a share 0..1 (or more). */
  percent: (share: number) => string;
}

const formats = new Map<Lang, MoneyFormat>();

export const moneyFormat = (lang: Lang): MoneyFormat => {
  const cached = formats.get(lang);
  if (cached) return cached;
  // The ₸ goes after the number in kk and ru, before it in en.
  const locale = LOCALES[lang];
  const currency = { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol' } as const;
  const whole = new Intl.NumberFormat(locale, { ...currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { ...currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const compactIntl = new Intl.NumberFormat(locale, {
    ...currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  const mantissa = new Intl.NumberFormat(LOCALES.ru, { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const share = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  const format: MoneyFormat = {
    full: (tiyn) => whole.format(tengeOf(tiyn)),
    exact: (tiyn) => cents.format(exactTenge(tiyn) as `${number}`),
    compact: (tiyn) => {
      const tenge = tengeOf(tiyn);
      if (lang !== 'kk') return compactIntl.format(Number(tenge));
      const abs = tenge < 0n ? -tenge : tenge;
      const unit = KK_UNITS.find(([size]) => abs >= size);
      if (!unit) return whole.format(tenge);
      return `${mantissa.format(Number(tenge) / Number(unit[0]))} ${unit[1]} ₸`;
    },
    percent: (value) => share.format(value),
  };
  formats.set(lang, format);
  return format;
};

/** paid / allocated as a share (0..1+), or null when nothing is allocated. */
export const executionShare = (paid: bigint, allocated: bigint): number | null =>
  allocated > 0n ? Number((paid * 1_000_000n) / allocated) / 1_000_000 : null;

/**
 * The execution share of an API row: its `executionPct` (a percentage, as a number or a decimal
 * string) when it has one, else paid / allocated.
 */
export const shareOf = (row: {
  executionPct?: number | string | null;
  paid: string;
  allocated: string;
}): number | null => {
  const pct = row.executionPct;
  if (pct !== undefined && pct !== null && pct !== '') {
    const value = typeof pct === 'number' ? pct : Number(pct);
    if (Number.isFinite(value)) return value / 100;
  }
  return executionShare(tiynOf(row.paid), tiynOf(row.allocated));
};
