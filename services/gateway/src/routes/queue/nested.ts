import type { Type } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { GatewayProblem, type FieldIssue } from '../../problems/gateway-problem.js';
import { IDENTIFIER_PATTERN, type RuleContext } from '../../validation/rules.js';
import { RequestValidationPipe } from '../../validation/validation.pipe.js';

/**
 * Bodies with nested objects and lists of objects (the office set-up of the reception queue).
 *
 * `RequestValidationPipe` checks the top level of a body: `@NestedList` / `@NestedObject` say
 * there that a field is a JSON array (of `min`..`max` items) / a JSON object. `validateNested`
 * then checks every nested object against its own DTO with the same pipe (unknown fields
 * refused, one issue per field) and names each invalid field by its path
 * (`services[1].prefix`, `services[0].name.kk`), all in one problem: 400 when a value has the
 * wrong JSON type, else 422. What it returns holds only the declared fields, at every level.
 */

const RANK = { type: 1, range: 3 } as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Nesting = { kind: 'list' | 'object'; dto: () => Type<unknown> };

/** A class (DTO constructors, as decorators see them). */
type Constructor = abstract new (...args: never[]) => unknown;

/** Nested fields per DTO class (own fields; a subclass also inherits its parents'). */
const nestedFields = new Map<object, Map<string, Nesting>>();

const nestedFieldsOf = (dto: Constructor): Map<string, Nesting> => {
  const all = new Map<string, Nesting>();
  const chain: object[] = [];
  for (
    let c: object | null = dto;
    c !== null && c !== Function.prototype;
    c = Object.getPrototypeOf(c) as object | null
  ) {
    chain.unshift(c);
  }
  for (const c of chain) for (const [field, nesting] of nestedFields.get(c) ?? []) all.set(field, nesting);
  return all;
};

const remember = (target: object, property: string | symbol, nesting: Nesting): void => {
  const owner = (target as { constructor: Constructor }).constructor;
  let fields = nestedFields.get(owner);
  if (!fields) nestedFields.set(owner, (fields = new Map()));
  fields.set(String(property), nesting);
};

const typeRule = (name: string, key: RuleContext['key'], test: (value: unknown) => boolean): PropertyDecorator =>
  ValidateBy(
    {
      name,
      validator: { validate: (value: unknown) => value === undefined || test(value), defaultMessage: () => key },
    },
    { context: { key, kind: 'type', rank: RANK.type } satisfies RuleContext },
  );

/** A JSON array of `min`..`max` items. */
const IsList =
  (min: number, max: number): PropertyDecorator =>
  (target, property) => {
    typeRule('array', 'field.array', (v) => Array.isArray(v))(target, property);
    ValidateBy(
      {
        name: 'items',
        validator: {
          validate: (v: unknown) => !Array.isArray(v) || (v.length >= min && v.length <= max),
          defaultMessage: () => 'field.items',
        },
      },
      { context: { key: 'field.items', params: { min, max }, kind: 'value', rank: RANK.range } satisfies RuleContext },
    )(target, property);
  };

/** A JSON array of `min`..`max` JSON objects, each checked against `dto` by `validateNested`. */
export const NestedList =
  (dto: () => Type<unknown>, min: number, max: number): PropertyDecorator =>
  (target, property) => {
    IsList(min, max)(target, property);
    remember(target, property, { kind: 'list', dto });
  };

/** A JSON array of `min`..`max` ids (`IsIdentifier` each). */
export const IsIdentifierList =
  (min: number, max: number): PropertyDecorator =>
  (target, property) => {
    IsList(min, max)(target, property);
    typeRule(
      'strings',
      'field.string',
      (v) => !Array.isArray(v) || v.every((item) => typeof item === 'string'),
    )(target, property);
    ValidateBy(
      {
        name: 'identifiers',
        validator: {
          validate: (v: unknown) =>
            !Array.isArray(v) || v.every((item) => typeof item !== 'string' || IDENTIFIER_PATTERN.test(item)),
          defaultMessage: () => 'field.identifier',
        },
      },
      { context: { key: 'field.identifier', kind: 'value', rank: 2 } satisfies RuleContext },
    )(target, property);
  };

/** A JSON object, checked against `dto` by `validateNested`. */
export const NestedObject =
  (dto: () => Type<unknown>): PropertyDecorator =>
  (target, property) => {
    typeRule('object', 'field.object', isPlainObject)(target, property);
    remember(target, property, { kind: 'object', dto });
  };

const pipe = new RequestValidationPipe();

/** Validates `value` as `dto` at `path`: the cleaned value, or the issues found (paths in full). */
const check = async (
  value: unknown,
  dto: Type<unknown>,
  path: string,
): Promise<{ value?: Record<string, unknown>; issues: FieldIssue[] }> => {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  const issues: FieldIssue[] = [];
  let clean: Record<string, unknown>;
  try {
    clean = (await pipe.transform(value, { type: 'body', metatype: dto })) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof GatewayProblem)) throw error;
    for (const issue of error.init.errors ?? []) {
      // The pipe names a non-object `body`; here it is the nested field itself.
      issues.push(
        issue.field === 'body' && path !== '' ? { ...issue, field: path } : { ...issue, field: at(issue.field) },
      );
    }
    if (!isPlainObject(value)) return { issues };
    clean = { ...value }; // still look into its nested objects, to name every invalid field at once
  }
  const flagged = new Set(issues.map((issue) => issue.field));
  for (const [field, nesting] of nestedFieldsOf(dto)) {
    const inner = clean[field];
    if (inner === undefined || flagged.has(at(field))) continue;
    if (nesting.kind === 'object') {
      const result = await check(inner, nesting.dto(), at(field));
      issues.push(...result.issues);
      if (result.value) clean[field] = result.value;
      continue;
    }
    const items: unknown[] = [];
    for (const [index, item] of (inner as unknown[]).entries()) {
      const result = await check(item, nesting.dto(), `${at(field)}[${index}]`);
      issues.push(...result.issues);
      items.push(result.value);
    }
    clean[field] = items;
  }
  return issues.length > 0 ? { issues } : { value: clean, issues };
};

/**
 * Checks the nested objects of a body the pipe has validated at its top level. Throws one
 * validation problem naming every invalid nested field; returns the body with only declared
 * fields at every level.
 */
export const validateNested = async <T extends object>(body: T, dto: Type<T>): Promise<T> => {
  const result = await check(body, dto, '');
  if (result.issues.length > 0) throw GatewayProblem.validation(result.issues);
  return result.value as T;
};
