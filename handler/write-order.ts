import type { RouteDefinition } from '../api/contract/define-route';

/**
 * The resource a write changes, as a key: its route's path up to the last path parameter, filled from the
 * input (`PUT /tenants/{tenantId}/services/{serviceId}/scale` -> the service). A route without parameters
 * keys by its first two segments (`/users/me/password` -> `/users/me`), so writes to the signed-in user
 * queue together; `login` and `logout` queue on `/auth`.
 */
export function resourceKey(route: RouteDefinition, input: unknown): string {
  const path = route.path;
  // Signing in and out change one thing, the session: a logout sent after a login waits for it.
  if (path.startsWith('/auth/')) return '/auth';
  const lastParam = path.lastIndexOf('}');
  const template = lastParam >= 0 ? path.slice(0, lastParam + 1) : path.split('/').slice(0, 3).join('/');
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  // The input is not validated yet: only a string can be an id (anything else fails validation later, and
  // must not be walked here, however deep it nests).
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = fields[name];
    return typeof value === 'string' ? `{${JSON.stringify(value)}}` : '{?}';
  });
}

/**
 * Runs writes to one resource one after the other, in the order they were submitted, so that the server and
 * the state tree both end with the last one: `scaleService` to 3 then to 5 can never leave 3. Writes to
 * different resources, and all reads, run concurrently.
 */
export function createWriteOrder() {
  // The last write queued per resource; removed when it ends with nothing queued behind it.
  const tails = new Map<string, Promise<unknown>>();

  return {
    /** Runs `write` once every write queued before it for `key` has ended (whatever their outcome). */
    run<T>(key: string, write: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(write, write);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    /** How many resources have writes queued or running. */
    get size(): number {
      return tails.size;
    },
  };
}

export type WriteOrder = ReturnType<typeof createWriteOrder>;
