import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntegrationEnvelope } from '@adal/contracts';
import type { MessagingLogger } from '../message-bus.js';
import { KafkaMessageBus } from './kafka-message-bus.js';

/**
 * Restarts a broker under a running consumer and producer. It needs a broker of its own (the
 * shared one serves other suites), so it runs the local launcher on free ports and a temporary
 * data dir; without Java (so without a launcher) it is skipped with a printed reason.
 */
const launcher = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../infra/kafka');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const run = (script: string, args: string[], env: Record<string, string>): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(
      path.join(launcher, script),
      args,
      { env: { ...process.env, ...env }, timeout: 180_000 },
      (error, out, err) => {
        if (error) reject(new Error(`${script} failed: ${error.message}\n${String(err).slice(-3000)}`));
        else resolve(String(out).trim().split('\n').pop() ?? '');
      },
    );
  });

const envelope = (n: number): IntegrationEnvelope => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/adal-office/restart-spec',
  type: 'restart.Happened',
  subject: `thing-${n % 3}`,
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  dataversion: 1,
  data: { n },
});

const waitFor = async (what: string, check: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

// Our own broker needs Java; where there is none (an external KAFKA_BROKERS setup) say so and skip.
const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
if (!hasJava) process.stderr.write('[skip] Kafka broker restart: no java here to run a broker of its own\n');
const describeWithOwnBroker = hasJava ? describe : describe.skip;

describeWithOwnBroker('KafkaMessageBus across a broker restart', () => {
  let env: Record<string, string>;
  let dataDir: string;
  let brokers: string[];
  const logs: string[] = [];
  const logger: MessagingLogger = {
    log: (level, msg, fields) => void logs.push(`${level} ${msg} ${JSON.stringify(fields ?? {})}`),
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'adal-kafka-restart-'));
    env = {
      KAFKA_PORT: String(await freePort()),
      KAFKA_CONTROLLER_PORT: String(await freePort()),
      KAFKA_DATA_DIR: dataDir,
    };
    brokers = [await run('start', [], env)];
  }, 180_000);

  afterAll(async () => {
    if (dataDir) {
      await run('stop', ['--wipe'], env).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('the consumer resumes and a publish made during the outage lands', async () => {
    const bus = new KafkaMessageBus({ brokers, clientId: 'restart-spec', logger });
    const topic = `restart-${randomUUID().slice(0, 8)}.events`;
    const received = new Set<number>();
    try {
      await bus.consume({
        groupId: `restart-${randomUUID().slice(0, 8)}`,
        topics: [topic],
        handlers: { 'restart.Happened': async (e) => void received.add((e.data as { n: number }).n) },
      });
      await bus.publish(topic, [0, 1, 2, 3, 4].map(envelope));
      await waitFor('the first 5', () => received.size === 5, 20_000);

      await run('stop', [], env);
      const duringOutage = bus.publish(topic, [5, 6, 7].map(envelope));
      duringOutage.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 6000)); // the broker stays down ~10 s with its restart
      await run('start', [], env);

      await duringOutage;
      await bus.publish(topic, [8, 9].map(envelope));
      await waitFor('all 10 after the restart', () => received.size === 10, 45_000);
      expect([...received].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } catch (error) {
      process.stderr.write(`bus log during the failed restart test:\n${logs.slice(-60).join('\n')}\n`);
      throw error;
    } finally {
      await bus.close();
    }
  }, 120_000);
});
