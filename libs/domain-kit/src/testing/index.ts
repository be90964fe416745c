/** Test support for domains (reads files, uses jest's globals): not part of the pure main entry. */
export * from './domain-purity.js';
export * from './given-when-then.js';
export * from './message-catalogue.js';
