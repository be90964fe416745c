import type { Decider } from '@adal/event-store';
import {
  addMinutes,
  isBefore,
  localDateOf,
  localTimeOf,
  minutesOfDay,
  sameJson,
  secondsBetween,
  timeOfDay,
  unknownCommand,
  type Instant,
} from '@adal/domain-kit';
import { refuse } from '../shared/domain-error.js';
import {
  optionalChoice,
  optionalId,
  optionalInteger,
  optionalText,
  requireChoice,
  requireDate,
  requireId,
  requireInstant,
  requireTime,
} from '../shared/validation.js';
import type { DeskDefinition, QueueServiceDefinition, QueueSetup } from '../office/office-setup.js';
import { validateSetup } from '../office/office-setup.decider.js';
import { CLAIMED_PRIORITIES, levelOf, withPolicyDefaults } from './priority.js';
import {
  DAY_CLOSE_REASONS,
  LIVE_STATUSES,
  RECENT_CALLS,
  RECENT_SERVICE_SAMPLES,
  TICKET_CHANNELS,
  VISIT_OUTCOMES,
  type ApplySetup,
  type CallNext,
  type CancelArrival,
  type CheckIn,
  type CloseDay,
  type DeskState,
  type ExpectArrival,
  type ExpectedArrival,
  type FinishService,
  type IssueTicket,
  type MarkNoShow,
  type OfficeDayCommand,
  type OfficeDayEvent,
  type OfficeDayState,
  type OpenDay,
  type ParkTicket,
  type Recall,
  type StartService,
  type Ticket,
  type TicketStep,
  type TransferTicket,
} from './office-day.js';

const MAX_NOTE_LENGTH = 500;

export const initialOfficeDayState = (): OfficeDayState => ({
  status: 'unopened',
  tickets: {},
  live: [],
  counters: {},
  queueSeq: 0,
  desks: {},
  arrivals: {},
  seenSources: {},
  recentServiceSeconds: {},
  recentCalls: [],
});

// --- reading the state --------------------------------------------------------------------------

/** A desk's state; a desk nobody has opened today is closed. */
export const deskStateOf = (state: OfficeDayState, deskId: string): DeskState =>
  state.desks[deskId] ?? { deskId, status: 'closed' };

export const isLive = (ticket: Ticket): boolean => LIVE_STATUSES.includes(ticket.status);

/** Waiting, or parked and back in the queue at `now`. */
export const isCallable = (ticket: Ticket, now: Instant): boolean =>
  ticket.status === 'waiting' ||
  (ticket.status === 'parked' && ticket.returnsAt !== undefined && !isBefore(now, ticket.returnsAt));

/** Queue order: priority level, then the order the tickets entered the queue. */
export const compareQueueOrder = (a: Ticket, b: Ticket): number => a.level - b.level || a.queueSeq - b.queueSeq;

/** The ticket `CallNext` would give the desk at `now`, if any. */
export const nextTicketFor = (
  state: OfficeDayState,
  serviceIds: readonly string[],
  now: Instant,
): Ticket | undefined => {
  let best: Ticket | undefined;
  for (const id of state.live) {
    const ticket = state.tickets[id]!;
    if (!serviceIds.includes(ticket.serviceId) || !isCallable(ticket, now)) continue;
    if (!best || compareQueueOrder(ticket, best) < 0) best = ticket;
  }
  return best;
};

/** Callable tickets of the desk's services at the highest priority level waiting, in queue order. */
export const candidatesFor = (state: OfficeDayState, serviceIds: readonly string[], now: Instant): Ticket[] => {
  let level = Number.POSITIVE_INFINITY;
  let candidates: Ticket[] = [];
  for (const id of state.live) {
    const ticket = state.tickets[id]!;
    if (!serviceIds.includes(ticket.serviceId) || !isCallable(ticket, now)) continue;
    if (ticket.level < level) {
      level = ticket.level;
      candidates = [ticket];
    } else if (ticket.level === level) candidates.push(ticket);
  }
  return candidates.sort(compareQueueOrder);
};

/**
 * Random assignment: how many of the longest-waiting candidates a call draws among — the
 * office policy's `drawWindow`, capped by how many candidates there are, at least one. It does
 * not depend on how many desks are open: a clerk cannot widen the draw by opening idle desks.
 * A ticket in the window never loses its place in it to a newer one (it is drawn with a chance
 * of at least 1 in the window at each call).
 */
