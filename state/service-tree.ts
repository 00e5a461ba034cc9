import type { Operation } from '../interfaces/operation-interface';
import type { Service } from '../interfaces/service-interface';
import type { Tenant } from '../interfaces/tenant-interface';
import { findById, removeById, updateTenant, upsertById } from './tree';
import type { UserState } from './user-state';

function listed(ids: readonly string[], id: string, wanted: boolean): string[] {
  const has = ids.includes(id);
  if (has === wanted) return ids as string[];
  return wanted ? [...ids, id] : ids.filter((item) => item !== id);
}

// Environments and accounts list the ids of the services that run on them.
function withReferences(tenant: Tenant, serviceId: string, environmentId?: string, accountId?: string): Tenant {
  const environments = tenant.environments.map((environment) => {
    const services = listed(environment.services, serviceId, environment.id === environmentId);
    return services === environment.services ? environment : { ...environment, services };
  });
  const accounts = tenant.accounts.map((account) => {
    const services = listed(account.services, serviceId, account.id === accountId);
    return services === account.services ? account : { ...account, services };
  });
  return { ...tenant, environments, accounts };
}

/**
 * The state with `service` as the API returned it (unless the tree holds a later version), listed by its
 * environment and account.
 */
export function putService(state: UserState, service: Service): UserState {
  return updateTenant(state, service.tenant, (tenant) => {
    const services = upsertById(tenant.services, service);
    const stored = findById(services, service.id) ?? service;
    return withReferences({ ...tenant, services }, service.id, stored.environment, stored.account);
  });
}

/** The state without service `serviceId`, and without the references to it. */
export function dropService(state: UserState, tenantId: string, serviceId: string): UserState {
  return updateTenant(state, tenantId, (tenant) =>
    withReferences({ ...tenant, services: removeById(tenant.services, serviceId) }, serviceId),
  );
}

/** Ids of the services of a tenant whose links match `predicate`. */
export function servicesWithLinks(
  state: UserState,
  tenantId: string,
  predicate: (link: Service['links'][number]) => boolean,
): string[] {
  const tenant = state?.tenants.find((candidate) => candidate.id === tenantId);
  return (tenant?.services ?? []).filter((service) => service.links.some(predicate)).map((service) => service.id);
}

/** The id of the service that runs instance `instanceId`. */
export function serviceOfInstance(state: UserState, tenantId: string, instanceId: string): string | undefined {
  const tenant = state?.tenants.find((candidate) => candidate.id === tenantId);
  return tenant?.services.find((service) =>
    service.roles.some((role) => role.instances.some((instance) => instance.id === instanceId)),
  )?.id;
}

/**
 * While a long-running operation runs, its service shows it (`deploying`, or `deleting` for a delete); the
 * handler reloads or drops the service when the operation ends.
 */
export function markService(status: 'deploying' | 'deleting') {
  return (state: UserState, operation: Operation): UserState => {
    const { tenant: tenantId, id, type } = operation.target;
    if (type !== 'service') return state;
    return updateTenant(state, tenantId, (tenant) => ({
      ...tenant,
      services: tenant.services.map((service) => (service.id === id ? { ...service, status } : service)),
    }));
  };
}
