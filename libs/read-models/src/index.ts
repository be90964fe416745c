export * from './projection-runner.js';
