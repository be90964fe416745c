import { loadGatewayConfig } from '../config.js';
import {
  isConnectFailure,
  officeOfServicePath,
  rendezvousOrder,
  rendezvousWeight,
  ReplicaRouter,
} from './replica-routing.js';
import { affinityOf } from './upstreams.js';

const REPLICAS = [
  'http://reception-queue-0.reception-queue:3002',
  'http://reception-queue-1.reception-queue:3002',
  'http://reception-queue-2.reception-queue:3002',
];
const OFFICES = Array.from({ length: 300 }, (_, i) => `office-${String(i + 1).padStart(3, '0')}`);

const ownerOf = (office: string, replicas: readonly string[]): string => rendezvousOrder(office, replicas)[0]!;

const countBy = (values: string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};

describe('rendezvous hashing', () => {
  it('orders every replica exactly once, the same whatever order they are listed in', () => {
    for (const office of OFFICES.slice(0, 30)) {
      const order = rendezvousOrder(office, REPLICAS);
      expect([...order].sort()).toEqual([...REPLICAS].sort());
      expect(rendezvousOrder(office, [...REPLICAS].reverse())).toEqual(order);
      expect(rendezvousOrder(office, [REPLICAS[1]!, REPLICAS[2]!, REPLICAS[0]!])).toEqual(order);
    }
  });

  it('is stable: the same office gets the same replica on every call (and in every gateway)', () => {
    // Weights are a pure function of (office, replica): pinned, so a change of hash is noticed
    // (every office would move at the next deployment while old and new gateways disagree).
    expect(rendezvousWeight('office-psc', REPLICAS[0]!)).toBe(8017011505682300);
    expect(rendezvousWeight('', '')).toBe(4446763975410778);
    expect(rendezvousWeight('office-psc', REPLICAS[0]!)).not.toBe(rendezvousWeight('office-psc', REPLICAS[1]!));
    expect(rendezvousOrder('office-psc', REPLICAS)).toEqual([REPLICAS[0], REPLICAS[1], REPLICAS[2]]);
    expect(rendezvousOrder('office-akimat', REPLICAS)).toEqual([REPLICAS[2], REPLICAS[0], REPLICAS[1]]);
    const owners = OFFICES.map((office) => ownerOf(office, REPLICAS));
    expect(OFFICES.map((office) => ownerOf(office, REPLICAS))).toEqual(owners);
  });

  it('spreads 300 offices over 3 replicas evenly within reasonable bounds', () => {
    const counts = countBy(OFFICES.map((office) => ownerOf(office, REPLICAS)));
    expect([...counts.keys()].sort()).toEqual([...REPLICAS].sort());
    // 100 expected each; a binomial standard deviation is ~8, so 70..130 is ~3.6 sigma.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThanOrEqual(70);
      expect(count).toBeLessThanOrEqual(130);
    }
    // The runner-up (the failover target) is spread too: a dead replica's offices do not all
    // land on one survivor.
    const gone = REPLICAS[0]!;
    const heirs = countBy(
      OFFICES.filter((office) => ownerOf(office, REPLICAS) === gone).map(
        (office) => rendezvousOrder(office, REPLICAS)[1]!,
      ),
    );
    expect(heirs.size).toBe(2);
    for (const count of heirs.values()) expect(count).toBeGreaterThanOrEqual(25);
  });

  it('moves only the offices of a removed replica, each to its next replica in the order', () => {
    const removed = REPLICAS[1]!;
    const remaining = REPLICAS.filter((replica) => replica !== removed);
    let moved = 0;
    for (const office of OFFICES) {
      const before = rendezvousOrder(office, REPLICAS);
      const after = ownerOf(office, remaining);
      if (before[0] === removed) {
        moved += 1;
        expect(after).toBe(before[1]); // where failover sent it while the replica was down
      } else {
        expect(after).toBe(before[0]); // nobody else moves
      }
    }
    expect(moved).toBe(OFFICES.filter((office) => ownerOf(office, REPLICAS) === removed).length);
    expect(moved).toBeGreaterThan(0);
  });

  it('moves only about a quarter of the offices, all to the new replica, when a fourth joins', () => {
    const joined = 'http://reception-queue-3.reception-queue:3002';
    const grown = [...REPLICAS, joined];
    const moved = OFFICES.filter((office) => ownerOf(office, grown) !== ownerOf(office, REPLICAS));
    for (const office of moved) expect(ownerOf(office, grown)).toBe(joined);
    expect(moved.length).toBeGreaterThanOrEqual(50);
    expect(moved.length).toBeLessThanOrEqual(100);
  });
});

