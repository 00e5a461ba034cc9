import * as z from 'zod';
import { named } from '../../interfaces/named';
import { IdSchema, NameSchema } from '../../interfaces/common';
import {
  ResourceSchema,
  ResourceTypeSchema,
  VolumeKindSchema,
  ResourceValueSchema,
  type Resource,
} from '../../interfaces/resource-interface';
import { defineRoute } from './define-route';

const TenantParams = { tenantId: IdSchema };
const ResourceParams = { ...TenantParams, resourceId: IdSchema };
const CreateResourceBody = {
  type: ResourceTypeSchema,
  name: NameSchema,
  /** For secrets this is write-only: the API never returns it. */
  value: ResourceValueSchema,
  kind: VolumeKindSchema.optional(),
  maxItems: z.number().int().min(1).max(10_000).optional(),
};
const UpdateResourceBody = { value: ResourceValueSchema, maxItems: z.number().int().min(1).max(10_000).optional() };

export const CreateResourceInputSchema = z
  .strictObject({ ...TenantParams, ...CreateResourceBody })
  .refine((input) => input.type !== 'volume' || input.kind !== undefined, {
    message: 'a volume needs a kind: volatile, nonReplicated or persistent',
    path: ['kind'],
  });
export interface CreateResourceInput extends z.input<typeof CreateResourceInputSchema> {}
export const UpdateResourceInputSchema = z.strictObject({ ...ResourceParams, ...UpdateResourceBody });
export interface UpdateResourceInput extends z.input<typeof UpdateResourceInputSchema> {}
export const DeleteResourceInputSchema = z.strictObject(ResourceParams);
export interface DeleteResourceInput extends z.input<typeof DeleteResourceInputSchema> {}

const base = '/tenants/{tenantId}/resources' as const;

export const resourceRoutes = {
  createResource: defineRoute({
    id: 'createResource',
    method: 'POST',
    path: base,
    summary: 'Create a secret, volume, file, domain, port, certificate or value in a tenant',
    params: z.strictObject(TenantParams),
    body: z.strictObject(CreateResourceBody),
    response: named<Resource>(ResourceSchema),
    successStatus: 201,
    secretFields: ['value'],
  }),
  updateResource: defineRoute({
    id: 'updateResource',
    method: 'PATCH',
    path: `${base}/{resourceId}`,
    summary: 'Replace the value of a resource',
    params: z.strictObject(ResourceParams),
    body: z.strictObject(UpdateResourceBody),
    response: named<Resource>(ResourceSchema),
    successStatus: 200,
    secretFields: ['value'],
  }),
  deleteResource: defineRoute({
    id: 'deleteResource',
    method: 'DELETE',
    path: `${base}/{resourceId}`,
    summary: 'Delete a resource no service uses',
    params: z.strictObject(ResourceParams),
    response: z.undefined(),
    successStatus: 204,
  }),
} as const;
