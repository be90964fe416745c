import { UPSTREAM_SERVICES, type UpstreamName } from './proxy/upstreams.js';

/*
 * Environment of the gateway:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `PORT`, `HOST` | 3000, all interfaces | where to listen |
 * | `JWT_SECRET` | dev default (refused in production) | HS256 key of access tokens, >= 32 bytes |
 * | `JWT_ISSUER`, `JWT_AUDIENCE` | `adal-office-gateway`, `adal-office` | checked on every token |
 * | `CITIZEN_REF_KEY` | dev default (refused in production) | HMAC key: IIN -> citizenRef, >= 32 bytes |
 * | `INTERNAL_TOKEN` | dev default (refused in production) | sent to services as `x-adal-internal-token` |
 * | `AUTH_PROVIDER` | `dev` | `dev` (demo users) or `oidc` (production plug, not implemented) |
 * | `AUTH_DEV_SIGN_IN` | `true`, `false` in production | development sign-in and user list |
 * | `RATE_LIMIT_PER_MINUTE` | 600 | requests per minute per signed-in user |
 * | `RATE_LIMIT_IP_PER_MINUTE` | 300 | requests per minute per anonymous client IP |
 * | `RATE_LIMIT_OPEN_DATA_PER_MINUTE` | 3000 | requests per minute per caller (user or IP) to open data (budget reads), counted apart |
 * | `TRUST_PROXY` | off | Express `trust proxy` (`loopback`, a hop count, CIDRs) for the client IP |
 * | `APPOINTMENTS_URL`, `RECEPTION_QUEUE_URL`, `FEEDBACK_URL`, `BUDGET_LEDGER_URL` | 127.0.0.1:3001..3004 | services; a comma-separated list = replicas (reception-queue: one per office, `proxy/replica-routing.ts`) |
 * | `UPSTREAM_TIMEOUT_MS` | 10000 | wait for a service's answer, then 504 |
 * | `UPSTREAM_RETRY_AFTER_SECONDS` | 5 | `Retry-After` of the 503 when a service is unreachable |
 * | `API_DOCS` | `true` | serve `/api/docs` and `/api/docs-json` |
 * | `LOG_LEVEL` | `log` | service-kit's JSON logger (`warn` silences the access log) |
 *
 * For benchmarks, raise the limits, e.g. `RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_IP_PER_MINUTE=100000000`.
 */

/** Which identity provider authenticates people (see `auth/identity-provider.ts`). */
export type AuthProviderKind = 'dev' | 'oidc';

/** Everything the gateway reads from its environment, resolved once at startup. */
export interface GatewayConfig {
  /** `NODE_ENV === 'production'`: no development defaults for secrets. */
  production: boolean;
  jwt: {
    /** HS256 key (`JWT_SECRET`, at least 32 bytes). */
    secret: Uint8Array;
    issuer: string;
    audience: string;
    /** Lifetime of an access token issued by the gateway. */
    ttlSeconds: number;
  };
  /** HMAC key turning an IIN into a `citizenRef` (`CITIZEN_REF_KEY`). */
  citizenRefKey: string;
  /** Shared secret sent to services as `x-adal-internal-token` (`INTERNAL_TOKEN`). */
  internalToken: string;
  authProvider: AuthProviderKind;
  /** `POST /api/v1/auth/dev/sign-in` and `GET /api/v1/auth/dev/users` answer (dev provider only). */
  devSignIn: boolean;
  rateLimit: {
    /** Requests per window for an authenticated caller, counted by token subject. */
    perUser: number;
    /** Requests per window for an anonymous caller, counted by client IP. */
    perIp: number;
    /** Requests per window to open-data routes (`@OpenDataRateLimit()`), per caller, counted apart. */
    openData: number;
    windowSeconds: number;
  };
  /**
   * Base URLs of each internal service's replicas (one, or the comma-separated list of its URL
   * variable), in the order listed.
   */
  upstreams: Record<UpstreamName, readonly string[]>;
  /** How long to wait for a service's answer before a 504. */
  upstreamTimeoutMs: number;
  /** `Retry-After` (seconds) on a 503 when a service cannot be reached. */
  upstreamRetryAfterSeconds: number;
  /** Express `trust proxy` (`TRUST_PROXY`): which `X-Forwarded-For` hops to believe for the client IP. */
  trustProxy: boolean | number | string;
  /** Serve Swagger UI and the OpenAPI document. */
  apiDocs: boolean;
  /** Names of secrets that fell back to their development defaults (never their values). */
  developmentDefaults: string[];
}

