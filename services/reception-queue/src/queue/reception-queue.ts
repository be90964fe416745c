/**
 * The reception queue's application service: every HTTP route and the appointments consumer go
 * through here. Commands on a day run through `HotStreams` (batched per stream, see
 * application/hot-streams.ts); views are computed from the folded day state, read fresh from the
 * store (only the events appended since the cached revision), so a clerk always sees what the
 * last command left.
 */
import { AggregateCache, type EventStore } from '@adal/event-store';
import {
  DAY_CLOSE_REASONS,
  DomainError,
  arrivalViews,
  boardView,
  deskView,
  deskViews,
  localDateOf,
  officeDayDecider,
  officeDayStream,
  officeSetupDecider,
  officeSetupStream,
  requireDate,
  requireId,
  ticketView,
  type ArrivalView,
  type BoardView,
  type DayCloseReason,
  type DeskView,
  type Instant,
  type LocalDate,
  type OfficeDayCommand,
  type OfficeDayEvent,
  type OfficeDayState,
  type OfficeSetup,
  type OfficeSetupCommand,
  type OfficeSetupEvent,
  type OfficeSetupState,
  type PriorityClass,
  type QueueSetup,
  type TicketOrigin,
  type TicketView,
} from '../domain/index.js';
import { cryptoRandom, type Clock, type IdGenerator, type RandomSource } from '../application/clock.js';
import { HotStreams, type HotStreamOptions } from '../application/hot-streams.js';
import { eventMetadata } from '../application/trace.js';

export const DESK_ACTIONS = [
  'open',
  'pause',
  'close',
  'call-next',
  'recall',
  'no-show',
  'start',
  'finish',
  'transfer',
  'park',
] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** A ticket as answered when it is issued (or checked in). */
export interface IssuedTicket extends TicketView {
  priority: PriorityClass;
  channel: TicketOrigin;
  bookingId?: string;
}

/** `GET .../desks`: the desk's ticket is `current` (null when free). */
export type DeskState = Omit<DeskView, 'ticket'> & { current: DeskView['ticket'] | null };

export interface DayClosedView {
  officeId: string;
  date: LocalDate;
  reason: DayCloseReason;
  closedAt?: Instant;
  /** Tickets closed by the day close. */
  closedTickets: number;
}

export type Body = Record<string, unknown> | undefined;

const field = (body: Body, name: string): unknown => (body && typeof body === 'object' ? body[name] : undefined);

const asDeskState = (view: DeskView): DeskState => {
  const { ticket, ...rest } = view;
  return { ...rest, current: ticket ?? null };
};

export class ReceptionQueue {
  readonly days: HotStreams<OfficeDayCommand, OfficeDayState, OfficeDayEvent>;
  readonly offices: HotStreams<OfficeSetupCommand, OfficeSetupState, OfficeSetupEvent>;

  constructor(
    store: EventStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    cache: AggregateCache = new AggregateCache(),
    options: HotStreamOptions = {},
    private readonly random: RandomSource = cryptoRandom,
  ) {
    this.days = new HotStreams(store, officeDayDecider, cache, options);
    this.offices = new HotStreams(store, officeSetupDecider, cache, { ...options, mode: 'optimistic' });
  }

  now(): Instant {
    return this.clock.now();
  }

  // --- office setup -------------------------------------------------------------------------------

  async setup(officeIdInput: string): Promise<OfficeSetup> {
    const officeId = requireId(officeIdInput, 'officeId');
    const { state } = await this.offices.read(officeSetupStream(officeId));
    return state.setup ?? this.notConfigured();
  }

  /** Replaces the office's setup; today's queue, when open, takes it at once. */
  async configure(officeIdInput: string, body: Body): Promise<OfficeSetup> {
    const officeId = requireId(officeIdInput, 'officeId');
    const now = this.clock.now();
    const command: OfficeSetupCommand = {
      type: 'ConfigureOffice',
      data: {
        officeId,
        services: field(body, 'services'),
        desks: field(body, 'desks'),
        hours: field(body, 'hours'),
        policy: field(body, 'policy'),
        appointmentServiceId: field(body, 'appointmentServiceId'),
        now,
      },
    };
    // Check first that today's open queue can take it (no service or desk in use removed).
    const todayStream = officeDayStream(officeId, localDateOf(now));
    const today = (await this.days.read(todayStream)).state;
    const setupOf = (state: OfficeSetupState): QueueSetup => {
      const { officeId: _id, ...setup } = state.setup!;
      return setup;
    };
    if (today.status === 'open') {
      const trial = officeSetupDecider.decide(command, officeSetupDecider.initialState());
      const next = trial.reduce(officeSetupDecider.evolve, officeSetupDecider.initialState());
      officeDayDecider.decide({ type: 'ApplySetup', data: { setup: setupOf(next), now } }, today);
    }
    const { state } = await this.offices.execute(officeSetupStream(officeId), () => [command], eventMetadata());
    if (today.status === 'open') {
      await this.days.execute(
        todayStream,
        () => [{ type: 'ApplySetup', data: { setup: setupOf(state), now } }],
        eventMetadata(),
      );
    }
    return state.setup!;
  }

