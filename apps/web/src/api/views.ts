/**
 * What the API answers. Requests (paths, params, bodies) are typed from the generated
 * `schema.d.ts`; the gateway's OpenAPI document describes success bodies only in prose so far,
 * so their shapes are written down here, from the appointments service's views
 * (services/appointments/src/read-models/queries.ts, booking.http.ts, schedule.http.ts) and the
 * gateway's auth controller. Keep them in step with those files.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Language = Schemas['ConfirmBookingBody']['language'];
export type ReceptionMode = Schemas['ReceptionRuleBody']['mode'];
export type Recurrence = Schemas['ReceptionRuleBody']['recurrence'];
export type Outcome = Schemas['OutcomeBody']['outcome'];
export type Rank = Schemas['RegisterOfficialBody']['rank'];
export type Problem = Schemas['ProblemDocument'];
export type FieldProblem = Schemas['ProblemFieldErrorDocument'];

export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

export type Role = 'citizen' | 'clerk' | 'official' | 'admin' | 'auditor';

export interface Profile {
  sub: string;
  roles: Role[];
  name: LocalizedText;
  citizenRef?: string;
  officialId?: string;
  officeId?: string;
  language: Language;
  preferredLanguage?: Language;
  tokenExpiresAt: string;
}

export interface SignInResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  expiresAt: string;
  user: Profile;
}

export interface DemoUser {
  userId: string;
  roles: Role[];
  name: LocalizedText;
  description: LocalizedText;
  preferredLanguage: Language;
  officialId?: string;
  officeId?: string;
}

export type OfficeKind = 'akimat' | 'public_service_centre' | 'anti_corruption_centre';

export interface Office {
  officeId: string;
  kind: OfficeKind;
  name: LocalizedText;
  address: LocalizedText;
  regionCode: string;
}

export type WeekdayName = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export const WEEKDAY_NAMES: readonly WeekdayName[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A published rule as the API returns it (weekday by name; requests send ISO numbers). */
export interface ReceptionRule {
  ruleId: string;
  recurrence: Recurrence;
  weekday?: WeekdayName;
  start: string;
  end: string;
  slotMinutes: number;
  capacity: number;
  mode: ReceptionMode;
  officeId?: string;
  validFrom: string;
  validTo?: string;
}

export interface Official {
  officialId: string;
  officeId: string | null;
  rank: Rank | null;
  displayName: LocalizedText | null;
  receptionRules: ReceptionRule[];
}

export interface OfficialDetail extends Official {
  dayOverrides: Record<string, { cancelled: boolean; extraHours: unknown[] }>;
}

/** Answer of publishing or withdrawing a rule: the schedule as the aggregate has it now. */
export interface ScheduleView {
  officialId?: string;
  officeId?: string;
  rank?: Rank;
  rules: ReceptionRule[];
}

export interface FreeSlot {
  start: string;
  end: string;
  mode: ReceptionMode;
  officeId?: string;
  capacity: number;
  free: number;
}

export interface FreeSlotsDay {
  date: string;
  slots: FreeSlot[];
}

export type BookingStatus = 'held' | 'lapsed' | 'confirmed' | 'cancelled' | 'no_show' | 'in_progress' | 'completed';

/** A booking from the read model (lists) or from the booking itself (single reads, commands). */
export interface Booking {
  bookingId: string;
  officialId: string;
  officeId?: string;
  date: string;
  slotStart: string;
  slotEnd: string;
  startsAt: string;
  endsAt: string;
  mode: ReceptionMode;
  status: BookingStatus;
  channel?: ReceptionMode;
  language?: Language;
  joinUrl?: string;
  joinOpensAt?: string;
  holdExpiresAt?: string;
  /** Hold and extend answers. */
  expiresAt?: string;
  cancelledBy?: 'citizen' | 'official' | 'office';
  outcome?: Outcome;
  /** Only for the booking's citizen and official. */
  purpose?: string;
  summary?: string;
  /** Lists. */
  followUpRequested?: boolean;
  /** Single reads and commands. */
  followUpRequestedAt?: string;
  /** A citizen's list: held, confirmed or in progress and not over yet. */
  upcoming?: boolean;
}

export const followUpRequested = (b: Booking): boolean => b.followUpRequested === true || b.followUpRequestedAt !== undefined;
