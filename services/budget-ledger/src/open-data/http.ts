/**
 * The HTTP edge of the public budget reads: language and format negotiation, query-parameter
 * checks that answer RFC 9457 problems naming the field (400 for a wrong type, 422 for a value
 * outside the rule), weak ETags and `If-None-Match`, `Link` headers for pages.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { ProblemException, ProblemTypes, type ProblemFieldError } from '@adal/service-kit';
import type { Language } from '../domain/index.js';

export const CACHE_CONTROL = 'public, max-age=30';
/** Problems (4xx) and failures are never kept by a cache. */
export const NO_STORE = 'no-store';
export const VARY = 'Accept, Accept-Language';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_QUERY_CHARS = 200;

const LANGUAGES = new Set<Language>(['kk', 'ru', 'en']);

/** The best of kk / ru / en in `Accept-Language` (by q, then order); kk when none. */
export const languageOf = (header: string | string[] | undefined): Language => {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: Language = 'kk';
  let bestQ = 0;
  for (const part of text.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag?.split('-')[0]?.trim() as Language | undefined;
    if (!primary || !LANGUAGES.has(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > bestQ) {
      best = primary;
      bestQ = q;
    }
  }
  return best;
};

export type Format = 'json' | 'csv';

// ---- problems, in the caller's language ----

type Texts = Record<Language, string>;

const TITLES = {
  invalid: { kk: 'Сұрау жарамсыз', ru: 'Запрос некорректен', en: 'Your request is not valid' },
  notFound: { kk: 'Табылмады', ru: 'Не найдено', en: 'Not found' },
} satisfies Record<string, Texts>;

export const MESSAGES = {
  integer: { kk: 'бүтін сан болуы керек', ru: 'должно быть целым числом', en: 'must be a whole number' },
  range: {
    kk: '{min} мен {max} аралығында болуы керек',
    ru: 'должно быть от {min} до {max}',
    en: 'must be between {min} and {max}',
  },
  choice: {
    kk: 'мыналардың бірі болуы керек: {allowed}',
    ru: 'должно быть одним из: {allowed}',
    en: 'must be one of: {allowed}',
  },
  text: { kk: 'мәтін болуы керек', ru: 'должно быть текстом', en: 'must be a text' },
  control: {
    kk: 'басқару таңбалары болмауы керек',
    ru: 'не должно содержать управляющих символов',
    en: 'must not contain control characters',
  },
  tooLong: {
    kk: 'ең көбі {max} таңба болуы керек',
    ru: 'должно быть не длиннее {max} символов',
    en: 'must be at most {max} characters',
  },
  noRegion: { kk: 'Мұндай өңір жоқ', ru: 'Такого региона нет', en: 'There is no such region' },
  noInstitution: { kk: 'Мұндай мекеме жоқ', ru: 'Такого учреждения нет', en: 'There is no such institution' },
  noLine: { kk: 'Мұндай бюджет жолы жоқ', ru: 'Такой бюджетной строки нет', en: 'There is no such budget line' },
  noFile: {
    kk: 'Мұндай ашық деректер файлы жоқ',
    ru: 'Такого файла открытых данных нет',
    en: 'There is no such open data file',
  },
} satisfies Record<string, Texts>;

export type MessageKey = keyof typeof MESSAGES;

const render = (text: string, params: Record<string, string | number> = {}): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  /** `type`: 400 (the value cannot be read); `value`: 422 (it breaks a rule). */
  kind: 'type' | 'value';
}

export const invalidQuery = (problems: readonly FieldProblem[], language: Language): ProblemException => {
  const errors: ProblemFieldError[] = problems.map((p) => ({
    field: p.field,
    message: render(MESSAGES[p.key][language], p.params),
  }));
  return new ProblemException({
    status: problems.some((p) => p.kind === 'type') ? 400 : 422,
    type: ProblemTypes.validation,
    title: TITLES.invalid[language],
    detail: errors.length === 1 ? `${errors[0]!.field}: ${errors[0]!.message}` : errors.map((e) => e.field).join(', '),
    errors,
  });
};

export const notFound = (key: MessageKey, language: Language): ProblemException =>
  new ProblemException({ status: 404, title: TITLES.notFound[language], detail: MESSAGES[key][language] });

/** C0 controls, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Reads and checks query parameters, gathering every problem before answering. */
export class QueryReader {
  private readonly problems: FieldProblem[] = [];

  constructor(
    private readonly query: Record<string, unknown>,
    private readonly language: Language,
  ) {}

  private raw(field: string): string | undefined {
    const value = this.query[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      this.problems.push({ field, key: 'text', kind: 'type' });
      return undefined;
    }
    // A NUL would reach PostgreSQL (which refuses it in text); no control character is a search.
    if (CONTROL_CHARS.test(value)) {
      this.problems.push({ field, key: 'control', kind: 'type' });
      return undefined;
    }
    return value;
  }

