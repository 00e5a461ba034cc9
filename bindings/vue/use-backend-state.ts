import { computed, type ComputedRef } from 'vue';
import type { UserState } from '../../state/user-state';
import { stateStore, type EqualityFn } from '../core/index';
import { useBinding } from './context';
import { storeRef } from './store-ref';

/**
 * A read-only ref of a slice of the signed-in user's state tree (`null` when signed out). It changes only when
 * the slice changes identity: the tree is immutable and keeps an unchanged branch's identity, so a component
 * selecting one service renders again when that service changed, not when another tenant did. The selector may
 * read props or refs: it runs again when they change. `isEqual` widens "unchanged" for selectors that build a
 * new value (a filtered list, a count).
 * @param selector Reads the slice from the tree.
 * @param isEqual Whether a newly selected value equals the current one, which is then kept.
 * @default isEqual Object.is
 * @example
 * const props = defineProps<{ tenantId: string; serviceId: string }>();
 * const service = useBackendState((state) =>
 *   state?.tenants.find((t) => t.id === props.tenantId)?.services.find((s) => s.id === props.serviceId),
 * );
 * @example
 * const names = useBackendState(
 *   (state) => state?.tenants.map((tenant) => tenant.name) ?? [],
 *   (a, b) => a.length === b.length && a.every((name, i) => name === b[i]),
 * );
 */
export function useBackendState<S>(
  selector: (state: UserState) => S,
  isEqual: EqualityFn<S> = Object.is,
): ComputedRef<S> {
  const { bridge, handler } = useBinding('useBackendState');
  const tree = storeRef(stateStore(bridge, handler));
  // A computed that returns its previous value triggers nothing (Vue >= 3.4): equal slices keep their identity.
  return computed((previous?: S) => {
    const next = selector(tree.value);
    return previous !== undefined && isEqual(previous, next) ? previous : next;
  });
}
