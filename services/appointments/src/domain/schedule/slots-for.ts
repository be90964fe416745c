import type { ReceptionSlot } from '../shared/reception.js';
import { dayOfWeek, minutesOfDay, timeOfDay, type LocalDate } from '@adal/domain-kit';
import type { WorkingDayCalendar } from '../time/working-days.js';
import type { ReceptionHours, ReceptionRule, ReceptionScheduleState } from './reception-schedule.js';

/** Does the rule give hours on this date (validity and weekday; working days are checked apart)? */
export const ruleAppliesOn = (rule: ReceptionRule, date: LocalDate): boolean => {
  if (date < rule.validFrom || (rule.validTo !== undefined && date > rule.validTo)) return false;
  return rule.recurrence === 'daily' || dayOfWeek(date) === rule.weekday;
};

/** Half-open intervals `[start, end)` overlap. `HH:mm` strings compare like the times they are. */
export const hoursOverlap = (
  a: Pick<ReceptionHours, 'start' | 'end'>,
  b: Pick<ReceptionHours, 'start' | 'end'>,
): boolean => a.start < b.end && b.start < a.end;

/**
 * Consecutive slots of `slotMinutes` from `start`; only whole slots that fit within `[start, end)`
 * (09:00-10:50 in 30-minute slots gives 09:00, 09:30, 10:00 - the last 20 minutes stay unbooked).
 */
export const cutIntoSlots = (hours: ReceptionHours): ReceptionSlot[] => {
  const slots: ReceptionSlot[] = [];
  const end = minutesOfDay(hours.end);
  for (let start = minutesOfDay(hours.start); start + hours.slotMinutes <= end; start += hours.slotMinutes) {
    slots.push({
      start: timeOfDay(start),
      end: timeOfDay(start + hours.slotMinutes),
      capacity: hours.capacity,
      mode: hours.mode,
      ...(hours.mode === 'in_person' && hours.officeId ? { officeId: hours.officeId } : {}),
    });
  }
  return slots;
};

/**
 * The bookable slots of one local date, sorted by start: none on a non-working day or a cancelled
 * day; otherwise the slots of every rule in force that day plus the day's extra hours.
 * This is what `OpenReceptionDay` freezes into the day's calendar.
 */
export const slotsFor = (
  schedule: ReceptionScheduleState,
  date: LocalDate,
  calendar: Pick<WorkingDayCalendar, 'isWorkingDay'>,
): ReceptionSlot[] => {
  if (!schedule.official) return [];
  if (!calendar.isWorkingDay(date)) return [];
  const day = schedule.days[date];
  if (day?.cancelled) return [];
  const hours: ReceptionHours[] = [
    ...Object.values(schedule.rules).filter((rule) => ruleAppliesOn(rule, date)),
    ...(day?.extraHours ?? []),
  ];
  const slots = hours.flatMap(cutIntoSlots).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  // The decider refuses overlapping hours, so this keeps every slot; it is a guard so a calendar
  // can never be opened with two slots competing for the same minutes.
  const result: ReceptionSlot[] = [];
  for (const slot of slots) {
    const previous = result[result.length - 1];
    if (!previous || previous.end <= slot.start) result.push(slot);
  }
  return result;
};
