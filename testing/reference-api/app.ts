import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import { routes, type RouteId } from '../../api/contract';
import { LAST_EVENT_ID_HEADER } from '../../api/contract/event-routes';
import type { RouteDefinition } from '../../api/contract/define-route';
import type { ErrorDetail } from '../../errors/backend-error';
import { zodIssuesToDetails } from '../../errors/from-zod';
import { createRequestId } from '../../bridge/request-id';
import { authenticate, type Caller } from './access';
import { ApiError } from './errors';
import { exchangeOf } from './exchange';
import { apiErrorResponse, DROP_HEADER, errorResponse, playFault, spoilAnswer } from './fault-answers';
import type { Faults } from './faults';
import {
  fingerprintOf,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyOf,
  REPLAYED_HEADER,
  type IdempotencyKeys,
} from './idempotency';
import { answerStream } from './events/stream-route';
import { DEFAULT_HEARTBEAT_MS, StreamHub } from './events/stream-hub';
import { handlers, type HandledRouteId } from './handlers';
import { PUBLIC_ROUTES, type AuthenticatedContext, type RequestContext } from './handlers/types';
import { settleOperations } from './operations';
import type { Store } from './store';

// A request id we echo must fit the ErrorBody (<= 128 chars) and be safe in a header.
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;
const PUBLIC: ReadonlySet<string> = new Set(PUBLIC_ROUTES);

function requestIdOf(request: Request): string {
  const given = request.headers.get('X-Request-Id');
  return given !== null && REQUEST_ID.test(given) ? given : createRequestId();
}

