/**
 * Form fields with their label, hint and error wired for assistive technology: the error and
 * hint are referenced by `aria-describedby`, an invalid field says `aria-invalid`, a group of
 * radios is a fieldset with a legend.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n';

interface Common {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

const describedBy = (id: string, hint: unknown, error: unknown): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export const FieldError = ({ id, error }: { id: string; error?: string | undefined }) => {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">{t('errors.prefix')} </span>
      {error}
    </p>
  );
};

const Label = ({ id, label, optional }: Pick<Common, 'id' | 'label' | 'optional'>) => {
  const { t } = useI18n();
  return (
    <label htmlFor={id} className="field-label">
      {label}
      {optional ? <span className="field-optional"> ({t('form.optional')})</span> : null}
    </label>
  );
};

const Hint = ({ id, hint }: { id: string; hint?: ReactNode }) =>
  hint ? (
    <p id={`${id}-hint`} className="field-hint">
      {hint}
    </p>
  ) : null;

export const TextField = ({
  id,
  label,
  hint,
  error,
  optional,
  className,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) => (
  <div className={`field${error ? ' field-invalid' : ''}`}>
    <Label id={id} label={label} optional={optional} />
    <Hint id={id} hint={hint} />
    <FieldError id={id} error={error} />
    <input
      id={id}
      name={id}
      className={`input ${className ?? ''}`}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      aria-required={optional ? undefined : true}
      {...input}
    />
  </div>
);

export const TextAreaField = ({
  id,
  label,
  hint,
  error,
  optional,
  ...input
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) => (
  <div className={`field${error ? ' field-invalid' : ''}`}>
    <Label id={id} label={label} optional={optional} />
    <Hint id={id} hint={hint} />
    <FieldError id={id} error={error} />
    <textarea
      id={id}
      name={id}
      className="input textarea"
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      aria-required={optional ? undefined : true}
      {...input}
    />
  </div>
);

export interface Option {
  value: string;
  label: string;
  /** Rich label for radios (defaults to `label`). */
  content?: ReactNode;
  hint?: string;
  disabled?: boolean;
  lang?: string;
}

export const SelectField = ({
  id,
  label,
  hint,
  error,
  optional,
  options,
  ...select
}: Common & { options: Option[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) => (
  <div className={`field${error ? ' field-invalid' : ''}`}>
    <Label id={id} label={label} optional={optional} />
    <Hint id={id} hint={hint} />
    <FieldError id={id} error={error} />
    <select
      id={id}
      name={id}
      className="input select"
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      aria-required={optional ? undefined : true}
      {...select}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled} lang={o.lang}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/**
 * Radios in a fieldset. The id is given to the first enabled radio, so an error summary link
 * (`#id`) lands on the group.
 */
export const RadioGroup = ({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  inline = false,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  inline?: boolean;
}) => {
  const firstEnabled = options.findIndex((o) => !o.disabled);
  return (
    <fieldset
      className={`field fieldset${error ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field-label">{legend}</legend>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className={inline ? 'radios radios-inline' : 'radios'}>
        {options.map((o, i) => {
          const radioId = i === firstEnabled ? id : `${id}-${o.value}`;
          return (
            <div className="radio" key={o.value}>
              <input
                type="radio"
                id={radioId}
                name={id}
                value={o.value}
                checked={value === o.value}
                disabled={o.disabled}
                onChange={() => onChange(o.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={o.hint ? `${radioId}-hint` : undefined}
              />
              <label htmlFor={radioId} lang={o.lang}>
                {o.content ?? o.label}
              </label>
              {o.hint ? (
                <p id={`${radioId}-hint`} className="field-hint radio-hint">
                  {o.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
};
