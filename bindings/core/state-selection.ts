import type { BackendHandler } from '../../backend-handler';
import type { WUIBridge } from '../../event-helper';
import type { UserState } from '../../state/user-state';
import type { ExternalStore } from './external-store';

/** Tells whether two selected values are the same, so that the component need not render again. */
export type EqualityFn<S> = (previous: S, next: S) => boolean;

/** The user state tree as an {@link ExternalStore}: a new snapshot at each `state:changed`. */
export function stateStore(bridge: WUIBridge, handler: Pick<BackendHandler, 'getState'>): ExternalStore<UserState> {
  return {
    subscribe: (onChange) => bridge.on('state:changed', () => onChange()),
    getSnapshot: () => handler.getState(),
  };
}

/**
 * Memoizes `select` over the state tree: called again only for a new tree (trees are immutable, and an
 * unchanged branch keeps its identity), and a result `isEqual` to the last one is replaced by the last one.
 * So the value a component selects keeps its identity until its slice really changed.
 * @example createSelection((state) => state?.tenants.find((t) => t.id === tenantId))
 */
export function createSelection<S>(
  select: (state: UserState) => S,
  isEqual: EqualityFn<S> = Object.is,
): (state: UserState) => S {
  let last: { state: UserState; value: S } | undefined;
  return (state) => {
    if (last !== undefined && last.state === state) return last.value;
    const next = select(state);
    const value = last !== undefined && isEqual(last.value, next) ? last.value : next;
    last = { state, value };
    return value;
  };
}
