import { useDebugValue, useEffect, useMemo } from 'react';
import type { RequestArgs } from '../../event-helper';
import type { RequestName } from '../../event-names';
import { createRequestController, type RequestController, type RequestSnapshot } from '../core/index';
import { useBinding } from './context';
import { useExternalStore } from './use-external-store';

/** What {@link useRequest} returns: the latest execution's state, and the two stable functions to drive it. */
export interface UseRequestResult<K extends RequestName> extends RequestSnapshot<K> {
  /**
   * Sends the request (`input`, then the options of `bridge.request`: `timeoutMs`, `signal`, `until`, ...)
   * and resolves with its outcome, `{ ok: true, data }` or `{ ok: false, error }`: it never rejects. The same
   * function at every render.
   */
  execute: RequestController<K>['execute'];
  /** Aborts every execution still in flight: each ends `CANCELLED`. The same function at every render. */
  abort: RequestController<K>['abort'];
}

/**
 * One request kind for this component: `execute` sends it, and `status`, `data`, `error` and `requestId`
 * follow the latest execution (`data` stays while a newer one is pending, so a list does not blink). When the
 * component unmounts, what is still in flight is aborted: its HTTP call stops and it ends `CANCELLED`.
 * @example
 * const scale = useRequest('scaleService');
 * const progress = useOperation(scale.requestId);
 * const onSubmit = async () => {
 *   const outcome = await scale.execute({ tenantId, serviceId, minReplicas: 1, maxReplicas: 3 });
 *   if (!outcome.ok) console.warn(outcome.error.code, outcome.error.details);
 * };
 * @example
 * // Load on mount (StrictMode's second mount loads again; the first load ends CANCELLED).
 * const services = useRequest('listServices');
 * useEffect(() => void services.execute({ tenantId }), [services.execute, tenantId]);
 */
export function useRequest<K extends RequestName>(name: K): UseRequestResult<K> {
  const { bridge } = useBinding('useRequest');
  const controller = useMemo(() => createRequestController(bridge, name), [bridge, name]);
  const snapshot = useExternalStore(controller);
  const actions = useMemo(
    () => ({
      execute: (...args: RequestArgs<K>) => controller.execute(...args),
      abort: (reason?: unknown) => controller.abort(reason),
    }),
    [controller],
  );
  // abort(), not dispose(): StrictMode runs this cleanup and mounts again, and the controller must still work.
  useEffect(() => () => controller.abort('the component was unmounted'), [controller]);
  useDebugValue(snapshot.status);
  return useMemo(() => ({ ...snapshot, ...actions }), [snapshot, actions]);
}
