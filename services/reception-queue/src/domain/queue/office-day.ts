/**
 * OfficeDay: the electronic queue of one office on one local date, stream
 * `queueday-<officeId>:<date>`. Every ticket, desk and expected arrival of that day is decided
 * against one stream revision, so two desks calling at once can never get the same ticket and a
 * ticket is served by one desk at a time (the loser of a race re-decides on the fresh state).
 *
 * The day opens with its first live command (`OpenDay`, prepended by the application), which
 * freezes the office setup for the day. Expected arrivals from appointments may arrive earlier
 * (days ahead) and wait in the unopened stream.
 *
 * Ticket life: waiting -> called (recall n times) -> serving -> served
 *                      \-> no_show (after the policy's recalls)   \-> transferred: waiting again
 *                      \-> parked (back in the queue, in its place, after `returnsAt`)
 *              any live state -> closed (day close, with a reason)
 */
import type { DomainEvent } from '@adal/event-store';
import type { Instant, LocalDate, LocalTime } from '@adal/domain-kit';
import type { DomainCommand } from '../shared/vocabulary.js';
import type { QueueSetup } from '../office/office-setup.js';
import type { ClaimedPriority, PriorityClass } from './priority.js';

export type TicketChannel = 'kiosk' | 'web' | 'qr';
export const TICKET_CHANNELS: readonly TicketChannel[] = ['kiosk', 'web', 'qr'];
/** How a ticket came to be: a channel above, or an appointment check-in. */
export type TicketOrigin = TicketChannel | 'check_in';

export type VisitOutcome = 'served' | 'consultation' | 'documents_missing' | 'redirected' | 'refused';
export const VISIT_OUTCOMES: readonly VisitOutcome[] = [
  'served',
  'consultation',
  'documents_missing',
  'redirected',
  'refused',
];

export type DayCloseReason = 'end_of_day' | 'emergency' | 'technical_failure' | 'other';
export const DAY_CLOSE_REASONS: readonly DayCloseReason[] = ['end_of_day', 'emergency', 'technical_failure', 'other'];

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'parked' | 'served' | 'no_show' | 'closed';
/** Statuses of a ticket still in the office's hands (the rest are final). */
export const LIVE_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'parked'];

export type DeskStatus = 'closed' | 'open' | 'paused';

/** One stretch of a ticket at a desk: kept when the ticket moves on, so a transfer keeps history. */
export interface TicketStep {
  serviceId: string;
  deskId: string;
  calledAt: Instant;
  startedAt?: Instant;
  endedAt: Instant;
  result: 'transferred' | 'parked' | 'served' | 'no_show' | 'closed';
}

export interface Ticket {
  ticketId: string;
  /** `A-007`: unique and ordered per prefix within the day. */
  number: string;
  /** The service the ticket queues for now (changes on transfer). */
  serviceId: string;
  origin: TicketOrigin;
  priority: PriorityClass;
  transferred: boolean;
  /** Lower is called first (from the policy). */
  level: number;
  /** Order within a level: issue order, or the moment of the last transfer. */
  queueSeq: number;
  status: TicketStatus;
  issuedAt: Instant;
  /** When the ticket joined its current service's queue (issue or transfer). */
  enteredAt: Instant;
  deskId?: string;
  calledAt?: Instant;
  startedAt?: Instant;
  recalls: number;
  /** Parked: back in the queue from this moment. */
  returnsAt?: Instant;
  finishedAt?: Instant;
  outcome?: VisitOutcome;
  bookingId?: string;
  /** Opaque reference of a checked-in citizen (never an IIN); absent for walk-ins. */
  citizenRef?: string;
  history: TicketStep[];
}

export interface DeskState {
  deskId: string;
  status: DeskStatus;
  /** The ticket called to or served at the desk. */
  ticketId?: string;
  since?: Instant;
}

export type ArrivalStatus = 'expected' | 'cancelled' | 'checked_in';

/** A confirmed in-person booking at this office on this day (from appointments). */
export interface ExpectedArrival {
  bookingId: string;
  citizenRef: string;
  officialId: string;
  slotStart: LocalTime;
  slotEnd: LocalTime;
  status: ArrivalStatus;
  ticketId?: string;
}

export interface CallRecord {
  ticketId: string;
  number: string;
  deskId: string;
  calledAt: Instant;
  recall: number;
}

// --- commands -----------------------------------------------------------------------------------

/** Freezes the setup for the day; prepended by the application to the day's first live command. */
export type OpenDay = DomainCommand<'OpenDay', { officeId: string; date: LocalDate; setup: QueueSetup; now: Instant }>;
/** A setup changed during the day (desks added, a service renamed). */
export type ApplySetup = DomainCommand<'ApplySetup', { setup: QueueSetup; now: Instant }>;
export type IssueTicket = DomainCommand<
  'IssueTicket',
  { ticketId: string; serviceId: string; channel: TicketChannel; priority?: ClaimedPriority; now: Instant }
