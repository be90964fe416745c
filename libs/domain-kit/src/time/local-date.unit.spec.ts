import {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isLocalDate,
  yearOf,
} from './local-date.js';

describe('local dates (YYYY-MM-DD, no Date, no host time zone)', () => {
  describe('given a string', () => {
    it.each(['2026-02-14', '2028-02-29', '2000-02-29', '2026-12-31'])('when it is %s, then it is a date', (date) => {
      expect(isLocalDate(date)).toBe(true);
    });

    it.each([
      '2026-02-29',
      '2027-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-3-24',
      '14.02.2026',
      20260214,
    ])('when it is %p, then it is not a date', (value) => {
      expect(isLocalDate(value)).toBe(false);
    });
  });

  describe('given a date', () => {
    it('when days are added, then months, leap days and years roll over', () => {
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
      expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    });

    it('when two dates are compared, then the days between them and their order are known', () => {
      expect(daysBetween('2026-04-06', '2026-04-16')).toBe(10);
      expect(daysBetween('2026-04-16', '2026-04-06')).toBe(-10);
      expect(compareLocalDates('2026-03-24', '2026-12-01')).toBe(-1);
      expect(compareLocalDates('2026-12-01', '2026-03-24')).toBe(1);
      expect(compareLocalDates('2026-03-24', '2026-03-24')).toBe(0);
    });

    it('when its weekday is asked, then it is the ISO weekday', () => {
      expect(dayOfWeek('2026-03-23')).toBe('monday');
      expect(dayOfWeek('2026-03-21')).toBe('saturday');
      expect(dayOfWeek('2024-02-29')).toBe('thursday');
      expect(dayOfWeek('2000-01-01')).toBe('saturday');
      expect(dayOfWeek('1970-01-01')).toBe('thursday');
      expect(dayOfWeek('1969-12-31')).toBe('wednesday');
    });

    it('when it is malformed, then arithmetic throws instead of guessing', () => {
      expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
      expect(() => dayOfWeek('yesterday')).toThrow(RangeError);
    });
  });

  describe('given a year', () => {
    it('then leap years follow the Gregorian rule', () => {
      expect([2024, 2026, 2000, 1900].map(isLeapYear)).toEqual([true, false, true, false]);
      expect(daysInMonth(2028, 2)).toBe(29);
      expect(daysInMonth(2026, 2)).toBe(28);
      expect(daysInMonth(2026, 4)).toBe(30);
      expect(yearOf('2026-03-24')).toBe(2026);
    });
  });
});
