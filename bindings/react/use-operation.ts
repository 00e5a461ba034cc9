import { useCallback, useDebugValue, useSyncExternalStore } from 'react';
import { UNKNOWN_OPERATION, type OperationSnapshot } from '../core/index';
import { isAttached } from './attachment';
import { useBinding } from './context';

/**
 * A long-running operation (deploy, scale, restart, rollback, ...) followed to its end: `phase` (`unknown`,
 * `running`, `completed`, `failed`), `progress` (0 to 100), the `operation` as last reported and, when it
 * failed, the typed `error`. `id` is the `requestId` of the request that started it (as `useRequest` gives
 * it) or the operation's own id; `undefined` reads `unknown`. Any operation started on the bridge while the
 * provider is mounted is found, whichever component started it.
 * @example
 * const scale = useRequest('scaleService');
 * const { phase, progress, error } = useOperation(scale.requestId);
 * return phase === 'running' ? <progress max={100} value={progress} /> : phase === 'failed' ? error?.message : null;
 * @example
 * const { phase } = useOperation(service.operation); // the operation working on a service now
 */
export function useOperation(id: string | undefined): OperationSnapshot {
  const binding = useBinding('useOperation');
  // The registry is read when needed, never kept: the provider's remount replaces it.
  const subscribe = useCallback((onChange: () => void) => binding.operations.subscribe(onChange), [binding]);
  // The registry answers UNKNOWN_OPERATION too for an operation it has not seen: before and after the provider
  // attached, one value, so no render for a change of nothing.
  const getSnapshot = useCallback(
    () => (isAttached(binding) ? binding.operations.get(id) : UNKNOWN_OPERATION),
    [binding, id],
  );
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  useDebugValue(snapshot.phase);
  return snapshot;
}
