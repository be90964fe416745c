import { specFor } from '../testing/given-when-then.js';
import type {
  CitizenBookingLimitsEvent,
  CitizenBookingLimitsPolicy,
  MoveReservation,
  ReserveBooking,
} from './citizen-booking-limits.js';
import { citizenBookingLimitsDecider } from './citizen-booking-limits.decider.js';

const { given } = specFor(citizenBookingLimitsDecider);

const citizenRef = 'cit-1';
const NOW = '2026-03-20T09:00:00+05:00';

const reserve = (
  bookingId: string,
  officialId: string,
  date: string,
  limits?: CitizenBookingLimitsPolicy,
): ReserveBooking => ({
  type: 'ReserveBooking',
  data: { citizenRef, bookingId, officialId, date, now: NOW, ...(limits ? { limits } : {}) },
});

const reserved = (bookingId: string, officialId: string, date: string): CitizenBookingLimitsEvent => ({
  type: 'BookingReserved',
  data: { citizenRef, bookingId, officialId, date, reservedAt: NOW },
});

const released = (bookingId: string): CitizenBookingLimitsEvent => ({
  type: 'ReservationReleased',
  data: { citizenRef, bookingId },
});

const moveTo = (bookingId: string, toDate: string): MoveReservation => ({
  type: 'MoveReservation',
  data: { citizenRef, bookingId, toDate, now: NOW },
});

