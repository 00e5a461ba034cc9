// The framework-free core of the Vue and React bindings: stores in the shape both frameworks read
// (subscribe + getSnapshot), built on the bridge and the handler only.
export { createBackendBinding, type Backend, type BackendBinding, type BindingOptions } from './backend-binding';
export type { ExternalStore } from './external-store';
export { createNotificationFeed, type NotificationFeed } from './notification-feed';
export {
  createOperationRegistry,
  OPERATION_PHASES,
  UNKNOWN_OPERATION,
  type OperationPhase,
  type OperationRegistry,
  type OperationSnapshot,
} from './operation-registry';
export {
  createRequestController,
  REQUEST_STATUSES,
  type RequestController,
  type RequestOutcome,
  type RequestSnapshot,
  type RequestStatus,
} from './request-controller';
export { createSelection, stateStore, type EqualityFn } from './state-selection';
export { streamStatusStore } from './stream-status-store';
export { Subscribable } from './subscribable';
