import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Booking } from '../api/views';

/** What says whether a list has caught up with a command's answer. */
type Tracked = Pick<Booking, 'bookingId' | 'status' | 'date' | 'slotStart' | 'outcome'>;

const sameState = (a: Tracked, b: Tracked) =>
  a.status === b.status && a.date === b.date && a.slotStart === b.slotStart && (a.outcome ?? null) === (b.outcome ?? null);

/**
 * Lists come from read models, which follow the bookings a moment later. A booking a command has
 * just answered with is shown as the command said until the list agrees; meanwhile the list is
 * reloaded every `intervalMs` (at most `tries` times). Rows are the list's items (`T`), with what
 * a command answered laid over them, or that answer alone while the list does not have it yet.
 */
export const useBookingOverrides = <T extends Tracked>(
  list: T[] | undefined,
  reload: () => void,
  initial?: Booking,
  { intervalMs = 700, tries = 20 } = {},
) => {
  const [overrides, setOverrides] = useState<Record<string, Booking>>(() => (initial ? { [initial.bookingId]: initial } : {}));
  const [left, setLeft] = useState(tries);

  const remember = useCallback(
    (booking: Booking) => {
      setOverrides((o) => ({ ...o, [booking.bookingId]: { ...o[booking.bookingId], ...booking } }));
      setLeft(tries);
    },
    [tries],
  );

  // Forget overrides the list has caught up with.
  useEffect(() => {
    if (!list) return;
    setOverrides((o) => {
      const next = { ...o };
      let changed = false;
      for (const b of list) {
        const known = next[b.bookingId];
        if (known && sameState(known, b)) {
          delete next[b.bookingId];
          changed = true;
        }
      }
      return changed ? next : o;
    });
  }, [list]);

  const pending = Object.keys(overrides).length > 0;
  useEffect(() => {
    if (!pending || left <= 0) return;
    const timer = window.setTimeout(() => {
      setLeft((n) => n - 1);
      reload();
    }, intervalMs);
    return () => window.clearTimeout(timer);
  }, [pending, left, list, reload, intervalMs]);

  const merged = useMemo((): (T | Booking)[] => {
    const rows = (list ?? []).map((b): T | Booking => {
      const override = overrides[b.bookingId];
      return override ? { ...b, ...override } : b;
    });
    const missing = Object.values(overrides).filter((o) => !rows.some((b) => b.bookingId === o.bookingId));
    return [...missing, ...rows];
  }, [list, overrides]);

  return { merged, remember };
};
