import { createContext, useContext } from 'react';
import { noBackendProvided } from '../../errors/messages';
import type { BackendBinding } from '../core/index';

/** The binding `BackendProvider` gives its tree; `null` outside one. */
export const BackendContext = createContext<BackendBinding | null>(null);
BackendContext.displayName = 'AuroraBackend';

const PROVIDER = '<BackendProvider backend={...}>';

/** The binding of the nearest `BackendProvider`; a `CONFIG` error naming `hook` outside one. */
export function useBinding(hook: string): BackendBinding {
  const binding = useContext(BackendContext);
  if (binding === null) throw noBackendProvided(hook, PROVIDER);
  return binding;
}

/**
 * The backend of the nearest `BackendProvider`: its bridge and handler, with the operations and notifications
 * the tree shares. For what the hooks do not cover, such as `bridge.emit` of a request nobody waits for.
 * @throws BackendError `CONFIG` outside a `BackendProvider`.
 * @example
 * const { bridge } = useBackend();
 * const onClick = () => bridge.emit('logout');
 */
export function useBackend(): BackendBinding {
  return useBinding('useBackend');
}