describe('officeOfServicePath', () => {
  it.each([
    ['/v1/queue/offices/office-psc/days/2026-12-01/tickets', 'office-psc'],
    ['/v1/queue/offices/office-psc/setup', 'office-psc'],
    ['/v1/queue/offices/office-psc', 'office-psc'],
    ['/v1/queue/offices/office-psc?x=1', 'office-psc'],
    ['/v1/queue/offices/office%2Dpsc/stats', 'office-psc'],
    ['/v1/queue/offices/%E0%A4%A/stats', '%E0%A4%A'],
    ['/v1/queue/offices/', undefined],
    ['/v1/queue/health', undefined],
    ['/v1/bookings/mine', undefined],
    ['/v2/queue/offices/office-psc/setup', undefined],
  ])('%p -> %p', (path, office) => {
    expect(officeOfServicePath(path)).toBe(office);
  });

  it('is the affinity of reception-queue only', () => {
    expect(affinityOf('reception-queue')).toBe(officeOfServicePath);
    expect(affinityOf('appointments')).toBeUndefined();
    expect(affinityOf('feedback')).toBeUndefined();
    expect(affinityOf('budget-ledger')).toBeUndefined();
  });
});

describe('ReplicaRouter', () => {
  it('sends a request with an office to its rendezvous order, whatever else the path says', () => {
    const router = new ReplicaRouter(REPLICAS, officeOfServicePath);
    const order = rendezvousOrder('office-psc', REPLICAS);
    expect(router.candidates('/v1/queue/offices/office-psc/days/2026-12-01/board')).toEqual(order);
    expect(router.candidates('/v1/queue/offices/office-psc/days/2026-12-02/desks/desk-1/call-next')).toEqual(order);
    expect(router.candidates('/v1/queue/offices/office-psc/setup')).toEqual(order);
  });

  it('goes round-robin for requests without a key, the others following as failover', () => {
    const router = new ReplicaRouter(REPLICAS, officeOfServicePath);
    const firsts = Array.from({ length: 6 }, () => router.candidates('/v1/queue/health'));
    expect(firsts.map((candidates) => candidates[0])).toEqual([...REPLICAS, ...REPLICAS]);
    expect(firsts[1]).toEqual([REPLICAS[1], REPLICAS[2], REPLICAS[0]]);
    const plain = new ReplicaRouter(REPLICAS.slice(0, 2));
    expect(plain.candidates('/v1/queue/offices/office-psc/setup')[0]).toBe(REPLICAS[0]);
    expect(plain.candidates('/v1/queue/offices/office-psc/setup')[0]).toBe(REPLICAS[1]);
  });

  it('with one replica, always that one and nothing else', () => {
    const router = new ReplicaRouter(['http://127.0.0.1:3002'], officeOfServicePath);
    expect(router.candidates('/v1/queue/offices/office-psc/setup')).toEqual(['http://127.0.0.1:3002']);
    expect(router.candidates('/v1/other')).toEqual(['http://127.0.0.1:3002']);
  });

  it('refuses an empty list', () => {
    expect(() => new ReplicaRouter([])).toThrow(/at least one/);
  });
});

describe('isConnectFailure', () => {
  const fetchFailed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });
  const coded = (code: string): Error => Object.assign(new Error(code), { code });

  it('is true when the connection was never made', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(isConnectFailure(fetchFailed(coded(code)))).toBe(true);
    }
    // A host with IPv4 and IPv6 addresses: one refusal per address.
    const both = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed');
    expect(isConnectFailure(fetchFailed(both))).toBe(true);
  });

  it('is false when the service may have seen the request', () => {
    expect(isConnectFailure(fetchFailed(coded('ECONNRESET')))).toBe(false);
    expect(isConnectFailure(fetchFailed(coded('UND_ERR_SOCKET')))).toBe(false);
    expect(isConnectFailure(new DOMException('timed out', 'TimeoutError'))).toBe(false);
    expect(isConnectFailure(fetchFailed(new AggregateError([coded('ECONNREFUSED'), coded('ECONNRESET')])))).toBe(false);
    expect(isConnectFailure(new Error('boom'))).toBe(false);
    expect(isConnectFailure(undefined)).toBe(false);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isConnectFailure(loop)).toBe(false);
  });
});

describe('upstream URL lists (config)', () => {
  it('reads one URL as a list of one, and a comma-separated list as replicas', () => {
    const single = loadGatewayConfig({ RECEPTION_QUEUE_URL: 'http://127.0.0.1:3002/' });
    expect(single.upstreams['reception-queue']).toEqual(['http://127.0.0.1:3002']);
    expect(single.upstreams.appointments).toEqual(['http://127.0.0.1:3001']);
    const listed = loadGatewayConfig({
      RECEPTION_QUEUE_URL:
        ' http://reception-queue-0.reception-queue:3002 ,http://reception-queue-1.reception-queue:3002,',
    });
    expect(listed.upstreams['reception-queue']).toEqual([
      'http://reception-queue-0.reception-queue:3002',
      'http://reception-queue-1.reception-queue:3002',
    ]);
  });

  it('refuses a list with a bad or repeated URL, naming the variable', () => {
    expect(() => loadGatewayConfig({ RECEPTION_QUEUE_URL: 'http://a:3002,ftp://b' })).toThrow(/RECEPTION_QUEUE_URL/);
    expect(() => loadGatewayConfig({ RECEPTION_QUEUE_URL: 'http://a:3002,http://a:3002/' })).toThrow(
      /RECEPTION_QUEUE_URL lists http:\/\/a:3002 twice/,
    );
    expect(() => loadGatewayConfig({ FEEDBACK_URL: ' , ' })).toThrow(/FEEDBACK_URL must list at least one/);
  });
});
