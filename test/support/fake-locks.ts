import type { HeldLock, LockManagerLike, LockRequestOptions } from '../../api/stream/lock-manager';

// An in-memory Web Locks API (exclusive mode) for Node, which has no `navigator.locks`: what several tabs of
// one origin share. As in browsers: one holder per name, waiting requests granted in the order they came,
// the callback runs in a later microtask, the lock is held until the callback's promise settles, and an
// aborted waiting request rejects with the signal's reason.

interface Waiting {
  callback: (lock: HeldLock | null) => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** A {@link LockManagerLike} whose state tests can read. */
export interface FakeLocks extends LockManagerLike {
  /** Whether lock `name` is held now. */
  isHeld(name: string): boolean;
  /** How many requests wait for lock `name`. */
  waiting(name: string): number;
  /** How many locks were granted so far, over all names. */
  readonly grants: number;
}

// Browsers reject with the signal's reason: an AbortError DOMException unless the caller gave one.
const aborted = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new DOMException('The request was aborted', 'AbortError');

export function createFakeLocks(): FakeLocks {
  const held = new Set<string>();
  const queues = new Map<string, Waiting[]>();
  let grants = 0;

  const queueOf = (name: string): Waiting[] => {
    let queue = queues.get(name);
    if (queue === undefined) queues.set(name, (queue = []));
    return queue;
  };

  function run(name: string, entry: Waiting): void {
    held.add(name);
    grants++;
    entry.signal?.removeEventListener('abort', entry.onAbort);
    void Promise.resolve()
      .then(() => entry.callback({ name }))
      .then(entry.resolve, entry.reject)
      .finally(() => {
        held.delete(name);
        grantNext(name);
      });
  }

  function grantNext(name: string): void {
    if (held.has(name)) return;
    const next = queueOf(name).shift();
    if (next !== undefined) run(name, next);
  }

  const locks: FakeLocks = {
    request<T>(
      name: string,
      options: LockRequestOptions,
      callback: (lock: HeldLock | null) => T | PromiseLike<T>,
    ): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const { signal } = options;
        if (signal?.aborted === true) {
          reject(aborted(signal));
          return;
        }
        const entry: Waiting = {
          callback,
          resolve: resolve as (value: unknown) => void,
          reject,
          signal,
          onAbort: () => {
            const queue = queueOf(name);
            const at = queue.indexOf(entry);
            if (at < 0) return;
            queue.splice(at, 1);
            if (signal !== undefined) reject(aborted(signal));
          },
        };
        if (options.ifAvailable === true && (held.has(name) || queueOf(name).length > 0)) {
          void Promise.resolve()
            .then(() => callback(null))
            .then(resolve, reject);
          return;
        }
        signal?.addEventListener('abort', entry.onAbort, { once: true });
        queueOf(name).push(entry);
        grantNext(name);
      });
    },
    isHeld: (name) => held.has(name),
    waiting: (name) => queues.get(name)?.length ?? 0,
    get grants() {
      return grants;
    },
  };
  return locks;
}
