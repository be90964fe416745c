/**
 * Deterministic event ids. The store treats an append whose ids all exist in the stream as a
 * replay (it writes nothing and answers the first result, ADR-3), so ids derived from what a
 * command *is* make a re-sent request or a re-imported row idempotent at the store too, even
 * when two copies race past the decider's own transaction-id check.
 */
import { createHash } from 'node:crypto';

const hex = (bytes: Buffer): string => {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/**
 * A UUID named by `name`. With `timeMs` it is a version 7 UUID (RFC 9562) whose time is `timeMs`
 * and whose other bits come from SHA-256 of the name: ids of one day sort together, which keeps
 * the store's id index local. Without a time it is a version 8 (name-based) UUID.
 */
export const deterministicUuid = (name: string, timeMs?: number): string => {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  if (timeMs !== undefined && Number.isFinite(timeMs) && timeMs >= 0) {
    let ms = Math.floor(timeMs);
    for (let i = 5; i >= 0; i--) {
      bytes[i] = ms % 256;
      ms = Math.floor(ms / 256);
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  } else {
    bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  }
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return hex(Buffer.from(bytes));
};

/** Midnight of a `YYYY-MM-DD` in Almaty (UTC+5), as Unix milliseconds; undefined for a non-date. */
const dateMs = (date: unknown): number | undefined => {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00+05:00`);
  return Number.isNaN(ms) ? undefined : ms;
};

/** Ids of the events one transaction adds to a line: named by the stream, the transaction and the position. */
export const transactionEventIds =
  (streamName: string, transactionId: string, date: unknown) =>
  (count: number): string[] =>
    Array.from({ length: count }, (_, i) => deterministicUuid(`${streamName}\n${transactionId}\n${i}`, dateMs(date)));

/**
 * Ids of a registration: named by the stream and the registered data, so the same registration
 * sent twice is one event, and a different one for the same stream is a conflict, not a replay.
 */
export const registrationEventIds =
  (streamName: string, data: unknown) =>
  (count: number): string[] => {
    const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex');
    return Array.from({ length: count }, (_, i) => deterministicUuid(`${streamName}\nregistered\n${digest}\n${i}`));
  };
