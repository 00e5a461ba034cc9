import {
  getCurrentInstance,
  hasInjectionContext,
  inject,
  type ComponentInternalInstance,
  type InjectionKey,
} from 'vue';
import { noBackendProvided } from '../../errors/messages';
import type { BackendBinding } from '../core/index';

/** Where `provideBackend` and the plugin put the binding for the components below. */
export const BACKEND_KEY: InjectionKey<BackendBinding> = Symbol('aurora-backend');

const PROVIDER = 'provideBackend({ bridge, handler }) in the root component (or app.use(createBackendPlugin(...)))';

// What a component provided itself: Vue's inject() reads the parents' provides only, and the root component that
// calls provideBackend() commonly uses the composables too.
const ownBindings = new WeakMap<ComponentInternalInstance, BackendBinding>();

/** Records the binding the calling component provides, for its own composables. */
export function rememberOwnBinding(binding: BackendBinding): void {
  const instance = getCurrentInstance();
  if (instance !== null) ownBindings.set(instance, binding);
}

/**
 * The binding provided by the calling component or above it; a `CONFIG` error naming `composable` when none
 * is.
 */
export function useBinding(composable: string): BackendBinding {
  const instance = getCurrentInstance();
  const own = instance === null ? undefined : ownBindings.get(instance);
  // Outside setup() (after an await, in a plain function) there is no injection context, and inject() would
  // answer undefined with a warning: the same CONFIG error says what to do.
  const binding = own ?? (hasInjectionContext() ? inject(BACKEND_KEY, null) : null);
  if (binding === null) throw noBackendProvided(composable, PROVIDER);
  return binding;
}

/**
 * The backend provided above this component: its bridge and handler, with the operations and notifications
 * the app shares. For what the composables do not cover, such as `bridge.emit` of a request nobody waits for.
 * @throws BackendError `CONFIG` when no backend was provided.
 * @example
 * const { bridge } = useBackend();
 * const signOut = () => bridge.emit('logout');
 */
export function useBackend(): BackendBinding {
  return useBinding('useBackend');
}
