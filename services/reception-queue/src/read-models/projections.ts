/**
 * The read models fed by the service's public events (`queue.*`), under `ProjectionRunner`
 * (inbox row in the same transaction: a redelivered envelope never reaches `apply` twice).
 * Events of one office day arrive in order (they share the Kafka key), so the handlers follow
 * the ticket's life; they still tolerate a missing row where it is cheap.
 */
import type { ContractData, IntegrationEnvelope, queue } from '@adal/contracts';
import type { Projection } from '@adal/read-models';
import type { EntityManager } from '@mikro-orm/postgresql';
import { QueueDeskView, QueueServiceDayView, QueueTicketView, qualified } from './entities.js';

type Data<C> = ContractData<C>;
const at = (instant: string): Date => new Date(instant);

/**
 * Rows a batch has loaded, per transaction's EntityManager (filled by `prefetch`): `null` means
 * "looked up, not there", so applying a batch needs no query per event.
 */
const batchRows = new WeakMap<EntityManager, Map<string, object | null>>();
const rowsOf = (em: EntityManager): Map<string, object | null> => {
  let rows = batchRows.get(em);
  if (!rows) batchRows.set(em, (rows = new Map()));
  return rows;
};

const cached = async <T extends object>(
  em: EntityManager,
  key: string,
  load: () => Promise<T | null>,
): Promise<T | null> => {
  const known = batchRows.get(em);
  if (known?.has(key)) return known.get(key) as T | null;
  return load();
};
const remember = <T extends object>(em: EntityManager, key: string, row: T): T => {
  batchRows.get(em)?.set(key, row);
  return row;
};

// --- tickets (the live queue) ----------------------------------------------------------------------

const TICKET_EVENTS = [
  'queue.TicketIssued',
  'queue.TicketCalled',
  'queue.ServiceStarted',
  'queue.VisitServed',
  'queue.TicketNoShow',
  'queue.TicketTransferred',
  'queue.TicketParked',
  'queue.QueueDayClosed',
] as const;

const ticketKey = (ticketId: string) => `ticket:${ticketId}`;
const findTicket = (em: EntityManager, ticketId: string) =>
  cached(em, ticketKey(ticketId), () => em.findOne(QueueTicketView, { ticketId }));

const applyTicket = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  const updatedAt = at(envelope.time);
  if (envelope.type === 'queue.TicketIssued') {
    const d = envelope.data as Data<typeof queue.TicketIssued>;
    if (await findTicket(em, d.ticketId)) return;
    remember(
      em,
      ticketKey(d.ticketId),
      em.create(QueueTicketView, {
        ticketId: d.ticketId,
        officeId: d.officeId,
        date: d.date,
        number: d.number,
        serviceId: d.serviceId,
        firstServiceId: d.serviceId,
        channel: d.channel,
        priority: d.priority,
        status: 'waiting',
        issuedAt: at(d.issuedAt),
        recalls: 0,
        transfers: 0,
        updatedAt,
      }),
    );
    return;
  }
  if (envelope.type === 'queue.QueueDayClosed') {
    const d = envelope.data as Data<typeof queue.QueueDayClosed>;
    for (const ticketId of d.closedTicketIds) {
      const row = await findTicket(em, ticketId);
      if (row) Object.assign(row, { status: 'closed', finishedAt: at(d.closedAt), returnsAt: null, updatedAt });
    }
    return;
  }
  const d = envelope.data as { ticketId: string };
  const row = await findTicket(em, d.ticketId);
  if (!row) return; // its issue is in an older, pruned log: nothing to follow
  row.updatedAt = updatedAt;
  switch (envelope.type) {
    case 'queue.TicketCalled': {
      const c = envelope.data as Data<typeof queue.TicketCalled>;
      if (c.recall > 0) row.recalls = c.recall;
      else
        Object.assign(row, {
          status: 'called',
          deskId: c.deskId,
          calledAt: at(c.calledAt),
          recalls: 0,
          returnsAt: null,
          startedAt: null,
        });
      return;
    }
    case 'queue.ServiceStarted': {
      const s = envelope.data as Data<typeof queue.ServiceStarted>;
      Object.assign(row, { status: 'serving', startedAt: at(s.startedAt) });
      return;
    }
    case 'queue.VisitServed': {
      const v = envelope.data as Data<typeof queue.VisitServed>;
      Object.assign(row, {
        status: 'served',
        outcome: v.outcome,
        finishedAt: at(v.finishedAt),
        waitSeconds: v.waitSeconds,
        serviceSeconds: v.serviceSeconds,
      });
      return;
    }
    case 'queue.TicketNoShow': {
      const n = envelope.data as Data<typeof queue.TicketNoShow>;
      Object.assign(row, { status: 'no_show', finishedAt: at(n.at), waitSeconds: n.waitSeconds, recalls: n.recalls });
      return;
    }
    case 'queue.TicketTransferred': {
      const t = envelope.data as Data<typeof queue.TicketTransferred>;
      Object.assign(row, {
        status: 'waiting',
        serviceId: t.serviceId,
        deskId: null,
        calledAt: null,
        startedAt: null,
        recalls: 0,
        transfers: row.transfers + 1,
      });
      return;
    }
    case 'queue.TicketParked': {
      const t = envelope.data as Data<typeof queue.TicketParked>;
      Object.assign(row, {
        status: 'parked',
        deskId: null,
        returnsAt: at(t.returnsAt),
        calledAt: null,
        startedAt: null,
      });
      return;
    }
    default:
      return;
  }
};