export const drawWindow = (setup: QueueSetup, candidates: number): number =>
  Math.max(1, Math.min(candidates, setup.policy.drawWindow));

/** A draw in [0, 1), as the application supplies it (crypto) for a random assignment. */
const requireDraw = (value: unknown, field: string): number => {
  if (value === undefined || value === null) return refuse('FIELD_REQUIRED', { field });
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    return refuse('INVALID_DRAW', { field });
  }
  return value;
};

export const ticketNumber = (prefix: string, seq: number): string => `${prefix}-${String(seq).padStart(3, '0')}`;

// --- guards -------------------------------------------------------------------------------------

const requireOpenDay = (state: OfficeDayState): QueueSetup => {
  if (state.status === 'unopened') refuse('DAY_NOT_OPENED', { field: 'date' });
  if (state.status === 'closed') refuse('DAY_CLOSED', { field: 'date' });
  return state.setup!;
};

/** Live work happens on the day itself: not on yesterday's queue, not on tomorrow's. */
const requireToday = (state: OfficeDayState, now: Instant): void => {
  const today = localDateOf(now);
  if (state.date !== today) refuse('NOT_TODAY', { field: 'date', params: { today } });
};

const requireWithinHours = (setup: QueueSetup, now: Instant): void => {
  const minute = minutesOfDay(localTimeOf(now));
  if (minute < minutesOfDay(setup.hours.open) || minute >= minutesOfDay(setup.hours.close)) {
    refuse('OUTSIDE_OPENING_HOURS', { params: { open: setup.hours.open, close: setup.hours.close } });
  }
};

/** How early before the slot an appointment holder may check in (minutes). */
export const CHECK_IN_EARLY_MINUTES = 60;

/**
 * An appointment gives priority only around its slot: from `CHECK_IN_EARLY_MINUTES` before the
 * slot starts until the slot ends. Otherwise a booking made for any hour would jump the queue.
 */
const requireWithinSlot = (arrival: ExpectedArrival, now: Instant): void => {
  const minute = minutesOfDay(localTimeOf(now));
  const from = minutesOfDay(arrival.slotStart) - CHECK_IN_EARLY_MINUTES;
  if (minute < from || minute >= minutesOfDay(arrival.slotEnd)) {
    refuse('CHECK_IN_OUTSIDE_SLOT', {
      field: 'bookingId',
      params: { from: timeOfDay(Math.max(0, from)), slotStart: arrival.slotStart, slotEnd: arrival.slotEnd },
    });
  }
};

const requireService = (setup: QueueSetup, serviceId: string, field: string): QueueServiceDefinition =>
  setup.services.find((s) => s.serviceId === serviceId) ?? refuse('SERVICE_UNKNOWN', { field });

const requireDesk = (setup: QueueSetup, deskId: unknown): DeskDefinition => {
  const id = requireId(deskId, 'deskId');
  return setup.desks.find((d) => d.deskId === id) ?? refuse('DESK_UNKNOWN', { field: 'deskId' });
};

/** Opens the command: the day open and today, a known desk. */
const deskCommand = (state: OfficeDayState, data: { deskId: unknown; now: unknown }) => {
  const now = requireInstant(data.now, 'now');
  const setup = requireOpenDay(state);
  const desk = requireDesk(setup, data.deskId);
  requireToday(state, now);
  return { now, setup, desk, deskState: deskStateOf(state, desk.deskId) };
};

/**
 * The desk's current ticket. With `ticketId`, it must be that ticket: a stale console or a
 * double click never acts on another ticket, and a ticket another desk holds is refused.
 */
const currentTicket = (state: OfficeDayState, deskId: string, ticketIdInput: unknown): Ticket => {
  const ticketId = optionalId(ticketIdInput, 'ticketId');
  const desk = deskStateOf(state, deskId);
  if (ticketId !== undefined) {
    const ticket = state.tickets[ticketId] ?? refuse('TICKET_NOT_FOUND', { field: 'ticketId' });
    if (desk.ticketId === ticketId) return ticket;
    if ((ticket.status === 'called' || ticket.status === 'serving') && ticket.deskId !== deskId) {
      refuse('TICKET_HELD_BY_OTHER_DESK', { field: 'ticketId' });
    }
    if (!isLive(ticket)) refuse('TICKET_ALREADY_FINISHED', { field: 'ticketId' });
    refuse('TICKET_NOT_AT_DESK', { field: 'ticketId' });
  }
  if (desk.ticketId === undefined) refuse('NO_CURRENT_TICKET', { field: 'deskId' });
  return state.tickets[desk.ticketId!]!;
};

