import { getCurrentScope, onScopeDispose, provide, type App, type Plugin } from 'vue';
import { createBackendBinding, type Backend, type BackendBinding, type BindingOptions } from '../core/index';
import { BACKEND_KEY, rememberOwnBinding } from './context';

/**
 * Gives the calling component and every component below it a backend: their composables (`useBackendState`,
 * `useRequest`, `useOperation`, ...) use it, the calling component's own included. Call it in the root
 * component's `setup()`, before its composables. What the tree shares
 * (the operations it follows, the notifications pushed) is released when that component unmounts. The app keeps
 * owning the bridge and the handler: this never starts or stops them.
 * @param options How much the shared operation registry and notification feed keep.
 * @default options {} (`operationCapacity: 200`, `notificationCapacity: 50`)
 * @example
 * const bridge = createWUIBridge();
 * const handler = createBackendHandler({ bridge, environment: { apiBaseUrl: '/api' } });
 * handler.start();
 * const App = defineComponent({
 *   setup() {
 *     provideBackend({ bridge, handler });
 *     return () => h(ServiceList);
 *   },
 * });
 */
export function provideBackend(backend: Backend, options?: BindingOptions): BackendBinding {
  const binding = attached(createBackendBinding(backend, options));
  provide(BACKEND_KEY, binding);
  rememberOwnBinding(binding);
  if (getCurrentScope() !== undefined) onScopeDispose(() => binding.dispose());
  return binding;
}

/**
 * The same as {@link provideBackend}, for a whole app: `app.use(createBackendPlugin({ bridge, handler }))`.
 * What the app shares is released when it unmounts.
 * @example
 * createApp(App).use(createBackendPlugin({ bridge, handler })).mount('#app');
 */
export function createBackendPlugin(backend: Backend, options?: BindingOptions): Plugin {
  return {
    install(app: App) {
      const binding = attached(createBackendBinding(backend, options));
      app.provide(BACKEND_KEY, binding);
      // app.onUnmount is Vue 3.5's; Vue 3.4 gets the same by wrapping unmount.
      const withHook = app as App & { onUnmount?: (cleanup: () => void) => void };
      if (typeof withHook.onUnmount === 'function') {
        withHook.onUnmount(() => binding.dispose());
        return;
      }
      const unmount = app.unmount.bind(app);
      app.unmount = () => {
        unmount();
        binding.dispose();
      };
    },
  };
}

/**
 * The binding with its shared stores listening from now on (reading one attaches it): an operation started, or a
 * notification pushed, before the component that shows it mounted is still found.
 */
function attached(binding: BackendBinding): BackendBinding {
  binding.operations.get(undefined);
  binding.notifications.getSnapshot();
  return binding;
}
