import { BackendError } from '../errors/backend-error';
import { defect, operationFailed } from '../errors/messages';
import type { OperationEventMeta } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import { serviceRoutes } from '../api/contract/service-routes';
import type { Transport } from '../api/http/transport';

/** Polling schedule: the first poll after `initialMs`, each next one `factor` times later, at most `maxMs`. */
export interface PollBackoff {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_POLL_BACKOFF: PollBackoff = { initialMs: 250, factor: 1.5, maxMs: 2_000 };

export interface OperationFollowerOptions {
  transport: Transport;
  backoff?: PollBackoff | undefined;
  /** Consecutive failed polls (network, 5xx) tolerated before the operation is reported as failed. */
  maxConsecutiveErrors?: number;
  onProgress(operation: Operation, meta: OperationEventMeta): void;
  onCompleted(operation: Operation, meta: OperationEventMeta): Promise<void>;
  /** `operation` is given when the operation itself failed, not when it could no longer be followed. */
  onFailed(error: BackendError, meta: OperationEventMeta, operation?: Operation): void | Promise<void>;
}

export interface OperationFollower {
  /** Follows `operation` (as accepted) until it succeeds or fails. */
  follow(operation: Operation, meta: Omit<OperationEventMeta, 'operationId' | 'target'>): void;
  /** Stops following every operation (the backend operations themselves go on). */
  stop(): void;
  /** How many operations are being followed. */
  readonly size: number;
}

/** Follows long-running operations by polling `GET /operations/{id}` with backoff. */
export function createOperationFollower(options: OperationFollowerOptions): OperationFollower {
  const backoff = options.backoff ?? DEFAULT_POLL_BACKOFF;
  const maxErrors = options.maxConsecutiveErrors ?? 5;
  const active = new Map<string, { timer: ReturnType<typeof setTimeout> | undefined; controller: AbortController }>();

  function finish(operationId: string): void {
    active.delete(operationId);
  }

  // A follower runs detached from any caller: whatever its callbacks throw is reported, never left unhandled.
  async function deliver(callback: () => unknown): Promise<void> {
    try {
      await callback();
    } catch (error) {
      console.error('[aurora] an operation event could not be delivered', error);
    }
  }

  async function settle(operation: Operation, meta: OperationEventMeta): Promise<void> {
    finish(operation.id);
    if (operation.status !== 'succeeded') {
      return deliver(() => options.onFailed(operationFailed(operation, meta.requestId), meta, operation));
    }
    try {
      await options.onCompleted(operation, meta);
    } catch (error) {
      await deliver(() => options.onFailed(defect(operation.kind, meta.requestId, error), meta));
    }
  }

  function schedule(previous: Operation, meta: OperationEventMeta, delayMs: number, errors: number): void {
    const entry = active.get(previous.id);
    if (entry === undefined) return;
    entry.timer = setTimeout(() => {
      void poll(previous, meta, delayMs, errors, entry.controller.signal);
    }, delayMs);
  }

  async function poll(
    previous: Operation,
    meta: OperationEventMeta,
    delayMs: number,
    errors: number,
    signal: AbortSignal,
  ) {
    const nextDelay = Math.min(delayMs * backoff.factor, backoff.maxMs);
    let current: Operation;
    try {
      current = await options.transport.send(
        serviceRoutes.getOperation,
        { params: { operationId: previous.id } },
        { requestId: meta.requestId, signal },
      );
    } catch (error) {
      if (signal.aborted || !active.has(previous.id)) return;
      const failure = error instanceof BackendError ? error : undefined;
      if (failure?.retryable === true && errors + 1 < maxErrors) return schedule(previous, meta, nextDelay, errors + 1);
      finish(previous.id);
      return deliver(() => options.onFailed(failure ?? operationFailed(previous, meta.requestId), meta));
    }
    if (!active.has(previous.id)) return;
    if (current.status !== previous.status || current.progress !== previous.progress) options.onProgress(current, meta);
    if (current.status === 'succeeded' || current.status === 'failed') return settle(current, meta);
    schedule(current, meta, nextDelay, 0);
  }

  return {
    follow(operation, partialMeta) {
      const meta: OperationEventMeta = { ...partialMeta, operationId: operation.id, target: operation.target };
      active.set(operation.id, { timer: undefined, controller: new AbortController() });
      if (operation.status === 'succeeded' || operation.status === 'failed') {
        void settle(operation, meta);
        return;
      }
      schedule(operation, meta, backoff.initialMs, 0);
    },
    stop() {
      for (const entry of active.values()) {
        clearTimeout(entry.timer);
        entry.controller.abort();
      }
      active.clear();
    },
    get size() {
      return active.size;
    },
  };
}
