// The WUIBridge: the typed event bus components and the backend handler share, and the owner of every
// request's lifecycle.
import type { BackendError } from './errors/backend-error';
import {
  alreadyClaimed,
  cancelled,
  defect,
  handlerStopped,
  noHandler,
  notARequest,
  requestIdInFlight,
} from './errors/messages';
import type {
  EventArgs,
  EventName,
  HandlerEventName,
  Listener,
  RequestEmitArgs,
  RequestMeta,
  RequestName,
  RequestResult,
} from './event-names';
import type { Claim, IncomingRequest } from './bridge/claim';
import { IsolatedEmitter } from './bridge/isolated-emitter';
import { metaError, optionsError } from './bridge/request-checks';
import { createRequestId } from './bridge/request-id';
import type { RequestOptions } from './bridge/request-options';
import { RequestRegistry, type Outcome, type Waiter } from './bridge/request-registry';

export type { Claim, IncomingRequest } from './bridge/claim';
export type { RequestOptions, RequestPolicy } from './bridge/request-options';

/** Removes the listener it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** Options of {@link createWUIBridge}. */
export interface WUIBridgeOptions {
  /**
   * Called when a listener throws or its promise rejects. Listeners are isolated: the others still run,
   * and the error never becomes an unhandled rejection.
   * @default logs the error with `console.error`
   * @example (error, event) => reportToSentry(error, { event })
   */
  onListenerError?: (error: unknown, event: EventName) => void;
}

/** Arguments of `request(name, ...)`: the input (optional when the request takes none) and options. */
export type RequestArgs<K extends RequestName> = undefined extends RequestEmitArgs<K>[0]
  ? [input?: RequestEmitArgs<K>[0], options?: RequestOptions]
  : [input: RequestEmitArgs<K>[0], options?: RequestOptions];

interface SendRequest {
  requestId: string;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  retry?: false | number | undefined;
  latestWins?: boolean | string | undefined;
  waiter?: Waiter;
}

interface Claimant {
  onRequest: (request: IncomingRequest) => void;
}

/**
 * The typed event bus between WUI components and the backend handler. Every method is typed from the one
 * event map in `event-names.ts`: an unknown event or a wrong payload does not compile. Components emit
 * requests; only the handler that claimed a request's name answers it, through its {@link Claim}.
 */
