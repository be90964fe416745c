import type { ReceptionSlot } from '../shared/reception.js';
import { OFFICE_ID, deputyHead } from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import type {
  ConfirmHold,
  HoldSlot,
  MoveBooking,
  ReceptionCalendarEvent,
  ReceptionCalendarState,
  ReleaseSlot,
} from './reception-calendar.js';
import { availability, receptionCalendarDecider, seatsTaken } from './reception-calendar.decider.js';

const { given } = specFor(receptionCalendarDecider);

const officialId = deputyHead.officialId;
const date = '2026-04-06';
const slots: ReceptionSlot[] = [
  { start: '10:00', end: '10:30', capacity: 1, mode: 'in_person', officeId: OFFICE_ID },
  { start: '10:30', end: '11:00', capacity: 2, mode: 'in_person', officeId: OFFICE_ID },
  { start: '15:00', end: '15:20', capacity: 1, mode: 'remote' },
];

const at = (time: string): string => `${date}T${time}:00+05:00`;
const NOW = at('08:00');
const EXPIRES = at('08:10');

const opened: ReceptionCalendarEvent = { type: 'ReceptionDayOpened', data: { officialId, date, slots } };
const closed: ReceptionCalendarEvent = { type: 'ReceptionDayClosed', data: { officialId, date, affectedBookings: [] } };

const hold = (bookingId: string, slotStart: string, overrides: Partial<HoldSlot['data']> = {}): HoldSlot => ({
  type: 'HoldSlot',
  data: { bookingId, citizenRef: `citizen-${bookingId}`, slotStart, now: NOW, holdExpiresAt: EXPIRES, ...overrides },
});

const held = (bookingId: string, slotStart: string, heldAt = NOW, holdExpiresAt = EXPIRES): ReceptionCalendarEvent => ({
  type: 'SlotHeld',
  data: {
    bookingId,
    citizenRef: `citizen-${bookingId}`,
    slotStart,
    slotEnd: slots.find((s) => s.start === slotStart)!.end,
    heldAt,
    holdExpiresAt,
  },
});

const booked = (bookingId: string, slotStart: string, bookedAt = NOW, late = false): ReceptionCalendarEvent => ({
  type: 'SlotBooked',
  data: { bookingId, slotStart, bookedAt, confirmedAfterHoldExpired: late },
});

const confirm = (bookingId: string, now = NOW): ConfirmHold => ({ type: 'ConfirmHold', data: { bookingId, now } });
const release = (bookingId: string, reason: ReleaseSlot['data']['reason']): ReleaseSlot => ({
  type: 'ReleaseSlot',
  data: { bookingId, reason },
});
const move = (bookingId: string, toSlotStart: string, now = NOW): MoveBooking => ({
  type: 'MoveBooking',
  data: { bookingId, toSlotStart, now },
});

