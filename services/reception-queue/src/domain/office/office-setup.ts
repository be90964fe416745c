/**
 * OfficeSetup: how one office runs its electronic queue, stream `office-<officeId>`. Services
 * with their ticket prefixes (`A` documents, `B` social payments), desks with the services each
 * can serve, opening hours and the priority policy. An admin replaces it as a whole (PUT).
 *
 * A day's queue freezes the setup when it opens (`QueueDayOpened`), so every command of the day
 * is decided on one stream; a setup changed later reaches a day already open through
 * `ApplySetup` on that day.
 */
import type { DomainEvent } from '@adal/event-store';
import type { Instant, LocalTime } from '@adal/domain-kit';
import type { DomainCommand, LocalizedText } from '../shared/vocabulary.js';
import type { QueuePolicy } from '../queue/priority.js';

export interface QueueServiceDefinition {
  serviceId: string;
  /** One or two capital Latin letters: ticket numbers are `<prefix>-<nnn>` (`A-007`). */
  prefix: string;
  name: LocalizedText;
  /** Typical minutes per visit, for wait estimates before the day has its own service times. Default 10. */
  expectedMinutes: number;
}

export interface DeskDefinition {
  deskId: string;
  /** Shown on the board and announced: "A-007, desk 3". */
  name: string;
  serviceIds: string[];
}

export interface OpeningHours {
  /** First minute tickets are issued, `HH:mm`. */
  open: LocalTime;
  /** Tickets are issued before this time; `24:00` for until midnight. */
  close: LocalTime;
}

/** Everything a day's queue needs to decide its commands. */
export interface QueueSetup {
  services: QueueServiceDefinition[];
  desks: DeskDefinition[];
  hours: OpeningHours;
  policy: QueuePolicy;
  /** The service whose queue a checked-in appointment joins (unless the check-in names one). */
  appointmentServiceId: string;
}

export interface OfficeSetup extends QueueSetup {
  officeId: string;
}

// --- commands -----------------------------------------------------------------------------------

export type ConfigureOffice = DomainCommand<
  'ConfigureOffice',
  {
    officeId: string;
    services: unknown;
    desks: unknown;
    hours: unknown;
    policy?: unknown;
    appointmentServiceId?: unknown;
    now: Instant;
  }
>;

export type OfficeSetupCommand = ConfigureOffice;

// --- events -------------------------------------------------------------------------------------

export type OfficeConfigured = DomainEvent<'OfficeConfigured', OfficeSetup & { configuredAt: Instant }>;

export type OfficeSetupEvent = OfficeConfigured;

// --- state --------------------------------------------------------------------------------------

export interface OfficeSetupState {
  setup?: OfficeSetup;
  configuredAt?: Instant;
}

export const officeSetupStream = (officeId: string): string => `office-${officeId}`;
