/**
 * The working-day calendar: which local dates state bodies work, built from holiday DATA plus the
 * Labour Code's weekend-move rule. Used for reception days (no slots on non-working days) and
 * legal deadlines (an appeal is answered within 15 working days: `addWorkingDays`).
 *
 * A date outside the years the data covers is refused (`CALENDAR_NOT_COVERED`) rather than
 * guessed: a deadline computed without the holidays would be silently wrong. The refusal is the
 * caller's: each domain passes its own `refuse`, so the error carries that domain's codes and
 * texts (and reaches its edge as a 422 like any other refusal).
 */
import type { DomainErrorOptions } from '../errors/domain-error.js';
import { addDays, compareLocalDates, dayOfWeek, isLocalDate, yearOf, type LocalDate } from '../time/local-date.js';
import { HOLIDAYS, type HolidayId, type PublicHolidayCalendarData } from './kazakhstan-holidays.js';

/** Why a date is (not) worked. */
export type DayKind =
  | 'working_day'
  /** A weekend day made working by a decreed transfer. */
  | 'transferred_working_day'
  | 'weekend'
  | 'public_holiday'
  /** The rest day a weekend holiday moved here (Labour Code). */
  | 'moved_rest_day'
  /** A working day made a rest day by a decreed transfer. */
  | 'transferred_day_off';

export interface CalendarDay {
  date: LocalDate;
  working: boolean;
  kind: DayKind;
  /** The holiday on this date, or the one whose rest day moved here. */
  holiday?: HolidayId;
}

export interface WorkingDayCalendar {
  /** First and last year the data covers. */
  readonly coveredYears: { first: number; last: number };
  describe(date: LocalDate): CalendarDay;
  isWorkingDay(date: LocalDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate;
  /**
   * The `workingDays`-th working day after `date` (which itself is not counted, so a deadline
   * "within 15 working days" of a receipt on `date` is `addWorkingDays(date, 15)`). 0 gives `date`.
   */
  addWorkingDays(date: LocalDate, workingDays: number): LocalDate;
}

/** The refusals a calendar gives: a malformed date (field `date`), a year the data does not cover (param `year`). */
export type CalendarRefusalCode = 'INVALID_DATE' | 'CALENDAR_NOT_COVERED';

export interface WorkingDayCalendarOptions {
  /** Throws the domain's refusal (its `DomainError`); typed `never` like every domain's `refuse`. */
  refuse: (code: CalendarRefusalCode, options: DomainErrorOptions) => never;
}

interface SpecialDay {
  kind: Exclude<DayKind, 'working_day' | 'weekend'>;
  holiday?: HolidayId;
}

export const createWorkingDayCalendar = (
  data: PublicHolidayCalendarData,
  { refuse }: WorkingDayCalendarOptions,
): WorkingDayCalendar => {
  const years = Object.keys(data.years)
    .map(Number)
    .sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('Holiday data covers no year');
  for (let year = first; year <= last; year++) {
    if (!data.years[year]) throw new RangeError(`Holiday data has a gap: ${year} is missing`);
  }

  const isWeeklyRestDay = (date: LocalDate): boolean => data.weeklyRestDays.includes(dayOfWeek(date));
  const special = new Map<LocalDate, SpecialDay>();

  const holidays = years
    .flatMap((year) => data.years[year]!.holidays)
    .slice()
    .sort((a, b) => compareLocalDates(a.date, b.date));
  for (const { date, holiday } of holidays) special.set(date, { kind: 'public_holiday', holiday });

  // Labour Code: a weekly rest day that coincides with a national or state holiday moves to the
  // next working day after the holiday. Processing holidays in date order and skipping days
  // already taken gives consecutive moves for a holiday run over a weekend (Nauryz 2026: Sat 21
  // and Sun 22 March move to Tue 24 and Wed 25, because Mon 23 is itself Nauryz).
  for (const { date, holiday } of holidays) {
    if (HOLIDAYS[holiday].kind === 'religious' || !isWeeklyRestDay(date)) continue;
    let candidate = addDays(date, 1);
    while (isWeeklyRestDay(candidate) || special.has(candidate)) candidate = addDays(candidate, 1);
    special.set(candidate, { kind: 'moved_rest_day', holiday });
  }

  for (const year of years) {
    for (const transfer of data.years[year]!.transfers) {
      special.set(transfer.dayOff, { kind: 'transferred_day_off' });
      special.set(transfer.workingDay, { kind: 'transferred_working_day' });
    }
  }

  const describe = (date: LocalDate): CalendarDay => {
    if (!isLocalDate(date)) return refuse('INVALID_DATE', { field: 'date' });
    const year = yearOf(date);
    if (year < first || year > last) return refuse('CALENDAR_NOT_COVERED', { field: 'date', params: { year } });
    const day = special.get(date);
    if (day) {
      const working = day.kind === 'transferred_working_day';
      return { date, working, kind: day.kind, ...(day.holiday ? { holiday: day.holiday } : {}) };
    }
    return isWeeklyRestDay(date)
      ? { date, working: false, kind: 'weekend' }
      : { date, working: true, kind: 'working_day' };
  };

  const isWorkingDay = (date: LocalDate): boolean => describe(date).working;

  const nextWorkingDay = (date: LocalDate): LocalDate => {
    let candidate = addDays(date, 1);
    while (!isWorkingDay(candidate)) candidate = addDays(candidate, 1);
    return candidate;
  };

  const addWorkingDays = (date: LocalDate, workingDays: number): LocalDate => {
    if (!Number.isInteger(workingDays) || workingDays < 0) {
      throw new RangeError(`workingDays must be a whole number >= 0, got ${workingDays}`);
    }
    describe(date); // validates the start date even when no day is added
    let result = date;
    for (let i = 0; i < workingDays; i++) result = nextWorkingDay(result);
    return result;
  };

  return { coveredYears: { first, last }, describe, isWorkingDay, nextWorkingDay, addWorkingDays };
};
