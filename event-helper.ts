import { EventEmitter } from 'eventemitter3';
import { BackendError } from './errors/backend-error';
import { ADVICE } from './errors/http-status';
import { toBackendError } from './errors/to-backend-error';
import {
  isLongRunning,
  isOperationName,
  type EmitArgs,
  type EventName,
  type Listener,
  type OperationName,
  type OperationResult,
  type OutcomeMeta,
  type RequestEmitArgs,
  type RequestMeta,
  type ResolvedRequestMeta,
} from './event-names';
import { cancelled, checkMeta, describeOperations, optionsError } from './bridge/request-checks';
import { createRequestId } from './bridge/request-id';

/** Removes the listener it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** Options of {@link WUIBridge.request}. */
export type RequestOptions = {
  /**
   * Rejects with a `TIMEOUT` error, and aborts the HTTP call, when no outcome arrived within this many ms.
   * @default undefined (no limit beyond the transport's own `timeoutMs` per HTTP call)
   * @example 10_000
   */
  timeoutMs?: number;
  /**
   * Cancels the request: it rejects with a `CANCELLED` error and its HTTP call is aborted.
   * @example AbortSignal.timeout(5_000)
   */
  signal?: AbortSignal;
  /**
   * For long-running operations (deployService, scaleService, ...): resolve when the API accepted the
   * request (`'accepted'`, with the pending operation) or only when the operation ended (`'completed'`, with
   * the succeeded operation; a failed one rejects). Other operations ignore it.
   * @default 'accepted'
   * @example { until: 'completed', timeoutMs: 120_000 }
   */
  until?: 'accepted' | 'completed';
  /**
   * Correlation id of this request; generated when omitted.
   * @default crypto.randomUUID()
   */
  requestId?: string;
};

/** Options of {@link createWUIBridge}. */
export type WUIBridgeOptions = {
  /**
   * Called when a listener throws or its promise rejects. Listeners are isolated: the others still run,
   * and the error never becomes an unhandled rejection.
   * @default logs the error with `console.error`
   * @example (error, event) => reportToSentry(error, { event })
   */
  onListenerError?: (error: unknown, event: EventName) => void;
};

type Wrapper = (...args: unknown[]) => void;

export type RequestArgs<K extends OperationName> = undefined extends RequestEmitArgs<K>[0]
  ? [input?: RequestEmitArgs<K>[0], options?: RequestOptions]
  : [input: RequestEmitArgs<K>[0], options?: RequestOptions];

/**
 * The typed event bus between WUI components and the backend handler. Every method is typed from the one
 * event map in `event-names.ts`: an unknown event or a wrong payload does not compile.
 */
export class WUIBridge {
  readonly #emitter = new EventEmitter();
  readonly #wrappers = new Map<EventName, Map<unknown, Set<Wrapper>>>();
  readonly #onListenerError: (error: unknown, event: EventName) => void;
  readonly #claimed = new Set<OperationName>();
  /** Request ids whose outcome has not been emitted yet; a second request may not reuse one. */
  readonly #inFlight = new Set<string>();

  constructor(options: WUIBridgeOptions = {}) {
    this.#onListenerError =
      options.onListenerError ?? ((error, event) => console.error(`[aurora] a listener of "${event}" failed`, error));
  }

  /** Calls `listener` on every `event` until the returned function is called. */
  on<E extends EventName>(event: E, listener: Listener<E>): Unsubscribe {
    return this.#add(event, listener, false);
  }

  /** Calls `listener` on the next `event` only. */
  once<E extends EventName>(event: E, listener: Listener<E>): Unsubscribe {
    return this.#add(event, listener, true);
  }

