import * as z from 'zod';
import { CountSchema, IdSchema } from '../../interfaces/common';
import { named } from '../../interfaces/named';
import { NotificationSchema, type Notification } from '../../interfaces/notification-interface';
import { defineRoute } from './define-route';
import { NotificationChangeSchema, type NotificationChange } from './live-events';
import { ListQueryParamsSchema, listResponseSchema, RequestListQuerySchema } from './list-query';

const NotificationParams = { notificationId: IdSchema };

/** What `loadNotifications` takes: a list query (filter by `status`, `kind`; sort by `createdAt`; pages). */
export const LoadNotificationsInputSchema = z.strictObject({ query: RequestListQuerySchema.optional() });
export interface LoadNotificationsInput extends z.input<typeof LoadNotificationsInputSchema> {}
export const NotificationRefInputSchema = z.strictObject(NotificationParams);
export interface NotificationRefInput extends z.input<typeof NotificationRefInputSchema> {}

/** What `markAllNotificationsRead` answers: how many notifications it marked, and how many are unread now. */
export const NotificationsReadSchema = z.object({ changed: CountSchema, unread: CountSchema });
export interface NotificationsRead extends z.output<typeof NotificationsReadSchema> {}

const notifications = '/notifications' as const;
const notification = '/notifications/{notificationId}' as const;

export const notificationRoutes = {
  loadNotifications: defineRoute({
    id: 'loadNotifications',
    method: 'GET',
    path: notifications,
    summary: "List, filter and sort the signed-in user's notifications (newest first unless sorted)",
    query: ListQueryParamsSchema,
    response: listResponseSchema(named<Notification>(NotificationSchema)),
    successStatus: 200,
  }),
  markNotificationRead: defineRoute({
    id: 'markNotificationRead',
    method: 'POST',
    path: `${notification}/read`,
    summary: 'Mark a notification read',
    params: z.strictObject(NotificationParams),
    response: named<NotificationChange>(NotificationChangeSchema),
    successStatus: 200,
  }),
  markAllNotificationsRead: defineRoute({
    id: 'markAllNotificationsRead',
    method: 'POST',
    path: `${notifications}/read`,
    summary: 'Mark every unread notification of the signed-in user read',
    response: named<NotificationsRead>(NotificationsReadSchema),
    successStatus: 200,
  }),
  archiveNotification: defineRoute({
    id: 'archiveNotification',
    method: 'POST',
    path: `${notification}/archive`,
    summary: 'Archive a notification (read or not)',
    params: z.strictObject(NotificationParams),
    response: named<NotificationChange>(NotificationChangeSchema),
    successStatus: 200,
  }),
} as const;
