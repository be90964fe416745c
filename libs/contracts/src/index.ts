export * from './envelope.js';
export * from './contracts.js';
