// Random assignment (anti-corruption, `policy.assignment: "random"`): "call next" draws the ticket
// among the longest-waiting tickets of the highest priority, as many as the policy's `drawWindow`
// (default 3). The draw is a command field, so every case here is exact.
import { NOW, SETUP, at, called, deskOpened, issued, opened, started } from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import { candidatesFor, drawWindow, officeDayDecider } from './office-day.decider.js';
import type { OfficeDayCommand, OfficeDayEvent } from './office-day.js';
import { DEFAULT_QUEUE_POLICY, validatePolicy } from './priority.js';

const { given } = specFor(officeDayDecider);

// Desks: d1 documents; d2 documents and social; d3 social.
const RANDOM = { ...SETUP, policy: { ...DEFAULT_QUEUE_POLICY, assignment: 'random' as const } };
const randomDay: OfficeDayEvent = { ...opened, data: { ...(opened.data as object), setup: RANDOM } } as OfficeDayEvent;
/** A random day whose policy draws among `window` tickets. */
const randomDayWith = (window: number): OfficeDayEvent =>
  ({
    ...opened,
    data: { ...(opened.data as object), setup: { ...RANDOM, policy: { ...RANDOM.policy, drawWindow: window } } },
  }) as OfficeDayEvent;

const a = (n: number, options: Parameters<typeof issued>[4] = {}) =>
  issued(`t-a${n}`, 'documents', n, n, { issuedAt: at(`09:${String(10 + n).padStart(2, '0')}`), ...options });
const fourWaiting = [a(1), a(2), a(3), a(4)];

const callNext = (deskId: string, randomDraw?: unknown): OfficeDayCommand =>
  ({
    type: 'CallNext',
    data: { deskId, now: NOW, ...(randomDraw === undefined ? {} : { randomDraw }) },
  }) as OfficeDayCommand;

/** The `TicketCalled` of ticket n of documents at `deskId`, drawn with `draw` among `among` tickets. */
const drawn = (n: number, deskId: string, among?: number, draw?: number): OfficeDayEvent => {
  const base = called(`t-a${n}`, `A-00${n}`, 'documents', deskId, '10:00', 3000 - 60 * n);
  return among === undefined
    ? base
    : ({ ...base, data: { ...(base.data as object), drawnAmong: among, randomDraw: draw } } as OfficeDayEvent);
};

/** The ticket a call of `deskId` gets with `draw`, on the day `history`. */
const calledWith = (history: OfficeDayEvent[], deskId: string, draw: number): string => {
  const state = history.reduce(officeDayDecider.evolve, officeDayDecider.initialState());
  const [event] = officeDayDecider.decide(callNext(deskId, draw), state);
  return (event as Extract<OfficeDayEvent, { type: 'TicketCalled' }>).data.ticketId;
};

