import type { BackendError } from '../../errors/backend-error';
import type { WUIBridge } from '../../event-helper';
import {
  isLongRunning,
  REQUEST_NAMES,
  type OperationEventMeta,
  type OutcomeMeta,
  type RequestName,
} from '../../event-names';

/** What the run saw of one request it emitted. */
export interface RequestTrace {
  name: RequestName;
  outcomes: number;
  /** `ok`, or the error code of its `:error` outcome. */
  result: string | undefined;
  /** The operation it started, when it was accepted. */
  operationId: string | undefined;
  /** `completed` or `failed` once the operation ended. */
  operationEnd: 'completed' | 'failed' | undefined;
}

export interface Observer {
  readonly traces: Map<string, RequestTrace>;
  /** Outcomes for request ids the run never emitted. */
  readonly strayOutcomes: number;
  /** `operation:failed` events, with the operation each was about. */
  readonly failedOperations: Array<{ operationId: string; code: string }>;
  /** Records an emitted request; resolves at its first outcome. */
  expect(requestId: string, name: RequestName): Promise<void>;
  /** Operations accepted whose end has not been seen yet. */
  openOperations(): number;
  stop(): void;
}

/** Listens to every outcome and operation event of `bridge`, per request id. */
export function observe(bridge: WUIBridge): Observer {
  const traces = new Map<string, RequestTrace>();
  const waiting = new Map<string, () => void>();
  const failedOperations: Array<{ operationId: string; code: string }> = [];
  let strayOutcomes = 0;

  function outcome(requestId: string, result: string, data: unknown): void {
    const trace = traces.get(requestId);
    if (trace === undefined) {
      strayOutcomes++;
      return;
    }
    trace.outcomes++;
    if (trace.outcomes > 1) return;
    trace.result = result;
    if (result === 'ok' && isLongRunning(trace.name)) trace.operationId = (data as { id: string }).id;
    waiting.get(requestId)?.();
    waiting.delete(requestId);
  }

  function operationEnd(meta: OperationEventMeta, end: 'completed' | 'failed'): void {
    const trace = traces.get(meta.requestId);
    if (trace !== undefined) trace.operationEnd = end;
  }

  const offs = [
    ...REQUEST_NAMES.flatMap((name) => [
      bridge.on(`${name}:success`, (data: unknown, meta: OutcomeMeta) => outcome(meta.requestId, 'ok', data)),
      bridge.on(`${name}:error`, (error: BackendError, meta: OutcomeMeta) =>
        outcome(meta.requestId, error.code, undefined),
      ),
    ]),
    bridge.on('operation:completed', (_operation, meta) => operationEnd(meta, 'completed')),
    bridge.on('operation:failed', (error, meta) => {
      failedOperations.push({ operationId: meta.operationId, code: error.code });
      operationEnd(meta, 'failed');
    }),
  ];

  return {
    traces,
    get strayOutcomes() {
      return strayOutcomes;
    },
    failedOperations,
    expect(requestId, name) {
      traces.set(requestId, { name, outcomes: 0, result: undefined, operationId: undefined, operationEnd: undefined });
      return new Promise<void>((resolve) => waiting.set(requestId, resolve));
    },
    openOperations: () =>
      [...traces.values()].filter((trace) => trace.operationId !== undefined && trace.operationEnd === undefined)
        .length,
    stop() {
      for (const off of offs) off();
    },
  };
}
