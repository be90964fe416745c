import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth/principal.js';

/** What the gateway reads of an Express request (Express's own types are not a dependency here). */
export interface GatewayRequest extends IncomingMessage {
  originalUrl: string;
  /** Client address, after `trust proxy`. */
  ip?: string;
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  body?: unknown;
  /** The matched Express route (its path is the template, e.g. `/api/v1/bookings/:bookingId`). */
  route?: { path?: unknown };
  /** The authenticated caller, set by `AuthenticationGuard`. */
  principal?: Principal;
  /** Why the bearer token was refused, set by `AuthenticationGuard` (the access guard answers 401). */
  authFailure?: 'invalid' | 'expired';
}

export type GatewayResponse = ServerResponse;

/** The path of a request without its query string (which may hold personal data: never log it). */
export const pathOf = (request: { originalUrl?: string; url?: string }): string => {
  const url = request.originalUrl ?? request.url ?? '';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
};
