/** What a granted lock is known by (the Web Locks API's `Lock`). */
export interface HeldLock {
  readonly name: string;
}

/** How a lock is asked for (the Web Locks API's `LockOptions`, exclusive mode only). */
export interface LockRequestOptions {
  mode?: 'exclusive';
  /** Grant it now or call back with `null`, never wait. */
  ifAvailable?: boolean;
  /** Drops the request while it waits; the request then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The part of the Web Locks API (`navigator.locks`) used here: one holder per name across the tabs of an
 * origin, the others waiting in order. The lock is held until the promise the callback returns settles, and
 * a closing tab releases its locks, so a waiting tab takes over.
 */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: LockRequestOptions,
    callback: (lock: HeldLock | null) => T | PromiseLike<T>,
  ): Promise<T>;
}

/** `navigator.locks` where the platform has it (browsers, recent Node); `undefined` elsewhere. */
export function defaultLockManager(): LockManagerLike | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return typeof locks?.request === 'function' ? locks : undefined;
}

/**
 * Runs each task holding lock `name`, one at a time across the tabs of the origin. Where the platform refuses
 * the lock (an opaque origin throws `SecurityError`), the task runs without it rather than not at all.
 */
export function acrossTabs(locks: LockManagerLike, name: string): <T>(task: () => Promise<T>) => Promise<T> {
  return async <T>(task: () => Promise<T>): Promise<T> => {
    let started = false as boolean;
    try {
      return await locks.request(name, { mode: 'exclusive' }, () => {
        started = true;
        return task();
      });
    } catch (error) {
      if (started) throw error;
      return task();
    }
  };
}
