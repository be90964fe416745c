// Any read model can be rebuilt from zero by replaying the store through the same mapper.
import { PostgresEventStore, uuidv7 } from '@adal/event-store';
import { createTestDatabase, type TestDatabase } from '@adal/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Instant } from '../domain/index.js';
import { ReceptionQueue } from '../queue/reception-queue.js';
import { openReadModelOrm } from './orm.js';
import { QueueQueries } from './queries.js';
import { QUEUE_STORE_SCHEMA, rebuildReadModels } from './rebuild.js';

const DATE = '2026-04-07';
let now: Instant = `${DATE}T09:00:00+05:00`;
const at = (time: string) => (now = `${DATE}T${time}:00+05:00`);

describe('read models rebuilt from the store', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase('queue_rebuild');
    store = await PostgresEventStore.create({ connectionString: database.url, schema: QUEUE_STORE_SCHEMA });
    orm = await openReadModelOrm({ clientUrl: database.url });
  });
  afterAll(async () => {
    await orm.close();
    await store.close();
    await database.drop();
  });

  it('gives the live queue, the desks and the statistics of a day', async () => {
    const queue = new ReceptionQueue(store, { now: () => now }, { next: () => uuidv7() });
    await queue.configure('office-rb', {
      services: [{ serviceId: 'documents', prefix: 'A', name: { kk: 'Құжаттар', ru: 'Документы', en: 'Documents' } }],
      desks: [{ deskId: 'desk-1', name: '1', serviceIds: ['documents'] }],
      hours: { open: '09:00', close: '18:00' },
    });
    for (let i = 0; i < 4; i++)
      await queue.issueTicket('office-rb', DATE, { serviceId: 'documents', channel: 'kiosk' });
    await queue.deskAction('office-rb', DATE, 'desk-1', 'open', undefined);
    // waits 10 minutes, served in 6.
    at('09:10');
    await queue.deskAction('office-rb', DATE, 'desk-1', 'call-next', undefined);
    await queue.deskAction('office-rb', DATE, 'desk-1', 'start', undefined);
    at('09:16');
    await queue.deskAction('office-rb', DATE, 'desk-1', 'finish', { outcome: 'served' });
    // waits 16 minutes, does not come.
    for (const action of ['call-next', 'recall', 'recall', 'no-show'])
      await queue.deskAction('office-rb', DATE, 'desk-1', action, undefined);
    // called and at the desk now.
    at('09:20');
    await queue.deskAction('office-rb', DATE, 'desk-1', 'call-next', undefined);

    const results = await rebuildReadModels(orm, store);
    expect(results.map((r) => r.name)).toEqual(['queue-tickets', 'queue-desks', 'queue-service-days']);
    const queries = new QueueQueries(orm);
    expect((await queries.liveQueue('office-rb', DATE)).map((t) => [t.number, t.status])).toEqual([
      ['A-003', 'called'],
      ['A-004', 'waiting'],
    ]);
    expect(await queries.deskStates('office-rb', DATE)).toEqual([
      { deskId: 'desk-1', status: 'open', number: 'A-003' },
    ]);
    expect(await queries.stats('office-rb', DATE, ['documents', 'social'])).toEqual([
      {
        serviceId: 'documents',
        tickets: 4,
        waitMedianMin: 16,
        waitP90Min: 20,
        serviceMedianMin: 6,
        noShows: 1,
        served: 1,
        transfersIn: 0,
      },
      {
        serviceId: 'social',
        tickets: 0,
        waitMedianMin: null,
        waitP90Min: null,
        serviceMedianMin: null,
        noShows: 0,
        served: 0,
        transfersIn: 0,
      },
    ]);
    // Rebuilding again gives the same rows.
    await rebuildReadModels(orm, store, 'queue-service-days');
    expect((await queries.stats('office-rb', DATE))[0]).toMatchObject({ tickets: 4, noShows: 1 });
  });
});
