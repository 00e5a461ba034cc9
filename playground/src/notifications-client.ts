import type {
  ListResponse,
  LoadNotificationsInput,
  Notification,
  NotificationChange,
  NotificationsRead,
} from 'aurora-backend-handler';
import type { Backend } from './backend';

/** The newest notifications shown in the panel: archived ones are left out by the query. */
const LIST_QUERY: LoadNotificationsInput = {
  query: {
    limit: 50,
    sort: [{ field: 'createdAt', direction: 'desc' }],
    filter: { operator: 'and', filters: [{ field: 'status', operator: 'neq', value: 'archived' }] },
  },
};

/** The notification requests the bell sends, each through `bridge.request` like any form of the page. */
export interface NotificationsClient {
  load(): Promise<ListResponse<Notification>>;
  markRead(notificationId: string): Promise<NotificationChange>;
  markAllRead(): Promise<NotificationsRead>;
  archive(notificationId: string): Promise<NotificationChange>;
}

export function createNotificationsClient({ bridge }: Backend): NotificationsClient {
  return {
    load: () => bridge.request('loadNotifications', LIST_QUERY),
    markRead: (notificationId) => bridge.request('markNotificationRead', { notificationId }),
    markAllRead: () => bridge.request('markAllNotificationsRead'),
    archive: (notificationId) => bridge.request('archiveNotification', { notificationId }),
  };
}
