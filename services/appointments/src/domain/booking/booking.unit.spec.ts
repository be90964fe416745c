import { OFFICE_ID, deputyHead } from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import type { BookingCommand, BookingEvent, BookingFacts, ConfirmBooking } from './booking.js';
import { bookingDecider, bookingFacts } from './booking.decider.js';
import { DEFAULT_JOIN_URL_TEMPLATE, joinUrlFor } from './join-url.js';

const { given } = specFor(bookingDecider);

const date = '2026-04-06';
const at = (time: string, day = date): string => `${day}T${time}:00+05:00`;
const JOIN_URL = 'https://video.example.kz/room/bk-remote';

/** The facts every event after BookingHeld repeats, per booking of these specs. */
const inPersonFacts: BookingFacts = {
  citizenRef: 'cit-1',
  officialId: deputyHead.officialId,
  officeId: OFFICE_ID,
  date,
  slotStart: '10:00',
  slotEnd: '10:30',
  mode: 'in_person',
};
const remoteFacts: BookingFacts = {
  citizenRef: 'cit-1',
  officialId: deputyHead.officialId,
  date,
  slotStart: '15:00',
  slotEnd: '15:20',
  mode: 'remote',
};
const factsOf = (bookingId: string): BookingFacts => (bookingId === 'bk-remote' ? remoteFacts : inPersonFacts);

type FatEvent = Exclude<BookingEvent, { type: 'BookingHeld' }>;
/**
 * A Booking event after BookingHeld, written without its facts: they are filled in from the
 * booking it names (or from `facts`, e.g. after a reschedule), as the decider does.
 */
const fat = <T extends FatEvent['type']>(
  type: T,
  data: Omit<Extract<FatEvent, { type: T }>['data'], keyof BookingFacts>,
  facts: BookingFacts = factsOf(data.bookingId),
): Extract<FatEvent, { type: T }> =>
  ({ type, data: { ...facts, ...data } }) as unknown as Extract<FatEvent, { type: T }>;

const heldInPerson: BookingEvent = {
  type: 'BookingHeld',
  data: {
    bookingId: 'bk-1',
    citizenRef: 'cit-1',
    officialId: deputyHead.officialId,
    date,
    slotStart: '10:00',
    slotEnd: '10:30',
    mode: 'in_person',
    officeId: OFFICE_ID,
    heldAt: at('08:00'),
    expiresAt: at('08:10'),
  },
};
const heldRemote: BookingEvent = {
  type: 'BookingHeld',
  data: {
    bookingId: 'bk-remote',
    citizenRef: 'cit-1',
    officialId: deputyHead.officialId,
    date,
    slotStart: '15:00',
    slotEnd: '15:20',
    mode: 'remote',
    heldAt: at('08:00'),
    expiresAt: at('08:10'),
  },
};

const purpose = 'Жер учаскесін ресімдеу туралы / Об оформлении земельного участка';
const confirmedInPerson = fat('BookingConfirmed', {
  bookingId: 'bk-1',
  purpose,
  language: 'kk',
  channel: 'in_person',
  confirmedAt: at('08:05'),
});
const confirmedRemote = fat('BookingConfirmed', {
  bookingId: 'bk-remote',
  purpose,
  language: 'ru',
  channel: 'remote',
  joinUrl: JOIN_URL,
  confirmedAt: at('08:05'),
});
const inPerson = [heldInPerson, confirmedInPerson];
const remoteStarted = fat('RemoteReceptionStarted', {
  bookingId: 'bk-remote',
  joinUrl: JOIN_URL,
  startedAt: at('14:58'),
});
const remoteInProgress = [heldRemote, confirmedRemote, remoteStarted];
const completed = fat('ReceptionCompleted', {
  bookingId: 'bk-1',
  outcome: 'appeal_needed',
  summary: 'Needs a written appeal to the land department.',
  completedAt: at('10:25'),
});

const cmd = <T extends BookingCommand['type']>(
  type: T,
  data: Extract<BookingCommand, { type: T }>['data'],
): BookingCommand => ({ type, data }) as BookingCommand;

const confirm = (overrides: Partial<ConfirmBooking['data']> = {}): BookingCommand =>
  cmd('ConfirmBooking', {
    bookingId: 'bk-1',
    purpose,
    language: 'kk',
    channel: 'in_person',
    now: at('08:05'),
    ...overrides,
  });

