import { updateUser } from './tree';
import type { UserState } from './user-state';

/**
 * The state with the user's unread notification count set to `unread`, as the API last answered or pushed it;
 * the state itself when the count is already that (or no one is signed in).
 */
export function withUnreadNotifications(state: UserState, unread: number): UserState {
  return updateUser(state, (user) =>
    user.unreadNotifications === unread ? user : { ...user, unreadNotifications: unread },
  );
}
