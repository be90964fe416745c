import { createTestDatabase } from '@adal/testing';
import { runEventStoreConformance } from '../conformance/index.js';
import { PostgresEventStore } from './postgres-event-store.js';

runEventStoreConformance('PostgreSQL', async () => {
  const database = await createTestDatabase('store_conformance');
  const store = await PostgresEventStore.create({ connectionString: database.url, schema: 'conformance' });
  return {
    store,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
});
