/**
 * Pieces shared by the queue pages: where a ticket's page is, the tickets taken on this
 * device (kept in localStorage, so "my ticket" survives a reload or a closed tab), the set-up
 * of an office, and how an estimate reads.
 */
import { api, ok } from '../../api/client';
import type { QueueSetup, WaitEstimate } from '../../api/views';
import type { MessageKey, Params } from '../../i18n/i18n';

type T = (key: MessageKey, params?: Params) => string;

export const ticketPath = (officeId: string, date: string, ticketId: string): string =>
  `/queue/${encodeURIComponent(officeId)}/${date}/tickets/${encodeURIComponent(ticketId)}`;

export const boardPath = (officeId: string): string => `/queue/${encodeURIComponent(officeId)}/board`;

export const isDate = (value: string | null | undefined): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

export interface RememberedTicket {
  officeId: string;
  date: string;
  ticketId: string;
  number: string;
}

const STORAGE_KEY = 'adal.queue.tickets';

export const rememberedTickets = (): RememberedTicket[] => {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const list = raw ? (JSON.parse(raw) as RememberedTicket[]) : [];
    return Array.isArray(list)
      ? list.filter((t) => typeof t?.ticketId === 'string' && typeof t.number === 'string')
      : [];
  } catch {
    return [];
  }
};

/** Keeps a taken ticket (the latest 20, only this device). */
export const rememberTicket = (ticket: RememberedTicket): void => {
  try {
    const list = [ticket, ...rememberedTickets().filter((t) => t.ticketId !== ticket.ticketId)].slice(0, 20);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // storage unavailable: the ticket page still works from its address
  }
};

export const loadSetup = (officeId: string): Promise<QueueSetup> =>
  ok(api.GET('/api/v1/queue/offices/{officeId}/setup', { params: { path: { officeId } } }));

/** "About 12 min (usually 8–20 min)", or without the range when there is no uncertainty. */
export const estimateText = (estimate: WaitEstimate, t: T): string => {
  const minutes = Math.max(0, Math.round(estimate.minutes));
  const low = Math.max(0, Math.round(Math.min(estimate.low, minutes)));
  const high = Math.max(minutes, Math.round(estimate.high));
  return low === high ? t('queue.estimateExact', { minutes }) : t('queue.estimateRange', { minutes, low, high });
};
