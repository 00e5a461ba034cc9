import { useCallback, useSyncExternalStore } from 'react';
import type { ExternalStore } from '../core/index';

/** `useSyncExternalStore` over a core store: subscribed again only when the store itself changes. */
export function useExternalStore<T>(store: ExternalStore<T>): T {
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  const getSnapshot = useCallback(() => store.getSnapshot(), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