/**
 * Random assignment: a called ticket the desk has not started serving may not be parked or
 * transferred — parking (or transferring) it and calling again would let a clerk redraw until
 * the citizen they want comes up. A called citizen who does not come is recalled, then marked
 * as a no-show. Desk-calls mode keeps parking and transferring a called ticket.
 */
const requireStartedIfRandom = (setup: QueueSetup, ticket: Ticket): void => {
  if (setup.policy.assignment === 'random' && ticket.status === 'called') {
    refuse('SERVICE_NOT_STARTED', { field: 'deskId' });
  }
};

/** A final ticket this desk already finished the same way: a retried click changes nothing. */
const alreadyDone = (state: OfficeDayState, deskId: string, ticketId: unknown, status: Ticket['status']): boolean => {
  if (typeof ticketId !== 'string') return false;
  const ticket = state.tickets[ticketId];
  return (
    ticket !== undefined &&
    ticket.status === status &&
    ticket.deskId === deskId &&
    deskStateOf(state, deskId).ticketId !== ticketId
  );
};

// --- decisions ----------------------------------------------------------------------------------

const openDay = ({ data }: OpenDay, state: OfficeDayState): OfficeDayEvent[] => {
  // The first opening wins: the setup is frozen for the day. A day closed unopened stays closed.
  if (state.status !== 'unopened') return [];
  const officeId = requireId(data.officeId, 'officeId');
  const date = requireDate(data.date, 'date');
  const openedAt = requireInstant(data.now, 'now');
  const setup = validateSetup(data.setup ?? ({} as QueueSetup));
  return [{ type: 'QueueDayOpened', data: { officeId, date, setup, openedAt } }];
};

const applySetup = ({ data }: ApplySetup, state: OfficeDayState): OfficeDayEvent[] => {
  const current = requireOpenDay(state);
  const appliedAt = requireInstant(data.now, 'now');
  const setup = validateSetup(data.setup ?? ({} as QueueSetup));
  if (sameJson(setup, current)) return [];
  const services = new Set(setup.services.map((s) => s.serviceId));
  const desks = new Set(setup.desks.map((d) => d.deskId));
  const liveTicketOfRemovedService = state.live.some((id) => !services.has(state.tickets[id]!.serviceId));
  const removedDeskInUse = Object.values(state.desks).some((d) => d.status !== 'closed' && !desks.has(d.deskId));
  if (liveTicketOfRemovedService || removedDeskInUse) refuse('SETUP_IN_USE', { field: 'setup' });
  return [{ type: 'DaySetupApplied', data: { setup, appliedAt } }];
};

const issueTicket = ({ data }: IssueTicket, state: OfficeDayState): OfficeDayEvent[] => {
  const ticketId = requireId(data.ticketId, 'ticketId');
  const serviceId = requireId(data.serviceId, 'serviceId');
  const channel = requireChoice(data.channel, TICKET_CHANNELS, 'channel');
  const claimed = optionalChoice(data.priority, CLAIMED_PRIORITIES, 'priority');
  const now = requireInstant(data.now, 'now');
  const setup = requireOpenDay(state);
  const service = requireService(setup, serviceId, 'serviceId');
  if (state.tickets[ticketId]) return []; // a retried request: the ticket is there already
  requireToday(state, now);
  requireWithinHours(setup, now);
  const priority = claimed ?? 'standard';
  const seq = (state.counters[service.prefix] ?? 0) + 1;
  return [
    {
      type: 'TicketIssued',
      data: {
        ticketId,
        number: ticketNumber(service.prefix, seq),
        prefix: service.prefix,
        seq,
        serviceId,
        origin: channel,
        priority,
        level: levelOf(setup.policy, priority),
        queueSeq: state.queueSeq + 1,
        issuedAt: now,
      },
    },
  ];
};

const expectArrival = ({ data }: ExpectArrival, state: OfficeDayState): OfficeDayEvent[] => {
  const bookingId = requireId(data.bookingId, 'bookingId');
  const citizenRef = requireId(data.citizenRef, 'citizenRef');
  const officialId = requireId(data.officialId, 'officialId');
  const slotStart = requireTime(data.slotStart, 'slotStart');
  const slotEnd = requireTime(data.slotEnd, 'slotEnd');
  const sourceId = requireId(data.sourceId, 'sourceId');
  if (state.seenSources[sourceId] || state.status === 'closed') return [];
  const existing = state.arrivals[bookingId];
  if (existing?.status === 'checked_in') return []; // the citizen is here already
  if (
    existing?.status === 'expected' &&
    existing.slotStart === slotStart &&
    existing.slotEnd === slotEnd &&
    existing.officialId === officialId
  ) {
    return [];
  }
  return [{ type: 'ArrivalExpected', data: { bookingId, citizenRef, officialId, slotStart, slotEnd, sourceId } }];
};

