// A consumer whose effect is a row per event, guarded by the inbox. Args:
// databaseUrl brokers topic groupId crashAfter(0 = never). With crashAfter=k it kills itself
// with SIGKILL right after the k-th effect committed, before Kafka's offset commit.
import pg from 'pg';
import { Inbox, KafkaMessageBus } from '@adal/messaging';

const [databaseUrl, brokers, topic, groupId, crashAfterText] = process.argv.slice(2);
const crashAfter = Number(crashAfterText);
const pool = new pg.Pool({ connectionString: databaseUrl });
const inbox = await Inbox.create(pool, { schema: 'consumer_inbox' });
const bus = new KafkaMessageBus({
  brokers: brokers.split(','),
  clientId: `consumer-${process.pid}`,
  logLevel: 'error',
  // A killed member is noticed after the session timeout; keep it short so the test is quick.
  consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000 },
});
let applied = 0;
await bus.consume({
  groupId,
  topics: [topic],
  handlers: {
    'test.OrderNoted': async (envelope) => {
      const done = await inbox.handleOnce('effects-counter', envelope.id, async (tx) => {
        await tx.query('INSERT INTO effects (event_id) VALUES ($1)', [envelope.id]);
      });
      process.stdout.write(done ? `applied ${envelope.id}\n` : `skipped ${envelope.id}\n`);
      if (done && ++applied === crashAfter) process.kill(process.pid, 'SIGKILL');
    },
  },
});
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await bus.close();
  await pool.end();
  process.exit(0);
});
