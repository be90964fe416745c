import type { ExpectedRevision } from './event-store.js';

/** Base class so callers can catch every store error in one place. */
export class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not in the state the caller expected; retry after re-reading it. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** Revision of the last event in the stream, or 'no_stream' when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamName}: expected ${String(expected)}, actual ${String(actual)}`);
  }
}

/** The append was refused before anything was written. `field` names what was wrong. */
export class InvalidAppendError extends EventStoreError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
