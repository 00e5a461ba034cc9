import type { BackendError } from '../../errors/backend-error';
import type { Unsubscribe, WUIBridge } from '../../event-helper';
import { isLongRunning, REQUEST_NAMES, type OperationEventMeta } from '../../event-names';
import type { Operation } from '../../interfaces/operation-interface';
import { Subscribable } from './subscribable';

/** Where a followed operation is, as a component sees it: not seen yet, under way, or ended. */
export const OPERATION_PHASES = ['unknown', 'running', 'completed', 'failed'] as const;
export type OperationPhase = (typeof OPERATION_PHASES)[number];

/** One long-running operation as the bridge's events told it: its phase, progress and end. */
export interface OperationSnapshot {
  phase: OperationPhase;
  /** The operation as last reported (the accepted one, then each progress, then the succeeded one). */
  operation: Operation | undefined;
  /** 0 to 100; 100 once completed. */
  progress: number;
  /** Why it failed, with `phase: 'failed'`. */
  error: BackendError | undefined;
  /** The request that started it. */
  requestId: string | undefined;
}

/** Every operation started on one bridge, looked up by the request that started it or by its own id. */
export interface OperationRegistry {
  /** The operation started by request `id`, or with operation id `id`; `unknown` when none was seen. */
  get(id: string | undefined): OperationSnapshot;
  /** Calls `onChange` after any operation changed. */
  subscribe(onChange: () => void): Unsubscribe;
  /** Stops listening to the bridge. */
  dispose(): void;
}

/** What is known of an operation not seen yet (or of no operation): one frozen value, compared by identity. */
export const UNKNOWN_OPERATION: OperationSnapshot = Object.freeze({
  phase: 'unknown',
  operation: undefined,
  progress: 0,
  error: undefined,
  requestId: undefined,
});

/**
 * Listens to the bridge from now on: the accepted operation of every long-running request (`<name>:success`),
 * then `operation:progress`, `operation:completed` and `operation:failed`. It keeps the last `capacity`
 * operations, dropping ended ones first, so a component mounted late still finds the one it follows.
 */
export function createOperationRegistry(bridge: WUIBridge, capacity = 200): OperationRegistry {
  const byOperation = new Map<string, OperationSnapshot>();
  const operationOfRequest = new Map<string, string>();
  const listeners = new Subscribable();

  function set(operationId: string, requestId: string, next: Omit<OperationSnapshot, 'requestId'>): void {
    byOperation.delete(operationId);
    byOperation.set(operationId, Object.freeze({ ...next, requestId }));
    operationOfRequest.set(requestId, operationId);
    if (byOperation.size > capacity) evictOne();
    listeners.notify();
  }

  function evictOne(): void {
    const entries = [...byOperation];
    const [operationId, snapshot] = entries.find(([, entry]) => entry.phase !== 'running') ?? entries[0] ?? [];
    if (operationId === undefined || snapshot === undefined) return;
    byOperation.delete(operationId);
    if (snapshot.requestId !== undefined) operationOfRequest.delete(snapshot.requestId);
  }

  function moved(operation: Operation, meta: Pick<OperationEventMeta, 'requestId'>): void {
    const current = byOperation.get(operation.id);
    // An end already reported is final: a late progress event does not bring the operation back to life.
    if (current !== undefined && current.phase !== 'running') return;
    set(operation.id, meta.requestId, { phase: 'running', operation, progress: operation.progress, error: undefined });
  }

  const unsubscribes: Unsubscribe[] = [
    ...REQUEST_NAMES.filter(isLongRunning).map((name) =>
      bridge.on(`${name}:success`, (operation, meta) => moved(operation, meta)),
    ),
    bridge.on('operation:progress', moved),
    bridge.on('operation:completed', (operation, meta) =>
      set(operation.id, meta.requestId, { phase: 'completed', operation, progress: 100, error: undefined }),
    ),
    bridge.on('operation:failed', (error, meta) => {
      const current = byOperation.get(meta.operationId);
      set(meta.operationId, meta.requestId, {
        phase: 'failed',
        operation: current?.operation,
        progress: current?.progress ?? 0,
        error,
      });
    }),
  ];

  return {
    get(id) {
      if (id === undefined) return UNKNOWN_OPERATION;
      return byOperation.get(operationOfRequest.get(id) ?? id) ?? UNKNOWN_OPERATION;
    },
    subscribe: listeners.subscribe,
    dispose() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
    },
  };
}
