/**
 * The reception-queue read side as a NestJS module: the read model's MikroORM instance (schema
 * `reception_queue_read`, created or extended on startup), the `ProjectionRunner`, the
 * projections and `QueueQueries`.
 */
import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ProjectionRunner, type Projection } from '@adal/read-models';
import type { MikroORM } from '@mikro-orm/postgresql';
import { READ_SCHEMA } from './entities.js';
import { openReadModelOrm } from './orm.js';
import { allProjections } from './projections.js';
import { QueueQueries } from './queries.js';

export const READ_MODEL_ORM = Symbol.for('adal.reception-queue.ReadModelOrm');
export const PROJECTION_RUNNER = Symbol.for('adal.reception-queue.ProjectionRunner');
export const PROJECTIONS = Symbol.for('adal.reception-queue.Projections');

@Injectable()
export class ReadModelsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_ORM) private readonly orm: MikroORM) {}

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}

const providers: Provider[] = [
  { provide: READ_MODEL_ORM, useFactory: (): Promise<MikroORM> => openReadModelOrm() },
  {
    provide: PROJECTION_RUNNER,
    useFactory: (orm: MikroORM) => ProjectionRunner.create(orm, { schema: READ_SCHEMA }),
    inject: [READ_MODEL_ORM],
  },
  { provide: PROJECTIONS, useFactory: (): Projection[] => allProjections() },
  { provide: QueueQueries, useFactory: (orm: MikroORM) => new QueueQueries(orm), inject: [READ_MODEL_ORM] },
  ReadModelsLifecycle,
];

@Global()
@Module({ providers, exports: [READ_MODEL_ORM, PROJECTION_RUNNER, PROJECTIONS, QueueQueries] })
export class ReadModelsModule {}
