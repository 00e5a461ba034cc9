import type { BackendHandler } from '../../backend-handler';
import type { WUIBridge } from '../../event-helper';
import { createNotificationFeed, type NotificationFeed } from './notification-feed';
import { createOperationRegistry, type OperationRegistry } from './operation-registry';

/** What an app gives its component tree: the bridge components emit on, and the handler that answers. */
export interface Backend {
  bridge: WUIBridge;
  handler: BackendHandler;
}

/** Options of the Vue `provideBackend` / plugin and the React `BackendProvider`. */
export interface BindingOptions {
  /**
   * How many operations `useOperation` can find: beyond it, ended ones are dropped first (oldest first), then
   * the oldest running one.
   * @default 200
   * @example { operationCapacity: 50 }
   */
  operationCapacity?: number;
  /**
   * How many pushed notifications `useNotifications().received` keeps, newest first.
   * @default 50
   * @example { notificationCapacity: 20 }
   */
  notificationCapacity?: number;
}

/** A backend given to one component tree, with what its components share: operations and notifications. */
export interface BackendBinding extends Backend {
  /** Every operation started on the bridge since first used. */
  readonly operations: OperationRegistry;
  /** The notifications pushed since first used. */
  readonly notifications: NotificationFeed;
  /** Releases what the binding attached to the bridge (the tree was unmounted). The bridge and handler stay. */
  dispose(): void;
}

/**
 * What the framework bindings share: the backend and, attached to its bridge on first use, the operation
 * registry and the notification feed. The app keeps owning the bridge and the handler (start, stop).
 */
export function createBackendBinding(backend: Backend, options: BindingOptions = {}): BackendBinding {
  let operations: OperationRegistry | undefined;
  let notifications: NotificationFeed | undefined;
  return {
    bridge: backend.bridge,
    handler: backend.handler,
    get operations() {
      operations ??= createOperationRegistry(backend.bridge, options.operationCapacity);
      return operations;
    },
    get notifications() {
      notifications ??= createNotificationFeed(backend.bridge, options.notificationCapacity);
      return notifications;
    },
    dispose() {
      operations?.dispose();
      notifications?.dispose();
      operations = undefined;
      notifications = undefined;
    },
  };
}
