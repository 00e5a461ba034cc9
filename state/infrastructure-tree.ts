import type { Account } from '../interfaces/account-interface';
import type { Environment } from '../interfaces/environment-interface';
import type { Resource } from '../interfaces/resource-interface';
import type { Tenant } from '../interfaces/tenant-interface';
import { findById, updateTenant, upsertById } from './tree';
import type { UserState } from './user-state';

/** The tenant with environment `environmentId` listed by account `accountId` only (by none when undefined). */
export function withEnvironmentOnAccount(tenant: Tenant, environmentId: string, accountId: string | undefined): Tenant {
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

export const putAccount = (tenant: Tenant, account: Account): Tenant => ({
  ...tenant,
  accounts: upsertById(tenant.accounts, account),
});

export function putEnvironment(tenant: Tenant, environment: Environment): Tenant {
  const environments = upsertById(tenant.environments, environment);
  const stored = findById(environments, environment.id) ?? environment;
  return withEnvironmentOnAccount({ ...tenant, environments }, environment.id, stored.account);
}

// Services hold copies of the resources they use; they show the new value too.
export const putResource = (tenant: Tenant, resource: Resource): Tenant => ({
  ...tenant,
  resources: upsertById(tenant.resources, resource),
  services: tenant.services.map((service) =>
    service.resources.some((used) => used.id === resource.id)
      ? { ...service, resources: upsertById(service.resources, resource) }
      : service,
  ),
});

/** The state with `account` added to or replaced in its tenant. */
export const storeAccount = (state: UserState, account: Account): UserState =>
  updateTenant(state, account.tenant, (tenant) => putAccount(tenant, account));

/** The state with `environment` added to or replaced in its tenant, listed by its account. */
export const storeEnvironment = (state: UserState, environment: Environment): UserState =>
  updateTenant(state, environment.tenant, (tenant) => putEnvironment(tenant, environment));

/** The state with `resource` added to or replaced in its tenant and in the services that use it. */
export const storeResource = (state: UserState, resource: Resource): UserState =>
  updateTenant(state, resource.tenant, (tenant) => putResource(tenant, resource));
