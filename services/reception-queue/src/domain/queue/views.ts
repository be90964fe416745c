/**
 * What clerks, the hall board and citizens see of a day, computed from the folded day state
 * (exact and as fresh as the last command). Pure: `now` comes in as an argument.
 */
import type { Instant } from '@adal/domain-kit';
import type { DeskDefinition } from '../office/office-setup.js';
import { estimateWait, NO_WAIT, type WaitEstimate } from './estimate.js';
import { compareQueueOrder, deskStateOf, isCallable } from './office-day.decider.js';
import type { DeskStatus, ExpectedArrival, OfficeDayState, Ticket, TicketStatus } from './office-day.js';
import type { PriorityClass } from './priority.js';

export interface TicketView {
  ticketId: string;
  number: string;
  serviceId: string;
  status: TicketStatus;
  /** 1 = next in line for its service; 0 once called (and after). */
  position: number;
  /** Zero once called (and after). */
  estimate: WaitEstimate;
  /** The desk's name while the ticket is called or served there. */
  calledTo?: string;
  deskId?: string;
  issuedAt: Instant;
  /** Parked: back in the queue at this moment. */
  returnsAt?: Instant;
}

const inQueue = (ticket: Ticket): boolean => ticket.status === 'waiting' || ticket.status === 'parked';

/** Desks open for a service now (closed and paused desks do not count). */
export const openDesksFor = (state: OfficeDayState, serviceId: string): number =>
  (state.setup?.desks ?? []).filter(
    (d) => d.serviceIds.includes(serviceId) && deskStateOf(state, d.deskId).status === 'open',
  ).length;

/** 1-based place among the tickets queueing for the same service (waiting or parked). */
export const positionOf = (state: OfficeDayState, ticket: Ticket): number => {
  let ahead = 0;
  for (const id of state.live) {
    const other = state.tickets[id]!;
    if (
      other.ticketId !== ticket.ticketId &&
      other.serviceId === ticket.serviceId &&
      inQueue(other) &&
      compareQueueOrder(other, ticket) < 0
    ) {
      ahead++;
    }
  }
  return ahead + 1;
};

export const estimateFor = (state: OfficeDayState, ticket: Ticket, position: number): WaitEstimate => {
  const service = state.setup?.services.find((s) => s.serviceId === ticket.serviceId);
  return estimateWait({
    position,
    desks: openDesksFor(state, ticket.serviceId),
    serviceSeconds: state.recentServiceSeconds[ticket.serviceId] ?? [],
    expectedMinutes: service?.expectedMinutes ?? 10,
  });
};

const deskName = (state: OfficeDayState, deskId: string | undefined): string | undefined =>
  deskId === undefined ? undefined : (state.setup?.desks.find((d) => d.deskId === deskId)?.name ?? deskId);

export const ticketView = (state: OfficeDayState, ticket: Ticket): TicketView => {
  const base = {
    ticketId: ticket.ticketId,
    number: ticket.number,
    serviceId: ticket.serviceId,
    status: ticket.status,
    issuedAt: ticket.issuedAt,
  };
  if (inQueue(ticket)) {
    const position = positionOf(state, ticket);
    return {
      ...base,
      position,
      estimate: estimateFor(state, ticket, position),
      ...(ticket.returnsAt ? { returnsAt: ticket.returnsAt } : {}),
    };
  }
  if (ticket.status === 'called' || ticket.status === 'serving') {
    return {
      ...base,
      position: 0,
      estimate: NO_WAIT,
      calledTo: deskName(state, ticket.deskId)!,
      deskId: ticket.deskId!,
    };
  }
  return { ...base, position: 0, estimate: NO_WAIT };
};

export interface BoardView {
  /** The latest calls, newest first (a recall is a call again). */
  calls: Array<{ number: string; deskId: string; deskName: string; calledAt: Instant; recall: number }>;
  /** Tickets in the queue per service (every service of the office, zeros included). */
  waiting: Record<string, number>;
  status: OfficeDayState['status'];
}

