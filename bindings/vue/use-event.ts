import type { Unsubscribe } from '../../event-helper';
import type { EventName, Listener } from '../../event-names';
import { useBinding } from './context';
import { listenWhileMounted } from './listen';

/**
 * Calls `listener` on every `event` of the bridge from before the component mounts until it unmounts (never
 * during a server render); typed from the event map, so a wrong listener does not compile. Returns the function
 * that stops it earlier.
 * @example
 * useEvent('session:expired', () => router.push('/sign-in'));
 * useEvent('deployService:success', (operation, meta) => toast(`Deploying (${meta.requestId})`));
 */
export function useEvent<E extends EventName>(event: E, listener: NoInfer<Listener<E>>): Unsubscribe {
  const { bridge } = useBinding('useEvent');
  let stopped = false;
  let unsubscribe: Unsubscribe | undefined;
  listenWhileMounted(() => {
    if (!stopped) unsubscribe = bridge.on(event, listener);
    return () => unsubscribe?.();
  });
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}
