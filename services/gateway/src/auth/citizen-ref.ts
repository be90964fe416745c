import { createHmac } from 'node:crypto';

/** Length of a `citizenRef` (characters of base64url). */
export const CITIZEN_REF_LENGTH = 32;

/**
 * The opaque reference services know a citizen by: the first 32 characters of
 * base64url(HMAC-SHA256(key, IIN)). Stable for one key, useless without it; the IIN itself
 * never leaves the gateway.
 */
export const citizenRefOf = (key: string, iin: string): string =>
  createHmac('sha256', key).update(iin, 'utf8').digest('base64url').slice(0, CITIZEN_REF_LENGTH);
