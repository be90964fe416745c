/**
 * The appointments read side as a NestJS module: the read model's MikroORM instance (schema
 * `appointments_read`, created or extended on startup under an advisory lock so replicas can
 * start together), the `ProjectionRunner`, the three projections fed by integration events, the
 * `DirectoryFeed` (follows the service's own store; started on bootstrap, stopped on shutdown) and
 * `AppointmentsQueries` for the controllers.
 *
 * It needs the service's `EventStore` under `EVENT_STORE` (from `EventStoreModule.forRoot` of
 * `@adal/service-kit`, which is global) unless `eventStore` names another token.
 */
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { EventStore } from '@adal/event-store';
import { ProjectionRunner, type Projection } from '@adal/read-models';
import { EVENT_STORE } from '@adal/service-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DirectoryFeed } from './directory-feed.js';
import { READ_SCHEMA } from './entities.js';
import { openReadModelOrm } from './orm.js';
import { allProjections } from './projections.js';
import { AppointmentsQueries } from './queries.js';

export { allProjections } from './projections.js';

/** Injection token of the read model's `MikroORM`. */
export const READ_MODEL_ORM = Symbol.for('adal.appointments.ReadModelOrm');
/** Injection token of the `ProjectionRunner` (the class itself is a token too). */
export const PROJECTION_RUNNER = Symbol.for('adal.appointments.ProjectionRunner');
/** Injection token of the integration-event projections (`Projection[]`, see `allProjections()`). */
export const PROJECTIONS = Symbol.for('adal.appointments.Projections');
/** Alias of `PROJECTIONS`. */
export const APPOINTMENTS_PROJECTIONS = PROJECTIONS;

export interface ReadModelsModuleOptions {
  /** Default: `DATABASE_URL`. */
  databaseUrl?: string;
  /** Token of the `EventStore` the directory follows. Default `EVENT_STORE` (service-kit). */
  eventStore?: InjectionToken;
  /** Follow the store for the directory. Default true. */
  startDirectoryFeed?: boolean;
}

const READ_MODELS_OPTIONS = Symbol.for('adal.appointments.ReadModelsOptions');

@Injectable()
export class ReadModelsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModels');

  constructor(
    @Inject(READ_MODEL_ORM) private readonly orm: MikroORM,
    @Inject(DirectoryFeed) private readonly feed: DirectoryFeed,
    @Inject(READ_MODELS_OPTIONS) private readonly options: ReadModelsModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.startDirectoryFeed === false) return;
    this.feed.start();
    this.logger.log('Official directory follows the event store');
  }

  /** Before the event store closes (`onApplicationShutdown` of the database module). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}

const providersFor = (options: ReadModelsModuleOptions): Provider[] => [
  { provide: READ_MODELS_OPTIONS, useValue: options },
  {
    provide: READ_MODEL_ORM,
    useFactory: (): Promise<MikroORM> => openReadModelOrm(options.databaseUrl ? { clientUrl: options.databaseUrl } : {}),
  },
  {
    provide: ProjectionRunner,
    useFactory: (orm: MikroORM) => ProjectionRunner.create(orm, { schema: READ_SCHEMA }),
    inject: [READ_MODEL_ORM],
  },
  { provide: PROJECTION_RUNNER, useExisting: ProjectionRunner },
  { provide: PROJECTIONS, useFactory: (): Projection[] => allProjections() },
  {
    provide: DirectoryFeed,
    useFactory: (orm: MikroORM, store: EventStore) =>
      DirectoryFeed.create(orm, store, { logger: new Logger('OfficialDirectory') }),
    inject: [READ_MODEL_ORM, options.eventStore ?? EVENT_STORE],
  },
  {
    provide: AppointmentsQueries,
    useFactory: (orm: MikroORM) => new AppointmentsQueries(orm),
    inject: [READ_MODEL_ORM],
  },
  ReadModelsLifecycle,
];

const EXPORTS = [READ_MODEL_ORM, ProjectionRunner, PROJECTION_RUNNER, PROJECTIONS, DirectoryFeed, AppointmentsQueries];

/**
 * Import it as is (`imports: [ReadModelsModule]`, everything from the environment) or with
 * `ReadModelsModule.forRoot(options)`. Global: controllers anywhere in the service can inject
 * `AppointmentsQueries`.
 */
@Global()
@Module({ providers: providersFor({}), exports: EXPORTS })
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions = {}): DynamicModule {
    return { module: ReadModelsModule, global: true, providers: providersFor(options), exports: EXPORTS };
  }
}
