/**
 * What the API answers, by the names the pages use. Every type here is an alias of a schema in
 * the generated `schema.d.ts` (from the gateway's OpenAPI document): nothing is written by hand,
 * so a change of the API shows up as a type error here or in a page, not in the browser.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Problem = Schemas['ProblemDocument'];
export type FieldProblem = Schemas['ProblemFieldErrorDocument'];
export type LocalizedText = Schemas['LocalizedText'];

export type Language = Schemas['ConfirmBookingBody']['language'];
export type ReceptionMode = Schemas['ReceptionRuleBody']['mode'];
export type Recurrence = Schemas['ReceptionRuleBody']['recurrence'];
export type Outcome = Schemas['OutcomeBody']['outcome'];
export type Rank = Schemas['RegisterOfficialBody']['rank'];

export type Profile = Schemas['Profile'];
export type Role = Profile['roles'][number];
export type SignInResult = Schemas['SignInResult'];
export type DemoUser = Schemas['DemoUser'];

export type Office = Schemas['Office'];
export type OfficeKind = Office['kind'];
export type OfficesResponse = Schemas['OfficesResponse'];

/** A published rule as the API answers it (weekday by name; requests send ISO numbers). */
export type ReceptionRule = Schemas['ReceptionRule'];
export type ReceptionHours = Schemas['ReceptionHours'];
export type WeekdayName = NonNullable<ReceptionRule['weekday']>;
/** The weekdays a rule can name, in ISO order (index + 1 is the ISO weekday). */
export const WEEKDAY_NAMES: readonly WeekdayName[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export type Official = Schemas['Official'];
export type OfficialsResponse = Schemas['OfficialsResponse'];
export type OfficialDetail = Schemas['OfficialDetail'];
export type DayOverride = Schemas['DayOverride'];
/** Answer of registering an official, publishing or withdrawing a rule: the schedule as the aggregate has it now. */
export type ScheduleView = Schemas['ScheduleView'];
export type ReceptionDayChangeResponse = Schemas['ReceptionDayChangeResponse'];

export type FreeSlot = Schemas['FreeSlot'];
export type FreeSlotsDay = Schemas['FreeSlotsDay'];
export type FreeSlotsResponse = Schemas['FreeSlotsResponse'];

/** A booking itself: single reads and command answers (never `citizenRef`, `updatedAt`, `upcoming`). */
export type Booking = Schemas['Booking'];
export type BookingStatus = Booking['status'];
/** Answer of holding a slot and of extending a hold: the booking and when the hold lapses. */
export type HeldBooking = Schemas['HeldBooking'];
/** A booking from the read model (an official's agenda): never `purpose`, `summary`, `followUpRequestedAt`. */
export type BookingListItem = Schemas['BookingListItem'];
export type AgendaResponse = Schemas['AgendaResponse'];
/** A booking in the citizen's own list. */
export type CitizenBookingListItem = Schemas['CitizenBookingListItem'];
export type CitizenBookingsResponse = Schemas['CitizenBookingsResponse'];

/** Lists say `followUpRequested`; the booking itself says when (`followUpRequestedAt`). */
export const followUpRequested = (b: { followUpRequested?: boolean; followUpRequestedAt?: string }): boolean =>
  b.followUpRequested === true || b.followUpRequestedAt !== undefined;

// ---- the reception queue ----

export type QueueSetup = Schemas['QueueSetup'];
export type QueueService = Schemas['QueueService'];
export type QueueDesk = Schemas['QueueDesk'];
export type WaitEstimate = Schemas['WaitEstimate'];
/** Answer of taking a ticket (and of a check-in). */
export type IssuedTicket = Schemas['IssuedTicket'];
/** A ticket as its holder follows it. */
export type TicketView = Schemas['TicketView'];
export type TicketStatus = TicketView['status'];
export type TicketChannel = Schemas['TakeTicketBody']['channel'];
/** What a citizen may claim when taking a ticket. */
export type ClaimedPriority = NonNullable<Schemas['TakeTicketBody']['priority']>;
export type TicketPriority = NonNullable<Schemas['IssuedTicket']['priority']>;
export type QueueBoard = Schemas['QueueBoard'];
export type BoardCall = Schemas['BoardCall'];
export type DeskState = Schemas['DeskState'];
export type DeskStatus = DeskState['status'];
export type DeskTicket = Schemas['DeskTicket'];
export type VisitOutcome = Schemas['FinishVisitBody']['outcome'];

/** Priorities a citizen can claim, in the order the form lists them. */
export const CLAIMED_PRIORITIES: readonly ClaimedPriority[] = ['disabled', 'elderly', 'pregnant'];
/** How a clerk can end a visit, in the order the console lists them. */
export const VISIT_OUTCOMES: readonly VisitOutcome[] = ['served', 'consultation', 'documents_missing', 'redirected', 'refused'];
