import * as z from 'zod';
import { CountSchema, EntityTimestampsSchema, IdSchema, NameSchema } from './common';

/** Kinds of tenant resources. */
export const RESOURCE_TYPES = [
  'secret',
  'volume',
  'file',
  'domain',
  'port',
  'certificate',
  'clientChannel',
  'string',
  'number',
  'boolean',
] as const;

/** Kind of a tenant resource. */
export const ResourceTypeSchema = z.enum(RESOURCE_TYPES);

/** Kind of a tenant resource. */
export type ResourceType = z.infer<typeof ResourceTypeSchema>;

/** Storage classes of a volume resource. */
export const VOLUME_KINDS = ['volatile', 'nonReplicated', 'persistent'] as const;

/** Storage class of a volume resource. */
export const VolumeKindSchema = z.enum(VOLUME_KINDS);

/** Storage class of a volume resource. */
export type VolumeKind = z.infer<typeof VolumeKindSchema>;

/** Value of a resource as text (numbers and booleans are serialised), at most 1 MiB of chars. */
export const ResourceValueSchema = z.string().max(1_048_576);

/** Tenant resource; `value` is optional because secret values are never returned by the backend. */
export const ResourceSchema = z.object({
  id: IdSchema,
  tenant: IdSchema,
  type: ResourceTypeSchema,
  name: NameSchema,
  value: ResourceValueSchema.optional(),
  kind: VolumeKindSchema.optional(),
  maxItems: CountSchema.optional(),
  ...EntityTimestampsSchema.shape,
});

/** Tenant resource. */
export interface Resource extends z.output<typeof ResourceSchema> {}
