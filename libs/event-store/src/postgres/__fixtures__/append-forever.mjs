// Appends 5-event batches from 8 concurrent loops until killed; prints a line per append.
import { PostgresEventStore } from '@adal/event-store';

const store = await PostgresEventStore.create({ connectionString: process.argv[2], schema: 'svc' });
const loop = async (w) => {
  for (let i = 0; ; i++) {
    const events = Array.from({ length: 5 }, (_, k) => ({ type: 'Written', data: { w, i, k, pad: 'x'.repeat(2000) } }));
    await store.appendToStream(`killed-${w}`, events);
    process.stdout.write(`${w}:${i}\n`);
  }
};
await Promise.all(Array.from({ length: 8 }, (_, w) => loop(w)));
