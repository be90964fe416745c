import { specFor } from '../testing/given-when-then.js';
import { OFFICE_ID, deputyHead, headOfAgency } from '../testing/fixtures.js';
import { kazakhstanWorkingDays } from '../time/working-days.js';
import type {
  ChangeReceptionDay,
  PublishReceptionRule,
  ReceptionRule,
  ReceptionScheduleEvent,
  ReceptionScheduleState,
} from './reception-schedule.js';
import { receptionScheduleDecider } from './reception-schedule.decider.js';
import { slotsFor } from './slots-for.js';

const { given } = specFor(receptionScheduleDecider);

const headRegistered: ReceptionScheduleEvent = { type: 'OfficialRegistered', data: headOfAgency };
const deputyRegistered: ReceptionScheduleEvent = { type: 'OfficialRegistered', data: deputyHead };

/** The head receives on Mondays 10:00-13:00 in person, 30-minute slots, one citizen each. */
const mondayRule: ReceptionRule = {
  ruleId: 'rule-monday',
  recurrence: 'weekly',
  weekday: 'monday',
  start: '10:00',
  end: '13:00',
  slotMinutes: 30,
  capacity: 1,
  mode: 'in_person',
  officeId: OFFICE_ID,
  validFrom: '2026-01-01',
};

const publish = (officialId: string, rule: Partial<ReceptionRule>): PublishReceptionRule => ({
  type: 'PublishReceptionRule',
  data: { officialId, ...mondayRule, ...rule } as PublishReceptionRule['data'],
});

const published = (officialId: string, rule: ReceptionRule): ReceptionScheduleEvent => ({
  type: 'ReceptionRulePublished',
  data: { officialId, rule },
});

const changeDay = (date: string, change: ChangeReceptionDay['data']['change']): ChangeReceptionDay => ({
  type: 'ChangeReceptionDay',
  data: { officialId: deputyHead.officialId, date, change },
});

const deputyDaily: ReceptionRule = {
  ruleId: 'rule-daily',
  recurrence: 'daily',
  start: '15:00',
  end: '17:00',
  slotMinutes: 20,
  capacity: 2,
  mode: 'remote',
  validFrom: '2025-01-01',
};

