import {
  DATE,
  NOW,
  OFFICE_ID,
  SETUP,
  at,
  called,
  deskOpened,
  issued,
  opened,
  recalled,
  started,
} from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import { officeDayDecider } from './office-day.decider.js';
import type { OfficeDayCommand, OfficeDayEvent } from './office-day.js';
import { DEFAULT_QUEUE_POLICY } from './priority.js';

const { given } = specFor(officeDayDecider);

const issue = (
  ticketId: string,
  serviceId = 'documents',
  extra: Partial<{ priority: string; channel: string; now: string }> = {},
) => ({ type: 'IssueTicket', data: { ticketId, serviceId, channel: 'kiosk', now: NOW, ...extra } }) as OfficeDayCommand;
const desk = (type: 'OpenDesk' | 'PauseDesk' | 'CloseDesk' | 'CallNext', deskId: string, now = NOW): OfficeDayCommand =>
  ({ type, data: { deskId, now } }) as OfficeDayCommand;
const onTicket = (
  type: 'Recall' | 'MarkNoShow' | 'StartService',
  deskId: string,
  extra: Record<string, unknown> = {},
): OfficeDayCommand => ({ type, data: { deskId, now: NOW, ...extra } }) as OfficeDayCommand;
const finish = (deskId: string, extra: Record<string, unknown> = {}): OfficeDayCommand =>
  ({ type: 'FinishService', data: { deskId, outcome: 'served', now: at('10:11'), ...extra } }) as OfficeDayCommand;

// A day with A-001 (standard), A-002 (standard), B-001 (standard), desks 1 and 2 open.
const a1 = issued('t-a1', 'documents', 1, 1);
const a2 = issued('t-a2', 'documents', 2, 2, { issuedAt: at('09:40') });
const b1 = issued('t-b1', 'social', 1, 3, { issuedAt: at('09:45') });
const busyDay: OfficeDayEvent[] = [opened, deskOpened('d1'), deskOpened('d2'), a1, a2, b1];
const a1CalledAtD1 = called('t-a1', 'A-001', 'documents', 'd1', '10:00', 1800);
const a1Serving: OfficeDayEvent[] = [...busyDay, a1CalledAtD1, started('t-a1', 'A-001', 'documents', 'd1')];

const arrivalExpected: OfficeDayEvent = {
  type: 'ArrivalExpected',
  data: {
    bookingId: 'bk-1',
    citizenRef: 'ref-aigerim',
    officialId: 'official-1',
    slotStart: '10:30',
    slotEnd: '10:45',
    sourceId: 'env-1',
  },
};

