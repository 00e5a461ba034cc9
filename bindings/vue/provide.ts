import { provide, type App, type Plugin } from 'vue';
import { createBackendBinding, type Backend, type BackendBinding, type BindingOptions } from '../core/index';
import { BACKEND_KEY, rememberOwnBinding } from './context';
import { listenWhileMounted } from './listen';

/**
 * Gives the calling component and every component below it a backend: their composables (`useBackendState`,
 * `useRequest`, `useOperation`, ...) use it, the calling component's own included. Call it in the root
 * component's `setup()`, before its composables. What the tree shares (the operations it follows, the
 * notifications pushed) is followed from before that component mounts (not during a server render) and released
 * when it unmounts. The app keeps owning the bridge and the handler: this never starts or stops them.
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
  const binding = createBackendBinding(backend, options);
  provide(BACKEND_KEY, binding);
  rememberOwnBinding(binding);
  listenWhileMounted(() => {
    attach(binding);
    return () => binding.dispose();
  });
  return binding;
}

/**
 * The same as {@link provideBackend}, for a whole app: `app.use(createBackendPlugin({ bridge, handler }))`.
 * What the app shares is followed from `app.mount()` (a server render never mounts) until `app.unmount()`.
 * @example
 * createApp(App).use(createBackendPlugin({ bridge, handler })).mount('#app');
 */
export function createBackendPlugin(backend: Backend, options?: BindingOptions): Plugin {
  return {
    install(app: App) {
      const binding = createBackendBinding(backend, options);
      app.provide(BACKEND_KEY, binding);
      // Wrapped rather than app.onUnmount (Vue 3.5 only), so that Vue 3.4 releases it too.
      const mount = app.mount.bind(app);
      const unmount = app.unmount.bind(app);
      app.mount = (...args: Parameters<App['mount']>) => {
        attach(binding);
        return mount(...args);
      };
      app.unmount = () => {
        unmount();
        binding.dispose();
      };
    },
  };
}

/**
 * The binding's shared stores listen from now on (reading one attaches it): an operation started, or a
 * notification pushed, before the component that shows it mounted is still found.
 */
function attach(binding: BackendBinding): void {
  binding.operations.get(undefined);
  binding.notifications.getSnapshot();
}
