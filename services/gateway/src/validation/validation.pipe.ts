import { Injectable, type ArgumentMetadata, type PipeTransform, type Type } from '@nestjs/common';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { GatewayProblem, type FieldIssue } from '../problems/gateway-problem.js';
import type { RuleContext } from './rules.js';

const knownFieldsCache = new WeakMap<Type<unknown>, ReadonlySet<string>>();

/** The properties a DTO class declares rules for (empty when it is not a DTO). */
export const knownFieldsOf = (dto: Type<unknown>): ReadonlySet<string> => {
  let fields = knownFieldsCache.get(dto);
  if (!fields) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
    fields = new Set(metadata.map((m) => m.propertyName));
    knownFieldsCache.set(dto, fields);
  }
  return fields;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One issue per invalid field: the failed rule of lowest rank. */
const issueOf = (error: ValidationError): FieldIssue | undefined => {
  let best: RuleContext | undefined;
  for (const name of Object.keys(error.constraints ?? {})) {
    const context = error.contexts?.[name] as RuleContext | undefined;
    if (context && (!best || context.rank < best.rank)) best = context;
  }
  if (!best) return undefined;
  const issue: FieldIssue = { field: error.property, key: best.key, kind: best.kind };
  if (best.params) issue.params = best.params;
  return issue;
};

/**
 * Validates every `@Body()`, `@Query()` and `@Param()` typed with a DTO class: unknown body
 * fields are refused, unknown query parameters dropped; each invalid field is named in the
 * problem (400 for wrong types, else 422). Hands the handler a DTO instance holding only the
 * declared fields, which is what gets forwarded.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    if (type !== 'body' && type !== 'query' && type !== 'param') return value;
    if (!metatype || metadata.data !== undefined) return value;
    const fields = knownFieldsOf(metatype as Type<unknown>);
    if (fields.size === 0) return value;

    const input = value === undefined && type === 'body' ? {} : value;
    if (!isPlainObject(input)) throw GatewayProblem.validation([{ field: 'body', key: 'field.object', kind: 'type' }]);

    const issues: FieldIssue[] = [];
    const dto = new (metatype as Type<Record<string, unknown>>)();
    for (const key of Object.keys(input)) {
      if (fields.has(key)) dto[key] = input[key];
      else if (type === 'body') issues.push({ field: key, key: 'field.unknown', kind: 'value' });
    }
    // Class fields start as own `undefined` properties; drop the ones the request did not send.
    for (const key of Object.keys(dto)) if (dto[key] === undefined) delete dto[key];

    const errors = await validate(dto, {
      forbidUnknownValues: false,
      validationError: { target: false, value: false },
    });
    for (const error of errors) {
      const issue = issueOf(error);
      if (issue) issues.unshift(issue);
    }
    if (issues.length > 0) throw GatewayProblem.validation(sortIssues(issues, fields));
    return dto;
  }
}

/** Declared fields in declaration order, then unknown ones. */
const sortIssues = (issues: FieldIssue[], fields: ReadonlySet<string>): FieldIssue[] => {
  const order = [...fields];
  const rank = (field: string): number => {
    const index = order.indexOf(field);
    return index < 0 ? order.length : index;
  };
  return [...issues].sort((a, b) => rank(a.field) - rank(b.field));
};
