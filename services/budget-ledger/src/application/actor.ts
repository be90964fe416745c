import { timingSafeEqual } from 'node:crypto';
import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '@adal/service-kit';
import type { Language } from '../domain/index.js';
import { BUDGET_CONFIG, type BudgetConfig } from './config.js';

export type Role = 'citizen' | 'clerk' | 'official' | 'admin' | 'auditor' | 'budget-officer';

/** Who is calling, as the gateway authenticated them (docs/api.md, "Identity passed to services"). */
export interface Actor {
  sub: string;
  roles: Role[];
  lang: Language;
}

const LANGUAGES = new Set(['kk', 'ru', 'en']);

const decodeActor = (header: string | undefined): Actor | undefined => {
  if (!header) return undefined;
  try {
    const raw = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Partial<Actor>;
    if (typeof raw.sub !== 'string' || !Array.isArray(raw.roles)) return undefined;
    return {
      sub: raw.sub,
      roles: raw.roles.filter((r): r is Role => typeof r === 'string'),
      lang: LANGUAGES.has(raw.lang as string) ? (raw.lang as Language) : 'kk',
    };
  } catch {
    return undefined;
  }
};

/** The internal API answers only the gateway: it must present the shared internal token. */
@Injectable()
export class InternalCallerGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(BUDGET_CONFIG) config: BudgetConfig) {
    this.expected = Buffer.from(config.internalToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const presented = Buffer.from(String(request.headers['x-adal-internal-token'] ?? ''));
    if (presented.length !== this.expected.length || !timingSafeEqual(presented, this.expected)) {
      throw new ProblemException({
        status: 401,
        title: 'Unauthorized',
        detail: 'Call this service through the gateway.',
      });
    }
    const actor = decodeActor(request.headers['x-adal-actor'] as string | undefined);
    if (actor) request.actor = actor;
    return true;
  }
}

/** The caller, or undefined when the gateway passed no one. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<{ actor?: Actor }>().actor,
);

/** The language problems are written in: the caller's, else Accept-Language, else Kazakh. */
export const languageOf = (request: Request, actor?: Actor): Language => {
  if (actor) return actor.lang;
  const header = String(request.headers['accept-language'] ?? '')
    .slice(0, 2)
    .toLowerCase();
  return LANGUAGES.has(header) ? (header as Language) : 'kk';
};

/**
 * Ledger commands: an admin (the gateway has no budget-officer role yet; the service accepts it
 * already, as docs/budget.md names it). The gateway checks roles too: this is the service's own
 * guard, so a mistake in one place is not enough.
 */
export const requireBudgetWriter = (actor: Actor | undefined): Actor => {
  if (!actor) throw new ProblemException({ status: 401, title: 'Unauthorized', detail: 'Sign in first.' });
  if (!actor.roles.some((role) => role === 'admin' || role === 'budget-officer'))
    throw new ProblemException({
      status: 403,
      title: 'Forbidden',
      detail: 'Only a budget officer or an administrator may change the ledger.',
    });
  return actor;
};
