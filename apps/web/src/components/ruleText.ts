import { WEEKDAY_NAMES, type ReceptionRule } from '../api/views';
import { REFERENCE_MONDAY, useI18n } from '../i18n/i18n';

/** "Every Wednesday, 10:00–13:00, in person" */
export const useRuleText = () => {
  const { t, fmt } = useI18n();
  const day = REFERENCE_MONDAY;
  return (rule: ReceptionRule) => {
    const hours = `${fmt.time(day, rule.start)}–${fmt.time(day, rule.end)}`;
    const mode = t(rule.mode === 'remote' ? 'mode.remote' : 'mode.in_person');
    return rule.recurrence === 'weekly' && rule.weekday
      ? t('rule.weekly', { weekday: fmt.weekday(WEEKDAY_NAMES.indexOf(rule.weekday) + 1), hours, mode })
      : t('rule.daily', { hours, mode });
  };
};
