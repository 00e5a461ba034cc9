import { setupServer } from 'msw/node';
import type { ServiceSpec } from '../../api/contract/service-spec';
import type { ServiceForm } from '../../api/deploy-service-helper';
import { createBackendHandler, type BackendHandler, type BackendHandlerOptions } from '../../backend-handler';
import { createWUIBridge, type WUIBridge } from '../../event-helper';
import { EventNames, type EventName, type StateChangeMeta } from '../../event-names';
import type { Service } from '../../interfaces/service-interface';
import type { Tenant } from '../../interfaces/tenant-interface';
import type { User } from '../../interfaces/user-interface';
import {
  createReferenceApi,
  demoCredentials,
  type Credentials,
  type ReferenceApi,
  type ReferenceApiOptions,
  type ReferenceStore,
} from '../../testing';

/** Where the msw-served reference API lives in these tests; nothing real is contacted. */
export const REFERENCE_API = 'http://aurora.reference.test/api';

/** Polls long-running operations every millisecond, so that tests wait for events, never for time. */
export const FAST_POLLING = { initialMs: 1, factor: 1, maxMs: 1 } as const;

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

// ---------------------------------------------------------------------------------------------------------------
// State look-ups that fail loudly, so that tests can chain them without optional chaining everywhere.

export function tenantOf(state: User | null, tenantId: string): Tenant {
  const tenant = state?.tenants.find((item) => item.id === tenantId);
  if (tenant === undefined) throw new Error(`tenant ${tenantId} is not in the state`);
  return tenant;
}

export function serviceOf(state: User | null, tenantId: string, serviceId: string): Service {
  const service = tenantOf(state, tenantId).services.find((item) => item.id === serviceId);
  if (service === undefined) throw new Error(`service ${serviceId} is not in tenant ${tenantId} of the state`);
  return service;
}

export function findService(state: User | null, tenantId: string, name: string): Service | undefined {
  return tenantOf(state, tenantId).services.find((item) => item.name === name);
}

// ---------------------------------------------------------------------------------------------------------------
// The msw server, the handlers and their event logs.

export type LoggedEvent = { event: EventName; args: unknown[] };

/** Records every event of `bridge`, in order. */
export function recordEvents(bridge: WUIBridge) {
  const entries: LoggedEvent[] = [];
  for (const event of EventNames) {
    bridge.on(event, (...args: unknown[]) => {
      entries.push({ event, args });
    });
  }
  return {
    entries,
    /** The event names, in order. */
    names: (): EventName[] => entries.map((entry) => entry.event),
    /** The snapshots `state:changed` carried, in order, with their meta. */
    stateChanges: () =>
      entries
        .filter((entry) => entry.event === 'state:changed')
        .map((entry) => ({ state: entry.args[0] as User | null, meta: entry.args[1] as StateChangeMeta })),
    clear: () => {
      entries.length = 0;
    },
  };
}

export type HandlerContext = {
  bridge: WUIBridge;
  handler: BackendHandler;
  log: ReturnType<typeof recordEvents>;
  listenerErrors: unknown[];
};

/**
 * Installs, in the calling test file, one msw server answering {@link REFERENCE_API} with a reference API
 * (`operationDurationMs` 0 unless given), reset after each test, and failing on any request it does not answer.
 * `calls` lists every HTTP request that reached the network layer (`METHOD /path`), for "no HTTP call" checks.
 */
export function useReferenceApi(options: Omit<ReferenceApiOptions, 'baseUrl'> = {}) {
  const api: ReferenceApi = createReferenceApi({ operationDurationMs: 0, ...options, baseUrl: REFERENCE_API });
  const server = setupServer(...api.handlers);
  const calls: string[] = [];
  const started: BackendHandler[] = [];
  server.events.on('request:start', ({ request }) => {
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
  });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    for (const handler of started.splice(0)) handler.stop();
    server.resetHandlers();
    api.reset();
    calls.length = 0;
  });
  afterAll(() => server.close());

  /** A started handler on a new bridge, keeping its own session (no `auth.getAccessToken`). */
  function startHandler(overrides: Partial<Omit<BackendHandlerOptions, 'bridge'>> = {}): HandlerContext {
    const listenerErrors: unknown[] = [];
    const bridge = createWUIBridge({ onListenerError: (error) => listenerErrors.push(error) });
    const log = recordEvents(bridge);
    const handler = createBackendHandler({
      bridge,
      environment: { apiBaseUrl: REFERENCE_API, logLevel: 'silent', timeoutMs: 5_000 },
      polling: FAST_POLLING,
      ...overrides,
    });
    handler.start();
    started.push(handler);
    return { bridge, handler, log, listenerErrors };
  }

  /** A started handler signed in as `credentials` (the demo user by default), with an empty event log. */
  async function signIn(
    credentials: Credentials = demoCredentials,
    overrides: Partial<Omit<BackendHandlerOptions, 'bridge'>> = {},
  ): Promise<HandlerContext> {
    const context = startHandler(overrides);
    await context.bridge.request('login', { email: credentials.email, password: credentials.password });
    context.log.clear();
    return context;
  }

  return { api, server, calls, startHandler, signIn };
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value: unknown) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
