import type { Instance } from '../interfaces/instance-interface';
import type { Service } from '../interfaces/service-interface';
import type { Tenant } from '../interfaces/tenant-interface';
import type { Usage } from '../interfaces/usage-interface';
import { withServiceReferences, type ServicePlacement } from './service-tree';
import { replaceEqualDeep } from './structural-sharing';
import { updateTenant, upsertById } from './tree';
import type { UserState } from './user-state';

// The position of each service id in a tenant's services list, by list. Lists are never mutated, so an index
// stays right for its list; a list made by replacing elements in place shares its predecessor's index.
const positions = new WeakMap<readonly Service[], Map<string, number>>();

function indexOf(list: readonly Service[]): Map<string, number> {
  let index = positions.get(list);
  if (index === undefined) {
    index = new Map(list.map((service, position) => [service.id, position]));
    positions.set(list, index);
  }
  return index;
}

function find(list: readonly Service[], id: string): Service | undefined {
  const position = indexOf(list).get(id);
  const found = position === undefined ? undefined : list[position];
  return found?.id === id ? found : undefined;
}

/** A service's new form (`null`: deleted) and where it ran before the batch, to fix references only when needed. */
interface Drafted {
  service: Service | null;
  placement: { environment: string; account: string } | undefined;
}

/**
 * The changes a batch of pushed events makes to services, gathered per tenant and written into the tree once
 * per batch: each tenant's services list is copied once, not once per event, so a batch costs O(events + list)
 * instead of O(events × list). Later changes to one service see the earlier ones of the same batch.
 */
export function createServiceDraft(base: () => UserState) {
  const tenants = new Map<string, Map<string, Drafted>>();

  function entry(tenantId: string, serviceId: string): Drafted | undefined {
    let drafts = tenants.get(tenantId);
    const existing = drafts?.get(serviceId);
    if (existing !== undefined) return existing;
    const tenant = base()?.tenants.find((candidate) => candidate.id === tenantId);
    if (tenant === undefined) return undefined;
    const stored = find(tenant.services, serviceId);
    const created: Drafted = {
      service: stored ?? null,
      placement: stored === undefined ? undefined : { environment: stored.environment, account: stored.account },
    };
    if (drafts === undefined) tenants.set(tenantId, (drafts = new Map<string, Drafted>()));
    drafts.set(serviceId, created);
    return created;
  }

  /** Changes one service, if the tree holds it; `change` returns the service itself to change nothing. */
  function update(tenantId: string, serviceId: string, change: (service: Service) => Service): void {
    const drafted = tenants.get(tenantId)?.get(serviceId);
    if (drafted === undefined) {
      const tenant = base()?.tenants.find((candidate) => candidate.id === tenantId);
      if (tenant === undefined || find(tenant.services, serviceId) === undefined) return;
    }
    const found = drafted ?? entry(tenantId, serviceId);
    if (found === undefined || found.service === null) return;
    found.service = change(found.service);
  }

  return {
    /** `service` as pushed, merged so that a later version the tree holds is kept (as {@link upsertById}). */
    put(service: Service): void {
      const found = entry(service.tenant, service.id);
      if (found === undefined) return;
      found.service = found.service === null ? service : (upsertById([found.service], service)[0] ?? service);
    },

    drop(tenantId: string, serviceId: string): void {
      const found = entry(tenantId, serviceId);
      if (found !== undefined) found.service = null;
    },

    /** `instance` merged into role `roleName` of the service, unless the tree holds a later version of it. */
    putInstance(tenantId: string, serviceId: string, roleName: string, instance: Instance): void {
      update(tenantId, serviceId, (service) => {
        const position = service.roles.findIndex((role) => role.name === roleName);
        const role = service.roles[position];
        if (role === undefined) return service;
        const instances = upsertById(role.instances, instance);
        if (instances === role.instances) return service;
        const roles = service.roles.map((item, at) => (at === position ? { ...role, instances } : item));
        return { ...service, roles };
      });
    },

    setUsage(tenantId: string, serviceId: string, usage: Usage): void {
      update(tenantId, serviceId, (service) => {
        const shared = replaceEqualDeep(service.usage, usage);
        return shared === service.usage ? service : { ...service, usage: shared };
      });
    },

    /** Whether the draft holds changes not yet written. */
    get pending(): boolean {
      return tenants.size > 0;
    },

    /** `state` with every drafted change written, each touched services list copied once; the draft is emptied. */
    write(state: UserState): UserState {
      let next = state;
      for (const [tenantId, drafts] of tenants)
        next = updateTenant(next, tenantId, (tenant) => written(tenant, drafts));
      tenants.clear();
      return next;
    },
  };
}

export type ServiceDraft = ReturnType<typeof createServiceDraft>;

function written(tenant: Tenant, drafts: ReadonlyMap<string, Drafted>): Tenant {
  const index = indexOf(tenant.services);
  let services: Array<Service | undefined> | undefined;
  let removed = false;
  const placements: ServicePlacement[] = [];
  for (const [serviceId, { service, placement }] of drafts) {
    const position = index.get(serviceId);
    const stored = position === undefined ? undefined : tenant.services[position];
    const present = position !== undefined && stored?.id === serviceId;
    if (service === null) {
      if (!present) continue;
      services ??= tenant.services.slice();
      services[position] = undefined;
      removed = true;
      placements.push({ serviceId });
      continue;
    }
    if (present && stored === service) continue;
    services ??= tenant.services.slice();
    if (present) services[position] = service;
    else services.push(service);
    if (!present || placement?.environment !== service.environment || placement.account !== service.account) {
      placements.push({ serviceId, environmentId: service.environment, accountId: service.account });
    }
  }
  if (services === undefined) return tenant;
  const list = removed
    ? services.filter((service): service is Service => service !== undefined)
    : (services as Service[]);
  // Replaced in place, the list keeps every position: its index carries over.
  if (list.length === tenant.services.length && !removed) positions.set(list, index);
  const changed = { ...tenant, services: list };
  return placements.length === 0 ? changed : withServiceReferences(changed, placements);
}
