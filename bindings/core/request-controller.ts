import { isBackendError, type BackendError } from '../../errors/backend-error';
import { cancelled, defect } from '../../errors/messages';
import type { RequestArgs, RequestOptions, WUIBridge } from '../../event-helper';
import type { RequestName, RequestResult } from '../../event-names';
import { createRequestId } from '../../bridge/request-id';
import type { ExternalStore } from './external-store';
import { Subscribable } from './subscribable';

/** Where a component's request is: never sent, waiting for its outcome, or ended one way or the other. */
export const REQUEST_STATUSES = ['idle', 'pending', 'success', 'error'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What a component shows of its request: the latest execution's status, and what the requests brought. */
export interface RequestSnapshot<K extends RequestName = RequestName> {
  status: RequestStatus;
  /** The payload of the latest success; kept while a newer execution is pending, so a list does not blink. */
  data: RequestResult<K> | undefined;
  /** The typed error of the latest execution, when it failed (a `CANCELLED` one after `abort()`). */
  error: BackendError | undefined;
  /** The `requestId` of the latest execution: correlates it with the bridge's events (and `useOperation`). */
  requestId: string | undefined;
}

/** How one execution ended: never a rejected promise, so a component that ignores it leaks nothing. */
export type RequestOutcome<K extends RequestName = RequestName> =
  { ok: true; data: RequestResult<K> } | { ok: false; error: BackendError };

/** One component's request of kind `K`: execute it, abort it, and read its latest state. */
export interface RequestController<K extends RequestName> extends ExternalStore<RequestSnapshot<K>> {
  /**
   * Sends the request (the same arguments as `bridge.request`) and resolves with its outcome. Executions may
   * overlap; each gets its own outcome, and the snapshot follows the latest.
   */
  execute(...args: RequestArgs<K>): Promise<RequestOutcome<K>>;
  /** Aborts every execution still in flight: each ends `CANCELLED`, and its HTTP call is aborted. */
  abort(reason?: unknown): void;
  /** Aborts what is in flight and stops updating: the component is gone. Later executions end `CANCELLED`. */
  dispose(): void;
}

const IDLE: RequestSnapshot<never> = Object.freeze({
  status: 'idle',
  data: undefined,
  error: undefined,
  requestId: undefined,
});

/** The request `name` of one component, as an {@link ExternalStore} plus `execute`/`abort`/`dispose`. */
export function createRequestController<K extends RequestName>(bridge: WUIBridge, name: K): RequestController<K> {
  const listeners = new Subscribable();
  const inFlight = new Set<AbortController>();
  let snapshot: RequestSnapshot<K> = IDLE;
  let latest = 0;
  let disposed = false;

  function update(next: RequestSnapshot<K>): void {
    if (disposed) return;
    snapshot = Object.freeze(next);
    listeners.notify();
  }

  async function execute(...args: RequestArgs<K>): Promise<RequestOutcome<K>> {
    const [input, options = {}] = args as [unknown, RequestOptions | undefined];
    const requestId = options.requestId ?? createRequestId();
    if (disposed) return { ok: false, error: cancelled(name, requestId, 'the component was unmounted') };
    const execution = ++latest;
    const controller = new AbortController();
    inFlight.add(controller);
    const signal =
      options.signal === undefined ? controller.signal : AbortSignal.any([controller.signal, options.signal]);
    update({ status: 'pending', data: snapshot.data, error: undefined, requestId });
    let outcome: RequestOutcome<K>;
    try {
      const send = bridge.request.bind(bridge) as (n: K, i: unknown, o: RequestOptions) => Promise<RequestResult<K>>;
      outcome = { ok: true, data: await send(name, input, { ...options, requestId, signal }) };
    } catch (error) {
      outcome = { ok: false, error: isBackendError(error) ? error : defect(name, requestId, error) };
    } finally {
      inFlight.delete(controller);
    }
    if (execution === latest) {
      update(
        outcome.ok
          ? { status: 'success', data: outcome.data, error: undefined, requestId }
          : { status: 'error', data: snapshot.data, error: outcome.error, requestId },
      );
    }
    return outcome;
  }

  function abort(reason?: unknown): void {
    for (const controller of [...inFlight]) controller.abort(reason);
  }

  return {
    subscribe: listeners.subscribe,
    getSnapshot: () => snapshot,
    execute,
    abort,
    dispose() {
      if (disposed) return;
      abort('the component was unmounted');
      disposed = true;
    },
  };
}
