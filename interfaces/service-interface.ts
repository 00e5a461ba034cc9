import * as z from 'zod';
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
import { ChannelSchema } from './channel-interface';
import { InstanceSchema } from './instance-interface';
import { LinkSchema } from './link-interface';
import { ResourceSchema } from './resource-interface';
import { UsageSchema } from './usage-interface';

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
  instances: z.array(InstanceSchema).max(1000),
  logo: LogoSchema.optional(),
  category: ShortTextSchema.optional(),
  version: VersionSchema.optional(),
  description: DescriptionSchema.optional(),
  resource: z.array(ResourceSchema).max(1000).optional(),
});

/** Role (component) of a service and its running instances. */
export type ServiceRole = z.infer<typeof ServiceRoleSchema>;

/** List of channels of one direction, at most 1000. */
const ChannelListSchema = z.array(ChannelSchema).max(1000);

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
  roles: z.array(ServiceRoleSchema).max(1000),
  links: z.array(LinkSchema).max(1000),
  resources: z.array(ResourceSchema).max(1000),
  usage: UsageSchema,
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
  startedAt: TimestampSchema.optional(),
  ...EntityTimestampsSchema.shape,
});

/** Service deployed by a tenant. */
export type Service = z.infer<typeof ServiceSchema>;
