import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import { routes, type RouteId } from '../../api/contract';
import type { RouteDefinition } from '../../api/contract/define-route';
import type { ErrorReason } from '../../errors/reasons';
import type { ErrorCode, ErrorDetail } from '../../errors/backend-error';
import { zodIssuesToDetails } from '../../errors/from-zod';
import { codeForStatus, STATUS_FOR_CODE } from '../../errors/http-status';
import { createRequestId } from '../../bridge/request-id';
import { authenticate } from './access';
import { ApiError, errorBody } from './errors';
import type { Faults, RouteFault } from './faults';
import { handlers } from './handlers';
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

/** The one shape of every error answer: an ErrorBody with the code's status, echoing the request id. */
export function errorResponse(
  requestId: string,
  code: ErrorCode,
  message: string,
  details?: readonly ErrorDetail[],
  status: number = STATUS_FOR_CODE[code],
  reason?: ErrorReason,
): Response {
  // errorBody keeps it within the limits of ErrorBodySchema, so that clients always accept it.
  const body = errorBody(new ApiError(code, message, details, reason), requestId);
  const headers = new Headers({ 'X-Request-Id': requestId });
  if (code === 'UNAUTHORIZED') headers.set('WWW-Authenticate', 'Bearer realm="aurora"');
  return Response.json(body, { status, headers });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
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
async function readInput(route: RouteDefinition, c: Context) {
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
  const body = route.body === undefined ? undefined : parse(route.body, await readJson(c.req.raw));
  if (details.length > 0) throw new ApiError('VALIDATION', 'The request is invalid', details);
  return { params, query, body };
}

function success(route: RouteDefinition, result: unknown, requestId: string): Response {
  const headers = new Headers({ 'X-Request-Id': requestId });
  if (route.successStatus === 204) return new Response(null, { status: 204, headers });
  if (route.responseType === 'binary') {
    headers.set('Content-Type', 'application/pdf');
    return new Response(result as ArrayBuffer, { status: route.successStatus, headers });
  }
  return Response.json(result, { status: route.successStatus, headers });
}

// The input was validated with the route's own schemas above, so it is the handler's HandlerInput<K>.
type AnyHandler = (context: RequestContext | AuthenticatedContext, input: unknown) => unknown;

// Marks the answer of an injected network error on its way through hono's middleware (which cannot carry a
// `Response.error()`); the app's fetch turns it into one.
const DROP_HEADER = 'x-reference-api-drop';

/** The answer of an injected fault, after its delay; `undefined` lets the route run. */
async function playFault(store: Store, id: RouteId, fault: RouteFault, c: Context, requestId: string) {
  if (fault.delayMs !== undefined && fault.delayMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  }
  if (fault.networkError === true) return new Response(null, { status: 503, headers: { [DROP_HEADER]: '1' } });
  if (fault.expiredSession === true) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (token !== undefined) store.sessions.delete(token);
    return errorResponse(requestId, 'UNAUTHORIZED', 'The access token has expired', undefined, 401, 'session_expired');
  }
  if (fault.status === undefined) return undefined;
  const message = fault.message ?? `Injected failure: ${fault.status} on ${id}`;
  return errorResponse(requestId, fault.code ?? codeForStatus(fault.status), message, undefined, fault.status);
}

async function answer(store: Store, id: RouteId, c: Context, faults: Faults | undefined): Promise<Response> {
  const route: RouteDefinition = routes[id];
  const requestId = requestIdOf(c.req.raw);
  const fault = faults?.take(id);
  const failed = fault === undefined ? undefined : await playFault(store, id, fault, c, requestId);
  if (failed !== undefined) return failed;
  settleOperations(store);
  const caller = PUBLIC.has(id) ? undefined : authenticate(store, c.req.header('Authorization'));
  const input = await readInput(route, c);
  const handler = handlers[id] as unknown as AnyHandler;
  return success(route, handler({ store, requestId, ...caller }, input), requestId);
}

/** Path templates of the contract (`/tenants/{tenantId}`) in hono's syntax (`/tenants/:tenantId`). */
export const toHonoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * The reference Aurora API as a hono app under `basePath`, generated from the route contract: every route
 * authenticates (but `login`), validates its params, query and body, runs its domain handler on `store`
 * and answers with its success status; every failure is an ErrorBody. `faults` are played before a route runs.
 */
export function createApp(store: Store, basePath = '/api', faults?: Faults) {
  const app = new Hono().basePath(basePath === '' ? '/' : basePath);
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposeHeaders: ['X-Request-Id'],
    }),
  );
  for (const id of Object.keys(routes) as RouteId[]) {
    const route = routes[id];
    app.on(route.method, toHonoPath(route.path), (c) => answer(store, id, c, faults));
  }
  app.notFound((c) =>
    errorResponse(requestIdOf(c.req.raw), 'NOT_FOUND', `No route ${c.req.method} ${new URL(c.req.url).pathname}`),
  );
  app.onError((error, c) => {
    const requestId = requestIdOf(c.req.raw);
    if (error instanceof ApiError) {
      return errorResponse(
        requestId,
        error.code,
        error.message,
        error.details,
        STATUS_FOR_CODE[error.code],
        error.reason,
      );
    }
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