  int(field: string, min: number, max: number): number | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (!/^-?\d{1,12}$/.test(value.trim())) {
      this.problems.push({ field, key: 'integer', kind: 'type' });
      return undefined;
    }
    const n = Number(value.trim());
    if (n < min || n > max) {
      this.problems.push({ field, key: 'range', params: { min, max }, kind: 'value' });
      return undefined;
    }
    return n;
  }

  choice<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push({ field, key: 'choice', params: { allowed: allowed.join(', ') }, kind: 'value' });
      return undefined;
    }
    return value as T;
  }

  text(field: string, maxChars: number): string | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if ([...value].length > maxChars) {
      this.problems.push({ field, key: 'tooLong', params: { max: maxChars }, kind: 'value' });
      return undefined;
    }
    return value;
  }

  /** Throws the gathered problems, if any. */
  done(): void {
    if (this.problems.length > 0) throw invalidQuery(this.problems, this.language);
  }
}

/** JSON unless `?format=csv`, or `Accept` prefers `text/csv`. */
export const formatOf = (reader: QueryReader, accept: string | undefined): Format =>
  preferredFormat(reader.choice('format', ['json', 'csv'] as const), accept);

interface MediaChoice {
  q: number;
  /** The range's place in the header (ties go to the first). */
  index: number;
  /** 2 for the exact type, 1 for a `type/` wildcard, 0 for the any-type wildcard. */
  specificity: number;
}

/** The q-value `Accept` gives a media type (its most specific matching range), if any range matches. */
const acceptChoice = (ranges: readonly { type: string; q: number }[], type: string, wildcards: boolean) => {
  const [major] = type.split('/');
  let best: MediaChoice | undefined;
  ranges.forEach((range, index) => {
    const specificity =
      range.type === type
        ? 2
        : wildcards && range.type === `${major}/*`
          ? 1
          : wildcards && range.type === '*/*'
            ? 0
            : -1;
    if (specificity < 0 || (best && best.specificity >= specificity)) return;
    best = { q: range.q, index, specificity };
  });
  return best;
};

/**
 * The format asked for with `?format=`, else the one `Accept` prefers by q-value: CSV only when
 * `text/csv` is named with q > 0 and JSON (or a wildcard) is not preferred to it; on equal q the
 * one listed first. JSON when `Accept` says nothing useful.
 */
export const preferredFormat = (asked: Format | undefined, accept: string | undefined): Format => {
  if (asked) return asked;
  const text = (accept ?? '').toLowerCase();
  if (!text.includes('text/csv')) return 'json';
  const ranges = text.split(',').map((part) => {
    const [type = '', ...params] = part.split(';').map((p) => p.trim());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return { type, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
  });
  const csv = acceptChoice(ranges, 'text/csv', false);
  if (!csv || csv.q <= 0) return 'json';
  const json = acceptChoice(ranges, 'application/json', true);
  if (!json || json.q <= 0) return 'csv';
  if (csv.q !== json.q) return csv.q > json.q ? 'csv' : 'json';
  return csv.index <= json.index ? 'csv' : 'json';
};

// ---- validators ----

/** Weak ETag of an answer: the projection's position and the request, canonically. */
export const weakEtag = (position: bigint, parts: readonly (string | number | undefined)[]): string => {
  const hash = createHash('sha1')
    .update(parts.map((p) => (p === undefined ? '' : String(p))).join('\u0000'))
    .digest('base64url')
    .slice(0, 16);
  return `W/"${position.toString(36)}-${hash}"`;
};

/** Does `If-None-Match` hold this (weak) tag? */
export const matches = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
};

export const cacheHeaders = (res: Response, etag: string): void => {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', CACHE_CONTROL);
  res.setHeader('Vary', VARY);
};

/**
 * For a problem answer: no validator, nothing kept (unless the answer is already out). Express
 * would tag the problem body it sends with an ETag of its own: that one is taken off at `end`.
 */
export const noStoreHeaders = (res: Response): void => {
  if (res.headersSent) return;
  res.removeHeader('ETag');
  res.setHeader('Cache-Control', NO_STORE);
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent) {
      res.removeHeader('ETag');
      res.setHeader('Cache-Control', NO_STORE);
    }
    return end(...args);
  }) as Response['end'];
};

/** Answers 304 when the caller already holds `etag`; true when it did. */
export const notModified = (req: Request, res: Response, etag: string): boolean => {
  cacheHeaders(res, etag);
  if (!matches(req.headers['if-none-match'], etag)) return false;
  res.status(304).end();
  return true;
};

export interface Rendered {
  /** The body, encoded once (the only copy kept). */
  bytes: Buffer;
  contentType: string;
  /** For CSV: the file name offered to save it as. */
  filename?: string;
  /** For a page: the items over all pages (for the `Link` header). */
  total?: number;
}

export const sendRendered = (res: Response, rendered: Rendered, extra: Record<string, string> = {}): void => {
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
  res.setHeader('Content-Type', rendered.contentType);
  if (rendered.filename) res.setHeader('Content-Disposition', `attachment; filename="${rendered.filename}"`);
  res.status(200).end(rendered.bytes);
};

/** RFC 8288 links to the first, previous, next and last pages, on the service's own path. */
export const pageLinks = (
  path: string,
  query: Record<string, string | number | undefined>,
  page: number,
  pageSize: number,
  total: number,
): string => {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number, rel: string): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '' && key !== 'page' && key !== 'pageSize') params.set(key, String(value));
    params.set('page', String(p));
    params.set('pageSize', String(pageSize));
    return `<${path}?${params.toString()}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'));
  links.push(link(last, 'last'));
  return links.join(', ');
};