const cancelArrival = ({ data }: CancelArrival, state: OfficeDayState): OfficeDayEvent[] => {
  const bookingId = requireId(data.bookingId, 'bookingId');
  const reason = requireChoice(data.reason, ['cancelled', 'rescheduled'] as const, 'reason');
  const sourceId = requireId(data.sourceId, 'sourceId');
  if (state.seenSources[sourceId]) return [];
  // Nothing to cancel, or too late: a checked-in citizen keeps the ticket.
  if (state.arrivals[bookingId]?.status !== 'expected') return [];
  return [{ type: 'ArrivalCancelled', data: { bookingId, reason, sourceId } }];
};

const checkIn = ({ data }: CheckIn, state: OfficeDayState): OfficeDayEvent[] => {
  const ticketId = requireId(data.ticketId, 'ticketId');
  const bookingId = requireId(data.bookingId, 'bookingId');
  const requestedService = optionalId(data.serviceId, 'serviceId');
  const now = requireInstant(data.now, 'now');
  const setup = requireOpenDay(state);
  const arrival = state.arrivals[bookingId] ?? refuse('ARRIVAL_NOT_EXPECTED', { field: 'bookingId' });
  if (arrival.status === 'checked_in') return []; // checked in already: the same ticket stands
  if (arrival.status === 'cancelled') refuse('ARRIVAL_CANCELLED', { field: 'bookingId' });
  const serviceId = requestedService ?? setup.appointmentServiceId;
  const service = requireService(setup, serviceId, requestedService !== undefined ? 'serviceId' : 'bookingId');
  if (state.tickets[ticketId]) refuse('TICKET_EXISTS', { field: 'ticketId' });
  requireToday(state, now);
  requireWithinHours(setup, now);
  requireWithinSlot(arrival, now);
  const seq = (state.counters[service.prefix] ?? 0) + 1;
  return [
    {
      type: 'TicketIssued',
      data: {
        ticketId,
        number: ticketNumber(service.prefix, seq),
        prefix: service.prefix,
        seq,
        serviceId,
        origin: 'check_in',
        priority: 'appointment',
        level: levelOf(setup.policy, 'appointment'),
        queueSeq: state.queueSeq + 1,
        issuedAt: now,
        bookingId,
        citizenRef: arrival.citizenRef,
      },
    },
  ];
};

const busy = (state: OfficeDayState, desk: DeskState): never =>
  refuse('DESK_BUSY', { field: 'deskId', params: { number: state.tickets[desk.ticketId!]?.number ?? '' } });

const openDesk = ({ data }: { data: { deskId: string; now: Instant } }, state: OfficeDayState): OfficeDayEvent[] => {
  const { now, desk, deskState } = deskCommand(state, data);
  if (deskState.status === 'open') return [];
  return [{ type: 'DeskOpened', data: { deskId: desk.deskId, at: now } }];
};

const pauseDesk = ({ data }: { data: { deskId: string; now: Instant } }, state: OfficeDayState): OfficeDayEvent[] => {
  const { now, desk, deskState } = deskCommand(state, data);
  if (deskState.status === 'paused') return [];
  if (deskState.status === 'closed') refuse('DESK_CLOSED', { field: 'deskId' });
  if (deskState.ticketId !== undefined) busy(state, deskState);
  return [{ type: 'DeskPaused', data: { deskId: desk.deskId, at: now } }];
};

const closeDesk = ({ data }: { data: { deskId: string; now: Instant } }, state: OfficeDayState): OfficeDayEvent[] => {
  const { now, desk, deskState } = deskCommand(state, data);
  if (deskState.status === 'closed') return [];
  if (deskState.ticketId !== undefined) busy(state, deskState);
  return [{ type: 'DeskClosed', data: { deskId: desk.deskId, at: now } }];
};

