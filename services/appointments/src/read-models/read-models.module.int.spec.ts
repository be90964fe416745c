import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PostgresEventStore, type EventStore } from '@adal/event-store';
import { ProjectionRunner, type Projection } from '@adal/read-models';
import { EVENT_STORE } from '@adal/service-kit';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { DirectoryFeed } from './directory-feed.js';
import { AppointmentsQueries } from './queries.js';
import { PROJECTION_RUNNER, PROJECTIONS, ReadModelsModule, allProjections } from './read-models.module.js';

describe('ReadModelsModule', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('appointments_read_module');
    store = await PostgresEventStore.create({ connectionString: db.url, schema: 'appointments' });
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('wires the ORM, runner, projections, directory feed and queries, and follows the store while running', async () => {
    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class StoreModule {}

    @Module({ imports: [StoreModule, ReadModelsModule.forRoot({ databaseUrl: db.url })] })
    class RootModule {}

    await store.appendToStream('schedule-official-module-1', [
      {
        type: 'OfficialRegistered',
        data: {
          officialId: 'official-module-1',
          officeId: 'office-module',
          rank: 'department_head',
          displayName: { kk: 'Бекзат Әлиев', ru: 'Бекзат Алиев', en: 'Bekzat Aliyev' },
        },
      },
    ]);

    const app = await NestFactory.createApplicationContext(RootModule, { logger: false });
    await app.init();
    try {
      expect(app.get(PROJECTION_RUNNER)).toBeInstanceOf(ProjectionRunner);
      expect(app.get(ProjectionRunner)).toBe(app.get(PROJECTION_RUNNER));
      expect((app.get(PROJECTIONS) as Projection[]).map((p) => p.name)).toEqual(allProjections().map((p) => p.name));
      const feed = app.get(DirectoryFeed);
      await feed.whenCaughtUp();
      const queries = app.get(AppointmentsQueries);
      expect(await queries.officials({ officeId: 'office-module' })).toEqual([
        {
          officialId: 'official-module-1',
          officeId: 'office-module',
          rank: 'department_head',
          displayName: { kk: 'Бекзат Әлиев', ru: 'Бекзат Алиев', en: 'Bekzat Aliyev' },
          receptionRules: [],
        },
      ]);
    } finally {
      await app.close();
    }
  });
});
