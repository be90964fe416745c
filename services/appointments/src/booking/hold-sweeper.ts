import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { InjectPgPool } from '@adal/service-kit';
import { APPOINTMENTS_CONFIG, type AppointmentsConfig } from '../application/config.js';
import { CLOCK, type Clock } from '../application/clock.js';
import { ReceptionBookings } from './booking.workflow.js';

/**
 * Lapses holds nobody confirmed in time. Seats free themselves at expiry (the calendar stops
 * counting an expired hold), so this only tidies the booking and the citizen's quota; it may
 * run late or twice without harm, on any replica.
 */
@Injectable()
export class HoldSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HoldSweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly bookings: ReceptionBookings,
    @InjectPgPool() private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APPOINTMENTS_CONFIG) private readonly config: AppointmentsConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.holdSweepIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`sweep failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, this.config.holdSweepIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Returns how many holds it lapsed. */
  async sweep(): Promise<number> {
    const { rows } = await this.pool.query<{ booking_id: string }>(
      `SELECT booking_id FROM appointments_read.bookings
        WHERE status = 'held' AND hold_expires_at < $1 ORDER BY hold_expires_at LIMIT 200`,
      [this.clock.now()],
    );
    for (const { booking_id } of rows) await this.bookings.lapseExpiredHold(booking_id);
    return rows.length;
  }
}