describe('random assignment of tickets to desks', () => {
  describe('the policy option', () => {
    it('defaults to desk calls in queue order, and takes "random"', () => {
      expect(validatePolicy(undefined).assignment).toBe('desk-calls');
      expect(validatePolicy({}).assignment).toBe('desk-calls');
      expect(validatePolicy({ assignment: 'random' })).toEqual({ ...DEFAULT_QUEUE_POLICY, assignment: 'random' });
    });

    it('draws among 3 by default, takes a window of 2..10 and refuses any other', () => {
      expect(DEFAULT_QUEUE_POLICY.drawWindow).toBe(3);
      expect(validatePolicy({ assignment: 'random', drawWindow: 2 }).drawWindow).toBe(2);
      expect(validatePolicy({ drawWindow: 10 }).drawWindow).toBe(10);
      for (const bad of [1, 11, 2.5, '3']) {
        expect(() => validatePolicy({ drawWindow: bad })).toThrow(
          expect.objectContaining({ field: 'policy.drawWindow' }),
        );
      }
    });

    it('refuses another assignment, naming the field', () => {
      expect(() => validatePolicy({ assignment: 'lottery' })).toThrow(
        expect.objectContaining({ code: 'INVALID_CHOICE', field: 'policy.assignment' }),
      );
    });
  });

  describe('CallNext in random mode', () => {
    it('given four waiting and the default window, when desk 1 calls, then the draw is among the three longest-waiting', () => {
      const day = [randomDay, deskOpened('d1'), ...fourWaiting];
      given(day)
        .when(callNext('d1', 0))
        .then([drawn(1, 'd1', 3, 0)]);
      given(day)
        .when(callNext('d1', 0.5))
        .then([drawn(2, 'd1', 3, 0.5)]);
      given(day)
        .when(callNext('d1', 0.999_999))
        .then([drawn(3, 'd1', 3, 0.999_999)]);
      const reached = new Set(
        [0, 0.1, 0.2, 0.34, 0.5, 0.66, 0.67, 0.8, 0.9, 0.999].map((d) => calledWith(day, 'd1', d)),
      );
      // Every ticket of the window can be drawn, none behind it.
      expect([...reached].sort()).toEqual(['t-a1', 't-a2', 't-a3']);
    });

    it('takes the window from the policy: a window of 2 draws between the two longest-waiting', () => {
      given([randomDayWith(2), deskOpened('d1'), ...fourWaiting])
        .when(callNext('d1', 0.99))
        .then([drawn(2, 'd1', 2, 0.99)]);
    });

    it('given idle desks opened by a clerk, when desk 1 calls, then the window stays the policy one', () => {
      // Opening every desk does not widen the draw (it used to be one ticket per open desk).
      const day = [randomDayWith(2), deskOpened('d1'), deskOpened('d2'), deskOpened('d3'), ...fourWaiting];
      given(day)
        .when(callNext('d1', 0.99))
        .then([drawn(2, 'd1', 2, 0.99)]);
      const alone = [randomDayWith(2), deskOpened('d1'), ...fourWaiting];
      const toState = (events: OfficeDayEvent[]) =>
        events.reduce(officeDayDecider.evolve, officeDayDecider.initialState());
      expect(drawWindow(toState(day).setup!, 4)).toBe(drawWindow(toState(alone).setup!, 4));
    });

    it('reads a random day opened before the window existed as a window of 3', () => {
      const { drawWindow: _none, ...oldPolicy } = RANDOM.policy;
      const old = { ...opened, data: { ...(opened.data as object), setup: { ...RANDOM, policy: oldPolicy } } };
      const state = given([old as OfficeDayEvent, deskOpened('d1'), ...fourWaiting])
        .when(callNext('d1', 0.99))
        .then([drawn(3, 'd1', 3, 0.99)]);
      expect(state.setup?.policy.drawWindow).toBe(3);
    });

    it('records the draw itself, so an auditor recomputes the choice from the event', () => {
      const day = [randomDayWith(10), deskOpened('d1'), ...fourWaiting];
      for (const draw of [0, 0.26, 0.51, 0.76, 0.999]) {
        const state = day.reduce(officeDayDecider.evolve, officeDayDecider.initialState());
        const [event] = officeDayDecider.decide(callNext('d1', draw), state);
        const data = (event as Extract<OfficeDayEvent, { type: 'TicketCalled' }>).data;
        const candidates = candidatesFor(state, ['documents'], NOW);
        expect(data.randomDraw).toBe(draw);
        expect(candidates[Math.floor(data.randomDraw! * data.drawnAmong!)]!.ticketId).toBe(data.ticketId);
      }
    });

    it('serves priority first: an appointment holder is called before any draw among standard tickets', () => {
      const appointment = a(5, { priority: 'appointment', origin: 'check_in', level: 0, bookingId: 'bk-1' });
      given([randomDay, deskOpened('d1'), deskOpened('d2'), ...fourWaiting, appointment])
        .when(callNext('d1', 0.99))
        .then([
          {
            type: 'TicketCalled',
            data: {
              ticketId: 't-a5',
              number: 'A-005',
              serviceId: 'documents',
              deskId: 'd1',
              calledAt: NOW,
              waitSeconds: 2700,
              drawnAmong: 1,
              randomDraw: 0.99,
            },
          },
        ]);
    });

    it('never draws among more tickets than wait, nor tickets another desk holds', () => {
      given([randomDay, deskOpened('d1'), deskOpened('d2'), a(1)])
        .when(callNext('d1', 0.99))
        .then([drawn(1, 'd1', 1, 0.99)]);
      // A-001 is at desk 2 already: desk 1 draws between.
      const day = [
        randomDay,
        deskOpened('d1'),
        deskOpened('d2'),
        ...fourWaiting,
        called('t-a1', 'A-001', 'documents', 'd2', '09:55'),
      ];
      given(day)
        .when(callNext('d1', 0.6))
        .then([drawn(3, 'd1', 3, 0.6)]);
      const state = day.reduce(officeDayDecider.evolve, officeDayDecider.initialState());
      expect(candidatesFor(state, ['documents'], NOW).map((t) => t.number)).toEqual(['A-002', 'A-003', 'A-004']);
    });

    it('still refuses when nobody waits, and on a busy desk', () => {
      given([randomDay, deskOpened('d1')])
        .when(callNext('d1', 0.5))
        .then('NO_TICKET_WAITING');
      given([randomDay, deskOpened('d1'), ...fourWaiting, called('t-a1', 'A-001', 'documents', 'd1', '09:55')])
        .when(callNext('d1', 0.5))
        .then('DESK_BUSY');
    });

    it.each([
      [undefined, 'FIELD_REQUIRED'],
      [1, 'INVALID_DRAW'],
      [-0.1, 'INVALID_DRAW'],
      [Number.NaN, 'INVALID_DRAW'],
      ['0.5', 'INVALID_DRAW'],
    ])('refuses the draw %p with %s naming randomDraw', (draw, code) => {
      given([randomDay, deskOpened('d1'), ...fourWaiting])
        .when(callNext('d1', draw))
        .then({ code: code as never, field: 'randomDraw' });
    });
  });

  describe('CallNext in desk-calls mode (the default)', () => {
    it('calls in queue order whatever the draw, and records no draw', () => {
      given([opened, deskOpened('d1'), deskOpened('d2'), ...fourWaiting])
        .when(callNext('d1', 0.99))
        .then([drawn(1, 'd1', undefined)]);
    });

    it('reads a day opened before the option existed as desk calls', () => {
      const { assignment: _none, ...oldPolicy } = DEFAULT_QUEUE_POLICY;
      const old = { ...opened, data: { ...(opened.data as object), setup: { ...SETUP, policy: oldPolicy } } };
      const state = given([old as OfficeDayEvent, deskOpened('d1'), ...fourWaiting])
        .when(callNext('d1'))
        .then([drawn(1, 'd1', undefined)]);
      expect(state.setup?.policy.assignment).toBe('desk-calls');
    });
  });

  it('switches to random draws when a new setup reaches an open day', () => {
    const state = given([opened, deskOpened('d1'), deskOpened('d2'), ...fourWaiting])
      .when({ type: 'ApplySetup', data: { setup: RANDOM, now: at('09:59') } })
      .then([{ type: 'DaySetupApplied', data: { setup: RANDOM, appliedAt: at('09:59') } }]);
    expect(state.setup?.policy.assignment).toBe('random');
    given([
      opened,
      deskOpened('d1'),
      deskOpened('d2'),
      ...fourWaiting,
      ...[{ type: 'DaySetupApplied', data: { setup: RANDOM, appliedAt: at('09:59') } } as OfficeDayEvent],
    ])
      .when(callNext('d1', 0.5))
      .then([drawn(2, 'd1', 3, 0.5)]);
  });

  describe('no redraw by parking or transferring a called ticket', () => {
    const park: OfficeDayCommand = { type: 'ParkTicket', data: { deskId: 'd1', now: at('10:05') } } as OfficeDayCommand;
    const transfer: OfficeDayCommand = {
      type: 'TransferTicket',
      data: { deskId: 'd1', serviceId: 'social', now: at('10:05') },
    } as OfficeDayCommand;
    const a1Called = called('t-a1', 'A-001', 'documents', 'd1', '10:00', 2940);

    it('given random mode and a called ticket not started, when the desk parks or transfers it, then it is refused', () => {
      const day = [randomDay, deskOpened('d1'), ...fourWaiting, a1Called];
      given(day).when(park).then({ code: 'SERVICE_NOT_STARTED', field: 'deskId' });
      given(day).when(transfer).then({ code: 'SERVICE_NOT_STARTED', field: 'deskId' });
    });

    it('given random mode and a ticket being served, when the desk parks or transfers it, then that is allowed', () => {
      const day = [randomDay, deskOpened('d1'), ...fourWaiting, a1Called, started('t-a1', 'A-001', 'documents', 'd1')];
      const state = day.reduce(officeDayDecider.evolve, officeDayDecider.initialState());
      expect(officeDayDecider.decide(park, state).map((e) => e.type)).toEqual(['TicketParked']);
      expect(officeDayDecider.decide(transfer, state).map((e) => e.type)).toEqual(['TicketTransferred']);
    });

    it('given desk-calls mode and a called ticket not started, when the desk parks or transfers it, then that is allowed', () => {
      const day = [opened, deskOpened('d1'), ...fourWaiting, a1Called];
      const state = day.reduce(officeDayDecider.evolve, officeDayDecider.initialState());
      expect(officeDayDecider.decide(park, state).map((e) => e.type)).toEqual(['TicketParked']);
      expect(officeDayDecider.decide(transfer, state).map((e) => e.type)).toEqual(['TicketTransferred']);
    });
  });
});
