import { abortReason } from './wait';

/**
 * At most `limit` HTTP attempts in flight; the others wait in submission order (FIFO), so no call is starved.
 * A waiting call whose signal aborts leaves the queue at once, without ever being sent.
 */
export interface CallQueue {
  /** Takes a free slot now if there is one (the common case: no promise, no allocation). */
  tryAcquire(): boolean;
  /** Waits for a slot; rejects with the signal's reason if it aborts first. */
  acquire(signal: AbortSignal | undefined): Promise<void>;
  /** Gives back a slot: the oldest waiter gets it. */
  release(): void;
  /** Attempts in flight and calls waiting, for tests and diagnostics. */
  readonly active: number;
  readonly waiting: number;
}

interface Waiter {
  resolve(): void;
}

export function createCallQueue(limit: number): CallQueue {
  let active = 0;
  const waiters: Waiter[] = [];
  // Waiters are removed on abort by identity; a linear scan is fine for queues of a few hundred.
  return {
    tryAcquire() {
      if (active >= limit || waiters.length > 0) return false;
      active++;
      return true;
    },
    acquire(signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const onAbort = () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(abortReason(signal));
        };
        const waiter: Waiter = {
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
      });
    },
    release() {
      const next = waiters.shift();
      // The slot passes straight to the oldest waiter, so `active` stays the same.
      if (next !== undefined) next.resolve();
      else active--;
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiters.length;
    },
  };
}
