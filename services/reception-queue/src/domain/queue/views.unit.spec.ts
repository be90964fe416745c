import { at, called, deskOpened, issued, opened, started } from '../testing/fixtures.js';
import { officeDayDecider } from './office-day.decider.js';
import type { OfficeDayEvent } from './office-day.js';
import { arrivalViews, boardView, deskViews, ticketView } from './views.js';

const fold = (events: OfficeDayEvent[]) => events.reduce(officeDayDecider.evolve, officeDayDecider.initialState());

describe('views of a day', () => {
  const day = fold([
    opened,
    deskOpened('d1'),
    deskOpened('d3'),
    issued('t1', 'documents', 1, 1),
    issued('t2', 'documents', 2, 2),
    issued('t3', 'documents', 3, 3, { priority: 'elderly' }),
    issued('t4', 'social', 1, 4),
    called('t1', 'A-001', 'documents', 'd1', '10:00'),
    started('t1', 'A-001', 'documents', 'd1'),
    {
      type: 'ArrivalExpected',
      data: {
        bookingId: 'bk-2',
        citizenRef: 'r2',
        officialId: 'o1',
        slotStart: '11:00',
        slotEnd: '11:15',
        sourceId: 's2',
      },
    },
    {
      type: 'ArrivalExpected',
      data: {
        bookingId: 'bk-1',
        citizenRef: 'r1',
        officialId: 'o1',
        slotStart: '10:30',
        slotEnd: '10:45',
        sourceId: 's1',
      },
    },
  ]);

  it('places a waiting ticket behind higher priorities of its service, with an estimate', () => {
    expect(ticketView(day, day.tickets['t2']!)).toEqual({
      ticketId: 't2',
      number: 'A-002',
      serviceId: 'documents',
      status: 'waiting',
      issuedAt: at('09:30'),
      position: 2, // the elderly A-003 goes first
      estimate: { minutes: 20, low: 10, high: 30 }, // one open desk, 10 expected minutes
    });
    expect(ticketView(day, day.tickets['t3']!).position).toBe(1);
  });

  it('tells a called citizen where to go', () => {
    expect(ticketView(day, day.tickets['t1']!)).toMatchObject({
      status: 'serving',
      position: 0,
      calledTo: '1',
      deskId: 'd1',
    });
  });

  it('shows the board: latest calls and how many wait per service', () => {
    expect(boardView(day)).toEqual({
      calls: [{ number: 'A-001', deskId: 'd1', deskName: '1', calledAt: at('10:00'), recall: 0 }],
      waiting: { documents: 2, social: 1 },
      status: 'open',
    });
  });

  it('shows each desk with its ticket and what it could call', () => {
    const [d1, d2, d3] = deskViews(day, at('10:05'));
    expect(d1).toMatchObject({
      deskId: 'd1',
      status: 'open',
      waiting: 2,
      ticket: { number: 'A-001', status: 'serving', recallsLeft: 2, canMarkNoShow: false },
    });
    expect(d2).toMatchObject({ deskId: 'd2', status: 'closed', waiting: 3 });
    expect(d2?.ticket).toBeUndefined();
    expect(d3).toMatchObject({ deskId: 'd3', status: 'open', waiting: 1 });
  });

  it('lists expected arrivals by slot', () => {
    expect(arrivalViews(day).map((a) => a.bookingId)).toEqual(['bk-1', 'bk-2']);
  });
});
