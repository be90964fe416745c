import { ApiError } from '../api/client';
import type { MessageKey, Params } from '../i18n/i18n';
import type { FormError } from './ErrorSummary';

type T = (key: MessageKey, params?: Params) => string;

/** One sentence for a failed call: the gateway's localized problem, or ours when there is none. */
export const problemText = (error: unknown, t: T): string => {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.status === 0) return t('errors.network');
  if (error.status === 401) return t('errors.unauthorized');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status >= 500) return t('errors.server');
  const problem = error.problem;
  if (!problem) return t('errors.unexpected');
  return problem.detail ?? problem.title;
};

/**
 * A problem's field errors as form errors: `fields` maps the API's field names (the last part of
 * a dotted path counts) to the form's field ids; anything else is about the whole form.
 */
export const formErrorsOf = (error: unknown, fields: Record<string, string>, t: T): FormError[] => {
  const list = error instanceof ApiError ? error.fieldErrors : [];
  if (list.length === 0) return [{ message: problemText(error, t) }];
  return list.map((e) => {
    const name = e.field.split('.').pop() ?? e.field;
    const fieldId = fields[e.field] ?? fields[name];
    return fieldId ? { fieldId, message: e.message } : { message: e.message };
  });
};

/** The first error of a field, for its inline message. */
export const errorOf = (errors: FormError[], fieldId: string): string | undefined =>
  errors.find((e) => e.fieldId === fieldId)?.message;
