import { computed, shallowRef, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { UNKNOWN_OPERATION } from '../core/index';
import type { OperationSnapshot } from '../core/index';
import { useBinding } from './context';
import { listenWhileMounted } from './listen';

/**
 * A read-only ref of a long-running operation (deploy, scale, restart, rollback, ...) followed to its end:
 * `phase` (`unknown`, `running`, `completed`, `failed`), `progress` (0 to 100), the `operation` as last
 * reported and, when it failed, the typed `error`. `id` (a value, a ref or a getter) is the `requestId` of the
 * request that started it, as `useRequest` gives it, or the operation's own id; `undefined` reads `unknown`.
 * Any operation started on the bridge since the backend was provided is found, whichever component started it.
 * @example
 * const scale = useRequest('scaleService');
 * const operation = useOperation(scale.requestId);
 * // template: <progress v-if="operation.phase === 'running'" max="100" :value="operation.progress" />
 * @example
 * const operation = useOperation(() => props.service.operation); // the operation working on a service now
 */
export function useOperation(id: MaybeRefOrGetter<string | undefined>): ComputedRef<OperationSnapshot> {
  const binding = useBinding('useOperation');
  // The registry keeps one snapshot per operation until it changes: setting the same one triggers nothing.
  // It is read once mounted (reading attaches it to the bridge), and from the binding each time.
  const current = shallowRef(UNKNOWN_OPERATION);
  const refresh = () => {
    current.value = binding.operations.get(toValue(id));
  };
  listenWhileMounted(() => {
    refresh();
    const unsubscribe = binding.operations.subscribe(refresh);
    const stopWatching = watch(() => toValue(id), refresh);
    return () => {
      unsubscribe();
      stopWatching();
    };
  });
  return computed(() => current.value);
}
