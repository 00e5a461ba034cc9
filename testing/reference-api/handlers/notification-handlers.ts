import type { notificationRoutes } from '../../../api/contract/notification-routes';
import { notFound } from '../errors';
import { listPage } from '../list-page';
import { markAllRead, notificationsOf, notificationView, setNotificationStatus } from '../notifications';
import type { NotificationRecord, UserRecord } from '../records';
import type { Store } from '../store';
import type { Handlers } from './types';

/** The caller's notification `id`; 404 for one of another user, so that its existence never leaks. */
function ownNotification(store: Store, user: UserRecord, id: string): NotificationRecord {
  const record = store.notifications.get(id);
  if (record?.userId !== user.id) throw notFound(`Notification ${id}`);
  return record;
}

function changed(store: Store, record: NotificationRecord) {
  return { notification: notificationView(record), unread: store.unreadNotificationsOf(record.userId) };
}

/** The signed-in user's notifications: each user sees and changes only their own. */
export const notificationHandlers = {
  loadNotifications: ({ store, user }, { query }) => {
    // Newest first unless the query sorts: a list query's sort is applied after this order, and is stable.
    const newestFirst = notificationsOf(store, user.id).reverse().map(notificationView);
    return listPage(newestFirst, query);
  },

  markNotificationRead: ({ store, user }, { params }) => {
    const record = ownNotification(store, user, params.notificationId);
    setNotificationStatus(store, record, 'read');
    return changed(store, record);
  },

  markAllNotificationsRead: ({ store, user }) => {
    const count = markAllRead(store, user.id);
    return { changed: count, unread: store.unreadNotificationsOf(user.id) };
  },

  archiveNotification: ({ store, user }, { params }) => {
    const record = ownNotification(store, user, params.notificationId);
    setNotificationStatus(store, record, 'archived');
    return changed(store, record);
  },
} satisfies Handlers<keyof typeof notificationRoutes>;
