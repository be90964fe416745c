export * from './message-bus.conformance.js';
export { kafkaBrokersForTests } from '../kafka/test-brokers.js';
