import type { Decider } from '@adal/event-store';
import { minutesOfDay, unknownCommand, WEEKDAYS, type LocalDate } from '@adal/domain-kit';
import { refuse } from '../shared/domain-error.js';
import { RECEPTION_MODES } from '../shared/reception.js';
import {
  optionalText,
  requireChoice,
  requireDate,
  requireId,
  requireInteger,
  requireText,
  requireTime,
} from '../shared/validation.js';
import {
  OFFICIAL_RANKS,
  RECURRENCES,
  type ChangeReceptionDay,
  type OfficialProfile,
  type PublishReceptionRule,
  type ReceptionDayOverride,
  type ReceptionHours,
  type ReceptionRule,
  type ReceptionScheduleCommand,
  type ReceptionScheduleEvent,
  type ReceptionScheduleState,
  type RegisterOfficial,
  type WithdrawReceptionRule,
} from './reception-schedule.js';
import { hoursOverlap, ruleAppliesOn } from './slots-for.js';

const MAX_NAME_LENGTH = 200;
const MAX_REASON_LENGTH = 500;
/** Receptions are cut into slots of 5 minutes to 8 hours. */
const SLOT_MINUTES = { min: 5, max: 480 } as const;
/** Citizens received together in one slot. */
const CAPACITY = { min: 1, max: 100 } as const;
/** Receptions happen on working days; weekly rules name a weekday Monday to Friday. */
const RECEPTION_WEEKDAYS = WEEKDAYS.slice(0, 5);

export const initialReceptionScheduleState = (): ReceptionScheduleState => ({
  rules: {},
  withdrawnRuleIds: [],
  days: {},
});

const requireOfficial = (state: ReceptionScheduleState): OfficialProfile =>
  state.official ?? refuse('OFFICIAL_NOT_REGISTERED', { field: 'officialId' });

const field = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

/**
 * Checks hours shared by rules and extra hours. In-person hours take the official's office when
 * none is given; remote hours never carry an office (there is none to come to).
 */
const validateHours = (hours: ReceptionHours, official: OfficialProfile, prefix = ''): ReceptionHours => {
  const start = requireTime(hours.start, field(prefix, 'start'));
  const end = requireTime(hours.end, field(prefix, 'end'));
  if (minutesOfDay(end) <= minutesOfDay(start)) refuse('END_BEFORE_START', { field: field(prefix, 'end') });
  const slotMinutes = requireInteger(
    hours.slotMinutes,
    field(prefix, 'slotMinutes'),
    SLOT_MINUTES.min,
    SLOT_MINUTES.max,
  );
  if (slotMinutes > minutesOfDay(end) - minutesOfDay(start)) {
    refuse('SLOT_DOES_NOT_FIT', { field: field(prefix, 'slotMinutes') });
  }
  const capacity = requireInteger(hours.capacity, field(prefix, 'capacity'), CAPACITY.min, CAPACITY.max);
  const mode = requireChoice(hours.mode, RECEPTION_MODES, field(prefix, 'mode'));
  if (mode === 'remote') return { start, end, slotMinutes, capacity, mode };
  const officeId =
    hours.officeId === undefined || hours.officeId === ''
      ? official.officeId || refuse('OFFICE_REQUIRED', { field: field(prefix, 'officeId') })
      : requireId(hours.officeId, field(prefix, 'officeId'));
  return { start, end, slotMinutes, capacity, mode, officeId };
};

const validityOverlaps = (a: ReceptionRule, b: ReceptionRule): boolean =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

const weekdaysOverlap = (a: ReceptionRule, b: ReceptionRule): boolean =>
  a.recurrence === 'daily' || b.recurrence === 'daily' || a.weekday === b.weekday;

