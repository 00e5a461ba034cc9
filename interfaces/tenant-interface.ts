import * as z from 'zod';
import { named } from './named';
import { CountSchema, EntityTimestampsSchema, IdListSchema, IdSchema, NameSchema } from './common';
import { AccountSchema, type Account } from './account-interface';
import { EnvironmentSchema, type Environment } from './environment-interface';
import { MarketplaceItemSchema, type MarketplaceItem } from './marketplace-item-interface';
import { ResourceSchema, type Resource } from './resource-interface';
import { ServiceSchema, type Service } from './service-interface';

/** Roles a user can have in a tenant. */
export const TENANT_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;

/** Role of the current user in a tenant. */
export const TenantRoleSchema = z.enum(TENANT_ROLES);

/** Role of the current user in a tenant. */
export type TenantRole = z.infer<typeof TenantRoleSchema>;

/** Lifecycle states of a tenant. */
export const TENANT_STATUSES = ['active', 'pending', 'suspended', 'error'] as const;

/** Lifecycle state of a tenant. */
export const TenantStatusSchema = z.enum(TENANT_STATUSES);

/** Lifecycle state of a tenant. */
export type TenantStatus = z.infer<typeof TenantStatusSchema>;

/** Tenant: workspace owning services, accounts, environments, marketplace items and resources. */
export const TenantSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  organizationsIds: IdListSchema,
  services: z.array(named<Service>(ServiceSchema)).max(10_000),
  accounts: z.array(named<Account>(AccountSchema)).max(1000),
  environments: z.array(named<Environment>(EnvironmentSchema)).max(1000),
  marketplaceItems: z.array(named<MarketplaceItem>(MarketplaceItemSchema)).max(1000),
  resources: z.array(named<Resource>(ResourceSchema)).max(10_000),
  role: TenantRoleSchema,
  status: TenantStatusSchema,
  users: CountSchema,
  ...EntityTimestampsSchema.shape,
});

/** Tenant: workspace owning services, accounts, environments, marketplace items and resources. */
export interface Tenant extends z.output<typeof TenantSchema> {}