  // --- tickets ------------------------------------------------------------------------------------

  async issueTicket(officeId: string, date: string, body: Body): Promise<IssuedTicket> {
    const ticketId = this.ids.next();
    const state = await this.live(officeId, date, (now) => ({
      type: 'IssueTicket',
      data: {
        ticketId,
        serviceId: field(body, 'serviceId') as string,
        channel: field(body, 'channel') as never,
        ...(field(body, 'priority') !== undefined && field(body, 'priority') !== null
          ? { priority: field(body, 'priority') as never }
          : {}),
        now,
      },
    }));
    return this.issued(state, ticketId);
  }

  /** An expected appointment holder arrived: a ticket with appointment priority (the same one if checked in already). */
  async checkIn(officeId: string, date: string, body: Body): Promise<IssuedTicket> {
    const bookingId = requireId(field(body, 'bookingId'), 'bookingId');
    const ticketId = this.ids.next();
    const state = await this.live(officeId, date, (now) => ({
      type: 'CheckIn',
      data: {
        ticketId,
        bookingId,
        ...(field(body, 'serviceId') ? { serviceId: field(body, 'serviceId') as string } : {}),
        now,
      },
    }));
    return this.issued(state, state.arrivals[bookingId]!.ticketId!);
  }

  async ticket(officeId: string, date: string, ticketIdInput: string): Promise<TicketView> {
    const ticketId = requireId(ticketIdInput, 'ticketId');
    const state = await this.viewState(officeId, date);
    const ticket = state.tickets[ticketId] ?? this.refuse('TICKET_NOT_FOUND', 'ticketId');
    return ticketView(state, ticket);
  }

  // --- desks --------------------------------------------------------------------------------------

  async deskAction(
    officeId: string,
    date: string,
    deskIdInput: string,
    action: string,
    body: Body,
  ): Promise<DeskState> {
    const deskId = requireId(deskIdInput, 'deskId');
    if (!DESK_ACTIONS.includes(action as DeskAction)) this.refuse('ACTION_UNKNOWN', 'action');
    const ticketId = field(body, 'ticketId') as string | undefined;
    const onTicket = ticketId !== undefined && ticketId !== null ? { ticketId } : {};
    const state = await this.live(officeId, date, (now): OfficeDayCommand => {
      switch (action as DeskAction) {
        case 'open':
          return { type: 'OpenDesk', data: { deskId, now } };
        case 'pause':
          return { type: 'PauseDesk', data: { deskId, now } };
        case 'close':
          return { type: 'CloseDesk', data: { deskId, now } };
        case 'call-next':
          // A draw for every call: used when the office assigns tickets at random (the decider
          // knows the policy), so the draw is never a choice of this process.
          return { type: 'CallNext', data: { deskId, randomDraw: this.random.draw(), now } };
        case 'recall':
          return { type: 'Recall', data: { deskId, ...onTicket, now } };
        case 'no-show':
          return { type: 'MarkNoShow', data: { deskId, ...onTicket, now } };
        case 'start':
          return { type: 'StartService', data: { deskId, ...onTicket, now } };
        case 'finish':
          return {
            type: 'FinishService',
            data: { deskId, ...onTicket, outcome: field(body, 'outcome') as never, now },
          };
        case 'transfer':
          return {
            type: 'TransferTicket',
            data: { deskId, ...onTicket, serviceId: field(body, 'serviceId') as string, now },
          };
        case 'park': {
          const minutes = field(body, 'minutes');
          return {
            type: 'ParkTicket',
            data: {
              deskId,
              ...onTicket,
              ...(minutes !== undefined && minutes !== null ? { minutes: minutes as number } : {}),
              now,
            },
          };
        }
      }
    });
    const desk = state.setup!.desks.find((d) => d.deskId === deskId)!;
    return asDeskState(deskView(state, desk, this.clock.now()));
  }

  async desks(officeId: string, date: string): Promise<DeskState[]> {
    const state = await this.viewState(officeId, date);
    return deskViews(state, this.clock.now()).map(asDeskState);
  }

  // --- the day ------------------------------------------------------------------------------------

  async board(officeId: string, date: string): Promise<BoardView> {
    return boardView(await this.viewState(officeId, date));
  }

  async arrivals(officeId: string, date: string): Promise<ArrivalView[]> {
    const { stream } = this.dayOf(officeId, date);
    return arrivalViews((await this.days.read(stream)).state);
  }

