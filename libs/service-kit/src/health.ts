import { Controller, Get, Inject, Injectable, Module, Optional, type DynamicModule } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type pg from 'pg';
import { PG_POOL } from './database.js';

/** Readiness of PostgreSQL: `SELECT 1` through the service's pool, bounded in time. */
@Injectable()
export class PostgresHealthIndicator {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(PG_POOL) private readonly pool?: pg.Pool,
  ) {}

  /** True when this service has a database to check. */
  get configured(): boolean {
    return this.pool !== undefined;
  }

  isHealthy<const Key extends string = 'postgres'>(key: Key = 'postgres' as Key, timeoutMs = 3_000) {
    return this.indicators
      .check(key)
      .attempt(async () => {
        if (!this.pool) throw new Error('no PostgreSQL pool configured');
        await this.pool.query('SELECT 1');
      })
      .withTimeout(timeoutMs);
  }
}

/** `GET /health` (liveness: the process answers) and `GET /health/ready` (readiness: PostgreSQL answers). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(PostgresHealthIndicator) private readonly postgres: PostgresHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.postgres.configured ? [() => this.postgres.isHealthy('postgres')] : []);
  }
}

export interface HealthModuleOptions {
  /**
   * After SIGTERM, readiness answers 503 for this long before the server stops, so load
   * balancers stop sending traffic first. Default: `SHUTDOWN_GRACE_MS` or 0.
   */
  gracefulShutdownTimeoutMs?: number;
}

/** Health endpoints. Readiness checks PostgreSQL when `EventStoreModule` (or `PG_POOL`) is present. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    const grace = options.gracefulShutdownTimeoutMs ?? Number(process.env['SHUTDOWN_GRACE_MS'] ?? 0);
    return {
      module: HealthModule,
      imports: [
        TerminusModule.forRoot({
          errorLogStyle: 'json',
          gracefulShutdownTimeoutMs: Number.isFinite(grace) ? grace : 0,
        }),
      ],
      controllers: [HealthController],
      providers: [PostgresHealthIndicator],
      exports: [PostgresHealthIndicator],
    };
  }
}
