import * as z from 'zod';
import { named } from './named';
import { CountSchema, CpuSchema, MemorySchema, NameSchema, ShortTextSchema, TimestampSchema } from './common';

/** Lifecycle states of a container (Kubernetes-style). */
export const CONTAINER_STATUSES = ['waiting', 'running', 'terminated'] as const;

/** Lifecycle state of a container. */
export const ContainerStatusSchema = z.enum(CONTAINER_STATUSES);

/** Lifecycle state of a container. */
export type ContainerStatus = z.infer<typeof ContainerStatusSchema>;

/** Current state of a container (replaces the seed's untyped `states: any`). */
export const ContainerStateSchema = z.object({
  status: ContainerStatusSchema,
  reason: ShortTextSchema.optional(),
  startedAt: TimestampSchema.optional(),
});

/** Current state of a container. */
export interface ContainerState extends z.output<typeof ContainerStateSchema> {}

/** Live cpu (vCPU) and memory (MB) consumption of a container. */
export const ContainerMetricsSchema = z.object({
  cpu: CpuSchema,
  memory: MemorySchema,
});

/** Live cpu (vCPU) and memory (MB) consumption of a container. */
export interface ContainerMetrics extends z.output<typeof ContainerMetricsSchema> {}

/** Container running inside an instance (the seed's `reestartCount` is `restartCount`). */
export const ContainerSchema = z.object({
  name: NameSchema,
  ready: z.boolean(),
  restartCount: CountSchema,
  metrics: named<ContainerMetrics>(ContainerMetricsSchema),
  state: named<ContainerState>(ContainerStateSchema),
});

/** Container running inside an instance. */
export interface Container extends z.output<typeof ContainerSchema> {}