const callNext = ({ data }: CallNext, state: OfficeDayState): OfficeDayEvent[] => {
  const { now, setup, desk, deskState } = deskCommand(state, data);
  if (deskState.status === 'closed') refuse('DESK_CLOSED', { field: 'deskId' });
  if (deskState.status === 'paused') refuse('DESK_PAUSED', { field: 'deskId' });
  // A double click on "call next" lands here: one ticket per desk at a time.
  if (deskState.ticketId !== undefined) busy(state, deskState);
  // Random assignment (anti-corruption): a ticket drawn among the longest-waiting of the highest
  // priority, so neither the citizen nor the clerk can arrange who serves whom (see priority.ts).
  const random = setup.policy.assignment === 'random';
  const draw = random ? requireDraw(data.randomDraw, 'randomDraw') : undefined;
  const candidates = candidatesFor(state, desk.serviceIds, now);
  if (candidates.length === 0) refuse('NO_TICKET_WAITING', { field: 'deskId' });
  const among = draw === undefined ? 1 : drawWindow(setup, candidates.length);
  const ticket = candidates[draw === undefined ? 0 : Math.min(among - 1, Math.floor(draw * among))]!;
  return [
    {
      type: 'TicketCalled',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        serviceId: ticket.serviceId,
        deskId: desk.deskId,
        calledAt: now,
        waitSeconds: secondsBetween(ticket.enteredAt, now),
        // The draw itself too: an auditor recomputes the choice, floor(randomDraw * drawnAmong).
        ...(draw === undefined ? {} : { drawnAmong: among, randomDraw: draw }),
      },
    },
  ];
};

const recall = ({ data }: Recall, state: OfficeDayState): OfficeDayEvent[] => {
  const { now, setup, desk } = deskCommand(state, data);
  const ticket = currentTicket(state, desk.deskId, data.ticketId);
  if (ticket.status === 'serving') refuse('TICKET_BEING_SERVED', { field: 'deskId' });
  const limit = setup.policy.noShowAfterRecalls;
  if (ticket.recalls >= limit) refuse('RECALL_LIMIT_REACHED', { field: 'deskId', params: { recalls: ticket.recalls } });
  return [
    {
      type: 'TicketRecalled',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        serviceId: ticket.serviceId,
        deskId: desk.deskId,
        recall: ticket.recalls + 1,
        at: now,
      },
    },
  ];
};

const markNoShow = ({ data }: MarkNoShow, state: OfficeDayState): OfficeDayEvent[] => {
  const { now, setup, desk } = deskCommand(state, data);
  if (alreadyDone(state, desk.deskId, data.ticketId, 'no_show')) return [];
  const ticket = currentTicket(state, desk.deskId, data.ticketId);
  if (ticket.status === 'serving') refuse('TICKET_BEING_SERVED', { field: 'deskId' });
  const required = setup.policy.noShowAfterRecalls;
  if (ticket.recalls < required) {
    refuse('RECALLS_REQUIRED', { field: 'deskId', params: { recalls: required, done: ticket.recalls } });
  }
  return [
    {
      type: 'TicketNoShow',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        serviceId: ticket.serviceId,
        deskId: desk.deskId,
        recalls: ticket.recalls,
        at: now,
        waitSeconds: secondsBetween(ticket.enteredAt, ticket.calledAt!),
      },
    },
  ];
};

const startService = ({ data }: StartService, state: OfficeDayState): OfficeDayEvent[] => {
  const { now, desk } = deskCommand(state, data);
  const ticket = currentTicket(state, desk.deskId, data.ticketId);
  if (ticket.status === 'serving') return []; // started already (a double click)
  return [
    {
      type: 'ServiceStarted',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        serviceId: ticket.serviceId,
        deskId: desk.deskId,
        startedAt: now,
      },
    },
  ];
};

const finishService = ({ data }: FinishService, state: OfficeDayState): OfficeDayEvent[] => {
  const outcome = requireChoice(data.outcome, VISIT_OUTCOMES, 'outcome');
  const { now, desk } = deskCommand(state, data);
  if (alreadyDone(state, desk.deskId, data.ticketId, 'served')) return [];
  const ticket = currentTicket(state, desk.deskId, data.ticketId);
  if (ticket.status !== 'serving') refuse('SERVICE_NOT_STARTED', { field: 'deskId' });
  return [
    {
      type: 'VisitServed',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        serviceId: ticket.serviceId,
        deskId: desk.deskId,
        outcome,
        issuedAt: ticket.issuedAt,
        calledAt: ticket.calledAt!,
        startedAt: ticket.startedAt!,
        finishedAt: now,
        waitSeconds: secondsBetween(ticket.enteredAt, ticket.calledAt!),
        serviceSeconds: secondsBetween(ticket.startedAt!, now),
        ...(ticket.bookingId ? { bookingId: ticket.bookingId } : {}),
        ...(ticket.citizenRef ? { citizenRef: ticket.citizenRef } : {}),
      },
    },
  ];
};

