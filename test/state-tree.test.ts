import type { RequestChangeMeta } from '../event-names';
import type { ServiceForm } from '../api/deploy-service-helper';
import { UserSchema, type User } from '../interfaces/user-interface';
import { demoCredentials, type ReferenceApi } from '../testing';
import {
  REFERENCE_API_URL,
  rejectionOf,
  serviceOf,
  setupReference,
  tenantOf,
  useReferenceApi,
  type ReferenceContext,
} from './support/reference';
import { SEED } from './support/reference-seed';

const { api, signIn } = useReferenceApi();

const { prod, labs } = SEED.tenants;

/** Runs `action` and returns what it resolved with, the `state:changed` events it caused, and the state after. */
async function step<T>({ handler, log }: ReferenceContext, action: () => Promise<T>) {
  log.clear();
  const result = await action();
  const changes = log.stateChanges();
  return { result, changes, state: handler.getState() };
}

const edgeAccount = (tenantId: string) => ({
  tenantId,
  name: 'aws-edge',
  cloudProvider: {
    name: 'aws',
    region: 'eu-south-2',
    authType: 'accessKey',
    credentialId: 'AKIA4EDGE0EXAMPLE',
    credentialSecret: 'edge-S3cr3t-key',
  },
});

const edgeEnvironment = (tenantId: string, account: string) => ({
  tenantId,
  name: 'edge-prod',
  account,
  labels: ['edge'],
  limits: { cpu: 4, memory: 8192 },
});

const gatewayForm = (tenantId: string, environment: string, account: string): ServiceForm => ({
  tenantId,
  name: 'gateway',
  environment,
  account,
  registry: 'registry.northwind.dev',
  imageName: 'northwind/gateway:1.0.0',
  minReplicas: 1,
  maxReplicas: 2,
  roles: [
    { name: 'proxy', cpu: 0.5, memory: 256 },
    { name: 'auth', cpu: 0.25, memory: 256 },
  ],
  serverChannels: [{ name: 'https', protocol: 'https', port: 443 }],
  clientChannels: [],
  duplexChannels: [],
  links: [],
  resources: [],
});

/** Who references whom in a user tree: the ids other entities hold, which must match the API after each step. */
function references(user: User) {
  return {
    organizations: user.organizations.map(({ id, tenantsIds, usersIds }) => ({ id, tenantsIds, usersIds })),
    tokens: user.tokens.map((token) => token.id),
    tenants: user.tenants.map((tenant) => ({
      id: tenant.id,
      accounts: tenant.accounts.map(({ id, environments, services }) => ({ id, environments, services })),
      environments: tenant.environments.map(({ id, account, services }) => ({ id, account, services })),
      services: tenant.services.map(({ id, status, environment, account, revisions, links }) => ({
        id,
        status,
        environment,
        account,
        revisions,
        links: links.map((link) => link.name),
      })),
      marketplaceItems: tenant.marketplaceItems.map(({ id, status }) => ({ id, status })),
      resources: tenant.resources.map((resource) => resource.id),
    })),
  };
}

/** The signed-in user as the API's loadUser returns it now, read with a session of its own (not the handler's). */
async function loadUserFromApi(api: ReferenceApi): Promise<User> {
  const login = await api.app.fetch(
    new Request(`${REFERENCE_API_URL}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(demoCredentials),
    }),
  );
  const { session } = (await login.json()) as { session: { accessToken: string } };
  const me = await api.app.fetch(
    new Request(`${REFERENCE_API_URL}/users/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } }),
  );
  return UserSchema.parse(await me.json());
}

function signedIn(state: User | null): User {
  if (state === null) throw new Error('the state is signed out');
  return state;
}

