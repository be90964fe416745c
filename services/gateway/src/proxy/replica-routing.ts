/**
 * Which replica of a service a request goes to, when the service's URL variable lists several
 * (`RECEPTION_QUEUE_URL=http://rq-0:3002,http://rq-1:3002`).
 *
 * A service may name an affinity key for a request (the reception queue: the office, so that one
 * replica holds an office's day in its cache and batches its commands into one append instead of
 * racing other replicas for the same stream). Requests with a key go to the replica chosen by
 * rendezvous (highest-random-weight) hashing: every replica gets a weight `hash(key, replica)`
 * and the heaviest wins. Every gateway replica computes the same owner from the same list, with
 * no shared state; when a replica leaves the list only its own keys move (each to its next
 * heaviest replica), and a replica joining takes about 1/n of the keys from the others. The
 * replicas in descending weight are also the failover order. Requests without a key go
 * round-robin.
 */

/**
 * A 53-bit hash of a string (cyrb53, public domain: two 32-bit multiply-xorshift lanes). Not
 * cryptographic, which routing does not need: it is fast (a request pays one per replica) and
 * spreads similar strings (`office-001`, `office-002`) evenly.
 */
const hash53 = (text: string): number => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/**
 * The weight of `replica` for `key` (a safe integer). Every gateway must compute the same: a
 * change here moves offices between replicas while old and new gateways run side by side.
 */
export const rendezvousWeight = (key: string, replica: string): number => hash53(`${key}\u0000${replica}`);

/**
 * The replicas in the order to try them for `key`: its owner first, then the replica that would
 * own it were the owner gone, and so on. Deterministic for a given key and set of replicas
 * (whatever order they are listed in).
 */
export const rendezvousOrder = (key: string, replicas: readonly string[]): string[] =>
  replicas
    .map((replica) => ({ replica, weight: rendezvousWeight(key, replica) }))
    .sort((a, b) => b.weight - a.weight || (a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : 0))
    .map(({ replica }) => replica);

/** Derives a request's affinity key from the path it is forwarded to (`/v1/...`), if it has one. */
export type AffinityKeyOf = (servicePath: string) => string | undefined;

const OFFICE_PATH = /^\/v1\/queue\/offices\/([^/?#]+)/;

/**
 * The office of a reception-queue request: `/v1/queue/offices/{officeId}/...` gives `officeId`
 * (percent-decoded, so `office%2Dpsc` and `office-psc` are one office); other paths have none.
 */
export const officeOfServicePath: AffinityKeyOf = (servicePath) => {
  const match = OFFICE_PATH.exec(servicePath);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!; // malformed escapes: the service will refuse it; any stable key will do
  }
};

/** Picks the replicas to try for each request of one service. */
export class ReplicaRouter {
  private next = 0;

  constructor(
    readonly replicas: readonly string[],
    private readonly affinityKeyOf?: AffinityKeyOf,
  ) {
    if (replicas.length === 0) throw new Error('a service needs at least one replica');
  }

  /**
   * The base URLs to try, in order, for a request forwarded to `servicePath`: by rendezvous
   * order of its affinity key, or the next replica round-robin (then the others) without one.
   * A single replica is always the only candidate.
   */
  candidates(servicePath: string): readonly string[] {
    if (this.replicas.length === 1) return this.replicas;
    const key = this.affinityKeyOf?.(servicePath);
    if (key !== undefined) return rendezvousOrder(key, this.replicas);
    const first = this.next;
    this.next = (this.next + 1) % this.replicas.length;
    return [...this.replicas.slice(first), ...this.replicas.slice(0, first)];
  }
}

/** Error codes of a connection that was never made: the request did not reach the service. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED', // nothing listens (the replica is down or restarting)
  'ENOTFOUND', // no such host (a StatefulSet pod that is not ready has no DNS record)
  'EAI_AGAIN', // DNS lookup failed for now
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT', // undici gave up connecting
]);

/**
 * Whether `fetch` failed before the request could reach the service (connection refused, host
 * unknown or unreachable), so that sending it to another replica cannot apply it twice. Errors
 * after the connection was made (reset, timeout, a cut answer) are not: the service may have
 * acted on the request. Looks through `cause` chains and `AggregateError`s (a host with IPv4 and
 * IPv6 addresses fails with one error per address); by code, not `instanceof`, as the errors
 * may come from another realm.
 */
export const isConnectFailure = (error: unknown): boolean => {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return false;
    seen.add(value);
    const { code, cause, errors } = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && NOT_CONNECTED.has(code)) return true;
    if (Array.isArray(errors) && errors.length > 0 && errors.every(visit)) return true;
    return visit(cause);
  };
  return visit(error);
};