  /**
   * Closes the day: every ticket still in it is closed. `reason` is one of the codes, or free text
   * (kept inside the service as the note; the code is then `other` unless `kind` names one).
   */
  async closeDay(officeIdInput: string, dateInput: string, body: Body): Promise<DayClosedView> {
    const { officeId, date, stream } = this.dayOf(officeIdInput, dateInput);
    const reasonInput = field(body, 'reason');
    const kind = field(body, 'kind');
    const isCode = (value: unknown): value is DayCloseReason => DAY_CLOSE_REASONS.includes(value as DayCloseReason);
    const reason: unknown = isCode(reasonInput)
      ? reasonInput
      : (kind ?? (typeof reasonInput === 'string' && reasonInput.trim() ? 'other' : reasonInput));
    const note = isCode(reasonInput) ? field(body, 'note') : reasonInput;
    const now = this.clock.now();
    const { events, state } = await this.days.execute(
      stream,
      () => [
        {
          type: 'CloseDay',
          data: {
            officeId,
            date,
            reason: reason as DayCloseReason,
            ...(typeof note === 'string' ? { note } : {}),
            now,
          },
        },
      ],
      eventMetadata(),
    );
    const closed = events.find((e) => e.type === 'QueueDayClosed');
    return {
      officeId,
      date,
      reason: state.closeReason ?? (reason as DayCloseReason),
      ...(state.closedAt ? { closedAt: state.closedAt } : {}),
      closedTickets: closed && closed.type === 'QueueDayClosed' ? closed.data.closedTickets.length : 0,
    };
  }

  /** The folded day (for the board stream and tests). */
  async dayState(officeId: string, date: string): Promise<OfficeDayState> {
    return (await this.days.read(this.dayOf(officeId, date).stream)).state;
  }

  // --- expected arrivals (from appointments) ------------------------------------------------------

  async expectArrival(
    officeId: string,
    date: string,
    arrival: {
      bookingId: string;
      citizenRef: string;
      officialId: string;
      slotStart: string;
      slotEnd: string;
      sourceId: string;
    },
  ): Promise<void> {
    const { stream } = this.dayOf(officeId, date);
    await this.days.execute(stream, () => [{ type: 'ExpectArrival', data: arrival }], eventMetadata());
  }

  async cancelArrival(
    officeId: string,
    date: string,
    cancel: { bookingId: string; reason: 'cancelled' | 'rescheduled'; sourceId: string },
  ): Promise<void> {
    const { stream } = this.dayOf(officeId, date);
    await this.days.execute(stream, () => [{ type: 'CancelArrival', data: cancel }], eventMetadata());
  }

  // --- helpers ------------------------------------------------------------------------------------

  private dayOf(officeIdInput: string, dateInput: string): { officeId: string; date: LocalDate; stream: string } {
    const officeId = requireId(officeIdInput, 'officeId');
    const date = requireDate(dateInput, 'date');
    return { officeId, date, stream: officeDayStream(officeId, date) };
  }

  /**
   * Runs a live command on the day; its first live command opens the day with the office setup
   * (decided and appended together, so a day is never open without its setup).
   */
  private async live(
    officeIdInput: string,
    dateInput: string,
    build: (now: Instant) => OfficeDayCommand,
  ): Promise<OfficeDayState> {
    const { officeId, date, stream } = this.dayOf(officeIdInput, dateInput);
    const cached = this.days.peek(stream);
    let setup: QueueSetup | undefined;
    if (!cached || cached.state.status === 'unopened') {
      const office = (await this.offices.read(officeSetupStream(officeId))).state.setup;
      if (office) {
        const { officeId: _id, ...rest } = office;
        setup = rest;
      }
    }
    const now = this.clock.now();
    const command = build(now);
    const { state } = await this.days.execute(
      stream,
      (current) => {
        if (current.status !== 'unopened') return [command];
        if (!setup) return this.notConfigured();
        return [{ type: 'OpenDay', data: { officeId, date, setup, now } }, command];
      },
      eventMetadata(),
    );
    return state;
  }

  /** The day for views; a day not opened yet shows the office's setup with every desk closed. */
  private async viewState(officeIdInput: string, dateInput: string): Promise<OfficeDayState> {
    const { officeId, stream } = this.dayOf(officeIdInput, dateInput);
    const { state } = await this.days.read(stream);
    if (state.status !== 'unopened') return state;
    const office = (await this.offices.read(officeSetupStream(officeId))).state.setup ?? this.notConfigured();
    const { officeId: _id, ...setup } = office;
    return { ...state, setup };
  }

  private issued(state: OfficeDayState, ticketId: string): IssuedTicket {
    const ticket = state.tickets[ticketId]!;
    return {
      ...ticketView(state, ticket),
      priority: ticket.priority,
      channel: ticket.origin,
      ...(ticket.bookingId ? { bookingId: ticket.bookingId } : {}),
    };
  }

  private notConfigured(): never {
    throw new DomainError('OFFICE_NOT_CONFIGURED', { field: 'officeId' });
  }

  private refuse(code: 'TICKET_NOT_FOUND' | 'ACTION_UNKNOWN', fieldName: string): never {
    throw new DomainError(code, { field: fieldName });
  }
}
