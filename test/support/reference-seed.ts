import type { ServiceSpec } from '../../api/contract/service-spec';
import type { ServiceForm } from '../../api/deploy-service-helper';
import { createReferenceApi, demoCredentials, type ReferenceStore } from '../../testing';

// ---------------------------------------------------------------------------------------------------------------
// Seeded ids, looked up by name in a freshly seeded store (the seed is deterministic), so tests read as the demo
// world: SEED.tenants.prod rather than 'ten-1'.

const probe: ReferenceStore = createReferenceApi({ operationDurationMs: 0 }).store;

function idWhere<T extends { id: string }>(table: ReadonlyMap<string, T>, what: string, match: (record: T) => boolean) {
  const found = [...table.values()].find(match);
  if (found === undefined) throw new Error(`the demo seed has no ${what}`);
  return found.id;
}

const tenantNamed = (name: string) => idWhere(probe.tenants, `tenant ${name}`, (item) => item.name === name);
const prod = tenantNamed('northwind-prod');
const labs = tenantNamed('northwind-labs');
const fran = tenantNamed('fran-sandbox');
const inTenant =
  <T extends { id: string; tenant: string }>(table: ReadonlyMap<string, T>, kind: string, name: (item: T) => string) =>
  (tenant: string, wanted: string) =>
    idWhere(table, `${kind} ${wanted} in ${tenant}`, (item) => item.tenant === tenant && name(item) === wanted);
const accountIn = inTenant(probe.accounts, 'account', (item) => item.name);
const environmentIn = inTenant(probe.environments, 'environment', (item) => item.name);
const serviceIn = inTenant(probe.services, 'service', (item) => item.spec.name);
const resourceIn = inTenant(probe.resources, 'resource', (item) => item.name);
const itemIn = inTenant(probe.marketplaceItems, 'marketplace item', (item) => item.name);
const shop = serviceIn(prod, 'shop');

function instancesOf(serviceId: string, role: string): string[] {
  return (probe.services.get(serviceId)?.instances ?? []).filter((item) => item.role === role).map((item) => item.id);
}

export const SEED = {
  users: {
    demo: idWhere(probe.users, 'demo user', (item) => item.email === demoCredentials.email),
    viewer: idWhere(probe.users, 'viewer', (item) => item.email === 'viewer@aurora.dev'),
    free: idWhere(probe.users, 'freemium user', (item) => item.email === 'free@aurora.dev'),
    sam: idWhere(probe.users, 'labs owner', (item) => item.email === 'sam@aurora.dev'),
  },
  organizations: {
    northwind: idWhere(probe.organizations, 'Northwind Labs', (item) => item.name === 'Northwind Labs'),
    sandbox: idWhere(probe.organizations, 'Fran Sandbox', (item) => item.name === 'Fran Sandbox'),
  },
  tenants: { prod, labs, fran },
  accounts: {
    aws: accountIn(prod, 'aws-production'),
    madrid: accountIn(prod, 'openstack-madrid'),
    labsCloud: accountIn(labs, 'openstack-labs'),
    legacy: accountIn(labs, 'aws-legacy'),
    franCloud: accountIn(fran, 'openstack-free'),
  },
  environments: {
    production: environmentIn(prod, 'production'),
    staging: environmentIn(prod, 'staging'),
    research: environmentIn(labs, 'research'),
    dev: environmentIn(fran, 'dev'),
  },
  services: {
    shop,
    payments: serviceIn(prod, 'payments'),
    analytics: serviceIn(prod, 'analytics'),
    notebook: serviceIn(labs, 'notebook'),
    cache: serviceIn(labs, 'cache'),
    hello: serviceIn(fran, 'hello'),
  },
  /** The revisions of shop, oldest first (the last one is current). */
  shopRevisions: [...(probe.services.get(shop)?.revisionIds ?? [])],
  /** The instances of shop's frontend role; the first has 40 access-log lines besides its start lines. */
  shopFrontendInstances: instancesOf(shop, 'frontend'),
  resources: {
    dbPassword: resourceIn(prod, 'db-password'),
    shopData: resourceIn(prod, 'shop-data'),
    logLevel: resourceIn(prod, 'log-level'),
    stripeKey: resourceIn(prod, 'stripe-api-key'),
  },
  marketplace: {
    postgres: itemIn(prod, 'postgres'),
    redis: itemIn(prod, 'redis'),
    grafana: itemIn(prod, 'grafana'),
    keycloak: itemIn(prod, 'keycloak'),
  },
} as const;

/** The spec a seeded service runs, as the reference API holds it. */
export function seededSpec(serviceId: string): ServiceSpec {
  const spec = probe.services.get(serviceId)?.spec;
  if (spec === undefined) throw new Error(`the demo seed has no service ${serviceId}`);
  return structuredClone(spec);
}

/** The deploy form that describes `spec` (the spec's channels split into the form's three lists). */
export function formOf(tenantId: string, spec: ServiceSpec): ServiceForm {
  const channels = (kind: 'server' | 'client' | 'duplex') =>
    spec.channels
      .filter((channel) => channel.kind === kind)
      .map(({ name, protocol, port }) => (port === undefined ? { name, protocol } : { name, protocol, port }));
  return {
    tenantId,
    name: spec.name,
    environment: spec.environment,
    account: spec.account,
    description: spec.description,
    logo: spec.logo,
    project: spec.project,
    registry: spec.registry,
    imageName: spec.imageName,
    entrypoint: spec.entrypoint,
    cmd: spec.cmd,
    minReplicas: spec.minReplicas,
    maxReplicas: spec.maxReplicas,
    roles: spec.roles,
    links: spec.links,
    resources: spec.resources,
    serverChannels: channels('server'),
    clientChannels: channels('client').map(({ name, protocol }) => ({ name, protocol })),
    duplexChannels: channels('duplex'),
  };
}

/** A valid deploy form for northwind-prod's production environment; `overrides` replace whole fields. */
export function blogForm(overrides: Partial<ServiceForm> = {}): ServiceForm {
  return {
    tenantId: SEED.tenants.prod,
    name: 'blog',
    environment: SEED.environments.production,
    account: SEED.accounts.aws,
    registry: 'registry.northwind.dev',
    imageName: 'northwind/blog:1.0.0',
    minReplicas: 2,
    maxReplicas: 3,
    roles: [{ name: 'web', cpu: 0.5, memory: 512 }],
    serverChannels: [{ name: 'http', protocol: 'http', port: 8080 }],
    clientChannels: [],
    duplexChannels: [],
    links: [],
    resources: [SEED.resources.dbPassword],
    ...overrides,
  };
}

/**
 * The spec of {@link blogForm} as the API takes it (its channels in one list), loosely typed because tests send
 * invalid specs too; `overrides` replace whole fields.
 */
export function blogSpec(overrides: object = {}): Record<string, unknown> {
  return {
    name: 'blog',
    environment: SEED.environments.production,
    account: SEED.accounts.aws,
    registry: 'registry.northwind.dev',
    imageName: 'northwind/blog:1.0.0',
    minReplicas: 2,
    maxReplicas: 3,
    roles: [{ name: 'web', cpu: 0.5, memory: 512 }],
    channels: [{ name: 'http', kind: 'server', protocol: 'http', port: 8080 }],
    links: [],
    resources: [SEED.resources.dbPassword],
    ...overrides,
  };
}
