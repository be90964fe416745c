import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal confirmation on the native `<dialog>`: the page behind is inert, Escape closes it,
 * focus starts on `initialFocus` and returns to what had it before when the dialog closes.
 */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onClose,
  busy = false,
  danger = false,
  initialFocus = 'confirm',
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  danger?: boolean;
  initialFocus?: 'confirm' | 'cancel';
}) => {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      (initialFocus === 'cancel' ? cancel : confirm).current?.focus();
    } else if (!open && element.open) element.close();
  }, [open, initialFocus]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => open && onClose()}
    >
      <h2 id={`${id}-title`} className="dialog-title">
        {title}
      </h2>
      <div id={`${id}-body`} className="dialog-body">
        {children}
      </div>
      <div className="actions">
        <button ref={confirm} type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={() => !busy && onConfirm()} aria-disabled={busy || undefined}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button button-secondary" onClick={() => !busy && onClose()} aria-disabled={busy || undefined}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
};
