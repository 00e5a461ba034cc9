import * as z from 'zod';
import { EmailSchema, EntityTimestampsSchema, IdSchema, NameSchema, ShortTextSchema } from './common';
import { OrganizationSchema } from './organization-interface';
import { TenantSchema } from './tenant-interface';
import { TokenSchema } from './token-interface';

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
  organizations: z.array(OrganizationSchema).max(1000),
  tokens: z.array(TokenSchema).max(1000),
  tenants: z.array(TenantSchema).max(1000),
  axebowPlan: AxebowPlanSchema,
  companyName: ShortTextSchema,
  role: UserRoleSchema,
  ...EntityTimestampsSchema.shape,
});

/** Logged-in user and the whole tree they can see. */
export type User = z.infer<typeof UserSchema>;
