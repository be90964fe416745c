/**
 * The domain stays pure (docs/architecture.md): no framework, database, clock, randomness or I/O.
 * It imports its own modules, @adal/domain-kit, and types (deciders, events) from @adal/event-store.
 */
import { fileURLToPath } from 'node:url';
import { describeDomainPurity } from '@adal/domain-kit/testing';

describeDomainPurity(fileURLToPath(new URL('.', import.meta.url)), {
  minSources: 10,
  allowed: ['@adal/domain-kit'],
  typesOnly: ['@adal/event-store'],
});