// An official cannot receive two queues of citizens at once, and a calendar identifies a slot
// by its start time, so hours of one official must never overlap - whatever their mode.
const refuseOverlapWithRules = (
  state: ReceptionScheduleState,
  hours: ReceptionHours,
  appliesTo: (rule: ReceptionRule) => boolean,
): void => {
  for (const rule of Object.values(state.rules)) {
    if (appliesTo(rule) && hoursOverlap(rule, hours)) {
      refuse('HOURS_OVERLAP', { field: 'start', params: { conflictsWith: rule.ruleId } });
    }
  }
};

const registerOfficial = ({ data }: RegisterOfficial, state: ReceptionScheduleState): ReceptionScheduleEvent[] => {
  if (state.official) refuse('OFFICIAL_ALREADY_REGISTERED', { field: 'officialId' });
  const profile: OfficialProfile = {
    officialId: requireId(data.officialId, 'officialId'),
    officeId: requireId(data.officeId, 'officeId'),
    rank: requireChoice(data.rank, OFFICIAL_RANKS, 'rank'),
    displayName: {
      kk: requireText(data.displayName?.kk, 'displayName.kk', MAX_NAME_LENGTH),
      ru: requireText(data.displayName?.ru, 'displayName.ru', MAX_NAME_LENGTH),
      en: requireText(data.displayName?.en, 'displayName.en', MAX_NAME_LENGTH),
    },
  };
  return [{ type: 'OfficialRegistered', data: profile }];
};

const publishReceptionRule = (
  { data }: PublishReceptionRule,
  state: ReceptionScheduleState,
): ReceptionScheduleEvent[] => {
  const official = requireOfficial(state);
  const ruleId = requireId(data.ruleId, 'ruleId');
  if (state.rules[ruleId] || state.withdrawnRuleIds.includes(ruleId)) {
    refuse('RULE_ALREADY_PUBLISHED', { field: 'ruleId' });
  }
  const recurrence = requireChoice(data.recurrence, RECURRENCES, 'recurrence');
  if (recurrence === 'daily' && official.rank === 'head') refuse('HEAD_RECEIVES_WEEKLY', { field: 'recurrence' });
  if (recurrence === 'daily' && data.weekday !== undefined) refuse('WEEKDAY_NOT_ALLOWED', { field: 'weekday' });
  const weekday = recurrence === 'weekly' ? requireChoice(data.weekday, RECEPTION_WEEKDAYS, 'weekday') : undefined;
  const validFrom = requireDate(data.validFrom, 'validFrom');
  const validTo = data.validTo === undefined ? undefined : requireDate(data.validTo, 'validTo');
  if (validTo !== undefined && validTo < validFrom) refuse('VALID_TO_BEFORE_FROM', { field: 'validTo' });
  const hours = validateHours(data, official);

  const rule: ReceptionRule = {
    ruleId,
    recurrence,
    ...(weekday ? { weekday } : {}),
    ...hours,
    validFrom,
    ...(validTo ? { validTo } : {}),
  };
  refuseOverlapWithRules(state, hours, (other) => validityOverlaps(rule, other) && weekdaysOverlap(rule, other));
  for (const [date, day] of Object.entries(state.days)) {
    if (!ruleAppliesOn(rule, date)) continue;
    for (const extra of day.extraHours) {
      if (hoursOverlap(extra, hours)) refuse('HOURS_OVERLAP', { field: 'start', params: { conflictsWith: date } });
    }
  }
  return [{ type: 'ReceptionRulePublished', data: { officialId: official.officialId, rule } }];
};

const withdrawReceptionRule = (
  { data }: WithdrawReceptionRule,
  state: ReceptionScheduleState,
): ReceptionScheduleEvent[] => {
  const official = requireOfficial(state);
  const ruleId = requireId(data.ruleId, 'ruleId');
  if (state.withdrawnRuleIds.includes(ruleId)) return []; // already withdrawn: nothing to do
  if (!state.rules[ruleId]) refuse('RULE_UNKNOWN', { field: 'ruleId' });
  return [{ type: 'ReceptionRuleWithdrawn', data: { officialId: official.officialId, ruleId } }];
};