export const boardView = (state: OfficeDayState): BoardView => {
  const waiting: Record<string, number> = {};
  for (const service of state.setup?.services ?? []) waiting[service.serviceId] = 0;
  for (const id of state.live) {
    const ticket = state.tickets[id]!;
    if (inQueue(ticket)) waiting[ticket.serviceId] = (waiting[ticket.serviceId] ?? 0) + 1;
  }
  return {
    calls: state.recentCalls.map((c) => ({
      number: c.number,
      deskId: c.deskId,
      deskName: deskName(state, c.deskId)!,
      calledAt: c.calledAt,
      recall: c.recall,
    })),
    waiting,
    status: state.status,
  };
};

export interface DeskView {
  deskId: string;
  name: string;
  serviceIds: string[];
  status: DeskStatus;
  since?: Instant;
  /** Tickets a `call-next` here could get now. */
  waiting: number;
  ticket?: {
    ticketId: string;
    number: string;
    serviceId: string;
    status: 'called' | 'serving';
    priority: PriorityClass;
    transferred: boolean;
    calledAt: Instant;
    startedAt?: Instant;
    recalls: number;
    /** Recalls left before only a no-show is possible. */
    recallsLeft: number;
    canMarkNoShow: boolean;
    bookingId?: string;
    history: Ticket['history'];
  };
}

export const deskView = (state: OfficeDayState, desk: DeskDefinition, now: Instant): DeskView => {
  const deskState = deskStateOf(state, desk.deskId);
  let waiting = 0;
  for (const id of state.live) {
    const ticket = state.tickets[id]!;
    if (desk.serviceIds.includes(ticket.serviceId) && isCallable(ticket, now)) waiting++;
  }
  const ticket = deskState.ticketId ? state.tickets[deskState.ticketId] : undefined;
  const limit = state.setup?.policy.noShowAfterRecalls ?? 0;
  return {
    deskId: desk.deskId,
    name: desk.name,
    serviceIds: desk.serviceIds,
    status: deskState.status,
    ...(deskState.since ? { since: deskState.since } : {}),
    waiting,
    ...(ticket && (ticket.status === 'called' || ticket.status === 'serving')
      ? {
          ticket: {
            ticketId: ticket.ticketId,
            number: ticket.number,
            serviceId: ticket.serviceId,
            status: ticket.status,
            priority: ticket.priority,
            transferred: ticket.transferred,
            calledAt: ticket.calledAt!,
            ...(ticket.startedAt ? { startedAt: ticket.startedAt } : {}),
            recalls: ticket.recalls,
            recallsLeft: Math.max(0, limit - ticket.recalls),
            canMarkNoShow: ticket.status === 'called' && ticket.recalls >= limit,
            ...(ticket.bookingId ? { bookingId: ticket.bookingId } : {}),
            history: ticket.history,
          },
        }
      : {}),
  };
};

export const deskViews = (state: OfficeDayState, now: Instant): DeskView[] =>
  (state.setup?.desks ?? []).map((desk) => deskView(state, desk, now));

export interface ArrivalView {
  bookingId: string;
  officialId: string;
  slotStart: string;
  slotEnd: string;
  status: ExpectedArrival['status'];
  ticketId?: string;
  number?: string;
}

/** Expected appointment holders of the day, by slot (no personal data: the citizen is an opaque ref). */
export const arrivalViews = (state: OfficeDayState): ArrivalView[] =>
  Object.values(state.arrivals)
    .map((a) => ({
      bookingId: a.bookingId,
      officialId: a.officialId,
      slotStart: a.slotStart,
      slotEnd: a.slotEnd,
      status: a.status,
      ...(a.ticketId ? { ticketId: a.ticketId, number: state.tickets[a.ticketId]?.number ?? '' } : {}),
    }))
    .sort((a, b) =>
      a.slotStart < b.slotStart ? -1 : a.slotStart > b.slotStart ? 1 : a.bookingId < b.bookingId ? -1 : 1,
    );
