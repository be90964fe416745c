/** A fictional office and its day for specs. */
import { DEFAULT_QUEUE_POLICY } from '../queue/priority.js';
import type { QueueSetup } from '../office/office-setup.js';
import type { OfficeDayEvent, TicketIssued } from '../queue/office-day.js';
import { ticketNumber } from '../queue/office-day.decider.js';

export const OFFICE_ID = 'office-spec';
export const DATE = '2026-04-06';
export const at = (time: string): string => `${DATE}T${time}${time.length === 5 ? ':00' : ''}+05:00`;
export const NOW = at('10:00');

export const SETUP: QueueSetup = {
  services: [
    {
      serviceId: 'documents',
      prefix: 'A',
      name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' },
      expectedMinutes: 10,
    },
    {
      serviceId: 'social',
      prefix: 'B',
      name: { kk: 'Әлеуметтік төлемдер', ru: 'Социальные выплаты', en: 'Social payments' },
      expectedMinutes: 15,
    },
  ],
  desks: [
    { deskId: 'd1', name: '1', serviceIds: ['documents'] },
    { deskId: 'd2', name: '2', serviceIds: ['documents', 'social'] },
    { deskId: 'd3', name: '3', serviceIds: ['social'] },
  ],
  hours: { open: '09:00', close: '18:00' },
  policy: DEFAULT_QUEUE_POLICY,
  appointmentServiceId: 'documents',
};

export const opened: OfficeDayEvent = {
  type: 'QueueDayOpened',
  data: { officeId: OFFICE_ID, date: DATE, setup: SETUP, openedAt: at('08:50') },
};

const PREFIX: Record<string, string> = { documents: 'A', social: 'B' };
const LEVEL = { appointment: 0, disabled: 2, elderly: 2, pregnant: 2, standard: 3 } as const;

/** `TicketIssued` for the n-th ticket of its prefix, `queueSeq` the n-th of the day. */
export const issued = (
  ticketId: string,
  serviceId: string,
  seq: number,
  queueSeq: number,
  options: Partial<TicketIssued['data']> = {},
): OfficeDayEvent => {
  const priority = options.priority ?? 'standard';
  return {
    type: 'TicketIssued',
    data: {
      ticketId,
      number: ticketNumber(PREFIX[serviceId]!, seq),
      prefix: PREFIX[serviceId]!,
      seq,
      serviceId,
      origin: 'kiosk',
      priority,
      level: LEVEL[priority],
      queueSeq,
      issuedAt: at('09:30'),
      ...options,
    },
  };
};

export const deskOpened = (deskId: string, time = '09:00'): OfficeDayEvent => ({
  type: 'DeskOpened',
  data: { deskId, at: at(time) },
});

export const called = (
  ticketId: string,
  number: string,
  serviceId: string,
  deskId: string,
  time = '10:00',
  waitSeconds = 1800,
): OfficeDayEvent => ({
  type: 'TicketCalled',
  data: { ticketId, number, serviceId, deskId, calledAt: at(time), waitSeconds },
});

export const started = (
  ticketId: string,
  number: string,
  serviceId: string,
  deskId: string,
  time = '10:01',
): OfficeDayEvent => ({
  type: 'ServiceStarted',
  data: { ticketId, number, serviceId, deskId, startedAt: at(time) },
});

export const recalled = (
  ticketId: string,
  number: string,
  serviceId: string,
  deskId: string,
  recall: number,
  time = '10:02',
): OfficeDayEvent => ({
  type: 'TicketRecalled',
  data: { ticketId, number, serviceId, deskId, recall, at: at(time) },
});
