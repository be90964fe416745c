import { timingSafeEqual } from 'node:crypto';
import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '@adal/service-kit';
import { QUEUE_CONFIG, type QueueConfig } from './config.js';
import type { Language } from '../domain/index.js';

export type Role = 'citizen' | 'clerk' | 'official' | 'admin' | 'auditor';

/** Who is calling, as the gateway authenticated them (docs/api.md, "Identity passed to services"). */
export interface Actor {
  sub: string;
  roles: Role[];
  citizenRef?: string;
  officialId?: string;
  officeId?: string;
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
      ...(typeof raw.citizenRef === 'string' ? { citizenRef: raw.citizenRef } : {}),
      ...(typeof raw.officialId === 'string' ? { officialId: raw.officialId } : {}),
      ...(typeof raw.officeId === 'string' ? { officeId: raw.officeId } : {}),
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

  constructor(@Inject(QUEUE_CONFIG) config: QueueConfig) {
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

/** The caller, or undefined on public routes called anonymously. */
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

export const requireActor = (actor: Actor | undefined): Actor => {
  if (!actor) throw new ProblemException({ status: 401, title: 'Unauthorized', detail: 'Sign in first.' });
  return actor;
};

export const forbidden = (): ProblemException =>
  new ProblemException({ status: 403, title: 'Forbidden', detail: 'This is not yours to see or change.' });

/**
 * Desk work and check-ins: a clerk or an admin. A clerk bound to an office (`officeId` in the
 * token) works only there; an admin anywhere. The gateway checks roles too: this is the
 * service's own guard, so a mistake in one place is not enough.
 */
export const requireStaff = (
  actor: Actor | undefined,
  officeId: string,
  roles: readonly Role[] = ['clerk', 'admin'],
): Actor => {
  const caller = requireActor(actor);
  if (!caller.roles.some((role) => roles.includes(role))) throw forbidden();
  if (!caller.roles.includes('admin') && caller.officeId !== undefined && caller.officeId !== officeId)
    throw forbidden();
  return caller;
};
