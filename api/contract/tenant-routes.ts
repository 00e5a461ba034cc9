import * as z from 'zod';
import { named } from '../../interfaces/named';
import { EmailSchema, IdSchema, NameSchema } from '../../interfaces/common';
import { TenantRoleSchema, TenantSchema, type Tenant } from '../../interfaces/tenant-interface';
import { defineRoute } from './define-route';

const TenantParams = { tenantId: IdSchema };
const MemberParams = { ...TenantParams, userId: IdSchema };
const CreateTenantBody = { name: NameSchema, organizationId: IdSchema };
const UpdateTenantBody = { name: NameSchema };
const InviteBody = { email: EmailSchema, role: TenantRoleSchema };
const RoleBody = { role: TenantRoleSchema };

export const CreateTenantInputSchema = z.strictObject(CreateTenantBody);
export interface CreateTenantInput extends z.input<typeof CreateTenantInputSchema> {}
export const UpdateTenantInputSchema = z.strictObject({ ...TenantParams, ...UpdateTenantBody });
export interface UpdateTenantInput extends z.input<typeof UpdateTenantInputSchema> {}
export const DeleteTenantInputSchema = z.strictObject(TenantParams);
export interface DeleteTenantInput extends z.input<typeof DeleteTenantInputSchema> {}
export const InviteTenantUserInputSchema = z.strictObject({ ...TenantParams, ...InviteBody });
export interface InviteTenantUserInput extends z.input<typeof InviteTenantUserInputSchema> {}
export const RemoveTenantUserInputSchema = z.strictObject(MemberParams);
export interface RemoveTenantUserInput extends z.input<typeof RemoveTenantUserInputSchema> {}
export const ChangeTenantUserRoleInputSchema = z.strictObject({ ...MemberParams, ...RoleBody });
export interface ChangeTenantUserRoleInput extends z.input<typeof ChangeTenantUserRoleInputSchema> {}

/** A user's membership of a tenant, with their role there. */
export const TenantMemberSchema = z.object({
  tenant: IdSchema,
  userId: IdSchema,
  email: EmailSchema,
  role: TenantRoleSchema,
});
export interface TenantMember extends z.output<typeof TenantMemberSchema> {}

const base = '/tenants/{tenantId}' as const;

export const tenantRoutes = {
  createTenant: defineRoute({
    id: 'createTenant',
    method: 'POST',
    path: '/tenants',
    summary: 'Create a tenant in an organization; the creator becomes its owner',
    body: z.strictObject(CreateTenantBody),
    response: named<Tenant>(TenantSchema),
    successStatus: 201,
  }),
  updateTenant: defineRoute({
    id: 'updateTenant',
    method: 'PATCH',
    path: base,
    summary: 'Rename a tenant',
    params: z.strictObject(TenantParams),
    body: z.strictObject(UpdateTenantBody),
    response: named<Tenant>(TenantSchema),
    successStatus: 200,
  }),
  deleteTenant: defineRoute({
    id: 'deleteTenant',
    method: 'DELETE',
    path: base,
    summary: 'Delete a tenant that runs no services',
    params: z.strictObject(TenantParams),
    response: z.undefined(),
    successStatus: 204,
  }),
  inviteTenantUser: defineRoute({
    id: 'inviteTenantUser',
    method: 'POST',
    path: `${base}/members`,
    summary: 'Give a registered user a role in a tenant',
    params: z.strictObject(TenantParams),
    body: z.strictObject(InviteBody),
    response: named<TenantMember>(TenantMemberSchema),
    successStatus: 201,
  }),
  removeTenantUser: defineRoute({
    id: 'removeTenantUser',
    method: 'DELETE',
    path: `${base}/members/{userId}`,
    summary: 'Remove a user from a tenant',
    params: z.strictObject(MemberParams),
    response: z.undefined(),
    successStatus: 204,
  }),
  changeTenantUserRole: defineRoute({
    id: 'changeTenantUserRole',
    method: 'PUT',
    path: `${base}/members/{userId}/role`,
    summary: "Change a user's role in a tenant",
    params: z.strictObject(MemberParams),
    body: z.strictObject(RoleBody),
    response: named<TenantMember>(TenantMemberSchema),
    successStatus: 200,
  }),
} as const;