const changeReceptionDay = ({ data }: ChangeReceptionDay, state: ReceptionScheduleState): ReceptionScheduleEvent[] => {
  const official = requireOfficial(state);
  const date = requireDate(data.date, 'date');
  const day = state.days[date];
  const change = data.change ?? refuse('FIELD_REQUIRED', { field: 'change' });
  const kind = requireChoice(change.kind, ['cancel', 'extra_hours'] as const, 'change.kind');

  if (kind === 'cancel') {
    if (day?.cancelled) return []; // cancelling twice changes nothing
    const reason =
      change.kind === 'cancel' ? optionalText(change.reason, 'change.reason', MAX_REASON_LENGTH) : undefined;
    return [
      { type: 'ReceptionDayCancelled', data: { officialId: official.officialId, date, ...(reason ? { reason } : {}) } },
    ];
  }

  if (day?.cancelled) refuse('DAY_CANCELLED', { field: 'date' });
  const hours = validateHours(change as ReceptionHours, official, 'change');
  refuseOverlapWithRules(state, hours, (rule) => ruleAppliesOn(rule, date));
  for (const extra of day?.extraHours ?? []) {
    if (hoursOverlap(extra, hours)) refuse('HOURS_OVERLAP', { field: 'change.start', params: { conflictsWith: date } });
  }
  // Extra hours on a non-working day are recorded but yield no slots (`slotsFor` skips such days);
  // the official console warns about it, the decider cannot (it has no calendar).
  return [{ type: 'ExtraReceptionHoursAdded', data: { officialId: official.officialId, date, hours } }];
};

const dayOverride = (state: ReceptionScheduleState, date: LocalDate): ReceptionDayOverride =>
  state.days[date] ?? { cancelled: false, extraHours: [] };

export const evolveReceptionSchedule = (
  state: ReceptionScheduleState,
  event: ReceptionScheduleEvent,
): ReceptionScheduleState => {
  switch (event.type) {
    case 'OfficialRegistered':
      return { ...state, official: event.data };
    case 'ReceptionRulePublished':
      return { ...state, rules: { ...state.rules, [event.data.rule.ruleId]: event.data.rule } };
    case 'ReceptionRuleWithdrawn': {
      const { [event.data.ruleId]: _withdrawn, ...rules } = state.rules;
      return { ...state, rules, withdrawnRuleIds: [...state.withdrawnRuleIds, event.data.ruleId] };
    }
    case 'ReceptionDayCancelled': {
      const day = dayOverride(state, event.data.date);
      const cancelled: ReceptionDayOverride = {
        ...day,
        cancelled: true,
        ...(event.data.reason ? { cancelReason: event.data.reason } : {}),
      };
      return { ...state, days: { ...state.days, [event.data.date]: cancelled } };
    }
    case 'ExtraReceptionHoursAdded': {
      const day = dayOverride(state, event.data.date);
      const extended: ReceptionDayOverride = { ...day, extraHours: [...day.extraHours, event.data.hours] };
      return { ...state, days: { ...state.days, [event.data.date]: extended } };
    }
    default:
      return state; // an event type from a newer version: nothing this version knows to fold
  }
};

export const decideReceptionSchedule = (
  command: ReceptionScheduleCommand,
  state: ReceptionScheduleState,
): ReceptionScheduleEvent[] => {
  switch (command.type) {
    case 'RegisterOfficial':
      return registerOfficial(command, state);
    case 'PublishReceptionRule':
      return publishReceptionRule(command, state);
    case 'WithdrawReceptionRule':
      return withdrawReceptionRule(command, state);
    case 'ChangeReceptionDay':
      return changeReceptionDay(command, state);
    default:
      return unknownCommand(command);
  }
};

export const receptionScheduleDecider: Decider<
  ReceptionScheduleCommand,
  ReceptionScheduleState,
  ReceptionScheduleEvent
> = {
  decide: decideReceptionSchedule,
  evolve: evolveReceptionSchedule,
  initialState: initialReceptionScheduleState,
};
