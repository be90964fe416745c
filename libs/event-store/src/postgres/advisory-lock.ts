/**
 * The key of a PostgreSQL advisory lock (`pg_advisory_lock(bigint)` and friends) for a text:
 * FNV-1a 64 over the text's UTF-8 bytes, masked to 63 bits so it is a non-negative `bigint`,
 * as a decimal string (pass it as a query parameter or inline it: it is only digits).
 *
 * Every component that locks by name uses this one function (event store, relay, message log,
 * projections, read-model DDL), so two components that name the same lock share a key. Changing
 * it changes every key: processes of two versions would no longer exclude each other.
 */
export const advisoryLockKey = (text: string): string => {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return (hash & 0x7fffffffffffffffn).toString();
};
