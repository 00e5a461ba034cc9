import { computed, onScopeDispose, type ComputedRef } from 'vue';
import type { BackendError } from '../../errors/backend-error';
import type { RequestName, RequestResult } from '../../event-names';
import { createRequestController, type RequestController, type RequestStatus } from '../core/index';
import { useBinding } from './context';
import { storeRef } from './store-ref';

/** What {@link useRequest} returns: read-only refs of the latest execution, and the functions to drive it. */
export interface UseRequestResult<K extends RequestName> {
  /** `idle`, `pending`, `success` or `error`: where the latest execution is. */
  status: ComputedRef<RequestStatus>;
  /** The payload of the latest success; kept while a newer execution is pending, so a list does not blink. */
  data: ComputedRef<RequestResult<K> | undefined>;
  /** The typed error of the latest execution when it failed (`error.details` holds a VALIDATION's fields). */
  error: ComputedRef<BackendError | undefined>;
  /** The `requestId` of the latest execution, for `useOperation` and the bridge's events. */
  requestId: ComputedRef<string | undefined>;
  /**
   * Sends the request (`input`, then the options of `bridge.request`: `timeoutMs`, `signal`, `until`, ...)
   * and resolves with its outcome, `{ ok: true, data }` or `{ ok: false, error }`: it never rejects.
   */
  execute: RequestController<K>['execute'];
  /** Aborts every execution still in flight: each ends `CANCELLED`. */
  abort: RequestController<K>['abort'];
}

/**
 * One request kind for this component: `execute` sends it, and `status`, `data`, `error` and `requestId`
 * follow the latest execution. When the component unmounts, what is still in flight is aborted: its HTTP call
 * stops and it ends `CANCELLED`.
 * @example
 * const scale = useRequest('scaleService');
 * const operation = useOperation(scale.requestId);
 * async function submit() {
 *   const outcome = await scale.execute({ tenantId, serviceId, minReplicas: 1, maxReplicas: 3 });
 *   if (!outcome.ok) console.warn(outcome.error.code, outcome.error.details);
 * }
 */
export function useRequest<K extends RequestName>(name: K): UseRequestResult<K> {
  const { bridge } = useBinding('useRequest');
  const controller = createRequestController(bridge, name);
  const snapshot = storeRef(controller);
  onScopeDispose(() => controller.dispose());
  return {
    status: computed(() => snapshot.value.status),
    data: computed(() => snapshot.value.data),
    error: computed(() => snapshot.value.error),
    requestId: computed(() => snapshot.value.requestId),
    execute: (...args) => controller.execute(...args),
    abort: (reason) => controller.abort(reason),
  };
}
