import { useEffect, useInsertionEffect, useRef } from 'react';
import type { EventArgs, EventName, Listener } from '../../event-names';
import { useBinding } from './context';

/**
 * Calls `listener` on every `event` of the bridge while the component is mounted, with the event's typed
 * arguments (`(data, meta)` for an outcome, `(state, meta)` for `state:changed`, ...). The latest `listener`
 * is called, so an inline one does not subscribe again at each render.
 * @example
 * useEvent('operation:failed', (error, meta) => toast(`${meta.name} failed: ${error.message}`));
 * @example
 * useEvent('session:expired', () => navigate('/sign-in'));
 */
export function useEvent<E extends EventName>(event: E, listener: NoInfer<Listener<E>>): void {
  const { bridge } = useBinding('useEvent');
  const latest = useRef(listener);
  // Before any effect of this commit can emit: an event never reaches the listener of a previous render.
  useInsertionEffect(() => {
    latest.current = listener;
  });
  useEffect(() => bridge.on(event, (...args: EventArgs<E>) => latest.current(...args)), [bridge, event]);
}
