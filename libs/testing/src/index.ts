export * from './docker.js';
export * from './postgres.js';
export * from './processes.js';
export * from './otlp-receiver.js';
export * from './browser.js';
export * from './platform.js';