export class WUIBridge {
  readonly #events: IsolatedEmitter;
  readonly #claimants = new Map<RequestName, Claimant>();
  readonly #registry = new RequestRegistry((name, outcome, { requestId, durationMs }) => {
    const meta = { requestId, name, durationMs };
    if (outcome.ok) this.#events.emit(`${name}:success`, outcome.data, meta);
    else this.#events.emit(`${name}:error`, outcome.error, meta);
  });

  constructor(options: WUIBridgeOptions = {}) {
    const report =
      options.onListenerError ?? ((error, event) => console.error(`[aurora] a listener of "${event}" failed`, error));
    this.#events = new IsolatedEmitter(report as (error: unknown, event: string) => void);
  }

  /** Calls `listener` on every `event` until the returned function is called. */
  on<E extends EventName>(event: E, listener: NoInfer<Listener<E>>): Unsubscribe {
    return this.#events.on(event, listener);
  }

  /** Calls `listener` on the next `event` only. */
  once<E extends EventName>(event: E, listener: NoInfer<Listener<E>>): Unsubscribe {
    return this.#events.on(event, listener, true);
  }

  /** Removes every registration of `listener` for `event`. */
  off<E extends EventName>(event: E, listener: NoInfer<Listener<E>>): void {
    this.#events.off(event, listener);
  }

  /**
   * Emits request `name` and returns its `requestId` (the given one or a new one). Its outcome arrives as
   * `<name>:success` or `<name>:error`; when no handler is started, at once as a `CONFIG` error.
   * @throws BackendError `VALIDATION` when `meta` is malformed or its `requestId` is still in flight.
   */
  emit<K extends RequestName>(name: K, ...args: NoInfer<RequestEmitArgs<K>>): string {
    const [input, meta] = args as [unknown, RequestMeta | undefined];
    const requestId = meta?.requestId ?? createRequestId();
    const invalid = metaError(name, { ...meta, requestId });
    if (invalid !== undefined) throw invalid;
    this.#send(name, input, { requestId, signal: meta?.signal, retry: meta?.retry, latestWins: meta?.latestWins });
    return requestId;
  }

  /**
   * Emits request `name` and resolves with its success payload, or rejects with its BackendError. With
   * `until: 'completed'`, a long-running request resolves with its operation once it succeeded.
   */
  request<K extends RequestName>(name: K, ...args: NoInfer<RequestArgs<K>>): Promise<RequestResult<K>> {
    const [input, options = {}] = args as [unknown, RequestOptions | undefined];
    const requestId = options.requestId ?? createRequestId();
    const invalid = optionsError(name, options, requestId);
    if (invalid !== undefined) return Promise.reject(invalid);
    // Cancelled before it was sent: nothing is emitted and no call is made.
    if (options.signal?.aborted === true) return Promise.reject(cancelled(name, requestId, options.signal.reason));
    return new Promise<RequestResult<K>>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, untilCompleted: options.until === 'completed' };
      try {
        const { signal, timeoutMs, retry, latestWins } = options;
        this.#send(name, input, { requestId, signal, timeoutMs, retry, latestWins, waiter });
      } catch (error) {
        // #send throws BackendErrors only (a malformed or duplicate request); anything else is a defect.
        reject(error instanceof Error ? error : defect(name, requestId, error));
      }
    });
  }

  /**
   * Declares that the caller (a backend handler) answers requests `names` on this bridge: they are delivered
   * to `onRequest`, and answered through the returned {@link Claim}. Only one handler may answer a name.
   * @throws BackendError `CONFIG` when another handler already answers one of them.
   */
  claim(names: readonly RequestName[], onRequest: (request: IncomingRequest) => void): Claim {
    const taken = names.filter((name) => this.#claimants.has(name));
    if (taken.length > 0) throw alreadyClaimed(taken);
    const claimant: Claimant = { onRequest };
    for (const name of names) this.#claimants.set(name, claimant);
    let released = false;
    return {
      succeed: (requestId, data) => this.#registry.answer(claimant, requestId, { ok: true, data }),
      accept: (requestId, operation) => this.#registry.answer(claimant, requestId, { ok: true, data: operation }, true),
      fail: (requestId, error) => this.#registry.answer(claimant, requestId, { ok: false, error }),
      cancel: (requestId, error) => this.#registry.cancel(claimant, requestId, error),
      notify: (event, ...args) => this.#notify(claimant, event, args),
      release: () => {
        if (released) return;
        released = true;
        for (const name of names) if (this.#claimants.get(name) === claimant) this.#claimants.delete(name);
        this.#registry.release(claimant, handlerStopped);
      },
    };
  }

  /** How many listeners `event` has; use it to see leaks. */
  listenerCount(event: EventName): number {
    return this.#events.listenerCount(event);
  }

  /** The events that have at least one listener. */
  eventNames(): EventName[] {
    return this.#events.eventNames() as EventName[];
  }

  /** How many requests have not ended yet. */
  get inFlight(): number {
    return this.#registry.size;
  }

  // Positional arguments and no spreads: this runs for every request.
  #send(name: RequestName, input: unknown, request: SendRequest): void {
    const { requestId, retry, latestWins } = request;
    // Outcome and handler events (`x:success`, `state:changed`) come from the claimant only.
    if (name.includes(':')) throw notARequest(name);
    if (this.#registry.has(requestId)) throw requestIdInFlight(name, requestId);
    const claimant = this.#claimants.get(name);
    const { signal: callerSignal, timeoutMs, waiter } = request;
    const signal = this.#registry.open({
      name,
      requestId,
      owner: claimant ?? this,
      signal: callerSignal,
      timeoutMs,
      waiter,
    });
    this.#events.emit(name, input, { requestId, signal });
    if (claimant === undefined) {
      this.#registry.answer(this, requestId, { ok: false, error: noHandler(name, requestId) });
    } else if (!this.#registry.endIfAborted(requestId)) {
      try {
        const key = latestWins === true ? name : latestWins === false ? undefined : latestWins;
        claimant.onRequest({ name, input, requestId, signal, retry, latestWins: key });
      } catch (error) {
        this.#registry.answer(claimant, requestId, { ok: false, error: defect(name, requestId, error) });
      }
    }
  }

  #notify(claimant: Claimant, event: HandlerEventName, args: EventArgs<HandlerEventName>): void {
    this.#events.emit(event, ...args);
    if (event === 'operation:completed' || event === 'operation:failed') {
      const [value, meta] = args as EventArgs<'operation:completed' | 'operation:failed'>;
      const outcome: Outcome =
        event === 'operation:completed' ? { ok: true, data: value } : { ok: false, error: value as BackendError };
      this.#registry.operationEnded(claimant, meta.requestId, outcome);
    }
  }
}

/** Creates a typed event bus for WUI components and the backend handler. */
export function createWUIBridge(options?: WUIBridgeOptions): WUIBridge {
  return new WUIBridge(options);
}
