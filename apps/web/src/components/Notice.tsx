import { forwardRef, type ReactNode } from 'react';

/** A visible message box. Announcing is the caller's (useLive), so it is never read twice. */
export const Notice = forwardRef<HTMLDivElement, { kind: 'success' | 'error' | 'info' | 'warning'; children: ReactNode; id?: string }>(
  ({ kind, children, id }, ref) => (
    <div ref={ref} id={id} className={`notice notice-${kind}`} tabIndex={-1}>
      {children}
    </div>
  ),
);
Notice.displayName = 'Notice';