>;
/** `sourceId`: the integration event it comes from; a redelivered event changes nothing. */
export type ExpectArrival = DomainCommand<
  'ExpectArrival',
  {
    bookingId: string;
    citizenRef: string;
    officialId: string;
    slotStart: LocalTime;
    slotEnd: LocalTime;
    sourceId: string;
  }
>;
export type CancelArrival = DomainCommand<
  'CancelArrival',
  { bookingId: string; reason: 'cancelled' | 'rescheduled'; sourceId: string }
>;
export type CheckIn = DomainCommand<
  'CheckIn',
  { ticketId: string; bookingId: string; serviceId?: string; now: Instant }
>;
export type OpenDesk = DomainCommand<'OpenDesk', { deskId: string; now: Instant }>;
export type PauseDesk = DomainCommand<'PauseDesk', { deskId: string; now: Instant }>;
export type CloseDesk = DomainCommand<'CloseDesk', { deskId: string; now: Instant }>;
/**
 * `randomDraw`: a number in [0, 1) drawn by the application (crypto) for each call; required when
 * the office assigns tickets at random (`policy.assignment`), ignored otherwise.
 */
export type CallNext = DomainCommand<'CallNext', { deskId: string; randomDraw?: number; now: Instant }>;
/**
 * Actions on the desk's current ticket. `ticketId`, when given, must be that ticket: a console
 * showing a stale ticket is refused instead of acting on another one.
 */
export type Recall = DomainCommand<'Recall', { deskId: string; ticketId?: string; now: Instant }>;
export type MarkNoShow = DomainCommand<'MarkNoShow', { deskId: string; ticketId?: string; now: Instant }>;
export type StartService = DomainCommand<'StartService', { deskId: string; ticketId?: string; now: Instant }>;
export type FinishService = DomainCommand<
  'FinishService',
  { deskId: string; ticketId?: string; outcome: VisitOutcome; now: Instant }
>;
/** `serviceId`: the service whose queue the ticket joins. */
export type TransferTicket = DomainCommand<
  'TransferTicket',
  { deskId: string; ticketId?: string; serviceId: string; now: Instant }
>;
export type ParkTicket = DomainCommand<
  'ParkTicket',
  { deskId: string; ticketId?: string; minutes?: number; now: Instant }
>;
export type CloseDay = DomainCommand<
  'CloseDay',
  { officeId: string; date: LocalDate; reason: DayCloseReason; note?: string; now: Instant }
>;

export type OfficeDayCommand =
  | OpenDay
  | ApplySetup
  | IssueTicket
  | ExpectArrival
  | CancelArrival
  | CheckIn
  | OpenDesk
  | PauseDesk
  | CloseDesk
  | CallNext
  | Recall
  | MarkNoShow
  | StartService
  | FinishService
  | TransferTicket
  | ParkTicket
  | CloseDay;

// --- events -------------------------------------------------------------------------------------

export type QueueDayOpened = DomainEvent<
  'QueueDayOpened',
  { officeId: string; date: LocalDate; setup: QueueSetup; openedAt: Instant }
>;
export type DaySetupApplied = DomainEvent<'DaySetupApplied', { setup: QueueSetup; appliedAt: Instant }>;
export type TicketIssued = DomainEvent<
  'TicketIssued',
  {
    ticketId: string;
    number: string;
    prefix: string;
    /** The ticket's place in its prefix's sequence (1, 2, ...). */
    seq: number;
    serviceId: string;
    origin: TicketOrigin;
    priority: PriorityClass;
    level: number;
    queueSeq: number;
    issuedAt: Instant;
    bookingId?: string;
    citizenRef?: string;
  }
>;
export type ArrivalExpected = DomainEvent<
  'ArrivalExpected',
  {
    bookingId: string;
    citizenRef: string;
    officialId: string;
    slotStart: LocalTime;
    slotEnd: LocalTime;
    sourceId: string;
  }
>;
export type ArrivalCancelled = DomainEvent<
  'ArrivalCancelled',
  { bookingId: string; reason: 'cancelled' | 'rescheduled'; sourceId: string }
>;
export type DeskOpened = DomainEvent<'DeskOpened', { deskId: string; at: Instant }>;
export type DeskPaused = DomainEvent<'DeskPaused', { deskId: string; at: Instant }>;
export type DeskClosed = DomainEvent<'DeskClosed', { deskId: string; at: Instant }>;
export type TicketCalled = DomainEvent<
  'TicketCalled',
  {
    ticketId: string;
    number: string;
    serviceId: string;
    deskId: string;
    calledAt: Instant;
    waitSeconds: number;
    /**
     * Random assignment: how many tickets the draw was among (the longest-waiting of the highest
     * priority, at most the policy's `drawWindow`). Absent when the desk called in order.
     */
    drawnAmong?: number;
    /**
     * Random assignment: the draw in [0, 1) the call was made with; the ticket called is the
     * `floor(randomDraw * drawnAmong)`-th candidate in queue order, so an auditor can recompute
     * each choice from the events. Absent when the desk called in order, and on calls recorded
     * before it was stored.
     */
    randomDraw?: number;
  }
