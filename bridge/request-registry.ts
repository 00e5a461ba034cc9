import type { BackendError } from '../errors/backend-error';
import { cancelled, timedOut } from '../errors/messages';

/** How a request ended for its caller: the success payload, or the error. */
export type Outcome = { ok: true; data: unknown } | { ok: false; error: BackendError };

/** A `bridge.request()` caller waiting for the end of its request. */
export interface Waiter {
  resolve(value: unknown): void;
  reject(error: BackendError): void;
  /** Wait past the accepted outcome of a long-running request, until its operation ends. */
  untilCompleted: boolean;
}

/** What opening a request needs: who answers it (the claim), and how the caller may end it early. */
export interface OpenRequest {
  name: string;
  requestId: string;
  owner: object;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  waiter?: Waiter | undefined;
}

interface Entry {
  name: string;
  requestId: string;
  owner: object;
  signal: AbortSignal | undefined;
  waiter: Waiter | undefined;
  started: number;
  controller: AbortController;
  /** `following`: the accepted outcome is out, a waiter waits for the operation's end. */
  phase: 'pending' | 'following';
  timer: ReturnType<typeof setTimeout> | undefined;
  onAbort: (() => void) | undefined;
}

/** Emits the outcome event of a request: `<name>:success` or `<name>:error`. */
export type EmitOutcome = (name: string, outcome: Outcome, meta: { requestId: string; durationMs: number }) => void;

/**
 * The one home of the request lifecycle: correlation, requests in flight, one AbortController per request,
 * cancellation, timeouts and `until: 'completed'`. Whatever ends a request first (the claimant's answer, the
 * caller's signal, the timeout, the handler stopping) wins; everything after it is ignored, so every request
 * gets exactly one outcome event.
 */
export class RequestRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #emitOutcome: EmitOutcome;

  constructor(emitOutcome: EmitOutcome) {
    this.#emitOutcome = emitOutcome;
  }

  /** Whether `requestId` belongs to a request that has not ended. */
  has(requestId: string): boolean {
    return this.#entries.has(requestId);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Registers a request and returns its one cancellation signal, which the claimant passes to its HTTP calls. */
  open(request: OpenRequest): AbortSignal {
    const { name, requestId, owner, signal, timeoutMs, waiter } = request;
    const controller = new AbortController();
    // One flat record per request, with no closures unless a timeout or a caller's signal needs one: this is
    // on every request's path.
    const entry: Entry = {
      name,
      requestId,
      owner,
      signal,
      waiter,
      started: performance.now(),
      controller,
      phase: 'pending',
      timer: undefined,
      onAbort: undefined,
    };
    this.#entries.set(requestId, entry);
    if (timeoutMs !== undefined) {
      entry.timer = setTimeout(() => this.#abort(entry, timedOut(name, requestId, timeoutMs)), timeoutMs);
    }
    if (signal !== undefined) {
      entry.onAbort = (): void => this.#abort(entry, cancelled(name, requestId, signal.reason));
      signal.addEventListener('abort', entry.onAbort, { once: true });
    }
    return controller.signal;
  }

  /** Ends the request at once when its caller's signal was aborted before it was sent; true when it did. */
  endIfAborted(requestId: string): boolean {
    const entry = this.#entries.get(requestId);
    if (entry?.signal?.aborted !== true) return entry === undefined;
    this.#abort(entry, cancelled(entry.name, requestId, entry.signal.reason));
    return true;
  }

  /**
   * The answer of `owner`, the claimant the request was delivered to. `followed`: the API accepted a long-running operation, whose end a
   * `until: 'completed'` waiter keeps waiting for.
   */
  answer(owner: object, requestId: string, outcome: Outcome, followed = false): void {
    const entry = this.#entries.get(requestId);
    // Only the claim a request was delivered to answers it: a released claim cannot answer a newer one's.
    if (entry === undefined || entry.phase !== 'pending' || entry.owner !== owner) return;
    this.#emit(entry, outcome);
    if (outcome.ok && followed && entry.waiter?.untilCompleted === true) {
      entry.phase = 'following';
      return;
    }
    this.#end(entry, outcome);
  }

  /** A followed operation ended: settles the `until: 'completed'` waiter of the request that started it. */
  operationEnded(owner: object, requestId: string, outcome: Outcome): void {
    const entry = this.#entries.get(requestId);
    if (entry?.phase === 'following' && entry.owner === owner) this.#end(entry, outcome);
  }

  /** Ends the request with `error` and aborts its signal, when `owner` answers it and it has not ended. */
  cancel(owner: object, requestId: string, error: BackendError): void {
    const entry = this.#entries.get(requestId);
    if (entry?.owner === owner) this.#abort(entry, error);
  }

  /** Ends every request `owner` answers, with the error `reasonFor` gives: a stopped handler. */
  release(owner: object, reasonFor: (name: string, requestId: string) => BackendError): void {
    for (const entry of [...this.#entries.values()]) {
      if (entry.owner === owner) this.#abort(entry, reasonFor(entry.name, entry.requestId));
    }
  }

  #abort(entry: Entry, error: BackendError): void {
    if (this.#entries.get(entry.requestId) !== entry) return;
    const outcome: Outcome = { ok: false, error };
    if (entry.phase === 'pending') this.#emit(entry, outcome);
    this.#end(entry, outcome);
    // Aborted after the outcome, so the claimant's own answer to it finds the request already ended.
    entry.controller.abort(error);
  }

  #emit(entry: Entry, outcome: Outcome): void {
    const durationMs = Math.round(performance.now() - entry.started);
    this.#emitOutcome(entry.name, outcome, { requestId: entry.requestId, durationMs });
  }

  #end(entry: Entry, outcome: Outcome): void {
    this.#entries.delete(entry.requestId);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    if (entry.onAbort !== undefined) entry.signal?.removeEventListener('abort', entry.onAbort);
    if (outcome.ok) entry.waiter?.resolve(outcome.data);
    else entry.waiter?.reject(outcome.error);
  }
}
