import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';
import { ProblemException, ProblemTypes } from '@adal/service-kit';
import type { Language } from '../domain/index.js';
import { languageOf, type Actor } from './actor.js';
import { isRefusal, type Refusal } from './errors.js';

const STATUS = { invalid: 422, not_found: 404, conflict: 409 } as const;
const TITLES: Record<keyof typeof STATUS, Record<Language, string>> = {
  invalid: { kk: 'Сұрау жарамсыз', ru: 'Запрос некорректен', en: 'Your request is not valid' },
  not_found: { kk: 'Табылмады', ru: 'Не найдено', en: 'Not found' },
  conflict: { kk: 'Орындау мүмкін емес', ru: 'Невозможно выполнить', en: 'This cannot be done now' },
};

/** Refusals the domain gives without a field, and the request field they are about. */
const DEFAULT_FIELDS: Readonly<Record<string, string>> = {
  LINE_NOT_OPENED: 'lineId',
  ALLOCATION_ALREADY_APPROVED: 'type',
};

/** A refused command becomes an RFC 9457 problem in the caller's language, naming the field. */
export const refusalProblem = (refusal: Refusal, language: Language): ProblemException => {
  const message = refusal.messageIn(language);
  const field = refusal.field ?? DEFAULT_FIELDS[refusal.code];
  return new ProblemException({
    status: STATUS[refusal.kind],
    ...(refusal.kind === 'invalid'
      ? { type: ProblemTypes.validation }
      : { type: `urn:adal-office:problem:${refusal.code.toLowerCase()}` }),
    title: TITLES[refusal.kind][language],
    detail: message,
    ...(field ? { errors: [{ field, message }] } : {}),
    extensions: { code: refusal.code },
  });
};

@Injectable()
export class DomainProblemsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw isRefusal(error) ? refusalProblem(error, languageOf(request, request.actor)) : error;
      }),
    );
  }
}
