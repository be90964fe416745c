export { runEventStoreConformance, type StoreUnderTest } from './event-store.conformance.js';
