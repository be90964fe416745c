/**
 * Screen-reader announcements: one polite and one assertive live region, always in the page
 * (a region must exist before its text changes to be read). `announce` also keeps the last
 * message as a "flash" that the next page can show visibly (e.g. "Booking confirmed" on
 * My bookings after confirming).
 */
import type { Booking } from './api/views';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Politeness = 'polite' | 'assertive';

export interface Flash {
  kind: 'success' | 'error' | 'info';
  text: string;
  /** The booking a command just changed, for a list that may not show the change yet. */
  booking?: Booking;
}

interface LiveValue {
  announce: (text: string, politeness?: Politeness) => void;
  /** A message for the next page to show (and announce) once. */
  setFlash: (flash: Flash) => void;
  takeFlash: () => Flash | null;
}

const LiveContext = createContext<LiveValue | null>(null);

export const LiveProvider = ({ children }: { children: ReactNode }) => {
  const [messages, setMessages] = useState<{ polite: string; assertive: string }>({ polite: '', assertive: '' });
  const flash = useRef<Flash | null>(null);
  const timers = useRef<number[]>([]);

  const announce = useCallback((text: string, politeness: Politeness = 'polite') => {
    // Clear first, so the same text said twice is read twice.
    setMessages((m) => ({ ...m, [politeness]: '' }));
    timers.current.push(
      window.setTimeout(() => setMessages((m) => ({ ...m, [politeness]: text })), 60),
    );
  }, []);

  const setFlash = useCallback((next: Flash) => {
    flash.current = next;
  }, []);
  const takeFlash = useCallback(() => {
    const value = flash.current;
    flash.current = null;
    return value;
  }, []);

  const value = useMemo(() => ({ announce, setFlash, takeFlash }), [announce, setFlash, takeFlash]);
  return (
    <LiveContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {messages.polite}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {messages.assertive}
      </div>
    </LiveContext.Provider>
  );
};

export const useLive = (): LiveValue => {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
};