describe('ReceptionSchedule', () => {
  describe('RegisterOfficial', () => {
    it('given nothing, when an official is registered, then OfficialRegistered', () => {
      given([]).when({ type: 'RegisterOfficial', data: headOfAgency }).then([headRegistered]);
    });

    it('given a registered official, when registered again, then OFFICIAL_ALREADY_REGISTERED', () => {
      given([headRegistered])
        .when({ type: 'RegisterOfficial', data: headOfAgency })
        .then('OFFICIAL_ALREADY_REGISTERED');
    });

    it('refuses a profile without a Kazakh name', () => {
      given([])
        .when({
          type: 'RegisterOfficial',
          data: { ...headOfAgency, displayName: { ...headOfAgency.displayName, kk: ' ' } },
        })
        .then({ code: 'FIELD_REQUIRED', field: 'displayName.kk' });
    });

    it('refuses an unknown rank', () => {
      given([])
        .when({ type: 'RegisterOfficial', data: { ...headOfAgency, rank: 'minister' as never } })
        .then({ code: 'INVALID_CHOICE', field: 'rank' });
    });
  });

  describe('PublishReceptionRule', () => {
    it('given a head, when a weekly rule is published, then ReceptionRulePublished', () => {
      given([headRegistered])
        .when(publish(headOfAgency.officialId, {}))
        .then([published(headOfAgency.officialId, mondayRule)]);
    });

    it('given a head, when a daily rule is published, then HEAD_RECEIVES_WEEKLY', () => {
      given([headRegistered])
        .when(publish(headOfAgency.officialId, deputyDaily))
        .then({ code: 'HEAD_RECEIVES_WEEKLY', field: 'recurrence' });
    });

    it('given a deputy, when a daily remote rule is published, then it has no office', () => {
      given([deputyRegistered])
        .when(publish(deputyHead.officialId, { ...deputyDaily, weekday: undefined, officeId: 'ignored-for-remote' }))
        .then([published(deputyHead.officialId, deputyDaily)]);
    });

    it('given an in-person rule without an office, then the official office is used', () => {
      const { officeId: _none, ...withoutOffice } = mondayRule;
      given([deputyRegistered])
        .when({ type: 'PublishReceptionRule', data: { officialId: deputyHead.officialId, ...withoutOffice } })
        .then([published(deputyHead.officialId, mondayRule)]);
    });

    it('given no registered official, then OFFICIAL_NOT_REGISTERED', () => {
      given([]).when(publish(headOfAgency.officialId, {})).then('OFFICIAL_NOT_REGISTERED');
    });

    it.each([
      ['a weekly rule without weekday', { weekday: undefined }, 'FIELD_REQUIRED', 'weekday'],
      ['a weekly rule on Saturday', { weekday: 'saturday' }, 'INVALID_CHOICE', 'weekday'],
      ['a daily rule with a weekday', { recurrence: 'daily', weekday: 'monday' }, 'WEEKDAY_NOT_ALLOWED', 'weekday'],
      ['an end before the start', { start: '13:00', end: '10:00' }, 'END_BEFORE_START', 'end'],
      ['a malformed time', { start: '10.00' }, 'INVALID_TIME', 'start'],
      ['slots longer than the hours', { end: '10:20' }, 'SLOT_DOES_NOT_FIT', 'slotMinutes'],
      ['a slot of two minutes', { slotMinutes: 2 }, 'INVALID_NUMBER', 'slotMinutes'],
      ['a capacity of zero', { capacity: 0 }, 'INVALID_NUMBER', 'capacity'],
      ['an unknown mode', { mode: 'phone' }, 'INVALID_CHOICE', 'mode'],
      ['a validity ending before it starts', { validTo: '2025-12-31' }, 'VALID_TO_BEFORE_FROM', 'validTo'],
      ['a malformed validFrom', { validFrom: '01.01.2026' }, 'INVALID_DATE', 'validFrom'],
      ['an id with a colon', { ruleId: 'rule:1' }, 'INVALID_ID', 'ruleId'],
    ] as const)('refuses %s', (_case, change, code, field) => {
      given([deputyRegistered])
        .when(publish(deputyHead.officialId, change as Partial<ReceptionRule>))
        .then({ code, field });
    });

    it('given a published rule id, when it is published again, then RULE_ALREADY_PUBLISHED', () => {
      given([headRegistered, published(headOfAgency.officialId, mondayRule)])
        .when(publish(headOfAgency.officialId, { weekday: 'tuesday' }))
        .then({ code: 'RULE_ALREADY_PUBLISHED', field: 'ruleId' });
    });

    it('given Monday hours, when overlapping Monday hours are published, then HOURS_OVERLAP', () => {
      given([headRegistered, published(headOfAgency.officialId, mondayRule)])
        .when(publish(headOfAgency.officialId, { ruleId: 'rule-2', start: '12:30', end: '14:00', mode: 'remote' }))
        .then('HOURS_OVERLAP');
    });

    it('given a daily rule, when a weekly rule overlaps its hours, then HOURS_OVERLAP', () => {
      given([deputyRegistered, published(deputyHead.officialId, deputyDaily)])
        .when(publish(deputyHead.officialId, { ruleId: 'rule-2', start: '16:00', end: '18:00' }))
        .then('HOURS_OVERLAP');
    });

    it('accepts the same hours on another weekday, right after, or in another validity period', () => {
      const history = [headRegistered, published(headOfAgency.officialId, { ...mondayRule, validTo: '2026-06-30' })];
      given(history)
        .when(publish(headOfAgency.officialId, { ruleId: 'r2', weekday: 'tuesday' }))
        .then([published(headOfAgency.officialId, { ...mondayRule, ruleId: 'r2', weekday: 'tuesday' })]);
      given(history)
        .when(publish(headOfAgency.officialId, { ruleId: 'r3', start: '13:00', end: '14:00' }))
        .then([published(headOfAgency.officialId, { ...mondayRule, ruleId: 'r3', start: '13:00', end: '14:00' })]);
      given(history)
        .when(publish(headOfAgency.officialId, { ruleId: 'r4', validFrom: '2026-07-01' }))
        .then([published(headOfAgency.officialId, { ...mondayRule, ruleId: 'r4', validFrom: '2026-07-01' })]);
    });

    it('given extra hours on a date, when a rule overlapping them that day is published, then HOURS_OVERLAP', () => {
      const extra: ReceptionScheduleEvent = {
        type: 'ExtraReceptionHoursAdded',
        data: {
          officialId: deputyHead.officialId,
          date: '2026-04-06',
          hours: { start: '11:00', end: '12:00', slotMinutes: 30, capacity: 1, mode: 'remote' },
        },
      };
      given([deputyRegistered, extra]).when(publish(deputyHead.officialId, {})).then('HOURS_OVERLAP');
    });
  });

  describe('WithdrawReceptionRule', () => {
    const history = [headRegistered, published(headOfAgency.officialId, mondayRule)];
    const withdraw = {
      type: 'WithdrawReceptionRule',
      data: { officialId: headOfAgency.officialId, ruleId: 'rule-monday' },
    } as const;
    const withdrawn: ReceptionScheduleEvent = { type: 'ReceptionRuleWithdrawn', data: withdraw.data };

    it('given a rule, when withdrawn, then ReceptionRuleWithdrawn', () => {
      given(history).when(withdraw).then([withdrawn]);
    });
    it('given a withdrawn rule, when withdrawn again, then nothing happens', () => {
      given([...history, withdrawn])
        .when(withdraw)
        .then([]);
    });
    it('given a withdrawn rule, when its id is published again, then RULE_ALREADY_PUBLISHED', () => {
      given([...history, withdrawn])
        .when(publish(headOfAgency.officialId, {}))
        .then('RULE_ALREADY_PUBLISHED');
    });
    it('given no such rule, then RULE_UNKNOWN', () => {
      given([headRegistered]).when(withdraw).then({ code: 'RULE_UNKNOWN', field: 'ruleId' });
    });
  });

  describe('ChangeReceptionDay', () => {
    const history = [deputyRegistered, published(deputyHead.officialId, deputyDaily)];
    const extraHours = { start: '10:00', end: '11:00', slotMinutes: 30, capacity: 1, mode: 'in_person' as const };
    const extraAdded: ReceptionScheduleEvent = {
      type: 'ExtraReceptionHoursAdded',
      data: { officialId: deputyHead.officialId, date: '2026-04-07', hours: { ...extraHours, officeId: OFFICE_ID } },
    };
    const cancelled: ReceptionScheduleEvent = {
      type: 'ReceptionDayCancelled',
      data: { officialId: deputyHead.officialId, date: '2026-04-07', reason: 'Іссапар / командировка' },
    };

    it('given a daily rule, when a day is cancelled, then ReceptionDayCancelled', () => {
      given(history)
        .when(changeDay('2026-04-07', { kind: 'cancel', reason: 'Іссапар / командировка' }))
        .then([cancelled]);
    });
    it('given a cancelled day, when cancelled again, then nothing happens', () => {
      given([...history, cancelled])
        .when(changeDay('2026-04-07', { kind: 'cancel' }))
        .then([]);
    });
    it('given a day, when extra hours are added, then ExtraReceptionHoursAdded (with the official office)', () => {
      given(history)
        .when(changeDay('2026-04-07', { kind: 'extra_hours', ...extraHours }))
        .then([extraAdded]);
    });
    it('given a cancelled day, when extra hours are added, then DAY_CANCELLED', () => {
      given([...history, cancelled])
        .when(changeDay('2026-04-07', { kind: 'extra_hours', ...extraHours }))
        .then('DAY_CANCELLED');
    });
    it('given a daily rule, when extra hours overlap it, then HOURS_OVERLAP', () => {
      given(history)
        .when(changeDay('2026-04-07', { kind: 'extra_hours', ...extraHours, start: '16:30', end: '18:00' }))
        .then({ code: 'HOURS_OVERLAP', field: 'start' });
    });
    it('given extra hours, when overlapping extra hours are added the same day, then HOURS_OVERLAP', () => {
      given([...history, extraAdded])
        .when(changeDay('2026-04-07', { kind: 'extra_hours', ...extraHours, start: '10:30', end: '11:30' }))
        .then('HOURS_OVERLAP');
    });
    it('refuses invalid extra hours with the nested field name', () => {
      given(history)
        .when(changeDay('2026-04-07', { kind: 'extra_hours', ...extraHours, capacity: 1.5 }))
        .then({ code: 'INVALID_NUMBER', field: 'change.capacity' });
    });
    it('refuses an unknown kind of change', () => {
      given(history)
        .when(changeDay('2026-04-07', { kind: 'postpone' } as never))
        .then({ code: 'INVALID_CHOICE', field: 'change.kind' });
    });
    it('refuses a malformed date', () => {
      given(history)
        .when(changeDay('2026-04-31', { kind: 'cancel' }))
        .then({ code: 'INVALID_DATE', field: 'date' });
    });
  });

  describe('slotsFor', () => {
    const stateOf = (events: ReceptionScheduleEvent[]): ReceptionScheduleState =>
      events.reduce(receptionScheduleDecider.evolve, receptionScheduleDecider.initialState());
    const head = stateOf([
      headRegistered,
      published(headOfAgency.officialId, { ...mondayRule, validTo: '2026-12-31' }),
    ]);
    const deputy = stateOf([deputyRegistered, published(deputyHead.officialId, deputyDaily)]);

    it('cuts the weekly hours into slots on that weekday', () => {
      expect(slotsFor(head, '2026-04-06', kazakhstanWorkingDays)).toEqual([
        { start: '10:00', end: '10:30', capacity: 1, mode: 'in_person', officeId: OFFICE_ID },
        { start: '10:30', end: '11:00', capacity: 1, mode: 'in_person', officeId: OFFICE_ID },
        { start: '11:00', end: '11:30', capacity: 1, mode: 'in_person', officeId: OFFICE_ID },
        { start: '11:30', end: '12:00', capacity: 1, mode: 'in_person', officeId: OFFICE_ID },
        { start: '12:00', end: '12:30', capacity: 1, mode: 'in_person', officeId: OFFICE_ID },
        { start: '12:30', end: '13:00', capacity: 1, mode: 'in_person', officeId: OFFICE_ID },
      ]);
    });

    it('gives nothing on other weekdays, outside validity, or for an unregistered official', () => {
      expect(slotsFor(head, '2026-04-07', kazakhstanWorkingDays)).toEqual([]);
      expect(slotsFor(head, '2025-12-29', kazakhstanWorkingDays)).toEqual([]);
      expect(slotsFor(head, '2027-01-04', kazakhstanWorkingDays)).toEqual([]);
      expect(slotsFor(stateOf([]), '2026-04-06', kazakhstanWorkingDays)).toEqual([]);
    });

    it('gives nothing on a holiday Monday (Nauryz, 23 March 2026) or a moved rest day', () => {
      expect(slotsFor(head, '2026-03-23', kazakhstanWorkingDays)).toEqual([]);
      expect(slotsFor(deputy, '2026-03-24', kazakhstanWorkingDays)).toEqual([]);
      expect(slotsFor(deputy, '2026-03-26', kazakhstanWorkingDays)).toHaveLength(6);
    });

    it('follows decreed transfers: daily hours on the worked Sunday 5 January 2025, none on 3 January', () => {
      expect(slotsFor(deputy, '2025-01-05', kazakhstanWorkingDays)).toHaveLength(6);
      expect(slotsFor(deputy, '2025-01-03', kazakhstanWorkingDays)).toEqual([]);
    });

    it('gives remote slots without an office', () => {
      expect(slotsFor(deputy, '2026-04-07', kazakhstanWorkingDays)[0]).toEqual({
        start: '15:00',
        end: '15:20',
        capacity: 2,
        mode: 'remote',
      });
    });

    it('gives nothing on a cancelled day, and adds extra hours in start order', () => {
      const changed = stateOf([
        deputyRegistered,
        published(deputyHead.officialId, deputyDaily),
        { type: 'ReceptionDayCancelled', data: { officialId: deputyHead.officialId, date: '2026-04-08' } },
        {
          type: 'ExtraReceptionHoursAdded',
          data: {
            officialId: deputyHead.officialId,
            date: '2026-04-09',
            hours: {
              start: '09:00',
              end: '10:50',
              slotMinutes: 30,
              capacity: 3,
              mode: 'in_person',
              officeId: OFFICE_ID,
            },
          },
        },
      ]);
      expect(slotsFor(changed, '2026-04-08', kazakhstanWorkingDays)).toEqual([]);
      const slots = slotsFor(changed, '2026-04-09', kazakhstanWorkingDays);
      // 09:00-10:50 in 30 minutes: only whole slots (the last 20 minutes are left out).
      expect(slots.map((s) => s.start)).toEqual([
        '09:00',
        '09:30',
        '10:00',
        '15:00',
        '15:20',
        '15:40',
        '16:00',
        '16:20',
        '16:40',
      ]);
      expect(slots[2]).toEqual({ start: '10:00', end: '10:30', capacity: 3, mode: 'in_person', officeId: OFFICE_ID });
    });

    it('gives nothing for extra hours on a weekend', () => {
      const weekend = stateOf([
        deputyRegistered,
        {
          type: 'ExtraReceptionHoursAdded',
          data: {
            officialId: deputyHead.officialId,
            date: '2026-04-11',
            hours: { start: '10:00', end: '11:00', slotMinutes: 30, capacity: 1, mode: 'remote' },
          },
        },
      ]);
      expect(slotsFor(weekend, '2026-04-11', kazakhstanWorkingDays)).toEqual([]);
    });

    it('stops giving slots once the rule is withdrawn', () => {
      const withdrawn = stateOf([
        deputyRegistered,
        published(deputyHead.officialId, deputyDaily),
        { type: 'ReceptionRuleWithdrawn', data: { officialId: deputyHead.officialId, ruleId: deputyDaily.ruleId } },
      ]);
      expect(slotsFor(withdrawn, '2026-04-07', kazakhstanWorkingDays)).toEqual([]);
    });
  });
});
