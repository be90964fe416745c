/** Commands mirror events: a type and its data (the shape Emmett and our store use). */
export interface DomainCommand<Type extends string, Data> {
  type: Type;
  data: Data;
}

/**
 * Commands come from JSON: a type the decider does not know is a programming error at the edge,
 * not a domain refusal, so it is a TypeError (a 500 if it ever escapes), never a silent no-op.
 */
export const unknownCommand = (command: never): never => {
  throw new TypeError(`Unknown command type: ${JSON.stringify((command as { type?: unknown }).type)}`);
};

/** JSON with object keys sorted, so two values compare equal whatever order their keys were built in. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );

/** Whether two JSON values are equal, ignoring the order of object keys (idempotent repeats of a command). */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
