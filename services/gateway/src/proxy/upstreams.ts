/**
 * The gateway's routing table of services: where each internal service answers. A public
 * route `/api/v1/<path>` owned by a service is forwarded to `<base URL>/v1/<path>`.
 *
 * To plug in a service: add it here, then give it a controller (see `routes/appointments/`)
 * decorated with `@ForwardTo('<name>')`, with one handler per public route declaring its roles.
 */
export const UPSTREAM_SERVICES = {
  appointments: { urlEnv: 'APPOINTMENTS_URL', defaultUrl: 'http://127.0.0.1:3001' },
  'reception-queue': { urlEnv: 'RECEPTION_QUEUE_URL', defaultUrl: 'http://127.0.0.1:3002' },
  feedback: { urlEnv: 'FEEDBACK_URL', defaultUrl: 'http://127.0.0.1:3003' },
  'budget-ledger': { urlEnv: 'BUDGET_LEDGER_URL', defaultUrl: 'http://127.0.0.1:3004' },
} as const satisfies Record<string, { urlEnv: string; defaultUrl: string }>;

export type UpstreamName = keyof typeof UPSTREAM_SERVICES;

/** Public prefix of forwarded routes, and the prefix they get on the service. */
export const PUBLIC_PREFIX = '/api/v1/';
export const SERVICE_PREFIX = '/v1/';
