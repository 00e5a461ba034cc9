import type { Notification } from '../../index';
import type { ReferenceServer } from '../../testing/index';

/**
 * Puts an unread notification for the user with `email` straight into the reference API's store (as the API
 * does when an operation ends), and returns how many of that user's notifications are now unread.
 */
export function seedNotification(
  server: ReferenceServer,
  email: string,
  fields: Pick<Notification, 'title' | 'message'> & Partial<Pick<Notification, 'kind'>>,
): number {
  const { store } = server.api;
  const user = store.userByEmail(email);
  if (user === undefined) throw new Error(`The reference API has no user ${email}`);
  const id = store.nextId('ntf');
  const at = store.timestamp();
  store.notifications.set(id, {
    id,
    userId: user.id,
    kind: 'operation_succeeded',
    status: 'unread',
    createdAt: at,
    updatedAt: at,
    ...fields,
  });
  return store.unreadNotificationsOf(user.id);
}
