import { DomainError, type DomainErrorOptions } from '../errors/domain-error.js';
import { addDays, dayOfWeek, yearOf } from '../time/local-date.js';
import { HOLIDAYS, KAZAKHSTAN_PUBLIC_HOLIDAYS, type HolidayId } from './kazakhstan-holidays.js';
import { createWorkingDayCalendar, type CalendarRefusalCode } from './working-days.js';

/** A domain's refusal, as a service binds it (the code is the text: this test reads no catalogue). */
const refuse = (code: CalendarRefusalCode, options: DomainErrorOptions): never => {
  throw new DomainError(code, 'invalid', (refused) => refused, options);
};
const kazakhstanWorkingDays = createWorkingDayCalendar(KAZAKHSTAN_PUBLIC_HOLIDAYS, { refuse });
const { isWorkingDay, nextWorkingDay, addWorkingDays } = kazakhstanWorkingDays;

const describeDay = kazakhstanWorkingDays.describe;

const workingDaysIn = (year: number, month?: number): number => {
  let count = 0;
  for (let date = `${year}-01-01`; yearOf(date) === year; date = addDays(date, 1)) {
    if (month !== undefined && Number(date.slice(5, 7)) !== month) continue;
    if (isWorkingDay(date)) count++;
  }
  return count;
};

