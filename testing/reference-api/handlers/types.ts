import type { z } from 'zod';
import type { RouteId, Routes } from '../../../api/contract';
import type { Caller } from '../access';
import type { Exchange } from '../exchange';
import type { Store } from '../store';

/** Routes that answer without a bearer token: signing in and refreshing a session. */
export const PUBLIC_ROUTES = ['login', 'refreshSession'] as const satisfies readonly RouteId[];
export type PublicRouteId = (typeof PUBLIC_ROUTES)[number];

/** What every handler gets: the store, the request's correlation id and its cookies and answer headers. */
export interface RequestContext {
  store: Store;
  requestId: string;
  exchange: Exchange;
}
/** What handlers of authenticated routes get: also the caller. */
export type AuthenticatedContext = RequestContext & Caller;

type Parsed<R, Part extends string> = R extends { readonly [P in Part]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;

/** The validated path params, query and body of route `K` (undefined where the route has none). */
export interface HandlerInput<K extends RouteId> {
  params: Parsed<Routes[K], 'params'>;
  query: Parsed<Routes[K], 'query'>;
  body: Parsed<Routes[K], 'body'>;
}

/** What a handler of route `K` returns: its response schema's input (bytes for binary routes, undefined for 204). */
export type HandlerResult<K extends RouteId> = z.input<Routes[K]['response']>;

export type Handler<K extends RouteId> = (
  context: K extends PublicRouteId ? RequestContext : AuthenticatedContext,
  input: HandlerInput<K>,
) => HandlerResult<K>;

/** The handlers of a set of routes: exactly one per route id. */
export type Handlers<K extends RouteId> = { [P in K]: Handler<P> };
