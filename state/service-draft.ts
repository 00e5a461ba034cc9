import type { Instance } from '../interfaces/instance-interface';
import type { Service } from '../interfaces/service-interface';
import type { Tenant } from '../interfaces/tenant-interface';
import type { Usage } from '../interfaces/usage-interface';
import { withServiceReferences, type ServicePlacement } from './service-tree';
import { replaceEqualDeep } from './structural-sharing';
import { updateTenant, upsertById } from './tree';
import type { UserState } from './user-state';

interface Indexed {
  positions: Map<string, number>;
  /** The list `positions` was built from or kept up to date with: a miss in it is a real miss. */
  list: readonly Service[];
}

/**
 * Where each service id sits in each tenant's services list, kept from batch to batch: between batches the
 * list is copied (a commit makes a new array) but mostly keeps its order, so a position found is checked
 * against the list and trusted; the index is rebuilt only when a lookup misses in a list it was not built
 * from (a service added or removed since).
 */
export function createServiceIndex() {
  const tenants = new Map<string, Indexed>();

  function build(tenantId: string, list: readonly Service[]): Indexed {
    const positions = new Map<string, number>();
    for (let position = 0; position < list.length; position++) positions.set((list[position] as Service).id, position);
    const indexed = { positions, list };
    tenants.set(tenantId, indexed);
    return indexed;
  }

  return {
    /** The position of service `serviceId` in `list`, the services of tenant `tenantId`. */
    positionOf(tenantId: string, list: readonly Service[], serviceId: string): number | undefined {
      const indexed = tenants.get(tenantId) ?? build(tenantId, list);
      const position = indexed.positions.get(serviceId);
      if (position !== undefined && list[position]?.id === serviceId) return position;
      if (indexed.list === list) return undefined;
      return build(tenantId, list).positions.get(serviceId);
    },
    /** `list` is the tenant's new services list: `previous` with elements replaced in place and `added` appended. */
    extend(tenantId: string, previous: readonly Service[], list: readonly Service[], added: readonly Service[]): void {
      const indexed = tenants.get(tenantId);
      if (indexed?.list !== previous) return;
      for (const [offset, service] of added.entries()) indexed.positions.set(service.id, previous.length + offset);
      indexed.list = list;
    },
    clear(): void {
      tenants.clear();
    },
  };
}

export type ServiceIndex = ReturnType<typeof createServiceIndex>;

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
export function createServiceDraft(base: () => UserState, index: ServiceIndex) {
  const tenants = new Map<string, Map<string, Drafted>>();

  function find(tenant: Tenant, serviceId: string): Service | undefined {
    const position = index.positionOf(tenant.id, tenant.services, serviceId);
    return position === undefined ? undefined : tenant.services[position];
  }

  function entry(tenantId: string, serviceId: string): Drafted | undefined {
    let drafts = tenants.get(tenantId);
    const existing = drafts?.get(serviceId);
    if (existing !== undefined) return existing;
    const tenant = base()?.tenants.find((candidate) => candidate.id === tenantId);
    if (tenant === undefined) return undefined;
    const stored = find(tenant, serviceId);
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
      if (tenant === undefined || find(tenant, serviceId) === undefined) return;
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
        next = updateTenant(next, tenantId, (tenant) => written(tenant, drafts, index));
      tenants.clear();
      return next;
    },
  };
}

export type ServiceDraft = ReturnType<typeof createServiceDraft>;

function written(tenant: Tenant, drafts: ReadonlyMap<string, Drafted>, index: ServiceIndex): Tenant {
  let services: Array<Service | undefined> | undefined;
  const added: Service[] = [];
  let removed = false;
  const placements: ServicePlacement[] = [];
  for (const [serviceId, { service, placement }] of drafts) {
    const position = index.positionOf(tenant.id, tenant.services, serviceId);
    const stored = position === undefined ? undefined : tenant.services[position];
    const present = position !== undefined;
    if (service === null) {
      if (!present) continue;
      services ??= Array.from(tenant.services);
      services[position] = undefined;
      removed = true;
      placements.push({ serviceId });
      continue;
    }
    if (present && stored === service) continue;
    services ??= Array.from(tenant.services);
    if (present) services[position] = service;
    else {
      services.push(service);
      added.push(service);
    }
    if (!present || placement?.environment !== service.environment || placement.account !== service.account) {
      placements.push({ serviceId, environmentId: service.environment, accountId: service.account });
    }
  }
  if (services === undefined) return tenant;
  const list = removed
    ? services.filter((service): service is Service => service !== undefined)
    : (services as Service[]);
  if (!removed) index.extend(tenant.id, tenant.services, list, added);
  const changed = { ...tenant, services: list };
  return placements.length === 0 ? changed : withServiceReferences(changed, placements);
}
