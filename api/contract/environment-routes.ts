import * as z from 'zod';
import { named } from '../../interfaces/named';
import { IdSchema, LabelSchema, LogoSchema, NameSchema } from '../../interfaces/common';
import { EnvironmentSchema, type Environment } from '../../interfaces/environment-interface';
import { defineRoute } from './define-route';

const TenantParams = { tenantId: IdSchema };
const EnvironmentParams = { ...TenantParams, environmentId: IdSchema };
/** Resource quota of an environment; the API fills in defaults of the account's plan when omitted. */
const LimitsSchema = z.strictObject({
  cpu: z.number().min(0.1).max(10_000),
  memory: z.number().int().min(128).max(10_000_000),
});
const CreateEnvironmentBody = {
  name: NameSchema,
  account: IdSchema,
  logo: LogoSchema.optional(),
  labels: z.array(LabelSchema).max(50).optional(),
  limits: LimitsSchema.optional(),
};
const UpdateEnvironmentBody = {
  name: NameSchema.optional(),
  logo: LogoSchema.optional(),
  labels: z.array(LabelSchema).max(50).optional(),
  limits: LimitsSchema.optional(),
};

export const CreateEnvironmentInputSchema = z.strictObject({ ...TenantParams, ...CreateEnvironmentBody });
export interface CreateEnvironmentInput extends z.input<typeof CreateEnvironmentInputSchema> {}
export const UpdateEnvironmentInputSchema = z
  .strictObject({ ...EnvironmentParams, ...UpdateEnvironmentBody })
  .refine((input) => Object.keys(input).length > 2, 'Give at least one field to change');
export interface UpdateEnvironmentInput extends z.input<typeof UpdateEnvironmentInputSchema> {}
export const DeleteEnvironmentInputSchema = z.strictObject(EnvironmentParams);
export interface DeleteEnvironmentInput extends z.input<typeof DeleteEnvironmentInputSchema> {}

const base = '/tenants/{tenantId}/environments' as const;

export const environmentRoutes = {
  createEnvironment: defineRoute({
    id: 'createEnvironment',
    method: 'POST',
    path: base,
    summary: 'Create an environment on one of the tenant’s cloud accounts',
    params: z.strictObject(TenantParams),
    body: z.strictObject(CreateEnvironmentBody),
    response: named<Environment>(EnvironmentSchema),
    successStatus: 201,
  }),
  updateEnvironment: defineRoute({
    id: 'updateEnvironment',
    method: 'PATCH',
    path: `${base}/{environmentId}`,
    summary: 'Rename an environment or change its labels and limits',
    params: z.strictObject(EnvironmentParams),
    body: z.strictObject(UpdateEnvironmentBody),
    response: named<Environment>(EnvironmentSchema),
    successStatus: 200,
  }),
  deleteEnvironment: defineRoute({
    id: 'deleteEnvironment',
    method: 'DELETE',
    path: `${base}/{environmentId}`,
    summary: 'Delete an environment that runs no services',
    params: z.strictObject(EnvironmentParams),
    response: z.undefined(),
    successStatus: 204,
  }),
} as const;
