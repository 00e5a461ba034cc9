import type { RouteDefinition, RouteRequest } from '../api/contract/define-route';
import { encodeListQuery } from '../api/contract/list-query-codec';
import type { ListQuery } from '../api/contract/list-query';
import type { CallApi } from './define-request';

/**
 * Splits a request's flat input (`{ tenantId, name }`) into the route's path params (`{ tenantId }`) and
 * body (`{ name }`). `query` is never part of a body: list requests encode it with {@link sendList}.
 */
export function splitInput<R extends RouteDefinition>(route: R, input: unknown): RouteRequest<R> {
  const paramNames = new Set(route.params ? Object.keys(route.params.shape) : []);
  const params: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (paramNames.has(key)) params[key] = value;
    else if (key !== 'query') body[key] = value;
  }
  // The route's schemas validate both parts in the transport; this only routes fields to their place.
  return { params, ...(route.body === undefined ? {} : { body }) } as unknown as RouteRequest<R>;
}

/** The default `call`: the flat input split into params and body, the response as the success payload. */
export function sendInput<R extends RouteDefinition>(input: unknown, api: CallApi<R>): Promise<unknown> {
  return api.send(splitInput(api.route, input));
}

/** The `call` of requests whose route answers `204 No Content`: the input says what was removed. */
export async function sendAndEcho<I, R extends RouteDefinition>(input: I, api: CallApi<R>): Promise<I> {
  await api.send(splitInput(api.route, input));
  return input;
}

/** The `call` of list requests: the path params, and the list query encoded in the query string. */
export function sendList<R extends RouteDefinition>(
  { query, ...params }: { query?: ListQuery | undefined },
  api: CallApi<R>,
): ReturnType<CallApi<R>['send']> {
  return api.send({ params, query: encodeListQuery(query ?? {}) } as unknown as RouteRequest<R>);
}
