import * as z from 'zod';
import { named } from './named';
import { CostSchema, CpuSchema, MemorySchema, StorageSchema } from './common';

/** Names of the metrics tracked in a usage report (keys of `current` and `limit`). */
export const USAGE_METRICS = [
  'cpu',
  'memory',
  'storage',
  'volatileStorage',
  'nonReplicatedStorage',
  'persistentStorage',
] as const;

/** One usage metric name. */
export const UsageMetricSchema = z.enum(USAGE_METRICS);

/** One usage metric name. */
export type UsageMetric = z.infer<typeof UsageMetricSchema>;

/** Bounded value schema of each metric: cpu in vCPU, memory and storages in MB. */
const METRIC_VALUE = {
  cpu: CpuSchema,
  memory: MemorySchema,
  storage: StorageSchema,
  volatileStorage: StorageSchema,
  nonReplicatedStorage: StorageSchema,
  persistentStorage: StorageSchema,
} as const satisfies Record<UsageMetric, z.ZodNumber>;

/** A `{ max, min }` pair bounded by the metric's value schema. */
const limitOf = (value: z.ZodNumber) => z.object({ max: value, min: value });

/** Current consumption of each metric. */
export const UsageCurrentSchema = z.object(METRIC_VALUE);

/** Current consumption of each metric. */
export interface UsageCurrent extends z.output<typeof UsageCurrentSchema> {}

/** Allowed `{ max, min }` range of each metric (min <= max is not enforced, to keep the schema composable). */
export const UsageLimitSchema = z.object({
  cpu: limitOf(CpuSchema),
  memory: limitOf(MemorySchema),
  storage: limitOf(StorageSchema),
  volatileStorage: limitOf(StorageSchema),
  nonReplicatedStorage: limitOf(StorageSchema),
  persistentStorage: limitOf(StorageSchema),
});

/** Allowed range of each metric. */
export interface UsageLimit extends z.output<typeof UsageLimitSchema> {}

/** Resource usage of a service, instance, account or environment. */
export const UsageSchema = z.object({
  current: named<UsageCurrent>(UsageCurrentSchema),
  limit: named<UsageLimit>(UsageLimitSchema),
  cost: CostSchema,
});

/** Resource usage of a service, instance, account or environment. */
export interface Usage extends z.output<typeof UsageSchema> {}
