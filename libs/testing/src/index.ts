export * from './docker.js';
export * from './postgres.js';