/** Development-only fallbacks; refused when `NODE_ENV=production`. */
const DEV_DEFAULTS = {
  JWT_SECRET: 'adal-office-development-jwt-secret-do-not-use-in-production',
  CITIZEN_REF_KEY: 'adal-office-development-citizen-ref-key-do-not-use-in-production',
  INTERNAL_TOKEN: 'adal-office-development-internal-token',
} as const;

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_RATE_LIMIT_IP_PER_MINUTE = 300;
export const DEFAULT_RATE_LIMIT_OPEN_DATA_PER_MINUTE = 3000;

const text = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const positiveInteger = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
};

const flag = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
};

const trustProxyFrom = (raw: string | undefined): boolean | number | string => {
  if (raw === undefined) return false;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw; // e.g. "loopback", "10.0.0.0/8"
};

const httpUrl = (name: string, raw: string): string => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL`);
  return url.toString().replace(/\/+$/, '');
};

/** A comma-separated list of http(s) URLs (one is a list too), each listed once. */
const httpUrls = (name: string, raw: string): string[] => {
  const urls = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => httpUrl(name, part));
  if (urls.length === 0) throw new Error(`${name} must list at least one http(s) URL`);
  const twice = urls.find((url, index) => urls.indexOf(url) !== index);
  if (twice !== undefined) throw new Error(`${name} lists ${twice} twice`);
  return urls;
};

/**
 * Reads the gateway's configuration. Throws (naming the variable, never a secret's value)
 * when something is missing or malformed, so a bad deployment fails at startup.
 */
export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => {
  const production = env['NODE_ENV'] === 'production';
  const developmentDefaults: string[] = [];
  const secret = (name: keyof typeof DEV_DEFAULTS): string => {
    const value = text(env, name);
    if (value !== undefined) return value;
    if (production) throw new Error(`${name} must be set when NODE_ENV=production`);
    developmentDefaults.push(name);
    return DEV_DEFAULTS[name];
  };

  const jwtSecret = secret('JWT_SECRET');
  if (Buffer.byteLength(jwtSecret) < 32) throw new Error('JWT_SECRET must be at least 32 bytes long (HS256)');
  const citizenRefKey = secret('CITIZEN_REF_KEY');
  if (Buffer.byteLength(citizenRefKey) < 32) throw new Error('CITIZEN_REF_KEY must be at least 32 bytes long');
  const internalToken = secret('INTERNAL_TOKEN');

  const authProvider = (text(env, 'AUTH_PROVIDER') ?? 'dev').toLowerCase();
  if (authProvider !== 'dev' && authProvider !== 'oidc') {
    throw new Error(`AUTH_PROVIDER must be "dev" or "oidc", got "${authProvider}"`);
  }

  const upstreams = {} as Record<UpstreamName, readonly string[]>;
  for (const [name, service] of Object.entries(UPSTREAM_SERVICES) as [
    UpstreamName,
    (typeof UPSTREAM_SERVICES)[UpstreamName],
  ][]) {
    upstreams[name] = httpUrls(service.urlEnv, text(env, service.urlEnv) ?? service.defaultUrl);
  }

  return {
    production,
    jwt: {
      secret: new TextEncoder().encode(jwtSecret),
      issuer: text(env, 'JWT_ISSUER') ?? 'adal-office-gateway',
      audience: text(env, 'JWT_AUDIENCE') ?? 'adal-office',
      ttlSeconds: 3600,
    },
    citizenRefKey,
    internalToken,
    authProvider,
    // Demo identities are a development convenience: off in production unless asked for.
    devSignIn: authProvider === 'dev' && flag(env, 'AUTH_DEV_SIGN_IN', !production),
    rateLimit: {
      perUser: positiveInteger(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE),
      perIp: positiveInteger(env, 'RATE_LIMIT_IP_PER_MINUTE', DEFAULT_RATE_LIMIT_IP_PER_MINUTE),
      openData: positiveInteger(env, 'RATE_LIMIT_OPEN_DATA_PER_MINUTE', DEFAULT_RATE_LIMIT_OPEN_DATA_PER_MINUTE),
      windowSeconds: 60,
    },
    upstreams,
    upstreamTimeoutMs: positiveInteger(env, 'UPSTREAM_TIMEOUT_MS', 10_000),
    upstreamRetryAfterSeconds: positiveInteger(env, 'UPSTREAM_RETRY_AFTER_SECONDS', 5),
    trustProxy: trustProxyFrom(text(env, 'TRUST_PROXY')),
    apiDocs: flag(env, 'API_DOCS', true),
    developmentDefaults,
  };
};

/** Injection token of the `GatewayConfig`. */
export const GATEWAY_CONFIG = 'ADAL_GATEWAY_CONFIG';
