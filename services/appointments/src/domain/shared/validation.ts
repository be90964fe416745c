/**
 * Input guards for deciders. Commands arrive from the edge already shaped by TypeScript, but the
 * edge is JSON: every decider re-checks what it relies on and refuses with the field's name, so
 * bad input becomes a clear 422 and never a corrupt event.
 */
import { isInstant, isLocalDate, isLocalTime, type Instant, type LocalDate, type LocalTime } from '@adal/domain-kit';
import { refuse } from './domain-error.js';

/**
 * Ids end up in stream names (`booking-<id>`, `calendar-<officialId>:<date>`), so they must fit the
 * store's stream-id alphabet and must not contain the `:` we use as a separator.
 */
const ID_PATTERN = /^[A-Za-z0-9_.@+-]{1,128}$/;

export const requireId = (value: unknown, field: string): string => {
  if (value === undefined || value === null || value === '') return refuse('FIELD_REQUIRED', { field });
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) return refuse('INVALID_ID', { field });
  return value;
};

/** Length in characters as people count them (code points), not UTF-16 units. */
export const characterCount = (text: string): number => [...text].length;

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

export const requireDate = (value: unknown, field: string): LocalDate => {
  if (value === undefined || value === null || value === '') return refuse('FIELD_REQUIRED', { field });
  return isLocalDate(value) ? value : refuse('INVALID_DATE', { field });
};

export const requireTime = (value: unknown, field: string): LocalTime => {
  if (value === undefined || value === null || value === '') return refuse('FIELD_REQUIRED', { field });
  return isLocalTime(value) ? value : refuse('INVALID_TIME', { field });
};

export const requireInstant = (value: unknown, field: string): Instant => {
  if (value === undefined || value === null || value === '') return refuse('FIELD_REQUIRED', { field });
  return isInstant(value) ? value : refuse('INVALID_INSTANT', { field });
};

export const requireChoice = <T extends string>(value: unknown, allowed: readonly T[], field: string): T => {
  if (value === undefined || value === null || value === '') return refuse('FIELD_REQUIRED', { field });
  return allowed.includes(value as T)
    ? (value as T)
    : refuse('INVALID_CHOICE', { field, params: { allowed: allowed.join(', ') } });
};

export const requireInteger = (value: unknown, field: string, min: number, max: number): number => {
  if (value === undefined || value === null) return refuse('FIELD_REQUIRED', { field });
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return refuse('INVALID_NUMBER', { field, params: { min, max } });
  }
  return value;
};

/** Join links are handed to citizens: only absolute https URLs, never javascript: or plain http. */
export const requireHttpsUrl = (value: unknown, field: string): string => {
  if (value === undefined || value === null || value === '') return refuse('FIELD_REQUIRED', { field });
  if (typeof value !== 'string' || value.length > 2000 || !/^https:\/\/[^\s/?#]+[^\s]*$/.test(value)) {
    return refuse('INVALID_URL', { field });
  }
  return value;
};
