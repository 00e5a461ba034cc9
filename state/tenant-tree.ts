import type { Tenant } from '../interfaces/tenant-interface';
import { findById, removeById, updateUser, upsertById } from './tree';
import type { UserState } from './user-state';

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

/** The state with `tenant` added or replaced, and listed by its organizations. */
export function putTenant(state: UserState, tenant: Tenant): UserState {
  const stored = updateUser(state, (user) => ({ ...user, tenants: upsertById(user.tenants, tenant) }));
  const { organizationsIds } = findById(stored?.tenants ?? [], tenant.id) ?? tenant;
  return organizationsIds.reduce(
    (current, organizationId) => linkTenant(current, organizationId, tenant.id, true),
    stored,
  );
}

/** The state without tenant `tenantId`: unlisted by its organizations, and without its API tokens. */
export function dropTenant(state: UserState, tenantId: string): UserState {
  const organizationIds = state?.tenants.find((tenant) => tenant.id === tenantId)?.organizationsIds ?? [];
  const unlinked = organizationIds.reduce((current, id) => linkTenant(current, id, tenantId, false), state);
  // The API revokes the tokens of a deleted tenant with it.
  return updateUser(unlinked, (user) => ({
    ...user,
    tenants: removeById(user.tenants, tenantId),
    tokens: user.tokens.filter((token) => token.tenant !== tenantId),
  }));
}