describe('OfficeDay', () => {
  describe('OpenDay', () => {
    const open: OfficeDayCommand = {
      type: 'OpenDay',
      data: { officeId: OFFICE_ID, date: DATE, setup: SETUP, now: at('08:50') },
    };

    it('given an unopened day, when opened, then QueueDayOpened freezes the setup', () => {
      const state = given([]).when(open).then([opened]);
      expect(state.status).toBe('open');
      expect(state.setup).toEqual(SETUP);
    });

    it('given an opened day, when opened again (a concurrent first command), then nothing happens', () => {
      given([opened]).when(open).then([]);
    });

    it('keeps expected arrivals that came before the day opened', () => {
      const state = given([arrivalExpected]).when(open).then([opened]);
      expect(state.arrivals['bk-1']?.status).toBe('expected');
    });

    it('refuses a setup naming an unknown service for a desk', () => {
      const setup = { ...SETUP, desks: [{ deskId: 'd9', name: '9', serviceIds: ['nope'] }] };
      given([])
        .when({ type: 'OpenDay', data: { officeId: OFFICE_ID, date: DATE, setup, now: NOW } })
        .then({ code: 'SERVICE_UNKNOWN', field: 'desks[0].serviceIds[0]' });
    });

    it('refuses a date that is not a calendar date', () => {
      given([])
        .when({ type: 'OpenDay', data: { officeId: OFFICE_ID, date: '2026-02-30', setup: SETUP, now: NOW } })
        .then({ code: 'INVALID_DATE', field: 'date' });
    });

    it('refuses an office id that cannot be part of a stream name', () => {
      given([])
        .when({ type: 'OpenDay', data: { officeId: 'office:1', date: DATE, setup: SETUP, now: NOW } })
        .then({ code: 'INVALID_ID', field: 'officeId' });
    });
  });

  describe('IssueTicket', () => {
    it('numbers tickets per prefix in order: A-001, A-002, then B-001 of its own sequence', () => {
      const state = given([opened, a1])
        .when(issue('t-a2', 'documents', { now: at('09:40') }))
        .then([issued('t-a2', 'documents', 2, 2, { issuedAt: at('09:40') })]);
      given([opened, a1, a2])
        .when(issue('t-b1', 'social', { now: at('09:45') }))
        .then([b1]);
      expect(state.counters).toEqual({ A: 2 });
    });

    it('pads numbers to three digits and goes on past 999', () => {
      const many: OfficeDayEvent[] = [opened, issued('t-999', 'documents', 999, 999)];
      given(many)
        .when(issue('t-1000'))
        .then([issued('t-1000', 'documents', 1000, 1000, { issuedAt: NOW })]);
    });

    it('gives a claimed priority its level from the policy', () => {
      given([opened])
        .when(issue('t-p', 'documents', { priority: 'pregnant', channel: 'web' }))
        .then([issued('t-p', 'documents', 1, 1, { priority: 'pregnant', origin: 'web', issuedAt: NOW })]);
    });

    it('is idempotent for the same ticket id (a retried request)', () => {
      given([opened, a1]).when(issue('t-a1')).then([]);
    });

    it('refuses an unknown service, naming the field', () => {
      given([opened]).when(issue('t-x', 'passports')).then({ code: 'SERVICE_UNKNOWN', field: 'serviceId' });
    });

    it('refuses a channel it does not know and a priority only a check-in gives', () => {
      given([opened])
        .when(issue('t-x', 'documents', { channel: 'fax' }))
        .then({ code: 'INVALID_CHOICE', field: 'channel' });
      given([opened])
        .when(issue('t-x', 'documents', { priority: 'appointment' }))
        .then({ code: 'INVALID_CHOICE', field: 'priority' });
    });

    it('refuses a missing service id', () => {
      given([opened])
        .when({
          type: 'IssueTicket',
          data: { ticketId: 't-x', channel: 'kiosk', now: NOW },
        } as unknown as OfficeDayCommand)
        .then({ code: 'FIELD_REQUIRED', field: 'serviceId' });
    });

    it('refuses outside opening hours (before opening and from the closing minute)', () => {
      given([opened])
        .when(issue('t-x', 'documents', { now: at('08:59') }))
        .then('OUTSIDE_OPENING_HOURS');
      given([opened])
        .when(issue('t-x', 'documents', { now: at('18:00') }))
        .then('OUTSIDE_OPENING_HOURS');
    });

    it('refuses a day other than today', () => {
      given([opened])
        .when(issue('t-x', 'documents', { now: '2026-04-07T10:00:00+05:00' }))
        .then({ code: 'NOT_TODAY', field: 'date' });
    });

    it('refuses an unopened day and a closed one', () => {
      given([]).when(issue('t-x')).then('DAY_NOT_OPENED');
      const closed: OfficeDayEvent = {
        type: 'QueueDayClosed',
        data: { officeId: OFFICE_ID, date: DATE, reason: 'end_of_day', closedAt: at('18:00'), closedTickets: [] },
      };
      given([opened, closed]).when(issue('t-x')).then('DAY_CLOSED');
    });
  });

  describe('expected arrivals and check-in', () => {
    const expect_ = (sourceId: string, slotStart = '10:30'): OfficeDayCommand => ({
      type: 'ExpectArrival',
      data: {
        bookingId: 'bk-1',
        citizenRef: 'ref-aigerim',
        officialId: 'official-1',
        slotStart,
        slotEnd: '10:45',
        sourceId,
      },
    });
    const cancel = (sourceId: string): OfficeDayCommand => ({
      type: 'CancelArrival',
      data: { bookingId: 'bk-1', reason: 'cancelled', sourceId },
    });
    const checkIn = (extra: Record<string, unknown> = {}): OfficeDayCommand =>
      ({ type: 'CheckIn', data: { ticketId: 't-ap', bookingId: 'bk-1', now: NOW, ...extra } }) as OfficeDayCommand;
    const checkedIn = issued('t-ap', 'documents', 3, 4, {
      origin: 'check_in',
      priority: 'appointment',
      issuedAt: NOW,
      bookingId: 'bk-1',
      citizenRef: 'ref-aigerim',
    });

    it('records an expected arrival, also on a day not opened yet', () => {
      given([]).when(expect_('env-1')).then([arrivalExpected]);
    });

    it('ignores a redelivered integration event', () => {
      given([arrivalExpected]).when(expect_('env-1')).then([]);
      given([
        arrivalExpected,
        { type: 'ArrivalCancelled', data: { bookingId: 'bk-1', reason: 'cancelled', sourceId: 'env-2' } },
      ])
        .when(expect_('env-1'))
        .then([]);
    });

    it('moves the expected slot when the booking moves within the day', () => {
      given([arrivalExpected])
        .when(expect_('env-2', '11:00'))
        .then([
          {
            type: 'ArrivalExpected',
            data: { ...(arrivalExpected.data as object), slotStart: '11:00', sourceId: 'env-2' },
          } as OfficeDayEvent,
        ]);
    });

    it('cancels an expected arrival, once', () => {
      const cancelled: OfficeDayEvent = {
        type: 'ArrivalCancelled',
        data: { bookingId: 'bk-1', reason: 'cancelled', sourceId: 'env-2' },
      };
      given([arrivalExpected]).when(cancel('env-2')).then([cancelled]);
      given([arrivalExpected, cancelled]).when(cancel('env-3')).then([]);
      given([]).when(cancel('env-2')).then([]);
    });

    it('checks in an expected citizen: a ticket with appointment priority carrying the opaque ref', () => {
      const state = given([...busyDay, arrivalExpected])
        .when(checkIn())
        .then([checkedIn]);
      expect(state.arrivals['bk-1']).toMatchObject({ status: 'checked_in', ticketId: 't-ap' });
    });

    it('puts the checked-in citizen at the front: desk 1 calls them before earlier walk-ins', () => {
      given([...busyDay, arrivalExpected, checkedIn])
        .when(desk('CallNext', 'd1', at('10:05')))
        .then([called('t-ap', 'A-003', 'documents', 'd1', '10:05', 300)]);
    });

    it('keeps a checked-in arrival: a cancellation afterwards changes nothing', () => {
      given([...busyDay, arrivalExpected, checkedIn])
        .when(cancel('env-9'))
        .then([]);
    });

    it('given a slot 10:30-10:45, when the citizen checks in from 09:30 until before 10:45, then a ticket is issued', () => {
      for (const time of ['09:30', '10:44']) {
        given([...busyDay, arrivalExpected])
          .when(checkIn({ now: at(time) }))
          .then([{ ...checkedIn, data: { ...(checkedIn.data as object), issuedAt: at(time) } } as OfficeDayEvent]);
      }
    });

    it('given a slot 10:30-10:45, when the citizen checks in before 09:30 or from 10:45, then it is refused', () => {
      for (const time of ['09:00', '09:29', '10:45', '17:00']) {
        given([...busyDay, arrivalExpected])
          .when(checkIn({ now: at(time) }))
          .then({ code: 'CHECK_IN_OUTSIDE_SLOT', field: 'bookingId' });
      }
      const state = [...busyDay, arrivalExpected].reduce(officeDayDecider.evolve, officeDayDecider.initialState());
      expect(() => officeDayDecider.decide(checkIn({ now: at('09:15') }), state)).toThrow(
        expect.objectContaining({ params: { from: '09:30', slotStart: '10:30', slotEnd: '10:45' } }),
      );
    });

    it('is idempotent: checking in twice gives no second ticket', () => {
      given([...busyDay, arrivalExpected, checkedIn])
        .when(checkIn({ ticketId: 't-other' }))
        .then([]);
    });

    it('refuses a booking not expected here today, and a cancelled one', () => {
      given(busyDay).when(checkIn()).then({ code: 'ARRIVAL_NOT_EXPECTED', field: 'bookingId' });
      given([
        ...busyDay,
        arrivalExpected,
        { type: 'ArrivalCancelled', data: { bookingId: 'bk-1', reason: 'rescheduled', sourceId: 'e2' } },
      ])
        .when(checkIn())
        .then({ code: 'ARRIVAL_CANCELLED', field: 'bookingId' });
    });

    it('lets the clerk choose another service, but only a known one', () => {
      given([...busyDay, arrivalExpected])
        .when(checkIn({ serviceId: 'social' }))
        .then([
          {
            ...checkedIn,
            data: { ...(checkedIn.data as object), number: 'B-002', prefix: 'B', seq: 2, serviceId: 'social' },
          } as OfficeDayEvent,
        ]);
      given([...busyDay, arrivalExpected])
        .when(checkIn({ serviceId: 'passports' }))
        .then({ code: 'SERVICE_UNKNOWN', field: 'serviceId' });
    });

    it('refuses a ticket id already given to another ticket', () => {
      given([...busyDay, arrivalExpected])
        .when(checkIn({ ticketId: 't-a1' }))
        .then({ code: 'TICKET_EXISTS', field: 'ticketId' });
    });

    it('refuses a check-in outside opening hours', () => {
      given([...busyDay, arrivalExpected])
        .when(checkIn({ now: at('18:30') }))
        .then('OUTSIDE_OPENING_HOURS');
    });
  });

  describe('desks: open, pause, close', () => {
    it('opens a closed desk; opening an open one changes nothing', () => {
      given([opened])
        .when(desk('OpenDesk', 'd1'))
        .then([{ type: 'DeskOpened', data: { deskId: 'd1', at: NOW } }]);
      given([opened, deskOpened('d1')])
        .when(desk('OpenDesk', 'd1'))
        .then([]);
    });

    it('pauses an idle open desk and reopens it', () => {
      const paused: OfficeDayEvent = { type: 'DeskPaused', data: { deskId: 'd1', at: NOW } };
      given([opened, deskOpened('d1')])
        .when(desk('PauseDesk', 'd1'))
        .then([paused]);
      given([opened, deskOpened('d1'), paused])
        .when(desk('OpenDesk', 'd1', at('10:15')))
        .then([deskOpened('d1', '10:15')]);
      given([opened, deskOpened('d1'), paused])
        .when(desk('PauseDesk', 'd1'))
        .then([]);
    });

    it('refuses to pause a closed desk', () => {
      given([opened]).when(desk('PauseDesk', 'd1')).then({ code: 'DESK_CLOSED', field: 'deskId' });
    });

    it('refuses to pause or close a desk holding a ticket', () => {
      given([...busyDay, a1CalledAtD1])
        .when(desk('PauseDesk', 'd1'))
        .then({ code: 'DESK_BUSY', field: 'deskId' });
      given([...busyDay, a1CalledAtD1])
        .when(desk('CloseDesk', 'd1'))
        .then('DESK_BUSY');
    });

    it('closes an idle desk; closing a closed one changes nothing', () => {
      given([opened, deskOpened('d1')])
        .when(desk('CloseDesk', 'd1'))
        .then([{ type: 'DeskClosed', data: { deskId: 'd1', at: NOW } }]);
      given([opened]).when(desk('CloseDesk', 'd1')).then([]);
    });

    it('refuses a desk the office does not have', () => {
      given([opened]).when(desk('OpenDesk', 'd9')).then({ code: 'DESK_UNKNOWN', field: 'deskId' });
      given([opened]).when(desk('OpenDesk', '')).then({ code: 'FIELD_REQUIRED', field: 'deskId' });
    });
  });

  describe('CallNext', () => {
    it('calls the first ticket of the desk services, with the wait so far', () => {
      given(busyDay).when(desk('CallNext', 'd1')).then([a1CalledAtD1]);
    });

    it('only calls tickets of the desk services', () => {
      given([opened, deskOpened('d3'), a1, b1])
        .when(desk('CallNext', 'd3'))
        .then([called('t-b1', 'B-001', 'social', 'd3', '10:00', 900)]);
    });

    it('orders by priority level, then by issue order, across the services of a multi-service desk', () => {
      const elderlyB = issued('t-b2', 'social', 2, 4, { priority: 'elderly', issuedAt: at('09:50') });
      const disabledA = issued('t-a3', 'documents', 3, 5, { priority: 'disabled', issuedAt: at('09:55') });
      const state = given([...busyDay, elderlyB, disabledA])
        .when(desk('CallNext', 'd2'))
        .then([called('t-b2', 'B-002', 'social', 'd2', '10:00', 600)]);
      expect(state.desks['d2']?.ticketId).toBe('t-b2');
    });

    it('refuses a closed desk, a paused desk and a desk already holding a ticket (a double click)', () => {
      given([opened, a1]).when(desk('CallNext', 'd1')).then({ code: 'DESK_CLOSED', field: 'deskId' });
      given([...busyDay, { type: 'DeskPaused', data: { deskId: 'd1', at: NOW } }])
        .when(desk('CallNext', 'd1'))
        .then('DESK_PAUSED');
      given([...busyDay, a1CalledAtD1])
        .when(desk('CallNext', 'd1'))
        .then({ code: 'DESK_BUSY', field: 'deskId' });
      given(a1Serving).when(desk('CallNext', 'd1')).then('DESK_BUSY');
    });

    it('never gives two desks the same ticket: the second desk gets the next one', () => {
      given([...busyDay, a1CalledAtD1])
        .when(desk('CallNext', 'd2'))
        .then([called('t-a2', 'A-002', 'documents', 'd2', '10:00', 1200)]);
    });

    it('refuses when nobody waits for the desk services', () => {
      given([opened, deskOpened('d1'), b1])
        .when(desk('CallNext', 'd1'))
        .then('NO_TICKET_WAITING');
    });
  });

  describe('Recall and MarkNoShow', () => {
    it('recalls the called ticket, counting the recalls', () => {
      given([...busyDay, a1CalledAtD1])
        .when(onTicket('Recall', 'd1'))
        .then([recalled('t-a1', 'A-001', 'documents', 'd1', 1, '10:00')]);
    });

    it('refuses a recall beyond the policy (default 2): then only a no-show is left', () => {
      given([
        ...busyDay,
        a1CalledAtD1,
        recalled('t-a1', 'A-001', 'documents', 'd1', 1),
        recalled('t-a1', 'A-001', 'documents', 'd1', 2),
      ])
        .when(onTicket('Recall', 'd1'))
        .then('RECALL_LIMIT_REACHED');
    });

    it('refuses a recall of someone being served, and a recall on an idle desk', () => {
      given(a1Serving).when(onTicket('Recall', 'd1')).then('TICKET_BEING_SERVED');
      given(busyDay).when(onTicket('Recall', 'd1')).then({ code: 'NO_CURRENT_TICKET', field: 'deskId' });
    });

    it('marks a no-show after the required recalls and frees the desk', () => {
      const state = given([
        ...busyDay,
        a1CalledAtD1,
        recalled('t-a1', 'A-001', 'documents', 'd1', 1),
        recalled('t-a1', 'A-001', 'documents', 'd1', 2),
      ])
        .when(onTicket('MarkNoShow', 'd1', { now: at('10:05') }))
        .then([
          {
            type: 'TicketNoShow',
            data: {
              ticketId: 't-a1',
              number: 'A-001',
              serviceId: 'documents',
              deskId: 'd1',
              recalls: 2,
              at: at('10:05'),
              waitSeconds: 1800,
            },
          },
        ]);
      expect(state.tickets['t-a1']?.status).toBe('no_show');
      expect(state.desks['d1']?.ticketId).toBeUndefined();
      expect(state.live).not.toContain('t-a1');
    });

    it('refuses a no-show before the recalls, telling how many are needed', () => {
      given([...busyDay, a1CalledAtD1, recalled('t-a1', 'A-001', 'documents', 'd1', 1)])
        .when(onTicket('MarkNoShow', 'd1'))
        .then({ code: 'RECALLS_REQUIRED', field: 'deskId' });
    });

    it('allows a no-show at once with a policy of zero recalls', () => {
      const strict = {
        ...opened,
        data: {
          ...(opened.data as object),
          setup: { ...SETUP, policy: { ...DEFAULT_QUEUE_POLICY, noShowAfterRecalls: 0 } },
        },
      } as OfficeDayEvent;
      given([strict, deskOpened('d1'), a1, a1CalledAtD1])
        .when(onTicket('Recall', 'd1'))
        .then('RECALL_LIMIT_REACHED');
      given([strict, deskOpened('d1'), a1, a1CalledAtD1])
        .when(onTicket('MarkNoShow', 'd1'))
        .then([
          {
            type: 'TicketNoShow',
            data: {
              ticketId: 't-a1',
              number: 'A-001',
              serviceId: 'documents',
              deskId: 'd1',
              recalls: 0,
              at: NOW,
              waitSeconds: 1800,
            },
          },
        ]);
    });

    it('refuses a no-show for someone being served', () => {
      given(a1Serving).when(onTicket('MarkNoShow', 'd1')).then('TICKET_BEING_SERVED');
    });
  });

  describe('StartService and FinishService', () => {
    it('starts serving the called ticket; a second start changes nothing', () => {
      given([...busyDay, a1CalledAtD1])
        .when(onTicket('StartService', 'd1', { now: at('10:01') }))
        .then([started('t-a1', 'A-001', 'documents', 'd1')]);
      given(a1Serving).when(onTicket('StartService', 'd1')).then([]);
    });

    it('finishes with an outcome, the wait and the service time, and frees the desk', () => {
      const state = given(a1Serving)
        .when(finish('d1'))
        .then([
          {
            type: 'VisitServed',
            data: {
              ticketId: 't-a1',
              number: 'A-001',
              serviceId: 'documents',
              deskId: 'd1',
              outcome: 'served',
              issuedAt: at('09:30'),
              calledAt: at('10:00'),
              startedAt: at('10:01'),
              finishedAt: at('10:11'),
              waitSeconds: 1800,
              serviceSeconds: 600,
            },
          },
        ]);
      expect(state.recentServiceSeconds['documents']).toEqual([600]);
      expect(state.desks['d1']).toMatchObject({ status: 'open' });
      expect(state.desks['d1']?.ticketId).toBeUndefined();
    });

    it('carries the booking and the opaque citizen ref of a checked-in ticket (for a rating invitation)', () => {
      const ap = issued('t-ap', 'documents', 1, 1, {
        origin: 'check_in',
        priority: 'appointment',
        bookingId: 'bk-1',
        citizenRef: 'ref-1',
      });
      const [event] = officeDayDecider.decide(
        { type: 'FinishService', data: { deskId: 'd1', outcome: 'consultation', now: at('10:11') } },
        [
          opened,
          deskOpened('d1'),
          arrivalExpected,
          ap,
          called('t-ap', 'A-001', 'documents', 'd1'),
          started('t-ap', 'A-001', 'documents', 'd1'),
        ].reduce(officeDayDecider.evolve, officeDayDecider.initialState()),
      );
      expect(event?.data).toMatchObject({ bookingId: 'bk-1', citizenRef: 'ref-1', outcome: 'consultation' });
    });

    it('refuses to finish before the service started', () => {
      given([...busyDay, a1CalledAtD1])
        .when(finish('d1'))
        .then('SERVICE_NOT_STARTED');
    });

    it('refuses an outcome it does not know', () => {
      given(a1Serving)
        .when(finish('d1', { outcome: 'great' }))
        .then({ code: 'INVALID_CHOICE', field: 'outcome' });
    });

    it('refuses finishing a ticket another desk holds', () => {
      given(a1Serving)
        .when(finish('d2', { ticketId: 't-a1' }))
        .then({ code: 'TICKET_HELD_BY_OTHER_DESK', field: 'ticketId' });
    });

    it('refuses finishing on an idle desk (the other desk holds the ticket)', () => {
      given(a1Serving).when(finish('d2')).then({ code: 'NO_CURRENT_TICKET', field: 'deskId' });
    });

    it('a double click on finish with the ticket id changes nothing the second time', () => {
      const served = officeDayDecider.decide(
        finish('d1'),
        a1Serving.reduce(officeDayDecider.evolve, officeDayDecider.initialState()),
      );
      given([...a1Serving, ...served])
        .when(finish('d1', { ticketId: 't-a1' }))
        .then([]);
    });

    it('refuses a ticket id that is not the desk current one', () => {
      given(a1Serving)
        .when(finish('d1', { ticketId: 't-a2' }))
        .then({ code: 'TICKET_NOT_AT_DESK', field: 'ticketId' });
      given(a1Serving)
        .when(finish('d1', { ticketId: 't-zz' }))
        .then({ code: 'TICKET_NOT_FOUND', field: 'ticketId' });
    });

    it('refuses acting on a ticket finished elsewhere', () => {
      const noShow: OfficeDayEvent = {
        type: 'TicketNoShow',
        data: {
          ticketId: 't-a1',
          number: 'A-001',
          serviceId: 'documents',
          deskId: 'd1',
          recalls: 2,
          at: NOW,
          waitSeconds: 1,
        },
      };
      given([...busyDay, a1CalledAtD1, noShow])
        .when(onTicket('StartService', 'd2', { ticketId: 't-a1' }))
        .then('TICKET_ALREADY_FINISHED');
    });
  });

  describe('TransferTicket', () => {
    const transfer = (serviceId: string, extra: Record<string, unknown> = {}): OfficeDayCommand =>
      ({ type: 'TransferTicket', data: { deskId: 'd1', serviceId, now: at('10:05'), ...extra } }) as OfficeDayCommand;
    const transferred: OfficeDayEvent = {
      type: 'TicketTransferred',
      data: {
        ticketId: 't-a1',
        number: 'A-001',
        fromServiceId: 'documents',
        toServiceId: 'social',
        deskId: 'd1',
        level: 1,
        queueSeq: 4,
        at: at('10:05'),
        serviceSeconds: 240,
      },
    };

    it('sends the ticket to the other service queue at a higher priority, keeping its number and history', () => {
      const state = given(a1Serving).when(transfer('social')).then([transferred]);
      const ticket = state.tickets['t-a1']!;
      expect(ticket).toMatchObject({
        number: 'A-001',
        serviceId: 'social',
        status: 'waiting',
        transferred: true,
        level: 1,
      });
      expect(ticket.history).toEqual([
        {
          serviceId: 'documents',
          deskId: 'd1',
          calledAt: at('10:00'),
          startedAt: at('10:01'),
          endedAt: at('10:05'),
          result: 'transferred',
        },
      ]);
      expect(state.desks['d1']?.ticketId).toBeUndefined();
    });

    it('the transferred ticket is called before tickets that were already waiting there', () => {
      given([...a1Serving, transferred, deskOpened('d3')])
        .when(desk('CallNext', 'd3', at('10:06')))
        .then([called('t-a1', 'A-001', 'social', 'd3', '10:06', 60)]);
    });

    it('transfers a ticket just called (not started): no service time', () => {
      given([...busyDay, a1CalledAtD1])
        .when(transfer('social'))
        .then([{ ...transferred, data: { ...(transferred.data as object), serviceSeconds: 0 } } as OfficeDayEvent]);
    });

    it('refuses the same service, an unknown one, and an idle desk', () => {
      given(a1Serving).when(transfer('documents')).then({ code: 'SAME_SERVICE', field: 'serviceId' });
      given(a1Serving).when(transfer('passports')).then({ code: 'SERVICE_UNKNOWN', field: 'serviceId' });
      given(busyDay).when(transfer('social')).then('NO_CURRENT_TICKET');
    });
  });

  describe('ParkTicket', () => {
    const park = (extra: Record<string, unknown> = {}): OfficeDayCommand =>
      ({ type: 'ParkTicket', data: { deskId: 'd1', now: at('10:05'), ...extra } }) as OfficeDayCommand;
    const parked: OfficeDayEvent = {
      type: 'TicketParked',
      data: {
        ticketId: 't-a1',
        number: 'A-001',
        serviceId: 'documents',
        deskId: 'd1',
        at: at('10:05'),
        returnsAt: at('10:10'),
      },
    };

    it('sets the ticket aside for the policy minutes and frees the desk', () => {
      const state = given(a1Serving).when(park()).then([parked]);
      expect(state.tickets['t-a1']).toMatchObject({ status: 'parked', returnsAt: at('10:10') });
      expect(state.desks['d1']?.ticketId).toBeUndefined();
    });

    it('takes the minutes the clerk gives', () => {
      given(a1Serving)
        .when(park({ minutes: 15 }))
        .then([{ ...parked, data: { ...(parked.data as object), returnsAt: at('10:20') } } as OfficeDayEvent]);
      given(a1Serving)
        .when(park({ minutes: 0 }))
        .then({ code: 'INVALID_NUMBER', field: 'minutes' });
    });

    it('is not called before it returns; afterwards it is back in its old place', () => {
      given([...a1Serving, parked])
        .when(desk('CallNext', 'd1', at('10:06')))
        .then([called('t-a2', 'A-002', 'documents', 'd1', '10:06', 1560)]);
      given([...a1Serving, parked])
        .when(desk('CallNext', 'd1', at('10:10')))
        .then([called('t-a1', 'A-001', 'documents', 'd1', '10:10', 0)]);
    });

    it('refuses an idle desk', () => {
      given(busyDay).when(park()).then('NO_CURRENT_TICKET');
    });
  });

  describe('ApplySetup', () => {
    const apply = (setup: unknown): OfficeDayCommand =>
      ({ type: 'ApplySetup', data: { setup, now: NOW } }) as OfficeDayCommand;

    it('takes a desk added during the day', () => {
      const setup = { ...SETUP, desks: [...SETUP.desks, { deskId: 'd4', name: '4', serviceIds: ['social'] }] };
      const state = given([opened])
        .when(apply(setup))
        .then([{ type: 'DaySetupApplied', data: { setup, appliedAt: NOW } }]);
      expect(state.setup?.desks).toHaveLength(4);
      given([opened]).when(apply(SETUP)).then([]);
    });

    it('refuses to remove a service with tickets in its queue or a desk in use', () => {
      given(busyDay)
        .when(apply({ ...SETUP, services: [SETUP.services[0]!], desks: [SETUP.desks[0]!] }))
        .then('SETUP_IN_USE');
      given(busyDay)
        .when(apply({ ...SETUP, desks: [SETUP.desks[2]!] }))
        .then('SETUP_IN_USE');
    });
  });

  describe('CloseDay', () => {
    const close = (extra: Record<string, unknown> = {}): OfficeDayCommand =>
      ({
        type: 'CloseDay',
        data: { officeId: OFFICE_ID, date: DATE, reason: 'end_of_day', now: at('18:05'), ...extra },
      }) as OfficeDayCommand;

    it('closes every remaining ticket with the reason and leaves nothing dangling', () => {
      const state = given(a1Serving)
        .when(close({ note: 'Жарық өшті' }))
        .then([
          {
            type: 'QueueDayClosed',
            data: {
              officeId: OFFICE_ID,
              date: DATE,
              reason: 'end_of_day',
              note: 'Жарық өшті',
              closedAt: at('18:05'),
              closedTickets: [
                { ticketId: 't-a1', number: 'A-001', serviceId: 'documents', status: 'serving' },
                { ticketId: 't-a2', number: 'A-002', serviceId: 'documents', status: 'waiting' },
                { ticketId: 't-b1', number: 'B-001', serviceId: 'social', status: 'waiting' },
              ],
            },
          },
        ]);
      expect(state.live).toEqual([]);
      expect(Object.values(state.tickets).map((t) => t.status)).toEqual(['closed', 'closed', 'closed']);
      expect(Object.values(state.desks).every((d) => d.status === 'closed' && d.ticketId === undefined)).toBe(true);
    });

    it('closes a day nobody opened; a second close changes nothing', () => {
      const closed = given([])
        .when(close())
        .then([
          {
            type: 'QueueDayClosed',
            data: { officeId: OFFICE_ID, date: DATE, reason: 'end_of_day', closedAt: at('18:05'), closedTickets: [] },
          },
        ]);
      expect(closed.status).toBe('closed');
      given([
        opened,
        {
          type: 'QueueDayClosed',
          data: { officeId: OFFICE_ID, date: DATE, reason: 'other', closedAt: NOW, closedTickets: [] },
        },
      ])
        .when(close())
        .then([]);
    });

    it('refuses a note longer than 500 characters', () => {
      given([opened])
        .when(close({ note: 'ә'.repeat(501) }))
        .then({ code: 'TEXT_TOO_LONG', field: 'note' });
    });

    it('refuses a reason it does not know', () => {
      given([opened])
        .when(close({ reason: 'bored' }))
        .then({ code: 'INVALID_CHOICE', field: 'reason' });
      given([opened])
        .when(close({ reason: undefined }))
        .then({ code: 'FIELD_REQUIRED', field: 'reason' });
    });

    it('refuses desk work on a closed day', () => {
      const closedDay: OfficeDayEvent = {
        type: 'QueueDayClosed',
        data: { officeId: OFFICE_ID, date: DATE, reason: 'end_of_day', closedAt: NOW, closedTickets: [] },
      };
      given([opened, closedDay]).when(desk('OpenDesk', 'd1')).then('DAY_CLOSED');
    });
  });

  it('rejects an unknown command type as a programming error', () => {
    expect(() =>
      officeDayDecider.decide(
        { type: 'Dance', data: {} } as unknown as OfficeDayCommand,
        officeDayDecider.initialState(),
      ),
    ).toThrow(TypeError);
  });
});