describe('Kazakhstan working-day calendar', () => {
  describe('given Nauryz 2026 (21-23 March, Saturday to Monday)', () => {
    it('then Monday 23 March is a public holiday, not a working day', () => {
      expect(isWorkingDay('2026-03-23')).toBe(false);
      expect(describeDay('2026-03-23')).toEqual({
        date: '2026-03-23',
        working: false,
        kind: 'public_holiday',
        holiday: 'nauryz',
      });
    });

    it('then the Saturday and Sunday holidays move to Tuesday 24 and Wednesday 25 March', () => {
      expect(describeDay('2026-03-24')).toEqual({
        date: '2026-03-24',
        working: false,
        kind: 'moved_rest_day',
        holiday: 'nauryz',
      });
      expect(describeDay('2026-03-25').kind).toBe('moved_rest_day');
      expect(isWorkingDay('2026-03-26')).toBe(true);
    });
  });

  it.each([
    // 2025, as in the Ministry's calendar
    ['2025-03-10', 'womens_day'], // Sat 8 Mar
    ['2025-03-24', 'nauryz'], // Sat 22 Mar
    ['2025-03-25', 'nauryz'], // Sun 23 Mar
    ['2025-07-07', 'capital_day'], // Sun 6 Jul
    ['2025-09-01', 'constitution_day'], // Sat 30 Aug
    ['2025-10-27', 'republic_day'], // Sat 25 Oct
    // 2026, as published on egov.kz
    ['2026-03-09', 'womens_day'], // Sun 8 Mar
    ['2026-05-11', 'victory_day'], // Sat 9 May
    ['2026-08-31', 'constitution_day'], // Sun 30 Aug
    ['2026-10-26', 'republic_day'], // Sun 25 Oct
    // 2027, by the same rule
    ['2027-01-04', 'new_year'], // Sat 2 Jan
    ['2027-03-24', 'nauryz'], // Sun 21 Mar, after Mon-Tue 22-23 Mar
    ['2027-05-03', 'unity_day'], // Sat 1 May
    ['2027-05-10', 'victory_day'], // Sun 9 May
  ] as const)('moves the rest day of a weekend holiday to %s (%s)', (date, holiday: HolidayId) => {
    expect(describeDay(date)).toEqual({ date, working: false, kind: 'moved_rest_day', holiday });
  });

  it('does not move the religious days off that fall on a weekend (Kurban Ait, Sunday 16 May 2027)', () => {
    expect(dayOfWeek('2027-05-16')).toBe('sunday');
    expect(describeDay('2027-05-16').kind).toBe('public_holiday');
    expect(isWorkingDay('2027-05-17')).toBe(true);
  });

  it('keeps religious days off on weekdays (Orthodox Christmas, Kurban Ait 2025 and 2026)', () => {
    expect(isWorkingDay('2026-01-07')).toBe(false);
    expect(isWorkingDay('2025-06-06')).toBe(false);
    expect(isWorkingDay('2026-05-27')).toBe(false);
  });

  it('applies the decreed transfer of 2025: Friday 3 January off, Sunday 5 January worked', () => {
    expect(describeDay('2025-01-03')).toEqual({ date: '2025-01-03', working: false, kind: 'transferred_day_off' });
    expect(describeDay('2025-01-05')).toEqual({ date: '2025-01-05', working: true, kind: 'transferred_working_day' });
    expect(isWorkingDay('2025-01-04')).toBe(false);
  });

  it('has ordinary weekends and working days', () => {
    expect(describeDay('2026-04-04')).toEqual({ date: '2026-04-04', working: false, kind: 'weekend' });
    expect(describeDay('2026-04-06')).toEqual({ date: '2026-04-06', working: true, kind: 'working_day' });
  });

  it('matches the published number of working days (five-day week)', () => {
    expect(workingDaysIn(2025)).toBe(246); // Ministry of Labour calendar for 2025
    expect(workingDaysIn(2026, 5)).toBe(17); // May 2026: 1, 7, 9->11, 27 May off
    expect(workingDaysIn(2026, 3)).toBe(18); // March 2026: 9, 23, 24, 25 March off
  });

  describe('nextWorkingDay', () => {
    it('skips the weekend and the whole Nauryz break', () => {
      expect(nextWorkingDay('2026-03-20')).toBe('2026-03-26');
    });
    it('is strictly after the given date', () => {
      expect(nextWorkingDay('2026-04-06')).toBe('2026-04-07');
      expect(nextWorkingDay('2026-04-03')).toBe('2026-04-06');
    });
  });

  describe('addWorkingDays (legal deadlines)', () => {
    it('counts 15 working days after a receipt, skipping Nauryz', () => {
      // Receipt Mon 16 Mar 2026: 17-20 Mar (4), 26-27 Mar (6), 30 Mar-3 Apr (11), 6-9 Apr (15).
      expect(addWorkingDays('2026-03-16', 15)).toBe('2026-04-09');
    });
    it('counts from a non-working day as from the day itself', () => {
      expect(addWorkingDays('2026-03-21', 1)).toBe('2026-03-26');
    });
    it('returns the date itself for zero days', () => {
      expect(addWorkingDays('2026-03-23', 0)).toBe('2026-03-23');
    });
    it('crosses into the next year when the data covers it', () => {
      expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    });
    it('rejects a negative or fractional count', () => {
      expect(() => addWorkingDays('2026-03-16', -1)).toThrow(RangeError);
      expect(() => addWorkingDays('2026-03-16', 1.5)).toThrow(RangeError);
    });
  });

  describe('given a date the data does not cover', () => {
    it('then it refuses instead of guessing', () => {
      expect(() => isWorkingDay('2028-01-05')).toThrow(DomainError);
      expect(() => isWorkingDay('2024-12-31')).toThrow(
        expect.objectContaining({ code: 'CALENDAR_NOT_COVERED', field: 'date', params: { year: 2024 } }),
      );
      expect(() => addWorkingDays('2027-12-30', 5)).toThrow(expect.objectContaining({ code: 'CALENDAR_NOT_COVERED' }));
    });

    it('then a malformed date is refused as such', () => {
      expect(() => isWorkingDay('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    });
  });

  describe('the holiday data', () => {
    it.each(Object.entries(KAZAKHSTAN_PUBLIC_HOLIDAYS.years))(
      'lists every holiday of %s within that year',
      (year, data) => {
        expect(new Set(data.holidays.map((h) => h.holiday))).toEqual(new Set(Object.keys(HOLIDAYS)));
        expect(data.holidays).toHaveLength(15);
        for (const { date } of data.holidays) expect(yearOf(date)).toBe(Number(year));
      },
    );

    it('has a localized name for every holiday', () => {
      for (const { name } of Object.values(HOLIDAYS)) {
        expect(name.kk).not.toBe('');
        expect(name.ru).not.toBe('');
        expect(name.en).not.toBe('');
      }
    });

    it('is plain data: a new year or a transfer is a data change', () => {
      const calendar = createWorkingDayCalendar(
        {
          weeklyRestDays: ['saturday', 'sunday'],
          years: {
            2030: {
              holidays: [{ date: '2030-01-01', holiday: 'new_year' }],
              transfers: [{ dayOff: '2030-01-02', workingDay: '2030-01-05', basis: 'test' }],
            },
          },
        },
        { refuse },
      );
      expect(calendar.coveredYears).toEqual({ first: 2030, last: 2030 });
      expect(calendar.isWorkingDay('2030-01-01')).toBe(false);
      expect(calendar.isWorkingDay('2030-01-02')).toBe(false);
      expect(calendar.isWorkingDay('2030-01-05')).toBe(true);
      expect(() => calendar.isWorkingDay('2029-12-31')).toThrow(DomainError);
    });

    it('refuses data with a missing year in the middle', () => {
      expect(() =>
        createWorkingDayCalendar(
          {
            weeklyRestDays: [],
            years: { 2025: { holidays: [], transfers: [] }, 2027: { holidays: [], transfers: [] } },
          },
          { refuse },
        ),
      ).toThrow(/2026 is missing/);
    });
  });
});
