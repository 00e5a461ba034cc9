import { createElement, useEffect, useMemo, type ReactElement, type ReactNode } from 'react';
import { createBackendBinding, type Backend, type BindingOptions } from '../core/index';
import { attach, detach } from './attachment';
import { BackendContext } from './context';

/** Props of {@link BackendProvider}. */
export interface BackendProviderProps {
  /** The bridge and handler the app created (and starts and stops itself). */
  backend: Backend;
  /**
   * How much the tree's shared operation registry and notification feed keep. Read when the provider mounts
   * or its backend changes.
   * @default {} (`operationCapacity: 200`, `notificationCapacity: 50`)
   * @example { operationCapacity: 50 }
   */
  options?: BindingOptions;
  children?: ReactNode;
}

/**
 * Gives a component tree a backend: its hooks (`useBackendState`, `useRequest`, `useOperation`, ...) use it.
 * The operations and notifications it shares are followed from mount and released on unmount, so a remount
 * (React's StrictMode mounts twice in development) leaves no listener behind. The app keeps owning the bridge
 * and the handler: the provider never starts or stops them.
 * @example
 * const bridge = createWUIBridge();
 * const handler = createBackendHandler({ bridge, environment: { apiBaseUrl: '/api' } });
 * handler.start();
 * createRoot(element).render(
 *   <BackendProvider backend={{ bridge, handler }}>
 *     <App />
 *   </BackendProvider>,
 * );
 */
export function BackendProvider({ backend, options = {}, children }: BackendProviderProps): ReactElement {
  const { bridge, handler } = backend;
  const { operationCapacity, notificationCapacity } = options;
  // Keyed by what it is made of, so that an inline `backend={{ bridge, handler }}` keeps its binding.
  const binding = useMemo(
    () =>
      createBackendBinding(
        { bridge, handler },
        {
          ...(operationCapacity === undefined ? {} : { operationCapacity }),
          ...(notificationCapacity === undefined ? {} : { notificationCapacity }),
        },
      ),
    [bridge, handler, operationCapacity, notificationCapacity],
  );
  // Attached in an effect, never during render: a mount-cleanup-mount detaches and attaches again.
  useEffect(() => {
    attach(binding);
    return () => detach(binding);
  }, [binding]);
  return createElement(BackendContext.Provider, { value: binding }, children);
}
