export * from './kafka-message-bus.js';
