import { runMessageBusConformance } from '../conformance/index.js';
import { KafkaMessageBus } from './kafka-message-bus.js';
import { kafkaBrokersForTests } from './test-brokers.js';

runMessageBusConformance('Kafka', async () => {
  const bus = new KafkaMessageBus({ brokers: await kafkaBrokersForTests(), clientId: 'conformance', logLevel: 'error' });
  return { bus, publishRaw: (topic, message) => bus.publishRaw(topic, [message]), dispose: () => bus.close() };
});
