import * as z from 'zod';
import { named } from '../../interfaces/named';
import { CountSchema, IdSchema, NameSchema, TimestampSchema } from '../../interfaces/common';
import { AccountSchema, type Account } from '../../interfaces/account-interface';
import { EnvironmentSchema, type Environment } from '../../interfaces/environment-interface';
import { InstanceSchema, type Instance } from '../../interfaces/instance-interface';
import { NotificationSchema, type Notification } from '../../interfaces/notification-interface';
import { OperationSchema, type Operation } from '../../interfaces/operation-interface';
import { OrganizationSchema, type Organization } from '../../interfaces/organization-interface';
import { ResourceSchema, type Resource } from '../../interfaces/resource-interface';
import { ServiceSchema, type Service } from '../../interfaces/service-interface';
import { TenantSchema, type Tenant } from '../../interfaces/tenant-interface';
import { TokenSchema, type Token } from '../../interfaces/token-interface';
import { UsageSchema, type Usage } from '../../interfaces/usage-interface';
import { UserSchema } from '../../interfaces/user-interface';
import { TenantMemberSchema, type TenantMember } from './tenant-routes';

/**
 * The id of a pushed event: a decimal string that grows with every event the API publishes (one sequence for
 * all users), sent as the SSE `id` and given back as `Last-Event-ID` to resume.
 */
export const LiveEventIdSchema = z.string().regex(/^\d{1,20}$/, 'must be a decimal event id');

/** What a deleted tenant-scoped entity is known by. */
export const TenantEntityKeySchema = z.object({ id: IdSchema, tenant: IdSchema });
export interface TenantEntityKey extends z.output<typeof TenantEntityKeySchema> {}

/** What a deleted organization or tenant, or one the user no longer sees, is known by. */
export const EntityKeySchema = z.object({ id: IdSchema });
export interface EntityKey extends z.output<typeof EntityKeySchema> {}

/** A tenant's own fields, without the collections it holds: what `tenant.updated` carries. */
export const TenantHeaderSchema = TenantSchema.omit({
  services: true,
  accounts: true,
  environments: true,
  marketplaceItems: true,
  resources: true,
});
export interface TenantHeader extends z.output<typeof TenantHeaderSchema> {}

/** The user's own fields, without the tree: what `user.updated` carries. */
export const UserProfileSchema = UserSchema.omit({ organizations: true, tokens: true, tenants: true });
export interface UserProfile extends z.output<typeof UserProfileSchema> {}

/** An instance as it changed, and where it runs. */
export const InstanceChangeSchema = z.object({
  tenant: IdSchema,
  service: IdSchema,
  role: NameSchema,
  instance: named<Instance>(InstanceSchema),
});
export interface InstanceChange extends z.output<typeof InstanceChangeSchema> {}

/** A usage sample of a service, environment or account; the API sends at most one per target per second. */
export const UsageSampleSchema = z.object({
  target: z.object({ type: z.enum(['service', 'environment', 'account']), id: IdSchema, tenant: IdSchema }),
  usage: named<Usage>(UsageSchema),
  sampledAt: TimestampSchema,
});
export interface UsageSample extends z.output<typeof UsageSampleSchema> {}

/** A notification as it was created or changed, and how many of the user's notifications are now unread. */
export const NotificationChangeSchema = z.object({
  notification: named<Notification>(NotificationSchema),
  unread: CountSchema,
});
export interface NotificationChange extends z.output<typeof NotificationChangeSchema> {}

/** Why the API cannot resume a stream: the client must reload its tree (`GET /users/me`) and go on. */
export const StreamResetSchema = z.object({
  reason: z.enum(['too_old', 'unknown_id']).describe('too_old: the id left the replay buffer'),
});
export interface StreamReset extends z.output<typeof StreamResetSchema> {}

function event<const T extends string, S extends z.ZodType>(type: T, data: S) {
  return z.object({ id: LiveEventIdSchema, type: z.literal(type), data });
}

/**
 * Every event `GET /events` pushes, by `type` (the SSE `event` field; `data` is its JSON payload). Entities
 * are sent as `GET` returns them, so they merge into the tree by their `updatedAt` like any answer.
 */
export const LiveEventSchema = z.discriminatedUnion('type', [
  event('user.updated', UserProfileSchema),
  event('organization.created', named<Organization>(OrganizationSchema)),
  event('organization.updated', named<Organization>(OrganizationSchema)),
  event('organization.deleted', EntityKeySchema),
  event('tenant.created', named<Tenant>(TenantSchema)),
  event('tenant.updated', named<TenantHeader>(TenantHeaderSchema)),
  event('tenant.deleted', EntityKeySchema),
  event('member.created', named<TenantMember>(TenantMemberSchema)),
  event('member.updated', named<TenantMember>(TenantMemberSchema)),
  event('member.deleted', named<TenantMember>(TenantMemberSchema)),
  event('account.created', named<Account>(AccountSchema)),
  event('account.updated', named<Account>(AccountSchema)),
  event('account.deleted', TenantEntityKeySchema),
  event('environment.created', named<Environment>(EnvironmentSchema)),
  event('environment.updated', named<Environment>(EnvironmentSchema)),
  event('environment.deleted', TenantEntityKeySchema),
  event('resource.created', named<Resource>(ResourceSchema)),
  event('resource.updated', named<Resource>(ResourceSchema)),
  event('resource.deleted', TenantEntityKeySchema),
  event('service.created', named<Service>(ServiceSchema)),
  event('service.updated', named<Service>(ServiceSchema)),
  event('service.deleted', TenantEntityKeySchema),
  event('instance.updated', named<InstanceChange>(InstanceChangeSchema)),
  event('token.created', named<Token>(TokenSchema)),
  event('token.updated', named<Token>(TokenSchema)),
  event('token.deleted', TenantEntityKeySchema),
  event('operation.updated', named<Operation>(OperationSchema)),
  event('usage.sampled', named<UsageSample>(UsageSampleSchema)),
  event('notification.created', named<NotificationChange>(NotificationChangeSchema)),
  event('notification.updated', named<NotificationChange>(NotificationChangeSchema)),
  event('stream.reset', named<StreamReset>(StreamResetSchema)),
]);

/** One event pushed by `GET /events`: its id, its type and its validated payload. */
export type LiveEvent = z.output<typeof LiveEventSchema>;
/** The type of a pushed event, such as `service.updated`. */
export type LiveEventType = LiveEvent['type'];
/** The event of type `T`. */
export type LiveEventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;
/** The payload of events of type `T`. */
export type LiveEventData<T extends LiveEventType> = LiveEventOf<T>['data'];

/** Every type of pushed event, in declaration order. */
export const LIVE_EVENT_TYPES: readonly LiveEventType[] = LiveEventSchema.options.map(
  (option): LiveEventType => option.shape.type.value,
);
