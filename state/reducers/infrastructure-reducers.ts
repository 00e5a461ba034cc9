import type { Account } from '../../interfaces/account-interface';
import type { Environment } from '../../interfaces/environment-interface';
import type { Resource } from '../../interfaces/resource-interface';
import type { Tenant } from '../../interfaces/tenant-interface';
import { removeById, updateTenant, upsertById } from '../tree';
import type { Reducers } from '../user-state';

function withEnvironmentOnAccount(tenant: Tenant, environmentId: string, accountId: string | undefined): Tenant {
  return {
    ...tenant,
    accounts: tenant.accounts.map((account) => {
      const listed = account.environments.includes(environmentId);
      const belongs = account.id === accountId;
      if (listed === belongs) return account;
      const environments = belongs
        ? [...account.environments, environmentId]
        : account.environments.filter((id) => id !== environmentId);
      return { ...account, environments };
    }),
  };
}

const putAccount = (tenant: Tenant, account: Account): Tenant => ({
  ...tenant,
  accounts: upsertById(tenant.accounts, account),
});

const putEnvironment = (tenant: Tenant, environment: Environment): Tenant =>
  withEnvironmentOnAccount(
    { ...tenant, environments: upsertById(tenant.environments, environment) },
    environment.id,
    environment.account,
  );

// Services hold copies of the resources they use; they show the new value too.
const putResource = (tenant: Tenant, resource: Resource): Tenant => ({
  ...tenant,
  resources: upsertById(tenant.resources, resource),
  services: tenant.services.map((service) =>
    service.resources.some((used) => used.id === resource.id)
      ? { ...service, resources: upsertById(service.resources, resource) }
      : service,
  ),
});

/** Cloud accounts, environments and resources of a tenant. */
export const infrastructureReducers = {
  createAccount: (state, account) => updateTenant(state, account.tenant, (tenant) => putAccount(tenant, account)),
  updateAccount: (state, account) => updateTenant(state, account.tenant, (tenant) => putAccount(tenant, account)),
  deleteAccount: (state, { tenantId, accountId }) =>
    updateTenant(state, tenantId, (tenant) => ({ ...tenant, accounts: removeById(tenant.accounts, accountId) })),
  // The check marks the account active or in error; the answer carries the account as it is now.
  validateAccountCredentials: (state, check) =>
    updateTenant(state, check.account.tenant, (tenant) => putAccount(tenant, check.account)),
  createEnvironment: (state, environment) =>
    updateTenant(state, environment.tenant, (tenant) => putEnvironment(tenant, environment)),
  updateEnvironment: (state, environment) =>
    updateTenant(state, environment.tenant, (tenant) => putEnvironment(tenant, environment)),
  deleteEnvironment: (state, { tenantId, environmentId }) =>
    updateTenant(state, tenantId, (tenant) =>
      withEnvironmentOnAccount(
        { ...tenant, environments: removeById(tenant.environments, environmentId) },
        environmentId,
        undefined,
      ),
    ),
  createResource: (state, resource) => updateTenant(state, resource.tenant, (tenant) => putResource(tenant, resource)),
  updateResource: (state, resource) => updateTenant(state, resource.tenant, (tenant) => putResource(tenant, resource)),
  deleteResource: (state, { tenantId, resourceId }) =>
    updateTenant(state, tenantId, (tenant) => ({ ...tenant, resources: removeById(tenant.resources, resourceId) })),
} satisfies Reducers;
