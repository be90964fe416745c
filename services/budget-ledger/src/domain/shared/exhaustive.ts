/** A command type the decider does not know is a programming error (TypeError): @adal/domain-kit. */
export { unknownCommand } from '@adal/domain-kit';