const prefetchTickets = async (em: EntityManager, envelopes: readonly IntegrationEnvelope[]): Promise<void> => {
  const ids = new Set<string>();
  for (const e of envelopes) {
    if (e.type === 'queue.QueueDayClosed')
      for (const id of (e.data as { closedTicketIds: string[] }).closedTicketIds) ids.add(id);
    else ids.add((e.data as { ticketId: string }).ticketId);
  }
  if (ids.size === 0) return;
  const rows = rowsOf(em);
  for (const id of ids) rows.set(ticketKey(id), null);
  for (const row of await em.find(QueueTicketView, { ticketId: { $in: [...ids] } }))
    rows.set(ticketKey(row.ticketId), row);
};

export const ticketProjection: Projection = {
  name: 'queue-tickets',
  tables: [qualified('tickets')],
  handles: TICKET_EVENTS,
  apply: applyTicket,
  prefetch: prefetchTickets,
};

// --- desks -----------------------------------------------------------------------------------------

const DESK_EVENTS = [
  'queue.DeskStatusChanged',
  'queue.TicketCalled',
  'queue.VisitServed',
  'queue.TicketNoShow',
  'queue.TicketTransferred',
  'queue.TicketParked',
  'queue.QueueDayClosed',
] as const;

const deskKey = (officeId: string, date: string, deskId: string) => `desk:${officeId}|${date}|${deskId}`;
const deskRow = async (
  em: EntityManager,
  officeId: string,
  date: string,
  deskId: string,
  updatedAt: Date,
): Promise<QueueDeskView> =>
  (await cached(em, deskKey(officeId, date, deskId), () => em.findOne(QueueDeskView, { officeId, date, deskId }))) ??
  remember(
    em,
    deskKey(officeId, date, deskId),
    em.create(QueueDeskView, { officeId, date, deskId, status: 'open', updatedAt }),
  );

const applyDesk = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  const updatedAt = at(envelope.time);
  const d = envelope.data as { officeId: string; date: string; deskId: string; ticketId: string; number: string };
  switch (envelope.type) {
    case 'queue.DeskStatusChanged': {
      const row = await deskRow(em, d.officeId, d.date, d.deskId, updatedAt);
      Object.assign(row, {
        status: (envelope.data as { status: string }).status,
        ticketId: null,
        number: null,
        updatedAt,
      });
      return;
    }
    case 'queue.TicketCalled': {
      const row = await deskRow(em, d.officeId, d.date, d.deskId, updatedAt);
      Object.assign(row, { ticketId: d.ticketId, number: d.number, updatedAt });
      return;
    }
    case 'queue.VisitServed':
    case 'queue.TicketNoShow':
    case 'queue.TicketTransferred':
    case 'queue.TicketParked': {
      const row = await deskRow(em, d.officeId, d.date, d.deskId, updatedAt);
      if (row.ticketId === d.ticketId) Object.assign(row, { ticketId: null, number: null, updatedAt });
      return;
    }
    case 'queue.QueueDayClosed': {
      for (const row of await em.find(QueueDeskView, { officeId: d.officeId, date: d.date })) {
        Object.assign(row, { status: 'closed', ticketId: null, number: null, updatedAt });
      }
      return;
    }
  }
};

