/**
 * Kazakh calendar names from CLDR (format context), for browsers whose ICU data lists `kk` but
 * ships no Kazakh names (e.g. Chromium's trimmed data answers "2026 M11 23, Mon"). Used only when
 * `Intl` cannot name a Kazakh month itself; the numbers still come from `Intl`.
 */
export const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
export const KK_MONTHS_SHORT = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];
/** ISO order, Monday first. */
export const KK_WEEKDAYS = ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'];
export const KK_WEEKDAYS_SHORT = ['дс', 'сс', 'ср', 'бс', 'жм', 'сб', 'жс'];

/** True when this browser's `Intl` really knows Kazakh month names. */
export const intlKnowsKazakh = (): boolean => {
  try {
    const november = new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 15));
    return november.toLocaleLowerCase('kk') === 'қараша';
  } catch {
    return false;
  }
};