const transferTicket = ({ data }: TransferTicket, state: OfficeDayState): OfficeDayEvent[] => {
  const toServiceId = requireId(data.serviceId, 'serviceId');
  const { now, setup, desk } = deskCommand(state, data);
  requireService(setup, toServiceId, 'serviceId');
  const ticket = currentTicket(state, desk.deskId, data.ticketId);
  if (ticket.serviceId === toServiceId) refuse('SAME_SERVICE', { field: 'serviceId' });
  requireStartedIfRandom(setup, ticket);
  return [
    {
      type: 'TicketTransferred',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        fromServiceId: ticket.serviceId,
        toServiceId,
        deskId: desk.deskId,
        // Back in a queue at a higher priority, behind tickets transferred before it.
        level: levelOf(setup.policy, ticket.priority, true),
        queueSeq: state.queueSeq + 1,
        at: now,
        serviceSeconds: ticket.startedAt ? secondsBetween(ticket.startedAt, now) : 0,
      },
    },
  ];
};

const parkTicket = ({ data }: ParkTicket, state: OfficeDayState): OfficeDayEvent[] => {
  const minutes = optionalInteger(data.minutes, 'minutes', 1, 240);
  const { now, setup, desk } = deskCommand(state, data);
  const ticket = currentTicket(state, desk.deskId, data.ticketId);
  requireStartedIfRandom(setup, ticket);
  return [
    {
      type: 'TicketParked',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        serviceId: ticket.serviceId,
        deskId: desk.deskId,
        at: now,
        returnsAt: addMinutes(now, minutes ?? setup.policy.parkMinutes),
      },
    },
  ];
};

const closeDay = ({ data }: CloseDay, state: OfficeDayState): OfficeDayEvent[] => {
  const reason = requireChoice(data.reason, DAY_CLOSE_REASONS, 'reason');
  const note = optionalText(data.note, 'note', MAX_NOTE_LENGTH);
  const closedAt = requireInstant(data.now, 'now');
  if (state.status === 'closed') return [];
  // An opened day knows its office and date; the command's routing fields matter only before.
  const officeId = state.officeId ?? requireId(data.officeId, 'officeId');
  const date = state.date ?? requireDate(data.date, 'date');
  const closedTickets = state.live.map((id) => {
    const { ticketId, number, serviceId, status } = state.tickets[id]!;
    return { ticketId, number, serviceId, status };
  });
  return [
    { type: 'QueueDayClosed', data: { officeId, date, reason, ...(note ? { note } : {}), closedAt, closedTickets } },
  ];
};

// --- evolution ----------------------------------------------------------------------------------

type TicketPatch = { [K in keyof Ticket]?: Ticket[K] | undefined };

/** The ticket with `patch` applied; `undefined` values remove the field. */
const patched = (ticket: Ticket, patch: TicketPatch): Ticket => {
  const next: Record<string, unknown> = { ...ticket };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as unknown as Ticket;
};

const withTicket = (state: OfficeDayState, ticketId: string, patch: TicketPatch): OfficeDayState => {
  const ticket = state.tickets[ticketId];
  return ticket ? { ...state, tickets: { ...state.tickets, [ticketId]: patched(ticket, patch) } } : state;
};

const withDesk = (state: OfficeDayState, deskId: string, desk: Omit<DeskState, 'deskId'>): OfficeDayState => ({
  ...state,
  desks: { ...state.desks, [deskId]: { deskId, ...desk } },
});

/** The desk lets go of its ticket (it stays open). */
const freeDesk = (state: OfficeDayState, deskId: string, at: Instant): OfficeDayState => {
  const desk = deskStateOf(state, deskId);
  return withDesk(state, deskId, { status: desk.status, since: at });
};

const step = (ticket: Ticket, deskId: string, endedAt: Instant, result: TicketStep['result']): TicketStep[] => [
  ...ticket.history,
  {
    serviceId: ticket.serviceId,
    deskId,
    calledAt: ticket.calledAt ?? endedAt,
    ...(ticket.startedAt ? { startedAt: ticket.startedAt } : {}),
    endedAt,
    result,
  },
];

