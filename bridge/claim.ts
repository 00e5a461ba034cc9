import type { BackendError } from '../errors/backend-error';
import type { HandlerEventName, HandlerEvents, RequestName } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';

/** A request delivered to the handler that claimed its name. */
export interface IncomingRequest {
  readonly name: RequestName;
  /** As the component emitted it: not validated yet. */
  readonly input: unknown;
  readonly requestId: string;
  /** The request's one cancellation signal: aborted by its caller, its timeout, or the handler stopping. */
  readonly signal: AbortSignal;
  /** The caller's retry limit for this request's calls (`false`: none); `undefined` keeps the handler's policy. */
  readonly retry: false | number | undefined;
  /** The latest-wins key the caller gave (`name` when it passed `true`); `undefined` when it gave none. */
  readonly latestWins: string | undefined;
}

/**
 * What `bridge.claim()` gives the one handler that answers a set of requests: the only way to emit their
 * outcomes and the handler's own events. Answers to a request that already ended (cancelled, timed out) are
 * ignored, so each request gets exactly one outcome.
 */
export interface Claim {
  /** Emits `<name>:success` for the request. */
  succeed(requestId: string, data: unknown): void;
  /**
   * Emits `<name>:success` for a long-running request the API accepted: the operation is followed, and its
   * end (`operation:completed` or `operation:failed` through {@link Claim.notify}) settles `until: 'completed'`.
   */
  accept(requestId: string, operation: Operation): void;
  /** Emits `<name>:error` for the request. */
  fail(requestId: string, error: BackendError): void;
  /** Ends the request with `error` (e.g. superseded) and aborts its signal, so its calls stop too. */
  cancel(requestId: string, error: BackendError): void;
  /** Emits `state:changed` or an `operation:*` event. */
  notify<E extends HandlerEventName>(event: E, ...args: HandlerEvents[E]): void;
  /** Stops answering: requests still in flight end `CANCELLED`, and their names may be claimed again. */
  release(): void;
}
