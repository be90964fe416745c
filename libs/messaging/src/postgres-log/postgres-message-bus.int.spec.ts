import { createTestDatabase } from '@adal/testing';
import { runMessageBusConformance } from '../conformance/index.js';
import { PostgresMessageBus } from './postgres-message-bus.js';

runMessageBusConformance('PostgreSQL log', async () => {
  const database = await createTestDatabase('bus_conformance');
  const bus = await PostgresMessageBus.create({ connectionString: database.url, logLevel: 'error' });
  return {
    bus,
    publishRaw: (topic, message) => bus.publishRaw(topic, [message]),
    dispose: async () => {
      await bus.close();
      await database.drop();
    },
  };
});