  /** Removes every registration of `listener` for `event`. */
  off<E extends EventName>(event: E, listener: Listener<E>): void {
    for (const wrapper of [...(this.#wrappers.get(event)?.get(listener) ?? [])]) {
      this.#remove(event, listener, wrapper);
    }
  }

  /**
   * Emits `event`. For a request event, returns its `requestId` (the given one or a new one); when no
   * handler listens, the request is answered at once with a `CONFIG` error outcome.
   */
  emit<E extends OperationName>(event: E, ...args: EmitArgs<E>): string;
  emit<E extends EventName>(event: E, ...args: EmitArgs<E>): void;
  emit<E extends EventName>(event: E, ...args: EmitArgs<E>): string | void {
    if (isOperationName(event)) {
      const [input, meta] = args as [unknown, RequestMeta | undefined];
      return this.#dispatchRequest(event, input, { ...meta, requestId: meta?.requestId ?? createRequestId() });
    }
    if (event.endsWith(':success') || event.endsWith(':error')) {
      this.#inFlight.delete((args[1] as OutcomeMeta).requestId);
    }
    this.#emitter.emit(event, ...args);
  }

  /**
   * Declares that the caller (a backend handler) answers `operations` on this bridge, so requests for them
   * are delivered and not answered with a `CONFIG` error. Only one handler may answer an operation: two
   * would emit two outcomes per request. Returns the function that releases the claim.
   */
  claim(operations: readonly OperationName[]): Unsubscribe {
    const taken = operations.filter((operation) => this.#claimed.has(operation));
    if (taken.length > 0) {
      throw new BackendError({
        code: 'CONFIG',
        message: `Another backend handler already answers ${describeOperations(taken)} on this bridge. Stop it before starting this one: two handlers would answer every request twice.`,
      });
    }
    for (const operation of operations) this.#claimed.add(operation);
    return () => {
      for (const operation of operations) this.#claimed.delete(operation);
    };
  }

  #dispatchRequest(event: OperationName, input: unknown, resolved: ResolvedRequestMeta): string {
    checkMeta(event, resolved);
    const { requestId } = resolved;
    if (!this.#claimed.has(event)) {
      const error = new BackendError({
        code: 'CONFIG',
        message: `No backend handler answers "${event}": none is started on this bridge. Call handler.start() before emitting requests.`,
        requestId,
      });
      this.#emitter.emit(event, input, resolved);
      this.#emitter.emit(`${event}:error`, error, { requestId, operation: event, durationMs: 0 });
      return requestId;
    }
    if (this.#inFlight.has(requestId)) {
      throw new BackendError({
        code: 'VALIDATION',
        message: `"${event}" was not sent: requestId "${requestId}" belongs to a request still in flight. Omit requestId to let the bridge generate a unique one.`,
        details: [{ path: 'meta.requestId', message: 'already in flight' }],
        requestId,
      });
    }
    this.#inFlight.add(requestId);
    this.#emitter.emit(event, input, resolved);
    return requestId;
  }

  /**
   * Emits request `operation` and resolves with its success payload, or rejects with its BackendError.
   * Outcomes of other requests are ignored; its listeners are removed however it ends.
   */
  request<K extends OperationName>(operation: K, ...args: RequestArgs<K>): Promise<OperationResult<K>> {
    const [input, options = {}] = args as [unknown, RequestOptions | undefined];
    const requestId = options.requestId ?? createRequestId();
    const invalid = optionsError(operation, { ...options, requestId });
    if (invalid !== undefined) return Promise.reject(invalid);
    const controller = new AbortController();
    return new Promise<OperationResult<K>>((resolve, reject) => {
      const cleanups: Array<() => void> = [];
      let settled = false;
      const settle = (finish: () => void): void => {
        if (settled) return;
        settled = true;
        for (const cleanup of cleanups) cleanup();
        finish();
      };
      const fail = (error: BackendError): void => {
        settle(() => reject(error));
        // Abort after settling, so the handler's CANCELLED/TIMEOUT outcome finds this request already done.
        controller.abort(error);
      };
      const mine = (meta: { requestId: string }): boolean => meta.requestId === requestId;
      const waitForCompletion = options.until === 'completed' && isLongRunning(operation);
      cleanups.push(
        this.on(`${operation}:success` as `${OperationName}:success`, (data: unknown, meta: OutcomeMeta) => {
          if (mine(meta) && !waitForCompletion) settle(() => resolve(data as OperationResult<K>));
        }),
        this.on(`${operation}:error` as `${OperationName}:error`, (error: BackendError, meta: OutcomeMeta) => {
          if (mine(meta)) settle(() => reject(error));
        }),
      );
      if (waitForCompletion) {
        cleanups.push(
          this.on('operation:completed', (finished, meta) => {
            if (mine(meta)) settle(() => resolve(finished as OperationResult<K>));
          }),
          this.on('operation:failed', (error, meta) => {
            if (mine(meta)) settle(() => reject(error));
          }),
        );
      }
      if (options.timeoutMs !== undefined) {
        const timeoutMs = options.timeoutMs;
        const timer = setTimeout(() => {
          fail(
            new BackendError({
              code: 'TIMEOUT',
              message: `"${operation}" got no outcome within ${timeoutMs} ms and was aborted. ${ADVICE.TIMEOUT}`,
              requestId,
            }),
          );
        }, timeoutMs);
        cleanups.push(() => clearTimeout(timer));
      }
      const { signal } = options;
      if (signal !== undefined) {
        const onAbort = (): void => fail(cancelled(operation, requestId, signal.reason));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', onAbort));
      }
      try {
        this.#dispatchRequest(operation, input, { requestId, signal: controller.signal });
      } catch (error) {
        settle(() => reject(toBackendError(error, operation, requestId)));
      }
    });
  }

  /** How many listeners `event` has; use it to see leaks. */
  listenerCount(event: EventName): number {
    return this.#emitter.listenerCount(event);
  }

  /** The events that have at least one listener. */
  eventNames(): EventName[] {
    return this.#emitter.eventNames() as EventName[];
  }

  #add<E extends EventName>(event: E, listener: Listener<E>, once: boolean): Unsubscribe {
    const key: unknown = listener;
    const wrapper = (...args: unknown[]): void => {
      if (once) this.#remove(event, key, wrapper);
      try {
        const result: unknown = (listener as (...values: unknown[]) => unknown)(...args);
        if (result instanceof Promise) result.catch((error: unknown) => this.#onListenerError(error, event));
      } catch (error) {
        this.#onListenerError(error, event);
      }
    };
    let byListener = this.#wrappers.get(event);
    if (byListener === undefined) this.#wrappers.set(event, (byListener = new Map<unknown, Set<Wrapper>>()));
    let wrappers = byListener.get(key);
    if (wrappers === undefined) byListener.set(key, (wrappers = new Set<Wrapper>()));
    wrappers.add(wrapper);
    this.#emitter.on(event, wrapper);
    return () => this.#remove(event, key, wrapper);
  }

  #remove(event: EventName, listener: unknown, wrapper: Wrapper): void {
    const byListener = this.#wrappers.get(event);
    const wrappers = byListener?.get(listener);
    if (wrappers === undefined || !wrappers.delete(wrapper)) return;
    if (wrappers.size === 0) byListener?.delete(listener);
    if (byListener?.size === 0) this.#wrappers.delete(event);
    this.#emitter.off(event, wrapper);
  }
}

/** Creates a typed event bus for WUI components and the backend handler. */
export function createWUIBridge(options?: WUIBridgeOptions): WUIBridge {
  return new WUIBridge(options);
}
