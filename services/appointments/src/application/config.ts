import { DEFAULT_JOIN_URL_TEMPLATE, EGOV_BOOKING_LIMITS, type CitizenBookingLimitsPolicy } from '../domain/index.js';

export interface AppointmentsConfig {
  /** How long a held slot waits for confirmation. `HOLD_MINUTES`, default 5. */
  holdMinutes: number;
  /** `VIDEO_ROOM_URL_TEMPLATE`, must contain `{bookingId}`. */
  joinUrlTemplate: string;
  /** `LIMIT_PER_OFFICIAL_DAYS`, `LIMIT_PER_OFFICIAL_ACTIVE`, `LIMIT_PER_DAY` (egov.kz rules by default). */
  limits: CitizenBookingLimitsPolicy;
  /** Minutes before the start after which a citizen can no longer cancel. `CANCEL_NOTICE_MINUTES`, default 0. */
  cancelNoticeMinutes: number;
  /** Shared secret the gateway sends in `x-adal-internal-token`. */
  internalToken: string;
  /** How often expired holds are swept, ms. `HOLD_SWEEP_INTERVAL_MS`, default 15000 (0 = off). */
  holdSweepIntervalMs: number;
}
export const APPOINTMENTS_CONFIG = Symbol('AppointmentsConfig');

const number = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};

export const appointmentsConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): AppointmentsConfig => {
  const internalToken = env['INTERNAL_TOKEN'] ?? (env['NODE_ENV'] === 'production' ? '' : 'adal-office-development-internal-token');
  if (!internalToken) throw new Error('INTERNAL_TOKEN must be set in production');
  const joinUrlTemplate = env['VIDEO_ROOM_URL_TEMPLATE'] ?? DEFAULT_JOIN_URL_TEMPLATE;
  if (!joinUrlTemplate.includes('{bookingId}')) throw new Error('VIDEO_ROOM_URL_TEMPLATE must contain {bookingId}');
  return {
    holdMinutes: number(env['HOLD_MINUTES'], 5, 'HOLD_MINUTES'),
    joinUrlTemplate,
    limits: {
      perOfficialDays: number(env['LIMIT_PER_OFFICIAL_DAYS'], EGOV_BOOKING_LIMITS.perOfficialDays, 'LIMIT_PER_OFFICIAL_DAYS'),
      perOfficialActive: number(env['LIMIT_PER_OFFICIAL_ACTIVE'], EGOV_BOOKING_LIMITS.perOfficialActive, 'LIMIT_PER_OFFICIAL_ACTIVE'),
      perDay: number(env['LIMIT_PER_DAY'], EGOV_BOOKING_LIMITS.perDay, 'LIMIT_PER_DAY'),
    },
    cancelNoticeMinutes: number(env['CANCEL_NOTICE_MINUTES'], 0, 'CANCEL_NOTICE_MINUTES'),
    internalToken,
    holdSweepIntervalMs: number(env['HOLD_SWEEP_INTERVAL_MS'], 15_000, 'HOLD_SWEEP_INTERVAL_MS'),
  };
};
