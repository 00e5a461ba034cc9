import type { NotificationChange } from '../api/contract/live-events';
import type { ListResponse } from '../api/contract/list-query';
import type {
  LoadNotificationsInput,
  NotificationRefInput,
  NotificationsRead,
} from '../api/contract/notification-routes';
import type { Notification } from '../interfaces/notification-interface';
import type { Declarations, RequestTypes } from './define-request';
import * as z from 'zod';
import { NotificationChangeSchema } from '../api/contract/live-events';
import { listResponseSchema } from '../api/contract/list-query';
import {
  LoadNotificationsInputSchema,
  NotificationRefInputSchema,
  NotificationsReadSchema,
  notificationRoutes as routes,
} from '../api/contract/notification-routes';
import { NotificationSchema } from '../interfaces/notification-interface';
import { withUnreadNotifications } from '../state/notification-count';
import type { UserState } from '../state/user-state';
import { defineRequest } from './define-request';
import { sendList } from './route-calls';

const None = z.undefined();
// Every change answers the user's unread count as it stands after it: the tree takes it as is.
const takeUnread = (state: UserState, { unread }: { unread: number }): UserState =>
  withUnreadNotifications(state, unread);

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface NotificationRequestTypes {
  loadNotifications: RequestTypes<LoadNotificationsInput, ListResponse<Notification>>;
  markNotificationRead: RequestTypes<NotificationRefInput, NotificationChange>;
  markAllNotificationsRead: RequestTypes<undefined, NotificationsRead>;
  archiveNotification: RequestTypes<NotificationRefInput, NotificationChange>;
}

/**
 * The signed-in user's notifications: finished and failed operations, crashed instances, membership changes
 * and plan limits. The tree holds only their unread count (`unreadNotifications`); lists are the caller's.
 */
export const notificationRequests: Declarations<NotificationRequestTypes> = {
  loadNotifications: defineRequest({
    route: routes.loadNotifications,
    input: LoadNotificationsInputSchema,
    output: listResponseSchema(NotificationSchema),
    call: sendList,
  }),
  markNotificationRead: defineRequest({
    route: routes.markNotificationRead,
    input: NotificationRefInputSchema,
    output: NotificationChangeSchema,
    reduce: takeUnread,
  }),
  markAllNotificationsRead: defineRequest({
    route: routes.markAllNotificationsRead,
    input: None,
    output: NotificationsReadSchema,
    reduce: takeUnread,
  }),
  archiveNotification: defineRequest({
    route: routes.archiveNotification,
    input: NotificationRefInputSchema,
    output: NotificationChangeSchema,
    reduce: takeUnread,
  }),
};
