export * from './bootstrap.js';
export * from './database.js';
export * from './health.js';
export * from './logger.js';
export * from './problem-details.js';
export * from './request-context.js';
export * from './service-kit.module.js';
