import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';
import { ProblemException, ProblemTypes } from '@adal/service-kit';
import { isDomainError, type DomainError, type Language } from '../domain/index.js';
import { languageOf, type Actor } from './actor.js';

const STATUS = { invalid: 422, not_found: 404, conflict: 409 } as const;
const TITLES: Record<keyof typeof STATUS, Record<Language, string>> = {
  invalid: { kk: 'Сұрау жарамсыз', ru: 'Запрос некорректен', en: 'Your request is not valid' },
  not_found: { kk: 'Табылмады', ru: 'Не найдено', en: 'Not found' },
  conflict: { kk: 'Орындау мүмкін емес', ru: 'Невозможно выполнить', en: 'This cannot be done now' },
};

/** A refused domain command becomes an RFC 9457 problem in the caller's language. */
export const domainProblem = (error: DomainError, language: Language): ProblemException => {
  const message = error.messageIn(language);
  return new ProblemException({
    status: STATUS[error.kind],
    ...(error.kind === 'invalid'
      ? { type: ProblemTypes.validation }
      : { type: `urn:adal-office:problem:${error.code.toLowerCase()}` }),
    title: TITLES[error.kind][language],
    detail: message,
    ...(error.field ? { errors: [{ field: error.field, message }] } : {}),
    extensions: { code: error.code },
  });
};

@Injectable()
export class DomainProblemsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw isDomainError(error) ? domainProblem(error, languageOf(request, request.actor)) : error;
      }),
    );
  }
}
