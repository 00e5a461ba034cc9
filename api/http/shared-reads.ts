import { isBackendError, type BackendError } from '../../errors/backend-error';

/** What one caller of a shared read brings: its request id and its own signal. */
export interface Sharer {
  requestId: string;
  signal?: AbortSignal | undefined;
}

interface Entry {
  result: Promise<unknown>;
  callers: number;
  controller: AbortController;
}

/**
 * Identical reads in flight share one call: the first caller starts it, the others join it while it runs.
 * Each caller gets the result, or its own copy of the error (its own `requestId`). A caller whose signal
 * aborts leaves alone (it rejects with `leave`'s error); the shared call is aborted only when every caller
 * has left.
 */
export interface SharedReads {
  join<T>(
    key: string,
    sharer: Sharer,
    start: (signal: AbortSignal) => Promise<T>,
    leave: (signal: AbortSignal) => BackendError,
  ): Promise<T>;
  /**
   * The next `join` of `key` starts a call of its own: the read in flight goes on for those who joined it,
   * but no one joins it any more (it may have left before a write that the next caller must see).
   */
  forget(key: string): void;
  /** Reads in flight, for tests and diagnostics. */
  readonly size: number;
}

export function createSharedReads(): SharedReads {
  const inFlight = new Map<string, Entry>();

  function open(key: string, start: (signal: AbortSignal) => Promise<unknown>): Entry {
    const controller = new AbortController();
    const entry: Entry = { result: Promise.resolve(), callers: 0, controller };
    const forget = () => {
      if (inFlight.get(key) === entry) inFlight.delete(key);
    };
    entry.result = start(controller.signal).finally(forget);
    // Nobody may be left to observe the outcome (all aborted): it must not be an unhandled rejection.
    entry.result.catch(() => undefined);
    inFlight.set(key, entry);
    return entry;
  }

  return {
    forget(key) {
      inFlight.delete(key);
    },
    join<T>(
      key: string,
      sharer: Sharer,
      start: (signal: AbortSignal) => Promise<T>,
      leave: (signal: AbortSignal) => BackendError,
    ): Promise<T> {
      const { signal, requestId } = sharer;
      if (signal?.aborted) return Promise.reject(leave(signal));
      const entry = inFlight.get(key) ?? open(key, start);
      entry.callers++;
      return new Promise<T>((resolve, reject) => {
        let done = false;
        const onAbort = () => {
          if (done) return;
          done = true;
          reject(leave(signal as AbortSignal));
          if (--entry.callers === 0) {
            if (inFlight.get(key) === entry) inFlight.delete(key);
            entry.controller.abort();
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        entry.result.then(
          (value) => {
            if (done) return;
            done = true;
            signal?.removeEventListener('abort', onAbort);
            resolve(value as T);
          },
          (error: unknown) => {
            if (done) return;
            done = true;
            signal?.removeEventListener('abort', onAbort);
            reject(isBackendError(error) ? error.withRequestId(requestId) : abortedOr(error));
          },
        );
      });
    },
    get size() {
      return inFlight.size;
    },
  };
}

function abortedOr(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
