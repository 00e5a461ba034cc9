import * as z from 'zod';
import { named } from './named';
import {
  DescriptionSchema,
  EntityTimestampsSchema,
  IdSchema,
  LogoSchema,
  LongTextSchema,
  NameSchema,
  ReplicasSchema,
  ShortTextSchema,
  TimestampSchema,
  UrlSchema,
  VersionSchema,
} from './common';
import { ChannelSchema, type Channel } from './channel-interface';
import { InstanceSchema, type Instance } from './instance-interface';
import { LinkSchema, type Link } from './link-interface';
import { ResourceSchema, type Resource } from './resource-interface';
import { UsageSchema, type Usage } from './usage-interface';

/** Lifecycle states of a service. */
export const SERVICE_STATUSES = [
  'pending',
  'deploying',
  'running',
  'degraded',
  'stopped',
  'failed',
  'deleting',
] as const;

/** Lifecycle state of a service. */
export const ServiceStatusSchema = z.enum(SERVICE_STATUSES);

/** Lifecycle state of a service. */
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;

/** Role (component) of a service and its running instances; `resource` keeps the seed's singular name. */
export const ServiceRoleSchema = z.object({
  name: NameSchema,
  instances: z.array(named<Instance>(InstanceSchema)).max(1000),
  logo: LogoSchema.optional(),
  category: ShortTextSchema.optional(),
  version: VersionSchema.optional(),
  description: DescriptionSchema.optional(),
  resource: z.array(named<Resource>(ResourceSchema)).max(1000).optional(),
});

/** Role (component) of a service and its running instances. */
export interface ServiceRole extends z.output<typeof ServiceRoleSchema> {}

/** List of channels of one direction, at most 1000. */
const ChannelListSchema = z.array(named<Channel>(ChannelSchema)).max(1000);

/** Service deployed by a tenant on an account/environment (the seed's `role` array is `roles`). */
export const ServiceSchema = z.object({
  id: IdSchema,
  tenant: IdSchema,
  account: IdSchema,
  environment: IdSchema,
  name: NameSchema,
  logo: LogoSchema,
  description: DescriptionSchema,
  revisions: z.array(IdSchema).max(1000),
  status: ServiceStatusSchema,
  roles: z.array(named<ServiceRole>(ServiceRoleSchema)).max(1000),
  links: z.array(named<Link>(LinkSchema)).max(1000),
  resources: z.array(named<Resource>(ResourceSchema)).max(1000),
  usage: named<Usage>(UsageSchema),
  minReplicas: ReplicasSchema.optional(),
  maxReplicas: ReplicasSchema.optional(),
  lastDeployed: TimestampSchema.optional(),
  project: ShortTextSchema,
  registry: UrlSchema,
  imageName: ShortTextSchema,
  entrypoint: LongTextSchema,
  cmd: LongTextSchema,
  serverChannels: ChannelListSchema,
  clientChannels: ChannelListSchema,
  duplexChannels: ChannelListSchema,
  cloudProvider: ShortTextSchema,
  currentRevision: IdSchema.optional(),
  /** The long-running operation working on the service now (deploy, update, scale, restart, delete), if any. */
  operation: IdSchema.optional(),
  startedAt: TimestampSchema.optional(),
  ...EntityTimestampsSchema.shape,
});

/** Service deployed by a tenant. */
export interface Service extends z.output<typeof ServiceSchema> {}
