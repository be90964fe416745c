// Integration tests talk to real PostgreSQL and Kafka: give them room (testTimeout is global-only in Jest).
import { jest } from '@jest/globals';
jest.setTimeout(90_000);
