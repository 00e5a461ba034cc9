import { onScopeDispose } from 'vue';
import type { Unsubscribe } from '../../event-helper';
import type { EventName, Listener } from '../../event-names';
import { useBinding } from './context';

/**
 * Calls `listener` on every `event` of the bridge until the component unmounts; typed from the event map, so a
 * wrong listener does not compile. Returns the function that stops it earlier.
 * @example
 * useEvent('session:expired', () => router.push('/sign-in'));
 * useEvent('deployService:success', (operation, meta) => toast(`Deploying (${meta.requestId})`));
 */
export function useEvent<E extends EventName>(event: E, listener: NoInfer<Listener<E>>): Unsubscribe {
  const { bridge } = useBinding('useEvent');
  const unsubscribe = bridge.on(event, listener);
  onScopeDispose(unsubscribe);
  return unsubscribe;
}
