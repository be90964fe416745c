export * from './envelope.js';
export * from './contracts.js';
export * as appointments from './appointments.js';
export * as queue from './queue.js';
export * as budget from './budget.js';
