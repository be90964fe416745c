/** The roles a caller can hold (docs/api.md). */
export const ROLES = ['citizen', 'clerk', 'official', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
