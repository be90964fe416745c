import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOperation } from '@nestjs/swagger';
import { ApiProblemResponse } from '../problems/problem.openapi.js';
import { ROLES, type Role } from './roles.js';

/**
 * Who may call a route (docs/api.md, column "who"):
 * - a role (`'admin'`): any caller holding it;
 * - `'citizen:owner'`, `'official:own'`: a citizen / an official; whether the booking is theirs
 *   is checked by the owning service from the forwarded actor (its 403/404 is relayed);
 * - `'official:self'`: an official whose `officialId` equals the route's `:officialId`.
 */
export type AccessRule = Role | 'citizen:owner' | 'official:own' | 'official:self';

export type Access = { public: true } | { public: false; rules: AccessRule[] };

export const ACCESS_METADATA = 'adal:access';

/** The role an access rule requires. */
export const roleOf = (rule: AccessRule): Role => rule.split(':')[0] as Role;

const describeRule = (rule: AccessRule): string => {
  const [role, qualifier] = rule.split(':');
  return qualifier ? `${role} (${qualifier})` : role!;
};

export interface EndpointOptions {
  summary: string;
  description?: string;
  /** `'anyone'` for public routes, `'authenticated'` for any signed-in caller, else the rules. */
  access: 'anyone' | 'authenticated' | AccessRule[];
}

/**
 * Declares a public route: who may call it (read by the gateway's guards) and its OpenAPI
 * operation (summary, the roles in the description and in `x-adal-access`, bearer auth, the
 * 401/403/429 answers).
 */
export const Endpoint = (options: EndpointOptions): MethodDecorator => {
  const isPublic = options.access === 'anyone';
  const rules: AccessRule[] =
    options.access === 'authenticated' ? [...ROLES] : options.access === 'anyone' ? [] : [...options.access];
  const who = isPublic ? 'anyone (no sign-in needed)' : rules.map(describeRule).join(', ');
  const access: Access = isPublic ? { public: true } : { public: false, rules };
  const decorators = [
    SetMetadata(ACCESS_METADATA, access),
    ApiOperation({
      summary: options.summary,
      description: [options.description, `**Who:** ${who}`].filter(Boolean).join('\n\n'),
    }),
    ApiExtension('x-adal-access', isPublic ? ['anyone'] : rules),
    ApiProblemResponse(429, 'Rate limit reached (`Retry-After` says when to retry)'),
  ];
  if (!isPublic) {
    decorators.push(
      ApiBearerAuth('bearer'),
      ApiProblemResponse(401, 'Not signed in, or the token is invalid or expired'),
      ApiProblemResponse(403, `The caller is not one of: ${who}`),
    );
  }
  return applyDecorators(...decorators);
};
