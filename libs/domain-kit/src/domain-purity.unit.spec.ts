import { fileURLToPath } from 'node:url';
import { describeDomainPurity } from './testing/index.js';

// The kit is the base of every domain: it imports no package at all.
describeDomainPurity(fileURLToPath(new URL('.', import.meta.url)), { minSources: 8 });
