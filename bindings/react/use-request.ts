import { useDebugValue, useEffect, useMemo, useRef } from 'react';
import { createRequestId } from '../../bridge/request-id';
import { cancelled } from '../../errors/messages';
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
 * component unmounts, what is still in flight is aborted: its HTTP call stops and it ends `CANCELLED`; an
 * `execute` after that ends `CANCELLED` too, and sends nothing.
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
  // Set by the cleanup, cleared when the effect runs again (StrictMode's second mount): an execute() after the
  // component unmounted (an async handler going on after an await) ends CANCELLED and sends nothing.
  const unmounted = useRef(false);
  const actions = useMemo(
    () => ({
      execute: (...args: RequestArgs<K>) => {
        if (!unmounted.current) return controller.execute(...args);
        const requestId = args[1]?.requestId ?? createRequestId();
        return Promise.resolve({
          ok: false as const,
          error: cancelled(name, requestId, 'the component was unmounted'),
        });
      },
      abort: (reason?: unknown) => controller.abort(reason),
    }),
    [controller, name],
  );
  // abort(), not dispose(): StrictMode runs this cleanup and mounts again, and the controller must still work.
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
      controller.abort('the component was unmounted');
    };
  }, [controller]);
  useDebugValue(snapshot.status);
  return useMemo(() => ({ ...snapshot, ...actions }), [snapshot, actions]);
}
