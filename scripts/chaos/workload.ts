import type { RequestName } from '../../event-names';
import type { Tenant } from '../../interfaces/tenant-interface';
import type { User } from '../../interfaces/user-interface';
import type { Random } from './random';

/** One request of the run: a request name of the bridge and its input. */
export interface PlannedRequest {
  name: RequestName;
  input: unknown;
}

/** Everything the run creates is named with this prefix, so that it only ever changes or deletes its own things. */
const PREFIX = 'chaos';
const ORGANIZATION_ID = 'org-1';

type Planner = (state: User, random: Random, serial: number) => PlannedRequest | undefined;

const ownTenants = (state: User): Tenant[] =>
  state.tenants.filter((tenant) => tenant.role === 'owner' || tenant.role === 'admin');

function someTenant(state: User, random: Random): Tenant | undefined {
  return random.pick(ownTenants(state));
}

function someService(state: User, random: Random, ownOnly = false) {
  const tenant = someTenant(state, random);
  const services = tenant?.services.filter((service) => !ownOnly || service.name.startsWith(PREFIX)) ?? [];
  const service = random.pick(services);
  return tenant === undefined || service === undefined ? undefined : { tenant, service };
}

/** The requests of the run and their weights: reads, profile, services (long-running), resources, tenants. */
const PLANNERS: ReadonlyArray<[weight: number, plan: Planner]> = [
  [8, (state, random) => ({ name: 'updateUser', input: { name: `Ada ${random.int(1, 1_000_000)}` } })],
  [
    8,
    (state, random) => {
      const tenant = someTenant(state, random);
      if (tenant === undefined) return undefined;
      const query = random.chance(0.5)
        ? { limit: random.int(1, 20), sort: [{ field: 'name', direction: 'asc' }] }
        : undefined;
      return { name: 'listServices', input: { tenantId: tenant.id, ...(query === undefined ? {} : { query }) } };
    },
  ],
  [
    3,
    (state, random) => {
      const found = someService(state, random);
      return (
        found && { name: 'loadServiceRevisions', input: { tenantId: found.tenant.id, serviceId: found.service.id } }
      );
    },
  ],
  [
    2,
    (state, random) => {
      const tenant = someTenant(state, random);
      return tenant && { name: 'loadMarketplace', input: { tenantId: tenant.id } };
    },
  ],
  [
    10,
    (state, random) => {
      const found = someService(state, random);
      const maxReplicas = random.int(1, 3);
      return (
        found && {
          name: 'scaleService',
          input: { tenantId: found.tenant.id, serviceId: found.service.id, minReplicas: 1, maxReplicas },
        }
      );
    },
  ],
  [
    4,
    (state, random) => {
      const found = someService(state, random);
      return found && { name: 'restartService', input: { tenantId: found.tenant.id, serviceId: found.service.id } };
    },
  ],
  [
    8,
    (state, random, serial) => {
      const tenant = someTenant(state, random);
      const environment = tenant && random.pick(tenant.environments);
      if (tenant === undefined || environment === undefined) return undefined;
      return {
        name: 'deployService',
        input: {
          tenantId: tenant.id,
          name: `${PREFIX}-${serial}`,
          environment: environment.id,
          account: environment.account,
          registry: 'registry.example.com',
          imageName: 'chaos/app:1.0.0',
          minReplicas: 1,
          maxReplicas: 1,
          roles: [{ name: 'web', cpu: 0.1, memory: 64 }],
          serverChannels: [],
          clientChannels: [],
          duplexChannels: [],
          links: [],
          resources: [],
        },
      };
    },
  ],
  [
    6,
    (state, random) => {
      const found = someService(state, random, true);
      return found && { name: 'deleteService', input: { tenantId: found.tenant.id, serviceId: found.service.id } };
    },
  ],
  [
    6,
    (state, random, serial) => {
      const tenant = someTenant(state, random);
      return (
        tenant && {
          name: 'createResource',
          input: {
            tenantId: tenant.id,
            type: 'domain',
            name: `${PREFIX}-${serial}`,
            value: `${PREFIX}-${serial}.example.com`,
          },
        }
      );
    },
  ],
  [
    4,
    (state, random, serial) => {
      const tenant = someTenant(state, random);
      const resource = random.pick(tenant?.resources.filter((item) => item.name.startsWith(PREFIX)) ?? []);
      return (
        tenant &&
        resource && {
          name: 'updateResource',
          input: { tenantId: tenant.id, resourceId: resource.id, value: `${PREFIX}-${serial}.example.org` },
        }
      );
    },
  ],
  [
    4,
    (state, random) => {
      const tenant = someTenant(state, random);
      const resource = random.pick(tenant?.resources.filter((item) => item.name.startsWith(PREFIX)) ?? []);
      return tenant && resource && { name: 'deleteResource', input: { tenantId: tenant.id, resourceId: resource.id } };
    },
  ],
  [
    3,
    (_state, _random, serial) => ({
      name: 'createTenant',
      input: { name: `${PREFIX}-${serial}`, organizationId: ORGANIZATION_ID },
    }),
  ],
  [
    3,
    (state, random, serial) => {
      const tenant = random.pick(state.tenants.filter((item) => item.name.startsWith(PREFIX)));
      return tenant && { name: 'updateTenant', input: { tenantId: tenant.id, name: `${PREFIX}-${serial}` } };
    },
  ],
  [
    2,
    (state, random) => {
      const tenant = random.pick(state.tenants.filter((item) => item.name.startsWith(PREFIX)));
      return tenant && { name: 'deleteTenant', input: { tenantId: tenant.id } };
    },
  ],
];

const TOTAL_WEIGHT = PLANNERS.reduce((sum, [weight]) => sum + weight, 0);

/**
 * The next request of the run, planned from the handler's tree as it is now (so ids mostly exist; a stale one
 * is answered NOT_FOUND, which is an outcome like any other). No `loadUser`: the tree must stay right by the
 * answers alone.
 */
export function planRequest(state: User, random: Random, serial: number): PlannedRequest {
  for (;;) {
    let ticket = random.next() * TOTAL_WEIGHT;
    const planner = PLANNERS.find(([weight]) => (ticket -= weight) < 0)?.[1];
    const planned = planner?.(state, random, serial);
    if (planned !== undefined) return planned;
  }
}