const withoutLive = (state: OfficeDayState, ticketId: string): OfficeDayState => ({
  ...state,
  live: state.live.filter((id) => id !== ticketId),
});

const pushCall = (state: OfficeDayState, call: OfficeDayState['recentCalls'][number]): OfficeDayState => ({
  ...state,
  recentCalls: [call, ...state.recentCalls].slice(0, RECENT_CALLS),
});

export const evolveOfficeDay = (state: OfficeDayState, event: OfficeDayEvent): OfficeDayState => {
  switch (event.type) {
    case 'QueueDayOpened':
      return {
        ...state,
        status: 'open',
        officeId: event.data.officeId,
        date: event.data.date,
        setup: { ...event.data.setup, policy: withPolicyDefaults(event.data.setup.policy) },
      };
    case 'DaySetupApplied':
      return { ...state, setup: { ...event.data.setup, policy: withPolicyDefaults(event.data.setup.policy) } };
    case 'TicketIssued': {
      const d = event.data;
      const ticket: Ticket = {
        ticketId: d.ticketId,
        number: d.number,
        serviceId: d.serviceId,
        origin: d.origin,
        priority: d.priority,
        transferred: false,
        level: d.level,
        queueSeq: d.queueSeq,
        status: 'waiting',
        issuedAt: d.issuedAt,
        enteredAt: d.issuedAt,
        recalls: 0,
        history: [],
        ...(d.bookingId ? { bookingId: d.bookingId } : {}),
        ...(d.citizenRef ? { citizenRef: d.citizenRef } : {}),
      };
      const arrival = d.bookingId ? state.arrivals[d.bookingId] : undefined;
      return {
        ...state,
        tickets: { ...state.tickets, [d.ticketId]: ticket },
        live: [...state.live, d.ticketId],
        counters: { ...state.counters, [d.prefix]: d.seq },
        queueSeq: Math.max(state.queueSeq, d.queueSeq),
        ...(arrival
          ? {
              arrivals: {
                ...state.arrivals,
                [arrival.bookingId]: { ...arrival, status: 'checked_in' as const, ticketId: d.ticketId },
              },
            }
          : {}),
      };
    }
    case 'ArrivalExpected': {
      const { sourceId, ...arrival } = event.data;
      return {
        ...state,
        arrivals: { ...state.arrivals, [arrival.bookingId]: { ...arrival, status: 'expected' } },
        seenSources: { ...state.seenSources, [sourceId]: true },
      };
    }
    case 'ArrivalCancelled': {
      const arrival = state.arrivals[event.data.bookingId];
      return {
        ...state,
        ...(arrival
          ? { arrivals: { ...state.arrivals, [arrival.bookingId]: { ...arrival, status: 'cancelled' as const } } }
          : {}),
        seenSources: { ...state.seenSources, [event.data.sourceId]: true },
      };
    }
    case 'DeskOpened':
      return withDesk(state, event.data.deskId, { status: 'open', since: event.data.at });
    case 'DeskPaused':
      return withDesk(state, event.data.deskId, { status: 'paused', since: event.data.at });
    case 'DeskClosed':
      return withDesk(state, event.data.deskId, { status: 'closed', since: event.data.at });
    case 'TicketCalled': {
      const { ticketId, deskId, calledAt, number } = event.data;
      const next = withTicket(state, ticketId, {
        status: 'called',
        deskId,
        calledAt,
        recalls: 0,
        startedAt: undefined,
        returnsAt: undefined,
      });
      const desk = deskStateOf(state, deskId);
      return pushCall(withDesk(next, deskId, { status: desk.status, ticketId, since: calledAt }), {
        ticketId,
        number,
        deskId,
        calledAt,
        recall: 0,
      });
    }
    case 'TicketRecalled': {
      const { ticketId, deskId, at, number, recall } = event.data;
      return pushCall(withTicket(state, ticketId, { recalls: recall }), {
        ticketId,
        number,
        deskId,
        calledAt: at,
        recall,
      });
    }
    case 'ServiceStarted':
      return withTicket(state, event.data.ticketId, { status: 'serving', startedAt: event.data.startedAt });
    case 'TicketNoShow': {
      const { ticketId, deskId, at } = event.data;
      const ticket = state.tickets[ticketId];
      if (!ticket) return state;
      const next = withTicket(state, ticketId, {
        status: 'no_show',
        finishedAt: at,
        history: step(ticket, deskId, at, 'no_show'),
      });
      return withoutLive(freeDesk(next, deskId, at), ticketId);
    }
    case 'VisitServed': {
      const { ticketId, deskId, finishedAt, outcome, serviceId, serviceSeconds } = event.data;
      const ticket = state.tickets[ticketId];
      if (!ticket) return state;
      const next = withTicket(state, ticketId, {
        status: 'served',
        outcome,
        finishedAt,
        history: step(ticket, deskId, finishedAt, 'served'),
      });
      const samples = [...(state.recentServiceSeconds[serviceId] ?? []), serviceSeconds].slice(-RECENT_SERVICE_SAMPLES);
      return {
        ...withoutLive(freeDesk(next, deskId, finishedAt), ticketId),
        recentServiceSeconds: { ...state.recentServiceSeconds, [serviceId]: samples },
      };
    }
    case 'TicketTransferred': {
      const { ticketId, deskId, at, toServiceId, level, queueSeq } = event.data;
      const ticket = state.tickets[ticketId];
      if (!ticket) return state;
      const next = withTicket(state, ticketId, {
        history: step(ticket, deskId, at, 'transferred'),
        serviceId: toServiceId,
        status: 'waiting',
        transferred: true,
        level,
        queueSeq,
        enteredAt: at,
        recalls: 0,
        deskId: undefined,
        calledAt: undefined,
        startedAt: undefined,
      });
      return { ...freeDesk(next, deskId, at), queueSeq: Math.max(state.queueSeq, queueSeq) };
    }
    case 'TicketParked': {
      const { ticketId, deskId, at, returnsAt } = event.data;
      const ticket = state.tickets[ticketId];
      if (!ticket) return state;
      // Keeps its level and queue place; its wait counts again from its return.
      const next = withTicket(state, ticketId, {
        history: step(ticket, deskId, at, 'parked'),
        status: 'parked',
        returnsAt,
        enteredAt: returnsAt,
        recalls: 0,
        deskId: undefined,
        calledAt: undefined,
        startedAt: undefined,
      });
      return freeDesk(next, deskId, at);
    }
    case 'QueueDayClosed': {
      const { closedAt, closedTickets, reason, officeId, date } = event.data;
      const tickets: Record<string, Ticket> = { ...state.tickets };
      for (const { ticketId } of closedTickets) {
        const ticket = tickets[ticketId];
        if (!ticket) continue;
        const history =
          ticket.deskId && (ticket.status === 'called' || ticket.status === 'serving')
            ? step(ticket, ticket.deskId, closedAt, 'closed')
            : ticket.history;
        tickets[ticketId] = patched(ticket, { status: 'closed', finishedAt: closedAt, returnsAt: undefined, history });
      }
      const desks: Record<string, DeskState> = {};
      for (const desk of Object.values(state.desks))
        desks[desk.deskId] = { deskId: desk.deskId, status: 'closed', since: closedAt };
      return { ...state, status: 'closed', officeId, date, tickets, desks, live: [], closedAt, closeReason: reason };
    }
    default:
      return state; // an event type from a newer version: nothing this version knows to fold
  }
};

