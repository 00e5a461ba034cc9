import type { z } from 'zod';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One REST route of the Aurora API, declared once and used by the client (api services), the reference
 * backend and the OpenAPI document. `path` is a template: `{name}` stands for a path parameter of `params`.
 */
export interface RouteDefinition {
  /** Stable identifier, also the OpenAPI operationId. */
  id: string;
  method: HttpMethod;
  path: `/${string}`;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Schema of the success body; for `binary` routes, ignored by the client (the body is bytes). */
  response: z.ZodType;
  successStatus: number;
  /**
   * `binary` bodies (e.g. an invoice PDF) are returned as bytes, not parsed as JSON. `event-stream` routes
   * answer `text/event-stream` and stay open; `response` is then the schema of one event. Only the live
   * stream client (`api/stream/`) reads them, never the request transport.
   */
  responseType?: 'json' | 'binary' | 'event-stream';
  /**
   * Body fields whose values are secrets (passwords, credential secrets, tokens), as dotted paths into the
   * body (`'cloudProvider.credentialSecret'`). The transport removes their values from every error text of
   * the call, even when the server echoes them. A test fails when a body field named like a secret is not
   * listed here.
   * @default [] (no secret in the body)
   * @example ['currentPassword', 'newPassword']
   */
  secretFields?: readonly string[];
  /**
   * How the route authenticates. `'bearer'`: the access token is sent, and a 401 may refresh the session and
   * replay the call once. `'none'`: the route authenticates by itself (login, session refresh): no access
   * token is sent and a 401 is the answer, never a reason to refresh. `'no-refresh'`: the token is sent but a
   * 401 is final (logout: a session that is gone needs no refresh to end).
   * @default 'bearer'
   * @example 'none'
   */
  auth?: RouteAuth;
}

/** How a route authenticates: see {@link RouteDefinition.auth}. */
export const ROUTE_AUTH = ['bearer', 'none', 'no-refresh'] as const;
export type RouteAuth = (typeof ROUTE_AUTH)[number];

/** Declares a route, keeping its literal types so that calls to it are typed from its schemas. */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

/** The input type of schema `S`, or `never` when a route has no such part. */
export type SchemaInput<S> = S extends z.ZodType ? z.input<S> : never;

/** What a call to route `R` takes: its path params, query and body, each present only when the route has it. */
export type RouteRequest<R extends RouteDefinition> = (R['params'] extends z.ZodType
  ? { params: SchemaInput<R['params']> }
  : { params?: never }) &
  (R['query'] extends z.ZodType ? { query?: SchemaInput<R['query']> } : { query?: never }) &
  (R['body'] extends z.ZodType ? { body: SchemaInput<R['body']> } : { body?: never });

/** What a call to route `R` resolves with. */
export type RouteResponse<R extends RouteDefinition> = R['responseType'] extends 'binary'
  ? ArrayBuffer
  : z.output<R['response']>;
