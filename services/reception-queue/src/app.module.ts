import { Module } from '@nestjs/common';
import { AggregateCache, uuidv7, type EventStore } from '@adal/event-store';
import { EVENT_STORE, readPackageVersion, ServiceKitModule } from '@adal/service-kit';
import {
  CLOCK,
  cryptoRandom,
  ID_GENERATOR,
  offsetClock,
  RANDOM_SOURCE,
  type Clock,
  type IdGenerator,
  type RandomSource,
} from './application/clock.js';
import { QUEUE_CONFIG, queueConfigFromEnv, type QueueConfig } from './application/config.js';
import { QueuePipeline } from './integration/pipeline.js';
import { BoardFeed } from './queue/board-feed.js';
import { QueueController } from './queue/queue.http.js';
import { ReceptionQueue } from './queue/reception-queue.js';
import { ReadModelsModule } from './read-models/read-models.module.js';
import { DemoSeeder } from './seed/demo-seeder.js';

export const SERVICE_NAME = 'reception-queue';
export const DEFAULT_PORT = 3002;
export const SERVICE_VERSION = readPackageVersion(new URL('../package.json', import.meta.url));

/** Folded states of active office days (and office setups): a command reads only what is new. */
const aggregates = new AggregateCache(2_000);

@Module({
  imports: [ServiceKitModule.forService({ name: SERVICE_NAME, version: SERVICE_VERSION }), ReadModelsModule],
  controllers: [QueueController],
  providers: [
    { provide: QUEUE_CONFIG, useFactory: () => queueConfigFromEnv() },
    { provide: CLOCK, inject: [QUEUE_CONFIG], useFactory: (config: QueueConfig) => offsetClock(config.clockOffsetMs) },
    { provide: ID_GENERATOR, useValue: { next: () => uuidv7() } satisfies IdGenerator },
    { provide: RANDOM_SOURCE, useValue: cryptoRandom },
    {
      provide: ReceptionQueue,
      inject: [EVENT_STORE, CLOCK, ID_GENERATOR, QUEUE_CONFIG, RANDOM_SOURCE],
      useFactory: (store: EventStore, clock: Clock, ids: IdGenerator, config: QueueConfig, random: RandomSource) =>
        new ReceptionQueue(store, clock, ids, aggregates, { mode: config.commandMode }, random),
    },
    {
      provide: BoardFeed,
      inject: [EVENT_STORE, ReceptionQueue, QUEUE_CONFIG],
      useFactory: (store: EventStore, queue: ReceptionQueue, config: QueueConfig) =>
        new BoardFeed(store, queue, config.boardPollMs),
    },
    QueuePipeline,
    DemoSeeder,
  ],
})
export class AppModule {}
