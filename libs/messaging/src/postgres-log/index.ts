export * from './postgres-message-bus.js';