describe('the user state tree', () => {
  it('follows login, createTenant, createAccount, createEnvironment, deployService, scaleService and deleteService, sharing every unchanged branch', async () => {
    const context = setupReference();
    const { bridge } = context;

    // login: the whole tree arrives at once.
    const login = await step(context, () => bridge.request('login', { ...demoCredentials }));
    const s1 = signedIn(login.state);
    expect(login.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual(['login']);
    expect(login.changes[0]?.state).toBe(s1);
    expect(s1.tenants.map((tenant) => [tenant.name, tenant.role])).toEqual([
      ['northwind-prod', 'owner'],
      ['northwind-labs', 'admin'],
    ]);
    expect(Object.isFrozen(s1) && Object.isFrozen(s1.tenants)).toBe(true);

    // createTenant: a new tenant is appended; everything else keeps its identity.
    const created = await step(context, () =>
      bridge.request('createTenant', { name: 'northwind-edge', organizationId: SEED.organizations.northwind }),
    );
    const s2 = signedIn(created.state);
    const edge = created.result.id;
    expect(created.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual(['createTenant']);
    expect(created.changes[0]?.state).toBe(s2);
    expect(s2.tenants.map((tenant) => tenant.id)).toEqual([prod, labs, edge]);
    expect(tenantOf(s2, edge)).toMatchObject({
      name: 'northwind-edge',
      role: 'owner',
      services: [],
      accounts: [],
      environments: [],
      resources: [],
    });
    expect(tenantOf(s2, edge).marketplaceItems.map((item) => item.name)).toEqual([
      'postgres',
      'redis',
      'grafana',
      'keycloak',
    ]);
    // The organization now lists the tenant, as the API does; its other branches keep their identity.
    const [northwindBefore, northwindAfter] = [s1.organizations[0], s2.organizations[0]];
    expect(s2.organizations.map((organization) => organization.id)).toEqual([SEED.organizations.northwind]);
    expect(northwindAfter?.tenantsIds).toEqual([prod, labs, edge]);
    expect(northwindAfter?.billingInformation).toBe(northwindBefore?.billingInformation);
    expect(northwindAfter?.invoices).toBe(northwindBefore?.invoices);
    expect(northwindAfter?.usersIds).toBe(northwindBefore?.usersIds);
    expect(s2.tokens).toBe(s1.tokens);
    expect(tenantOf(s2, prod)).toBe(tenantOf(s1, prod));
    expect(tenantOf(s2, labs)).toBe(tenantOf(s1, labs));

    // createAccount: only the new tenant's accounts change.
    const account = await step(context, () => bridge.request('createAccount', edgeAccount(edge)));
    const s3 = signedIn(account.state);
    expect(account.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual(['createAccount']);
    expect(account.changes[0]?.state).toBe(s3);
    expect(tenantOf(s3, edge).accounts.map((item) => [item.id, item.name, item.cloudProvider.name])).toEqual([
      [account.result.id, 'aws-edge', 'aws'],
    ]);
    expect(JSON.stringify(s3)).not.toContain('edge-S3cr3t-key');
    expect(s3.organizations).toBe(s2.organizations);
    expect(tenantOf(s3, prod)).toBe(tenantOf(s1, prod));
    expect(tenantOf(s3, labs)).toBe(tenantOf(s1, labs));
    expect(tenantOf(s3, edge).environments).toBe(tenantOf(s2, edge).environments);
    expect(tenantOf(s3, edge).marketplaceItems).toBe(tenantOf(s2, edge).marketplaceItems);

    // createEnvironment: only the new tenant's environments change.
    const environment = await step(context, () =>
      bridge.request('createEnvironment', edgeEnvironment(edge, account.result.id)),
    );
    const s4 = signedIn(environment.state);
    expect(environment.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual(['createEnvironment']);
    expect(environment.changes[0]?.state).toBe(s4);
    expect(tenantOf(s4, edge).environments).toMatchObject([
      {
        id: environment.result.id,
        name: 'edge-prod',
        account: account.result.id,
        usage: { limit: { cpu: { max: 4 }, memory: { max: 8192 } } },
      },
    ]);
    // The account now lists its environment, as the API does; its other branches keep their identity.
    const [accountBefore, accountAfter] = [tenantOf(s3, edge).accounts[0], tenantOf(s4, edge).accounts[0]];
    expect(accountAfter?.environments).toEqual([environment.result.id]);
    expect(accountAfter?.cloudProvider).toBe(accountBefore?.cloudProvider);
    expect(accountAfter?.flavors).toBe(accountBefore?.flavors);
    expect(tenantOf(s4, edge).marketplaceItems).toBe(tenantOf(s2, edge).marketplaceItems);
    expect(tenantOf(s4, prod)).toBe(tenantOf(s1, prod));
    expect(s4.organizations).toBe(s2.organizations);

    // deployService until completed: one change, when the completed service is loaded into the state.
    const deployed = await step(context, () =>
      bridge.request('deployService', gatewayForm(edge, environment.result.id, account.result.id), {
        until: 'completed',
      }),
    );
    const s5 = signedIn(deployed.state);
    const gateway = deployed.result.target.id;
    expect(deployed.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual(['deployService']);
    expect(deployed.changes[0]?.state).toBe(s5);
    expect(tenantOf(s5, edge).services.map((service) => service.id)).toEqual([gateway]);
    const deployedService = serviceOf(s5, edge, gateway);
    expect(deployedService).toMatchObject({ name: 'gateway', status: 'running', minReplicas: 1, maxReplicas: 2 });
    expect(deployedService.roles.map((role) => [role.name, role.instances.length])).toEqual([
      ['proxy', 1],
      ['auth', 1],
    ]);
    expect(tenantOf(s5, edge).marketplaceItems).toBe(tenantOf(s2, edge).marketplaceItems);
    expect(tenantOf(s5, edge).resources).toBe(tenantOf(s2, edge).resources);
    expect(tenantOf(s5, prod)).toBe(tenantOf(s1, prod));
    expect(tenantOf(s5, labs)).toBe(tenantOf(s1, labs));
    expect(s5.organizations).toBe(s2.organizations);

    // scaleService until completed: two changes, the service marked deploying by its operation, then the scaled
    // service loaded.
    const scaled = await step(context, () =>
      bridge.request(
        'scaleService',
        { tenantId: edge, serviceId: gateway, minReplicas: 2, maxReplicas: 3 },
        { until: 'completed' },
      ),
    );
    const s6 = signedIn(scaled.state);
    expect(scaled.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual([
      'scaleService',
      'scaleService',
    ]);
    const [marked, reloaded] = scaled.changes.map(({ state }) => state);
    expect(serviceOf(marked ?? null, edge, gateway)).toEqual({
      ...deployedService,
      status: 'deploying',
      operation: scaled.result.id,
    });
    expect(reloaded).toBe(s6);
    const scaledService = serviceOf(s6, edge, gateway);
    expect(scaledService).toMatchObject({ status: 'running', minReplicas: 2, maxReplicas: 3 });
    expect(scaledService.roles.map((role) => [role.name, role.instances.length])).toEqual([
      ['proxy', 2],
      ['auth', 2],
    ]);
    expect(scaledService.revisions).toBe(deployedService.revisions);
    expect(scaledService.serverChannels).toBe(deployedService.serverChannels);
    expect(tenantOf(s6, edge).marketplaceItems).toBe(tenantOf(s2, edge).marketplaceItems);
    expect(tenantOf(s6, prod)).toBe(tenantOf(s1, prod));
    expect(s6.organizations).toBe(s2.organizations);

    // deleteService until completed: two changes, the service marked deleting, then removed.
    const deleted = await step(context, () =>
      bridge.request('deleteService', { tenantId: edge, serviceId: gateway }, { until: 'completed' }),
    );
    const s7 = signedIn(deleted.state);
    expect(deleted.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual([
      'deleteService',
      'deleteService',
    ]);
    const [deleting, removed] = deleted.changes.map(({ state }) => state);
    expect(serviceOf(deleting ?? null, edge, gateway).status).toBe('deleting');
    expect(removed).toBe(s7);
    expect(tenantOf(s7, edge).services).toEqual([]);
    expect(tenantOf(s7, edge).marketplaceItems).toBe(tenantOf(s2, edge).marketplaceItems);
    expect(tenantOf(s7, edge).resources).toBe(tenantOf(s2, edge).resources);
    expect(tenantOf(s7, prod)).toBe(tenantOf(s1, prod));
    expect(tenantOf(s7, labs)).toBe(tenantOf(s1, labs));
    expect(s7.organizations).toBe(s2.organizations);
    expect(s7.tokens).toBe(s1.tokens);

    // Every state:changed carried a new snapshot: no event without a change, no change without an event.
    const snapshots = [login, created, account, environment, deployed, scaled, deleted].flatMap(({ changes }) =>
      changes.map(({ state }) => state),
    );
    expect(snapshots).toHaveLength(9);
    expect(new Set(snapshots).size).toBe(snapshots.length);
    expect(snapshots.every((snapshot) => snapshot !== null && Object.isFrozen(snapshot))).toBe(true);
  });

  it('after each step of that sequence, the references between the entities of the tree match what the API returns', async () => {
    const context = setupReference();
    const { bridge, handler } = context;
    const compared: Array<{ step: string; state: unknown; api: unknown }> = [];
    const compare = async (name: string) => {
      compared.push({
        step: name,
        state: references(signedIn(handler.getState())),
        api: references(await loadUserFromApi(api)),
      });
    };

    await bridge.request('login', { ...demoCredentials });
    await compare('login');
    const tenant = await bridge.request('createTenant', {
      name: 'northwind-edge',
      organizationId: SEED.organizations.northwind,
    });
    await compare('createTenant');
    const account = await bridge.request('createAccount', edgeAccount(tenant.id));
    await compare('createAccount');
    const environment = await bridge.request('createEnvironment', edgeEnvironment(tenant.id, account.id));
    await compare('createEnvironment');
    const deployed = await bridge.request('deployService', gatewayForm(tenant.id, environment.id, account.id), {
      until: 'completed',
    });
    await compare('deployService');
    const serviceId = deployed.target.id;
    await bridge.request(
      'scaleService',
      { tenantId: tenant.id, serviceId, minReplicas: 2, maxReplicas: 3 },
      { until: 'completed' },
    );
    await compare('scaleService');
    await bridge.request('deleteService', { tenantId: tenant.id, serviceId }, { until: 'completed' });
    await compare('deleteService');

    expect(compared.map(({ step, state }) => ({ step, references: state }))).toEqual(
      compared.map(({ step, api: fromApi }) => ({ step, references: fromApi })),
    );
  });

  it('scaling one service keeps the identity of the other services, tenants and branches', async () => {
    const context = await signIn();
    const before = signedIn(context.handler.getState());
    const { shop, payments, analytics } = SEED.services;

    const scaled = await step(context, () =>
      context.bridge.request(
        'scaleService',
        { tenantId: prod, serviceId: payments, minReplicas: 2, maxReplicas: 2 },
        { until: 'completed' },
      ),
    );
    const after = signedIn(scaled.state);

    expect(scaled.changes.map(({ meta }) => (meta as RequestChangeMeta).name)).toEqual([
      'scaleService',
      'scaleService',
    ]);
    expect(serviceOf(after, prod, payments)).not.toBe(serviceOf(before, prod, payments));
    expect(serviceOf(after, prod, payments).minReplicas).toBe(2);
    expect(serviceOf(after, prod, shop)).toBe(serviceOf(before, prod, shop));
    expect(serviceOf(after, prod, analytics)).toBe(serviceOf(before, prod, analytics));
    expect(serviceOf(after, prod, payments).resources).toBe(serviceOf(before, prod, payments).resources);
    const [prodBefore, prodAfter] = [tenantOf(before, prod), tenantOf(after, prod)];
    expect(prodAfter.accounts).toBe(prodBefore.accounts);
    expect(prodAfter.environments).toBe(prodBefore.environments);
    expect(prodAfter.resources).toBe(prodBefore.resources);
    expect(prodAfter.marketplaceItems).toBe(prodBefore.marketplaceItems);
    expect(tenantOf(after, labs)).toBe(tenantOf(before, labs));
    expect(after.organizations).toBe(before.organizations);
    expect(after.tokens).toBe(before.tokens);
  });

  it('a refused request leaves the state as it was and emits no state:changed', async () => {
    const context = await signIn();
    const before = context.handler.getState();

    const refused = await step(context, () =>
      rejectionOf(
        context.bridge.request('createTenant', {
          name: 'northwind-prod',
          organizationId: SEED.organizations.northwind,
        }),
      ),
    );

    expect(refused.result).toMatchObject({ code: 'CONFLICT' });
    expect(refused.changes).toEqual([]);
    expect(refused.state).toBe(before);
  });
});
