import * as z from 'zod';
import { named } from './named';
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
import { InstanceSchema, type Instance } from './instance-interface';
import { LinkSchema, type Link } from './link-interface';
import { ResourceSchema, type Resource } from './resource-interface';

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
export interface MarketplaceItemRequirements extends z.output<typeof MarketplaceItemRequirementsSchema> {}

/** Deployable item of a tenant's marketplace. */
export const MarketplaceItemSchema = z.object({
  id: IdSchema,
  tenant: IdSchema,
  name: NameSchema,
  logo: LogoSchema,
  description: DescriptionSchema,
  version: VersionSchema,
  requirements: named<MarketplaceItemRequirements>(MarketplaceItemRequirementsSchema),
  status: MarketplaceItemStatusSchema,
  instances: z.array(named<Instance>(InstanceSchema)).max(1000),
  links: z.array(named<Link>(LinkSchema)).max(1000),
  resources: z.array(named<Resource>(ResourceSchema)).max(1000),
  domain: DomainSchema.optional(),
  type: ShortTextSchema.optional(),
  ...EntityTimestampsSchema.shape,
});

/** Deployable item of a tenant's marketplace. */
export interface MarketplaceItem extends z.output<typeof MarketplaceItemSchema> {}
