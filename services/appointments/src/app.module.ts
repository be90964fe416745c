import { Module } from '@nestjs/common';
import type { EventStore } from '@adal/event-store';
import { AggregateCache, uuidv7 } from '@adal/event-store';
import { EVENT_STORE, readPackageVersion, ServiceKitModule } from '@adal/service-kit';
import { APPOINTMENTS_CONFIG, appointmentsConfigFromEnv, type AppointmentsConfig } from './application/config.js';
import { CLOCK, ID_GENERATOR, systemClock, type Clock, type IdGenerator } from './application/clock.js';
import { BookingController } from './booking/booking.http.js';
import { ReceptionBookings } from './booking/booking.workflow.js';
import { HoldSweeper } from './booking/hold-sweeper.js';
import { AppointmentsPipeline } from './integration/pipeline.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReadModelsModule } from './read-models/read-models.module.js';
import { ScheduleController } from './schedule/schedule.http.js';
import { ReceptionSchedules } from './schedule/schedule.workflow.js';
import { DemoSeeder } from './seed/demo-seeder.js';

export const SERVICE_NAME = 'appointments';
/** Folded aggregate states shared by the workflows: commands read only what is new. */
const aggregates = new AggregateCache();
export const DEFAULT_PORT = 3001;
export const SERVICE_VERSION = readPackageVersion(new URL('../package.json', import.meta.url));

@Module({
  imports: [
    ServiceKitModule.forService({ name: SERVICE_NAME, version: SERVICE_VERSION }),
    ReadModelsModule,
    NotificationsModule.forRoot({ clock: systemClock }),
  ],
  controllers: [BookingController, ScheduleController],
  providers: [
    { provide: APPOINTMENTS_CONFIG, useFactory: () => appointmentsConfigFromEnv() },
    { provide: CLOCK, useValue: systemClock },
    { provide: ID_GENERATOR, useValue: { next: () => uuidv7() } satisfies IdGenerator },
    {
      provide: ReceptionBookings,
      inject: [EVENT_STORE, CLOCK, ID_GENERATOR, APPOINTMENTS_CONFIG],
      useFactory: (store: EventStore, clock: Clock, ids: IdGenerator, config: AppointmentsConfig) =>
        new ReceptionBookings(store, clock, ids, config, aggregates),
    },
    {
      provide: ReceptionSchedules,
      inject: [EVENT_STORE, CLOCK],
      useFactory: (store: EventStore, clock: Clock) => new ReceptionSchedules(store, clock, aggregates),
    },
    AppointmentsPipeline,
    HoldSweeper,
    DemoSeeder,
  ],
})
export class AppModule {}
