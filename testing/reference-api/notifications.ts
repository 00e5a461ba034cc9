import type { Notification, NotificationStatus } from '../../interfaces/notification-interface';
import type { NotificationRecord } from './records';
import type { Store } from './store';

/** How many notifications the API keeps per user; past it, the oldest archived, then read, then unread go. */
export const MAX_NOTIFICATIONS_PER_USER = 500;

/** What a new notification says: everything but its id, status, owner and timestamps. */
export type NotificationDraft = Pick<Notification, 'kind' | 'title' | 'message' | 'tenant' | 'target'>;

// Which notifications leave first when a user has too many: put away before seen before unseen.
const DROP_ORDER: Readonly<Record<NotificationStatus, number>> = { archived: 0, read: 1, unread: 2 };

/** The notification as the API shows it to its owner. */
export function notificationView(record: NotificationRecord): Notification {
  return {
    id: record.id,
    kind: record.kind,
    status: record.status,
    title: record.title,
    message: record.message,
    ...(record.tenant === undefined ? {} : { tenant: record.tenant }),
    ...(record.target === undefined ? {} : { target: { ...record.target } }),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The notifications of `userId`, oldest first (the order they were created in). */
export function notificationsOf(store: Store, userId: string): NotificationRecord[] {
  return [...store.notifications.values()].filter((record) => record.userId === userId);
}

function trim(store: Store, userId: string): void {
  const own = notificationsOf(store, userId);
  const excess = own.length - MAX_NOTIFICATIONS_PER_USER;
  if (excess <= 0) return;
  // A stable sort: within a status, the oldest come first.
  const dropped = own.sort((a, b) => DROP_ORDER[a.status] - DROP_ORDER[b.status]).slice(0, excess);
  for (const record of dropped) store.notifications.delete(record.id);
}

function publish(store: Store, type: 'notification.created' | 'notification.updated', record: NotificationRecord) {
  store.events.publish(
    { type, data: { notification: notificationView(record), unread: store.unreadNotificationsOf(record.userId) } },
    [record.userId],
  );
}

/**
 * Creates one `unread` notification for each of `userIds` (once each) and pushes it to them as
 * `notification.created`. Users who turned notifications off (`notificationsEnabled: false`) and unknown ids
 * get none. Returns the notifications created.
 */
export function notify(store: Store, userIds: Iterable<string>, draft: NotificationDraft): NotificationRecord[] {
  const created: NotificationRecord[] = [];
  for (const userId of new Set(userIds)) {
    if (store.users.get(userId)?.notificationsEnabled !== true) continue;
    const now = store.timestamp();
    const record: NotificationRecord = {
      id: store.nextId('ntf'),
      userId,
      kind: draft.kind,
      status: 'unread',
      title: draft.title.slice(0, 256),
      message: draft.message.slice(0, 4096),
      ...(draft.tenant === undefined ? {} : { tenant: draft.tenant }),
      ...(draft.target === undefined ? {} : { target: { ...draft.target } }),
      createdAt: now,
      updatedAt: now,
    };
    store.notifications.set(record.id, record);
    trim(store, userId);
    publish(store, 'notification.created', record);
    created.push(record);
  }
  return created;
}

/**
 * Moves `record` to `status` and pushes it to its owner as `notification.updated`; nothing happens when it is
 * already there, or when it is archived and asked to be read (archived notifications were read). Returns
 * whether it changed.
 */
export function setNotificationStatus(store: Store, record: NotificationRecord, status: 'read' | 'archived'): boolean {
  if (record.status === status || (record.status === 'archived' && status === 'read')) return false;
  record.status = status;
  record.updatedAt = store.timestamp();
  publish(store, 'notification.updated', record);
  return true;
}

/**
 * Marks every unread notification of `userId` read, then pushes one `notification.updated` per notification
 * it changed, each with the final unread count. Returns how many it changed.
 */
export function markAllRead(store: Store, userId: string): number {
  const changed = notificationsOf(store, userId).filter((record) => record.status === 'unread');
  for (const record of changed) {
    record.status = 'read';
    record.updatedAt = store.timestamp();
  }
  for (const record of changed) publish(store, 'notification.updated', record);
  return changed.length;
}
