import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import type { ExternalStore } from '../core/index';
import { listenWhileMounted } from './listen';

/**
 * A read-only ref of `store`'s snapshot, kept current from before the component mounts until its scope is
 * disposed (on a server render: the snapshot at setup, and no listener). It changes only when the snapshot
 * changes identity: a shallow ref set to the same value triggers nothing, and the snapshot is never wrapped in a
 * reactive proxy (the state tree is frozen; its identity is the news).
 * @param initial The value before the component mounts, when reading the store would attach it.
 */
export function storeRef<T>(store: ExternalStore<T>, initial: () => T = () => store.getSnapshot()): ComputedRef<T> {
  const value: ShallowRef<T> = shallowRef<T>(initial());
  listenWhileMounted(() => {
    // What changed between setup and mount is read now.
    value.value = store.getSnapshot();
    return store.subscribe(() => {
      value.value = store.getSnapshot();
    });
  });
  return computed(() => value.value);
}