describe('Booking', () => {
  describe('HoldBooking', () => {
    const holdCommand = cmd('HoldBooking', {
      bookingId: 'bk-1',
      citizenRef: 'cit-1',
      officialId: deputyHead.officialId,
      date,
      slotStart: '10:00',
      slotEnd: '10:30',
      mode: 'in_person',
      officeId: OFFICE_ID,
      now: at('08:00'),
      expiresAt: at('08:10'),
    });

    it('given nothing, when held, then BookingHeld', () => {
      const state = given([]).when(holdCommand).then([heldInPerson]);
      expect(state.status).toBe('held');
    });
    it('given a booking, when held again, then BOOKING_ALREADY_EXISTS', () => {
      given([heldInPerson]).when(holdCommand).then('BOOKING_ALREADY_EXISTS');
    });
    it('refuses an in-person hold without an office', () => {
      given([])
        .when({ ...holdCommand, data: { ...holdCommand.data, officeId: undefined } } as BookingCommand)
        .then({ code: 'FIELD_REQUIRED', field: 'officeId' });
    });
    it('refuses a slot ending before it starts and an expiry before the hold', () => {
      given([])
        .when({ ...holdCommand, data: { ...holdCommand.data, slotEnd: '09:30' } } as BookingCommand)
        .then({ code: 'END_BEFORE_START', field: 'slotEnd' });
      given([])
        .when({ ...holdCommand, data: { ...holdCommand.data, expiresAt: at('07:00') } } as BookingCommand)
        .then('HOLD_EXPIRY_INVALID');
    });
  });

  describe('ConfirmBooking', () => {
    it('given an in-person hold, when confirmed in person, then BookingConfirmed without a link', () => {
      const state = given([heldInPerson])
        .when(confirm({ joinUrl: 'https://ignored.example' }))
        .then([confirmedInPerson]);
      // The facts the event repeats stay out of the recorded confirmation.
      expect(state).toMatchObject({ status: 'confirmed', ...inPersonFacts });
      expect(state.status !== 'none' && state.confirmation).toStrictEqual({
        purpose,
        language: 'kk',
        channel: 'in_person',
        confirmedAt: at('08:05'),
      });
    });

    it('given a remote hold, when confirmed remotely with a join link, then BookingConfirmed carries it', () => {
      given([heldRemote])
        .when(
          confirm({
            bookingId: 'bk-remote',
            language: 'ru',
            channel: 'remote',
            joinUrl: joinUrlFor(DEFAULT_JOIN_URL_TEMPLATE, 'bk-remote'),
          }),
        )
        .then([confirmedRemote]);
    });

    it('given a hold that expired but was not lapsed, then it is confirmed (the calendar decided the seat)', () => {
      given([heldInPerson])
        .when(confirm({ now: at('08:30') }))
        .then([
          fat('BookingConfirmed', {
            bookingId: 'bk-1',
            purpose,
            language: 'kk',
            channel: 'in_person',
            confirmedAt: at('08:30'),
          }),
        ]);
    });

    it.each([
      [
        'a remote channel for an in-person slot',
        [heldInPerson],
        { channel: 'remote', joinUrl: JOIN_URL },
        'CHANNEL_MISMATCH',
        'channel',
      ],
      [
        'an in-person channel for a remote slot',
        [heldRemote],
        { bookingId: 'bk-remote', channel: 'in_person' },
        'CHANNEL_MISMATCH',
        'channel',
      ],
      [
        'a remote booking without a join link',
        [heldRemote],
        { bookingId: 'bk-remote', channel: 'remote' },
        'JOIN_URL_REQUIRED',
        'joinUrl',
      ],
      [
        'a join link that is not https',
        [heldRemote],
        { bookingId: 'bk-remote', channel: 'remote', joinUrl: 'javascript:alert(1)' },
        'INVALID_URL',
        'joinUrl',
      ],
      ['an empty purpose', [heldInPerson], { purpose: '   ' }, 'FIELD_REQUIRED', 'purpose'],
      ['a purpose over 1000 characters', [heldInPerson], { purpose: 'ө'.repeat(1001) }, 'TEXT_TOO_LONG', 'purpose'],
      ['an unknown language', [heldInPerson], { language: 'de' }, 'INVALID_CHOICE', 'language'],
    ] as const)('refuses %s', (_case, history, overrides, code, field) => {
      given([...history])
        .when(confirm(overrides as Partial<ConfirmBooking['data']>))
        .then({ code, field });
    });

    it('accepts a purpose of exactly 1000 Kazakh letters (counted as characters, not bytes)', () => {
      given([heldInPerson])
        .when(confirm({ purpose: 'ә'.repeat(1000) }))
        .then([
          fat('BookingConfirmed', {
            bookingId: 'bk-1',
            purpose: 'ә'.repeat(1000),
            language: 'kk',
            channel: 'in_person',
            confirmedAt: at('08:05'),
          }),
        ]);
    });

    it('given a lapsed hold, then HOLD_EXPIRED', () => {
      given([heldInPerson, fat('BookingLapsed', { bookingId: 'bk-1', reason: 'expired', lapsedAt: at('08:11') })])
        .when(confirm())
        .then('HOLD_EXPIRED');
    });
    it('given a confirmed booking, then BOOKING_NOT_HELD', () => {
      given(inPerson).when(confirm()).then('BOOKING_NOT_HELD');
    });
    it('given no booking, then BOOKING_NOT_FOUND', () => {
      given([]).when(confirm()).then({ code: 'BOOKING_NOT_FOUND', field: 'bookingId' });
    });
  });

  describe('ExtendBookingHold', () => {
    const extend = (now: string, expiresAt: string) => cmd('ExtendBookingHold', { bookingId: 'bk-1', now, expiresAt });
    const extended = (n: number, now: string, expiresAt: string) =>
      fat('BookingHoldExtended', { bookingId: 'bk-1', expiresAt, extendedAt: now, extensions: n });

    it('given a held booking, when extended, then BookingHoldExtended and the later expiry', () => {
      const state = given([heldInPerson]).when(extend(at('08:05'), at('08:15'))).then([extended(1, at('08:05'), at('08:15'))]);
      expect(state).toMatchObject({ status: 'held', expiresAt: at('08:15'), holdExtensions: 1 });
    });
    it('given ten extensions, when extended again, then HOLD_EXTENSION_LIMIT', () => {
      const ten = Array.from({ length: 10 }, (_, i) => extended(i + 1, at(`08:0${i}`), at(`08:${11 + i}`)));
      given([heldInPerson, ...ten]).when(extend(at('08:20'), at('08:40'))).then({ code: 'HOLD_EXTENSION_LIMIT', field: 'bookingId' });
    });
    it('given a confirmed booking, when extended, then BOOKING_NOT_HELD; an earlier expiry changes nothing', () => {
      given([heldInPerson]).when(extend(at('08:05'), at('08:09'))).then([]);
      given([heldInPerson, fat('BookingConfirmed', { bookingId: 'bk-1', purpose, language: 'kk', channel: 'in_person', confirmedAt: at('08:05') })])
        .when(extend(at('08:06'), at('08:20')))
        .then('BOOKING_NOT_HELD');
    });
  });

  describe('LapseHold', () => {
    const lapse = (reason: 'expired' | 'abandoned', now: string) =>
      cmd('LapseHold', { bookingId: 'bk-1', reason, now });
    const lapsed = fat('BookingLapsed', { bookingId: 'bk-1', reason: 'expired', lapsedAt: at('08:10') });

    it('given an expired hold, when lapsed, then BookingLapsed', () => {
      given([heldInPerson])
        .when(lapse('expired', at('08:10')))
        .then([lapsed]);
    });
    it('given a live hold, when the citizen abandons it, then BookingLapsed (abandoned)', () => {
      given([heldInPerson])
        .when(lapse('abandoned', at('08:02')))
        .then([fat('BookingLapsed', { bookingId: 'bk-1', reason: 'abandoned', lapsedAt: at('08:02') })]);
    });
    it('given a live hold, when lapsed as expired, then HOLD_NOT_EXPIRED', () => {
      given([heldInPerson])
        .when(lapse('expired', at('08:09')))
        .then('HOLD_NOT_EXPIRED');
    });
    it('given a lapsed hold, when lapsed again, then nothing happens', () => {
      given([heldInPerson, lapsed])
        .when(lapse('expired', at('08:20')))
        .then([]);
    });
    it('given a confirmed booking, then BOOKING_NOT_HELD', () => {
      given(inPerson)
        .when(lapse('expired', at('08:20')))
        .then('BOOKING_NOT_HELD');
    });
  });

  describe('CancelBooking', () => {
    const cancel = (
      by: 'citizen' | 'official' | 'office',
      now: string,
      extra: { minimumNoticeMinutes?: number; reason?: string } = {},
    ) => cmd('CancelBooking', { bookingId: 'bk-1', by, now, ...extra });
    const cancelled = (by: 'citizen' | 'official' | 'office', now: string, reason?: string): BookingEvent =>
      fat('BookingCancelled', { bookingId: 'bk-1', by, ...(reason ? { reason } : {}), cancelledAt: now });

    it('given a confirmed booking, when the citizen cancels before the start, then BookingCancelled', () => {
      given(inPerson)
        .when(cancel('citizen', at('09:59'), { reason: 'Plans changed' }))
        .then([cancelled('citizen', at('09:59'), 'Plans changed')]);
    });
    it('given the reception has started, when the citizen cancels, then RECEPTION_ALREADY_STARTED', () => {
      given(inPerson)
        .when(cancel('citizen', at('10:00')))
        .then('RECEPTION_ALREADY_STARTED');
    });
    it('given a minimum notice of 60 minutes, then the citizen may cancel until 09:00 but not after', () => {
      given(inPerson)
        .when(cancel('citizen', at('09:00'), { minimumNoticeMinutes: 60 }))
        .then([cancelled('citizen', at('09:00'))]);
      given(inPerson)
        .when(cancel('citizen', at('09:01'), { minimumNoticeMinutes: 60 }))
        .then('CANCELLATION_TOO_LATE');
    });
    it('given the reception has started, when the official cancels, then BookingCancelled', () => {
      given(inPerson)
        .when(cancel('official', at('10:05')))
        .then([cancelled('official', at('10:05'))]);
    });
    it('given a held booking, when the office cancels (a cancelled day), then BookingCancelled', () => {
      given([heldInPerson])
        .when(cancel('office', at('08:03')))
        .then([cancelled('office', at('08:03'))]);
    });
    it('given a cancelled booking, when cancelled again, then nothing happens', () => {
      given([...inPerson, cancelled('citizen', at('09:00'))])
        .when(cancel('office', at('09:10')))
        .then([]);
    });
    it('given a completed reception, then BOOKING_NOT_CANCELLABLE', () => {
      given([...inPerson, completed])
        .when(cancel('official', at('11:00')))
        .then('BOOKING_NOT_CANCELLABLE');
    });
    it('refuses an unknown actor and a negative notice', () => {
      given(inPerson)
        .when(cancel('robot' as never, at('09:00')))
        .then({ code: 'INVALID_CHOICE', field: 'by' });
      given(inPerson)
        .when(cancel('citizen', at('09:00'), { minimumNoticeMinutes: -5 }))
        .then({ code: 'INVALID_NUMBER', field: 'minimumNoticeMinutes' });
    });
  });

  describe('RescheduleBooking', () => {
    const reschedule = (toDate: string, toSlotStart: string, toSlotEnd: string, now = at('08:30')) =>
      cmd('RescheduleBooking', { bookingId: 'bk-1', toDate, toSlotStart, toSlotEnd, now });
    const newSlot = { date: '2026-04-07', slotStart: '11:00', slotEnd: '11:30' };
    const movedFacts: BookingFacts = { ...inPersonFacts, ...newSlot };
    const rescheduled = fat(
      'BookingRescheduled',
      {
        bookingId: 'bk-1',
        from: { date, slotStart: '10:00', slotEnd: '10:30' },
        to: newSlot,
        rescheduledAt: at('08:30'),
      },
      movedFacts, // the new slot's facts
    );

    it('given a confirmed booking, when rescheduled, then BookingRescheduled {from, to} with the new slot', () => {
      const state = given(inPerson)
        .when(reschedule('2026-04-07', '11:00', '11:30'))
        .then([rescheduled]);
      expect(state).toMatchObject({ status: 'confirmed', date: '2026-04-07', slotStart: '11:00', rescheduleCount: 1 });
      expect(state.status !== 'none' && bookingFacts(state)).toStrictEqual(movedFacts);
      // Later events carry the moved slot too.
      given([...inPerson, rescheduled])
        .when(cmd('CancelBooking', { bookingId: 'bk-1', by: 'citizen', now: at('09:00') }))
        .then([fat('BookingCancelled', { bookingId: 'bk-1', by: 'citizen', cancelledAt: at('09:00') }, movedFacts)]);
    });
    it('given a held booking, then BOOKING_NOT_CONFIRMED', () => {
      given([heldInPerson])
        .when(reschedule('2026-04-07', '11:00', '11:30'))
        .then('BOOKING_NOT_CONFIRMED');
    });
    it('given the reception has started, then RECEPTION_ALREADY_STARTED', () => {
      given(inPerson)
        .when(reschedule('2026-04-07', '11:00', '11:30', at('10:00')))
        .then('RECEPTION_ALREADY_STARTED');
    });
    it('given a target in the past, then SLOT_IN_PAST', () => {
      given(inPerson)
        .when(reschedule(date, '08:00', '08:30'))
        .then({ code: 'SLOT_IN_PAST', field: 'toSlotStart' });
    });
    it('given the same slot, then SAME_SLOT', () => {
      given(inPerson)
        .when(reschedule(date, '10:00', '10:30'))
        .then('SAME_SLOT');
    });
    it('given a malformed target, then the field is named', () => {
      given(inPerson)
        .when(reschedule('2026-04-31', '11:00', '11:30'))
        .then({ code: 'INVALID_DATE', field: 'toDate' });
      given(inPerson)
        .when(reschedule('2026-04-07', '11:00', '10:30'))
        .then({ code: 'END_BEFORE_START', field: 'toSlotEnd' });
    });
  });

  describe('MarkNoShow', () => {
    const noShow = (now: string) => cmd('MarkNoShow', { bookingId: 'bk-1', now });
    it('given the slot has started, when marked, then BookingMarkedNoShow', () => {
      const state = given(inPerson)
        .when(noShow(at('10:15')))
        .then([fat('BookingMarkedNoShow', { bookingId: 'bk-1', markedAt: at('10:15') })]);
      expect(state.status).toBe('no_show');
    });
    it('given the slot has not started, then RECEPTION_NOT_STARTED', () => {
      given(inPerson)
        .when(noShow(at('09:59')))
        .then('RECEPTION_NOT_STARTED');
    });
    it('given a held booking, then BOOKING_NOT_CONFIRMED', () => {
      given([heldInPerson])
        .when(noShow(at('10:15')))
        .then('BOOKING_NOT_CONFIRMED');
    });
  });

  describe('Remote reception', () => {
    const start = (bookingId: string, now = at('14:58')) => cmd('StartRemoteReception', { bookingId, now });
    const end = (now = at('15:18')) => cmd('EndRemoteReception', { bookingId: 'bk-remote', now });
    const ended = fat('RemoteReceptionEnded', { bookingId: 'bk-remote', endedAt: at('15:18') });

    it('given a confirmed remote booking, when the official starts it, then RemoteReceptionStarted with the link', () => {
      const state = given([heldRemote, confirmedRemote]).when(start('bk-remote')).then([remoteStarted]);
      expect(state.status).toBe('in_progress');
    });
    it('given a started call, when started again, then nothing happens', () => {
      given(remoteInProgress).when(start('bk-remote')).then([]);
    });
    it('given an in-person booking, then NOT_REMOTE', () => {
      given(inPerson).when(start('bk-1')).then('NOT_REMOTE');
    });
    it('given a held remote booking, then BOOKING_NOT_CONFIRMED', () => {
      given([heldRemote]).when(start('bk-remote')).then('BOOKING_NOT_CONFIRMED');
    });
    it('given a call in progress, when ended, then RemoteReceptionEnded; ending twice does nothing', () => {
      given(remoteInProgress).when(end()).then([ended]);
      given([...remoteInProgress, ended])
        .when(end())
        .then([]);
    });
    it('given a call not started, when ended, then RECEPTION_NOT_IN_PROGRESS', () => {
      given([heldRemote, confirmedRemote]).when(end()).then('RECEPTION_NOT_IN_PROGRESS');
    });
    it('given an in-person booking, when ended, then NOT_REMOTE', () => {
      given(inPerson)
        .when(cmd('EndRemoteReception', { bookingId: 'bk-1', now: at('10:20') }))
        .then('NOT_REMOTE');
    });
  });

  describe('CompleteReception', () => {
    const complete = (bookingId: string, now: string, extra: { outcome?: string; summary?: string } = {}) =>
      cmd('CompleteReception', {
        bookingId,
        outcome: 'appeal_needed',
        summary: 'Needs a written appeal to the land department.',
        now,
        ...extra,
      } as Extract<BookingCommand, { type: 'CompleteReception' }>['data']);

    it('given an in-person reception under way, when completed, then ReceptionCompleted', () => {
      const state = given(inPerson)
        .when(complete('bk-1', at('10:25')))
        .then([completed]);
      expect(state.status).toBe('completed');
    });
    it('given an in-person reception not started, then RECEPTION_NOT_STARTED', () => {
      given(inPerson)
        .when(complete('bk-1', at('09:50')))
        .then('RECEPTION_NOT_STARTED');
    });
    it('given a remote call in progress (ended or not), when completed, then ReceptionCompleted', () => {
      const done = fat('ReceptionCompleted', {
        bookingId: 'bk-remote',
        outcome: 'resolved',
        summary: 'Explained the procedure.',
        completedAt: at('15:19'),
      });
      given(remoteInProgress)
        .when(complete('bk-remote', at('15:19'), { outcome: 'resolved', summary: 'Explained the procedure.' }))
        .then([done]);
    });
    it('given a remote call never started, then RECEPTION_NOT_IN_PROGRESS', () => {
      given([heldRemote, confirmedRemote])
        .when(complete('bk-remote', at('15:19')))
        .then('RECEPTION_NOT_IN_PROGRESS');
    });
    it('given a completed reception, then RECEPTION_ALREADY_COMPLETED', () => {
      given([...inPerson, completed])
        .when(complete('bk-1', at('10:40')))
        .then('RECEPTION_ALREADY_COMPLETED');
    });
    it('given a no-show, then BOOKING_NOT_CONFIRMED', () => {
      given([...inPerson, fat('BookingMarkedNoShow', { bookingId: 'bk-1', markedAt: at('10:15') })])
        .when(complete('bk-1', at('10:40')))
        .then('BOOKING_NOT_CONFIRMED');
    });
    it('refuses an unknown outcome and an empty summary', () => {
      given(inPerson)
        .when(complete('bk-1', at('10:25'), { outcome: 'ignored' }))
        .then({ code: 'INVALID_CHOICE', field: 'outcome' });
      given(inPerson)
        .when(complete('bk-1', at('10:25'), { summary: '' }))
        .then({ code: 'FIELD_REQUIRED', field: 'summary' });
    });
  });

  describe('RequestFollowUpAppeal', () => {
    const request = cmd('RequestFollowUpAppeal', { bookingId: 'bk-1', now: at('11:00') });
    const requested = fat('FollowUpRequested', {
      bookingId: 'bk-1',
      outcome: 'appeal_needed',
      requestedAt: at('11:00'),
    });
    it('given a completed reception, when a follow-up appeal is requested, then FollowUpRequested', () => {
      given([...inPerson, completed])
        .when(request)
        .then([requested]);
    });
    it('given a follow-up already requested, then FOLLOW_UP_ALREADY_REQUESTED', () => {
      given([...inPerson, completed, requested])
        .when(request)
        .then('FOLLOW_UP_ALREADY_REQUESTED');
    });
    it('given a reception not completed, then RECEPTION_NOT_COMPLETED', () => {
      given(inPerson).when(request).then('RECEPTION_NOT_COMPLETED');
    });
  });

  describe('joinUrlFor', () => {
    it('fills the configured template with the (encoded) booking id', () => {
      expect(joinUrlFor('https://video.example.kz/room/{bookingId}', 'bk-1')).toBe(
        'https://video.example.kz/room/bk-1',
      );
      expect(joinUrlFor('https://meet.example.kz/{bookingId}?lang=kk', 'a b')).toBe(
        'https://meet.example.kz/a%20b?lang=kk',
      );
    });
    it('refuses a template without the placeholder or without https', () => {
      expect(() => joinUrlFor('https://video.example.kz/room', 'bk-1')).toThrow(RangeError);
      expect(() => joinUrlFor('http://video.example.kz/{bookingId}', 'bk-1')).toThrow(
        expect.objectContaining({ code: 'INVALID_URL' }),
      );
    });
  });
});
