/**
 * Input guards for deciders. Commands come from JSON and CSV: every decider re-checks what it
 * relies on and refuses with the field's name, so bad input becomes a clear 422 (or an import
 * report row) and never a corrupt event.
 */
import { isValidBin, looksLikeIin } from './bin.js';
import { isLocalDate, yearOf } from './dates.js';
import { refuse } from './domain-error.js';
import { isFunctionalGroup } from './functional-groups.js';
import { isRegionId } from './regions.js';
import { parseLineId } from './streams.js';
import { INSTITUTION_LEVELS, type InstitutionLevel, type LocalDate, type LocalizedText } from './vocabulary.js';

/** Names of institutions and programmes: 1..300 characters in each language. */
export const MAX_NAME_LENGTH = 300;
export const MAX_REASON_LENGTH = 500;
export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;

/** Transaction, commitment and payment ids (they come from the source systems' exports). */
const ID_PATTERN = /^[A-Za-z0-9._:/-]{1,64}$/;
const CODE_PATTERN = /^\d{3}$/;

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

export const requireObject = (value: unknown, field: string): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : refuse('FIELD_REQUIRED', { field });

export const requireId = (value: unknown, field: string): string => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) return refuse('INVALID_ID', { field });
  return value;
};

/** Length in characters as people count them (code points), not UTF-16 units. */
const characterCount = (text: string): number => [...text].length;

/**
 * What a spreadsheet reads as the start of a formula (CSV injection, OWASP): every free text here
 * (institution and programme names, amendment reasons) ends up in the open-data CSV files, so
 * none may start with one, before or after trimming.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A required free text: trimmed, non-empty, at most `maxLength` characters, not formula-like. */
export const requireText = (value: unknown, field: string, maxLength: number): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return refuse('FIELD_REQUIRED', { field });
  if (FORMULA_START.test(value as string) || FORMULA_START.test(text)) return refuse('TEXT_FORMULA_START', { field });
  if (characterCount(text) > maxLength) return refuse('TEXT_TOO_LONG', { field, params: { max: maxLength } });
  return text;
};

/** An optional free text: absent or blank gives `undefined`. */
export const optionalText = (value: unknown, field: string, maxLength: number): string | undefined => {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return requireText(value, field, maxLength);
};

export const requireLocalizedText = (value: unknown, field: string, maxLength: number): LocalizedText => {
  const text = requireObject(value, field);
  return {
    kk: requireText(text['kk'], `${field}.kk`, maxLength),
    ru: requireText(text['ru'], `${field}.ru`, maxLength),
    en: requireText(text['en'], `${field}.en`, maxLength),
  };
};

export const requireDate = (value: unknown, field: string): LocalDate => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return isLocalDate(value) ? value : refuse('INVALID_DATE', { field });
};

/** A date within the calendar year `fiscalYear`. */
export const requireDateInYear = (value: unknown, field: string, fiscalYear: number): LocalDate => {
  const date = requireDate(value, field);
  if (yearOf(date) !== fiscalYear) refuse('DATE_OUTSIDE_FISCAL_YEAR', { field, params: { year: fiscalYear } });
  return date;
};

export const requireFiscalYear = (value: unknown, field: string): number => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_FISCAL_YEAR || year > MAX_FISCAL_YEAR) {
    return refuse('INVALID_YEAR', { field, params: { min: MIN_FISCAL_YEAR, max: MAX_FISCAL_YEAR } });
  }
  return year;
};

export const requireBin = (value: unknown, field: string): string => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  if (isValidBin(value)) return value;
  // A person's IIN is personal data: refused with its own message so nobody retries it as a BIN.
  return refuse(looksLikeIin(value) ? 'BIN_IS_PERSONAL_IIN' : 'INVALID_BIN', { field });
};

export const optionalBin = (value: unknown, field: string): string | undefined =>
  absent(value) ? undefined : requireBin(value, field);

export const requireRegionId = (value: unknown, field: string): string => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return isRegionId(value) ? value : refuse('INVALID_REGION', { field });
};

export const requireLevel = (value: unknown, field: string): InstitutionLevel => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return INSTITUTION_LEVELS.includes(value as InstitutionLevel)
    ? (value as InstitutionLevel)
    : refuse('INVALID_CHOICE', { field, params: { allowed: INSTITUTION_LEVELS.join(', ') } });
};

/** A 3-digit budget classification code (administrator, programme, subprogramme). */
export const requireCode = (value: unknown, field: string): string => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return typeof value === 'string' && CODE_PATTERN.test(value) ? value : refuse('INVALID_CODE', { field });
};

export const requireFunctionalGroup = (value: unknown, field: string): string => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  return isFunctionalGroup(value) ? value : refuse('INVALID_FUNCTIONAL_GROUP', { field });
};

/** A budget line id (`{bin}-{programmeCode}-{fiscalYear}`, BIN checksum-valid), e.g. from a URL path. */
export const requireLineId = (value: unknown, field: string): string => {
  if (absent(value)) return refuse('FIELD_REQUIRED', { field });
  const parts = typeof value === 'string' ? parseLineId(value) : undefined;
  if (!parts || !isValidBin(parts.bin)) return refuse('INVALID_LINE_ID', { field });
  return value as string;
};
