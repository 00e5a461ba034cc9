import * as z from 'zod';
import { named } from './named';
import { CountSchema, EmailSchema, EntityTimestampsSchema, IdSchema, NameSchema, ShortTextSchema } from './common';
import { OrganizationSchema, type Organization } from './organization-interface';
import { TenantSchema, type Tenant } from './tenant-interface';
import { TokenSchema, type Token } from './token-interface';

/** Subscription plans of the Axebow platform. */
export const AXEBOW_PLANS = ['freemium', 'premium'] as const;

/** Subscription plan of a user. */
export const AxebowPlanSchema = z.enum(AXEBOW_PLANS);

/** Subscription plan of a user. */
export type AxebowPlan = z.infer<typeof AxebowPlanSchema>;

/** Platform-level role of a user (free form, e.g. `user`, `admin`), 1..64 chars. */
export const UserRoleSchema = z.string().trim().min(1).max(64);

/**
 * Logged-in user and the whole tree they can see. Response schema: has NO `password`
 * (write-only, only in input schemas) and strips unknown keys. Seed's `rol` is `role`.
 */
export const UserSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  surname: z.string().trim().max(100),
  email: EmailSchema,
  notificationsEnabled: z.boolean(),
  organizations: z.array(named<Organization>(OrganizationSchema)).max(1000),
  tokens: z.array(named<Token>(TokenSchema)).max(1000),
  tenants: z.array(named<Tenant>(TenantSchema)).max(1000),
  axebowPlan: AxebowPlanSchema,
  companyName: ShortTextSchema,
  role: UserRoleSchema,
  /** How many of the user's notifications are `unread`; kept current by the live stream. */
  unreadNotifications: CountSchema,
  ...EntityTimestampsSchema.shape,
});

/** Logged-in user and the whole tree they can see. */
export interface User extends z.output<typeof UserSchema> {}
