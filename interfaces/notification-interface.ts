import * as z from 'zod';
import { named } from './named';
import { EntityTimestampsSchema, IdSchema, ShortTextSchema, LongTextSchema } from './common';

/** What a notification tells about. */
export const NOTIFICATION_KINDS = [
  'operation_succeeded',
  'operation_failed',
  'instance_crashed',
  'membership_changed',
  'plan_limit',
] as const;

/** Where a notification is in its life: `unread` until read, `archived` when put away (as in LiteFarm). */
export const NOTIFICATION_STATUSES = ['unread', 'read', 'archived'] as const;

export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.output<typeof NotificationKindSchema>;
export const NotificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.output<typeof NotificationStatusSchema>;

/** The entity a notification is about. */
export const NotificationTargetSchema = z.object({
  type: z.enum(['service', 'instance', 'operation', 'tenant', 'organization']),
  id: IdSchema,
});
/** The entity a notification is about. */
export interface NotificationTarget extends z.output<typeof NotificationTargetSchema> {}

/** A message the API keeps for one user: an operation ended, an instance crashed, a plan limit was met. */
export const NotificationSchema = z.object({
  id: IdSchema,
  kind: NotificationKindSchema,
  status: NotificationStatusSchema,
  title: ShortTextSchema,
  message: LongTextSchema,
  /** The tenant it is about, when it is about one. */
  tenant: IdSchema.optional(),
  /** The entity it is about (a service, an instance, an operation), when there is one. */
  target: named<NotificationTarget>(NotificationTargetSchema).optional(),
  ...EntityTimestampsSchema.shape,
});

/** A message the API keeps for one user. */
export interface Notification extends z.output<typeof NotificationSchema> {}
