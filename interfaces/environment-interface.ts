import * as z from 'zod';
import { named } from './named';
import {
  DomainListSchema,
  EntityTimestampsSchema,
  IdListSchema,
  IdSchema,
  LabelSchema,
  LogoSchema,
  NameSchema,
  ShortTextSchema,
} from './common';
import { UsageSchema, type Usage } from './usage-interface';

/** Lifecycle states of an environment. */
export const ENVIRONMENT_STATUSES = ['active', 'pending', 'suspended', 'error'] as const;

/** Lifecycle state of an environment. */
export const EnvironmentStatusSchema = z.enum(ENVIRONMENT_STATUSES);

/** Lifecycle state of an environment. */
export type EnvironmentStatus = z.infer<typeof EnvironmentStatusSchema>;

/** Environment (slice of an account) where a tenant deploys services. */
export const EnvironmentSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  account: IdSchema,
  tenant: IdSchema,
  logo: LogoSchema,
  services: IdListSchema,
  domains: DomainListSchema,
  status: EnvironmentStatusSchema,
  usage: named<Usage>(UsageSchema),
  organization: IdSchema.optional(),
  cloudProvider: ShortTextSchema.optional(),
  labels: z.array(LabelSchema).max(100).optional(),
  ...EntityTimestampsSchema.shape,
});

/** Environment where a tenant deploys services. */
export interface Environment extends z.output<typeof EnvironmentSchema> {}
