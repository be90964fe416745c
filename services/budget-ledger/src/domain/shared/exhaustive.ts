/**
 * Commands come from JSON: a type the decider does not know is a programming error at the edge,
 * not a domain refusal, so it is a TypeError (a 500 if it ever escapes), never a silent no-op.
 */
export const unknownCommand = (command: never): never => {
  throw new TypeError(`Unknown command type: ${JSON.stringify((command as { type?: unknown }).type)}`);
};
