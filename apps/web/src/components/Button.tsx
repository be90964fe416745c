import type { ButtonHTMLAttributes, Ref } from 'react';

/**
 * A button that stays focusable while its action runs (`busy`: `aria-disabled`, clicks ignored),
 * so keyboard focus is never dropped to the page body mid-action.
 */
export const Button = ({
  busy = false,
  variant = 'primary',
  className,
  onClick,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  busy?: boolean;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  ref?: Ref<HTMLButtonElement>;
}) => (
  <button
    type={type}
    className={`button button-${variant}${className ? ` ${className}` : ''}`}
    aria-disabled={busy || undefined}
    onClick={(event) => {
      if (busy) {
        event.preventDefault();
        return;
      }
      onClick?.(event);
    }}
    {...rest}
  />
);
