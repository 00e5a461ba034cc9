import type { RouteDefinition, RouteRequest } from './contract/define-route';

/**
 * Splits an operation's flat input (`{ tenantId, name }`) into the route's path params (`{ tenantId }`) and
 * body (`{ name }`). `query` is never part of a body: list operations encode it separately.
 */
export function splitInput<R extends RouteDefinition>(route: R, input: object): RouteRequest<R> {
  const paramNames = new Set(route.params ? Object.keys(route.params.shape) : []);
  const params: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (paramNames.has(key)) params[key] = value;
    else if (key !== 'query') body[key] = value;
  }
  // The route's schemas validate both parts in the transport; this only routes fields to their place.
  return { params, ...(route.body === undefined ? {} : { body }) } as unknown as RouteRequest<R>;
}
