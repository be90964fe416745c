import { randomUUID } from 'node:crypto';
import type { IntegrationEnvelope } from '@adal/contracts';
import { runMessageBusConformance } from '../conformance/index.js';
import type { RunningConsumer } from '../message-bus.js';
import { KafkaMessageBus } from './kafka-message-bus.js';
import { kafkaBrokersForTests } from './test-brokers.js';

/** Deletes the topics a test bus made, so the shared dev broker does not fill up with them. */
const closeAndDeleteTopics = async (bus: KafkaMessageBus): Promise<void> => {
  const topics = bus.ensuredTopics;
  await bus.close();
  if (topics.length === 0) return;
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [...topics] });
  } finally {
    await admin.disconnect();
  }
};

runMessageBusConformance('Kafka', async () => {
  const bus = new KafkaMessageBus({
    brokers: await kafkaBrokersForTests(),
    clientId: 'conformance',
    logLevel: 'error',
  });
  return {
    bus,
    publishRaw: (topic, message) => bus.publishRaw(topic, [message]),
    dispose: () => closeAndDeleteTopics(bus),
  };
});

describe('Kafka: what only Kafka can show', () => {
  let bus: KafkaMessageBus;
  const running: RunningConsumer[] = [];

  beforeAll(async () => {
    bus = new KafkaMessageBus({ brokers: await kafkaBrokersForTests(), clientId: 'kafka-spec', logLevel: 'error' });
  });
  afterAll(async () => {
    await Promise.all(running.map((c) => c.stop()));
    if (bus) await closeAndDeleteTopics(bus);
  });

  it('two members of one group share the partitions, each key staying with one member in order', async () => {
    const topic = `members-${randomUUID().slice(0, 8)}.events`;
    const groupId = `members-${randomUUID().slice(0, 8)}`;
    const keys = Array.from({ length: 12 }, (_, i) => `desk-${i}`);
    const seen = new Map<string, { member: string; seq: number }[]>();
    let count = 0;
    const member = (name: string) =>
      bus.consume({
        groupId,
        topics: [topic],
        handlers: {
          'members.Called': async (e: IntegrationEnvelope) => {
            seen.set(e.subject, [
              ...(seen.get(e.subject) ?? []),
              { member: name, seq: (e.data as { seq: number }).seq },
            ]);
            count++;
          },
        },
      });
    running.push(await member('a'));
    running.push(await member('b')); // resolves once the group has rebalanced
    const all: IntegrationEnvelope[] = [];
    for (let seq = 0; seq < 10; seq++) {
      for (const subject of keys) {
        all.push({
          specversion: '1.0',
          id: randomUUID(),
          source: '/adal-office/kafka-spec',
          type: 'members.Called',
          subject,
          time: new Date().toISOString(),
          datacontenttype: 'application/json',
          dataversion: 1,
          data: { seq },
        });
      }
    }
    await bus.publish(topic, all);
    const deadline = Date.now() + 20_000;
    while (count < all.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

    expect(count).toBe(all.length);
    const members = new Set<string>();
    for (const subject of keys) {
      const deliveries = seen.get(subject)!;
      expect(deliveries.map((d) => d.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(new Set(deliveries.map((d) => d.member)).size).toBe(1);
      members.add(deliveries[0]!.member);
    }
    expect(members).toEqual(new Set(['a', 'b']));
  }, 30_000);

  it('creates topics on demand: 6 partitions for events, 1 for a dead-letter topic', async () => {
    const topic = `partitions-${randomUUID().slice(0, 8)}.events`;
    await bus.ensureTopics([topic, `${topic}.dlt`]);
    const admin = bus.kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlt`] });
      expect(Object.fromEntries(topics.map((t) => [t.name, t.partitions.length]))).toEqual({
        [topic]: 6,
        [`${topic}.dlt`]: 1,
      });
    } finally {
      await admin.disconnect();
    }
    await bus.ensureTopics([topic]); // cached or already there: no error
  });
});
