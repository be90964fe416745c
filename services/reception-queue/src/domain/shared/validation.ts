/**
 * Input guards for deciders. Commands arrive from the edge already shaped by TypeScript, but the
 * edge is JSON: every decider re-checks what it relies on and refuses with the field's name, so
 * bad input becomes a clear 422 and never a corrupt event.
 */
import { isInstant, isLocalDate, isLocalTime, type Instant, type LocalDate, type LocalTime } from '@adal/domain-kit';
import { refuse } from './domain-error.js';
import type { LocalizedText } from './vocabulary.js';

/**
 * Ids end up in stream names (`office-<officeId>`, `queueday-<officeId>:<date>`), so they must fit
 * the store's stream-id alphabet and must not contain the `:` we use as a separator.
 */
const ID_PATTERN = /^[A-Za-z0-9_.@+-]{1,128}$/;

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

export const requireId = (value: unknown, field: string): string => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) return refuse('INVALID_ID', { field });
  return value;
};

export const optionalId = (value: unknown, field: string): string | undefined =>
  absent(value) ? undefined : requireId(value, field);

/** Length in characters as people count them (code points), not UTF-16 units. */
const characterCount = (text: string): number => [...text].length;

/** A required free text: trimmed, non-empty, at most `maxLength` characters. */
export const requireText = (value: unknown, field: string, maxLength: number): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return refuse('FIELD_REQUIRED', { field });
  if (characterCount(text) > maxLength) return refuse('TEXT_TOO_LONG', { field, params: { max: maxLength } });
  return text;
};

/** An optional free text: absent or blank gives `undefined`. */
export const optionalText = (value: unknown, field: string, maxLength: number): string | undefined => {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return requireText(value, field, maxLength);
};

export const requireLocalizedText = (value: unknown, field: string, maxLength: number): LocalizedText => {
  if (value === undefined || value === null || typeof value !== 'object') return refuse('FIELD_REQUIRED', { field });
  const text = value as Partial<LocalizedText>;
  return {
    kk: requireText(text.kk, `${field}.kk`, maxLength),
    ru: requireText(text.ru, `${field}.ru`, maxLength),
    en: requireText(text.en, `${field}.en`, maxLength),
  };
};

export const requireDate = (value: unknown, field: string): LocalDate => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return isLocalDate(value) ? value : refuse('INVALID_DATE', { field });
};

export const requireTime = (value: unknown, field: string, options: { allowEndOfDay?: boolean } = {}): LocalTime => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  if (options.allowEndOfDay && value === '24:00') return value;
  return isLocalTime(value) ? value : refuse('INVALID_TIME', { field });
};

export const requireInstant = (value: unknown, field: string): Instant => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return isInstant(value) ? value : refuse('INVALID_INSTANT', { field });
};

export const requireChoice = <T extends string>(value: unknown, allowed: readonly T[], field: string): T => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return allowed.includes(value as T)
    ? (value as T)
    : refuse('INVALID_CHOICE', { field, params: { allowed: allowed.join(', ') } });
};

export const optionalChoice = <T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T | undefined => (absent(value) ? undefined : requireChoice(value, allowed, field));

export const requireInteger = (value: unknown, field: string, min: number, max: number): number => {
  if (value === undefined || value === null) return refuse('FIELD_REQUIRED', { field });
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return refuse('INVALID_NUMBER', { field, params: { min, max } });
  }
  return value;
};

export const optionalInteger = (value: unknown, field: string, min: number, max: number): number | undefined =>
  value === undefined || value === null ? undefined : requireInteger(value, field, min, max);

/** A JSON array of 1..max items. */
export const requireList = (value: unknown, field: string, max: number): unknown[] => {
  if (value === undefined || value === null) return refuse('FIELD_REQUIRED', { field });
  if (!Array.isArray(value)) return refuse('LIST_EMPTY', { field });
  if (value.length === 0) return refuse('LIST_EMPTY', { field });
  if (value.length > max) return refuse('LIST_TOO_LONG', { field, params: { max } });
  return value;
};

/** A JSON object (not an array, not null), or the refusal naming the field. */
export const requireObject = (value: unknown, field: string): Record<string, unknown> => {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse('FIELD_REQUIRED', { field });
  }
  return value as Record<string, unknown>;
};
