import { readFileSync } from 'node:fs';
import { Controller, Get, Inject, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventStoreModule, type ServiceDatabaseOptions } from './database.js';
import { HealthModule, type HealthModuleOptions } from './health.js';
import { ProblemDetailsFilter } from './problem-details.js';

/** Injection token of `ServiceInfo`. */
export const SERVICE_INFO = 'ADAL_SERVICE_INFO';

export interface ServiceInfo {
  /** e.g. `reception-queue`. */
  name: string;
  version: string;
}

/** `version` of the package.json at `url` (e.g. `new URL('../package.json', import.meta.url)`), or `0.0.0`. */
export const readPackageVersion = (url: URL | string): string => {
  try {
    const json = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
};

/** `GET /`: which service and version answers. */
@Controller()
export class ServiceInfoController {
  constructor(@Inject(SERVICE_INFO) private readonly info: ServiceInfo) {}

  @Get()
  get(): { service: string; version: string } {
    return { service: this.info.name, version: this.info.version };
  }
}

export interface ServiceKitOptions {
  name: string;
  version: string;
  /**
   * The service's PostgreSQL event store (schema from the name, `DATABASE_URL`).
   * `false` for a service without one; readiness then checks nothing. Default: on.
   */
  eventStore?: false | Omit<ServiceDatabaseOptions, 'serviceName'>;
  health?: HealthModuleOptions;
  /** Serve `GET /` with `{service, version}`. Default: true. */
  infoRoute?: boolean;
}

/**
 * What every Adal Office service imports once in its root module: the event store, health
 * endpoints, the problem+json exception filter and `GET /`.
 */
@Module({})
export class ServiceKitModule {
  static forService(options: ServiceKitOptions): DynamicModule {
    const info: ServiceInfo = { name: options.name, version: options.version };
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        ...(options.eventStore === false
          ? []
          : [EventStoreModule.forRoot({ ...(options.eventStore ?? {}), serviceName: options.name })]),
        HealthModule.forRoot(options.health),
      ],
      controllers: options.infoRoute === false ? [] : [ServiceInfoController],
      providers: [
        { provide: SERVICE_INFO, useValue: info },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [SERVICE_INFO],
    };
  }
}
