// `aurora-backend-handler/react`: the bridge and handler in React components (React >= 18, an optional peer).
// A provider gives a tree its backend; hooks over `useSyncExternalStore` select state, run requests, follow
// operations and listen to events, and release everything when the component unmounts.
export { BackendProvider, type BackendProviderProps } from './bindings/react/provider';
export { useBackend } from './bindings/react/context';
export { useBackendState } from './bindings/react/use-backend-state';
export { useRequest, type UseRequestResult } from './bindings/react/use-request';
export { useOperation } from './bindings/react/use-operation';
export { useEvent } from './bindings/react/use-event';
export { useStreamStatus } from './bindings/react/use-stream-status';
export { useNotifications, type UseNotificationsResult } from './bindings/react/use-notifications';
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
