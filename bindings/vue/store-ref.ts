import { computed, onScopeDispose, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import type { ExternalStore } from '../core/index';

/**
 * A read-only ref of `store`'s snapshot, kept current until the calling component (or effect scope) is disposed.
 * It changes only when the snapshot changes identity: a shallow ref set to the same value triggers nothing,
 * and the snapshot is never wrapped in a reactive proxy (the state tree is frozen; its identity is the news).
 */
export function storeRef<T>(store: ExternalStore<T>): ComputedRef<T> {
  const value: ShallowRef<T> = shallowRef<T>(store.getSnapshot());
  const unsubscribe = store.subscribe(() => {
    value.value = store.getSnapshot();
  });
  onScopeDispose(unsubscribe);
  return computed(() => value.value);
}
