import { ValidateBy } from 'class-validator';
import type { MessageKey, MessageParams } from '../i18n/messages.js';

/**
 * class-validator rules whose failures carry a message key (localized later, in the caller's
 * language) and a kind: `type` failures (wrong JSON type) make a 400, the others a 422.
 *
 * Every rule passes an absent (`undefined`) value; only `Required` / `RequiredWhen` insist on
 * presence. `null` is a value of the wrong type.
 */
export interface RuleContext {
  key: MessageKey;
  params?: MessageParams;
  kind: 'type' | 'value';
  /** Lower wins when one field breaks several rules. */
  rank: number;
}

type Test = (value: unknown, object: Record<string, unknown>) => boolean;

const rule = (name: string, context: RuleContext, test: Test): PropertyDecorator =>
  ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown, args) =>
          value === undefined || test(value, (args?.object ?? {}) as Record<string, unknown>),
        defaultMessage: () => context.key,
      },
    },
    { context },
  );

const RANK = { required: 0, type: 1, format: 2, range: 3, relation: 4 } as const;

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date written `YYYY-MM-DD`. */
export const isDateOnly = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export const isTimeOfDay = (value: unknown): value is string => typeof value === 'string' && TIME_PATTERN.test(value);

/** Whole days from one `YYYY-MM-DD` to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const Required = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'required',
      validator: { validate: (value: unknown) => value !== undefined, defaultMessage: () => 'required' },
    },
    { context: { key: 'field.required', kind: 'value', rank: RANK.required } satisfies RuleContext },
  );

const IsStringType = (): PropertyDecorator =>
  rule('string', { key: 'field.string', kind: 'type', rank: RANK.type }, (v) => typeof v === 'string');

const IsIntegerType = (): PropertyDecorator =>
  rule('integer', { key: 'field.integer', kind: 'type', rank: RANK.type }, (v) => typeof v === 'number');

const combine =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };

/** C0 controls (NUL included: PostgreSQL refuses it in text), DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but for line breaks and tabs (multi-line free text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface TextOptions {
  /** Allow line breaks and tabs (a multi-line free text); every other control character is refused. */
  lineBreaks?: boolean;
}

/**
 * A string of `min`..`max` characters without control characters (a 400 naming the field);
 * with `min >= 1`, not only whitespace.
 */
export const IsText = (min: number, max: number, options: TextOptions = {}): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      'noControlCharacters',
      { key: 'field.controlCharacters', kind: 'type', rank: RANK.type },
      (v) =>
        typeof v !== 'string' ||
        !(options.lineBreaks ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(v),
    ),
    rule(
      'length',
      { key: 'field.length', params: { min, max }, kind: 'value', rank: RANK.range },
      (v) => typeof v !== 'string' || (v.length >= min && v.length <= max),
    ),
    ...(min >= 1
      ? [
          rule(
            'notBlank',
            { key: 'field.notBlank', kind: 'value', rank: RANK.format },
            (v) => typeof v !== 'string' || v.length === 0 || v.trim().length > 0,
          ),
        ]
      : []),
  );

/** A real date, `YYYY-MM-DD`. */
export const IsDateOnly = (): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      'date',
      { key: 'field.date', kind: 'value', rank: RANK.format },
      (v) => typeof v !== 'string' || isDateOnly(v),
    ),
  );

/** A time of day, `HH:mm` (00:00–23:59). */
export const IsTimeOfDay = (): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      'time',
      { key: 'field.time', kind: 'value', rank: RANK.format },
      (v) => typeof v !== 'string' || isTimeOfDay(v),
    ),
  );

/** One of a fixed set of strings. */
export const IsOneOf = (values: readonly string[]): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      'oneOf',
      { key: 'field.oneOf', params: { values: values.join(', ') }, kind: 'value', rank: RANK.format },
      (v) => typeof v !== 'string' || values.includes(v),
    ),
  );

/** An integer from `min` to `max`. */
export const IsIntRange = (min: number, max: number): PropertyDecorator =>
  combine(
    IsIntegerType(),
    rule(
      'range',
      { key: 'field.range', params: { min, max }, kind: 'value', rank: RANK.range },
      (v) => typeof v !== 'number' || (Number.isInteger(v) && v >= min && v <= max),
    ),
  );

/** A slug-like id (`official-akimat-head`, `office-psc`, a UUID, ...). */
export const IsIdentifier = (): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      'identifier',
      { key: 'field.identifier', kind: 'value', rank: RANK.format },
      (v) => typeof v !== 'string' || IDENTIFIER_PATTERN.test(v),
    ),
  );

/** A UUID (ids of aggregates such as bookings are UUID v7). */
export const IsUuid = (): PropertyDecorator =>
  combine(
    IsStringType(),
    rule(
      'uuid',
      { key: 'field.uuid', kind: 'value', rank: RANK.format },
      (v) => typeof v !== 'string' || UUID_PATTERN.test(v),
    ),
  );

/** Later than the time of day in `other` (checked only when both are valid times). */
export const IsTimeAfter = (other: string): PropertyDecorator =>
  rule(
    'timeAfter',
    { key: 'field.after', params: { other }, kind: 'value', rank: RANK.relation },
    (v, o) => !isTimeOfDay(v) || !isTimeOfDay(o[other]) || v > (o[other] as string),
  );

/** Not before the date in `other` (checked only when both are valid dates). */
export const IsDateNotBefore = (other: string): PropertyDecorator =>
  rule(
    'dateNotBefore',
    { key: 'field.notBefore', params: { other }, kind: 'value', rank: RANK.relation },
    (v, o) => !isDateOnly(v) || !isDateOnly(o[other]) || v >= (o[other] as string),
  );

/** At most `max` days covered from the date in `other` to this one, both included. */
export const IsWithinDaysOf = (other: string, max: number): PropertyDecorator =>
  rule(
    'withinDays',
    { key: 'field.maxDays', params: { max }, kind: 'value', rank: RANK.relation },
    (v, o) => !isDateOnly(v) || !isDateOnly(o[other]) || daysBetween(o[other] as string, v) < max,
  );

/** Required when `other` equals `value`. */
export const RequiredWhen = (other: string, value: string): PropertyDecorator =>
  ValidateBy(
    {
      name: 'requiredWhen',
      validator: {
        validate: (v: unknown, args) => v !== undefined || (args?.object as Record<string, unknown>)[other] !== value,
        defaultMessage: () => 'requiredWhen',
      },
    },
    {
      context: {
        key: 'field.requiredWhen',
        params: { other, value },
        kind: 'value',
        rank: RANK.required,
      } satisfies RuleContext,
    },
  );

/** Allowed only when `other` equals `value`. */
export const OnlyWhen = (other: string, value: string): PropertyDecorator =>
  rule(
    'onlyWhen',
    { key: 'field.onlyWhen', params: { other, value }, kind: 'value', rank: RANK.relation },
    (_v, o) => o[other] === value,
  );
