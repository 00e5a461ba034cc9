import { removeById, updateTenant, updateUser, upsertById } from '../tree';
import type { Reducers, UserState } from '../user-state';

/** Adds or removes `tenantId` in the `tenantsIds` of organization `organizationId`. */
function linkTenant(state: UserState, organizationId: string, tenantId: string, linked: boolean): UserState {
  return updateUser(state, (user) => ({
    ...user,
    organizations: user.organizations.map((organization) =>
      organization.id !== organizationId
        ? organization
        : {
            ...organization,
            tenantsIds: linked
              ? [...new Set([...organization.tenantsIds, tenantId])]
              : organization.tenantsIds.filter((id) => id !== tenantId),
          },
    ),
  }));
}

function leaveTenant(state: UserState, tenantId: string): UserState {
  const organizationIds = state?.tenants.find((tenant) => tenant.id === tenantId)?.organizationsIds ?? [];
  const unlinked = organizationIds.reduce((current, id) => linkTenant(current, id, tenantId, false), state);
  // The API revokes the tokens of a deleted tenant with it.
  return updateUser(unlinked, (user) => ({
    ...user,
    tenants: removeById(user.tenants, tenantId),
    tokens: user.tokens.filter((token) => token.tenant !== tenantId),
  }));
}

/** Tenants and their members. */
export const tenantReducers = {
  createTenant: (state, tenant) =>
    tenant.organizationsIds.reduce(
      (current, organizationId) => linkTenant(current, organizationId, tenant.id, true),
      updateUser(state, (user) => ({ ...user, tenants: upsertById(user.tenants, tenant) })),
    ),
  updateTenant: (state, tenant) =>
    updateUser(state, (user) => ({ ...user, tenants: upsertById(user.tenants, tenant) })),
  deleteTenant: (state, { tenantId }) => leaveTenant(state, tenantId),
  inviteTenantUser: (state, member) =>
    updateTenant(state, member.tenant, (tenant) => ({ ...tenant, users: tenant.users + 1 })),
  removeTenantUser: (state, { tenantId, userId }) =>
    state?.id === userId
      ? updateUser(state, (user) => ({ ...user, tenants: removeById(user.tenants, tenantId) }))
      : updateTenant(state, tenantId, (tenant) => ({ ...tenant, users: Math.max(0, tenant.users - 1) })),
  changeTenantUserRole: (state, member) =>
    state?.id === member.userId
      ? updateTenant(state, member.tenant, (tenant) => ({ ...tenant, role: member.role }))
      : state,
} satisfies Reducers;
