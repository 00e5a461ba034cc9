import { routes, type RouteId } from '../../api/contract';
import type { Credentials } from './credentials';

/** One call of a route by id, loosely typed on purpose: tests send invalid input too. */
export interface RawCall {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string>>;
  /** JSON-encoded as the body. */
  body?: unknown;
  /** Sent as is instead of `body` (e.g. invalid JSON). */
  rawBody?: string;
  token?: string;
  headers?: Readonly<Record<string, string>>;
}

/** A response: JSON parsed, bytes for binary routes, undefined when empty. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export type Fetcher = (request: Request) => Response | Promise<Response>;

/** A fetch Request for route `id` under `baseUrl`, its `{param}`s filled in and encoded. */
export function routeRequest(baseUrl: string, id: RouteId, call: RawCall = {}): Request {
  const route = routes[id];
  const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(call.params?.[name] ?? ''),
  );
  const search = new URLSearchParams(call.query).toString();
  const headers = new Headers(call.headers);
  if (call.token !== undefined) headers.set('Authorization', `Bearer ${call.token}`);
  const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(`${baseUrl}${path}${search === '' ? '' : `?${search}`}`, {
    method: route.method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('application/json')) return response.json();
  if (type.includes('application/pdf')) return response.arrayBuffer();
  const text = await response.text();
  return text === '' ? undefined : text;
}

/**
 * A minimal client of the reference API for tests: `call` sends a route by id; every success answer is
 * checked against the route's response schema (unless the query selects fields), so each call is also a
 * contract check. `login` answers the access token.
 */
export function rawClient(fetcher: Fetcher, baseUrl: string) {
  async function call(id: RouteId, init: RawCall = {}): Promise<RawResponse> {
    const response = await fetcher(routeRequest(baseUrl, id, init));
    const body = await readBody(response);
    const route = routes[id];
    if (response.status === route.successStatus && init.query?.fields === undefined) {
      const parsed = route.response.safeParse(body);
      if (!parsed.success) throw new Error(`${id} answered a body that breaks its schema: ${parsed.error.message}`);
    }
    return { status: response.status, headers: response.headers, body };
  }

  async function login(credentials: Credentials): Promise<string> {
    const response = await call('login', { body: credentials });
    const body = response.body as { session?: { accessToken?: string } } | undefined;
    const token = body?.session?.accessToken;
    if (response.status !== 200 || token === undefined) throw new Error(`login failed with ${String(response.status)}`);
    return token;
  }

  return { call, login };
}

export type RawClient = ReturnType<typeof rawClient>;
