/**
 * Latest wins per key: remembers the newest request of each key, and hands back the one it replaced so that
 * the handler ends it `CANCELLED` (superseded). Keys are scoped by request name.
 */
export function createLatestWins() {
  const newest = new Map<string, string>();

  return {
    /** Records `requestId` as the newest of `name` + `key`; returns the request it supersedes, if any. */
    enter(name: string, key: string, requestId: string): string | undefined {
      const scoped = `${name}\u0000${key}`;
      const previous = newest.get(scoped);
      newest.set(scoped, requestId);
      return previous;
    },
    /** The request ended: forget it, unless a newer one of its key already took its place. */
    leave(name: string, key: string, requestId: string): void {
      const scoped = `${name}\u0000${key}`;
      if (newest.get(scoped) === requestId) newest.delete(scoped);
    },
  };
}

export type LatestWins = ReturnType<typeof createLatestWins>;
