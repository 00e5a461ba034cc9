import * as z from 'zod';
import {
  CpuSchema,
  DescriptionSchema,
  DomainSchema,
  EntityTimestampsSchema,
  IdSchema,
  LogoSchema,
  MemorySchema,
  NameSchema,
  ShortTextSchema,
  VersionSchema,
} from './common';
import { InstanceSchema } from './instance-interface';
import { LinkSchema } from './link-interface';
import { ResourceSchema } from './resource-interface';

/** Lifecycle states of a marketplace item. */
export const MARKETPLACE_ITEM_STATUSES = ['available', 'installing', 'installed', 'failed', 'deprecated'] as const;

/** Lifecycle state of a marketplace item. */
export const MarketplaceItemStatusSchema = z.enum(MARKETPLACE_ITEM_STATUSES);

/** Lifecycle state of a marketplace item. */
export type MarketplaceItemStatus = z.infer<typeof MarketplaceItemStatusSchema>;

/** Minimum cpu (vCPU) and memory (MB) a marketplace item needs. */
export const MarketplaceItemRequirementsSchema = z.object({
  cpu: CpuSchema,
  memory: MemorySchema,
});

/** Minimum cpu (vCPU) and memory (MB) a marketplace item needs. */
export type MarketplaceItemRequirements = z.infer<typeof MarketplaceItemRequirementsSchema>;

/** Deployable item of a tenant's marketplace. */
export const MarketplaceItemSchema = z.object({
  id: IdSchema,
  tenant: IdSchema,
  name: NameSchema,
  logo: LogoSchema,
  description: DescriptionSchema,
  version: VersionSchema,
  requirements: MarketplaceItemRequirementsSchema,
  status: MarketplaceItemStatusSchema,
  instances: z.array(InstanceSchema).max(1000),
  links: z.array(LinkSchema).max(1000),
  resources: z.array(ResourceSchema).max(1000),
  domain: DomainSchema.optional(),
  type: ShortTextSchema.optional(),
  ...EntityTimestampsSchema.shape,
});

/** Deployable item of a tenant's marketplace. */
export type MarketplaceItem = z.infer<typeof MarketplaceItemSchema>;
