import type { Account, Environment, MarketplaceItem, Resource } from '../../interfaces';
import type { AccountRecord, EnvironmentRecord, MarketplaceItemRecord, ResourceRecord } from './records';
import type { Store } from './store';
import { demandOf, environmentLimits, serviceUsage, totalUsage } from './usage';
import { instanceView } from './view-instance';

/** Resource types whose value is write-only. */
export const SECRET_RESOURCE_TYPES: ReadonlySet<string> = new Set(['secret', 'certificate']);

export function resourceView(resource: ResourceRecord): Resource {
  return {
    id: resource.id,
    tenant: resource.tenant,
    type: resource.type,
    name: resource.name,
    ...(SECRET_RESOURCE_TYPES.has(resource.type) ? {} : { value: resource.value }),
    ...(resource.kind === undefined ? {} : { kind: resource.kind }),
    ...(resource.maxItems === undefined ? {} : { maxItems: resource.maxItems }),
    createdAt: resource.createdAt,
    updatedAt: resource.updatedAt,
  };
}

export function environmentView(store: Store, environment: EnvironmentRecord): Environment {
  const services = [...store.services.values()].filter((service) => service.spec.environment === environment.id);
  const account = store.accounts.get(environment.account);
  const organization = store.tenants.get(environment.tenant)?.organizationId;
  return {
    id: environment.id,
    name: environment.name,
    account: environment.account,
    tenant: environment.tenant,
    logo: environment.logo,
    services: services.map((service) => service.id),
    domains: environment.domains,
    status: environment.status,
    usage: totalUsage(
      services.map((service) => serviceUsage(store, service)),
      environmentLimits(store, environment),
    ),
    ...(organization === undefined ? {} : { organization }),
    ...(account === undefined ? {} : { cloudProvider: account.cloudProvider.name }),
    labels: environment.labels,
    createdAt: environment.createdAt,
    updatedAt: environment.updatedAt,
  };
}

/** The account as the API shows it: never its `credentialSecret`. */
export function accountView(store: Store, account: AccountRecord): Account {
  const environments = store.environmentsOf(account.tenant).filter((item) => item.account === account.id);
  const limits = environments.reduce(
    (sum, item) => {
      const quota = environmentLimits(store, item);
      return { cpu: sum.cpu + quota.cpu, memory: sum.memory + quota.memory };
    },
    { cpu: 0, memory: 0 },
  );
  const organization = store.tenants.get(account.tenant)?.organizationId;
  return {
    id: account.id,
    name: account.name,
    tenant: account.tenant,
    cloudProvider: { ...account.cloudProvider },
    logo: account.logo,
    environments: environments.map((item) => item.id),
    services: store
      .servicesOf(account.tenant)
      .filter((service) => service.spec.account === account.id)
      .map((service) => service.id),
    domains: account.domains,
    status: account.status,
    usage: totalUsage(
      environments.map((item) => environmentView(store, item).usage),
      limits,
    ),
    flavors: account.flavors,
    ...(organization === undefined ? {} : { organization }),
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

/** A marketplace item; `installed` (with the instances of its services) once deployed in the tenant. */
export function marketplaceItemView(store: Store, item: MarketplaceItemRecord): MarketplaceItem {
  const deployed = store.servicesOf(item.tenant).filter((service) => service.marketplaceItem === item.id);
  const status =
    item.status === 'deprecated'
      ? 'deprecated'
      : deployed.some((service) => service.currentRevision !== undefined)
        ? 'installed'
        : deployed.some((service) => service.status === 'deploying')
          ? 'installing'
          : 'available';
  return {
    id: item.id,
    tenant: item.tenant,
    name: item.name,
    logo: item.logo,
    description: item.description,
    version: item.version,
    requirements: demandOf(item.template),
    status,
    instances: deployed.flatMap((service) =>
      service.instances.map((instance) => instanceView(service, instance, store.liveMetricsAt())),
    ),
    links: [],
    resources: [],
    ...(item.domain === undefined ? {} : { domain: item.domain }),
    type: item.type,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
