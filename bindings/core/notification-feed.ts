import type { NotificationChange } from '../../api/contract/live-events';
import type { Unsubscribe, WUIBridge } from '../../event-helper';
import type { Notification } from '../../interfaces/notification-interface';
import { Subscribable } from './subscribable';

/** The notifications pushed since the app started, newest first, as the bridge's events keep them. */
export interface NotificationFeed {
  /** Pushed notifications, newest first, at most `capacity`; archived ones leave the list. */
  getSnapshot(): readonly Notification[];
  subscribe(onChange: () => void): Unsubscribe;
  /** Stops listening to the bridge. */
  dispose(): void;
}

/**
 * Listens to the bridge from now on: `notification:received` adds one; a change pushed by the stream
 * (`notification.updated`, from any tab) or answered to this tab (`markNotificationRead`,
 * `archiveNotification`, `markAllNotificationsRead`) updates the list, so a read one reads as read everywhere.
 */
export function createNotificationFeed(bridge: WUIBridge, capacity = 50): NotificationFeed {
  const listeners = new Subscribable();
  let list: readonly Notification[] = Object.freeze([]);

  function commit(next: Notification[]): void {
    list = Object.freeze(next.slice(0, capacity));
    listeners.notify();
  }

  function changed({ notification }: NotificationChange): void {
    if (!list.some((item) => item.id === notification.id)) return;
    commit(
      notification.status === 'archived'
        ? list.filter((item) => item.id !== notification.id)
        : list.map((item) => (item.id === notification.id ? notification : item)),
    );
  }

  const unsubscribes: Unsubscribe[] = [
    bridge.on('notification:received', (notification) =>
      commit([notification, ...list.filter((item) => item.id !== notification.id)]),
    ),
    bridge.on('stream:event', (event) => {
      if (event.type === 'notification.updated') changed(event.data);
    }),
    bridge.on('markNotificationRead:success', changed),
    bridge.on('archiveNotification:success', changed),
    bridge.on('markAllNotificationsRead:success', () => {
      if (list.some((item) => item.status === 'unread'))
        commit(list.map((item) => (item.status === 'unread' ? { ...item, status: 'read' } : item)));
    }),
  ];

  return {
    getSnapshot: () => list,
    subscribe: listeners.subscribe,
    dispose() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
    },
  };
}
