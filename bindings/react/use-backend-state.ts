import { useCallback, useDebugValue, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { UserState } from '../../state/user-state';
import { createSelection, stateStore, type EqualityFn } from '../core/index';
import { useBinding } from './context';

/**
 * A slice of the signed-in user's state tree (`null` when signed out). The component renders again only when
 * the slice changes identity: the tree is immutable and keeps an unchanged branch's identity, so selecting a
 * service re-renders when that service changed, not when another tenant did. `isEqual` widens "unchanged" for
 * selectors that build a new value (a filtered list, a count object). Read through `useSyncExternalStore`, so
 * every component of one render sees the same tree, even under concurrent rendering. An inline selector is
 * fine: it neither resubscribes nor loops.
 * @param selector Reads the slice from the tree; called again only for a new tree or a new selector.
 * @param isEqual Whether a newly selected value equals the shown one, which is then kept.
 * @default isEqual Object.is
 * @example
 * const service = useBackendState((state) =>
 *   state?.tenants.find((tenant) => tenant.id === tenantId)?.services.find((s) => s.id === serviceId),
 * );
 * @example
 * const names = useBackendState(
 *   (state) => state?.tenants.map((tenant) => tenant.name) ?? [],
 *   (a, b) => a.length === b.length && a.every((name, i) => name === b[i]),
 * );
 */
export function useBackendState<S>(selector: (state: UserState) => S, isEqual: EqualityFn<S> = Object.is): S {
  const { bridge, handler } = useBinding('useBackendState');
  const store = useMemo(() => stateStore(bridge, handler), [bridge, handler]);
  // The value last shown: a new selector (an inline one is new at each render) that selects an equal value
  // keeps it, so the slice keeps its identity across the parent's renders too.
  const shown = useRef<{ value: S } | undefined>(undefined);
  const getSelection = useMemo(() => {
    const select = createSelection(selector, isEqual);
    return () => {
      const next = select(store.getSnapshot());
      const previous = shown.current;
      return previous !== undefined && isEqual(previous.value, next) ? previous.value : next;
    };
  }, [store, selector, isEqual]);
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  const value = useSyncExternalStore(subscribe, getSelection, getSelection);
  useEffect(() => {
    shown.current = { value };
  }, [value]);
  useDebugValue(value);
  return value;
}
