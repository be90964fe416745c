// Random assignment (anti-corruption, `policy.assignment: "random"`): "call next" draws the ticket
// among the longest-waiting tickets of the highest priority, one per open desk that could take
// them. The draw is a command field, so every case here is exact.
import { NOW, SETUP, at, called, deskOpened, issued, opened } from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import { candidatesFor, drawWindow, officeDayDecider } from './office-day.decider.js';
import type { OfficeDayCommand, OfficeDayEvent } from './office-day.js';
import { DEFAULT_QUEUE_POLICY, validatePolicy } from './priority.js';

const { given } = specFor(officeDayDecider);

// Desks: d1 documents; d2 documents and social; d3 social.
const RANDOM = { ...SETUP, policy: { ...DEFAULT_QUEUE_POLICY, assignment: 'random' as const } };
const randomDay: OfficeDayEvent = { ...opened, data: { ...(opened.data as object), setup: RANDOM } } as OfficeDayEvent;

const a = (n: number, options: Parameters<typeof issued>[4] = {}) =>
  issued(`t-a${n}`, 'documents', n, n, { issuedAt: at(`09:${String(10 + n).padStart(2, '0')}`), ...options });
const fourWaiting = [a(1), a(2), a(3), a(4)];

const callNext = (deskId: string, randomDraw?: unknown): OfficeDayCommand =>
  ({
    type: 'CallNext',
    data: { deskId, now: NOW, ...(randomDraw === undefined ? {} : { randomDraw }) },
  }) as OfficeDayCommand;

/** The `TicketCalled` of ticket n of documents at `deskId`, drawn among `among` tickets. */
const drawn = (n: number, deskId: string, among: number | undefined): OfficeDayEvent => {
  const base = called(`t-a${n}`, `A-00${n}`, 'documents', deskId, '10:00', 3000 - 60 * n);
  return among === undefined
    ? base
    : ({ ...base, data: { ...(base.data as object), drawnAmong: among } } as OfficeDayEvent);
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

    it('refuses another assignment, naming the field', () => {
      expect(() => validatePolicy({ assignment: 'lottery' })).toThrow(
        expect.objectContaining({ code: 'INVALID_CHOICE', field: 'policy.assignment' }),
      );
    });
  });

  describe('CallNext in random mode', () => {
    it('given desks 1 and 2 open for documents, when desk 1 calls, then the draw is among the two longest-waiting', () => {
      const day = [randomDay, deskOpened('d1'), deskOpened('d2'), ...fourWaiting];
      given(day)
        .when(callNext('d1', 0))
        .then([drawn(1, 'd1', 2)]);
      given(day)
        .when(callNext('d1', 0.5))
        .then([drawn(2, 'd1', 2)]);
      given(day)
        .when(callNext('d1', 0.999_999))
        .then([drawn(2, 'd1', 2)]);
    });

    it('draws among one ticket per open desk that shares a service with the calling desk', () => {
      // Desk 2 serves both services: desks 1 and 3 compete with it, so three tickets are in the draw.
      const day = [randomDay, deskOpened('d1'), deskOpened('d2'), deskOpened('d3'), ...fourWaiting];
      given(day)
        .when(callNext('d2', 0.7))
        .then([drawn(3, 'd2', 3)]);
      const reached = new Set(
        [0, 0.1, 0.2, 0.34, 0.5, 0.66, 0.67, 0.8, 0.9, 0.999].map((d) => calledWith(day, 'd2', d)),
      );
      // Every ticket of the window can be drawn, none behind it.
      expect([...reached].sort()).toEqual(['t-a1', 't-a2', 't-a3']);
    });

    it('calls in queue order when the desk is the only open one for its services (nobody to choose from)', () => {
      given([randomDay, deskOpened('d1'), ...fourWaiting])
        .when(callNext('d1', 0.99))
        .then([drawn(1, 'd1', 1)]);
    });

    it('does not count paused or closed desks, nor desks of other services', () => {
      const paused: OfficeDayEvent = { type: 'DeskPaused', data: { deskId: 'd2', at: at('09:30') } };
      const history = [randomDay, deskOpened('d1'), deskOpened('d2'), paused, deskOpened('d3'), ...fourWaiting];
      given(history)
        .when(callNext('d1', 0.99))
        .then([drawn(1, 'd1', 1)]);
      const state = history.reduce(officeDayDecider.evolve, officeDayDecider.initialState());
      expect(drawWindow(state, RANDOM.desks[0]!)).toBe(1); // d3 (social) never competes with d1 (documents)
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
            },
          },
        ]);
    });

    it('never draws among more tickets than wait, nor tickets another desk holds', () => {
      given([randomDay, deskOpened('d1'), deskOpened('d2'), a(1)])
        .when(callNext('d1', 0.99))
        .then([drawn(1, 'd1', 1)]);
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
        .then([drawn(3, 'd1', 2)]);
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
      .then([drawn(2, 'd1', 2)]);
  });
});
