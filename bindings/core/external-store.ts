import type { Unsubscribe } from '../../event-helper';

/**
 * A value that changes over time, in the shape React's `useSyncExternalStore` takes and the Vue binding turns
 * into a read-only ref: `getSnapshot` returns the same value (by identity) until `subscribe`'s listener is
 * called.
 */
export interface ExternalStore<T> {
  /** Calls `onChange` after every change of the snapshot, until the returned function is called. */
  subscribe(onChange: () => void): Unsubscribe;
  /** The value now. */
  getSnapshot(): T;
}
