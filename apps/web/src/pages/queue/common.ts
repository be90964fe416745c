/**
 * Pieces shared by the queue pages: where a ticket's page is, the tickets taken on this
 * device (kept in localStorage, so "my ticket" survives a reload or a closed tab), the set-up
 * of an office, and how an estimate reads.
 */
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import type { QueueSetup, WaitEstimate } from '../../api/views';
import type { MessageKey, Params } from '../../i18n/i18n';

/** A confirmed in-person booking expected at the office that day (`GET .../arrivals`). */
export type ExpectedArrival = components['schemas']['ExpectedArrival'];
export type ArrivalStatus = ExpectedArrival['status'];
/** Figures of one service for a day (`GET .../stats`). */
export type ServiceStats = components['schemas']['QueueServiceStats'];
export type QueueStats = components['schemas']['QueueStatsResponse'];

type T = (key: MessageKey, params?: Params) => string;

export const ticketPath = (officeId: string, date: string, ticketId: string): string =>
  `/queue/${encodeURIComponent(officeId)}/${date}/tickets/${encodeURIComponent(ticketId)}`;

export const boardPath = (officeId: string): string => `/queue/${encodeURIComponent(officeId)}/board`;

/** The public statistics page of an office (a day with `date`, else today). */
export const statsPath = (officeId: string, date?: string): string =>
  `/queue/${encodeURIComponent(officeId)}/stats${date ? `?date=${date}` : ''}`;

/** The clerks' check-in screen of expected appointment arrivals. */
export const checkInPath = (officeId: string, date?: string): string =>
  `/queue/check-in?office=${encodeURIComponent(officeId)}${date ? `&date=${date}` : ''}`;

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

export const loadArrivals = async (officeId: string, date: string): Promise<ExpectedArrival[]> =>
  (await ok(api.GET('/api/v1/queue/offices/{officeId}/days/{date}/arrivals', { params: { path: { officeId, date } } })))
    .arrivals;

export const loadStats = (officeId: string, date: string): Promise<QueueStats> =>
  ok(api.GET('/api/v1/queue/offices/{officeId}/stats', { params: { path: { officeId }, query: { date } } }));

/** A booking reference as typed or shown, for matching: letters and digits only, lower case. */
export const normalizeReference = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
