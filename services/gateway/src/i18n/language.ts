/** The languages of every user-facing text. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Kazakh when the caller states no usable preference: it is the state language, in which a
 * state body answers unless asked otherwise (Law "On Languages", art. 4 and 11). Clients that
 * want Russian or English send `Accept-Language: ru` / `en`.
 */
export const DEFAULT_LANGUAGE: Language = 'kk';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The best of kk/ru/en for an `Accept-Language` header (RFC 9110 q-values; `kk-KZ`, `ru-RU`,
 * `en-GB` count as their language), or undefined when it names none of them.
 */
export const negotiateLanguage = (header: string | string[] | undefined): Language | undefined => {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  let best: { language: Language; q: number; index: number } | undefined;
  value.split(',').forEach((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (!isLanguage(primary)) return;
    let q = 1;
    for (const param of params) {
      const [key, raw] = param.trim().split('=');
      if (key?.trim().toLowerCase() === 'q') {
        const parsed = Number(raw);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    if (q <= 0) return;
    if (!best || q > best.q) best = { language: primary, q, index };
  });
  return best?.language;
};