function readJson(text: string): unknown {
  if (text.trim() === '') {
    throw new ApiError('VALIDATION', 'The request needs a JSON body', [{ path: '', message: 'expected a JSON body' }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError('VALIDATION', 'The request body is not valid JSON', [{ path: '', message: reason }]);
  }
}

/** Validates the path params, query and body of a request with the route's schemas: one 400 for all problems. */
function readInput(route: RouteDefinition, c: Context, bodyText: string) {
  const details: ErrorDetail[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown): unknown => {
    if (schema === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    details.push(...zodIssuesToDetails(parsed.error));
    return undefined;
  };
  const params = parse(route.params, c.req.param());
  const query = parse(route.query, c.req.query());
  const body = route.body === undefined ? undefined : parse(route.body, readJson(bodyText));
  if (details.length > 0) throw new ApiError('VALIDATION', 'The request is invalid', details);
  return { params, query, body };
}

function success(route: RouteDefinition, result: unknown, requestId: string, extra: Headers): Response {
  const headers = new Headers(extra);
  headers.set('X-Request-Id', requestId);
  if (route.successStatus === 204) return new Response(null, { status: 204, headers });
  if (route.responseType === 'binary') {
    headers.set('Content-Type', 'application/pdf');
    return new Response(result as ArrayBuffer, { status: route.successStatus, headers });
  }
  headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(result), { status: route.successStatus, headers });
}

// The input was validated with the route's own schemas above, so it is the handler's HandlerInput<K>.
type AnyHandler = (context: RequestContext | AuthenticatedContext, input: unknown) => unknown;

type Authentication = { caller: Caller | undefined; error?: never } | { caller?: never; error: ApiError };

function authenticationOf(store: Store, id: RouteId, request: Request): Authentication {
  if (PUBLIC.has(id)) return { caller: undefined };
  try {
    return { caller: authenticate(store, request.headers.get('Authorization') ?? undefined) };
  } catch (error) {
    if (error instanceof ApiError) return { error };
    throw error;
  }
}

/** Runs the route's handler: its answer, or the error answer of a rule it broke. */
function run(store: Store, id: HandledRouteId, c: Context, basePath: string, requestId: string, bodyText: string) {
  const route: RouteDefinition = routes[id];
  const exchange = exchangeOf(c.req.raw, basePath);
  const input = readInput(route, c, bodyText);
  return (caller: Caller | undefined): Response => {
    const handler = handlers[id] as unknown as AnyHandler;
    try {
      return success(route, handler({ store, requestId, exchange, ...caller }, input), requestId, exchange.headers);
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error, requestId);
      throw error;
    }
  };
}

async function answer(store: Store, id: HandledRouteId, c: Context, basePath: string, faults: Faults | undefined) {
  const route: RouteDefinition = routes[id];
  const request = c.req.raw;
  const requestId = requestIdOf(request);
  const fault = faults?.take(id);
  const bodyText = route.body === undefined ? '' : await request.text();
  const authentication = authenticationOf(store, id, request);
  // A 401 is not an answer of the route: only requests that reach their handler claim their key.
  const claim =
    authentication.error === undefined
      ? await claimKey(store.idempotency, request, authentication.caller?.user.id ?? 'public', bodyText)
      : undefined;
  if (claim?.kind === 'replay') {
    claim.response.headers.set('X-Request-Id', requestId);
    return claim.response;
  }
  if (claim?.kind === 'refused') return apiErrorResponse(claim.error, requestId);
  const ticket = claim?.kind === 'first' ? claim : undefined;
  let answered: Response;
  try {
    const endSession = () => {
      if (authentication.caller?.credential.type === 'session')
        store.sessions.delete(authentication.caller.credential.value);
    };
    const failed = fault === undefined ? undefined : await playFault(id, fault, requestId, endSession);
    if (failed !== undefined) return failed;
    settleOperations(store);
    if (authentication.error !== undefined) throw authentication.error;
    answered = run(store, id, c, basePath, requestId, bodyText)(authentication.caller);
    await ticket?.complete(answered);
  } catch (error) {
    // Rejected before the route ran (401, 400): nothing to replay, but a fault still spoils the answer.
    if (!(error instanceof ApiError) || fault === undefined) throw error;
    answered = apiErrorResponse(error, requestId);
  } finally {
    ticket?.abandon();
  }
  return fault === undefined ? answered : spoilAnswer(route, fault, answered, requestId);
}

/** Claims the request's `Idempotency-Key` for `scope`; `undefined` when it carries none. */
async function claimKey(keys: IdempotencyKeys, request: Request, scope: string, bodyText: string) {
  const key = idempotencyKeyOf(request);
  if (key === undefined) return undefined;
  return keys.claim(scope, key, await fingerprintOf(request, bodyText));
}

/** Path templates of the contract (`/tenants/{tenantId}`) in hono's syntax (`/tenants/:tenantId`). */
export const toHonoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * The reference Aurora API as a hono app under `basePath`, generated from the route contract: every route
 * authenticates (but `login` and `refreshSession`), honours an `Idempotency-Key`, validates its params, query
 * and body, runs its domain handler on `store` and answers with its success status; every failure is an
 * ErrorBody. `faults` are played before a route runs (or, for those that let it run, on its answer). `GET /events`
 * streams the changes the `live` hub finds after every request (see events/).
 */
export function createApp(store: Store, basePath = '/api', faults?: Faults, live?: StreamHub) {
  const hub = live ?? new StreamHub(store, { heartbeatMs: DEFAULT_HEARTBEAT_MS });
  const app = new Hono().basePath(basePath === '' ? '/' : basePath);
  // `origin: '*'` cannot be credentialed: cross-origin browsers get no refresh cookie. The playground is
  // served by the same server (same origin), which is the supported browser path for the cookie.
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', IDEMPOTENCY_KEY_HEADER, LAST_EVENT_ID_HEADER],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposeHeaders: ['X-Request-Id', REPLAYED_HEADER, 'Retry-After', LAST_EVENT_ID_HEADER],
    }),
  );
  for (const id of Object.keys(routes) as RouteId[]) {
    const route: RouteDefinition = routes[id];
    if (route.responseType === 'event-stream') {
      app.on(route.method, toHonoPath(route.path), (c) =>
        answerStream(store, hub, c.req.raw, requestIdOf(c.req.raw), faults?.take(id)),
      );
      continue;
    }
    app.on(route.method, toHonoPath(route.path), async (c) => {
      try {
        return await answer(store, id as HandledRouteId, c, basePath, faults);
      } finally {
        // Whoever changed what, open streams hear of it now; a sign-out ends its streams.
        hub.afterRequest(route.method);
      }
    });
  }
  app.notFound((c) =>
    errorResponse(requestIdOf(c.req.raw), 'NOT_FOUND', `No route ${c.req.method} ${new URL(c.req.url).pathname}`),
  );
  app.onError((error, c) => {
    const requestId = requestIdOf(c.req.raw);
    if (error instanceof ApiError) return apiErrorResponse(error, requestId);
    return errorResponse(requestId, 'SERVER', `The reference API failed: ${error.message}`);
  });
  // An injected network error answers `Response.error()`: msw turns it into a failed fetch, the real server
  // into a dropped connection.
  const answerOf = app.fetch;
  app.fetch = async (...args) => {
    const response = await answerOf(...args);
    return response.headers.has(DROP_HEADER) ? Response.error() : response;
  };
  return app;
}

/** The hono app of a reference API. */
export type ReferenceApp = ReturnType<typeof createApp>;
