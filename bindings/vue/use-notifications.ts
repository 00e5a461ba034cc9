import type { ComputedRef } from 'vue';
import type { Notification } from '../../interfaces/notification-interface';
import type { UserState } from '../../state/user-state';
import { createRequestController, type RequestOutcome } from '../core/index';
import { useBinding } from './context';
import { storeRef } from './store-ref';
import { useBackendState } from './use-backend-state';

/** What {@link useNotifications} returns. */
export interface UseNotificationsResult {
  /** How many of the user's notifications are unread (the state tree's `unreadNotifications`); 0 signed out. */
  unread: ComputedRef<number>;
  /** The notifications pushed since the backend was provided, newest first; archived ones leave the list. */
  received: ComputedRef<readonly Notification[]>;
  /** Marks one notification read; resolves with the outcome, never rejects. */
  markRead(notificationId: string): Promise<RequestOutcome<'markNotificationRead'>>;
  /** Marks every unread notification read; resolves with the outcome, never rejects. */
  markAllRead(): Promise<RequestOutcome<'markAllNotificationsRead'>>;
  /** Archives one notification; resolves with the outcome, never rejects. */
  archive(notificationId: string): Promise<RequestOutcome<'archiveNotification'>>;
}

const unreadOf = (state: UserState): number => state?.unreadNotifications ?? 0;
const NONE: readonly Notification[] = Object.freeze([]);

/**
 * The signed-in user's notifications: the unread count, kept current by the live stream and by every tab,
 * the ones pushed since the backend was provided, and the actions on them. A notification marked read or
 * archived (here, in another tab or by a teammate) changes in `received` and in `unread`.
 * @example
 * const { unread, received, markRead, markAllRead } = useNotifications();
 * // template: <button @click="markAllRead()">Mark all read ({{ unread }})</button>
 * //           <p v-for="n in received" :key="n.id" @click="markRead(n.id)">{{ n.title }}</p>
 */
export function useNotifications(): UseNotificationsResult {
  const binding = useBinding('useNotifications');
  const { bridge } = binding;
  // Writes the user asked for: they run to their end even when the component unmounts meanwhile.
  const read = createRequestController(bridge, 'markNotificationRead');
  const readAll = createRequestController(bridge, 'markAllNotificationsRead');
  const archive = createRequestController(bridge, 'archiveNotification');
  return {
    unread: useBackendState(unreadOf),
    // Read from the binding, once mounted: reading the feed attaches it to the bridge.
    received: storeRef(
      {
        subscribe: (onChange) => binding.notifications.subscribe(onChange),
        getSnapshot: () => binding.notifications.getSnapshot(),
      },
      () => NONE,
    ),
    markRead: (notificationId) => read.execute({ notificationId }),
    markAllRead: () => readAll.execute(),
    archive: (notificationId) => archive.execute({ notificationId }),
  };
}
