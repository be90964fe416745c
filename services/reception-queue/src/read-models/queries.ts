/**
 * What the HTTP side reads from the read model (eventually consistent with the store): daily
 * statistics per service, the live queue and desk states of a day.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { instantFromEpochMs, median, percentile, type Instant, type LocalDate } from '../domain/index.js';
import { QueueDeskView, QueueServiceDayView, QueueTicketView } from './entities.js';

export interface ServiceStats {
  serviceId: string;
  tickets: number;
  /** Minutes, one decimal; null before any call. */
  waitMedianMin: number | null;
  waitP90Min: number | null;
  /** Minutes, one decimal; null before any visit served. */
  serviceMedianMin: number | null;
  noShows: number;
  served: number;
  transfersIn: number;
}

export interface LiveTicket {
  ticketId: string;
  number: string;
  serviceId: string;
  status: string;
  priority: string;
  deskId?: string;
  issuedAt: Instant;
}

const minutes = (seconds: number): number => Math.round((seconds / 60) * 10) / 10;
const iso = (date: Date): Instant => instantFromEpochMs(date.getTime());

export class QueueQueries {
  constructor(private readonly orm: MikroORM) {}

  /** Per service of the day, in `serviceOrder` first (the office's services), then any other. */
  async stats(officeId: string, date: LocalDate, serviceOrder: readonly string[] = []): Promise<ServiceStats[]> {
    const rows = await this.orm.em.fork().find(QueueServiceDayView, { officeId, date });
    const byService = new Map(rows.map((r) => [r.serviceId, r]));
    const ids = [
      ...serviceOrder,
      ...rows
        .map((r) => r.serviceId)
        .filter((id) => !serviceOrder.includes(id))
        .sort(),
    ];
    return ids.map((serviceId) => {
      const row = byService.get(serviceId);
      const waits = row?.waitSamples ?? [];
      const services = row?.serviceSamples ?? [];
      return {
        serviceId,
        tickets: row?.tickets ?? 0,
        waitMedianMin: waits.length ? minutes(median(waits)) : null,
        waitP90Min: waits.length ? minutes(percentile(waits, 90)) : null,
        serviceMedianMin: services.length ? minutes(median(services)) : null,
        noShows: row?.noShows ?? 0,
        served: row?.served ?? 0,
        transfersIn: row?.transfersIn ?? 0,
      };
    });
  }

  /** Tickets still in the office's hands, in issue order. */
  async liveQueue(officeId: string, date: LocalDate): Promise<LiveTicket[]> {
    const rows = await this.orm.em
      .fork()
      .find(
        QueueTicketView,
        { officeId, date, status: { $in: ['waiting', 'parked', 'called', 'serving'] } },
        { orderBy: { issuedAt: 'asc', number: 'asc' } },
      );
    return rows.map((r) => ({
      ticketId: r.ticketId,
      number: r.number,
      serviceId: r.serviceId,
      status: r.status,
      priority: r.priority,
      ...(r.deskId ? { deskId: r.deskId } : {}),
      issuedAt: iso(r.issuedAt),
    }));
  }

  async deskStates(
    officeId: string,
    date: LocalDate,
  ): Promise<Array<{ deskId: string; status: string; number: string | null }>> {
    const rows = await this.orm.em.fork().find(QueueDeskView, { officeId, date }, { orderBy: { deskId: 'asc' } });
    return rows.map((r) => ({ deskId: r.deskId, status: r.status, number: r.number ?? null }));
  }
}
