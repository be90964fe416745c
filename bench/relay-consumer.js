// The consumer half of bench:relay, in its own process as it would be in production (another
// service). Args: databaseUrl brokers topic groupId. Prints "ready", then "applied <n> <latencies...>".
import pg from 'pg';
import { Inbox, KafkaMessageBus } from '@adal/messaging';

const [databaseUrl, brokers, topic, groupId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
const inbox = await Inbox.create(pool, { schema: 'bench_inbox' });
const bus = new KafkaMessageBus({ brokers: brokers.split(','), clientId: `bench-consumer-${process.pid}`, logLevel: 'error' });
let applied = 0;
let latencies = [];
await bus.consume({
  groupId,
  topics: [topic],
  concurrency: 6,
  // The read model applies each delivered batch in one transaction, deduplicated by the inbox.
  onBatch: async (items) => {
    const envelopes = items.map((i) => i.envelope);
    const fresh = await inbox.handleBatchOnce('tickets', envelopes.map((e) => e.id), async (tx, ids) => {
      const rows = envelopes.filter((e) => ids.has(e.id));
      await tx.query(
        'INSERT INTO tickets (event_id, office_id, ticket) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])',
        [rows.map((e) => e.id), rows.map((e) => e.data.officeId), rows.map((e) => e.data.ticket)],
      );
    });
    applied += fresh.size;
    const now = Date.now();
    for (const e of envelopes) if (fresh.has(e.id) && e.data.appendedAt) latencies.push(now - e.data.appendedAt);
  },
});
process.stdout.write('ready\n');
setInterval(() => {
  process.stdout.write(`applied ${applied} ${latencies.join(' ')}\n`);
  latencies = [];
}, 20);
process.on('SIGTERM', async () => {
  await bus.close();
  await pool.end();
  process.exit(0);
});
