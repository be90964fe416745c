/** JSON equality whatever the order of object keys (idempotent repeats of a command): @adal/domain-kit. */
export { canonicalJson, sameJson } from '@adal/domain-kit';
