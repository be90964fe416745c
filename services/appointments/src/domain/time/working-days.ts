/**
 * Kazakhstan's working-day calendar for this domain: the holiday data and the Labour Code's rules
 * are @adal/domain-kit's; a date the calendar cannot answer for is refused with this domain's
 * `DomainError` (`INVALID_DATE`, `CALENDAR_NOT_COVERED`, texts in `messages.ts`).
 */
import {
  createWorkingDayCalendar as createCalendar,
  KAZAKHSTAN_PUBLIC_HOLIDAYS,
  type LocalDate,
  type PublicHolidayCalendarData,
  type WorkingDayCalendar,
} from '@adal/domain-kit';
import { refuse } from '../shared/domain-error.js';

export type { CalendarDay, DayKind, WorkingDayCalendar } from '@adal/domain-kit';

/** A working-day calendar over `data` that refuses with this domain's errors. */
export const createWorkingDayCalendar = (data: PublicHolidayCalendarData): WorkingDayCalendar =>
  createCalendar(data, { refuse });

/** Kazakhstan's calendar for the years in `KAZAKHSTAN_PUBLIC_HOLIDAYS`. */
export const kazakhstanWorkingDays: WorkingDayCalendar = createWorkingDayCalendar(KAZAKHSTAN_PUBLIC_HOLIDAYS);

export const isWorkingDay = (date: LocalDate): boolean => kazakhstanWorkingDays.isWorkingDay(date);
export const nextWorkingDay = (date: LocalDate): LocalDate => kazakhstanWorkingDays.nextWorkingDay(date);
export const addWorkingDays = (date: LocalDate, workingDays: number): LocalDate =>
  kazakhstanWorkingDays.addWorkingDays(date, workingDays);