export const deskProjection: Projection = {
  name: 'queue-desks',
  tables: [qualified('desks')],
  handles: DESK_EVENTS,
  apply: applyDesk,
};

// --- daily statistics per service ------------------------------------------------------------------

const STATS_EVENTS = [
  'queue.TicketIssued',
  'queue.TicketCalled',
  'queue.VisitServed',
  'queue.TicketNoShow',
  'queue.TicketTransferred',
] as const;

const statsKey = (officeId: string, date: string, serviceId: string) => `stats:${officeId}|${date}|${serviceId}`;
const statsRow = async (
  em: EntityManager,
  officeId: string,
  date: string,
  serviceId: string,
  updatedAt: Date,
): Promise<QueueServiceDayView> =>
  (await cached(em, statsKey(officeId, date, serviceId), () =>
    em.findOne(QueueServiceDayView, { officeId, date, serviceId }),
  )) ??
  remember(
    em,
    statsKey(officeId, date, serviceId),
    em.create(QueueServiceDayView, {
      officeId,
      date,
      serviceId,
      tickets: 0,
      transfersIn: 0,
      served: 0,
      noShows: 0,
      waitSamples: [],
      serviceSamples: [],
      updatedAt,
    }),
  );

const applyStats = async (em: EntityManager, envelope: IntegrationEnvelope): Promise<void> => {
  const updatedAt = at(envelope.time);
  const d = envelope.data as { officeId: string; date: string; serviceId: string };
  const row = await statsRow(em, d.officeId, d.date, d.serviceId, updatedAt);
  row.updatedAt = updatedAt;
  switch (envelope.type) {
    case 'queue.TicketIssued':
      row.tickets += 1;
      return;
    case 'queue.TicketCalled': {
      const c = envelope.data as Data<typeof queue.TicketCalled>;
      // The wait of a ticket in this queue: its first call (recalls are the same wait).
      if (c.recall === 0 && c.waitSeconds !== undefined) row.waitSamples = [...row.waitSamples, c.waitSeconds];
      return;
    }
    case 'queue.VisitServed':
      row.served += 1;
      row.serviceSamples = [...row.serviceSamples, (envelope.data as Data<typeof queue.VisitServed>).serviceSeconds];
      return;
    case 'queue.TicketNoShow':
      row.noShows += 1;
      return;
    case 'queue.TicketTransferred':
      row.transfersIn += 1;
      return;
  }
};

const prefetchStats = async (em: EntityManager, envelopes: readonly IntegrationEnvelope[]): Promise<void> => {
  const days = new Map<string, { officeId: string; date: string }>();
  for (const e of envelopes) {
    const d = e.data as { officeId: string; date: string };
    days.set(`${d.officeId}|${d.date}`, { officeId: d.officeId, date: d.date });
  }
  const rows = rowsOf(em);
  for (const e of envelopes) {
    const d = e.data as { officeId: string; date: string; serviceId: string };
    if (!rows.has(statsKey(d.officeId, d.date, d.serviceId))) rows.set(statsKey(d.officeId, d.date, d.serviceId), null);
  }
  for (const day of days.values()) {
    for (const row of await em.find(QueueServiceDayView, day))
      rows.set(statsKey(row.officeId, row.date, row.serviceId), row);
  }
};

export const statsProjection: Projection = {
  name: 'queue-service-days',
  tables: [qualified('service_days')],
  handles: STATS_EVENTS,
  apply: applyStats,
  prefetch: prefetchStats,
};

export const allProjections = (): Projection[] => [ticketProjection, deskProjection, statsProjection];
