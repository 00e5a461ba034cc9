import type {
  ChangeTenantUserRoleInput,
  CreateTenantInput,
  DeleteTenantInput,
  InviteTenantUserInput,
  RemoveTenantUserInput,
  TenantMember,
  UpdateTenantInput,
} from '../api/contract/tenant-routes';
import type { Tenant } from '../interfaces/tenant-interface';
import type { Declarations, RequestTypes } from './define-request';
import {
  ChangeTenantUserRoleInputSchema,
  CreateTenantInputSchema,
  DeleteTenantInputSchema,
  InviteTenantUserInputSchema,
  RemoveTenantUserInputSchema,
  TenantMemberSchema,
  tenantRoutes as routes,
  UpdateTenantInputSchema,
} from '../api/contract/tenant-routes';
import { TenantSchema } from '../interfaces/tenant-interface';
import { dropTenant, putTenant } from '../state/tenant-tree';
import { removeById, updateTenant, updateUser, upsertById } from '../state/tree';
import { defineRequest } from './define-request';
import { sendAndEcho } from './route-calls';

/** The types of this domain's requests, by name: input, success payload, long-running or not. */
export interface TenantRequestTypes {
  createTenant: RequestTypes<CreateTenantInput, Tenant>;
  updateTenant: RequestTypes<UpdateTenantInput, Tenant>;
  deleteTenant: RequestTypes<DeleteTenantInput, DeleteTenantInput>;
  inviteTenantUser: RequestTypes<InviteTenantUserInput, TenantMember>;
  removeTenantUser: RequestTypes<RemoveTenantUserInput, RemoveTenantUserInput>;
  changeTenantUserRole: RequestTypes<ChangeTenantUserRoleInput, TenantMember>;
}

/** Tenants and their members. */
export const tenantRequests: Declarations<TenantRequestTypes> = {
  createTenant: defineRequest({
    route: routes.createTenant,
    input: CreateTenantInputSchema,
    output: TenantSchema,
    reduce: putTenant,
  }),
  updateTenant: defineRequest({
    route: routes.updateTenant,
    input: UpdateTenantInputSchema,
    output: TenantSchema,
    reduce: (state, tenant) => updateUser(state, (user) => ({ ...user, tenants: upsertById(user.tenants, tenant) })),
  }),
  deleteTenant: defineRequest({
    route: routes.deleteTenant,
    input: DeleteTenantInputSchema,
    output: DeleteTenantInputSchema,
    call: sendAndEcho,
    reduce: (state, { tenantId }) => dropTenant(state, tenantId),
  }),
  inviteTenantUser: defineRequest({
    route: routes.inviteTenantUser,
    input: InviteTenantUserInputSchema,
    output: TenantMemberSchema,
    reduce: (state, member) => updateTenant(state, member.tenant, (tenant) => ({ ...tenant, users: tenant.users + 1 })),
  }),
  removeTenantUser: defineRequest({
    route: routes.removeTenantUser,
    input: RemoveTenantUserInputSchema,
    output: RemoveTenantUserInputSchema,
    call: sendAndEcho,
    reduce: (state, { tenantId, userId }) =>
      state?.id === userId
        ? updateUser(state, (user) => ({ ...user, tenants: removeById(user.tenants, tenantId) }))
        : updateTenant(state, tenantId, (tenant) => ({ ...tenant, users: Math.max(0, tenant.users - 1) })),
  }),
  changeTenantUserRole: defineRequest({
    route: routes.changeTenantUserRole,
    input: ChangeTenantUserRoleInputSchema,
    output: TenantMemberSchema,
    reduce: (state, member) =>
      state?.id === member.userId
        ? updateTenant(state, member.tenant, (tenant) => ({ ...tenant, role: member.role }))
        : state,
  }),
};
