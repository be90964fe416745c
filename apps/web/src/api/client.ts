/**
 * The typed API client: `openapi-fetch` over the gateway's generated OpenAPI types. Every request
 * carries the bearer token (when signed in) and `Accept-Language` (the UI language), so
 * problem+json answers come back in the reader's language, field by field.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { FieldProblem, Problem } from './views';

let accessToken: string | null = null;
let language = 'kk';
let unauthorized: (() => void) | null = null;

export const setAccessToken = (token: string | null) => {
  accessToken = token;
};
export const setApiLanguage = (lang: string) => {
  language = lang;
};
/** Called when a signed-in request answers 401 (the token expired or was refused). */
export const onUnauthorized = (handler: (() => void) | null) => {
  unauthorized = handler;
};

export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    request.headers.set('Accept-Language', language);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) unauthorized?.();
    return response;
  },
});

/** A failed call: the problem document (localized by the gateway) or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, message: string) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }

  /** A domain refusal's code (e.g. `HOLD_EXTENSION_LIMIT`), when the service gave one. */
  get code(): string | undefined {
    const code = (this.problem as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  }
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).title === 'string';

/** What an `api` call resolves to: `openapi-fetch` types `data` from the OpenAPI document. */
type Result = { data?: unknown; error?: unknown; response: Response };
/** The success body of a call, as the OpenAPI document declares it for that route. */
type Data<R extends Result> = NonNullable<R['data']>;

/**
 * The body of a successful call, typed from the schema (`schema.d.ts`) by the call itself, or an
 * `ApiError`.
 */
export const ok = async <R extends Result>(call: Promise<R>): Promise<Data<R>> => {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : String(error));
  }
  if (result.response.ok) return result.data as Data<R>;
  const problem = isProblem(result.error) ? result.error : null;
  throw new ApiError(result.response.status, problem, problem?.detail ?? problem?.title ?? result.response.statusText);
};