>;
export type TicketRecalled = DomainEvent<
  'TicketRecalled',
  { ticketId: string; number: string; serviceId: string; deskId: string; recall: number; at: Instant }
>;
export type TicketNoShow = DomainEvent<
  'TicketNoShow',
  {
    ticketId: string;
    number: string;
    serviceId: string;
    deskId: string;
    recalls: number;
    at: Instant;
    waitSeconds: number;
  }
>;
export type ServiceStarted = DomainEvent<
  'ServiceStarted',
  { ticketId: string; number: string; serviceId: string; deskId: string; startedAt: Instant }
>;
export type VisitServed = DomainEvent<
  'VisitServed',
  {
    ticketId: string;
    number: string;
    serviceId: string;
    deskId: string;
    outcome: VisitOutcome;
    issuedAt: Instant;
    calledAt: Instant;
    startedAt: Instant;
    finishedAt: Instant;
    /** From joining this service's queue to the call. */
    waitSeconds: number;
    /** From the start of service to its end. */
    serviceSeconds: number;
    bookingId?: string;
    citizenRef?: string;
  }
>;
export type TicketTransferred = DomainEvent<
  'TicketTransferred',
  {
    ticketId: string;
    number: string;
    fromServiceId: string;
    toServiceId: string;
    deskId: string;
    level: number;
    queueSeq: number;
    at: Instant;
    /** Time served at this desk before the transfer (0 when not started). */
    serviceSeconds: number;
  }
>;
export type TicketParked = DomainEvent<
  'TicketParked',
  { ticketId: string; number: string; serviceId: string; deskId: string; at: Instant; returnsAt: Instant }
>;
export type QueueDayClosed = DomainEvent<
  'QueueDayClosed',
  {
    officeId: string;
    date: LocalDate;
    reason: DayCloseReason;
    /** Free text for the office; never published. */
    note?: string;
    closedAt: Instant;
    closedTickets: Array<{ ticketId: string; number: string; serviceId: string; status: TicketStatus }>;
  }
>;

export type OfficeDayEvent =
  | QueueDayOpened
  | DaySetupApplied
  | TicketIssued
  | ArrivalExpected
  | ArrivalCancelled
  | DeskOpened
  | DeskPaused
  | DeskClosed
  | TicketCalled
  | TicketRecalled
  | TicketNoShow
  | ServiceStarted
  | VisitServed
  | TicketTransferred
  | TicketParked
  | QueueDayClosed;

// --- state --------------------------------------------------------------------------------------

export type OfficeDayStatus = 'unopened' | 'open' | 'closed';

/** How many service times per service feed the estimates (the most recent ones). */
export const RECENT_SERVICE_SAMPLES = 30;
/** How many calls the board shows. */
export const RECENT_CALLS = 10;

export interface OfficeDayState {
  status: OfficeDayStatus;
  officeId?: string;
  date?: LocalDate;
  setup?: QueueSetup;
  /** Every ticket of the day by id (finished ones stay: views and idempotency need them). */
  tickets: Readonly<Record<string, Ticket>>;
  /** Ids of tickets in a live status, in issue order. */
  live: readonly string[];
  /** Last number issued per prefix. */
  counters: Readonly<Record<string, number>>;
  /** Last queue sequence handed out. */
  queueSeq: number;
  desks: Readonly<Record<string, DeskState>>;
  arrivals: Readonly<Record<string, ExpectedArrival>>;
  /** Integration events already applied (expected arrivals), so a redelivery changes nothing. */
  seenSources: Readonly<Record<string, true>>;
  /** The latest service durations per service, seconds, oldest first. */
  recentServiceSeconds: Readonly<Record<string, readonly number[]>>;
  /** The latest calls, newest first (for the board). */
  recentCalls: readonly CallRecord[];
  closedAt?: Instant;
  closeReason?: DayCloseReason;
}

export const officeDayStream = (officeId: string, date: LocalDate): string => `queueday-${officeId}:${date}`;

/** `queueday-<officeId>:<date>` back to its parts (ids never contain `:`). */
export const officeDayKey = (streamName: string): { officeId: string; date: LocalDate } => {
  const id = streamName.slice('queueday-'.length);
  const colon = id.lastIndexOf(':');
  return { officeId: id.slice(0, colon), date: id.slice(colon + 1) };
};
