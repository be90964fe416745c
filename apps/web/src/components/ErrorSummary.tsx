import { useEffect, useRef, type MouseEvent } from 'react';
import { useI18n } from '../i18n/i18n';

export interface FormError {
  /** Id of the field it is about; none for a problem with the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * The list of a form's problems above the form, each linking to its field. It takes focus each
 * time `attempt` changes with errors to show (i.e. after a failed submit).
 */
export const ErrorSummary = ({ errors, attempt, id = 'error-summary' }: { errors: FormError[]; attempt: number; id?: string }) => {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0 && errors.length > 0) box.current?.focus();
    // Only after a submit, not on every keystroke that changes the errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  if (errors.length === 0) return null;
  const jump = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  };
  return (
    <div ref={box} className="error-summary" tabIndex={-1} aria-labelledby={`${id}-title`} role="group" id={id}>
      <h2 id={`${id}-title`} className="error-summary-title">
        {t('errors.summaryTitle')}
      </h2>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.fieldId ?? ''}-${i}`}>
            {e.fieldId ? (
              <a href={`#${e.fieldId}`} onClick={(event) => jump(event, e.fieldId!)}>
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};
