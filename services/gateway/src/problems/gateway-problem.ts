import { HttpException, HttpStatus } from '@nestjs/common';
import { ProblemTypes } from '@adal/service-kit';
import type { MessageKey, MessageParams } from '../i18n/messages.js';

/** A message to be written in the caller's language. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * One invalid field. `kind: 'type'` (wrong JSON type, not an object, ...) makes the problem a
 * 400; anything else (format, range, enum, missing) a 422.
 */
export interface FieldIssue extends Message {
  field: string;
  kind: 'type' | 'value';
}

export interface GatewayProblemInit {
  status: number;
  type?: string;
  detail?: Message;
  errors?: FieldIssue[];
  headers?: Record<string, string>;
}

/**
 * Thrown anywhere in the gateway; `GatewayProblemFilter` answers it as problem+json with its
 * texts in the caller's language.
 */
export class GatewayProblem extends HttpException {
  constructor(readonly init: GatewayProblemInit) {
    super(init.detail?.key ?? `HTTP ${init.status}`, init.status);
  }

  static validation(errors: FieldIssue[]): GatewayProblem {
    const status = errors.some((e) => e.kind === 'type') ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
    return new GatewayProblem({ status, type: ProblemTypes.validation, errors });
  }

  static field(field: string, key: MessageKey, params?: MessageParams): GatewayProblem {
    return GatewayProblem.validation([{ field, key, kind: 'value', ...(params ? { params } : {}) }]);
  }
}

/** RFC 6750 challenge for a 401. */
export const bearerChallenge = (error?: 'invalid_token'): Record<string, string> => ({
  'WWW-Authenticate': error ? `Bearer realm="adal-office", error="${error}"` : 'Bearer realm="adal-office"',
});
