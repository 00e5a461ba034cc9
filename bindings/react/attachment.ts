import type { BackendBinding } from '../core/index';

// The bindings whose provider is mounted. The operation registry and notification feed attach to the bridge
// when first read, so hooks read them during render only for a mounted provider: a render React throws away
// (an interrupted transition, a suspended first mount) must not leave listeners on the bridge nobody removes.
const mounted = new WeakSet<BackendBinding>();

/** The provider's effect: the binding's shared stores listen to the bridge from now on. */
export function attach(binding: BackendBinding): void {
  mounted.add(binding);
  // Reading a store attaches it.
  binding.operations.get(undefined);
  binding.notifications.getSnapshot();
}

/** The provider's effect cleanup: the binding releases the bridge (it attaches again when read again). */
export function detach(binding: BackendBinding): void {
  mounted.delete(binding);
  binding.dispose();
}

/** Whether the binding's provider is mounted, so that reading its shared stores attaches nothing new. */
export function isAttached(binding: BackendBinding): boolean {
  return mounted.has(binding);
}
