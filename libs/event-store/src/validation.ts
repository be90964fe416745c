import { InvalidAppendError } from './errors.js';
import type { ExpectedRevision, NewEvent } from './event-store.js';
import { uuidv7 } from './uuid.js';

/** `<category>-<id>`: a category of letters/digits/underscores, then an id without whitespace. */
const STREAM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}-[A-Za-z0-9_.:@+-]{1,190}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.:-]{0,199}$/;

export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;
const LONE_SURROGATE = /\p{Cs}/u;

/** An event checked and serialised once, ready for any adapter. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export const validateStreamName = (streamName: unknown): string => {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    throw new InvalidAppendError('streamName', 'must be a non-empty string');
  }
  if (!STREAM_NAME.test(streamName)) {
    throw new InvalidAppendError('streamName', `"${streamName.slice(0, 80)}" is not of the form <category>-<id>`);
  }
  return streamName;
};

export const validateExpectedRevision = (expected: unknown): ExpectedRevision => {
  if (expected === undefined) return 'any';
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'bigint' && expected >= 0n) return expected;
  throw new InvalidAppendError('expectedRevision', 'must be any, no_stream, stream_exists or a revision >= 0n');
};

const toJson = (value: unknown, field: string): string => {
  let json: string | undefined;
  try {
    json = JSON.stringify(value, (key, v: unknown) => {
      // A lone UTF-16 surrogate is not Unicode: jsonb (and other readers) refuse it.
      if ((typeof v === 'string' && LONE_SURROGATE.test(v)) || LONE_SURROGATE.test(key)) {
        throw new TypeError('text contains a lone UTF-16 surrogate (not valid Unicode)');
      }
      if (typeof v === 'bigint') throw new TypeError('BigInt values are not JSON; encode them as strings');
      if (typeof v === 'function' || typeof v === 'symbol') throw new TypeError(`${typeof v} values are not JSON`);
      if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError('NaN and Infinity are not JSON');
      return v;
    });
  } catch (error) {
    throw new InvalidAppendError(field, `not JSON-serialisable: ${(error as Error).message}`);
  }
  if (json === undefined) throw new InvalidAppendError(field, 'not JSON-serialisable');
  // PostgreSQL jsonb (and most consumers) cannot hold NUL characters.
  if (json.includes('\\u0000')) throw new InvalidAppendError(field, 'contains a NUL character');
  return json;
};

export const prepareEvents = (
  events: readonly NewEvent[],
  maxEventBytes: number = DEFAULT_MAX_EVENT_BYTES,
): PreparedEvent[] => {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must be a non-empty array');
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    if (event === null || typeof event !== 'object') throw new InvalidAppendError(at, 'must be an object');
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
      throw new InvalidAppendError(`${at}.type`, 'must start with a letter and hold letters, digits, _ . : -');
    }
    const id = event.id ?? uuidv7();
    if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidAppendError(`${at}.id`, 'must be a UUID');
    const lowerId = id.toLowerCase();
    if (seen.has(lowerId)) throw new InvalidAppendError(`${at}.id`, 'appears twice in one append');
    seen.add(lowerId);
    const data = toJson(event.data, `${at}.data`);
    const metadata = toJson(event.metadata ?? {}, `${at}.metadata`);
    const size = Buffer.byteLength(data) + Buffer.byteLength(metadata);
    if (size > maxEventBytes) {
      throw new InvalidAppendError(at, `is ${size} bytes, over the ${maxEventBytes}-byte limit`);
    }
    return { id: lowerId, type: event.type, data, metadata };
  });
};