export const decideOfficeDay = (command: OfficeDayCommand, state: OfficeDayState): OfficeDayEvent[] => {
  switch (command.type) {
    case 'OpenDay':
      return openDay(command, state);
    case 'ApplySetup':
      return applySetup(command, state);
    case 'IssueTicket':
      return issueTicket(command, state);
    case 'ExpectArrival':
      return expectArrival(command, state);
    case 'CancelArrival':
      return cancelArrival(command, state);
    case 'CheckIn':
      return checkIn(command, state);
    case 'OpenDesk':
      return openDesk(command, state);
    case 'PauseDesk':
      return pauseDesk(command, state);
    case 'CloseDesk':
      return closeDesk(command, state);
    case 'CallNext':
      return callNext(command, state);
    case 'Recall':
      return recall(command, state);
    case 'MarkNoShow':
      return markNoShow(command, state);
    case 'StartService':
      return startService(command, state);
    case 'FinishService':
      return finishService(command, state);
    case 'TransferTicket':
      return transferTicket(command, state);
    case 'ParkTicket':
      return parkTicket(command, state);
    case 'CloseDay':
      return closeDay(command, state);
    default:
      return unknownCommand(command);
  }
};

export const officeDayDecider: Decider<OfficeDayCommand, OfficeDayState, OfficeDayEvent> = {
  decide: decideOfficeDay,
  evolve: evolveOfficeDay,
  initialState: initialOfficeDayState,
};
