import * as z from 'zod';
import { EmailSchema, IdSchema, NameSchema } from '../../interfaces/common';
import { TenantRoleSchema, TenantSchema } from '../../interfaces/tenant-interface';
import { defineRoute } from './define-route';

const TenantParams = { tenantId: IdSchema };
const MemberParams = { ...TenantParams, userId: IdSchema };
const CreateTenantBody = { name: NameSchema, organizationId: IdSchema };
const UpdateTenantBody = { name: NameSchema };
const InviteBody = { email: EmailSchema, role: TenantRoleSchema };
const RoleBody = { role: TenantRoleSchema };

export const CreateTenantInputSchema = z.strictObject(CreateTenantBody);
export const UpdateTenantInputSchema = z.strictObject({ ...TenantParams, ...UpdateTenantBody });
export const DeleteTenantInputSchema = z.strictObject(TenantParams);
export const InviteTenantUserInputSchema = z.strictObject({ ...TenantParams, ...InviteBody });
export const RemoveTenantUserInputSchema = z.strictObject(MemberParams);
export const ChangeTenantUserRoleInputSchema = z.strictObject({ ...MemberParams, ...RoleBody });

/** A user's membership of a tenant, with their role there. */
export const TenantMemberSchema = z.object({
  tenant: IdSchema,
  userId: IdSchema,
  email: EmailSchema,
  role: TenantRoleSchema,
});
export type TenantMember = z.infer<typeof TenantMemberSchema>;

const base = '/tenants/{tenantId}' as const;

export const tenantRoutes = {
  createTenant: defineRoute({
    id: 'createTenant',
    method: 'POST',
    path: '/tenants',
    summary: 'Create a tenant in an organization; the creator becomes its owner',
    body: z.strictObject(CreateTenantBody),
    response: TenantSchema,
    successStatus: 201,
  }),
  updateTenant: defineRoute({
    id: 'updateTenant',
    method: 'PATCH',
    path: base,
    summary: 'Rename a tenant',
    params: z.strictObject(TenantParams),
    body: z.strictObject(UpdateTenantBody),
    response: TenantSchema,
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
    response: TenantMemberSchema,
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
    response: TenantMemberSchema,
    successStatus: 200,
  }),
} as const;
