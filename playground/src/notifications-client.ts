import {
  isRequestName,
  type ListResponse,
  type Notification,
  type NotificationChange,
  type NotificationsRead,
} from 'aurora-backend-handler';
import type { Backend } from './backend';

/** The newest notifications shown in the panel: archived ones are left out by the query. */
const LIST_QUERY = {
  query: {
    limit: 50,
    sort: [{ field: 'createdAt', direction: 'desc' }],
    filter: { operator: 'and', filters: [{ field: 'status', operator: 'neq', value: 'archived' }] },
  },
} as const;

/** The notification requests the bell sends, each through `bridge.request` like any form of the page. */
export interface NotificationsClient {
  /** Whether the library this page bundles declares the notification requests. */
  readonly available: boolean;
  load(): Promise<ListResponse<Notification>>;
  markRead(notificationId: string): Promise<NotificationChange>;
  markAllRead(): Promise<NotificationsRead>;
  archive(notificationId: string): Promise<NotificationChange>;
}

const NAMES = ['loadNotifications', 'markNotificationRead', 'markAllNotificationsRead', 'archiveNotification'];

export function createNotificationsClient(backend: Backend): NotificationsClient {
  // Looked up by name at run time, so the bell degrades to a count-only badge on a library without them.
  const send = async <T>(name: string, input: unknown): Promise<T> => {
    if (!isRequestName(name)) throw new Error(`This build of the library has no "${name}" request.`);
    return (await backend.send(name, input)) as T;
  };
  return {
    available: NAMES.every((name) => isRequestName(name)),
    load: () => send('loadNotifications', LIST_QUERY),
    markRead: (notificationId) => send('markNotificationRead', { notificationId }),
    markAllRead: () => send('markAllNotificationsRead', undefined),
    archive: (notificationId) => send('archiveNotification', { notificationId }),
  };
}
