/** The rules and the holiday data are tested in @adal/domain-kit; this checks how the domain binds them. */
import { DomainError } from '../shared/domain-error.js';
import {
  addWorkingDays,
  createWorkingDayCalendar,
  isWorkingDay,
  kazakhstanWorkingDays,
  nextWorkingDay,
} from './working-days.js';

const thrownBy = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('nothing was thrown');
};

describe("the appointments domain's working-day calendar", () => {
  describe('given the Kazakhstan data', () => {
    it('then it knows the Nauryz break of 2026 and counts legal deadlines over it', () => {
      expect(kazakhstanWorkingDays.coveredYears).toEqual({ first: 2025, last: 2027 });
      expect(isWorkingDay('2026-03-23')).toBe(false);
      expect(nextWorkingDay('2026-03-20')).toBe('2026-03-26');
      expect(addWorkingDays('2026-03-16', 15)).toBe('2026-04-09');
    });
  });

  describe('given a date the data does not cover', () => {
    it("then it is refused with this domain's error and texts", () => {
      const refusal = thrownBy(() => isWorkingDay('2024-12-31'));
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({
        code: 'CALENDAR_NOT_COVERED',
        kind: 'invalid',
        field: 'date',
        params: { year: 2024 },
      });
      expect(refusal.messageIn('ru')).toBe(
        'Производственный календарь на 2024 год ещё не загружен, поэтому эту дату выбрать нельзя.',
      );
    });

    it('then a malformed date is refused as such', () => {
      expect(() => isWorkingDay('2026-02-30')).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE', kind: 'invalid' }),
      );
    });
  });

  it('builds a calendar from other data with the same refusals', () => {
    const calendar = createWorkingDayCalendar({
      weeklyRestDays: ['sunday'],
      years: { 2030: { holidays: [], transfers: [] } },
    });
    expect(calendar.isWorkingDay('2030-01-05')).toBe(true); // a Saturday: six-day week
    expect(() => calendar.isWorkingDay('2031-01-06')).toThrow(DomainError);
  });
});
