/**
 * ReceptionSchedule: when an official receives citizens. One stream per official
 * (`schedule-<officialId>`) holding the official's profile, the recurring reception rules and the
 * one-off changes of single days.
 *
 * The schedule only describes hours; it never holds bookings. The seats of a concrete day live in
 * that day's ReceptionCalendar, opened from `slotsFor(schedule, date, calendar)` on first use. So
 * a rule published or withdrawn later changes days not opened yet and leaves opened days (and the
 * citizens booked on them) alone; cancelling a day that is already open is followed by `CancelDay`
 * on its calendar, which tells the application whom to notify.
 */
import type { DomainEvent } from '@adal/event-store';
import type { LocalDate, LocalTime, Weekday } from '@adal/domain-kit';
import type { DomainCommand, LocalizedText, ReceptionMode } from '../shared/reception.js';

/**
 * Heads of agencies receive citizens weekly; deputies and heads of departments daily (or weekly).
 * (The rule on personal receptions of citizens by heads of state bodies.)
 */
export type OfficialRank = 'head' | 'deputy' | 'department_head';
export const OFFICIAL_RANKS: readonly OfficialRank[] = ['head', 'deputy', 'department_head'];

export interface OfficialProfile {
  officialId: string;
  /** The office the official belongs to; in-person rules default to it. */
  officeId: string;
  rank: OfficialRank;
  displayName: LocalizedText;
}

export type Recurrence = 'weekly' | 'daily';
export const RECURRENCES: readonly Recurrence[] = ['weekly', 'daily'];

/** Reception hours cut into equal slots: `[start, end)` local time, `capacity` citizens per slot. */
export interface ReceptionHours {
  start: LocalTime;
  end: LocalTime;
  slotMinutes: number;
  capacity: number;
  mode: ReceptionMode;
  /** Present exactly when `mode` is `in_person`. */
  officeId?: string;
}

/** Recurring hours: every working day (`daily`) or one weekday (`weekly`), within a validity period. */
export interface ReceptionRule extends ReceptionHours {
  ruleId: string;
  recurrence: Recurrence;
  /** Monday to Friday; only for `weekly`. */
  weekday?: Weekday;
  validFrom: LocalDate;
  /** Inclusive; open-ended when absent. */
  validTo?: LocalDate;
}

/** A one-off change of a single date. */
export type ReceptionDayChange = { kind: 'cancel'; reason?: string } | ({ kind: 'extra_hours' } & ReceptionHours);

// --- commands -----------------------------------------------------------------------------------

export type RegisterOfficial = DomainCommand<'RegisterOfficial', OfficialProfile>;

export type PublishReceptionRule = DomainCommand<
  'PublishReceptionRule',
  /** `officeId` of an in-person rule may be left out: the official's office is used. */
  { officialId: string } & ReceptionRule
>;

export type WithdrawReceptionRule = DomainCommand<'WithdrawReceptionRule', { officialId: string; ruleId: string }>;

export type ChangeReceptionDay = DomainCommand<
  'ChangeReceptionDay',
  { officialId: string; date: LocalDate; change: ReceptionDayChange }
>;

export type ReceptionScheduleCommand =
  RegisterOfficial | PublishReceptionRule | WithdrawReceptionRule | ChangeReceptionDay;

// --- events -------------------------------------------------------------------------------------

export type OfficialRegistered = DomainEvent<'OfficialRegistered', OfficialProfile>;
export type ReceptionRulePublished = DomainEvent<'ReceptionRulePublished', { officialId: string; rule: ReceptionRule }>;
export type ReceptionRuleWithdrawn = DomainEvent<'ReceptionRuleWithdrawn', { officialId: string; ruleId: string }>;
export type ReceptionDayCancelled = DomainEvent<
  'ReceptionDayCancelled',
  { officialId: string; date: LocalDate; reason?: string }
>;
export type ExtraReceptionHoursAdded = DomainEvent<
  'ExtraReceptionHoursAdded',
  { officialId: string; date: LocalDate; hours: ReceptionHours }
>;

export type ReceptionScheduleEvent =
  | OfficialRegistered
  | ReceptionRulePublished
  | ReceptionRuleWithdrawn
  | ReceptionDayCancelled
  | ExtraReceptionHoursAdded;

// --- state --------------------------------------------------------------------------------------

export interface ReceptionDayOverride {
  cancelled: boolean;
  cancelReason?: string;
  extraHours: readonly ReceptionHours[];
}

export interface ReceptionScheduleState {
  /** Absent until `OfficialRegistered`. */
  official?: OfficialProfile;
  /** Rules in force, by id. */
  rules: Readonly<Record<string, ReceptionRule>>;
  /** Withdrawn rule ids: withdrawing again is a no-op, and an id is never reused. */
  withdrawnRuleIds: readonly string[];
  days: Readonly<Record<LocalDate, ReceptionDayOverride>>;
}

export const receptionScheduleStream = (officialId: string): string => `schedule-${officialId}`;
