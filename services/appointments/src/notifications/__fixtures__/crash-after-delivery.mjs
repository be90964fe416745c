// A dispatcher process that dies like a crashed one: its sender delivers (the LogSender writes its
// line and commits the delivery to the ledger), then the process SIGKILLs itself before the
// dispatcher can mark the notification sent. Run with --import ./ts-register.mjs.
// Args: databaseUrl now(ISO instant, the fixed clock) leaseMs
import { createReadModelOrm } from '../../read-models/orm.js';
import { NotificationDispatcher } from '../dispatcher.js';
import { LogSender } from '../senders.js';

const [databaseUrl, now, leaseMs] = process.argv.slice(2);
const orm = await createReadModelOrm({ clientUrl: databaseUrl, poolMax: 2 });
const clock = { now: () => now };
const delivering = new LogSender(orm, { clock });
const sender = {
  name: delivering.name,
  async send(notification, idempotencyKey) {
    await delivering.send(notification, idempotencyKey);
    process.stdout.write(`delivered ${idempotencyKey}\n`);
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  },
};
const dispatcher = new NotificationDispatcher(orm, sender, clock, { leaseMs: Number(leaseMs), sendTimeoutMs: 600_000 });
const result = await dispatcher.runOnce();
process.stdout.write(`survived ${JSON.stringify(result)}\n`);
await orm.close(true);