describe('ReceptionCalendar', () => {
  describe('OpenReceptionDay', () => {
    it('given an unopened day, when opened, then ReceptionDayOpened with the slots in start order', () => {
      const shuffled = [slots[2]!, slots[0]!, slots[1]!];
      given([])
        .when({ type: 'OpenReceptionDay', data: { officialId, date, slots: shuffled } })
        .then([opened]);
    });

    it('given an opened day, when opened again (a concurrent first use), then nothing happens', () => {
      given([opened])
        .when({ type: 'OpenReceptionDay', data: { officialId, date, slots: [] } })
        .then([]);
    });

    it('opens a day with no slots (a non-working day): every hold is then SLOT_UNKNOWN', () => {
      const state = given([])
        .when({ type: 'OpenReceptionDay', data: { officialId, date, slots: [] } })
        .then([{ type: 'ReceptionDayOpened', data: { officialId, date, slots: [] } }]);
      expect(state.status).toBe('open');
    });

    it('refuses two slots sharing minutes', () => {
      const overlapping = [slots[0]!, { ...slots[1]!, start: '10:15' }];
      given([])
        .when({ type: 'OpenReceptionDay', data: { officialId, date, slots: overlapping } })
        .then({ code: 'DUPLICATE_SLOT', field: 'slots' });
    });

    it('refuses an in-person slot without an office', () => {
      const { officeId: _none, ...noOffice } = slots[0]!;
      given([])
        .when({ type: 'OpenReceptionDay', data: { officialId, date, slots: [noOffice] } })
        .then({
          code: 'OFFICE_REQUIRED',
          field: 'slots[0].officeId',
        });
    });
  });

  describe('HoldSlot', () => {
    it('given a free slot, when held, then SlotHeld with the slot end', () => {
      given([opened])
        .when(hold('b1', '10:00'))
        .then([held('b1', '10:00')]);
    });

    it('given an unopened day, then DAY_NOT_OPENED', () => {
      given([]).when(hold('b1', '10:00')).then('DAY_NOT_OPENED');
    });

    it('given no slot at that time, then SLOT_UNKNOWN', () => {
      given([opened]).when(hold('b1', '10:15')).then({ code: 'SLOT_UNKNOWN', field: 'slotStart' });
    });

    it('given the slot has started, then SLOT_IN_PAST (at the start minute and after)', () => {
      given([opened])
        .when(hold('b1', '10:00', { now: at('10:00'), holdExpiresAt: at('10:10') }))
        .then({ code: 'SLOT_IN_PAST', field: 'slotStart' });
      given([opened])
        .when(hold('b1', '10:00', { now: at('10:05'), holdExpiresAt: at('10:15') }))
        .then('SLOT_IN_PAST');
      given([opened])
        .when(hold('b1', '10:00', { now: at('09:59'), holdExpiresAt: at('10:09') }))
        .then([held('b1', '10:00', at('09:59'), at('10:09'))]);
    });

    describe('capacity, with bookings and holds that expire', () => {
      it('given a booked seat in a one-seat slot, then SLOT_FULL', () => {
        given([opened, held('b1', '10:00'), booked('b1', '10:00')])
          .when(hold('b2', '10:00'))
          .then({ code: 'SLOT_FULL', field: 'slotStart' });
      });

      it('given a live hold in a one-seat slot, then SLOT_FULL', () => {
        given([opened, held('b1', '10:00')])
          .when(hold('b2', '10:00', { now: at('08:09') }))
          .then('SLOT_FULL');
      });

      it('given a hold that expired at now, then its seat is free again', () => {
        const now = at('08:10'); // == the first hold's expiry: no longer holding
        given([opened, held('b1', '10:00')])
          .when(hold('b2', '10:00', { now, holdExpiresAt: at('08:20') }))
          .then([held('b2', '10:00', now, at('08:20'))]);
      });

      it('given one booking and one live hold in a two-seat slot, then SLOT_FULL', () => {
        given([opened, held('b1', '10:30'), booked('b1', '10:30'), held('b2', '10:30')])
          .when(hold('b3', '10:30'))
          .then('SLOT_FULL');
      });

      it('given one booking and one expired hold in a two-seat slot, then the last seat can be held', () => {
        const now = at('08:30');
        given([opened, held('b1', '10:30'), booked('b1', '10:30'), held('b2', '10:30')])
          .when(hold('b3', '10:30', { now, holdExpiresAt: at('08:40') }))
          .then([held('b3', '10:30', now, at('08:40'))]);
      });

      it('given a released seat, then it is free again', () => {
        given([
          opened,
          held('b1', '10:00'),
          booked('b1', '10:00'),
          { type: 'SlotReleased', data: { bookingId: 'b1', slotStart: '10:00', reason: 'cancelled' } },
        ])
          .when(hold('b2', '10:00'))
          .then([held('b2', '10:00')]);
      });
    });

    it('given the same booking already holding, then ALREADY_HELD', () => {
      given([opened, held('b1', '10:30')])
        .when(hold('b1', '10:30'))
        .then({ code: 'ALREADY_HELD', field: 'bookingId' });
    });

    it('given the booking was released, when it holds again, then BOOKING_RELEASED', () => {
      given([
        opened,
        held('b1', '10:30'),
        { type: 'SlotReleased', data: { bookingId: 'b1', slotStart: '10:30', reason: 'hold_abandoned' } },
      ])
        .when(hold('b1', '10:30'))
        .then('BOOKING_RELEASED');
    });

    it('refuses a hold that expires before now', () => {
      given([opened])
        .when(hold('b1', '10:00', { holdExpiresAt: NOW }))
        .then({ code: 'HOLD_EXPIRY_INVALID', field: 'holdExpiresAt' });
    });

    it('refuses malformed input with the field name', () => {
      given([opened]).when(hold('b1', '10:0')).then({ code: 'INVALID_TIME', field: 'slotStart' });
      given([opened])
        .when(hold('b1', '10:00', { now: '2026-04-06 08:00' }))
        .then({ code: 'INVALID_INSTANT', field: 'now' });
      given([opened]).when(hold('', '10:00')).then({ code: 'FIELD_REQUIRED', field: 'bookingId' });
    });
  });

  describe('AddReceptionSlots', () => {
    const extra: ReceptionSlot = { start: '16:00', end: '16:30', capacity: 1, mode: 'in_person', officeId: OFFICE_ID };
    const add = (...added: ReceptionSlot[]) => ({ type: 'AddReceptionSlots' as const, data: { slots: added } });

    it('given an open day, when extra slots are added, then ReceptionSlotsAdded and they can be held', () => {
      const state = given([opened]).when(add(extra)).then([{ type: 'ReceptionSlotsAdded', data: { slots: [extra] } }]);
      expect(state.slots.map((s) => s.start)).toContain('16:00');
    });
    it('given slots that overlap the day, only the new ones are added; none new, nothing happens', () => {
      given([opened]).when(add(slots[0]!)).then([]);
      given([opened]).when(add(slots[0]!, extra)).then([{ type: 'ReceptionSlotsAdded', data: { slots: [extra] } }]);
    });
    it('given an unopened day nothing happens (it opens from the schedule); a closed day refuses', () => {
      given([]).when(add(extra)).then([]);
      given([opened, closed]).when(add(extra)).then('DAY_CANCELLED');
    });
  });

  describe('ExtendHold', () => {
    const extend = (bookingId: string, now: string, holdExpiresAt: string) => ({
      type: 'ExtendHold' as const,
      data: { bookingId, now, holdExpiresAt },
    });

    it('given a live hold, when extended, then HoldExtended with the later expiry', () => {
      given([opened, held('b1', '10:00')])
        .when(extend('b1', at('08:05'), at('08:15')))
        .then([{ type: 'HoldExtended', data: { bookingId: 'b1', slotStart: '10:00', holdExpiresAt: at('08:15'), extendedAt: at('08:05') } }]);
    });

    it('given an extended hold, the seat stays taken until the new expiry', () => {
      const state = given([opened, held('b1', '10:00')])
        .when(extend('b1', at('08:05'), at('08:15')))
        .then([{ type: 'HoldExtended', data: { bookingId: 'b1', slotStart: '10:00', holdExpiresAt: at('08:15'), extendedAt: at('08:05') } }]);
      expect(seatsTaken(state, '10:00', at('08:12'))).toBe(1);
      expect(seatsTaken(state, '10:00', at('08:16'))).toBe(0);
    });

    it('given an expired hold whose seat was taken meanwhile, then HOLD_EXPIRED', () => {
      given([opened, held('b1', '10:00'), held('b2', '10:00', at('08:15'), at('08:25'))])
        .when(extend('b1', at('08:20'), at('08:30')))
        .then({ code: 'HOLD_EXPIRED', field: 'bookingId' });
    });

    it('given a hold already lasting longer, or a booked seat, then nothing changes', () => {
      given([opened, held('b1', '10:00')]).when(extend('b1', at('08:05'), at('08:08'))).then([]);
      given([opened, held('b1', '10:00'), booked('b1', '10:00', at('08:05'))])
        .when(extend('b1', at('08:06'), at('08:20')))
        .then([]);
    });

    it('given no hold, then NOT_HELD; an expiry not after now, then HOLD_EXPIRY_INVALID', () => {
      given([opened]).when(extend('b9', at('08:05'), at('08:15'))).then({ code: 'NOT_HELD', field: 'bookingId' });
      given([opened, held('b1', '10:00')])
        .when(extend('b1', at('08:05'), at('08:05')))
        .then({ code: 'HOLD_EXPIRY_INVALID', field: 'holdExpiresAt' });
    });
  });

  describe('ConfirmHold', () => {
    it('given a live hold, when confirmed, then SlotBooked', () => {
      given([opened, held('b1', '10:00')])
        .when(confirm('b1', at('08:05')))
        .then([booked('b1', '10:00', at('08:05'))]);
    });

    it('given an expired hold whose seat is still free, when confirmed, then SlotBooked (marked late)', () => {
      given([opened, held('b1', '10:00')])
        .when(confirm('b1', at('08:30')))
        .then([booked('b1', '10:00', at('08:30'), true)]);
    });

    it('given an expired hold whose seat was taken by someone else, then HOLD_EXPIRED', () => {
      given([opened, held('b1', '10:00'), held('b2', '10:00', at('08:15'), at('08:25'))])
        .when(confirm('b1', at('08:20')))
        .then({ code: 'HOLD_EXPIRED', field: 'bookingId' });
    });

    it('given an expired hold in a two-seat slot with one other booking, then it is still confirmed', () => {
      given([
        opened,
        held('b1', '10:30'),
        held('b2', '10:30', at('08:15'), at('08:25')),
        booked('b2', '10:30', at('08:16')),
      ])
        .when(confirm('b1', at('08:20')))
        .then([booked('b1', '10:30', at('08:20'), true)]);
    });

    it('given a hold the sweeper released as expired, then HOLD_EXPIRED', () => {
      given([
        opened,
        held('b1', '10:00'),
        { type: 'SlotReleased', data: { bookingId: 'b1', slotStart: '10:00', reason: 'hold_expired' } },
      ])
        .when(confirm('b1'))
        .then('HOLD_EXPIRED');
    });

    it('given a hold released for another reason, then BOOKING_RELEASED', () => {
      given([
        opened,
        held('b1', '10:00'),
        { type: 'SlotReleased', data: { bookingId: 'b1', slotStart: '10:00', reason: 'cancelled' } },
      ])
        .when(confirm('b1'))
        .then('BOOKING_RELEASED');
    });

    it('given a booked seat, when confirmed again, then nothing happens', () => {
      given([opened, held('b1', '10:00'), booked('b1', '10:00')])
        .when(confirm('b1'))
        .then([]);
    });

    it('given no hold for the booking, then NOT_HELD', () => {
      given([opened]).when(confirm('b1')).then({ code: 'NOT_HELD', field: 'bookingId' });
    });

    it('given the slot has started, then SLOT_IN_PAST', () => {
      given([opened, held('b1', '10:00', at('09:55'), at('10:05'))])
        .when(confirm('b1', at('10:01')))
        .then('SLOT_IN_PAST');
    });
  });

  describe('ReleaseSlot', () => {
    const history = [opened, held('b1', '10:00'), booked('b1', '10:00'), held('b2', '10:30')];

    it('given a booked seat, when cancelled, then SlotReleased', () => {
      given(history)
        .when(release('b1', 'cancelled'))
        .then([{ type: 'SlotReleased', data: { bookingId: 'b1', slotStart: '10:00', reason: 'cancelled' } }]);
    });

    it('given a held seat, when its hold expired, then SlotReleased', () => {
      given(history)
        .when(release('b2', 'hold_expired'))
        .then([{ type: 'SlotReleased', data: { bookingId: 'b2', slotStart: '10:30', reason: 'hold_expired' } }]);
    });

    it('given a released seat, when released again, then nothing happens (idempotent)', () => {
      given([...history, { type: 'SlotReleased', data: { bookingId: 'b1', slotStart: '10:00', reason: 'cancelled' } }])
        .when(release('b1', 'cancelled'))
        .then([]);
    });

    it('given a booked seat, when the hold sweeper releases it as expired, then ALREADY_BOOKED', () => {
      given(history).when(release('b1', 'hold_expired')).then({ code: 'ALREADY_BOOKED', field: 'reason' });
      given(history).when(release('b1', 'hold_abandoned')).then('ALREADY_BOOKED');
    });

    it('given no seat for the booking, then NOT_HELD', () => {
      given(history).when(release('b9', 'cancelled')).then('NOT_HELD');
      given([]).when(release('b9', 'cancelled')).then('NOT_HELD');
    });

    it('refuses an unknown reason', () => {
      given(history)
        .when(release('b1', 'bored' as never))
        .then({ code: 'INVALID_CHOICE', field: 'reason' });
    });

    it('given a cancelled day, when a seat is released, then nothing happens (the day released it)', () => {
      given([...history, closed])
        .when(release('b1', 'cancelled'))
        .then([]);
    });
  });

  describe('MoveBooking', () => {
    const history = [opened, held('b1', '10:00'), booked('b1', '10:00')];
    const moved: ReceptionCalendarEvent = {
      type: 'BookingMoved',
      data: { bookingId: 'b1', fromSlotStart: '10:00', toSlotStart: '10:30', toSlotEnd: '11:00', movedAt: NOW },
    };

    it('given a booked seat, when moved to a free slot, then one BookingMoved event', () => {
      const state = given(history).when(move('b1', '10:30')).then([moved]);
      expect(seatsTaken(state, '10:00', NOW)).toBe(0);
      expect(seatsTaken(state, '10:30', NOW)).toBe(1);
    });

    it('given the booking already in the target slot (a retried move), then nothing happens', () => {
      given([...history, moved])
        .when(move('b1', '10:30'))
        .then([]);
    });

    it('given a held (unconfirmed) seat, then NOT_BOOKED', () => {
      given([opened, held('b1', '10:00')])
        .when(move('b1', '10:30'))
        .then({ code: 'NOT_BOOKED', field: 'bookingId' });
    });

    it('given a full target slot, then SLOT_FULL', () => {
      given([...history, held('b2', '10:30'), held('b3', '10:30')])
        .when(move('b1', '10:30'))
        .then({ code: 'SLOT_FULL', field: 'toSlotStart' });
    });

    it('given no such target slot, then SLOT_UNKNOWN', () => {
      given(history).when(move('b1', '12:00')).then({ code: 'SLOT_UNKNOWN', field: 'toSlotStart' });
    });

    it('given a target slot already started, then SLOT_IN_PAST', () => {
      given([opened, held('b1', '10:30', at('09:00'), at('09:10')), booked('b1', '10:30', at('09:01'))])
        .when(move('b1', '10:00', at('10:10')))
        .then({ code: 'SLOT_IN_PAST', field: 'toSlotStart' });
    });

    it('given a target slot of the other mode, then SLOT_MODE_MISMATCH', () => {
      given(history).when(move('b1', '15:00')).then({ code: 'SLOT_MODE_MISMATCH', field: 'toSlotStart' });
    });

    it('given a released seat, then BOOKING_RELEASED; given no seat, then NOT_HELD', () => {
      given([...history, { type: 'SlotReleased', data: { bookingId: 'b1', slotStart: '10:00', reason: 'cancelled' } }])
        .when(move('b1', '10:30'))
        .then('BOOKING_RELEASED');
      given(history).when(move('b9', '10:30')).then('NOT_HELD');
    });
  });

  describe('CancelDay', () => {
    const history = [
      opened,
      held('b1', '10:00'),
      booked('b1', '10:00'),
      held('b2', '10:30'),
      held('b3', '10:30'),
      { type: 'SlotReleased', data: { bookingId: 'b3', slotStart: '10:30', reason: 'hold_abandoned' } } as const,
    ];
    const cancel = { type: 'CancelDay', data: { officialId, date, reason: 'Official on sick leave' } } as const;

    it('given bookings and holds, when the day is cancelled, then ReceptionDayClosed lists whom to notify', () => {
      const state = given(history)
        .when(cancel)
        .then([
          {
            type: 'ReceptionDayClosed',
            data: {
              officialId,
              date,
              reason: 'Official on sick leave',
              affectedBookings: [
                { bookingId: 'b1', citizenRef: 'citizen-b1', slotStart: '10:00', status: 'booked' },
                { bookingId: 'b2', citizenRef: 'citizen-b2', slotStart: '10:30', status: 'held' },
              ],
            },
          },
        ]);
      expect(state.status).toBe('closed');
      expect(Object.values(state.seats).every((seat) => seat.status === 'released')).toBe(true);
    });

    it('given a closed day, when cancelled again, then nothing happens', () => {
      given([...history, closed])
        .when(cancel)
        .then([]);
    });

    it('given a closed day, then holds, confirmations and moves are refused with DAY_CANCELLED', () => {
      const closedDay = [...history, closed];
      given(closedDay).when(hold('b4', '15:00')).then('DAY_CANCELLED');
      given(closedDay).when(confirm('b2')).then('DAY_CANCELLED');
      given(closedDay).when(move('b1', '10:30')).then('DAY_CANCELLED');
    });

    it('given an unopened day, when cancelled, then it is closed and a later opening changes nothing', () => {
      given([]).when({ type: 'CancelDay', data: { officialId, date } }).then([closed]);
      given([closed]).when({ type: 'OpenReceptionDay', data: { officialId, date, slots } }).then([]);
      given([closed]).when(hold('b1', '10:00')).then('DAY_CANCELLED');
    });
  });

  describe('availability', () => {
    it('shows free seats per slot not yet started, counting only live holds', () => {
      const state: ReceptionCalendarState = [
        opened,
        held('b1', '10:30'),
        booked('b1', '10:30'),
        held('b2', '10:30'),
      ].reduce(receptionCalendarDecider.evolve, receptionCalendarDecider.initialState());
      expect(availability(state, at('08:05')).map(({ start, free }) => [start, free])).toEqual([
        ['10:00', 1],
        ['10:30', 0],
        ['15:00', 1],
      ]);
      expect(availability(state, at('10:15')).map(({ start, free }) => [start, free])).toEqual([
        ['10:30', 1],
        ['15:00', 1],
      ]);
    });
  });
});
