import type { Service } from '../interfaces/service-interface';
import { withEnvironmentOnAccount } from './infrastructure-tree';
import { dropService } from './service-tree';
import { dropTenant } from './tenant-tree';
import { removeById, updateTenant, updateUser } from './tree';
import type { UserState } from './user-state';

// One way to remove each kind of entity, shared by its delete request and by a 404 naming it.

export { dropService as removeService, dropTenant as removeTenant };

/** The state without account `accountId` of tenant `tenantId`. */
export const removeAccount = (state: UserState, tenantId: string, accountId: string): UserState =>
  updateTenant(state, tenantId, (tenant) => ({ ...tenant, accounts: removeById(tenant.accounts, accountId) }));

/** The state without environment `environmentId`, and no longer listed by its account. */
export const removeEnvironment = (state: UserState, tenantId: string, environmentId: string): UserState =>
  updateTenant(state, tenantId, (tenant) =>
    withEnvironmentOnAccount(
      { ...tenant, environments: removeById(tenant.environments, environmentId) },
      environmentId,
      undefined,
    ),
  );

/** The state without resource `resourceId` of tenant `tenantId`. */
export const removeResource = (state: UserState, tenantId: string, resourceId: string): UserState =>
  updateTenant(state, tenantId, (tenant) => ({ ...tenant, resources: removeById(tenant.resources, resourceId) }));

/** The state without marketplace item `itemId` of tenant `tenantId`. */
export const removeMarketplaceItem = (state: UserState, tenantId: string, itemId: string): UserState =>
  updateTenant(state, tenantId, (tenant) => ({
    ...tenant,
    marketplaceItems: removeById(tenant.marketplaceItems, itemId),
  }));

/** The state without organization `organizationId`. */
export const removeOrganization = (state: UserState, organizationId: string): UserState =>
  updateUser(state, (user) => ({ ...user, organizations: removeById(user.organizations, organizationId) }));

/** The state without API token `tokenId`. */
export const removeToken = (state: UserState, tokenId: string): UserState =>
  updateUser(state, (user) => ({ ...user, tokens: removeById(user.tokens, tokenId) }));

function updateService(state: UserState, tenantId: string, serviceId: string, update: (service: Service) => Service) {
  return updateTenant(state, tenantId, (tenant) =>
    tenant.services.some((service) => service.id === serviceId)
      ? {
          ...tenant,
          services: tenant.services.map((service) => (service.id === serviceId ? update(service) : service)),
        }
      : tenant,
  );
}

/** The state without instance `instanceId` of service `serviceId`. */
export const removeInstance = (state: UserState, tenantId: string, serviceId: string, instanceId: string): UserState =>
  updateService(state, tenantId, serviceId, (service) => ({
    ...service,
    roles: service.roles.map((role) =>
      role.instances.some((instance) => instance.id === instanceId)
        ? { ...role, instances: removeById(role.instances, instanceId) }
        : role,
    ),
  }));

/** The state without link `linkName` of tenant `tenantId` in the services it joined. */
export const removeLink = (state: UserState, tenantId: string, linkName: string): UserState =>
  updateTenant(state, tenantId, (tenant) => ({
    ...tenant,
    services: tenant.services.map((service) =>
      service.links.some((link) => link.name === linkName)
        ? { ...service, links: service.links.filter((link) => link.name !== linkName) }
        : service,
    ),
  }));
