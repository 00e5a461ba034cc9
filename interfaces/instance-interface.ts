import * as z from 'zod';
import { named } from './named';
import { EntityTimestampsSchema, IdSchema, LogsSchema, NameSchema } from './common';
import { ContainerSchema, type Container } from './container-interface';
import { UsageSchema, type Usage } from './usage-interface';

/** Lifecycle states of an instance. */
export const INSTANCE_STATUSES = ['pending', 'running', 'failed', 'terminated'] as const;

/** Lifecycle state of an instance. */
export const InstanceStatusSchema = z.enum(INSTANCE_STATUSES);

/** Lifecycle state of an instance. */
export type InstanceStatus = z.infer<typeof InstanceStatusSchema>;

/** Running instance of a service role or marketplace item (the seed's `conatiners` is `containers`). */
export const InstanceSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  status: InstanceStatusSchema,
  usage: named<Usage>(UsageSchema),
  logs: LogsSchema,
  containers: z.array(named<Container>(ContainerSchema)).max(1000),
  ...EntityTimestampsSchema.shape,
});

/** Running instance of a service role or marketplace item. */
export interface Instance extends z.output<typeof InstanceSchema> {}
