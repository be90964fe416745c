export * from './message-bus.js';
export * from './kafka/index.js';
export * from './postgres-log/index.js';
export * from './nest/index.js';
export * from './relay/index.js';
export * from './inbox/index.js';
