import { getCurrentInstance, onBeforeMount, onScopeDispose } from 'vue';
import type { Unsubscribe } from '../../event-helper';

/**
 * Runs `attach` (which subscribes to the bridge or a store) where listening is safe, and releases it when the
 * scope is disposed. In a component, before it mounts: a server render never mounts a component nor disposes
 * its scope, so listening in `setup()` would leave listeners on a shared bridge at every render. In a bare
 * effect scope (a store of the app), at once.
 */
export function listenWhileMounted(attach: () => Unsubscribe): void {
  let release: Unsubscribe | undefined;
  const start = () => {
    release = attach();
  };
  if (getCurrentInstance() === null) start();
  else onBeforeMount(start);
  onScopeDispose(() => release?.());
}
