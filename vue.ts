// `aurora-backend-handler/vue`: the bridge and handler in Vue components (Vue >= 3.4, an optional peer).
// `provideBackend` (or the plugin) gives a component tree its backend; composables select state as read-only
// refs, run requests, follow operations and listen to events, and release everything when the component
// unmounts.
export { provideBackend, createBackendPlugin } from './bindings/vue/provide';
export { useBackend } from './bindings/vue/context';
export { useBackendState } from './bindings/vue/use-backend-state';
export { useRequest, type UseRequestResult } from './bindings/vue/use-request';
export { useOperation } from './bindings/vue/use-operation';
export { useEvent } from './bindings/vue/use-event';
export { useStreamStatus } from './bindings/vue/use-stream-status';
export { useNotifications, type UseNotificationsResult } from './bindings/vue/use-notifications';
export type {
  Backend,
  BackendBinding,
  BindingOptions,
  EqualityFn,
  NotificationFeed,
  OperationPhase,
  OperationRegistry,
  OperationSnapshot,
  RequestOutcome,
  RequestSnapshot,
  RequestStatus,
} from './bindings/core/index';