describe('CitizenBookingLimits (egov.kz defaults: 1 per official per 10 days, 2 per day)', () => {
  describe('ReserveBooking', () => {
    it('given no bookings, when reserved, then BookingReserved', () => {
      given([])
        .when(reserve('b1', 'off-1', '2026-04-06'))
        .then([reserved('b1', 'off-1', '2026-04-06')]);
    });

    it('given the same reservation (a retry), then nothing happens', () => {
      given([reserved('b1', 'off-1', '2026-04-06')])
        .when(reserve('b1', 'off-1', '2026-04-06'))
        .then([]);
    });

    it('given the booking id reserved for something else, then RESERVATION_CONFLICT', () => {
      given([reserved('b1', 'off-1', '2026-04-06')])
        .when(reserve('b1', 'off-2', '2026-04-06'))
        .then({ code: 'RESERVATION_CONFLICT', field: 'bookingId' });
      given([reserved('b1', 'off-1', '2026-04-06'), released('b1')])
        .when(reserve('b1', 'off-1', '2026-04-06'))
        .then('RESERVATION_CONFLICT');
    });

    it('given a date before today (Almaty), then DATE_IN_PAST; today itself is fine', () => {
      given([])
        .when(reserve('b1', 'off-1', '2026-03-19'))
        .then({ code: 'DATE_IN_PAST', field: 'date' });
      given([])
        .when(reserve('b1', 'off-1', '2026-03-20'))
        .then([reserved('b1', 'off-1', '2026-03-20')]);
    });

    describe('per official: at most one active booking within 10 days', () => {
      const history = [reserved('b1', 'off-1', '2026-04-06')];

      it.each(['2026-04-06', '2026-04-10', '2026-04-15', '2026-03-28'])(
        'refuses a booking with the same official on %s',
        (date) => {
          given(history)
            .when(reserve('b2', 'off-1', date))
            .then({ code: 'LIMIT_PER_OFFICIAL', field: 'date' });
        },
      );

      it('names the limit, the window and the booking in the way', () => {
        const state = history.reduce(citizenBookingLimitsDecider.evolve, citizenBookingLimitsDecider.initialState());
        expect(() => citizenBookingLimitsDecider.decide(reserve('b2', 'off-1', '2026-04-12'), state)).toThrow(
          expect.objectContaining({ params: { limit: 1, days: 10, date: '2026-04-06' } }),
        );
      });

      it.each(['2026-04-16', '2026-03-27'])('accepts a booking with the same official 10 days apart (%s)', (date) => {
        given(history)
          .when(reserve('b2', 'off-1', date))
          .then([reserved('b2', 'off-1', date)]);
      });

      it('accepts a booking with another official within the window', () => {
        given(history)
          .when(reserve('b2', 'off-2', '2026-04-07'))
          .then([reserved('b2', 'off-2', '2026-04-07')]);
      });

      it('given the earlier booking was released (cancelled or lapsed), then it no longer counts', () => {
        given([...history, released('b1')])
          .when(reserve('b2', 'off-1', '2026-04-08'))
          .then([reserved('b2', 'off-1', '2026-04-08')]);
      });
    });

    describe('per day: at most two bookings', () => {
      const twoThatDay = [reserved('b1', 'off-1', '2026-04-06'), reserved('b2', 'off-2', '2026-04-06')];

      it('given two bookings that day, when a third is reserved, then LIMIT_PER_DAY', () => {
        given(twoThatDay)
          .when(reserve('b3', 'off-3', '2026-04-06'))
          .then({ code: 'LIMIT_PER_DAY', field: 'date' });
      });
      it('given two bookings that day, then another day is fine', () => {
        given(twoThatDay)
          .when(reserve('b3', 'off-3', '2026-04-07'))
          .then([reserved('b3', 'off-3', '2026-04-07')]);
      });
      it('given one of them released, then a second booking that day is fine', () => {
        given([...twoThatDay, released('b2')])
          .when(reserve('b3', 'off-3', '2026-04-06'))
          .then([reserved('b3', 'off-3', '2026-04-06')]);
      });
    });

    describe('configured limits', () => {
      const twoPerWeek: CitizenBookingLimitsPolicy = { perOfficialDays: 7, perOfficialActive: 2, perDay: 1 };

      it('allows as many bookings with one official as configured within the sliding window', () => {
        const history = [reserved('b1', 'off-1', '2026-04-06')];
        given(history)
          .when(reserve('b2', 'off-1', '2026-04-09', twoPerWeek))
          .then([reserved('b2', 'off-1', '2026-04-09')]);
        // Any 7-day window holding 04-06, 04-09 and 04-12 breaks "2 per 7 days".
        given([...history, reserved('b2', 'off-1', '2026-04-09')])
          .when(reserve('b3', 'off-1', '2026-04-12', twoPerWeek))
          .then('LIMIT_PER_OFFICIAL');
        // 04-13 fits: 04-06 is out of every 7-day window that holds 04-13.
        given([...history, reserved('b2', 'off-1', '2026-04-09')])
          .when(reserve('b3', 'off-1', '2026-04-13', twoPerWeek))
          .then([reserved('b3', 'off-1', '2026-04-13')]);
      });

      it('applies a stricter daily limit', () => {
        given([reserved('b1', 'off-1', '2026-04-06')])
          .when(reserve('b2', 'off-2', '2026-04-06', twoPerWeek))
          .then('LIMIT_PER_DAY');
      });

      it('refuses limits that are not positive whole numbers', () => {
        given([])
          .when(reserve('b1', 'off-1', '2026-04-06', { ...twoPerWeek, perDay: 0 }))
          .then({ code: 'INVALID_NUMBER', field: 'limits.perDay' });
      });
    });
  });

  describe('ReleaseReservation', () => {
    const release = { type: 'ReleaseReservation', data: { citizenRef, bookingId: 'b1' } } as const;

    it('given an active reservation, when released, then ReservationReleased', () => {
      given([reserved('b1', 'off-1', '2026-04-06')])
        .when(release)
        .then([released('b1')]);
    });
    it('given a released reservation, when released again, then nothing happens', () => {
      given([reserved('b1', 'off-1', '2026-04-06'), released('b1')])
        .when(release)
        .then([]);
    });
    it('given no such reservation (compensation after a failed hold), then nothing happens', () => {
      given([]).when(release).then([]);
    });
  });

  describe('MoveReservation', () => {
    const history = [
      reserved('b1', 'off-1', '2026-04-06'),
      reserved('b2', 'off-2', '2026-04-08'),
      reserved('b3', 'off-3', '2026-04-08'),
    ];

    it('given a reservation, when moved within its own window, then ReservationMoved (it does not block itself)', () => {
      given(history)
        .when(moveTo('b1', '2026-04-07'))
        .then([
          {
            type: 'ReservationMoved',
            data: { citizenRef, bookingId: 'b1', officialId: 'off-1', fromDate: '2026-04-06', toDate: '2026-04-07' },
          },
        ]);
    });
    it('given the target day is full, then LIMIT_PER_DAY', () => {
      given(history).when(moveTo('b1', '2026-04-08')).then({ code: 'LIMIT_PER_DAY', field: 'toDate' });
    });
    it('given another booking with the same official near the target, then LIMIT_PER_OFFICIAL', () => {
      given([...history, reserved('b4', 'off-1', '2026-04-20')])
        .when(moveTo('b1', '2026-04-14'))
        .then('LIMIT_PER_OFFICIAL');
    });
    it('given the same date, then nothing happens', () => {
      given(history).when(moveTo('b1', '2026-04-06')).then([]);
    });
    it('given a past date, then DATE_IN_PAST', () => {
      given(history).when(moveTo('b1', '2026-03-19')).then({ code: 'DATE_IN_PAST', field: 'toDate' });
    });
    it('given no active reservation, then RESERVATION_NOT_FOUND', () => {
      given(history).when(moveTo('b9', '2026-04-07')).then('RESERVATION_NOT_FOUND');
      given([...history, released('b1')])
        .when(moveTo('b1', '2026-04-07'))
        .then('RESERVATION_NOT_FOUND');
    });
  });
});
