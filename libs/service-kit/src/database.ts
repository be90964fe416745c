import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { PostgresEventStore, type EventStore } from '@adal/event-store';

/** Injection token of the service's `pg.Pool` (shared by the event store and health checks). */
export const PG_POOL = 'ADAL_PG_POOL';
/** Injection token of the service's `EventStore`. */
export const EVENT_STORE = 'ADAL_EVENT_STORE';

/** `@InjectEventStore() store: EventStore` */
export const InjectEventStore = (): ParameterDecorator & PropertyDecorator => Inject(EVENT_STORE);
/** `@InjectPgPool() pool: pg.Pool` */
export const InjectPgPool = (): ParameterDecorator & PropertyDecorator => Inject(PG_POOL);

/** The PostgreSQL schema of a service's event store: its name with `-` turned into `_`. */
export const eventStoreSchemaFor = (serviceName: string): string => serviceName.replace(/-/g, '_');

export interface ServiceDatabaseOptions {
  /** Service name; gives the schema (`reception-queue` -> `reception_queue`) and `application_name`. */
  serviceName: string;
  /** Default: `DATABASE_URL`. */
  connectionString?: string;
  /** Default: from the service name. */
  schema?: string;
  /** Most connections in the pool. Default: `DATABASE_POOL_MAX` or 10. */
  poolMax?: number;
  /**
   * How long to keep retrying while PostgreSQL is not answering yet (it may still be starting).
   * Default: `DATABASE_CONNECT_TIMEOUT_MS` or 30 000 ms.
   */
  connectTimeoutMs?: number;
}

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', '57P03']);

const isTransient = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /timeout expired|Connection terminated|the database system is (starting up|shutting down)/i.test(message);
};

const envNumber = (name: string): number | undefined => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

/**
 * A service's connection to PostgreSQL: one pool, and the event store in the service's own
 * schema on top of it (migrations run when it opens). Closed when the application shuts down.
 */
export class ServiceDatabase implements OnApplicationShutdown {
  private static readonly logger = new Logger('ServiceDatabase');
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    readonly eventStore: PostgresEventStore,
    readonly schema: string,
  ) {}

  /** Connects (retrying while PostgreSQL is not up yet) and migrates the event store. */
  static async open(options: ServiceDatabaseOptions): Promise<ServiceDatabase> {
    const connectionString = options.connectionString ?? process.env['DATABASE_URL'];
    if (!connectionString) throw new Error('DATABASE_URL is not set: the service needs PostgreSQL');
    const schema = options.schema ?? eventStoreSchemaFor(options.serviceName);
    const deadline = Date.now() + (options.connectTimeoutMs ?? envNumber('DATABASE_CONNECT_TIMEOUT_MS') ?? 30_000);
    const pool = new pg.Pool({
      connectionString,
      max: options.poolMax ?? envNumber('DATABASE_POOL_MAX') ?? 10,
      application_name: options.serviceName,
      connectionTimeoutMillis: 5_000,
    });
    pool.on('error', () => undefined); // an idle client dropped; the next query reconnects
    let delay = 250;
    for (let attempt = 1; ; attempt++) {
      try {
        const eventStore = await PostgresEventStore.create({ pool, schema });
        ServiceDatabase.logger.log(`Event store ready in schema "${schema}"`);
        return new ServiceDatabase(pool, eventStore, schema);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!isTransient(error) || Date.now() + delay > deadline) {
          await pool.end().catch(() => undefined);
          throw new Error(`Cannot open the event store (schema "${schema}"): ${message}`, { cause: error });
        }
        ServiceDatabase.logger.warn(`PostgreSQL not reachable yet (attempt ${attempt}: ${message}); retrying`);
        await sleep(delay);
        delay = Math.min(delay * 2, 2_000);
      }
    }
  }

  /** `SELECT 1` through the pool. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.eventStore.close();
    await this.pool.end();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
    ServiceDatabase.logger.log('Event store and PostgreSQL pool closed');
  }
}

/**
 * Global module giving the service its `EventStore` (`EVENT_STORE`), its `pg.Pool` (`PG_POOL`)
 * and the `ServiceDatabase` owning both.
 */
@Module({})
export class EventStoreModule {
  static forRoot(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        { provide: ServiceDatabase, useFactory: () => ServiceDatabase.open(options) },
        { provide: PG_POOL, useFactory: (db: ServiceDatabase): pg.Pool => db.pool, inject: [ServiceDatabase] },
        {
          provide: EVENT_STORE,
          useFactory: (db: ServiceDatabase): EventStore => db.eventStore,
          inject: [ServiceDatabase],
        },
      ],
      exports: [ServiceDatabase, PG_POOL, EVENT_STORE],
    };
  }
}
