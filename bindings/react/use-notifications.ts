import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Notification } from '../../interfaces/notification-interface';
import type { UserState } from '../../state/user-state';
import { createRequestController, type RequestOutcome } from '../core/index';
import { isAttached } from './attachment';
import { useBinding } from './context';
import { useBackendState } from './use-backend-state';

/** What {@link useNotifications} returns. */
export interface UseNotificationsResult {
  /** How many of the user's notifications are unread (the state tree's `unreadNotifications`); 0 signed out. */
  unread: number;
  /** The notifications pushed while the provider was mounted, newest first; archived ones leave the list. */
  received: readonly Notification[];
  /** Marks one notification read; resolves with the outcome, never rejects. */
  markRead(notificationId: string): Promise<RequestOutcome<'markNotificationRead'>>;
  /** Marks every unread notification read; resolves with the outcome, never rejects. */
  markAllRead(): Promise<RequestOutcome<'markAllNotificationsRead'>>;
  /** Archives one notification; resolves with the outcome, never rejects. */
  archive(notificationId: string): Promise<RequestOutcome<'archiveNotification'>>;
}

const NONE: readonly Notification[] = Object.freeze([]);
const unreadOf = (state: UserState): number => state?.unreadNotifications ?? 0;

/**
 * The signed-in user's notifications: the unread count, kept current by the live stream and by every tab,
 * the ones pushed since the provider mounted, and the actions on them. A notification marked read or
 * archived (here, in another tab or by a teammate's action) changes in `received` and in `unread`.
 * The actions' functions are the same at every render.
 * @example
 * const { unread, received, markRead, markAllRead } = useNotifications();
 * return (
 *   <>
 *     <button onClick={() => void markAllRead()}>Mark all read ({unread})</button>
 *     {received.map((n) => <p key={n.id} onClick={() => void markRead(n.id)}>{n.title}</p>)}
 *   </>
 * );
 */
export function useNotifications(): UseNotificationsResult {
  const binding = useBinding('useNotifications');
  const { bridge } = binding;
  const unread = useBackendState(unreadOf);
  const subscribe = useCallback((onChange: () => void) => binding.notifications.subscribe(onChange), [binding]);
  const getSnapshot = useCallback(() => (isAttached(binding) ? binding.notifications.getSnapshot() : NONE), [binding]);
  const received = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  // Writes the user asked for: they run to their end even when the component unmounts meanwhile.
  const actions = useMemo(() => {
    const read = createRequestController(bridge, 'markNotificationRead');
    const readAll = createRequestController(bridge, 'markAllNotificationsRead');
    const archive = createRequestController(bridge, 'archiveNotification');
    return {
      markRead: (notificationId: string) => read.execute({ notificationId }),
      markAllRead: () => readAll.execute(),
      archive: (notificationId: string) => archive.execute({ notificationId }),
    };
  }, [bridge]);
  return useMemo(() => ({ unread, received, ...actions }), [unread, received, actions]);
}
