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

/** Where a service runs now (`undefined` fields: it is gone), for {@link withServiceReferences}. */
export interface ServicePlacement {
  serviceId: string;
  environmentId?: string | undefined;
  accountId?: string | undefined;
}

/**
 * The tenant with each placed service listed by its environment and account only (by none when gone):
 * environments and accounts list the ids of the services that run on them. Lists that stay the same keep
 * their identity.
 */
export function withServiceReferences(tenant: Tenant, placements: readonly ServicePlacement[]): Tenant {
  const environments = relisted(tenant.environments, placements, (placement) => placement.environmentId);
  const accounts = relisted(tenant.accounts, placements, (placement) => placement.accountId);
  if (environments === tenant.environments && accounts === tenant.accounts) return tenant;
  return { ...tenant, environments, accounts };
}

function relisted<T extends { id: string; services: string[] }>(
  holders: readonly T[],
  placements: readonly ServicePlacement[],
  holderOf: (placement: ServicePlacement) => string | undefined,
): T[] {
  let result: T[] | undefined;
  holders.forEach((holder, position) => {
    let services = holder.services;
    for (const placement of placements)
      services = listed(services, placement.serviceId, holder.id === holderOf(placement));
    if (services === holder.services) return;
    result ??= holders.slice();
    result[position] = { ...holder, services };
  });
  return result ?? (holders as T[]);
}

function withReferences(tenant: Tenant, serviceId: string, environmentId?: string, accountId?: string): Tenant {
  return withServiceReferences(tenant, [{ serviceId, environmentId, accountId }]);
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
 * While a long-running operation runs, its service shows it: the status (`deploying`, or `deleting` for a
 * delete) and the operation's id, as the API's own view of a busy service does. The handler reloads or drops
 * the service when the operation ends.
 */
export function markService(status: 'deploying' | 'deleting') {
  return (state: UserState, operation: Operation): UserState => {
    const { tenant: tenantId, id, type } = operation.target;
    if (type !== 'service') return state;
    return updateTenant(state, tenantId, (tenant) => ({
      ...tenant,
      services: tenant.services.map((service) =>
        service.id === id ? { ...service, status, operation: operation.id } : service,
      ),
    }));
  };
}

/**
 * The service a deploy just created, to read at once: the accepted operation names it (`target`) but does
 * not hold it, and the API's `GET` shows it as it is (`deploying`, with the operation's id), where a
 * placeholder built from the form would guess the fields only the API sets (instances, usage, revisions,
 * channels, timestamps) and be replaced moments later.
 */
export function newServiceOf(operation: Operation | undefined): { tenantId: string; serviceIds: string[] } | undefined {
  if (operation?.target.type !== 'service') return undefined;
  return { tenantId: operation.target.tenant, serviceIds: [operation.target.id] };
}
