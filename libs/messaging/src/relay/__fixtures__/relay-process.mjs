// A relay in its own process, so a test can kill -9 it. Args: databaseUrl brokers service
import pg from 'pg';
import { PostgresEventStore } from '@adal/event-store';
import { EventRelay, KafkaMessageBus, envelopeFrom } from '@adal/messaging';

const [databaseUrl, brokers, service] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl });
const store = await PostgresEventStore.create({ pool, schema: 'relayed' });
const bus = new KafkaMessageBus({ brokers: brokers.split(','), clientId: `relay-${process.pid}`, logLevel: 'error' });
const relay = new EventRelay({
  service,
  store,
  bus,
  pool,
  filter: { categories: ['order'] },
  maxBatch: 100,
  toIntegrationEvent: (event) =>
    envelopeFrom(event, { source: `/test/${service}`, type: 'test.OrderNoted', subject: event.streamName, dataversion: 1, data: event.data }),
});
relay.start();
setInterval(() => process.stdout.write(`published ${relay.publishedCount}\n`), 50);
process.on('SIGTERM', async () => {
  await relay.stop();
  await bus.close();
  await store.close();
  await pool.end();
  process.exit(0);
});
