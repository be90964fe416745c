import { officeOfServicePath, type AffinityKeyOf } from './replica-routing.js';

/**
 * The gateway's routing table of services: where each internal service answers. A public
 * route `/api/v1/<path>` owned by a service is forwarded to `<base URL>/v1/<path>`.
 *
 * A URL variable may list several replicas, comma-separated (see `replica-routing.ts`). A service
 * with an `affinity` sends every request with the same key (derived from the forwarded path) to
 * the same replica, chosen by rendezvous hashing, failing over in that order; requests of
 * services without one (or without a key) go round-robin.
 *
 * To plug in a service: add it here, then give it a controller (see `routes/appointments/`)
 * decorated with `@ForwardTo('<name>')`, with one handler per public route declaring its roles.
 */
export const UPSTREAM_SERVICES = {
  appointments: { urlEnv: 'APPOINTMENTS_URL', defaultUrl: 'http://127.0.0.1:3001' },
  // One replica per office: it keeps the office's day (the hot stream) cached and batches its
  // commands into one append, instead of racing other replicas for the stream.
  'reception-queue': {
    urlEnv: 'RECEPTION_QUEUE_URL',
    defaultUrl: 'http://127.0.0.1:3002',
    affinity: officeOfServicePath,
  },
  feedback: { urlEnv: 'FEEDBACK_URL', defaultUrl: 'http://127.0.0.1:3003' },
  'budget-ledger': { urlEnv: 'BUDGET_LEDGER_URL', defaultUrl: 'http://127.0.0.1:3004' },
} as const satisfies Record<string, { urlEnv: string; defaultUrl: string; affinity?: AffinityKeyOf }>;

export type UpstreamName = keyof typeof UPSTREAM_SERVICES;

/** The affinity key function of a service, if it has one. */
export const affinityOf = (service: UpstreamName): AffinityKeyOf | undefined => {
  const entry = UPSTREAM_SERVICES[service];
  return 'affinity' in entry ? entry.affinity : undefined;
};

/** Public prefix of forwarded routes, and the prefix they get on the service. */
export const PUBLIC_PREFIX = '/api/v1/';
export const SERVICE_PREFIX = '/v1/';
